#include "reports/json_report.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <tuple>

#include "core/fs.h"
#include "reports/json_model.h"
#include "reports/redaction.h"
#include "reports/spill_list.h"

namespace exposcan {
namespace {

using json = nlohmann::json;

std::string pretty(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

// `text` (pretty JSON) indented by `prefix` on every line, as it reads nested in the document.
std::string nested(const std::string& text, std::string_view prefix) {
  std::string out(prefix);
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    out += c;
    if (c == '\n') out += prefix;
  }
  return out;
}

// The document is what nlohmann's dump(2) makes of {"findings", "items", "scan", "schema_version",
// "summary", "tool"} (keys in that order), written a part at a time.
class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(ReportOptions options)
      : m_options(std::move(options)), m_show(personal_file_shows_values(m_options)) {}

  void begin(const ScanInfo&) override {}

  void item(const Item& item, std::span<const Finding> findings) override {
    m_summary.add(item, findings);
    const Item* shown = &item;
    std::vector<Finding> shown_findings(findings.begin(), findings.end());
    std::optional<Item> redacted;
    if (!m_show && !findings.empty()) {
      redacted = item;
      redact_item(*redacted, shown_findings);
      shown = &*redacted;
    }
    // An item's findings in report order, so that items arriving by id keep the list in order.
    std::stable_sort(shown_findings.begin(), shown_findings.end(), [](const Finding& a, const Finding& b) {
      return std::tie(a.item_id, a.rule_id, a.fingerprint) < std::tie(b.item_id, b.rule_id, b.fingerprint);
    });
    m_items.add(sort_key({shown->id}), nested(pretty(item_to_json(*shown)), "    "));
    for (const auto& f : shown_findings)
      m_findings.add(sort_key({f.item_id, f.rule_id, f.fingerprint}), nested(pretty(finding_to_json(f, true)), "    "));
  }

  Status end(const ScanInfo& scan) override {
    std::optional<PrivateFileWriter> file;
    if (!writes_to_stdout(m_options)) file.emplace(m_options.output_path);
    bool stdout_failed = false;
    auto out = [&](std::string_view text) {
      if (file) file->append(text);
      else if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) stdout_failed = true;
    };
    out("{\n");
    for (auto [name, list] : {std::pair<const char*, SpillList*>{"findings", &m_findings}, {"items", &m_items}}) {
      out(std::string("  \"") + name + "\": ");
      if (list->size() == 0) {
        out("[],\n");
        continue;
      }
      out("[\n");
      bool first = true;
      auto s = list->each_sorted([&](std::string_view part) {
        if (!first) out(",\n");
        first = false;
        out(part);
      });
      if (!s) return s;
      out("\n  ],\n");
    }
    json tail = {{"schema_version", k_report_schema_version},
                 {"tool", {{"name", scan.tool}, {"version", scan.tool_version}}},
                 {"scan", scan_info_to_json(scan)},
                 {"summary", summary_to_json(m_summary.summary())}};
    std::string rest = pretty(tail);  // "{\n  \"scan\": …\n}": keep what is between the braces
    out(std::string_view(rest).substr(2, rest.size() - 4));
    out("\n}\n");
    if (file) return file->commit();
    if (stdout_failed || std::fflush(stdout) != 0) return make_error("io", "cannot write the report to stdout");
    return {};
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
