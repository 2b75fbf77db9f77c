#include "reports/json_report.h"

#include <algorithm>
#include <cstdio>

#include "core/fs.h"
#include "reports/json_model.h"

namespace exposcan {
namespace {

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(ReportOptions o) : m_options(std::move(o)) {}
  void begin(const ScanInfo& scan) override { m_record.scan = scan; }
  void item(const Item& item, std::span<const Finding> findings) override {
    m_record.items.push_back(item);
    m_record.findings.insert(m_record.findings.end(), findings.begin(), findings.end());
  }
  Status end(const ScanInfo& scan) override {
    m_record.scan = scan;
    sort_record(m_record);
    std::string text = record_to_json(m_record, m_options.show_values).dump(2) + "\n";
    if (m_options.output_path.empty() || m_options.output_path == "-") {
      std::fwrite(text.data(), 1, text.size(), stdout);
      return {};
    }
    return write_private_file(m_options.output_path, text);
  }

 private:
  ReportOptions m_options;
  ScanRecord m_record;
};

}  // namespace

void sort_record(ScanRecord& record) {
  std::sort(record.items.begin(), record.items.end(), [](const Item& a, const Item& b) { return a.id < b.id; });
  std::stable_sort(record.findings.begin(), record.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.item_id, a.rule_id, a.fingerprint) < std::tie(b.item_id, b.rule_id, b.fingerprint);
  });
}

std::unique_ptr<Reporter> make_json_reporter(ReportOptions options) {
  return std::make_unique<JsonReporter>(std::move(options));
}

}  // namespace exposcan
