// tests/rules/json_schema_lite.h — just enough JSON Schema (draft-07) to check rule packs against
// rules/pack.schema.json in ctest without Python: type, enum, const, required, properties,
// additionalProperties, propertyNames, items, minItems, minLength, pattern, minimum, maximum,
// allOf, anyOf, oneOf, local $ref and boolean schemas. Plus YAML → JSON with YAML 1.2 core-schema
// scalars (true/false, null, numbers; everything else, and every quoted scalar, a string).
#pragma once

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

namespace exposcan::test {

inline nlohmann::json yaml_to_json(const YAML::Node& n) {
  using nlohmann::json;
  if (!n.IsDefined() || n.IsNull()) return nullptr;
  if (n.IsSequence()) {
    json a = json::array();
    for (const auto& e : n) a.push_back(yaml_to_json(e));
    return a;
  }
  if (n.IsMap()) {
    json o = json::object();
    for (auto it = n.begin(); it != n.end(); ++it) o[it->first.Scalar()] = yaml_to_json(it->second);
    return o;
  }
  const std::string& s = n.Scalar();
  if (n.Tag() != "?") return s;  // quoted: always a string
  if (s == "true") return true;
  if (s == "false") return false;
  if (s == "null" || s == "~") return nullptr;
  static const std::regex integer("^-?(0|[1-9][0-9]*)$"), real("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$");
  if (std::regex_match(s, integer)) return std::stoll(s);
  if (std::regex_match(s, real)) return std::stod(s);
  return s;
}

class SchemaLite {
 public:
  explicit SchemaLite(nlohmann::json root) : m_root(std::move(root)) {}
  // Problems found, as "path: message"; empty when `doc` is valid.
  std::vector<std::string> validate(const nlohmann::json& doc) const {
    std::vector<std::string> errors;
    check(m_root, doc, "$", errors);
    return errors;
  }

 private:
  nlohmann::json m_root;

  const nlohmann::json& resolve(const nlohmann::json& s) const {
    if (s.is_object() && s.contains("$ref")) {
      std::string ref = s["$ref"];  // "#/definitions/x"
      return m_root.at(nlohmann::json::json_pointer(ref.substr(1)));
    }
    return s;
  }

  static bool type_is(const nlohmann::json& v, const std::string& t) {
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "string") return v.is_string();
    if (t == "integer") return v.is_number_integer();
    if (t == "number") return v.is_number();
    if (t == "boolean") return v.is_boolean();
    if (t == "null") return v.is_null();
    return false;
  }

  bool ok(const nlohmann::json& s, const nlohmann::json& v) const {
    std::vector<std::string> e;
    check(s, v, "", e);
    return e.empty();
  }

  void check(const nlohmann::json& schema_in, const nlohmann::json& v, const std::string& path,
             std::vector<std::string>& errors) const {
    const nlohmann::json& s = resolve(schema_in);
    if (s.is_boolean()) {
      if (!s.get<bool>()) errors.push_back(path + ": not allowed");
      return;
    }
    auto fail = [&](const std::string& m) { errors.push_back(path + ": " + m); };
    if (s.contains("type")) {
      bool any = false;
      if (s["type"].is_string()) any = type_is(v, s["type"]);
      else
        for (const auto& t : s["type"]) any = any || type_is(v, t);
      if (!any) return fail("wrong type, expected " + s["type"].dump());
    }
    if (s.contains("enum") && std::find(s["enum"].begin(), s["enum"].end(), v) == s["enum"].end())
      fail("not one of " + s["enum"].dump());
    if (s.contains("const") && s["const"] != v) fail("must be " + s["const"].dump());
    if (v.is_string()) {
      if (s.contains("minLength") && v.get<std::string>().size() < s["minLength"].get<size_t>()) fail("too short");
      if (s.contains("pattern") && !std::regex_search(v.get<std::string>(), std::regex(s["pattern"].get<std::string>())))
        fail("does not match " + s["pattern"].get<std::string>());
    }
    if (v.is_number()) {
      if (s.contains("minimum") && v.get<double>() < s["minimum"].get<double>()) fail("below minimum");
      if (s.contains("maximum") && v.get<double>() > s["maximum"].get<double>()) fail("above maximum");
    }
    if (v.is_array()) {
      if (s.contains("minItems") && v.size() < s["minItems"].get<size_t>()) fail("too few items");
      if (s.contains("items"))
        for (size_t i = 0; i < v.size(); ++i) check(s["items"], v[i], path + "[" + std::to_string(i) + "]", errors);
    }
    if (v.is_object()) {
      if (s.contains("required"))
        for (const auto& r : s["required"])
          if (!v.contains(r.get<std::string>())) fail("missing " + r.get<std::string>());
      for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string key = it.key();
        if (s.contains("propertyNames")) check(s["propertyNames"], key, path + "." + key + " (name)", errors);
        if (s.contains("properties") && s["properties"].contains(key)) {
          check(s["properties"][key], it.value(), path + "." + key, errors);
        } else if (s.contains("additionalProperties")) {
          check(s["additionalProperties"], it.value(), path + "." + key, errors);
        }
      }
    }
    if (s.contains("allOf"))
      for (const auto& sub : s["allOf"]) check(sub, v, path, errors);
    if (s.contains("anyOf")) {
      bool any = false;
      for (const auto& sub : s["anyOf"]) any = any || ok(sub, v);
      if (!any) fail("matches none of anyOf");
    }
    if (s.contains("oneOf")) {
      int n = 0;
      for (const auto& sub : s["oneOf"]) n += ok(sub, v) ? 1 : 0;
      if (n != 1) fail("matches " + std::to_string(n) + " of oneOf (expected exactly 1)");
    }
  }
};

}  // namespace exposcan::test
