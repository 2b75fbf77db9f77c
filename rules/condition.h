// rules/condition.h — the condition language of `condition` rules: an explicit tree, no scripting.
//
// A node is `{all: [nodes]}`, `{any: [nodes]}`, `{not: node}` or a leaf `{field, op, value}`.
// Ops: eq, ne, in, exists, matches, contains_any, gt, lt, before, after, count_gte. Fields and
// the fit of op and value to the field's type are checked when the pack loads. An absent field
// makes every op false except `exists: false`; there is no implicit OR anywhere. String
// comparisons (eq, ne, in, contains_any) ignore ASCII case; `matches` is an RE2 partial match.
// Compiled once; evaluate() is const and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/expected.h"
#include "rules/field_view.h"

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

enum class ConditionOp { eq, ne, in, exists, matches, contains_any, gt, lt, before, after, count_gte };

class Condition {
 public:
  static Expected<Condition> compile(const YAML::Node& node, const FieldSchema& schema, const yaml::Where& where);
  bool evaluate(const FieldView& view, TimePoint now) const;

 private:
  enum class Kind { all, any, not_, leaf };
  Kind m_kind = Kind::leaf;
  std::vector<Condition> m_children;
  size_t m_field = 0;
  FieldType m_type = FieldType::string;
  ConditionOp m_op = ConditionOp::eq;
  FieldValue m_value;                  // eq/ne/gt/lt/before/after/count_gte/exists
  std::vector<std::string> m_values;   // in/contains_any (strings or numbers as text)
  std::vector<double> m_numbers;       // in over numbers
  bool m_now = false;                  // before/after "now"
  std::shared_ptr<const re2::RE2> m_regex;
  bool leaf(const FieldView& view, TimePoint now) const;
};

// A test fixture for condition rules: a mapping of field names to values, typed by the schema.
Expected<FieldView> field_view_from_yaml(const YAML::Node& node, const FieldSchema& schema, const yaml::Where& where);

}  // namespace exposcan
