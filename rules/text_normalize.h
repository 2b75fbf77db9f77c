// rules/text_normalize.h — the little Unicode the detectors need, without ICU in the interface.
//
// Detectors work on UTF-8 byte offsets (what a Match reports), so these helpers decode one code
// point at a byte position instead of converting whole strings. Covered on purpose: the digit,
// space and dash variants people paste into phone numbers and IDs, and lower-casing of Latin
// letters for context words ("Téléphone" → "téléphone"). Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace exposcan {

// One decoded code point. Malformed or truncated sequences decode as U+FFFD with length 1, so a
// scanner always advances; `length` is never 0 for pos < s.size().
struct CodePoint {
  char32_t value = 0;
  size_t length = 0;
};
CodePoint decode_utf8(std::string_view s, size_t pos);
// The code point that ends just before `pos` (U+FFFD/1 for malformed bytes, {0, 0} at pos 0).
CodePoint decode_utf8_before(std::string_view s, size_t pos);

// 0–9 for decimal digits of ASCII, fullwidth, Arabic-Indic, Extended Arabic-Indic, Devanagari and
// Bengali; -1 otherwise.
int unicode_digit_value(char32_t cp);
// Spaces that appear inside formatted numbers: ASCII space, U+00A0, U+2007, U+2009, U+202F,
// U+3000. Tabs and line breaks are not included (a number does not continue across them).
bool is_number_space(char32_t cp);
// Hyphen-like characters: '-', U+2010–U+2015, U+2212, U+FE63, U+FF0D.
bool is_dash(char32_t cp);
// Letters for word-boundary purposes: ASCII letters and any non-ASCII code point that is not a
// space, dash, digit, punctuation of the General Punctuation block or a symbol we know of.
bool is_word_char(char32_t cp);

// Lower-cases ASCII, Latin-1 Supplement and Latin Extended-A letters; other bytes are copied.
std::string fold_case(std::string_view s);

}  // namespace exposcan
