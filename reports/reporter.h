// reports/reporter.h — every output format is a sink fed begin / item / end (DESIGN §1, §5).
//
// Items arrive in any order (the pipeline evaluates them on worker threads, but calls a reporter
// from one thread at a time). A reporter that needs a stable order sorts in end(). Adding a
// format touches nothing but its own file and the factory.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "core/expected.h"
#include "reports/scan_record.h"

namespace exposcan {

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void begin(const ScanInfo& scan) = 0;
  virtual void item(const Item& item, std::span<const Finding> findings) = 0;
  // `scan` is the final scan info (finished time, counts, errors, status).
  virtual Status end(const ScanInfo& scan) = 0;
};

// Output options shared by the reporters.
struct ReportOptions {
  bool show_values = false;  // print raw personal values (off: redacted)
  bool color = false;        // terminal colours
  std::string output_path;   // empty: stdout (where the format allows it)
};

// Feeds a complete record to a reporter: begin, every item with its findings, end.
Status render(const ScanRecord& record, Reporter& reporter);

}  // namespace exposcan
