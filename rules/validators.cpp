// Payment cards, IBAN, e-mail, dates, URL context, digit normalisation and the validator table.
// National identifiers are in validators_national.cpp.
#include "rules/validators.h"

#include <array>
#include <cstdint>
#include <utility>

#include "core/text.h"
#include "rules/text_normalize.h"

namespace exposcan {

namespace {

// Digits of a card number with ' ' and '-' allowed between digits; empty on any other byte.
std::string card_digits(std::string_view s) {
  std::string digits;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (is_ascii_digit(c)) {
      digits.push_back(c);
    } else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      ++i;  // U+00A0 no-break space
    } else if (c != ' ' && c != '-' && c != '.') {
      return {};
    }
  }
  return digits;
}

bool all_same(std::string_view digits) {
  for (char c : digits)
    if (c != digits.front()) return false;
  return true;
}

int prefix_value(std::string_view digits, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n && i < digits.size(); ++i) v = v * 10 + (digits[i] - '0');
  return v;
}

struct BrandRule {
  std::string_view brand;
  int prefix_digits;
  int low;
  int high;
  uint32_t lengths;  // bit n: n-digit numbers are issued
};

constexpr uint32_t len(int n) {
  return 1u << n;
}
constexpr uint32_t lens(int from, int to) {
  return from > to ? 0 : len(from) | lens(from + 1, to);
}

// Most specific ranges first where schemes overlap (Discover's 622126–622925 inside UnionPay's
// 62). Lengths are the ones the schemes issue: 18-digit "Visa" numbers are IDs, not cards.
constexpr std::array k_brand_rules{
    BrandRule{"amex", 2, 34, 34, len(15)},
    BrandRule{"amex", 2, 37, 37, len(15)},
    BrandRule{"visa", 1, 4, 4, len(13) | len(16) | len(19)},
    BrandRule{"mastercard", 2, 51, 55, len(16)},
    BrandRule{"mastercard", 4, 2221, 2720, len(16)},
    BrandRule{"discover", 4, 6011, 6011, len(16) | len(19)},
    BrandRule{"discover", 3, 644, 649, len(16) | len(19)},
    BrandRule{"discover", 2, 65, 65, len(16) | len(19)},
    BrandRule{"discover", 6, 622126, 622925, len(16) | len(19)},
    BrandRule{"jcb", 4, 3528, 3589, len(16) | len(19)},
    BrandRule{"diners", 3, 300, 305, len(14) | len(16)},
    BrandRule{"diners", 4, 3095, 3095, len(14) | len(16)},
    BrandRule{"diners", 2, 36, 36, len(14) | len(16)},
    BrandRule{"diners", 2, 38, 39, len(14) | len(16)},
    BrandRule{"unionpay", 2, 62, 62, len(16) | len(19)},
    BrandRule{"unionpay", 2, 81, 81, len(16) | len(19)},
    BrandRule{"maestro", 4, 5018, 5018, lens(12, 19)},
    BrandRule{"maestro", 4, 5020, 5020, lens(12, 19)},
    BrandRule{"maestro", 4, 5038, 5038, lens(12, 19)},
    BrandRule{"maestro", 4, 5893, 5893, lens(12, 19)},
    BrandRule{"maestro", 4, 6304, 6304, lens(12, 19)},
    BrandRule{"maestro", 4, 6759, 6759, lens(12, 19)},
    BrandRule{"maestro", 4, 6761, 6763, lens(12, 19)},
};

const BrandRule* brand_rule(std::string_view digits) {
  for (const BrandRule& r : k_brand_rules) {
    if (digits.size() < static_cast<size_t>(r.prefix_digits)) continue;
    const int v = prefix_value(digits, static_cast<size_t>(r.prefix_digits));
    if (v >= r.low && v <= r.high) return &r;
  }
  return nullptr;
}

}  // namespace

bool luhn_valid(std::string_view s) {
  const std::string digits = card_digits(s);
  if (digits.size() < 13 || digits.size() > 19 || all_same(digits)) return false;
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice && (d *= 2) > 9) d -= 9;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

std::string card_brand(std::string_view s) {
  const std::string digits = card_digits(s);
  if (digits.empty()) return {};
  const BrandRule* r = brand_rule(digits);
  return r ? std::string(r->brand) : std::string();
}

bool card_number_valid(std::string_view s) {
  if (!luhn_valid(s)) return false;
  const std::string digits = card_digits(s);
  const BrandRule* r = brand_rule(digits);
  return r && (r->lengths & len(static_cast<int>(digits.size()))) != 0;
}

