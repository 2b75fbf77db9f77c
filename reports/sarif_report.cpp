#include "reports/sarif_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/fs.h"
#include "core/hash.h"
#include "core/text.h"
#include "core/url.h"
#include "core/version.h"
#include "reports/json_report.h"
#include "reports/report_text.h"
#include "reports/text_escape.h"

namespace exposcan {
namespace {

using json = nlohmann::json;

constexpr const char* k_sarif_schema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* k_fingerprint_key = "exposcanFingerprint/v1";

const char* level_for(Severity s) {
  switch (s) {
    case Severity::critical:
    case Severity::high: return "error";
    case Severity::medium: return "warning";
    case Severity::low:
    case Severity::info: return "note";
  }
  return "note";
}

// GitHub: > 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
const char* security_severity(Severity s) {
  switch (s) {
    case Severity::critical: return "9.5";
    case Severity::high: return "8.0";
    case Severity::medium: return "5.5";
    case Severity::low: return "3.0";
    case Severity::info: return "1.0";
  }
  return "1.0";
}

const char* kind_for(Verdict v) {
  switch (v) {
    case Verdict::trainable: return "fail";
    case Verdict::not_trainable:
    case Verdict::not_public: return "pass";
    case Verdict::unknown: return "review";
    case Verdict::could_not_check: return "open";
  }
  return "review";
}

std::string camel_name(std::string_view id) {
  std::string out;
  bool up = true;
  for (char c : id) {
    if (!is_ascii_alnum(c)) {
      up = true;
      continue;
    }
    out += up ? ascii_upper_char(c) : c;
    up = false;
  }
  return out;
}

std::string safe_segment(std::string_view s, size_t max) {
  std::string out;
  for (char c : s) {
    if (out.size() >= max) break;
    out += (is_ascii_alnum(c) || c == '-' || c == '.') ? ascii_lower_char(c) : '_';
  }
  while (!out.empty() && out.front() == '.') out.front() = '_';
  return out;
}

// "snapshots/<host>/<path-slug>-<8 hex of the item id>.txt": stable, no "..", ASCII only.
std::string snapshot_path(const Item& item) {
  std::string host = "local", path;
  if (auto u = Url::parse(item.url)) {
    host = safe_segment(u->host(), 100);
    path = u->path();
  }
  std::string slug;
  for (auto seg : split(path, '/')) {
    if (seg.empty()) continue;
    if (!slug.empty()) slug += '_';
    slug += safe_segment(seg, 40);
  }
  if (slug.size() > 60) slug.resize(60);
  if (slug.empty()) slug = "index";
  return fmt::format("snapshots/{}/{}-{}.txt", host.empty() ? "local" : host, slug, sha256_hex(item.id).substr(0, 8));
}

struct Region {
  size_t start = 0, end = 0;  // byte offsets into the snapshot
};

struct Snapshot {
  std::string path;
  std::string text;
  std::map<const Match*, Region> regions;
};

// Renders the item's text fields; matches become redacted spans unless show_values.
Snapshot build_snapshot(const Item& item, const std::vector<const Finding*>& findings, bool show_values) {
  Snapshot snap;
  snap.path = snapshot_path(item);
  snap.text = fmt::format("exposcan snapshot of {}\nitem: {}\n", item.url, item.id);
  if (!item.source_sha256.empty()) snap.text += "source sha256: " + item.source_sha256 + "\n";
  if (!show_values) snap.text += "personal values are redacted (run with --show-values to keep them)\n";
  for_each_text_field(item, [&](std::string_view field, std::string_view raw) {
    if (raw.empty()) return;
    std::string text(raw);
    for (char& c : text)
      if (c == '\r') c = ' ';
    std::vector<const Match*> ms;
    for (const Finding* f : findings)
      for (const auto& m : f->matches)
        if (m.field == field && m.start < m.end && m.end <= text.size()) ms.push_back(&m);
    std::sort(ms.begin(), ms.end(), [](const Match* a, const Match* b) {
      return a->start != b->start ? a->start < b->start : a->end > b->end;
    });
    snap.text += "\n[" + std::string(field) + "]\n";
    size_t pos = 0;
    for (size_t i = 0; i < ms.size();) {
      size_t s = ms[i]->start, e = ms[i]->end, j = i;
      const Match* widest = ms[i];
      while (j < ms.size() && ms[j]->start < e) {
        if (ms[j]->end > e) e = ms[j]->end;
        if (ms[j]->end - ms[j]->start > widest->end - widest->start) widest = ms[j];
        ++j;
      }
      snap.text.append(text, pos, s - pos);
      size_t out_start = snap.text.size();
      std::string span = text.substr(s, e - s);
      Match whole = *widest;
      whole.value = span;
      snap.text += show_values ? span : shown_value(whole, false);
      for (size_t k = i; k < j; ++k) {
        Region r{out_start, snap.text.size()};
        if (show_values) r = {out_start + (ms[k]->start - s), out_start + (ms[k]->end - s)};
        snap.regions[ms[k]] = r;
      }
      pos = e;
      i = j;
    }
    snap.text.append(text, pos, std::string::npos);
    snap.text += "\n";
  });
  return snap;
}

// Line and column (1-based, Unicode code points) of a byte offset.
std::pair<size_t, size_t> line_col(const std::string& text, size_t offset) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

json region_json(const std::string& text, Region r) {
  auto [sl, sc] = line_col(text, r.start);
  auto [el, ec] = line_col(text, r.end);
  return {{"startLine", sl}, {"startColumn", sc}, {"endLine", el}, {"endColumn", ec}};
}

json rule_json(const RuleDescriptor& d, Severity severity) {
  std::string title = d.title.empty() ? d.id : d.title;
  std::string description = d.description.empty() ? title : d.description;
  std::string help = d.help.empty() ? description : d.help;
  std::vector<std::string> tags = {"privacy", "ai-training"};
  if (!d.pack.empty() && d.pack != "ai-training") tags.push_back(d.pack);
  return {{"id", d.id},
          {"name", camel_name(d.id)},
          {"shortDescription", {{"text", title}}},
          {"fullDescription", {{"text", description}}},
          {"help", {{"text", help}, {"markdown", help}}},
          {"defaultConfiguration", {{"level", level_for(severity)}}},
          {"properties", {{"security-severity", security_severity(severity)}, {"tags", tags}, {"precision", "high"}}}};
}

std::string message_for(const Finding& f, bool show_values) {
  std::string text = (f.title.empty() ? f.rule_id : f.title) + ": " + verdict_label(f.verdict) + ".";
  for (size_t i = 0; i < f.reasons.size() && i < 3; ++i) text += " " + f.reasons[i];
  std::string agents = allowed_agents(f);
  if (f.verdict == Verdict::trainable && !agents.empty()) text += " AI crawlers allowed: " + agents + ".";
  std::string pd = match_summary(f.matches, show_values);
  if (!pd.empty()) text += " Personal data: " + pd + ".";
  return text;
}

}  // namespace

std::string sarif_uri_prefix(const std::string& output_path) {
  if (output_path.empty() || output_path == "-") return "";
  std::error_code ec;
  auto dir = std::filesystem::absolute(std::filesystem::path(output_path), ec).parent_path();
  auto cwd = std::filesystem::current_path(ec);
  if (ec) return "";
  auto rel = dir.lexically_proximate(cwd);
  std::string s = rel.generic_string();
  if (s.empty() || s == "." || s.rfind("..", 0) == 0 || rel.is_absolute()) return "";
  return s + "/";
}

SarifOutput render_sarif(const ScanRecord& record, const ReportOptions& options, const std::string& uri_prefix) {
  const bool show = options.show_values;
  SarifOutput out;

  // Rules: the catalog, then any rule a finding names; severities from the catalog, else the
  // most severe finding of the rule.
  std::map<std::string, RuleDescriptor> rules;
  std::map<std::string, Severity> rule_severity;
  for (const auto& d : options.rules) {
    rules[d.id] = d;
    if (auto s = severity_from_string(d.severity)) rule_severity[d.id] = *s;
  }
  for (const auto& f : record.findings) {
    auto& d = rules[f.rule_id];
    if (d.id.empty()) d = RuleDescriptor{f.rule_id, f.pack, f.title, std::string(to_string(f.severity)), "", ""};
    if (d.help.empty() && !f.remediation.empty()) d.help = f.remediation;
    if (d.title.empty()) d.title = f.title;
  }
  for (const auto& f : record.findings) {
    bool from_catalog = false;
    for (const auto& d : options.rules) from_catalog |= d.id == f.rule_id && severity_from_string(d.severity).has_value();
    if (from_catalog) continue;
    auto it = rule_severity.find(f.rule_id);
    if (it == rule_severity.end() || f.severity > it->second) rule_severity[f.rule_id] = f.severity;
  }
  json rules_json = json::array();
  std::map<std::string, size_t> rule_index;
  for (const auto& [id, d] : rules) {
    rule_index[id] = rules_json.size();
    rules_json.push_back(rule_json(d, rule_severity.count(id) ? rule_severity[id] : Severity::info));
  }

  std::map<std::string, std::vector<const Finding*>> by_item;
  for (const auto& f : record.findings) by_item[f.item_id].push_back(&f);
  std::map<std::string, Snapshot> snapshots;
  for (const auto& item : record.items) {
    auto it = by_item.find(item.id);
    if (it == by_item.end()) continue;
    snapshots[item.id] = build_snapshot(item, it->second, show);
  }

  json results = json::array();
  for (const auto& f : record.findings) {
    const Snapshot* snap = snapshots.count(f.item_id) ? &snapshots[f.item_id] : nullptr;
    std::string uri = uri_prefix + (snap ? snap->path : "snapshots/unknown.txt");
    json logical = json::array({{{"name", short_url(f.url.empty() ? f.item_id : f.url, 120)},
                                 {"fullyQualifiedName", f.url.empty() ? f.item_id : f.url},
                                 {"kind", "resource"}}});
    auto location = [&](const Match* m, int id) {
      json region = {{"startLine", 1}};
      if (snap && m && snap->regions.count(m)) region = region_json(snap->text, snap->regions.at(m));
      json loc = {{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}, {"region", region}}},
                  {"logicalLocations", logical}};
      if (id >= 0) {
        loc["id"] = id;
        loc["message"] = {{"text", match_label(*m) + " " + shown_value(*m, show) + " in " + m->field}};
      }
      return loc;
    };
    json related = json::array();
    for (size_t i = 1; i < f.matches.size(); ++i) related.push_back(location(&f.matches[i], static_cast<int>(i)));
    std::string fingerprint = f.fingerprint.empty() ? sha256_hex(f.rule_id + "\x1f" + f.item_id) : f.fingerprint;
    json evidence = {{"url", f.evidence.url}, {"status", f.evidence.status},
                     {"fetched_at", f.evidence.fetched_at ? json(format_rfc3339(*f.evidence.fetched_at)) : json(nullptr)},
                     {"sha256", f.evidence.sha256.empty() ? json(nullptr) : json(f.evidence.sha256)}};
    json agents = json::array();
    for (const auto& a : f.agents)
      if (a.fetch == AgentState::allowed) agents.push_back(a.agent);
    std::vector<std::string> categories = match_categories(f.matches);
    json props = {{"url", f.url},
                  {"item_id", f.item_id},
                  {"platform", f.platform},
                  {"verdict", std::string(to_string(f.verdict))},
                  {"severity", std::string(to_string(f.severity))},
                  {"confidence", f.confidence},
                  {"personal_data", categories},
                  {"agents_allowed", agents},
                  {"policy", f.policy ? json(f.policy->id) : json(nullptr)},
                  {"evidence", evidence},
                  {"security-severity", security_severity(f.severity)}};
    json result = {{"ruleId", f.rule_id},
                   {"ruleIndex", rule_index[f.rule_id]},
                   {"kind", kind_for(f.verdict)},
                   {"level", f.verdict == Verdict::trainable ? level_for(f.severity) : "none"},
                   {"message", {{"text", message_for(f, show)}}},
                   {"locations", json::array({location(f.matches.empty() ? nullptr : &f.matches[0], -1)})},
                   {"partialFingerprints", {{k_fingerprint_key, fingerprint}}},
                   {"properties", props}};
    if (!related.empty()) result["relatedLocations"] = related;
    results.push_back(std::move(result));
  }

  std::vector<std::string> targets = record.scan.targets;
  std::sort(targets.begin(), targets.end());
  std::string joined;
  for (const auto& t : targets) joined += t + "\n";
  std::string automation = "exposcan/targets-" + sha256_hex(joined).substr(0, 12) + "/" +
                           (record.scan.id.empty() ? "scan" : record.scan.id);

  json notifications = json::array();
  for (const auto& e : record.scan.errors)
    notifications.push_back({{"level", "warning"},
                             {"message", {{"text", e.code + ": " + e.url + " — " + e.message}}},
                             {"descriptor", {{"id", "fetch/" + e.code}}},
                             {"properties", {{"url", e.url}, {"code", e.code}, {"target", e.target}}}});
  json invocation = {{"executionSuccessful", record.scan.status == "complete"},
                     {"startTimeUtc", format_rfc3339(record.scan.started)},
                     {"toolExecutionNotifications", notifications},
                     {"properties", {{"status", record.scan.status}, {"pages_fetched", record.scan.pages_fetched}}}};
  if (record.scan.finished) invocation["endTimeUtc"] = format_rfc3339(*record.scan.finished);

  json packs = json::array();
  for (const auto& p : record.scan.packs) packs.push_back({{"id", p.id}, {"version", p.version}, {"sha256", p.sha256}});
  std::string version = record.scan.tool_version.empty() ? k_version : record.scan.tool_version;
  json driver = {{"name", "exposcan"},
                 {"version", version},
                 {"semanticVersion", version},
                 {"informationUri", k_project_url},
                 {"rules", rules_json},
                 {"properties", {{"rule_packs", packs}}}};
  json run = {{"tool", {{"driver", driver}}},
              {"automationDetails", {{"id", automation}}},
              {"invocations", json::array({invocation})},
              {"columnKind", "unicodeCodePoints"},
              {"results", results},
              {"properties", {{"scan_id", record.scan.id}, {"targets", record.scan.targets}}}};
  json sarif = {{"$schema", k_sarif_schema}, {"version", "2.1.0"}, {"runs", json::array({run})}};
  out.sarif = sarif.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  for (auto& [_, s] : snapshots) out.snapshots.emplace_back(s.path, sanitize_utf8(s.text));
  return out;
}

