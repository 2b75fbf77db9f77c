#include "rules/condition_rule.h"

#include <algorithm>

#include "rules/yaml_util.h"

namespace exposcan {

Expected<ConditionRule> ConditionRule::parse(const YAML::Node& node, RuleMeta meta, const FieldSchema& schema,
                                             const yaml::Where& where) {
  ConditionRule r;
  r.meta = std::move(meta);
  if (auto s = yaml::require(node, "verdict", where); !s) return s.error();
  auto verdict = yaml::scalar(node["verdict"], "verdict", where);
  if (!verdict) return verdict.error();
  auto v = verdict_from_string(*verdict);
  if (!v)
    return yaml::error_at(where, node["verdict"],
                          "verdict must be one of trainable, not_trainable, unknown, not_public, could_not_check (got '" +
                              *verdict + "')");
  r.verdict = *v;
  if (node["fallback"].IsDefined()) {
    auto b = yaml::boolean(node["fallback"], "fallback", where);
    if (!b) return b.error();
    r.fallback = *b;
  }
  if (r.fallback && node["if"].IsDefined())
    return yaml::error_at(where, node["if"], "a fallback rule has no 'if': it fires when no other rule of its pack does");
  if (!r.fallback) {
    if (auto s = yaml::require(node, "if", where); !s) return s.error();
    auto c = Condition::compile(node["if"], schema, where);
    if (!c) return c.error();
    r.condition = std::move(*c);
  }
  const YAML::Node reasons = node["reasons"];
  if (auto s = yaml::require(node, "reasons", where); !s) return s.error();
  if (!reasons.IsSequence() || reasons.size() == 0)
    return yaml::error_at(where, reasons, "reasons must be a non-empty list");
  for (const auto& e : reasons) {
    ReasonTemplate rt;
    YAML::Node text_node = e;
    if (e.IsMap()) {
      if (auto s = yaml::check_mapping(e, "reason", {"text", "if", "tag"}, where); !s) return s.error();
      if (auto s = yaml::require(e, "text", where); !s) return s.error();
      text_node.reset(e["text"]);  // reset, not =: Node assignment writes through to the document
      if (e["if"].IsDefined()) {
        auto c = Condition::compile(e["if"], schema, where);
        if (!c) return c.error();
        rt.when = std::move(*c);
      }
      if (e["tag"].IsDefined()) {
        auto tag = yaml::scalar(e["tag"], "tag", where);
        if (!tag) return tag.error();
        rt.tag = *tag;
      }
    }
    auto text = yaml::scalar(text_node, "reason", where);
    if (!text) return text.error();
    auto t = TextTemplate::compile(*text, schema);
    if (!t) return yaml::error_at(where, text_node, "reason: " + t.error().message);
    rt.text = std::move(*t);
    r.reasons.push_back(std::move(rt));
  }
  auto rem = TextTemplate::compile(r.meta.remediation, schema);
  if (!rem) return yaml::error_at(where, node["remediation"], "remediation: " + rem.error().message);
  r.remediation = std::move(*rem);
  if (const YAML::Node sev = node["severity_by_personal_data"]; sev.IsDefined() && !sev.IsNull()) {
    if (!sev.IsMap()) return yaml::error_at(where, sev, "severity_by_personal_data must be a mapping");
    for (auto it = sev.begin(); it != sev.end(); ++it) {
      const std::string cat = it->first.Scalar();
      if (std::find_if(std::begin(k_data_categories), std::end(k_data_categories),
                       [&](const char* c) { return cat == c; }) == std::end(k_data_categories))
        return yaml::error_at(where, it->first,
                              "unknown personal-data category '" + cat +
                                  "' (expected identity, contact, financial, government_id, special_category, "
                                  "location or birth_date)");
      auto s = yaml::scalar(it->second, "severity", where);
      if (!s) return s.error();
      auto level = severity_from_string(*s);
      if (!level)
        return yaml::error_at(where, it->second,
                              "severity must be one of info, low, medium, high, critical (got '" + *s + "')");
      r.severity_by_personal_data[cat] = *level;
    }
  }
  // tests: mappings of field values
  const YAML::Node tests = node["tests"];
  for (const char* which : {"positive", "negative"}) {
    const YAML::Node list = tests[which];
    const std::string name = std::string("tests.") + which;
    if (!list.IsDefined() || !list.IsSequence() || list.size() == 0)
      return yaml::error_at(where, list.IsDefined() ? list : tests, name + " must be a non-empty list of examples");
    for (const auto& e : list) {
      auto view = field_view_from_yaml(e, schema, where);
      if (!view) return view.error();
      (std::string_view(which) == "positive" ? r.positive : r.negative).push_back({std::move(*view), yaml::line_of(e)});
    }
  }
  return r;
}

}  // namespace exposcan