// ---- IBAN ----------------------------------------------------------------------------------

namespace {

// SWIFT IBAN registry (ISO 13616), total IBAN length per country, sorted by code.
constexpr std::array<std::pair<std::string_view, int>, 89> k_iban_lengths{{
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
    {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
    {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
    {"YE", 30},
}};

}  // namespace

int iban_length_for_country(std::string_view cc) {
  if (cc.size() != 2) return 0;
  const char key[2] = {ascii_upper_char(cc[0]), ascii_upper_char(cc[1])};
  for (const auto& [code, length] : k_iban_lengths)
    if (code == std::string_view(key, 2)) return length;
  return 0;
}

bool iban_valid(std::string_view s) {
  // Compact form; in the printed form one space follows every fourth character.
  std::string iban;
  std::vector<size_t> space_after;  // compact length at each space
  for (size_t i = 0; i < s.size();) {
    const CodePoint cp = decode_utf8(s, i);
    if (cp.value == U' ' || cp.value == 0x00A0) {
      space_after.push_back(iban.size());
    } else if (cp.value < 0x80 && is_ascii_alnum(static_cast<char>(cp.value))) {
      iban.push_back(ascii_upper_char(static_cast<char>(cp.value)));
    } else {
      return false;
    }
    i += cp.length;
  }
  if (!space_after.empty()) {
    if (space_after.size() != (iban.size() - 1) / 4) return false;
    for (size_t k = 0; k < space_after.size(); ++k)
      if (space_after[k] != 4 * (k + 1)) return false;
  }
  if (iban.size() < 5) return false;
  if (!is_ascii_alpha(iban[0]) || !is_ascii_alpha(iban[1]) || !is_ascii_digit(iban[2]) ||
      !is_ascii_digit(iban[3]))
    return false;
  if (static_cast<size_t>(iban_length_for_country(iban.substr(0, 2))) != iban.size()) return false;
  // Move the first four characters to the end, read letters as 10–35, and reduce mod 97 as we go.
  const std::string rearranged = iban.substr(4) + iban.substr(0, 4);
  uint32_t rest = 0;
  for (char c : rearranged) {
    if (is_ascii_digit(c)) {
      rest = (rest * 10 + static_cast<uint32_t>(c - '0')) % 97;
    } else {
      rest = (rest * 100 + static_cast<uint32_t>(c - 'A' + 10)) % 97;
    }
  }
  return rest == 1;
}

// ---- E-mail --------------------------------------------------------------------------------

namespace {

bool is_atext(unsigned char c) {
  if (c >= 0x80) return true;  // RFC 6531 UTF8-non-ascii
  if (is_ascii_alnum(static_cast<char>(c))) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(static_cast<char>(c)) != std::string_view::npos;
}

// Last labels that name file types, not TLDs (none of these is a delegated TLD).
constexpr std::array<std::string_view, 31> k_file_extensions{
    "png",  "jpg",  "jpeg", "gif",  "css",  "js",   "mjs",   "svg", "webp", "bmp", "ico",
    "tif",  "tiff", "avif", "heic", "webm", "woff", "woff2", "ttf", "eot",  "otf", "map",
    "json", "xml",  "html", "htm",  "php",  "aspx", "jsp",   "txt", "pdf"};

}  // namespace

bool email_plausible(std::string_view s) {
  const size_t at = s.find('@');
  if (at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view local = s.substr(0, at);
  const std::string_view domain = s.substr(at + 1);
  if (local.empty() || local.size() > 64 || domain.empty() || domain.size() > 253) return false;
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
  for (char c : local)
    if (c != '.' && !is_atext(static_cast<unsigned char>(c))) return false;
  if (!is_valid_utf8(s)) return false;

  std::string_view last_label;
  size_t labels = 0;
  for (std::string_view label : split(domain, '.')) {
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    for (char c : label)
      if (!is_ascii_alnum(c) && c != '-' && static_cast<unsigned char>(c) < 0x80) return false;
    last_label = label;
    ++labels;
  }
  if (labels < 2) return false;
  if (istarts_with(last_label, "xn--")) return last_label.size() > 4;
  size_t ascii_letters = 0;
  for (char c : last_label) {
    if (is_ascii_alpha(c)) {
      ++ascii_letters;
    } else if (static_cast<unsigned char>(c) < 0x80) {
      return false;  // digits or hyphens in a TLD
    }
  }
  if (ascii_letters == last_label.size()) {
    if (ascii_letters < 2) return false;
    const std::string tld = ascii_lower(last_label);
    for (std::string_view ext : k_file_extensions)
      if (tld == ext) return false;
  }
  return true;
}

// ---- Dates ---------------------------------------------------------------------------------

namespace {

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool valid_ymd(int y, int m, int d) {
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= k_days[m - 1] + (m == 2 && leap(y) ? 1 : 0);
}

bool plausible_year(int y, size_t digits) {
  return digits == 2 || (y >= 1800 && y <= 2199);
}

// Parses up to `max` digits at `pos`; returns the count read (0 when none).
size_t read_number(std::string_view s, size_t& pos, size_t max, int& value) {
  value = 0;
  size_t n = 0;
  while (pos < s.size() && n < max && is_ascii_digit(s[pos])) {
    value = value * 10 + (s[pos] - '0');
    ++pos, ++n;
  }
  return n;
}

// True when `rest` is empty or a time of day: [T or spaces] H:MM[:SS][.fff][Z|±hh:mm].
bool time_or_nothing(std::string_view rest) {
  if (rest.empty()) return true;
  size_t p = 0;
  if (rest[0] == 'T' || rest[0] == 't') {
    p = 1;
  } else {
    while (p < rest.size() && (rest[p] == ' ' || rest[p] == ',')) ++p;
    if (p == 0) return false;
  }
  int h = 0, m = 0;
  if (read_number(rest, p, 2, h) == 0 || p >= rest.size() || rest[p] != ':') return false;
  ++p;
  if (read_number(rest, p, 2, m) != 2 || h > 24 || m > 59) return false;
  return true;  // seconds, fractions and zones may follow
}

// Numeric dates: Y-M-D, D-M-Y, M-D-Y with one consistent separator, or 8 compact digits.
bool numeric_date(std::string_view s) {
  size_t p = 0;
  int a = 0, b = 0, c = 0;
  const size_t na = read_number(s, p, 8, a);
  if (na == 8) {  // YYYYMMDD or DDMMYYYY
    if (!time_or_nothing(s.substr(p))) return false;
    const int y1 = a / 10000, m1 = a / 100 % 100, d1 = a % 100;
    const int d2 = a / 1000000, m2 = a / 10000 % 100, y2 = a % 10000;
    return (plausible_year(y1, 4) && valid_ymd(y1, m1, d1)) ||
           (plausible_year(y2, 4) && valid_ymd(y2, m2, d2));
  }
  if (na == 0 || na == 3 || na > 4 || p >= s.size()) return false;
  const char sep = s[p];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  ++p;
  const size_t nb = read_number(s, p, 2, b);
  if (nb == 0 || p >= s.size() || s[p] != sep) return false;
  ++p;
  const size_t nc = read_number(s, p, 4, c);
  if (nc == 0 || nc == 3 || !time_or_nothing(s.substr(p))) return false;
  if (na == 4) return nc <= 2 && plausible_year(a, 4) && valid_ymd(a, b, c);  // Y-M-D
  if (nc != 2 && nc != 4) return false;
  if (!plausible_year(c, nc)) return false;
  const int year = nc == 2 ? 2000 + c : c;
  return valid_ymd(year, b, a) || valid_ymd(year, a, b);  // D-M-Y or M-D-Y
}

struct MonthName {
  std::string_view name;  // folded
  int month;
};
constexpr std::array k_months{
    MonthName{"january", 1},    MonthName{"february", 2},  MonthName{"march", 3},
    MonthName{"april", 4},      MonthName{"may", 5},       MonthName{"june", 6},
    MonthName{"july", 7},       MonthName{"august", 8},    MonthName{"september", 9},
    MonthName{"october", 10},   MonthName{"november", 11}, MonthName{"december", 12},
    MonthName{"sept", 9},       MonthName{"januar", 1},    MonthName{"jänner", 1},
    MonthName{"februar", 2},    MonthName{"märz", 3},      MonthName{"mai", 5},
    MonthName{"juni", 6},       MonthName{"juli", 7},      MonthName{"oktober", 10},
    MonthName{"dezember", 12},  MonthName{"janvier", 1},   MonthName{"février", 2},
    MonthName{"mars", 3},       MonthName{"avril", 4},     MonthName{"juin", 6},
    MonthName{"juillet", 7},    MonthName{"août", 8},      MonthName{"septembre", 9},
    MonthName{"octobre", 10},   MonthName{"novembre", 11}, MonthName{"décembre", 12},
    MonthName{"enero", 1},      MonthName{"febrero", 2},   MonthName{"marzo", 3},
    MonthName{"abril", 4},      MonthName{"mayo", 5},      MonthName{"junio", 6},
    MonthName{"julio", 7},      MonthName{"agosto", 8},    MonthName{"septiembre", 9},
    MonthName{"setiembre", 9},  MonthName{"octubre", 10},  MonthName{"noviembre", 11},
    MonthName{"diciembre", 12},
};

// A month name or its 3-letter abbreviation (with optional '.'); 0 when not a month.
int month_from_word(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return 0;
  for (const MonthName& m : k_months) {
    if (word == m.name) return m.month;
    if (word.size() == 3 && m.name.substr(0, 3) == word) return m.month;
  }
  return 0;
}

// Written dates: "12 April 1990", "12. April 1990", "12 avril 1990", "12 de abril de 1990",
// "April 12, 1990", "Apr 12 1990", also with "1st"/"2nd"/"3rd"/"12th" and "1er".
bool written_date(std::string_view s) {
  const std::string folded = fold_case(s);
  std::vector<std::string_view> words;
  for (std::string_view w : split(folded, ' '))
    if (!w.empty() && w != "de" && w != "del") words.push_back(w);
  if (words.size() != 3) return false;
  auto day_of = [](std::string_view w) {
    while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
    for (std::string_view suffix : {"st", "nd", "rd", "th", "er"})
      if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) {
        w.remove_suffix(suffix.size());
        break;
      }
    if (w.empty() || w.size() > 2) return 0;
    int d = 0;
    for (char c : w) {
      if (!is_ascii_digit(c)) return 0;
      d = d * 10 + (c - '0');
    }
    return d;
  };
  auto year_of = [](std::string_view w) {
    if (w.size() != 4) return 0;
    int y = 0;
    for (char c : w) {
      if (!is_ascii_digit(c)) return 0;
      y = y * 10 + (c - '0');
    }
    return plausible_year(y, 4) ? y : 0;
  };
  const int year = year_of(words[2]);
  if (year == 0) return false;
  std::string_view month_word = words[1];
  int day = day_of(words[0]);
  if (day == 0) {  // month first: "April 12, 1990"
    month_word = words[0];
    day = day_of(words[1]);
  }
  if (!month_word.empty() && month_word.back() == ',') month_word.remove_suffix(1);
  const int month = month_from_word(month_word);
  return month != 0 && valid_ymd(year, month, day);
}

}  // namespace

bool not_a_date(std::string_view s) {
  s = trim(s);
  if (s.empty()) return true;
  return !numeric_date(s) && !written_date(s);
}

// ---- URL context ---------------------------------------------------------------------------

namespace {

bool token_boundary(char c) {
  return is_ascii_space(c) || c == '"' || c == '\'' || c == '<' || c == '>';
}

}  // namespace

bool inside_url(std::string_view text, size_t start, size_t end) {
  end = std::min(end, text.size());
  start = std::min(start, end);
  size_t token_start = start;
  while (token_start > 0 && !token_boundary(text[token_start - 1])) --token_start;
  size_t token_end = end;
  while (token_end < text.size() && !token_boundary(text[token_end])) ++token_end;
  const std::string_view prefix = text.substr(token_start, start - token_start);
  const std::string_view suffix = text.substr(end, token_end - end);

  if (prefix.find("://") != std::string_view::npos || istarts_with(prefix, "www.")) return true;
  if (prefix.find_first_of("?=&@") != std::string_view::npos) return true;
  if (prefix.find('/') != std::string_view::npos) {
    // "Tel/Fax:" is a label, not a path: letters and slashes ending in ':'.
    bool label = !prefix.empty() && prefix.back() == ':';
    for (size_t i = 0; label && i + 1 < prefix.size(); ++i)
      label = is_ascii_alpha(prefix[i]) || prefix[i] == '/' || prefix[i] == '.';
    if (!label) return true;
  }
  if (!suffix.empty()) {
    const char c = suffix[0];
    if (c == '@' || c == '/' || c == '?' || c == '#' || c == '=' || c == '&') return true;
    if (c == '.' && suffix.size() > 1 && is_ascii_alpha(suffix[1])) return true;
    if (suffix.find('@') != std::string_view::npos) return true;
  }
  return false;
}

// ---- Normalisation and lookup --------------------------------------------------------------

std::string normalize_digits(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const CodePoint cp = decode_utf8(s, i);
    const int d = unicode_digit_value(cp.value);
    if (d >= 0) out.push_back(static_cast<char>('0' + d));
    i += cp.length;
  }
  return out;
}

}  // namespace exposcan
