// scanner/robots_pattern.cpp — see robots_pattern.h.
#include "scanner/robots_pattern.h"

#include <array>

#include "core/text.h"

namespace exposcan {
namespace {

// Printable ASCII that may stand for itself in the canonical form.
constexpr bool raw_in_canonical_slow(unsigned char c) {
  if (c <= 0x20 || c >= 0x7F) return false;
  switch (c) {
    case '%':
    case '#':
    case '*':
    case '$':
    case '"':
    case '<':
    case '>':
    case '\\':
    case '^':
    case '`':
    case '{':
    case '|':
    case '}':
      return false;
    default:
      return true;
  }
}

constexpr std::array<bool, 256> k_raw_in_canonical = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = raw_in_canonical_slow(static_cast<unsigned char>(c));
  return table;
}();

constexpr bool raw_in_canonical(unsigned char c) {
  return k_raw_in_canonical[c];
}

// RFC 3986 §2.2 reserved characters (gen-delims and sub-delims).
constexpr bool is_reserved(unsigned char c) {
  switch (c) {
    case ':': case '/': case '?': case '#': case '[': case ']': case '@':
    case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',': case ';': case '=':
      return true;
    default:
      return false;
  }
}

// Whether the escape of `decoded` is written as the character itself in the canonical form: when
// it is printable and not reserved (RFC 9309 §2.2.2: "%62" is "b", but "%2F" is not "/"). In the
// query a reserved character and its escape are equivalent (the RFC's table: "https://foo.bar" in a
// query is "https%3A%2F%2Ffoo.bar"); the matcher compares them there (units_equal), because which
// part of a pattern falls in the query is known only when it is matched ("/*url=http%3A").
constexpr bool decode_escape(unsigned char decoded) {
  return raw_in_canonical(decoded) && !is_reserved(decoded);
}

void append_escape(std::string& out, unsigned char c) {
  constexpr char k_hex[] = "0123456789ABCDEF";
  out += '%';
  out += k_hex[c >> 4];
  out += k_hex[c & 0x0F];
}

enum class Form { path, pattern };

std::string canonicalize(std::string_view in, Form mode) {
  std::string out;
  out.reserve(in.size() + 8);
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c == '%' && i + 2 < in.size() && is_hex_digit(in[i + 1]) && is_hex_digit(in[i + 2])) {
      const auto decoded = static_cast<unsigned char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]));
      if (decode_escape(decoded)) {
        out += static_cast<char>(decoded);
      } else {
        append_escape(out, decoded);
      }
      i += 2;
    } else if (mode == Form::pattern && c == '*') {
      out += '*';
    } else if (mode == Form::pattern && c == '$' && i + 1 == in.size()) {
      out += '$';
    } else if (raw_in_canonical(c)) {
      out += static_cast<char>(c);
    } else {
      append_escape(out, c);
    }
  }
  return out;
}

// The width of the canonical unit at `i`: an escape "%XX" or one octet.
std::size_t unit_width(std::string_view s, std::size_t i) {
  return s[i] == '%' && i + 2 < s.size() ? 3 : 1;
}

unsigned char unit_octet(std::string_view s, std::size_t i, std::size_t width) {
  return width == 3 ? static_cast<unsigned char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]))
                    : static_cast<unsigned char>(s[i]);
}

// Whether the pattern unit at `p` matches the text unit at `t`: the same spelling, or, in the
// text's query, the same octet ("%3A" and ":").
bool units_equal(std::string_view pattern, std::size_t p, std::string_view text, std::size_t t, bool in_query,
                 std::size_t& pw, std::size_t& tw) {
  pw = unit_width(pattern, p);
  tw = unit_width(text, t);
  if (pw == tw) return pattern.compare(p, pw, text, t, tw) == 0;
  return in_query && unit_octet(pattern, p, pw) == unit_octet(text, t, tw);
}

// Glob match with '*' only, unit by unit; `anchored` requires the whole text to be consumed,
// otherwise a match of the pattern against a prefix of the text suffices. Classic two-pointer
// backtracking: on a mismatch, let the last '*' swallow one more unit. `query` is the position of
// the text's first raw '?' (the delimiter itself is no part of the query).
bool glob_match(std::string_view pattern, std::string_view text, bool anchored, std::size_t query) {
  std::size_t p = 0, t = 0;
  std::size_t star = std::string_view::npos, star_t = 0;
  while (true) {
    std::size_t pw = 0, tw = 0;
    if (p == pattern.size()) {
      if (!anchored || t == text.size()) return true;
    } else if (pattern[p] == '*') {
      star = p++;
      star_t = t;
      continue;
    } else if (t < text.size() && units_equal(pattern, p, text, t, t > query, pw, tw)) {
      p += pw;
      t += tw;
      continue;
    }
    if (star == std::string_view::npos || star_t >= text.size()) return false;
    p = star + 1;
    star_t += unit_width(text, star_t);
    t = star_t;
  }
}

}  // namespace

std::string canonical_robots_path(std::string_view path_and_query) {
  return canonicalize(path_and_query, Form::path);
}

bool is_canonical_robots_path(std::string_view path_and_query) {
  const std::size_t n = path_and_query.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(path_and_query[i]);
    if (raw_in_canonical(c)) continue;
    // An upper-case escape of an octet that must stay encoded is canonical too ("%C3%A9").
    if (c != '%' || i + 2 >= n) return false;
    const char h = path_and_query[i + 1], l = path_and_query[i + 2];
    auto upper_hex = [](char x) { return is_ascii_digit(x) || (x >= 'A' && x <= 'F'); };
    if (!upper_hex(h) || !upper_hex(l)) return false;
    if (decode_escape(static_cast<unsigned char>(hex_value(h) * 16 + hex_value(l)))) return false;
    i += 2;
  }
  return true;
}

RobotsPattern::RobotsPattern(std::string_view written) : m_text(canonicalize(written, Form::pattern)) {
  m_anchored = !m_text.empty() && m_text.back() == '$';
  m_has_wildcard = m_text.find('*') != std::string::npos;
  m_usable = !m_text.empty() && (m_text.front() == '/' || m_text.front() == '*');
}

bool RobotsPattern::matches(std::string_view canonical_path) const {
  if (!m_usable) return false;
  std::string_view body = m_text;
  if (m_anchored) body.remove_suffix(1);
  const std::size_t query = canonical_path.find('?');
  if (!m_has_wildcard && query == std::string_view::npos) {  // one spelling per octet: compare bytes
    if (m_anchored) return canonical_path == body;
    return canonical_path.substr(0, body.size()) == body;
  }
  return glob_match(body, canonical_path, m_anchored, query);
}

}  // namespace exposcan
