// rules/pattern_rule.h — one detector rule: candidates from RE2 patterns (or the phone detector),
// filtered by validators, scored by context words, kept above a threshold.
//
// Pack syntax (docs/rule-packs.md): `type`, `subtype`, `patterns` (RE2, exactly one capture group:
// the value) or `detector: phone` (candidates from rules/phone_detector.h, scored by it), `keywords` (literal prefilter), `validators` (names from rules/validator_binding.h;
// `{name, score}` adjusts the score instead of rejecting), `context` ({words, where: before|after|
// around, within: bytes, score: ±x}), `allow` (values never reported), `score` (base) and
// `threshold`. Word boundaries are checked Unicode-aware around the capture unless
// `word_boundary: false` (RE2's \b is ASCII-only). Patterns match leftmost-longest (POSIX), so
// the order of alternatives does not matter; a greedy pattern can swallow what follows a value
// ("DE89 3704 0044 0532 0130 00 para"), so with `shrink: true` a rejected capture is judged again
// cut before each space, dash, dot or no-break space inside it, longest first. Compiled once; find() is const and thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "rules/finding.h"
#include "rules/rule_meta.h"
#include "rules/validator_binding.h"

namespace YAML {
class Node;
}
namespace re2 {
class RE2;
}

namespace exposcan {

namespace yaml {
struct Where;
}
struct PhoneMatch;

struct ContextClue {
  enum class Side { before, after, around };
  std::vector<std::string> words;  // lowered with fold::lower_same_length
  Side side = Side::before;
  size_t within = 32;
  double score = 0;
};

struct ValidatorUse {
  std::string name;
  CandidateCheck check = nullptr;
  std::optional<double> score;  // set: adjusts the score by this when the check fails; else rejects
};

class PatternRule {
 public:
  RuleMeta meta;
  std::string type;
  std::string subtype;
  std::string detector;  // "" (patterns) or "phone"
  std::vector<std::string> pattern_texts;
  std::vector<std::shared_ptr<const re2::RE2>> patterns;
  std::vector<bool> capture_whole;  // per pattern: its one capture group is the whole pattern
  std::vector<std::string> keywords;  // lowered
  std::vector<ValidatorUse> validators;
  std::vector<ContextClue> context;
  std::vector<std::string> allow;  // lowered, trimmed
  double base_score = 0.5;
  double threshold = 0.5;
  bool word_boundary = true;
  bool shrink = false;
  std::vector<TextExample> positive, negative;

  // Parses the pattern-specific keys of a rule mapping (meta is filled by the caller).
  static Expected<PatternRule> parse(const YAML::Node& node, RuleMeta meta, const yaml::Where& where);

  // Appends the matches of this rule in `text` (`lowered` = fold::lower_same_length(text)).
  // `phones` are the phone detector's finds in `text`, the candidates of `detector: phone` rules
  // (nullptr: such a rule finds nothing). `field` is left empty. Unbounded: callers cap.
  void find(std::string_view text, std::string_view lowered, const std::vector<PhoneMatch>* phones,
            std::vector<Match>& out) const;

  // Score of a candidate span after validators and context, starting from `base`; nullopt when
  // rejected.
  std::optional<double> judge(std::string_view text, std::string_view lowered, size_t start, size_t end,
                              double base) const;

  // The words of which one must occur in a text for any match of this rule to reach its
  // threshold: the positive context words, when the base score plus every validator bonus stays
  // below the threshold (pii.fr-nir, pii.us-ssn, special.*). Empty when the rule can match
  // without context, when it is a `detector:` rule (scored by the detector, not `score`), or when
  // a positive clue has an empty word.
  std::vector<std::string> required_context_words() const;
};

}  // namespace exposcan
