#include "reports/reporter.h"

#include <cstdio>
#include <map>

#include "core/fs.h"
#include "reports/json_report.h"

namespace exposcan {

bool writes_to_stdout(const ReportOptions& options) {
  return options.output_path.empty() || options.output_path == "-";
}

bool personal_file_shows_values(const ReportOptions& options) {
  return options.show_values || !writes_to_stdout(options);
}

Status write_report_text(const ReportOptions& options, std::string_view text) {
  if (writes_to_stdout(options)) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
      return make_error("io", "cannot write the report to stdout");
    return {};
  }
  return write_private_file(options.output_path, text);
}

ReportStream::ReportStream(const ReportOptions& options) {
  if (!writes_to_stdout(options)) m_file.emplace(options.output_path);
}

void ReportStream::write(std::string_view text) {
  if (m_file) {
    m_file->append(text);
  } else if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
    m_stdout_failed = true;
  }
}

Status ReportStream::finish() {
  if (m_file) return m_file->commit();
  if (m_stdout_failed || std::fflush(stdout) != 0) return make_error("io", "cannot write the report to stdout");
  return {};
}

Status render(const ScanRecord& record, Reporter& reporter) {
  reporter.begin(record.scan);
  std::map<std::string, std::vector<Finding>> by_item;
  for (const auto& f : record.findings) by_item[f.item_id].push_back(f);
  for (const auto& item : record.items) {
    auto it = by_item.find(item.id);
    if (it == by_item.end()) {
      reporter.item(item, {});
    } else {
      reporter.item(item, it->second);
    }
  }
  return reporter.end(record.scan);
}

void RecordReporter::begin(const ScanInfo& scan) { m_record.scan = scan; }

void RecordReporter::item(const Item& item, std::span<const Finding> findings) {
  m_record.items.push_back(item);
  m_record.findings.insert(m_record.findings.end(), findings.begin(), findings.end());
}

Status RecordReporter::end(const ScanInfo& scan) {
  m_record.scan = scan;
  sort_record(m_record);
  return write_report_text(m_options, render_record(m_record));
}

}  // namespace exposcan
