#include "rules/text_fold.h"

#include "core/text.h"

namespace exposcan::fold {
namespace {

// U+00C0..U+00FF and U+0100..U+017F folded to ASCII; "" keeps the code point (× ÷).
constexpr const char* k_latin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   //
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  //
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   //
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};
constexpr const char* k_latin_ext_a[128] = {
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",    // 0100
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",    // 0110
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",    // 0120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // 0130
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",    // 0140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // 0150
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",    // 0160
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s"};   // 0170

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}
bool is_dash(char32_t cp) { return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D; }
bool is_ignorable(char32_t cp) {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF || (cp >= 0x0300 && cp <= 0x036F);
}

char32_t lower_cp(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp >= 0x100 && cp <= 0x137) return cp | 1;
  if (cp >= 0x139 && cp <= 0x148) return (cp & 1) ? cp + 1 : cp;
  if (cp >= 0x14A && cp <= 0x177) return cp | 1;
  if (cp == 0x178) return 0xFF;
  if (cp >= 0x179 && cp <= 0x17E) return (cp & 1) ? cp + 1 : cp;
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

size_t utf8_length(char32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

}  // namespace

CodePoint decode(std::string_view s, size_t pos) {
  if (pos >= s.size()) return {0, 0};
  auto b = static_cast<unsigned char>(s[pos]);
  if (b < 0x80) return {b, 1};
  size_t len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
  if (len == 0 || b > 0xF4 || pos + len > s.size()) return {0xFFFD, 1};
  char32_t cp = len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (size_t i = 1; i < len; ++i) {
    auto c = static_cast<unsigned char>(s[pos + i]);
    if ((c & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (c & 0x3F);
  }
  if (utf8_length(cp) != len || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return {0xFFFD, 1};
  return {cp, len};
}

CodePoint decode_before(std::string_view s, size_t pos) {
  if (pos == 0 || pos > s.size()) return {0, 0};
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  CodePoint cp = decode(s, start);
  if (start + cp.length == pos) return cp;
  return {0xFFFD, 1};
}

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
  if (cp == 0xFFFD || is_space(cp) || is_dash(cp)) return false;
  if (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) return false;  // Latin-1 punctuation
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // fullwidth punctuation
  if (cp >= 0x1F000) return false;                  // emoji and pictographs
  return true;
}

bool word_char_before(std::string_view s, size_t pos) {
  CodePoint cp = decode_before(s, pos);
  return cp.length && is_word_char(cp.value);
}

bool word_char_after(std::string_view s, size_t pos) {
  CodePoint cp = decode(s, pos);
  return cp.length && is_word_char(cp.value);
}

std::pair<size_t, size_t> FoldedText::source_span(size_t begin, size_t end) const {
  if (begin >= end || end > text.size()) return {0, 0};
  return {src_start[begin], src_end[end - 1]};
}

FoldedText fold_text(std::string_view s, Options options) {
  FoldedText out;
  out.text.reserve(s.size());
  bool pending_space = false;
  auto emit = [&](std::string_view piece, uint32_t a, uint32_t b) {
    if (pending_space && !out.text.empty()) {
      out.text += ' ';
      out.src_start.push_back(a);
      out.src_end.push_back(a);
    }
    pending_space = false;
    for (char c : piece) {
      out.text += c;
      out.src_start.push_back(a);
      out.src_end.push_back(b);
    }
  };
  std::string buf;
  for (size_t pos = 0; pos < s.size();) {
    CodePoint cp = decode(s, pos);
    auto a = static_cast<uint32_t>(pos), b = static_cast<uint32_t>(pos + cp.length);
    pos += cp.length;
    char32_t c = cp.value;
    if (is_space(c) || (options.hyphen_as_space && is_dash(c))) {
      pending_space = true;
      continue;
    }
    if (is_ignorable(c)) {
      if (!out.src_end.empty() && c >= 0x0300) out.src_end.back() = b;  // a combining mark joins its letter
      continue;
    }
    buf.clear();
    if (is_dash(c)) {
      buf = "-";
    } else if (c == 0x2018 || c == 0x2019 || c == 0x02BC) {
      buf = "'";
    } else if (!options.keep_diacritics && c >= 0xC0 && c <= 0xFF && *k_latin1[c - 0xC0]) {
      buf = k_latin1[c - 0xC0];
    } else if (!options.keep_diacritics && c >= 0x100 && c <= 0x17F) {
      buf = k_latin_ext_a[c - 0x100];
    } else if (!options.keep_diacritics && (c == 0x218 || c == 0x219)) {
      buf = "s";
    } else if (!options.keep_diacritics && (c == 0x21A || c == 0x21B)) {
      buf = "t";
    } else {
      append_utf8(buf, lower_cp(c));
    }
    emit(buf, a, b);
  }
  return out;
}

std::string fold(std::string_view text, Options options) { return fold_text(text, options).text; }

std::string lower_same_length(std::string_view s) {
  std::string out(s);
  for (size_t pos = 0; pos < s.size();) {
    auto b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {  // ASCII fast path
      if (b >= 'A' && b <= 'Z') out[pos] = static_cast<char>(b + 32);
      ++pos;
      continue;
    }
    CodePoint cp = decode(s, pos);
    char32_t low = lower_cp(cp.value);
    if (low != cp.value && utf8_length(low) == cp.length) {
      std::string enc;
      append_utf8(enc, low);
      out.replace(pos, cp.length, enc);
    }
    pos += cp.length;
  }
  return out;
}

}  // namespace exposcan::fold
