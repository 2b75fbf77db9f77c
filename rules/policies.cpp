#include "rules/policies.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "rules/yaml_util.h"

namespace exposcan {

std::optional<TimePoint> parse_policy_date(std::string_view text) {
  std::string s(trim(text));
  if (s.size() == 4) s += "-01-01";
  else if (s.size() == 7) s += "-01";
  if (s.size() != 10) return std::nullopt;
  return parse_date(s);
}

std::optional<PolicyRef> PolicyMatch::ref() const {
  if (!policy) return std::nullopt;
  PolicyRef r;
  r.id = policy->id;
  r.platform = policy->platform;
  r.title = policy->title;
  if (entry) {
    r.jurisdiction = entry->region == "other" ? jurisdiction : entry->region;
    r.since = entry->since;
    r.user_control = entry->user_control;
  }
  if (r.user_control.empty())
    for (const auto& c : policy->user_controls) r.user_control += (r.user_control.empty() ? "" : "; ") + c;
  for (const auto& s : policy->sources) r.source += (r.source.empty() ? "" : "; ") + s;
  return r;
}

Status PolicyBase::add_regions(const YAML::Node& regions, const yaml::Where& where) {
  if (!regions.IsMap()) return yaml::error_at(where, regions, "regions must be a mapping of region to country codes");
  for (auto it = regions.begin(); it != regions.end(); ++it) {
    auto list = yaml::string_list(it->second, "regions." + it->first.Scalar(), where);
    if (!list) return list.error();
    auto& dst = m_regions[it->first.Scalar()];
    dst.insert(dst.end(), list->begin(), list->end());
  }
  return {};
}

Status PolicyBase::add_policies(const YAML::Node& policies, const yaml::Where& where) {
  if (!policies.IsSequence()) return yaml::error_at(where, policies, "policies must be a list");
  for (const auto& n : policies) {
    yaml::Where w = where;
    if (yaml::is_scalar(n["id"])) w.rule = n["id"].Scalar();
    if (auto s = yaml::check_mapping(n, "policy",
                                     {"id", "platform", "title", "trainer", "content", "platforms", "hosts", "trains",
                                      "trains_on", "excludes", "adults_only", "public_only", "jurisdictions",
                                      "user_controls", "sources", "checked", "note"},
                                     w);
        !s)
      return s;
    for (const char* k : {"id", "platform", "title", "trains", "sources", "checked"})
      if (auto s = yaml::require(n, k, w); !s) return s;
    PlatformPolicy p;
    for (auto [key, out] : {std::pair<const char*, std::string*>{"id", &p.id}, {"platform", &p.platform},
                            {"title", &p.title}, {"trainer", &p.trainer}, {"content", &p.content},
                            {"checked", &p.checked}, {"note", &p.note}}) {
      if (!n[key].IsDefined()) continue;
      auto v = yaml::scalar(n[key], key, w);
      if (!v) return v.error();
      *out = *v;
    }
    if (std::any_of(m_policies.begin(), m_policies.end(), [&](const PlatformPolicy& o) { return o.id == p.id; }))
      return yaml::error_at(w, n["id"], "duplicate policy id");
    for (auto [key, out] : {std::pair<const char*, std::vector<std::string>*>{"platforms", &p.platforms},
                            {"hosts", &p.hosts}, {"trains_on", &p.trains_on}, {"excludes", &p.excludes},
                            {"user_controls", &p.user_controls}, {"sources", &p.sources}}) {
      auto v = yaml::string_list(n[key], key, w);
      if (!v) return v.error();
      *out = *v;
    }
    for (const auto& k : p.trains_on)
      if (!item_kind_from_string(k))
        return yaml::error_at(w, n["trains_on"], "trains_on: unknown item kind '" + k + "'");
    if (p.sources.empty()) return yaml::error_at(w, n["sources"], "sources must not be empty");
    for (auto [key, out] : {std::pair<const char*, bool*>{"trains", &p.trains}, {"adults_only", &p.adults_only},
                            {"public_only", &p.public_only}}) {
      if (!n[key].IsDefined()) continue;
      auto b = yaml::boolean(n[key], key, w);
      if (!b) return b.error();
      *out = *b;
    }
    if (p.platforms.empty() && p.hosts.empty())
      return yaml::error_at(w, n, "a policy needs platforms or hosts to match items");
    if (const YAML::Node js = n["jurisdictions"]; js.IsDefined()) {
      if (!js.IsSequence()) return yaml::error_at(w, js, "jurisdictions must be a list");
      for (const auto& j : js) {
        if (auto s = yaml::check_mapping(j, "jurisdiction", {"region", "since", "trains", "user_control", "note"}, w); !s)
          return s;
        if (auto s = yaml::require(j, "region", w); !s) return s;
        PolicyJurisdiction e;
        for (auto [key, out] : {std::pair<const char*, std::string*>{"region", &e.region}, {"since", &e.since},
                                {"user_control", &e.user_control}, {"note", &e.note}}) {
          if (!j[key].IsDefined() || j[key].IsNull()) continue;
          auto v = yaml::scalar(j[key], key, w);
          if (!v) return v.error();
          *out = *v;
        }
        if (!e.since.empty() && !parse_policy_date(e.since))
          return yaml::error_at(w, j["since"], "since must be a date as YYYY-MM-DD, YYYY-MM or YYYY (got '" + e.since + "')");
        if (j["trains"].IsDefined()) {
          auto b = yaml::boolean(j["trains"], "trains", w);
          if (!b) return b.error();
          e.trains = *b;
        }
        p.jurisdictions.push_back(std::move(e));
      }
    }
    if (p.trains && p.jurisdictions.empty())
      return yaml::error_at(w, n, "a policy that trains needs jurisdictions (use region: other for everywhere)");
    m_policies.push_back(std::move(p));
  }
  return {};
}

const PlatformPolicy* PolicyBase::find_for(const Item& item) const {
  std::string host;
  if (auto u = Url::parse(item.url)) host = u->host();
  for (const auto& p : m_policies) {
    for (const auto& h : p.hosts)
      if (!host.empty() && (host == h || (host.size() > h.size() && host.ends_with("." + h)))) return &p;
    for (const auto& name : p.platforms)
      if (iequals(name, item.platform)) return &p;
  }
  return nullptr;
}

bool PolicyBase::in_region(std::string_view jurisdiction, std::string_view region) const {
  if (iequals(jurisdiction, region)) return true;
  auto it = m_regions.find(std::string(region));
  if (it == m_regions.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](const std::string& c) { return iequals(c, jurisdiction); });
}

