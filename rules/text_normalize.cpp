#include "rules/text_normalize.h"

namespace exposcan {

namespace {

constexpr char32_t k_replacement = 0xFFFD;

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

}  // namespace

CodePoint decode_utf8(std::string_view s, size_t pos) {
  if (pos >= s.size()) return {0, 0};
  const auto c0 = static_cast<unsigned char>(s[pos]);
  if (c0 < 0x80) return {c0, 1};
  size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((c0 & 0xE0) == 0xC0) {
    len = 2, cp = c0 & 0x1F, min = 0x80;
  } else if ((c0 & 0xF0) == 0xE0) {
    len = 3, cp = c0 & 0x0F, min = 0x800;
  } else if ((c0 & 0xF8) == 0xF0) {
    len = 4, cp = c0 & 0x07, min = 0x10000;
  } else {
    return {k_replacement, 1};
  }
  if (pos + len > s.size()) return {k_replacement, 1};
  for (size_t i = 1; i < len; ++i) {
    const auto c = static_cast<unsigned char>(s[pos + i]);
    if (!is_continuation(c)) return {k_replacement, 1};
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {k_replacement, 1};
  return {cp, len};
}

CodePoint decode_utf8_before(std::string_view s, size_t pos) {
  if (pos == 0 || pos > s.size()) return {0, 0};
  size_t start = pos - 1;
  const size_t floor = pos >= 4 ? pos - 4 : 0;
  while (start > floor && is_continuation(static_cast<unsigned char>(s[start]))) --start;
  const CodePoint cp = decode_utf8(s, start);
  if (start + cp.length == pos) return cp;
  return {k_replacement, 1};
}

int unicode_digit_value(char32_t cp) {
  static constexpr char32_t k_zeros[] = {U'0', 0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6};
  for (char32_t zero : k_zeros)
    if (cp >= zero && cp <= zero + 9) return static_cast<int>(cp - zero);
  return -1;
}

bool is_number_space(char32_t cp) {
  return cp == U' ' || cp == 0x00A0 || cp == 0x2007 || cp == 0x2009 || cp == 0x202F || cp == 0x3000;
}

bool is_dash(char32_t cp) {
  return cp == U'-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D;
}

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp == k_replacement || is_number_space(cp) || is_dash(cp) || unicode_digit_value(cp) >= 0) return false;
  if (cp >= 0x00A1 && cp <= 0x00BF) return false;    // Latin-1 punctuation and symbols (« » ° § …)
  if (cp == 0x00D7 || cp == 0x00F7) return false;    // × ÷
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;    // punctuation, currency, arrows, dingbats
  if (cp >= 0x3000 && cp <= 0x303F) return false;    // CJK punctuation
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;    // fullwidth punctuation
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;    // variation selectors ("☎️")
  return true;
}

std::string fold_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const CodePoint cp = decode_utf8(s, i);
    char32_t v = cp.value;
    if (v >= 'A' && v <= 'Z') {
      v += 32;
    } else if (v >= 0xC0 && v <= 0xDE && v != 0xD7) {
      v += 32;
    } else if (v >= 0x100 && v <= 0x17F && v != 0x130 && v != 0x131 && v != 0x138 && v != 0x149 &&
               v != 0x178 && v != 0x17F) {
      // Latin Extended-A pairs upper/lower as even/odd, except the 0x139–0x148 and 0x179–0x17E
      // runs, which pair as odd/even.
      const bool odd_upper = (v >= 0x139 && v <= 0x148) || (v >= 0x179 && v <= 0x17E);
      if (odd_upper ? (v % 2 == 1) : (v % 2 == 0)) v += 1;
    }
    if (v == cp.value || cp.value == k_replacement) {
      out.append(s.substr(i, cp.length));
    } else if (v < 0x80) {
      out.push_back(static_cast<char>(v));
    } else {  // every folded non-ASCII letter here is below U+0800: two bytes
      out.push_back(static_cast<char>(0xC0 | (v >> 6)));
      out.push_back(static_cast<char>(0x80 | (v & 0x3F)));
    }
    i += cp.length;
  }
  return out;
}

}  // namespace exposcan
