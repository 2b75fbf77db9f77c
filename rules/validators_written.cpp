// Validators declared in rules/validators.h for values as people write them rather than as the
// standards print them: IBANs in any grouping and obfuscated e-mail addresses.
#include <array>
#include <string>

#include "core/text.h"
#include "rules/validators.h"

namespace exposcan {

// ---- IBAN in any grouping ------------------------------------------------------------------

bool iban_valid_any_grouping(std::string_view s) {
  std::string compact;
  std::string separator;  // the one separator used ("" until the first)
  bool after_separator = true;  // at the start, a separator is not allowed either
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (is_ascii_alnum(c)) {
      compact.push_back(c);
      after_separator = false;
      continue;
    }
    std::string sep(1, c);
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') sep = " ", ++i;  // U+00A0 reads as a space
    else if (c != ' ' && c != '-' && c != '.') return false;
    if (after_separator) return false;
    if (separator.empty()) separator = sep;
    else if (separator != sep) return false;
    after_separator = true;
  }
  if (after_separator) return false;  // empty, or a trailing separator
  return iban_valid(compact);
}

// ---- Obfuscated e-mail addresses -----------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 8> k_at_words{"at",   "ät",           "arobase",     "arroba",
                                                     "chiocciola", "apenstaartje", "klammeraffe", "@"};
constexpr std::array<std::string_view, 6> k_dot_words{"dot", "punkt", "point", "punto", "punt", "."};

// Words that read as "<word> at <place>" in prose, never as the local part of a written address.
constexpr std::array<std::string_view, 48> k_not_local{
    "i",      "me",     "you",    "he",     "him",     "she",    "her",    "it",    "we",     "us",
    "they",   "them",   "one",    "look",   "looked",  "looking", "stay",  "work",  "works",  "worked",
    "live",   "lives",  "lived",  "meet",   "met",     "find",   "found",  "visit", "reach",  "call",
    "write",  "posted", "online", "here",   "there",   "now",    "available", "more", "up",  "apply",
    "tickets", "book",  "booked", "shop",   "arrive",  "arrived", "out",   "in"};

template <size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& list) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

// "at" → '@', "dot" → '.', else 0. `w` is lower-cased; '-' and '_' around it are ignored.
char token_meaning(std::string_view w) {
  while (!w.empty() && (w.front() == '-' || w.front() == '_')) w.remove_prefix(1);
  while (!w.empty() && (w.back() == '-' || w.back() == '_')) w.remove_suffix(1);
  if (one_of(w, k_at_words)) return '@';
  if (one_of(w, k_dot_words)) return '.';
  return 0;
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_open(char c) { return c == '[' || c == '(' || c == '{' || c == '<'; }
char closer(char c) { return c == '[' ? ']' : c == '(' ? ')' : c == '{' ? '}' : '>'; }

}  // namespace

bool email_obfuscated_plausible(std::string_view s) {
  const std::string text = ascii_lower(s);
  std::string address;
  bool obfuscated = false;
  bool last_was_word = false;  // the previous token was part of a name (not '@' or '.')
  bool space_before = false;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (is_space_byte(c)) {
      space_before = true;
      ++i;
      continue;
    }
    if (is_open(c)) {
      const size_t close = text.find(closer(c), i + 1);
      if (close == std::string::npos || close - i > 16) return false;
      const char meaning = token_meaning(trim(std::string_view(text).substr(i + 1, close - i - 1)));
      if (!meaning) return false;
      address.push_back(meaning);
      obfuscated = true;
      last_was_word = false;
      space_before = false;
      i = close + 1;
      continue;
    }
    size_t end = i;
    while (end < text.size() && !is_space_byte(text[end]) && !is_open(text[end])) ++end;
    const std::string_view word = std::string_view(text).substr(i, end - i);
    const bool spaced = (space_before || i == 0) && (end == text.size() || is_space_byte(text[end]));
    const char meaning = token_meaning(word);
    if (meaning && (spaced || word == "@" || word == ".")) {
      address.push_back(meaning);
      obfuscated = obfuscated || word != "@" || space_before;
      last_was_word = false;
    } else {
      if (last_was_word && space_before) return false;  // "jane doe@…": two names side by side
      address.append(word);
      last_was_word = true;
    }
    space_before = false;
    i = end;
  }
  const size_t at = address.find('@');
  if (!obfuscated || at == std::string::npos) return false;
  if (one_of(std::string_view(address).substr(0, at), k_not_local)) return false;
  return email_plausible(address);
}

}  // namespace exposcan
