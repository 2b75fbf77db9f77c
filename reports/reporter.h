// reports/reporter.h — every output format is a sink fed begin / item / end (DESIGN §1, §5).
//
// Items arrive in any order (the pipeline evaluates them on worker threads, but calls a reporter
// from one thread at a time). A reporter that needs a stable order sorts in end(). Adding a
// format touches nothing but its own file and the factory.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/expected.h"
#include "core/fs.h"
#include "reports/scan_record.h"

namespace exposcan {

// A rule the engine ran, for formats that declare their rules up front (SARIF).
struct RuleDescriptor {
  std::string id;
  std::string pack;
  std::string title;
  std::string severity;     // "info" … "critical"
  std::string description;  // empty: the title
  std::string help;         // what to do; empty: taken from a finding's remediation
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void begin(const ScanInfo& scan) = 0;
  virtual void item(const Item& item, std::span<const Finding> findings) = 0;
  // `scan` is the final scan info (finished time, counts, errors, status).
  virtual Status end(const ScanInfo& scan) = 0;
  // Every rule the engine ran, before begin(); formats that declare rules (SARIF) keep them.
  virtual void set_rules(std::vector<RuleDescriptor> /*rules*/) {}
};

// Output options shared by the reporters.
struct ReportOptions {
  bool show_values = false;  // --show-values: raw personal values everywhere
  bool color = false;        // terminal colours
  std::string output_path;   // empty or "-": stdout (where the format allows it)
  std::vector<RuleDescriptor> rules;  // every rule that ran (SARIF); findings add the rest
};

// Where personal values appear (DESIGN §5): with --show-values, everywhere; without it, only in
// report files (mode 0600) of formats meant for the person (JSON, JSONL, HTML, Markdown, CSV).
// Terminal, anything on stdout and SARIF (uploaded to CI) show redacted forms.
bool writes_to_stdout(const ReportOptions& options);
bool personal_file_shows_values(const ReportOptions& options);  // JSON/JSONL/HTML/MD/CSV rule

// Writes a finished report to stdout or to output_path (atomically, mode 0600).
Status write_report_text(const ReportOptions& options, std::string_view text);

// A report written a part at a time, to stdout or to output_path (a temporary file renamed into
// place by finish(), mode 0600; nothing is left behind when finish() is never called).
class ReportStream {
 public:
  explicit ReportStream(const ReportOptions& options);
  void write(std::string_view text);
  Status finish();

 private:
  std::optional<PrivateFileWriter> m_file;
  bool m_stdout_failed = false;
};

// Feeds a complete record to a reporter: begin, every item with its findings, end.
Status render(const ScanRecord& record, Reporter& reporter);

// Base for formats that render the whole record at end(): collects items and findings, sorts
// them into report order (sort_record) and hands the record to render_record().
class RecordReporter : public Reporter {
 public:
  explicit RecordReporter(ReportOptions options) : m_options(std::move(options)) {}
  void begin(const ScanInfo& scan) override;
  void item(const Item& item, std::span<const Finding> findings) override;
  Status end(const ScanInfo& scan) override;

 protected:
  virtual std::string render_record(const ScanRecord& record) = 0;
  const ReportOptions& options() const { return m_options; }

 private:
  ReportOptions m_options;
  ScanRecord m_record;
};

}  // namespace exposcan
