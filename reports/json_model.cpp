#include "reports/json_model.h"

#include "reports/match_value.h"
#include "reports/redaction.h"
#include "reports/summary.h"

namespace exposcan {
namespace {

using json = nlohmann::json;

json opt_time(const std::optional<TimePoint>& t) { return t ? json(format_rfc3339(*t)) : json(nullptr); }
json opt_str(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::optional<TimePoint> time_from(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
  return parse_datetime(j[key].get<std::string>());
}

std::string str_from(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) return {};
  return j[key].get<std::string>();
}

std::vector<std::string> strings_from(const json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array())
    for (const auto& v : j[key])
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

json signals_to_json(const PageSignals& s) {
  json robots = json::array();
  for (const auto& d : s.robots) robots.push_back({{"agent", opt_str(d.agent)}, {"directive", d.name}, {"source", d.source}});
  return {{"robots", robots},
          {"tdm_reservation", s.tdm_reservation ? json(*s.tdm_reservation) : json(nullptr)},
          {"tdm_policy", opt_str(s.tdm_policy)},
          {"tdm_source", opt_str(s.tdm_source)},
          {"content_usage", s.content_usage},
          {"content_signal", s.content_signal},
          {"licenses", s.licenses},
          {"canonical_url", opt_str(s.canonical_url)},
          {"language", opt_str(s.language)}};
}

PageSignals signals_from_json(const json& j) {
  PageSignals s;
  if (j.contains("robots") && j["robots"].is_array())
    for (const auto& d : j["robots"])
      s.robots.push_back({str_from(d, "agent"), str_from(d, "directive"), str_from(d, "source")});
  if (j.contains("tdm_reservation") && j["tdm_reservation"].is_number_integer())
    s.tdm_reservation = j["tdm_reservation"].get<int>();
  s.tdm_policy = str_from(j, "tdm_policy");
  s.tdm_source = str_from(j, "tdm_source");
  s.content_usage = strings_from(j, "content_usage");
  s.content_signal = strings_from(j, "content_signal");
  s.licenses = strings_from(j, "licenses");
  s.canonical_url = str_from(j, "canonical_url");
  s.language = str_from(j, "language");
  return s;
}

}  // namespace

json item_to_json(const Item& item) {
  json media = json::array();
  for (const auto& m : item.media) media.push_back({{"url", m.url}, {"type", m.type}, {"alt", opt_str(m.alt)}});
  json fields = json::array();
  for (const auto& [k, v] : item.fields) fields.push_back({{"name", k}, {"value", v}});
  auto coordinate = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  json geo = item.geo ? json{{"lat", coordinate(item.geo->lat)}, {"lon", coordinate(item.geo->lon)}, {"name", opt_str(item.geo->name)}}
                      : json(nullptr);
  return {{"id", item.id},
          {"platform", item.platform},
          {"kind", std::string(to_string(item.kind))},
          {"url", item.url},
          {"author", {{"handle", opt_str(item.author.handle)}, {"name", opt_str(item.author.name)}, {"url", opt_str(item.author.url)}}},
          {"published_at", opt_time(item.published_at)},
          {"updated_at", opt_time(item.updated_at)},
          {"visibility", std::string(to_string(item.visibility))},
          {"title", opt_str(item.title)},
          {"text", opt_str(item.text)},
          {"media", media},
          {"geo", geo},
          {"language", opt_str(item.language)},
          {"links", item.links},
          {"fields", fields},
          {"tags", item.tags},
          {"parent_id", opt_str(item.parent_id)},
          {"source_url", item.source_url},
          {"source_sha256", opt_str(item.source_sha256)},
          {"extractor", item.extractor},
          {"provenance", item.provenance},
          {"signals", item.signals ? signals_to_json(*item.signals) : json(nullptr)}};
}

json finding_to_json(const Finding& f, bool show_values) {
  json matches = json::array();
  for (const auto& m : f.matches)
    matches.push_back({{"type", m.type},
                       {"subtype", opt_str(m.subtype)},
                       {"field", m.field},
                       {"start", m.start},
                       {"end", m.end},
                       {"value", shown_value(m, show_values)},
                       {"score", m.score},
                       {"rule_id", m.rule_id}});
  json agents = json::array();
  for (const auto& a : f.agents)
    agents.push_back({{"agent", a.agent},
                      {"operator", opt_str(a.operator_name)},
                      {"purpose", a.purpose},
                      {"honours_robots", a.honours_robots},
                      {"robots_compliance", opt_str(a.robots_compliance)},
                      {"fetch", std::string(to_string(a.fetch))},
                      {"fetch_signal", opt_str(a.fetch_signal)},
                      {"use", std::string(to_string(a.use))},
                      {"use_signal", opt_str(a.use_signal)},
                      {"use_signal_honoured", a.use_signal_honoured}});
  json policy = nullptr;
  if (f.policy)
    policy = {{"id", f.policy->id},
              {"platform", f.policy->platform},
              {"title", f.policy->title},
              {"jurisdiction", opt_str(f.policy->jurisdiction)},
              {"since", opt_str(f.policy->since)},
              {"user_control", opt_str(f.policy->user_control)},
              {"source", opt_str(f.policy->source)}};
  return {{"rule_id", f.rule_id},
          {"pack", f.pack},
          {"pack_version", f.pack_version},
          {"title", f.title},
          {"severity", std::string(to_string(f.severity))},
          {"confidence", f.confidence},
          {"verdict", std::string(to_string(f.verdict))},
          {"reasons", f.reasons},
          {"item_id", f.item_id},
          {"platform", f.platform},
          {"url", f.url},
          {"matches", matches},
          {"agents", agents},
          {"policy", policy},
          {"evidence",
           {{"url", f.evidence.url},
            {"status", f.evidence.status},
            {"fetched_at", opt_time(f.evidence.fetched_at)},
            {"sha256", opt_str(f.evidence.sha256)}}},
          {"remediation", opt_str(f.remediation)},
          {"tags", f.tags},
          {"fingerprint", f.fingerprint},
          {"diff", opt_str(f.diff)}};
}

json scan_info_to_json(const ScanInfo& s) {
  json errors = json::array();
  for (const auto& e : s.errors)
    errors.push_back({{"url", e.url}, {"code", e.code}, {"message", e.message}, {"target", opt_str(e.target)}});
  json targets = json::array();
  for (const auto& t : s.target_status)
    targets.push_back({{"target", t.target}, {"url", t.url}, {"reachable", t.reachable}, {"pages", t.pages}});
  json packs = json::array();
  for (const auto& p : s.packs)
    packs.push_back({{"id", p.id}, {"version", p.version}, {"sha256", p.sha256}, {"source", opt_str(p.source)}});
  return {{"id", s.id},
          {"targets", s.targets},
          {"target_status", targets},
          {"started", format_rfc3339(s.started)},
          {"finished", opt_time(s.finished)},
          {"status", s.status},
          {"robots_mode", s.robots_mode},
          {"pages_fetched", s.pages_fetched},
          {"bytes_fetched", s.bytes_fetched},
          {"errors", errors},
          {"packs", packs}};
}

json summary_to_json(const ScanRecord& record) { return summary_to_json(summarize(record)); }

json summary_to_json(const ReportSummary& s) {
  return {{"items", s.items},
          {"public_items", s.public_items},
          {"trainable_items", s.trainable_items},
          {"items_with_personal_data", s.items_with_personal_data},
          {"trainable_with_personal_data", s.trainable_with_personal_data},
          {"per_platform", s.per_platform_verdict},
          {"trainable_per_agent", s.trainable_per_agent},
          {"findings_per_severity", s.per_severity},
          {"by_others",
           {{"items", s.by_others.items},
            {"public_items", s.by_others.public_items},
            {"trainable_items", s.by_others.trainable_items},
            {"trainable_with_personal_data", s.by_others.trainable_with_personal_data}}}};
}

json record_to_json(const ScanRecord& record, bool show_values) {
  if (!show_values) return record_to_json(redacted_record(record), true);
  json items = json::array();
  for (const auto& i : record.items) items.push_back(item_to_json(i));
  json findings = json::array();
  for (const auto& f : record.findings) findings.push_back(finding_to_json(f, show_values));
  return {{"schema_version", k_report_schema_version},
          {"tool", {{"name", record.scan.tool}, {"version", record.scan.tool_version}}},
          {"scan", scan_info_to_json(record.scan)},
          {"summary", summary_to_json(record)},
          {"items", items},
          {"findings", findings}};
}

Expected<Item> item_from_json(const json& j) {
  if (!j.is_object() || !j.contains("id")) return make_error("report", "item without an id");
  Item i;
  i.id = str_from(j, "id");
  i.platform = str_from(j, "platform");
  i.kind = item_kind_from_string(str_from(j, "kind")).value_or(ItemKind::page);
  i.url = str_from(j, "url");
  if (j.contains("author") && j["author"].is_object()) {
    i.author.handle = str_from(j["author"], "handle");
    i.author.name = str_from(j["author"], "name");
    i.author.url = str_from(j["author"], "url");
  }
  i.published_at = time_from(j, "published_at");
  i.updated_at = time_from(j, "updated_at");
  i.visibility = visibility_from_string(str_from(j, "visibility")).value_or(Visibility::unknown);
  i.title = str_from(j, "title");
  i.text = str_from(j, "text");
  if (j.contains("media") && j["media"].is_array())
    for (const auto& m : j["media"]) i.media.push_back({str_from(m, "url"), str_from(m, "type"), str_from(m, "alt")});
  if (j.contains("geo") && j["geo"].is_object()) {
    const json& g = j["geo"];
    auto coordinate = [&](const char* key) { return g.contains(key) && g[key].is_number() ? std::optional<double>(g[key].get<double>()) : std::nullopt; };
    i.geo = Geo{coordinate("lat"), coordinate("lon"), str_from(g, "name")};
  }
  i.language = str_from(j, "language");
  i.links = strings_from(j, "links");
  if (j.contains("fields") && j["fields"].is_array())
    for (const auto& f : j["fields"]) i.fields.emplace_back(str_from(f, "name"), str_from(f, "value"));
  i.tags = strings_from(j, "tags");
  i.parent_id = str_from(j, "parent_id");
  i.source_url = str_from(j, "source_url");
  i.source_sha256 = str_from(j, "source_sha256");
  i.extractor = str_from(j, "extractor");
  i.provenance = str_from(j, "provenance");
  if (j.contains("signals") && j["signals"].is_object())
    i.signals = std::make_shared<const PageSignals>(signals_from_json(j["signals"]));
  return i;
}

Expected<Finding> finding_from_json(const json& j) {
  if (!j.is_object() || !j.contains("rule_id")) return make_error("report", "finding without a rule_id");
  Finding f;
  f.rule_id = str_from(j, "rule_id");
  f.pack = str_from(j, "pack");
  f.pack_version = str_from(j, "pack_version");
  f.title = str_from(j, "title");
  f.severity = severity_from_string(str_from(j, "severity")).value_or(Severity::info);
  f.confidence = str_from(j, "confidence");
  f.verdict = verdict_from_string(str_from(j, "verdict")).value_or(Verdict::unknown);
  f.reasons = strings_from(j, "reasons");
  f.item_id = str_from(j, "item_id");
  f.platform = str_from(j, "platform");
  f.url = str_from(j, "url");
  if (j.contains("matches") && j["matches"].is_array())
    for (const auto& m : j["matches"])
      f.matches.push_back({str_from(m, "type"), str_from(m, "subtype"), str_from(m, "field"), m.value("start", size_t{0}),
                           m.value("end", size_t{0}), str_from(m, "value"), m.value("score", 1.0), str_from(m, "rule_id")});
  if (j.contains("agents") && j["agents"].is_array())
    for (const auto& a : j["agents"]) {
      AgentAssessment x;
      x.agent = str_from(a, "agent");
      x.operator_name = str_from(a, "operator");
      x.purpose = str_from(a, "purpose");
      x.honours_robots = a.value("honours_robots", true);
      x.robots_compliance = str_from(a, "robots_compliance");
      x.use_signal_honoured = a.value("use_signal_honoured", false);
      std::string fetch = str_from(a, "fetch"), use = str_from(a, "use");
      x.fetch = fetch == "allowed" ? AgentState::allowed : fetch == "blocked" ? AgentState::blocked : AgentState::unknown;
      x.use = use == "allowed" ? AgentState::allowed : use == "blocked" ? AgentState::blocked : AgentState::unknown;
      x.fetch_signal = str_from(a, "fetch_signal");
      x.use_signal = str_from(a, "use_signal");
      f.agents.push_back(std::move(x));
    }
  if (j.contains("policy") && j["policy"].is_object()) {
    const auto& p = j["policy"];
    f.policy = PolicyRef{str_from(p, "id"), str_from(p, "platform"), str_from(p, "title"), str_from(p, "jurisdiction"),
                         str_from(p, "since"), str_from(p, "user_control"), str_from(p, "source")};
  }
  if (j.contains("evidence") && j["evidence"].is_object()) {
    const auto& e = j["evidence"];
    f.evidence = Evidence{str_from(e, "url"), e.value("status", 0), time_from(e, "fetched_at"), str_from(e, "sha256")};
  }
  f.remediation = str_from(j, "remediation");
  f.tags = strings_from(j, "tags");
  f.fingerprint = str_from(j, "fingerprint");
  f.diff = str_from(j, "diff");
  return f;
}

Expected<ScanRecord> record_from_json(const json& j) {
  if (!j.is_object() || !j.contains("schema_version"))
    return make_error("report", "not an exposcan JSON report (no schema_version)");
  if (j["schema_version"] != k_report_schema_version)
    return make_error("report", "unsupported report schema_version " + j["schema_version"].dump());
  ScanRecord r;
  if (j.contains("tool") && j["tool"].is_object()) {
    r.scan.tool_version = str_from(j["tool"], "version");
    if (std::string name = str_from(j["tool"], "name"); !name.empty()) r.scan.tool = name;
  }
  if (j.contains("scan") && j["scan"].is_object()) {
    const auto& s = j["scan"];
    r.scan.id = str_from(s, "id");
    r.scan.targets = strings_from(s, "targets");
    if (auto t = time_from(s, "started")) r.scan.started = *t;
    r.scan.finished = time_from(s, "finished");
    r.scan.status = str_from(s, "status");
    r.scan.robots_mode = str_from(s, "robots_mode");
    r.scan.pages_fetched = s.value("pages_fetched", size_t{0});
    r.scan.bytes_fetched = s.value("bytes_fetched", size_t{0});
    if (s.contains("errors") && s["errors"].is_array())
      for (const auto& e : s["errors"])
        r.scan.errors.push_back({str_from(e, "url"), str_from(e, "code"), str_from(e, "message"), str_from(e, "target")});
    if (s.contains("target_status") && s["target_status"].is_array())
      for (const auto& t : s["target_status"])
        r.scan.target_status.push_back({str_from(t, "target"), str_from(t, "url"), t.value("reachable", false),
                                        t.value("pages", size_t{0})});
    if (s.contains("packs") && s["packs"].is_array())
      for (const auto& p : s["packs"])
        r.scan.packs.push_back({str_from(p, "id"), str_from(p, "version"), str_from(p, "sha256"), str_from(p, "source")});
  }
  if (j.contains("items") && j["items"].is_array())
    for (const auto& i : j["items"]) {
      auto item = item_from_json(i);
      if (!item) return item.error();
      r.items.push_back(std::move(*item));
    }
  if (j.contains("findings") && j["findings"].is_array())
    for (const auto& f : j["findings"]) {
      auto finding = finding_from_json(f);
      if (!finding) return finding.error();
      r.findings.push_back(std::move(*finding));
    }
  return r;
}

std::string pretty_json(const nlohmann::json& j) { return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }
std::string compact_json(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string nested_json(std::string_view pretty, std::string_view prefix) {
  std::string out(prefix);
  out.reserve(pretty.size() + pretty.size() / 8);
  for (char c : pretty) {
    out += c;
    if (c == '\n') out += prefix;
  }
  return out;
}

}  // namespace exposcan
