// scanner/content_usage.cpp — see content_usage.h. Contains a small validating RFC 9651 Dictionary
// parser that keeps, per key, only what the vocabulary needs: whether the value is a Token, and
// which one.
#include "scanner/content_usage.h"

#include <optional>

#include "core/text.h"

namespace exposcan {
namespace {

constexpr bool is_lcalpha(char c) {
  return c >= 'a' && c <= 'z';
}

constexpr bool is_tchar(char c) {
  if (is_ascii_alnum(c)) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
      return true;
    default:
      return false;
  }
}

// A member value reduced to what matters here: a Token (with its text) or something else.
struct SfValue {
  bool is_token = false;
  std::string token;
};

class SfDictionaryParser {
 public:
  explicit SfDictionaryParser(std::string_view in) : m_in(in) {}

  // RFC 9651 §4.2 (top level) with §4.2.2 (Dictionary). nullopt on failure.
  std::optional<std::map<std::string, SfValue, std::less<>>> parse() {
    std::map<std::string, SfValue, std::less<>> dict;
    skip_sp();
    while (!eof()) {
      std::string key;
      if (!parse_key(key)) return std::nullopt;
      SfValue value;
      if (peek() == '=') {
        ++m_pos;
        if (!parse_item_or_inner_list(value)) return std::nullopt;
      } else {
        if (!parse_parameters()) return std::nullopt;  // value is Boolean true
      }
      dict[key] = std::move(value);
      skip_ows();
      if (eof()) break;
      if (peek() != ',') return std::nullopt;
      ++m_pos;
      skip_ows();
      if (eof()) return std::nullopt;  // trailing comma
    }
    return dict;
  }

 private:
  bool eof() const { return m_pos >= m_in.size(); }
  char peek() const { return eof() ? '\0' : m_in[m_pos]; }
  void skip_sp() {
    while (!eof() && m_in[m_pos] == ' ') ++m_pos;
  }
  void skip_ows() {
    while (!eof() && (m_in[m_pos] == ' ' || m_in[m_pos] == '\t')) ++m_pos;
  }

  bool parse_key(std::string& key) {
    if (!(is_lcalpha(peek()) || peek() == '*')) return false;
    const std::size_t start = m_pos;
    while (!eof()) {
      const char c = m_in[m_pos];
      if (!(is_lcalpha(c) || is_ascii_digit(c) || c == '_' || c == '-' || c == '.' || c == '*')) break;
      ++m_pos;
    }
    key.assign(m_in.substr(start, m_pos - start));
    return true;
  }

  bool parse_item_or_inner_list(SfValue& value) {
    if (peek() == '(') return parse_inner_list();
    return parse_item(&value);
  }

  bool parse_inner_list() {
    ++m_pos;  // '('
    while (!eof()) {
      skip_sp();
      if (peek() == ')') {
        ++m_pos;
        return parse_parameters();
      }
      if (!parse_item(nullptr)) return false;
      if (!(peek() == ' ' || peek() == ')')) return false;
    }
    return false;
  }

  bool parse_item(SfValue* value) {
    SfValue bare;
    if (!parse_bare_item(bare)) return false;
    if (value) *value = std::move(bare);
    return parse_parameters();
  }

  bool parse_parameters() {
    while (peek() == ';') {
      ++m_pos;
      skip_sp();
      std::string key;
      if (!parse_key(key)) return false;
      if (peek() == '=') {
        ++m_pos;
        SfValue ignored;
        if (!parse_bare_item(ignored)) return false;
      }
    }
    return true;
  }

  bool parse_bare_item(SfValue& value) {
    const char c = peek();
    if (c == '-' || is_ascii_digit(c)) return parse_number(true);
    if (c == '"') return parse_string();
    if (c == '*' || is_ascii_alpha(c)) return parse_token(value);
    if (c == ':') return parse_byte_sequence();
    if (c == '?') return parse_boolean();
    if (c == '@') {
      ++m_pos;
      return parse_number(false);
    }
    if (c == '%') return parse_display_string();
    return false;
  }

  // §4.2.4 Integer or Decimal (Date when !allow_decimal).
  bool parse_number(bool allow_decimal) {
    if (peek() == '-') ++m_pos;
    if (!is_ascii_digit(peek())) return false;
    std::size_t length = 0;
    bool decimal = false;
    std::size_t dot_at = 0;
    while (!eof()) {
      const char c = m_in[m_pos];
      if (is_ascii_digit(c)) {
        ++length;
      } else if (c == '.' && !decimal && allow_decimal) {
        if (length > 12) return false;
        decimal = true;
        dot_at = length;
        ++length;
      } else {
        break;
      }
      ++m_pos;
      if (!decimal && length > 15) return false;
      if (decimal && length > 16) return false;
    }
    if (decimal) {
      const std::size_t fraction = length - dot_at - 1;
      if (fraction < 1 || fraction > 3) return false;
    }
    return true;
  }

