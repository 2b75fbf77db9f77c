#include "rules/detector_set.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <map>

#include "core/log.h"
#include "rules/phone_detector.h"
#include "rules/text_fold.h"

namespace exposcan {

namespace {
constexpr int64_t k_set_max_mem = 64 << 20;
}

struct DetectorSet::SetHolder {
  explicit SetHolder(const RE2::Options& o) : set(o, RE2::UNANCHORED) {}
  RE2::Set set;
};

DetectorSet::DetectorSet() = default;
DetectorSet::~DetectorSet() = default;
DetectorSet::DetectorSet(DetectorSet&&) noexcept = default;
DetectorSet& DetectorSet::operator=(DetectorSet&&) noexcept = default;

void DetectorSet::add(PatternRule rule) { m_rules.push_back(std::move(rule)); }

void DetectorSet::compile() {
  for (uint32_t i = 0; i < m_rules.size(); ++i)
    for (const auto& k : m_rules[i].keywords) m_prefilter.add(i, k);
  m_prefilter.compile();
  RE2::Options o;
  o.set_max_mem(k_set_max_mem);
  o.set_log_errors(false);
  auto holder = std::make_unique<SetHolder>(o);
  int next = 0;
  bool ok = true;
  for (auto& r : m_rules)
    for (size_t p = 0; p < r.patterns.size(); ++p) {
      std::string err;
      int id = holder->set.Add(r.pattern_texts[p], &err);
      if (id < 0) {
        ok = false;
        break;
      }
      r.set_ids[p] = id;
      next = id + 1;
    }
  if (ok && next > 0 && holder->set.Compile()) {
    m_set = std::move(holder);
    m_set_size = static_cast<size_t>(next);
  } else {
    if (next > 0) log::debug("rules: RE2::Set did not compile; running {} patterns one by one", next);
    for (auto& r : m_rules) std::fill(r.set_ids.begin(), r.set_ids.end(), -1);
    m_set.reset();
  }
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

std::vector<Match> DetectorSet::scan(std::string_view text, size_t max_matches, bool* truncated) const {
  std::vector<Match> found;
  if (text.empty() || m_rules.empty()) return found;
  const std::string lowered = fold::lower_same_length(text);
  std::vector<char> keyword_hits(m_rules.size(), 0);
  m_prefilter.scan(lowered, keyword_hits);

  std::vector<char> set_hits;
  const std::vector<char>* hits_ptr = nullptr;
  if (m_set) {
    std::vector<int> ids;
    RE2::Set::ErrorInfo info{};
    bool any = m_set->set.Match(re2::StringPiece(text.data(), text.size()), &ids, &info);
    if (any || info.kind == RE2::Set::kNoError) {
      set_hits.assign(m_set_size, 0);
      for (int id : ids) set_hits[static_cast<size_t>(id)] = 1;
      hits_ptr = &set_hits;
    }
    // kOutOfMemory (or another failure) is not "no match": run every pattern on its own.
  }
  for (size_t i = 0; i < m_rules.size(); ++i) {
    const PatternRule& r = m_rules[i];
    if (!r.keywords.empty() && !keyword_hits[i]) continue;
    r.find(text, lowered, hits_ptr, m_phones.get(), found);
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
  m_rules.at(rule_index).find(text, lowered, nullptr, m_phones.get(), out);
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.start < b.start; });
  return out;
}

}  // namespace exposcan
