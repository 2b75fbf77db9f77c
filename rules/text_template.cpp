#include "rules/text_template.h"

namespace exposcan {

Expected<TextTemplate> TextTemplate::compile(std::string_view text, const FieldSchema& schema) {
  TextTemplate t;
  std::string literal;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      literal += '{';
      ++i;
    } else if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      literal += '}';
      ++i;
    } else if (c == '{') {
      size_t close = text.find('}', i);
      if (close == std::string_view::npos) return make_error("rules", "unclosed '{' in text");
      std::string name(text.substr(i + 1, close - i - 1));
      auto index = schema.index(name);
      if (!index) return make_error("rules", "unknown field '" + name + "' in text");
      if (!literal.empty()) t.m_parts.push_back({std::move(literal), false, 0});
      literal.clear();
      t.m_parts.push_back({"", true, *index});
      i = close;
    } else if (c == '}') {
      return make_error("rules", "unmatched '}' in text (write '}}' for a literal brace)");
    } else {
      literal += c;
    }
  }
  if (!literal.empty()) t.m_parts.push_back({std::move(literal), false, 0});
  return t;
}

std::string TextTemplate::render(const FieldView& view) const {
  std::string out;
  for (const auto& p : m_parts)
    out += p.is_field ? render_value(view.get(p.field), view.schema().def(p.field).type) : p.literal;
  return out;
}

}  // namespace exposcan
