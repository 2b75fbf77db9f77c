#include "rules/rule_meta.h"

#include "rules/yaml_util.h"

namespace exposcan {

Expected<std::vector<TextExample>> parse_text_examples(const YAML::Node& node, const YAML::Node& parent,
                                                       std::string_view name, const yaml::Where& where) {
  std::vector<TextExample> out;
  if (!node.IsDefined() || node.IsNull() || !node.IsSequence() || node.size() == 0)
    return yaml::error_at(where, node.IsDefined() ? node : parent,
                          std::string(name) + " must be a non-empty list of examples");
  for (const auto& e : node) {
    TextExample ex;
    ex.line = yaml::line_of(e);
    if (e.IsScalar()) {
      ex.text = e.Scalar();
    } else if (e.IsMap()) {
      if (auto s = yaml::check_mapping(e, name, {"text", "value"}, where); !s) return s.error();
      auto text = yaml::scalar(e["text"], std::string(name) + ".text", where);
      if (!text) return text.error();
      ex.text = *text;
      if (e["value"].IsDefined()) {
        auto value = yaml::scalar(e["value"], std::string(name) + ".value", where);
        if (!value) return value.error();
        ex.value = *value;
      }
    } else {
      return yaml::error_at(where, e, std::string(name) + " entries must be strings or {text, value} mappings");
    }
    out.push_back(std::move(ex));
  }
  return out;
}

}  // namespace exposcan
