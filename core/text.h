// core/text.h — small ASCII/UTF-8 string helpers shared by every module.
// Locale-independent on purpose: HTTP tokens, robots.txt agents and hosts are ASCII.
#pragma once

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace exposcan {

constexpr bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
constexpr bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}
constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
constexpr bool is_hex_digit(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
constexpr int hex_value(char c) {
  return is_ascii_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
}
constexpr char ascii_lower_char(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
constexpr char ascii_upper_char(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

// True when `s` is one of `set` (exact comparison): one_of(tag, {"script", "style"}).
inline bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// A fixed set of names searched by bisection, for sets asked about on every element of a page:
//   constexpr auto k_void = sorted_names(std::to_array<std::string_view>({"br", "img"}));
//   in_sorted(k_void, tag)
template <size_t N>
constexpr std::array<std::string_view, N> sorted_names(std::array<std::string_view, N> names) {
  std::sort(names.begin(), names.end());
  return names;
}
template <size_t N>
bool in_sorted(const std::array<std::string_view, N>& sorted, std::string_view s) {
  return std::binary_search(sorted.begin(), sorted.end(), s);
}

std::string ascii_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);  // ASCII case-insensitive
bool istarts_with(std::string_view s, std::string_view prefix);
bool iends_with(std::string_view s, std::string_view suffix);
bool icontains(std::string_view haystack, std::string_view needle);
std::string_view trim(std::string_view s);  // ASCII whitespace
std::vector<std::string_view> split(std::string_view s, char sep);
// The parts with `sep` between them ("" for none).
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// Collapses runs of whitespace (ASCII and U+00A0) to one space and trims.
std::string collapse_whitespace(std::string_view s);

// UTF-8: true when `s` is well-formed; `sanitize_utf8` replaces each invalid sequence with U+FFFD.
bool is_valid_utf8(std::string_view s);
// Appends code point `cp` as UTF-8; NUL, surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, char32_t cp);
std::string sanitize_utf8(std::string_view s);
// Truncates to at most `max_bytes` without splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, size_t max_bytes);

}  // namespace exposcan
