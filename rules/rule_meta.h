// rules/rule_meta.h — what every rule carries whatever its kind: identity, wording and provenance.
#pragma once

#include <string>
#include <vector>

#include "core/expected.h"
#include "rules/finding.h"

namespace exposcan {

struct RuleMeta {
  std::string id;
  std::string kind;  // "pattern", "identity", "condition"
  std::string title;
  std::string description;
  Severity severity = Severity::info;
  std::string confidence;  // "high", "medium", "low"
  std::vector<std::string> tags;
  std::vector<std::string> references;
  std::string remediation;
  std::string pack;
  std::string pack_version;
  std::string file;  // where it was defined, for messages
  int line = 0;
};

// One example text from a rule's `tests:` block.
struct TextExample {
  std::string text;
  std::string value;  // expected captured value; empty = any
  int line = 0;
};

}  // namespace exposcan

namespace YAML {
class Node;
}

namespace exposcan {
namespace yaml {
struct Where;
}
// `tests.positive` / `tests.negative` of text rules: strings, or `{text, value}` mappings. `parent`
// (the `tests` mapping) locates the error when the list is missing.
Expected<std::vector<TextExample>> parse_text_examples(const YAML::Node& node, const YAML::Node& parent,
                                                       std::string_view name, const yaml::Where& where);
}  // namespace exposcan
