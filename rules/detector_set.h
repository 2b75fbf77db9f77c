// rules/detector_set.h — every pattern rule of the loaded packs, run together over one text.
//
// Two cheap passes decide which rules run: one Aho-Corasick pass over the lowered text for the
// rules' literal keywords, and one RE2::Set pass (DFA only) over the original text that says which
// patterns can match at all. RE2::Set pitfalls (TECH-NOTES §4): Compile() fails when the budget is
// too small, and Match() returning false with kOutOfMemory is not "no match": in both cases every
// pattern runs on its own (a single RE2 falls back to the NFA). Overlapping matches of different
// rules are resolved in favour of the longer span (then the higher score). Built once; scan() is
// const and thread-safe.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "rules/finding.h"
#include "rules/keyword_prefilter.h"
#include "rules/pattern_rule.h"

namespace re2 {
class RE2;
}

namespace exposcan {

class PhoneDetector;

class DetectorSet {
 public:
  DetectorSet();
  ~DetectorSet();
  DetectorSet(DetectorSet&&) noexcept;
  DetectorSet& operator=(DetectorSet&&) noexcept;

  void add(PatternRule rule);
  // The candidate source of `detector: phone` rules; without one those rules find nothing.
  void set_phone_detector(std::shared_ptr<const PhoneDetector> phones) { m_phones = std::move(phones); }
  void compile();  // after every add()
  const std::vector<PatternRule>& rules() const { return m_rules; }
  bool set_in_use() const { return m_set != nullptr; }

  // Matches in `text` (field left empty), ordered by start. At most `max_matches` (0 = no cap);
  // `*truncated` is set when more were found.
  std::vector<Match> scan(std::string_view text, size_t max_matches = 0, bool* truncated = nullptr) const;
  // Matches of one rule only (rule tests): no prefilter, no overlap resolution with other rules.
  std::vector<Match> scan_rule(size_t rule_index, std::string_view text) const;

 private:
  struct SetHolder;
  std::vector<PatternRule> m_rules;
  KeywordPrefilter m_prefilter;
  std::unique_ptr<SetHolder> m_set;
  size_t m_set_size = 0;
  std::shared_ptr<const PhoneDetector> m_phones;
};

// Keeps non-overlapping matches: longer span first, then higher score, then earlier rule order.
std::vector<Match> resolve_overlaps(std::vector<Match> matches);

}  // namespace exposcan
