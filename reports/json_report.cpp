#include "reports/json_report.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "core/fs.h"
#include "reports/json_model.h"
#include "reports/spill_list.h"

namespace exposcan {
namespace {

using json = nlohmann::json;

// The document is what nlohmann's dump(2) makes of {"findings", "items", "scan", "schema_version",
// "summary", "tool"} (keys in that order), written a part at a time.
class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(ReportOptions options)
      : m_options(std::move(options)), m_show(personal_file_shows_values(m_options)) {}

  void begin(const ScanInfo&) override {}

  void item(const Item& item, std::span<const Finding> findings) override {
    m_summary.add(item, findings);
    ShownItem shown(&item, findings, m_show);
    m_items.add(sort_key({item.id}), nested_json(pretty_json(item_to_json(*shown.item())), "    "));
    for (const auto& f : shown.findings())
      m_findings.add(sort_key({f.item_id, f.rule_id, f.fingerprint}), nested_json(pretty_json(finding_to_json(f, true)), "    "));
  }

  Status end(const ScanInfo& scan) override {
    ReportStream out(m_options);
    out.write("{\n");
    for (auto [name, list] : {std::pair<const char*, SpillList*>{"findings", &m_findings}, {"items", &m_items}}) {
      out.write(std::string("  \"") + name + "\": ");
      if (list->size() == 0) {
        out.write("[],\n");
        continue;
      }
      out.write("[\n");
      bool first = true;
      auto s = list->each_sorted([&](std::string_view part) {
        if (!first) out.write(",\n");
        first = false;
        out.write(part);
      });
      if (!s) return s;
      out.write("\n  ],\n");
    }
    json tail = {{"schema_version", k_report_schema_version},
                 {"tool", {{"name", scan.tool}, {"version", scan.tool_version}}},
                 {"scan", scan_info_to_json(scan)},
                 {"summary", summary_to_json(m_summary.summary())}};
    std::string rest = pretty_json(tail);  // "{\n  \"scan\": …\n}": keep what is between the braces
    out.write(std::string_view(rest).substr(2, rest.size() - 4));
    out.write("\n}\n");
    return out.finish();
  }

 private:
  ReportOptions m_options;
  bool m_show;
  SummaryBuilder m_summary;
  SpillList m_items;
  SpillList m_findings;
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
