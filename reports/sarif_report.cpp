#include "reports/sarif_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <set>

#include "core/fs.h"
#include "core/hash.h"
#include "core/text.h"
#include "core/url.h"
#include "core/version.h"
#include "reports/json_model.h"
#include "reports/json_report.h"
#include "reports/report_text.h"
#include "reports/spill_list.h"
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

namespace {

constexpr std::string_view k_result_indent = "        ";  // results sit at depth 4 of the document
constexpr std::string_view k_results_placeholder = "\n      \"results\": []";

// What the findings say about one rule, each from the first finding in report order (item id,
// rule id, fingerprint) that has it; a rule outside the catalog is described by them.
struct NamedRule {
  std::string first_key, title_key, help_key;
  std::string pack, first_title, title, help;
  Severity max_severity = Severity::info;
  bool seen = false;
};

// The SARIF document a finding at a time: each result is rendered as its item arrives and kept on
// disk (SpillList) without its ruleIndex, which depends on every rule the findings name and is
// appended at the end (it is the result's last key); snapshots go to the sink as items arrive.
class SarifWriter {
 public:
  using SnapshotSink = std::function<void(const Item&, const std::string& path, std::string text)>;
  SarifWriter(bool show_values, std::string uri_prefix, SnapshotSink sink)
      : m_show(show_values), m_uri_prefix(std::move(uri_prefix)), m_sink(std::move(sink)) {}

  // One item's findings (`item` null: their item is unknown).
  void add(const Item* item, std::span<const Finding> findings);
  Status finish(const ScanInfo& scan, const std::vector<RuleDescriptor>& catalog,
                const std::function<void(std::string_view)>& out);

 private:
  void note_rule(const Finding& f, const std::string& key);

  bool m_show;
  std::string m_uri_prefix;
  SnapshotSink m_sink;
  std::map<std::string, NamedRule> m_named;
  SpillList m_results;
};

void SarifWriter::note_rule(const Finding& f, const std::string& key) {
  NamedRule& r = m_named[f.rule_id];
  if (!r.seen || f.severity > r.max_severity) r.max_severity = f.severity;
  if (!r.seen || key < r.first_key) {
    r.first_key = key;
    r.pack = f.pack;
    r.first_title = f.title;
  }
  if (!f.title.empty() && (r.title.empty() || key < r.title_key)) r.title = f.title, r.title_key = key;
  if (!f.remediation.empty() && (r.help.empty() || key < r.help_key)) r.help = f.remediation, r.help_key = key;
  r.seen = true;
}

void SarifWriter::add(const Item* item, std::span<const Finding> findings) {
  if (findings.empty()) return;
  std::optional<Snapshot> snap;
  if (item) {
    std::vector<const Finding*> all;
    for (const auto& f : findings) all.push_back(&f);
    snap = build_snapshot(*item, all, m_show);
  }
  const std::string uri = m_uri_prefix + (snap ? snap->path : "snapshots/unknown.txt");
  for (const auto& f : findings) {
    const std::string key = sort_key({f.item_id, f.rule_id, f.fingerprint});
    note_rule(f, key);
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
        loc["message"] = {{"text", match_label(*m) + " " + shown_value(*m, m_show) + " in " + m->field}};
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
                   {"kind", kind_for(f.verdict)},
                   {"level", f.verdict == Verdict::trainable ? level_for(f.severity) : "none"},
                   {"message", {{"text", message_for(f, m_show)}}},
                   {"locations", json::array({location(f.matches.empty() ? nullptr : &f.matches[0], -1)})},
                   {"partialFingerprints", {{k_fingerprint_key, fingerprint}}},
                   {"properties", props}};
    if (!related.empty()) result["relatedLocations"] = related;
    std::string text = pretty_json(result);  // "…\n  \"ruleId\": …\n}": ruleIndex goes before the brace
    text.resize(text.size() - 2);
    m_results.add(key, f.rule_id + '\0' + text);
  }
  if (snap && m_sink) m_sink(*item, snap->path, sanitize_utf8(snap->text));
}

