// rules/identity_matcher.h — "this item is about you": finds the configured person in text.
//
// Rules of kind `identity` name what they match (`match: names | family | handles | emails |
// phones | addresses | birth_date`); the needles come from the Identity given at load time.
// Matching is case-, diacritic- and spacing-insensitive on folded text (rules/text_fold.h) with
// Unicode word boundaries, and reports byte spans in the original text. Names match with and
// without middle names, with middle initials, as "Last, First" and as "F. Last" (lower score);
// German umlauts also as ae/oe/ue. Birth dates match in numeric and written English, German and
// French forms. Phones are compared as E.164. Built once; scan() is const and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "rules/finding.h"
#include "rules/identity.h"
#include "rules/rule_meta.h"

namespace YAML {
class Node;
}

namespace exposcan {

namespace yaml {
struct Where;
}
class PhoneDetector;
struct PhoneMatch;

enum class IdentitySubject { names, family, handles, emails, phones, addresses, birth_date };

struct IdentityRule {
  RuleMeta meta;
  IdentitySubject subject = IdentitySubject::names;
  std::string subtype;  // name, family, handle, email, phone, address, birth_date
  std::vector<TextExample> positive, negative;

  static Expected<IdentityRule> parse(const YAML::Node& node, RuleMeta meta, const yaml::Where& where);
};

class IdentityMatcher {
 public:
  IdentityMatcher() = default;
  // `phones` finds phone numbers in text for `match: phones` rules; the identity's phones are read
  // as national numbers of identity.country, else of `default_region`.
  IdentityMatcher(const std::vector<IdentityRule>& rules, const Identity& identity,
                  std::shared_ptr<const PhoneDetector> phones, std::string_view default_region);

  // Identity matches of every rule in `text` (field left empty), non-overlapping per rule.
  // `phones`: the phone detector's finds in `text` when the caller has them already (the pii
  // pass); otherwise `match: phones` rules run the detector themselves.
  std::vector<Match> scan(std::string_view text, const std::vector<PhoneMatch>* phones = nullptr) const;
  std::vector<Match> scan_rule(size_t rule_index, std::string_view text) const;
  bool empty() const;

  // The search strings (folded) a rule derived from the identity; for tests and `rules list`.
  std::vector<std::string> needles(size_t rule_index) const;

 private:
  struct Needle {
    std::string folded;
    double score = 1.0;
    bool reject_at_after = false;  // "@jane" must not continue as "@jane@other.host"
  };
  struct Compiled {
    std::string rule_id;
    std::string subtype;
    bool hyphen_as_space = false;
    bool phones = false;  // needles are E.164 numbers compared with the phone detector's finds
    std::vector<Needle> needles;
  };
  std::vector<Compiled> m_rules;
  std::shared_ptr<const PhoneDetector> m_phones;
  struct Folded;  // the text folded once per option set, shared by the rules of one scan
  void scan_one(const Compiled& c, std::string_view text, Folded& folded, const std::vector<PhoneMatch>* phones,
                std::vector<Match>& out) const;
};

}  // namespace exposcan
