#include "rules/detector_set.h"

#include <algorithm>
#include <map>

#include "rules/char_refs.h"
#include "rules/phone_detector.h"
#include "rules/text_fold.h"

namespace exposcan {

void DetectorSet::add(PatternRule rule) { m_rules.push_back(std::move(rule)); }

void DetectorSet::compile() {
  // Ids 0..n-1: a rule's keywords; n+i: the context words rule i cannot match without.
  const auto n = static_cast<uint32_t>(m_rules.size());
  m_gate_base = n;
  m_gated.assign(n, 0);
  for (uint32_t i = 0; i < n; ++i) {
    for (const auto& k : m_rules[i].keywords) m_prefilter.add(i, k);
    const std::vector<std::string> gate = m_rules[i].required_context_words();
    m_gated[i] = !gate.empty();
    for (const auto& w : gate) m_prefilter.add(n + i, w);
  }
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

namespace {

// Moves spans found in decoded text back to the original input (decode_char_refs).
void map_back(const fold::FoldedText& decoded, std::string_view original, size_t& start, size_t& end,
              std::string& value) {
  const auto [s, e] = decoded.source_span(start, end);
  start = s;
  end = e;
  value.assign(original.substr(s, e - s));
}

}  // namespace

std::vector<Match> DetectorSet::scan(std::string_view text, size_t max_matches, bool* truncated,
                                     PhoneFinds* phones) const {
  PhoneFinds local;
  PhoneFinds& finds = phones ? *phones : local;
  finds = PhoneFinds{};
  if (text.empty() || m_rules.empty()) return {};
  // Character references ("jane&#64;example.org") are decoded once; spans are mapped back.
  const std::optional<fold::FoldedText> decoded = decode_char_refs(text);
  std::vector<Match> found = scan_text(decoded ? std::string_view(decoded->text) : text, finds);
  if (decoded) {
    for (Match& m : found) map_back(*decoded, text, m.start, m.end, m.value);
    for (PhoneMatch& p : finds.matches) map_back(*decoded, text, p.start, p.end, p.raw);
  }
  if (max_matches && found.size() > max_matches) {
    found.resize(max_matches);
    if (truncated) *truncated = true;
  }
  return found;
}

std::vector<Match> DetectorSet::scan_text(std::string_view text, PhoneFinds& finds) const {
  std::vector<Match> found;
  const std::string lowered = fold::lower_same_length(text);
  // Keyword hits of rule i at i, gate hits at m_gate_base + i (ids as compile() registered them).
  std::vector<char> keyword_hits(std::max(m_rules.size(), m_gate_base + m_gated.size()), 0);
  m_prefilter.scan(lowered, keyword_hits);
  for (size_t i = 0; i < m_rules.size(); ++i) {
    const PatternRule& r = m_rules[i];
    // A rule added after compile() has nothing in the prefilter: it always runs.
    const bool compiled = i < m_gated.size();
    if (compiled && !r.keywords.empty() && !keyword_hits[i]) continue;
    if (compiled && m_gated[i] && !keyword_hits[m_gate_base + i]) continue;
    if (!r.detector.empty() && m_phones && !finds.computed) {
      finds.matches = m_phones->find(text);
      finds.computed = true;
    }
    r.find(text, lowered, finds.computed ? &finds.matches : nullptr, found);
  }
  return resolve_overlaps(std::move(found));
}

std::vector<Match> DetectorSet::scan_rule(size_t rule_index, std::string_view original) const {
  std::vector<Match> out;
  const std::optional<fold::FoldedText> decoded = decode_char_refs(original);
  const std::string_view text = decoded ? std::string_view(decoded->text) : original;
  const std::string lowered = fold::lower_same_length(text);
  const PatternRule& r = m_rules.at(rule_index);
  std::vector<PhoneMatch> phone_matches;
  if (!r.detector.empty() && m_phones) phone_matches = m_phones->find(text);
  r.find(text, lowered, m_phones ? &phone_matches : nullptr, out);
  if (decoded)
    for (Match& m : out) map_back(*decoded, original, m.start, m.end, m.value);
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.start < b.start; });
  return out;
}

}  // namespace exposcan
