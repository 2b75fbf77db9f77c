// reports/reporter.h — every output format is a sink fed begin / item / end (DESIGN §1, §5).
//
// Items arrive in any order (the pipeline evaluates them on worker threads, but calls a reporter
// from one thread at a time). A reporter that needs a stable order sorts in end(). Adding a
// format touches nothing but its own file and the factory.
#pragma once

#include <functional>
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

// Calls `each` with every item of `record` and its findings, then once with a null item and the
// findings whose item the record does not hold (skipped when there are none).
void for_each_item(const ScanRecord& record, const std::function<void(const Item*, std::span<const Finding>)>& each);

// An item and its findings as a report shows them: a redacted copy (redact_item) unless
// `show_values`, and the findings in report order (rule id, fingerprint; equal keys keep their
// order). With a null item only the match values are redacted.
class ShownItem {
 public:
  ShownItem(const Item* item, std::span<const Finding> findings, bool show_values);
  const Item* item() const { return m_redacted ? &*m_redacted : m_item; }
  const std::vector<Finding>& findings() const { return m_findings; }

 private:
  const Item* m_item;
  std::optional<Item> m_redacted;
  std::vector<Finding> m_findings;
};

// A format written a part at a time (CSV, Markdown, HTML): add() takes each item as it arrives
// and keeps its rendered parts on disk (SpillList), finish() writes the document in report order.
// Memory holds counts, not items.
class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  // `item` null: findings whose item is unknown (a record read back without it).
  virtual void add(const Item* item, std::span<const Finding> findings) = 0;
  virtual Status finish(const ScanInfo& scan, const std::function<void(std::string_view)>& out) = 0;
};

// A reporter that feeds a ReportWriter and writes its document with ReportStream.
std::unique_ptr<Reporter> make_writer_reporter(std::unique_ptr<ReportWriter> writer, ReportOptions options);
// The whole record through a writer, as a string (what a reporter would write).
std::string render_with(const ScanRecord& record, ReportWriter& writer);

}  // namespace exposcan