std::string PolicyBase::jurisdiction_for(const Identity& identity) const {
  if (!identity.jurisdiction.empty()) return identity.jurisdiction;
  if (identity.country.empty()) return "";
  for (const auto& [region, countries] : m_regions)
    if (std::find(countries.begin(), countries.end(), identity.country) != countries.end()) return region;
  return identity.country;
}

PolicyMatch PolicyBase::match(const Item& item, const Identity& identity, TimePoint now) const {
  PolicyMatch m;
  m.jurisdiction = jurisdiction_for(identity);
  const PlatformPolicy* found = find_for(item);
  if (!found) return m;
  m.policy = *found;
  const PlatformPolicy& p = *found;
  if (!p.trains) {
    m.status = "none";
    m.note = p.note;
    return m;
  }
  auto set = [&](const char* status, std::string note) {
    m.status = status;
    m.note = std::move(note);
    return m;
  };
  const std::string kind(to_string(item.kind));
  if (std::find(p.trains_on.begin(), p.trains_on.end(), kind) == p.trains_on.end()) {
    std::string kinds;
    for (const auto& k : p.trains_on) kinds += (kinds.empty() ? "" : ", ") + k;
    return set("out_of_scope", p.platform + "'s policy covers " + kinds + "; this item is a " + kind);
  }
  if (p.public_only && (item.visibility == Visibility::followers || item.visibility == Visibility::login_wall))
    return set("out_of_scope", p.platform + "'s policy covers public content only");
  if (m.jurisdiction.empty())
    return set("unknown", "your jurisdiction is not configured (identity: jurisdiction or country)");
  const PolicyJurisdiction* entry = nullptr;
  for (const auto& e : p.jurisdictions)
    if (e.region != "other" && in_region(m.jurisdiction, e.region)) entry = entry ? entry : &e;
  if (!entry)
    for (const auto& e : p.jurisdictions)
      if (e.region == "other") entry = &e;
  if (!entry) return set("unknown", "the knowledge base has no facts about " + p.platform + " in " + m.jurisdiction);
  m.entry = *entry;
  if (!entry->trains)
    return set("out_of_scope", entry->note.empty() ? p.platform + " does not train on content from " + m.jurisdiction
                                                   : entry->note);
  if (p.adults_only) {
    auto adult = identity.is_adult(now);
    if (!adult) return set("unknown", p.platform + " trains on adults' content only and your age is not configured (identity: birth_date or adult)");
    if (!*adult) return set("out_of_scope", p.platform + " does not train on content of minors");
  }
  if (!entry->since.empty()) {
    auto since = parse_policy_date(entry->since);
    if (since && now < *since) return set("out_of_scope", p.platform + "'s training starts in " + entry->region + " on " + entry->since);
  }
  return set("in_scope", entry->note);
}

}  // namespace exposcan
