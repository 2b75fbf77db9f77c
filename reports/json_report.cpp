#include "reports/json_report.h"

#include <algorithm>
#include <tuple>

#include "reports/json_model.h"

namespace exposcan {
namespace {

class JsonReporter final : public RecordReporter {
 public:
  using RecordReporter::RecordReporter;

 protected:
  std::string render_record(const ScanRecord& record) override {
    return record_to_json(record, personal_file_shows_values(options())).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
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