namespace {

class SarifReporter final : public Reporter {
 public:
  explicit SarifReporter(ReportOptions o) : m_options(std::move(o)) {}
  void begin(const ScanInfo& scan) override { m_record.scan = scan; }
  void item(const Item& item, std::span<const Finding> findings) override {
    m_record.items.push_back(item);
    m_record.findings.insert(m_record.findings.end(), findings.begin(), findings.end());
  }
  Status end(const ScanInfo& scan) override;
  void set_rules(std::vector<RuleDescriptor> rules) override { m_options.rules = std::move(rules); }

 private:
  ReportOptions m_options;
  ScanRecord m_record;
};

}  // namespace

Status SarifReporter::end(const ScanInfo& scan) {
  m_record.scan = scan;
  sort_record(m_record);
  SarifOutput out = render_sarif(m_record, m_options, sarif_uri_prefix(m_options.output_path));
  if (!writes_to_stdout(m_options)) {
    auto dir = std::filesystem::path(m_options.output_path).parent_path();
    for (const auto& [path, text] : out.snapshots)
      if (auto s = write_private_file(dir / path, text); !s) return s;
  }
  return write_report_text(m_options, out.sarif);
}

std::unique_ptr<Reporter> make_sarif_reporter(ReportOptions options) {
  return std::make_unique<SarifReporter>(std::move(options));
}

}  // namespace exposcan
