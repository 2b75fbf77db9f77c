#include "rules/detector_set.h"

#include <algorithm>
#include <map>

#include "rules/phone_detector.h"
#include "rules/text_fold.h"

namespace exposcan {

void DetectorSet::add(PatternRule rule) { m_rules.push_back(std::move(rule)); }

void DetectorSet::compile() {
  for (uint32_t i = 0; i < m_rules.size(); ++i)
    for (const auto& k : m_rules[i].keywords) m_prefilter.add(i, k);
  m_prefilter.compile();
}

std::vector<Match> resolve_overlaps(std::vector<Match> matches) {
  std::vector<size_t> order(matches.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Match &x = matches[a], &y = matches[b];
    size_t lx = x.end - x.start, ly = y.end - y.start;
    if (lx != ly) return lx > ly;
    return x.score > y.score;
  });
  std::map<size_t, size_t> taken;  // start -> end of accepted spans
  std::vector<Match> out;
  for (size_t i : order) {
    const Match& m = matches[i];
    auto it = taken.lower_bound(m.start);
    if (it != taken.end() && it->first < m.end) continue;
    if (it != taken.begin() && std::prev(it)->second > m.start) continue;
    taken.emplace(m.start, m.end);
    out.push_back(m);
  }
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  return out;
}

std::vector<Match> DetectorSet::scan(std::string_view text, size_t max_matches, bool* truncated,
                                     PhoneFinds* phones) const {
  std::vector<Match> found;
  if (text.empty() || m_rules.empty()) return found;
  const std::string lowered = fold::lower_same_length(text);
  std::vector<char> keyword_hits(m_rules.size(), 0);
  m_prefilter.scan(lowered, keyword_hits);
  PhoneFinds local;
  PhoneFinds& finds = phones ? *phones : local;
  finds = PhoneFinds{};
  for (size_t i = 0; i < m_rules.size(); ++i) {
    const PatternRule& r = m_rules[i];
    if (!r.keywords.empty() && !keyword_hits[i]) continue;
    if (!r.detector.empty() && m_phones && !finds.computed) {
      finds.matches = m_phones->find(text);
      finds.computed = true;
    }
    r.find(text, lowered, finds.computed ? &finds.matches : nullptr, found);
  }
  found = resolve_overlaps(std::move(found));
  if (max_matches && found.size() > max_matches) {
    found.resize(max_matches);
    if (truncated) *truncated = true;
  }
  return found;
}

std::vector<Match> DetectorSet::scan_rule(size_t rule_index, std::string_view text) const {
  std::vector<Match> out;
  const std::string lowered = fold::lower_same_length(text);
  const PatternRule& r = m_rules.at(rule_index);
  std::vector<PhoneMatch> phone_matches;
  if (!r.detector.empty() && m_phones) phone_matches = m_phones->find(text);
  r.find(text, lowered, m_phones ? &phone_matches : nullptr, out);
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.start < b.start; });
  return out;
}

}  // namespace exposcan