Status SarifWriter::finish(const ScanInfo& scan, const std::vector<RuleDescriptor>& catalog,
                           const std::function<void(std::string_view)>& out) {
  // Rules: the catalog, then any rule a finding names; severities from the catalog, else the
  // most severe finding of the rule.
  std::map<std::string, RuleDescriptor> rules;
  std::map<std::string, Severity> rule_severity;
  for (const auto& d : catalog) {
    rules[d.id] = d;
    if (auto s = severity_from_string(d.severity)) rule_severity[d.id] = *s;
  }
  for (const auto& [id, named] : m_named) {
    auto& d = rules[id];
    if (d.id.empty()) d = RuleDescriptor{id, named.pack, named.first_title, "", "", ""};
    if (d.help.empty()) d.help = named.help;
    if (d.title.empty()) d.title = named.title;
    if (!rule_severity.count(id)) rule_severity[id] = named.max_severity;
  }
  json rules_json = json::array();
  std::map<std::string, size_t> rule_index;
  for (const auto& [id, d] : rules) {
    rule_index[id] = rules_json.size();
    rules_json.push_back(rule_json(d, rule_severity.count(id) ? rule_severity[id] : Severity::info));
  }

  std::vector<std::string> targets = scan.targets;
  std::sort(targets.begin(), targets.end());
  std::string joined;
  for (const auto& t : targets) joined += t + "\n";
  std::string automation =
      "exposcan/targets-" + sha256_hex(joined).substr(0, 12) + "/" + (scan.id.empty() ? "scan" : scan.id);

  json notifications = json::array();
  for (const auto& e : scan.errors)
    notifications.push_back({{"level", "warning"},
                             {"message", {{"text", e.code + ": " + e.url + " — " + e.message}}},
                             {"descriptor", {{"id", "fetch/" + e.code}}},
                             {"properties", {{"url", e.url}, {"code", e.code}, {"target", e.target}}}});
  json invocation = {{"executionSuccessful", scan.status == "complete"},
                     {"startTimeUtc", format_rfc3339(scan.started)},
                     {"toolExecutionNotifications", notifications},
                     {"properties", {{"status", scan.status}, {"pages_fetched", scan.pages_fetched}}}};
  if (scan.finished) invocation["endTimeUtc"] = format_rfc3339(*scan.finished);

  json packs = json::array();
  for (const auto& p : scan.packs) packs.push_back({{"id", p.id}, {"version", p.version}, {"sha256", p.sha256}});
  std::string version = scan.tool_version.empty() ? k_version : scan.tool_version;
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
              {"results", json::array()},
              {"properties", {{"scan_id", scan.id}, {"targets", scan.targets}}}};
  json sarif = {{"$schema", k_sarif_schema}, {"version", "2.1.0"}, {"runs", json::array({run})}};
  const std::string doc = pretty_json(sarif) + "\n";
  const size_t at = doc.find(k_results_placeholder);
  if (m_results.size() == 0 || at == std::string::npos) {
    out(doc);
    return {};
  }
  out(std::string_view(doc).substr(0, at));
  out("\n      \"results\": [\n");
  bool first = true;
  auto s = m_results.each_sorted([&](std::string_view part) {
    const size_t cut = part.find('\0');
    const std::string rule_id(part.substr(0, cut));
    std::string text(part.substr(cut + 1));
    text += ",\n  \"ruleIndex\": " + std::to_string(rule_index[rule_id]) + "\n}";
    if (!first) out(",\n");
    first = false;
    out(nested_json(text, k_result_indent));
  });
  if (!s) return s;
  out("\n      ]");
  out(std::string_view(doc).substr(at + k_results_placeholder.size()));
  return {};
}

}  // namespace

SarifOutput render_sarif(const ScanRecord& unsorted, const ReportOptions& options, const std::string& uri_prefix) {
  ScanRecord record = unsorted;
  sort_record(record);
  std::map<std::string, std::pair<std::string, std::string>> snapshots;  // by item id
  SarifWriter writer(options.show_values, uri_prefix, [&](const Item& item, const std::string& path, std::string text) {
    snapshots[item.id] = {path, std::move(text)};
  });
  std::map<std::string, std::vector<Finding>> by_item;
  for (const auto& f : record.findings) by_item[f.item_id].push_back(f);
  for (const auto& item : record.items) {
    auto it = by_item.find(item.id);
    if (it == by_item.end()) continue;
    writer.add(&item, it->second);
    by_item.erase(it);
  }
  for (const auto& [id, findings] : by_item) writer.add(nullptr, findings);  // findings without their item
  SarifOutput out;
  auto s = writer.finish(record.scan, options.rules, [&](std::string_view part) { out.sarif += part; });
  if (!s) out.sarif.clear();
  for (auto& [_, snap] : snapshots) out.snapshots.push_back(std::move(snap));
  return out;
}

namespace {

// Streams: snapshots are written as their items arrive, results kept on disk until end().
class SarifReporter final : public Reporter {
 public:
  explicit SarifReporter(ReportOptions o)
      : m_options(std::move(o)),
        m_writer(m_options.show_values, sarif_uri_prefix(m_options.output_path),
                 [this](const Item&, const std::string& path, std::string text) { write_snapshot(path, text); }) {}
  void begin(const ScanInfo&) override {}
  void item(const Item& item, std::span<const Finding> findings) override { m_writer.add(&item, findings); }
  Status end(const ScanInfo& scan) override;
  void set_rules(std::vector<RuleDescriptor> rules) override { m_options.rules = std::move(rules); }

 private:
  void write_snapshot(const std::string& path, const std::string& text) {
    if (writes_to_stdout(m_options) || !m_snapshot_status) return;
    auto dir = std::filesystem::path(m_options.output_path).parent_path();
    m_snapshot_status = write_private_file(dir / path, text);
  }

  ReportOptions m_options;
  SarifWriter m_writer;
  Status m_snapshot_status;
};

}  // namespace

Status SarifReporter::end(const ScanInfo& scan) {
  if (!m_snapshot_status) return m_snapshot_status;
  ReportStream out(m_options);
  if (auto s = m_writer.finish(scan, m_options.rules, [&](std::string_view part) { out.write(part); }); !s) return s;
  return out.finish();
}

std::unique_ptr<Reporter> make_sarif_reporter(ReportOptions options) {
  return std::make_unique<SarifReporter>(std::move(options));
}

}  // namespace exposcan
