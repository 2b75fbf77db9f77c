// rules/yaml_util.h — strict reading of YAML documents with "file:line: [rule-id: ]message" errors.
//
// Internal to rules (yaml-cpp stays out of public headers). yaml-cpp gives each node a mark;
// every error names the line of the node it is about, or of the enclosing mapping when a key is
// missing. Unknown and duplicate keys are errors, so a typo never silently disables a rule.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"

namespace exposcan::yaml {

// Where an error is reported: the file name, and the rule id when inside a rule.
struct Where {
  std::string file;
  std::string rule;  // empty outside rules
};

int line_of(const YAML::Node& node);  // 1-based; 0 when the node has no mark
Error error_at(const Where& where, int line, std::string_view message);
Error error_at(const Where& where, const YAML::Node& node, std::string_view message);

// Parses one YAML document. Syntax errors: "file:line: invalid YAML: <parser message>".
Expected<YAML::Node> load(std::string_view text, const Where& where);

// `node` must be a mapping whose keys are all in `allowed` (no duplicates). The error for an
// unknown key is "unknown key 'x'" plus "(did you mean 'y'?)" when one allowed key is close.
Status check_mapping(const YAML::Node& node, std::string_view what, std::initializer_list<std::string_view> allowed,
                     const Where& where);
Status check_mapping(const YAML::Node& node, std::string_view what, const std::vector<std::string_view>& allowed,
                     const Where& where);
// `key` must be present in mapping `map`: "missing required field 'key'".
Status require(const YAML::Node& map, std::string_view key, const Where& where);

bool is_scalar(const YAML::Node& n);
// A scalar's text. Error: "<name> must be a string".
Expected<std::string> scalar(const YAML::Node& node, std::string_view name, const Where& where);
// A list of scalars; a lone scalar counts as a one-element list when `scalar_ok`.
Expected<std::vector<std::string>> string_list(const YAML::Node& node, std::string_view name, const Where& where,
                                               bool scalar_ok = false);
Expected<double> number(const YAML::Node& node, std::string_view name, const Where& where);
Expected<bool> boolean(const YAML::Node& node, std::string_view name, const Where& where);

// Closest candidate within edit distance 2, for "did you mean" hints.
std::optional<std::string_view> closest(std::string_view word, std::initializer_list<std::string_view> candidates);
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace exposcan::yaml
