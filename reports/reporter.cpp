#include "reports/reporter.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "core/fs.h"
#include "reports/json_report.h"
#include "reports/match_value.h"
#include "reports/redaction.h"

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

void for_each_item(const ScanRecord& record, const std::function<void(const Item*, std::span<const Finding>)>& each) {
  std::map<std::string, std::vector<Finding>> by_item;
  for (const auto& f : record.findings) by_item[f.item_id].push_back(f);
  for (const auto& item : record.items) {
    auto it = by_item.find(item.id);
    if (it == by_item.end()) {
      each(&item, {});
    } else {
      each(&item, it->second);
      by_item.erase(it);
    }
  }
  std::vector<Finding> orphans;
  for (auto& [_, findings] : by_item) orphans.insert(orphans.end(), findings.begin(), findings.end());
  if (!orphans.empty()) each(nullptr, orphans);
}

Status render(const ScanRecord& record, Reporter& reporter) {
  reporter.begin(record.scan);
  for_each_item(record, [&reporter](const Item* item, std::span<const Finding> findings) {
    if (item) reporter.item(*item, findings);
  });
  return reporter.end(record.scan);
}

ShownItem::ShownItem(const Item* item, std::span<const Finding> findings, bool show_values)
    : m_item(item), m_findings(findings.begin(), findings.end()) {
  if (!show_values && !m_findings.empty()) {
    if (item) {
      m_redacted = *item;
      redact_item(*m_redacted, m_findings);
    } else {
      for (auto& f : m_findings)
        for (auto& m : f.matches) m.value = shown_value(m, false);
    }
  }
  std::stable_sort(m_findings.begin(), m_findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.item_id, a.rule_id, a.fingerprint) < std::tie(b.item_id, b.rule_id, b.fingerprint);
  });
}

namespace {

class WriterReporter final : public Reporter {
 public:
  WriterReporter(std::unique_ptr<ReportWriter> writer, ReportOptions options)
      : m_writer(std::move(writer)), m_options(std::move(options)) {}
  void begin(const ScanInfo&) override {}
  void item(const Item& item, std::span<const Finding> findings) override { m_writer->add(&item, findings); }
  Status end(const ScanInfo& scan) override {
    ReportStream out(m_options);
    auto s = m_writer->finish(scan, [&out](std::string_view part) { out.write(part); });
    if (!s) return s;
    return out.finish();
  }

 private:
  std::unique_ptr<ReportWriter> m_writer;
  ReportOptions m_options;
};

}  // namespace

std::unique_ptr<Reporter> make_writer_reporter(std::unique_ptr<ReportWriter> writer, ReportOptions options) {
  return std::make_unique<WriterReporter>(std::move(writer), std::move(options));
}

std::string render_with(const ScanRecord& record, ReportWriter& writer) {
  for_each_item(record, [&writer](const Item* item, std::span<const Finding> findings) { writer.add(item, findings); });
  std::string out;
  (void)writer.finish(record.scan, [&out](std::string_view part) { out += part; });
  return out;
}

}  // namespace exposcan
