// rules/text_fold.h — case and diacritic folding with a map back to the original bytes.
//
// Identity matching compares the person's names, dates and addresses with text regardless of
// case, diacritics and spacing ("JANE ÉXAMPLE" ~ "jane example"); matches must still report byte
// offsets into the original field, so folding keeps, for every output byte, the source span it came
// from. Covered: ASCII, Latin-1 Supplement, Latin Extended-A and the Romanian comma letters (base
// letter; ß → ss, æ → ae, œ → oe, þ → th), combining marks (dropped), Greek and Cyrillic case,
// Unicode spaces (one ' '), dashes ('-'), curly apostrophes ('\''). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace exposcan::fold {

struct Options {
  bool hyphen_as_space = false;  // "Jean-Luc" ~ "Jean Luc"
  bool keep_diacritics = false;  // case folding only
};

struct FoldedText {
  std::string text;                 // folded, runs of whitespace collapsed to one ' ', trimmed
  std::vector<uint32_t> src_start;  // per output byte: start of the source code point
  std::vector<uint32_t> src_end;    // per output byte: end of the source code point
  // Source byte span of output bytes [begin, end).
  std::pair<size_t, size_t> source_span(size_t begin, size_t end) const;
};

FoldedText fold_text(std::string_view text, Options options = {});
std::string fold(std::string_view text, Options options = {});

// Lower-cases ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic letters without changing any
// byte length, so offsets in the result are offsets in `text` (prefilter and context windows).
std::string lower_same_length(std::string_view text);

// One decoded code point; malformed bytes decode as U+FFFD of length 1.
struct CodePoint {
  char32_t value = 0;
  size_t length = 0;
};
CodePoint decode(std::string_view s, size_t pos);
CodePoint decode_before(std::string_view s, size_t pos);  // {0,0} at pos 0

// Letters and digits of any script (heuristic for non-ASCII: not a space, dash, punctuation or
// symbol from the blocks we know of). Used for Unicode-aware word boundaries, since RE2's \b and
// \w are ASCII-only.
bool is_word_char(char32_t cp);
bool word_char_before(std::string_view s, size_t pos);
bool word_char_after(std::string_view s, size_t pos);

}  // namespace exposcan::fold
