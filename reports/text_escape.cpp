#include "reports/text_escape.h"

#include "core/text.h"

namespace exposcan {

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string markdown_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|':
      case '#': case '!': case '~':
        out += '\\';
        out += c;
        break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        out += ' ';
        break;
      case '\n': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string csv_field(std::string_view s) {
  std::string value;
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
    value = "'";
  value += s;
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string short_url(std::string_view url, size_t max) {
  std::string_view u = url;
  if (istarts_with(u, "https://")) u.remove_prefix(8);
  else if (istarts_with(u, "http://")) u.remove_prefix(7);
  if (u.size() <= max) return std::string(u);
  return std::string(utf8_prefix(u, max - 1)) + "…";
}

}  // namespace exposcan
