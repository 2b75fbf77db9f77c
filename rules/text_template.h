// rules/text_template.h — reasons and remediation text with placeholders filled from fields.
//
// "robots.txt lets {exposure.training_agents_allowed} fetch it": each {field} is a field of the
// condition schema (checked at load) and renders as render_value() says; "{{" and "}}" are
// literal braces. No expressions, no formatting options. Compiled once; render() is const.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "rules/field_view.h"

namespace exposcan {

class TextTemplate {
 public:
  // Errors are plain messages ("unknown field 'x' in text"); the caller adds file:line and rule.
  static Expected<TextTemplate> compile(std::string_view text, const FieldSchema& schema);
  std::string render(const FieldView& view) const;
  bool empty() const { return m_parts.empty(); }

 private:
  struct Part {
    std::string literal;
    bool is_field = false;
    size_t field = 0;
  };
  std::vector<Part> m_parts;
};

}  // namespace exposcan
