#include "store/finding_diff.h"

#include <algorithm>
#include <set>

namespace exposcan {
namespace {

std::set<std::string> agent_set(const Finding& f) {
  std::set<std::string> out;
  for (const auto& a : f.agents) out.insert(a.agent);
  return out;
}

std::set<std::string> data_kinds(const Finding& f) {
  std::set<std::string> out;
  for (const auto& m : f.matches) out.insert(m.subtype.empty() ? m.type : m.type + "/" + m.subtype);
  return out;
}

std::string policy_id(const Finding& f) { return f.policy ? f.policy->id : std::string(); }

bool same_substance(const Finding& a, const Finding& b) {
  return a.verdict == b.verdict && a.severity == b.severity && agent_set(a) == agent_set(b) &&
         policy_id(a) == policy_id(b) && data_kinds(a) == data_kinds(b);
}

template <class Set>
bool adds_to(const Set& before, const Set& now) {
  return std::any_of(now.begin(), now.end(), [&](const auto& x) { return before.count(x) == 0; });
}

}  // namespace

PageOutcome page_outcome(int status, bool has_error, bool not_modified) {
  if (not_modified) return PageOutcome::ok;
  if (status == 404 || status == 410) return PageOutcome::gone;
  if (!has_error && status >= 200 && status < 300) return PageOutcome::ok;
  return PageOutcome::failed;
}

PageOutcome page_outcome(const Page& page) {
  return page_outcome(page.status, page.error.has_value() && page.error->code != "http_status",
                      page.origin == PageOrigin::not_modified);
}

std::optional<int> exposure_rank(Verdict v) {
  switch (v) {
    case Verdict::trainable: return 3;
    case Verdict::unknown: return 2;
    case Verdict::not_public: return 1;
    case Verdict::not_trainable: return 0;
    case Verdict::could_not_check: return std::nullopt;
  }
  return std::nullopt;
}

bool is_worsened(const Finding& before, const Finding& now) {
  if (now.severity > before.severity) return true;
  auto rb = exposure_rank(before.verdict), rn = exposure_rank(now.verdict);
  if (rb && rn && *rn > *rb) return true;
  if (adds_to(agent_set(before), agent_set(now))) return true;
  return adds_to(data_kinds(before), data_kinds(now));
}

FindingDiffer::FindingDiffer(std::vector<Finding> previous)
    : m_previous(std::move(previous)), m_matched(m_previous.size(), false) {
  for (size_t i = 0; i < m_previous.size(); ++i) {
    const Finding& f = m_previous[i];
    if (!f.fingerprint.empty()) m_by_fingerprint[f.fingerprint].push_back(i);
    m_by_item_pack[{f.item_id, f.pack}].push_back(i);
  }
}

namespace {

const std::string& page_of(const Finding& f) { return f.evidence.url.empty() ? f.url : f.evidence.url; }

// A current finding's identity in this scan: its fingerprint on its page.
std::string key_of(const Finding& f) { return f.fingerprint + '\n' + page_of(f); }

}  // namespace

// Preference: same fingerprint on the same page (consumed), same fingerprint elsewhere (not
// consumed: the page that had it may still come), then another rule of the same pack on the same
// item, same page first (consumed).
std::optional<size_t> FindingDiffer::match(const Finding& f, bool& consume) const {
  const std::string& page = page_of(f);
  consume = false;
  if (auto it = m_by_fingerprint.find(f.fingerprint); !f.fingerprint.empty() && it != m_by_fingerprint.end()) {
    const auto& c = it->second;
    for (bool need_unmatched : {true, false})
      for (size_t i : c)
        if (page_of(m_previous[i]) == page && (!need_unmatched || !m_matched[i])) {
          consume = true;
          return i;
        }
    for (size_t i : c)
      if (!m_matched[i]) return i;
    return c.front();
  }
  if (auto it = m_by_item_pack.find({f.item_id, f.pack}); it != m_by_item_pack.end()) {
    consume = true;
    for (bool same_page : {true, false})
      for (size_t i : it->second)
        if (!m_matched[i] && (!same_page || page_of(m_previous[i]) == page)) return i;
    consume = false;
    return it->second.front();
  }
  return std::nullopt;
}

void FindingDiffer::label(std::vector<Finding>& findings) {
  std::lock_guard lock(m_mutex);
  for (Finding& f : findings) {
    if (!f.fingerprint.empty()) m_seen.insert(f.fingerprint);
    bool consume = false;
    std::optional<size_t> i = match(f, consume);
    if (!i) {
      f.diff = diff_state::k_new;
      continue;
    }
    const Finding& before = m_previous[*i];
    if (consume) m_matched[*i] = true;
    const std::string key = key_of(f);
    m_pair[key] = *i;
    bool same = before.fingerprint == f.fingerprint && same_substance(before, f);
    f.diff = same ? diff_state::k_unchanged : diff_state::k_changed;
    if (!same && is_worsened(before, f)) m_worsened.insert(key);
  }
}

std::optional<Finding> FindingDiffer::previous_of(const Finding& current) const {
  std::lock_guard lock(m_mutex);
  auto it = m_pair.find(key_of(current));
  if (it == m_pair.end()) return std::nullopt;
  return m_previous[it->second];
}

bool FindingDiffer::worsened(const Finding& current) const {
  std::lock_guard lock(m_mutex);
  return m_worsened.count(key_of(current)) > 0;
}

std::vector<Finding> FindingDiffer::leftovers(const PageOutcomes& outcomes) const {
  std::lock_guard lock(m_mutex);
  std::vector<Finding> out;
  std::unordered_set<std::string> reported;  // one leftover per fingerprint and page
  for (size_t i = 0; i < m_previous.size(); ++i) {
    const Finding& before = m_previous[i];
    if (m_matched[i] || m_seen.count(before.fingerprint) || !reported.insert(key_of(before)).second) continue;
    Finding f = before;
    std::optional<PageOutcome> outcome;
    for (const std::string* url : {&f.evidence.url, &f.url}) {
      if (url->empty()) continue;
      if (auto it = outcomes.find(*url); it != outcomes.end()) {
        outcome = it->second;
        break;
      }
    }
    f.diff = outcome && *outcome != PageOutcome::failed ? diff_state::k_resolved : diff_state::k_unchecked;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace exposcan
