// rules/field_view.h — the flattened, typed view of one item that condition rules read.
//
// Condition leaves name a field ("item.visibility", "exposure.training_agents_allowed", ...). The
// schema is a fixed table (field_view.cpp) plus one `matches.<type>` list per detector type, so
// the loader rejects unknown fields and ops that do not fit a field's type before any scan runs.
// A FieldView holds one value per schema field; fields never set are absent. Values only: a view
// is built per item and read by many rules.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace exposcan {

enum class FieldType { boolean, number, string, list, date };
std::string_view to_string(FieldType type);

struct FieldValue {
  bool present = false;
  bool b = false;
  double n = 0;
  std::string s;
  std::vector<std::string> l;
  TimePoint d{};
};

struct FieldDef {
  std::string name;
  FieldType type;
  std::string description;
};

class FieldSchema {
 public:
  FieldSchema();  // the static fields
  void add_match_type(std::string_view type);  // adds "matches.<type>" (a list) once
  std::optional<size_t> index(std::string_view name) const;
  const FieldDef& def(size_t index) const { return m_defs[index]; }
  size_t size() const { return m_defs.size(); }
  const std::vector<FieldDef>& defs() const { return m_defs; }

 private:
  void add(FieldDef def);
  std::vector<FieldDef> m_defs;
  std::map<std::string, size_t, std::less<>> m_index;  // name -> position in m_defs
};

class FieldView {
 public:
  explicit FieldView(const FieldSchema& schema) : m_schema(&schema), m_values(schema.size()) {}
  const FieldSchema& schema() const { return *m_schema; }
  const FieldValue& get(size_t index) const { return m_values[index]; }
  const FieldValue* find(std::string_view name) const;

  // Setters by name; a name that is not in the schema is a programming error and is ignored.
  void set_bool(std::string_view name, bool v);
  void set_number(std::string_view name, double v);
  void set_string(std::string_view name, std::string v);  // empty strings stay absent
  void set_list(std::string_view name, std::vector<std::string> v);  // empty lists are present
  void set_date(std::string_view name, TimePoint v);
  void set(size_t index, FieldValue v) { m_values[index] = std::move(v); }

 private:
  FieldValue* slot(std::string_view name);
  const FieldSchema* m_schema;
  std::vector<FieldValue> m_values;
};

// How a value reads in a reason: lists as "A, B and C" (at most 8 names, then "and N more"),
// booleans as yes/no, dates as YYYY-MM-DD, absent as "unknown".
std::string render_value(const FieldValue& value, FieldType type);

}  // namespace exposcan
