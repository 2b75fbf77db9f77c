#include "rules/engine.h"

#include <algorithm>

#include "core/text.h"
#include "rules/engine_impl.h"
#include "rules/fingerprint.h"

namespace exposcan {
namespace {

std::string default_region(const EngineOptions& o) {
  if (!o.identity.country.empty()) return o.identity.country;
  if (!o.regions.empty()) {
    std::string r = o.regions.front();
    for (auto& c : r) c = ascii_upper_char(c);
    return r;
  }
  return PhoneDetector::default_regions().front();
}

Severity raised_severity(const ConditionRule& rule, const FieldView& view) {
  Severity s = rule.meta.severity;
  const FieldValue* cats = view.find("matches.categories");
  if (!cats || !cats->present) return s;
  for (const auto& c : cats->l) {
    auto it = rule.severity_by_personal_data.find(c);
    if (it != rule.severity_by_personal_data.end() && it->second > s) s = it->second;
  }
  return s;
}

std::string truncation_reason(const RuleEngine::PersonalData& d, const EngineOptions& o) {
  if (d.bytes_scanned < d.bytes_total)
    return "Only the first " + std::to_string(d.bytes_scanned) + " of " + std::to_string(d.bytes_total) +
           " bytes of this item were searched for personal data (per-item cap).";
  return "Only the first " + std::to_string(o.max_matches_per_item) +
         " personal-data matches of this item are listed (per-item cap).";
}

}  // namespace

Expected<RuleEngine> RuleEngine::load(const std::vector<PackSource>& packs, EngineOptions options) {
  for (const auto& r : options.regions)
    if (!PhoneDetector::region_supported(r))
      return make_error("usage", "unknown phone region '" + r + "' (expected an ISO 3166-1 alpha-2 code such as US, GB or DE" +
                                     (iequals(r, "UK") ? "; the United Kingdom is GB)" : ")"));
  auto set = load_rule_set(packs);
  if (!set) return set.error();
  auto impl = std::make_shared<Impl>();
  impl->options = std::move(options);
  impl->set = std::move(*set);
  for (const auto& p : impl->set.packs) impl->pack_infos.push_back(p.info);
  // The phone detector scores candidates itself; each rule's threshold decides what is kept.
  impl->phones = std::make_shared<const PhoneDetector>(impl->options.regions, 0.0);
  impl->set.detectors.set_phone_detector(impl->phones);
  const std::string region = default_region(impl->options);
  impl->identity = IdentityMatcher(impl->set.identity_rules, impl->options.identity, impl->phones, region);
  for (const auto& p : impl->set.packs) {
    std::vector<IdentityRule> rules;
    for (size_t i : p.identity_rules) rules.push_back(impl->set.identity_rules[i]);
    impl->test_identity.emplace_back(rules, p.test_identity.value_or(Identity{}), impl->phones,
                                     p.test_identity && !p.test_identity->country.empty() ? p.test_identity->country
                                                                                          : region);
  }
  return RuleEngine(std::move(impl));
}

const EngineOptions& RuleEngine::options() const { return m_impl->options; }
const std::vector<PackInfo>& RuleEngine::packs() const { return m_impl->pack_infos; }

std::vector<RuleInfo> RuleEngine::rules() const {
  std::vector<RuleInfo> out;
  auto add = [&](const RuleMeta& m) { out.push_back({m.id, m.pack, std::string(to_string(m.severity)), m.title, m.kind}); };
  for (const auto& r : m_impl->set.detectors.rules()) add(r.meta);
  for (const auto& r : m_impl->set.identity_rules) add(r.meta);
  for (const auto& r : m_impl->set.conditions) add(r.meta);
  std::stable_sort(out.begin(), out.end(), [&](const RuleInfo& a, const RuleInfo& b) {
    auto rank = [&](const std::string& pack) {
      for (size_t i = 0; i < m_impl->pack_infos.size(); ++i)
        if (m_impl->pack_infos[i].id == pack) return i;
      return m_impl->pack_infos.size();
    };
    return rank(a.pack) < rank(b.pack);
  });
  return out;
}

std::vector<Match> RuleEngine::detect(std::string_view text) const {
  auto out = m_impl->set.detectors.scan(text);
  for (auto& m : out) m.field = "input";
  return out;
}

namespace {
constexpr size_t k_credit_bytes = 1024;  // of an author name or handle, beyond the item's budget
constexpr size_t k_credit_matches = 8;
}  // namespace

RuleEngine::PersonalData RuleEngine::personal_data(const Item& item) const {
  PersonalData d;
  const EngineOptions& o = m_impl->options;
  size_t budget = o.max_bytes_per_item;
  for_each_text_field(item, [&](std::string_view field, std::string_view text) {
    d.bytes_total += text.size();
    // The author credit is read whatever the title and text used up: it says whose the item is
    // (reports/item_credit.h), and a long post must not turn into someone else's. It is a name or
    // a handle, so it gets a small budget of its own.
    const bool credit = is_author_credit_field(field);
    if (!credit && (budget == 0 || d.matches.size() >= o.max_matches_per_item)) {
      if (!text.empty()) d.truncated = true;
      return;
    }
    std::string_view scanned = utf8_prefix(text, credit ? k_credit_bytes : budget);
    if (scanned.size() < text.size()) d.truncated = true;
    if (!credit) budget -= scanned.size();
    d.bytes_scanned += scanned.size();
    const size_t room = credit ? k_credit_matches : o.max_matches_per_item - d.matches.size();
    bool capped = false;
    PhoneFinds phones;
    std::vector<Match> found = m_impl->set.detectors.scan(scanned, room, &capped, &phones);
    // The identity's phone rule compares the pii pass's phone finds instead of finding them again.
    std::vector<Match> ids = m_impl->identity.scan(scanned, phones.computed ? &phones.matches : nullptr);
    found.insert(found.end(), ids.begin(), ids.end());
    std::stable_sort(found.begin(), found.end(), [](const Match& a, const Match& b) { return a.start < b.start; });
    if (found.size() > room) {
      found.resize(room);
      capped = true;
    }
    if (capped) d.truncated = true;
    for (auto& m : found) {
      m.field = std::string(field);
      d.matches.push_back(std::move(m));
    }
  });
  return d;
}

Exposure RuleEngine::exposure(const Item& item, const Page& page) const {
  return assess_exposure(item, page, m_impl->set.agents, m_impl->set.policies, m_impl->options.identity,
                         m_impl->options.now);
}

std::vector<Finding> RuleEngine::evaluate(const Item& item, const Page& page) const {
  const Impl& impl = *m_impl;
  const PersonalData data = personal_data(item);
  const Exposure exp = exposure(item, page);
  const FieldView view = build_field_view(impl, item, page, exp, data);
  const TimePoint now = impl.options.now;

  std::vector<const ConditionRule*> fired;
  for (const auto& pack : impl.set.packs) {
    bool any = false;
    for (const auto& r : impl.set.conditions)
      if (r.meta.pack == pack.info.id && !r.fallback && r.fires(view, now)) {
        fired.push_back(&r);
        any = true;
      }
    if (!any)
      for (const auto& r : impl.set.conditions)
        if (r.meta.pack == pack.info.id && r.fallback) fired.push_back(&r);
  }

  std::vector<Finding> out;
  for (const ConditionRule* r : fired) {
    Finding f;
    f.rule_id = r->meta.id;
    f.pack = r->meta.pack;
    f.pack_version = r->meta.pack_version;
    f.title = r->meta.title;
    f.severity = raised_severity(*r, view);
    f.confidence = r->meta.confidence;
    f.verdict = r->verdict;
    f.tags = r->meta.tags;
    for (const auto& reason : r->reasons) {
      if (reason.when && !reason.when->evaluate(view, now)) continue;
      f.reasons.push_back(reason.text.render(view));
      if (!reason.tag.empty() && std::find(f.tags.begin(), f.tags.end(), reason.tag) == f.tags.end())
        f.tags.push_back(reason.tag);
    }
    if (data.truncated) {
      f.reasons.push_back(truncation_reason(data, impl.options));
      if (std::find(f.tags.begin(), f.tags.end(), "truncated") == f.tags.end()) f.tags.push_back("truncated");
    }
    f.item_id = item.id;
    f.platform = item.platform;
    f.url = item.url.empty() ? (page.final_url.empty() ? page.url : page.final_url) : item.url;
    f.matches = data.matches;
    if (exp.reachable)
      for (const auto& a : exp.agents)
        if (a.purpose == "training" && a.fetch == AgentState::allowed) f.agents.push_back(a);
    if (exp.policy.status == "in_scope" || exp.policy.status == "unknown") f.policy = exp.policy.ref();
    f.evidence.url = page.final_url.empty() ? page.url : page.final_url;
    f.evidence.status = page.status;
    if (page.fetched_at != TimePoint{}) f.evidence.fetched_at = page.fetched_at;
    f.evidence.sha256 = page.sha256;
    f.remediation = r->remediation.render(view);
    f.fingerprint = fingerprint(impl.options.fingerprint_key, f.rule_id, item.id);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace exposcan
