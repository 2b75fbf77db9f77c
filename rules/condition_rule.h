// rules/condition_rule.h — a verdict rule: when its condition holds for an item, it yields a
// Finding with a verdict, reasons in plain words and a severity raised by the personal data found.
//
// Pack syntax: `if` (a condition tree, rules/condition.h) or `fallback: true` (fires when no
// other non-fallback condition rule of the same pack fired: "not trainable" when nothing else
// applies), `verdict` (trainable, not_trainable, unknown, not_public, could_not_check), `reasons`
// (templates; an entry may be `{text, if, tag}` to appear only when its condition holds and to
// add a tag), `severity_by_personal_data` ({identity|contact|financial|government_id|
// special_category|location|birth_date: severity}), and tests as field mappings. Compiled once.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/expected.h"
#include "rules/condition.h"
#include "rules/field_view.h"
#include "rules/finding.h"
#include "rules/rule_meta.h"
#include "rules/text_template.h"

namespace exposcan {

// Personal-data categories severity_by_personal_data may name.
inline constexpr const char* k_data_categories[] = {"identity",         "contact",  "financial", "government_id",
                                                    "special_category", "location", "birth_date"};

struct ReasonTemplate {
  TextTemplate text;
  std::optional<Condition> when;
  std::string tag;
};

struct FieldExample {
  FieldView view;
  int line = 0;
};

struct ConditionRule {
  RuleMeta meta;
  std::optional<Condition> condition;
  bool fallback = false;
  Verdict verdict = Verdict::unknown;
  std::vector<ReasonTemplate> reasons;
  TextTemplate remediation;
  std::map<std::string, Severity> severity_by_personal_data;
  std::vector<FieldExample> positive, negative;

  static Expected<ConditionRule> parse(const YAML::Node& node, RuleMeta meta, const FieldSchema& schema,
                                       const yaml::Where& where);
  bool fires(const FieldView& view, TimePoint now) const { return condition && condition->evaluate(view, now); }
};

}  // namespace exposcan