  bool parse_string() {
    ++m_pos;  // '"'
    while (!eof()) {
      const char c = m_in[m_pos++];
      if (c == '\\') {
        if (eof()) return false;
        const char next = m_in[m_pos++];
        if (next != '"' && next != '\\') return false;
      } else if (c == '"') {
        return true;
      } else if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    return false;
  }

  bool parse_token(SfValue& value) {
    const std::size_t start = m_pos++;
    while (!eof() && (is_tchar(m_in[m_pos]) || m_in[m_pos] == ':' || m_in[m_pos] == '/')) ++m_pos;
    value.is_token = true;
    value.token.assign(m_in.substr(start, m_pos - start));
    return true;
  }

  bool parse_byte_sequence() {
    ++m_pos;  // ':'
    while (!eof()) {
      const char c = m_in[m_pos++];
      if (c == ':') return true;
      if (!(is_ascii_alnum(c) || c == '+' || c == '/' || c == '=')) return false;
    }
    return false;
  }

  bool parse_boolean() {
    ++m_pos;  // '?'
    if (peek() != '0' && peek() != '1') return false;
    ++m_pos;
    return true;
  }

  // RFC 9651 §4.2.10 Display String: %"..." with lower-case %xx escapes of UTF-8.
  bool parse_display_string() {
    ++m_pos;  // '%'
    if (peek() != '"') return false;
    ++m_pos;
    std::string bytes;
    while (!eof()) {
      const char c = m_in[m_pos++];
      if (c < 0x20 || c > 0x7E) return false;
      if (c == '%') {
        if (m_pos + 2 > m_in.size()) return false;
        const char h = m_in[m_pos], l = m_in[m_pos + 1];
        auto lower_hex = [](char x) { return is_ascii_digit(x) || (x >= 'a' && x <= 'f'); };
        if (!lower_hex(h) || !lower_hex(l)) return false;
        bytes += static_cast<char>(hex_value(h) * 16 + hex_value(l));
        m_pos += 2;
      } else if (c == '"') {
        return is_valid_utf8(bytes);
      } else {
        bytes += c;
      }
    }
    return false;
  }

  std::string_view m_in;
  std::size_t m_pos = 0;
};

UsagePreferences all_unknown() {
  UsagePreferences out;
  for (std::string_view label : k_usage_labels)
    out.labels.emplace(std::string(label), UsagePreference::unknown);
  return out;
}

}  // namespace

std::string_view to_string(UsagePreference p) {
  switch (p) {
    case UsagePreference::y:
      return "y";
    case UsagePreference::n:
      return "n";
    case UsagePreference::unknown:
      break;
  }
  return "unknown";
}

UsagePreference UsagePreferences::get(std::string_view label) const {
  const auto it = labels.find(label);
  return it == labels.end() ? UsagePreference::unknown : it->second;
}

bool is_structured_dictionary(std::string_view value) {
  return SfDictionaryParser(value).parse().has_value();
}

UsagePreferences parse_usage_preferences(std::string_view value) {
  UsagePreferences out = all_unknown();
  const auto dict = SfDictionaryParser(value).parse();
  if (!dict) return out;
  out.parsed = true;
  for (auto& [label, preference] : out.labels) {
    const auto it = dict->find(label);
    if (it == dict->end() || !it->second.is_token) continue;
    if (it->second.token == "y") preference = UsagePreference::y;
    if (it->second.token == "n") preference = UsagePreference::n;
  }
  return out;
}

UsagePreference combine(const std::vector<UsagePreference>& statements) {
  bool any_y = false;
  for (UsagePreference p : statements) {
    if (p == UsagePreference::n) return UsagePreference::n;
    any_y = any_y || p == UsagePreference::y;
  }
  return any_y ? UsagePreference::y : UsagePreference::unknown;
}

UsagePreferences combine(const std::vector<UsagePreferences>& statements) {
  UsagePreferences out = all_unknown();
  for (const auto& s : statements) out.parsed = out.parsed || s.parsed;
  for (auto& [label, preference] : out.labels) {
    std::vector<UsagePreference> values;
    values.reserve(statements.size());
    for (const auto& s : statements) values.push_back(s.get(label));
    preference = combine(values);
  }
  return out;
}

}  // namespace exposcan
