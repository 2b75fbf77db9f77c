#include "rules/condition.h"

#include <re2/re2.h>

#include <algorithm>

#include "core/text.h"
#include "rules/yaml_util.h"

namespace exposcan {
namespace {

struct OpName {
  const char* name;
  ConditionOp op;
};
constexpr OpName k_ops[] = {{"eq", ConditionOp::eq},         {"ne", ConditionOp::ne},
                            {"in", ConditionOp::in},         {"exists", ConditionOp::exists},
                            {"matches", ConditionOp::matches}, {"contains_any", ConditionOp::contains_any},
                            {"gt", ConditionOp::gt},         {"lt", ConditionOp::lt},
                            {"before", ConditionOp::before}, {"after", ConditionOp::after},
                            {"count_gte", ConditionOp::count_gte}};
constexpr const char* k_op_list = "eq, ne, in, exists, matches, contains_any, gt, lt, before, after, count_gte";

bool op_fits(ConditionOp op, FieldType t) {
  using T = FieldType;
  switch (op) {
    case ConditionOp::eq:
    case ConditionOp::ne: return t != T::list;
    case ConditionOp::in: return t == T::string || t == T::number;
    case ConditionOp::exists: return true;
    case ConditionOp::matches:
    case ConditionOp::contains_any: return t == T::string || t == T::list;
    case ConditionOp::gt:
    case ConditionOp::lt: return t == T::number;
    case ConditionOp::before:
    case ConditionOp::after: return t == T::date;
    case ConditionOp::count_gte: return t == T::list || t == T::number;
  }
  return false;
}

Expected<FieldValue> typed_value(const YAML::Node& node, FieldType type, const std::string& field,
                                 const yaml::Where& where) {
  FieldValue v;
  v.present = true;
  const std::string what = "value for '" + field + "'";
  switch (type) {
    case FieldType::boolean: {
      auto b = yaml::boolean(node, what, where);
      if (!b) return b.error();
      v.b = *b;
      break;
    }
    case FieldType::number: {
      auto n = yaml::number(node, what, where);
      if (!n) return n.error();
      v.n = *n;
      break;
    }
    case FieldType::string: {
      auto s = yaml::scalar(node, what, where);
      if (!s) return s.error();
      v.s = *s;
      break;
    }
    case FieldType::date: {
      auto s = yaml::scalar(node, what, where);
      if (!s) return s.error();
      auto d = parse_date(*s);
      if (!d) return yaml::error_at(where, node, what + " must be a date as YYYY-MM-DD (got '" + *s + "')");
      v.d = *d;
      break;
    }
    case FieldType::list: {
      auto l = yaml::string_list(node, what, where, true);
      if (!l) return l.error();
      v.l = *l;
      break;
    }
  }
  return v;
}

bool str_eq(const std::string& a, const std::string& b) { return iequals(a, b); }

}  // namespace

Expected<Condition> Condition::compile(const YAML::Node& node, const FieldSchema& schema, const yaml::Where& where) {
  if (!node.IsDefined() || !node.IsMap())
    return yaml::error_at(where, node, "a condition must be a mapping with one of all, any, not or field");
  const bool has_field = node["field"].IsDefined();
  int forms = (node["all"].IsDefined() ? 1 : 0) + (node["any"].IsDefined() ? 1 : 0) + (node["not"].IsDefined() ? 1 : 0) +
              (has_field ? 1 : 0);
  if (forms != 1) return yaml::error_at(where, node, "a condition must have exactly one of all, any, not or field");
  Condition c;
  if (!has_field) {
    const char* key = node["all"].IsDefined() ? "all" : node["any"].IsDefined() ? "any" : "not";
    if (auto s = yaml::check_mapping(node, "condition", {key}, where); !s) return s.error();
    const YAML::Node body = node[key];
    if (std::string_view(key) == "not") {
      c.m_kind = Kind::not_;
      auto child = compile(body, schema, where);
      if (!child) return child.error();
      c.m_children.push_back(std::move(*child));
      return c;
    }
    c.m_kind = std::string_view(key) == "all" ? Kind::all : Kind::any;
    if (!body.IsSequence() || body.size() == 0)
      return yaml::error_at(where, body.IsDefined() && !body.IsNull() ? body : node,
                            std::string(key) + " must be a non-empty list of conditions");
    for (const auto& e : body) {
      auto child = compile(e, schema, where);
      if (!child) return child.error();
      c.m_children.push_back(std::move(*child));
    }
    return c;
  }
  if (auto s = yaml::check_mapping(node, "condition", {"field", "op", "value"}, where); !s) return s.error();
  if (auto s = yaml::require(node, "op", where); !s) return s.error();
  auto field = yaml::scalar(node["field"], "field", where);
  if (!field) return field.error();
  auto index = schema.index(*field);
  if (!index) {
    std::vector<std::string> names;
    for (const auto& d : schema.defs()) names.push_back(d.name);
    std::string msg = "unknown field '" + *field + "'";
    if (auto near = yaml::closest(*field, names)) msg += " (did you mean '" + *near + "'?)";
    return yaml::error_at(where, node["field"], msg);
  }
  auto op_name = yaml::scalar(node["op"], "op", where);
  if (!op_name) return op_name.error();
  const OpName* op = nullptr;
  for (const auto& o : k_ops)
    if (*op_name == o.name) op = &o;
  if (!op)
    return yaml::error_at(where, node["op"], "unknown op '" + *op_name + "' (expected one of " + k_op_list + ")");
  c.m_kind = Kind::leaf;
  c.m_field = *index;
  c.m_type = schema.def(*index).type;
  c.m_op = op->op;
  if (!op_fits(c.m_op, c.m_type))
    return yaml::error_at(where, node["op"], "op '" + *op_name + "' does not apply to " +
                                                 std::string(to_string(c.m_type)) + " field '" + *field + "'");
  const YAML::Node value = node["value"];
  if (!value.IsDefined() || value.IsNull()) {
    if (c.m_op != ConditionOp::exists) return yaml::error_at(where, node, "missing required field 'value'");
    c.m_value.present = true, c.m_value.b = true;
    return c;
  }
  const std::string what = "value for '" + *field + "'";
  switch (c.m_op) {
    case ConditionOp::exists: {
      auto b = yaml::boolean(value, what, where);
      if (!b) return b.error();
      c.m_value.present = true, c.m_value.b = *b;
      break;
    }
    case ConditionOp::eq:
    case ConditionOp::ne:
    case ConditionOp::gt:
    case ConditionOp::lt: {
      auto v = typed_value(value, c.m_type, *field, where);
      if (!v) return v.error();
      c.m_value = std::move(*v);
      break;
    }
    case ConditionOp::before:
    case ConditionOp::after: {
      if (yaml::is_scalar(value) && value.Scalar() == "now") {
        c.m_now = true;
        break;
      }
      auto v = typed_value(value, FieldType::date, *field, where);
      if (!v) return v.error();
      c.m_value = std::move(*v);
      break;
    }
    case ConditionOp::in:
    case ConditionOp::contains_any: {
      auto l = yaml::string_list(value, what, where, c.m_op == ConditionOp::contains_any);
      if (!l) return l.error();
      if (l->empty()) return yaml::error_at(where, value, what + " must not be empty");
      c.m_values = *l;
      if (c.m_type == FieldType::number)
        for (const auto& s : *l) {
          char* end = nullptr;
          double d = std::strtod(s.c_str(), &end);
          if (s.empty() || end != s.c_str() + s.size()) return yaml::error_at(where, value, what + " must be numbers");
          c.m_numbers.push_back(d);
        }
      break;
    }
    case ConditionOp::matches: {
      auto s = yaml::scalar(value, what, where);
      if (!s) return s.error();
      RE2::Options o;
      o.set_log_errors(false);
      o.set_max_mem(8 << 20);
      auto re = std::make_shared<const RE2>(*s, o);
      if (!re->ok()) return yaml::error_at(where, value, "invalid regular expression for '" + *field + "': " + re->error());
      c.m_regex = std::move(re);
      break;
    }
    case ConditionOp::count_gte: {
      auto n = yaml::number(value, what, where);
      if (!n) return n.error();
      if (*n < 0) return yaml::error_at(where, value, what + " must not be negative");
      c.m_value.present = true, c.m_value.n = *n;
      break;
    }
  }
  return c;
}

bool Condition::evaluate(const FieldView& view, TimePoint now) const {
  switch (m_kind) {
    case Kind::all:
      return std::all_of(m_children.begin(), m_children.end(), [&](const Condition& c) { return c.evaluate(view, now); });
    case Kind::any:
      return std::any_of(m_children.begin(), m_children.end(), [&](const Condition& c) { return c.evaluate(view, now); });
    case Kind::not_: return !m_children.front().evaluate(view, now);
    case Kind::leaf: return leaf(view, now);
  }
  return false;
}

bool Condition::leaf(const FieldView& view, TimePoint now) const {
  const FieldValue& v = view.get(m_field);
  if (m_op == ConditionOp::exists) return v.present == m_value.b;
  if (!v.present) return false;
  auto equal = [&]() {
    switch (m_type) {
      case FieldType::boolean: return v.b == m_value.b;
      case FieldType::number: return v.n == m_value.n;
      case FieldType::string: return str_eq(v.s, m_value.s);
      case FieldType::date: return v.d == m_value.d;
      case FieldType::list: return false;
    }
    return false;
  };
  switch (m_op) {
    case ConditionOp::eq: return equal();
    case ConditionOp::ne: return !equal();
    case ConditionOp::in:
      if (m_type == FieldType::number) return std::find(m_numbers.begin(), m_numbers.end(), v.n) != m_numbers.end();
      return std::any_of(m_values.begin(), m_values.end(), [&](const std::string& s) { return str_eq(v.s, s); });
    case ConditionOp::matches:
      if (m_type == FieldType::list)
        return std::any_of(v.l.begin(), v.l.end(), [&](const std::string& s) { return RE2::PartialMatch(s, *m_regex); });
      return RE2::PartialMatch(v.s, *m_regex);
    case ConditionOp::contains_any:
      if (m_type == FieldType::list)
        return std::any_of(v.l.begin(), v.l.end(), [&](const std::string& e) {
          return std::any_of(m_values.begin(), m_values.end(), [&](const std::string& s) { return str_eq(e, s); });
        });
      return std::any_of(m_values.begin(), m_values.end(), [&](const std::string& s) { return icontains(v.s, s); });
    case ConditionOp::gt: return v.n > m_value.n;
    case ConditionOp::lt: return v.n < m_value.n;
    case ConditionOp::before: return v.d < (m_now ? now : m_value.d);
    case ConditionOp::after: return v.d > (m_now ? now : m_value.d);
    case ConditionOp::count_gte:
      return m_type == FieldType::list ? static_cast<double>(v.l.size()) >= m_value.n : v.n >= m_value.n;
    case ConditionOp::exists: break;
  }
  return false;
}

Expected<FieldView> field_view_from_yaml(const YAML::Node& node, const FieldSchema& schema, const yaml::Where& where) {
  FieldView view(schema);
  if (!node.IsMap()) return yaml::error_at(where, node, "a condition test case must be a mapping of fields to values");
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string name = it->first.Scalar();
    auto index = schema.index(name);
    if (!index) return yaml::error_at(where, it->first, "unknown field '" + name + "'");
    if (it->second.IsNull()) continue;
    auto v = typed_value(it->second, schema.def(*index).type, name, where);
    if (!v) return v.error();
    view.set(*index, std::move(*v));
  }
  return view;
}

}  // namespace exposcan
