// rules/detector_set.h — every pattern rule of the loaded packs, run together over one text.
//
// One Aho-Corasick pass over the lowered text finds the rules' literal keywords; a rule with
// keywords runs only when one occurs. The same pass finds the context words of rules that cannot
// reach their threshold without one (PatternRule::required_context_words); such a rule runs only
// when one of those occurs too (on the benchmark's item texts, four digit rules fewer per text). The phone detector runs at most once per text, however
// many `detector: phone` rules there are, and its finds are handed back so identity matching
// does not run it again. There is no RE2::Set pass: measured on the benchmark corpus (500 social
// pages, 17 MB) a set over all patterns cost more than it saved — on pages it says nearly every
// pattern can match, and its many-match DFA ran at ~4 MB/s on short item texts (raw pages 2.4 s
// → 1.9 s, items 1.1 s → 0.5 s without it). Nor a Hyperscan prefilter (libhyperscan-dev 5.4,
// HS_FLAG_PREFILTER, 2026-11-30): the 57 patterns took 27 s to compile as one database (0.9–2.4 s
// each for the e-mail, address and birth-date ones) and scanned the items at 0.2 MB/s; the 36
// patterns that compile fast still took 0.64 s, too much for every scan's start-up. Nor, per rule,
// one alternation of its patterns asked first whether any can match: its DFA outgrows RE2's 8 MiB
// and falls back to the NFA (the items' detectors 0.51 s → 4.2 s on 1 000 bench pages; with a
// 256 MiB budget 0.54 s, no gain). Overlapping
// matches of different rules are resolved in favour of the longer span (then the higher score).
// Built once; scan() is const and thread-safe.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "rules/finding.h"
#include "rules/keyword_prefilter.h"
#include "rules/pattern_rule.h"
#include "rules/phone_detector.h"

namespace exposcan {

// What the phone detector found in a scanned text (all candidates, before any rule's threshold);
// `computed` is false when no phone rule ran on it.
struct PhoneFinds {
  bool computed = false;
  std::vector<PhoneMatch> matches;
};

class DetectorSet {
 public:
  void add(PatternRule rule);
  // The candidate source of `detector: phone` rules; without one those rules find nothing.
  void set_phone_detector(std::shared_ptr<const PhoneDetector> phones) { m_phones = std::move(phones); }
  void compile();  // after every add(); a rule added later runs on every text (no prefilter)
  const std::vector<PatternRule>& rules() const { return m_rules; }

  // Matches in `text` (field left empty), ordered by start. At most `max_matches` (0 = no cap);
  // `*truncated` is set when more were found; `*phones` receives the phone detector's finds.
  // HTML character references in `text` are decoded first (rules/char_refs.h); offsets and values
  // always refer to `text` as given.
  std::vector<Match> scan(std::string_view text, size_t max_matches = 0, bool* truncated = nullptr,
                          PhoneFinds* phones = nullptr) const;
  // Matches of one rule only (rule tests): no prefilter, no overlap resolution with other rules.
  std::vector<Match> scan_rule(size_t rule_index, std::string_view text) const;

 private:
  std::vector<Match> scan_text(std::string_view text, PhoneFinds& finds) const;

  std::vector<PatternRule> m_rules;
  KeywordPrefilter m_prefilter;
  std::vector<char> m_gated;  // per rule compile() saw: needs one of its required context words
  size_t m_gate_base = 0;     // prefilter id of rule 0's gate words (the rule count at compile())
  std::shared_ptr<const PhoneDetector> m_phones;
};

// Keeps non-overlapping matches: longer span first, then higher score, then earlier rule order.
std::vector<Match> resolve_overlaps(std::vector<Match> matches);

}  // namespace exposcan
