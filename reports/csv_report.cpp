#include "reports/csv_report.h"

#include "core/text.h"
#include "reports/report_text.h"
#include "reports/spill_list.h"
#include "reports/text_escape.h"

namespace exposcan {
namespace {

constexpr const char* k_csv_columns[] = {
    "item_id",       "platform",      "kind",           "url",        "published_at", "visibility", "verdict",
    "severity",      "confidence",    "rule_id",        "title",      "reasons",      "personal_data_categories",
    "personal_data", "agents_allowed", "policy",        "user_control", "evidence_url", "evidence_status",
    "fetched_at",    "sha256",        "fingerprint"};

// Several values in one cell.
std::string cell_list(const std::vector<std::string>& parts) { return join(parts, " | "); }

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
  return out + "\r\n";
}

// One row per finding, kept on disk in report order (item id, rule id, fingerprint).
class CsvWriter final : public ReportWriter {
 public:
  explicit CsvWriter(bool show_values) : m_show(show_values) {}

  void add(const Item* source, std::span<const Finding> findings) override {
    ShownItem shown(source, findings, m_show);
    const Item* item = shown.item();
    for (const auto& f : shown.findings()) {
      std::vector<std::string> values;
      for (const auto& m : f.matches) values.push_back(match_label(m) + ": " + m.value);
      m_rows.add(sort_key({f.item_id, f.rule_id, f.fingerprint}),
                 csv_row({f.item_id,
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
                          cell_list(f.reasons),
                          cell_list(match_categories(f.matches)),
                          cell_list(values),
                          allowed_agents(f),
                          f.policy ? f.policy->id : "",
                          f.policy ? f.policy->user_control : "",
                          f.evidence.url,
                          f.evidence.status ? std::to_string(f.evidence.status) : "",
                          time_text(f.evidence.fetched_at),
                          f.evidence.sha256,
                          f.fingerprint}));
    }
  }

  Status finish(const ScanInfo&, const std::function<void(std::string_view)>& out) override {
    out(csv_row(std::vector<std::string>(std::begin(k_csv_columns), std::end(k_csv_columns))));
    return m_rows.each_sorted(out);
  }

 private:
  bool m_show;
  SpillList m_rows;
};

}  // namespace

std::string render_csv(const ScanRecord& record, bool show_values) {
  CsvWriter writer(show_values);
  return render_with(record, writer);
}

std::unique_ptr<Reporter> make_csv_reporter(ReportOptions options) {
  const bool show = personal_file_shows_values(options);
  return make_writer_reporter(std::make_unique<CsvWriter>(show), std::move(options));
}

}  // namespace exposcan
