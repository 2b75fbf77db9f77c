#include "reports/csv_report.h"

#include <map>

#include "reports/redaction.h"
#include "reports/report_text.h"
#include "reports/text_escape.h"

namespace exposcan {
namespace {

constexpr const char* k_csv_columns[] = {
    "item_id",       "platform",      "kind",           "url",        "published_at", "visibility", "verdict",
    "severity",      "confidence",    "rule_id",        "title",      "reasons",      "personal_data_categories",
    "personal_data", "agents_allowed", "policy",        "user_control", "evidence_url", "evidence_status",
    "fetched_at",    "sha256",        "fingerprint"};

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " | ") + p;
  return out;
}

class CsvReporter final : public RecordReporter {
 public:
  using RecordReporter::RecordReporter;

 protected:
  std::string render_record(const ScanRecord& record) override {
    return render_csv(record, personal_file_shows_values(options()));
  }
};

}  // namespace

std::string render_csv(const ScanRecord& input, bool show_values) {
  ScanRecord redacted;
  if (!show_values) redacted = redacted_record(input);
  const ScanRecord& record = show_values ? input : redacted;  // values already redacted when !show_values
  std::map<std::string, const Item*> items;
  for (const auto& i : record.items) items[i.id] = &i;
  std::string out;
  auto row = [&out](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
    out += "\r\n";
  };
  row(std::vector<std::string>(std::begin(k_csv_columns), std::end(k_csv_columns)));
  for (const auto& f : record.findings) {
    auto it = items.find(f.item_id);
    const Item* item = it == items.end() ? nullptr : it->second;
    std::vector<std::string> values;
    for (const auto& m : f.matches) values.push_back(match_label(m) + ": " + m.value);
    row({f.item_id,
         f.platform,
         item ? std::string(to_string(item->kind)) : "",
         f.url,
         item ? time_text(item->published_at) : "",
         item ? std::string(to_string(item->visibility)) : "",
         std::string(to_string(f.verdict)),
         std::string(to_string(f.severity)),
         f.confidence,
         f.rule_id,
         f.title,
         join(f.reasons),
         join(match_categories(f.matches)),
         join(values),
         allowed_agents(f),
         f.policy ? f.policy->id : "",
         f.policy ? f.policy->user_control : "",
         f.evidence.url,
         f.evidence.status ? std::to_string(f.evidence.status) : "",
         time_text(f.evidence.fetched_at),
         f.evidence.sha256,
         f.fingerprint});
  }
  return out;
}

std::unique_ptr<Reporter> make_csv_reporter(ReportOptions options) {
  return std::make_unique<CsvReporter>(std::move(options));
}

}  // namespace exposcan
