#include "rules/phone_candidates.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "rules/text_normalize.h"
#include "rules/validators.h"

namespace exposcan::phone {

namespace {

constexpr size_t k_max_groups = 24;
constexpr size_t k_max_region_digits = 40;

bool is_digit_at(std::string_view text, size_t pos) {
  return pos < text.size() && unicode_digit_value(decode_utf8(text, pos).value) >= 0;
}

bool is_plus(char32_t cp) {
  return cp == U'+' || cp == 0xFF0B;
}
bool is_open(char32_t cp) {
  return cp == U'(' || cp == 0xFF08;
}
bool is_close(char32_t cp) {
  return cp == U')' || cp == 0xFF09;
}

bool is_currency(char32_t cp) {
  static constexpr std::array<char32_t, 15> k_symbols{U'$',   0x20AC, 0x00A3, 0x00A5, 0x20B9,
                                                      0x20BD, 0x20A9, 0x20BA, 0x20B4, 0x20A6,
                                                      0x00A2, 0x20B1, 0x20AB, 0x20AA, 0x0E3F};
  return std::find(k_symbols.begin(), k_symbols.end(), cp) != k_symbols.end();
}

// Words that may touch a number through '.', '-' or '/' ("Tel.030…", "Fax-0301…").
bool is_phone_label(std::string_view folded) {
  static constexpr std::array<std::string_view, 16> k_labels{"tel",   "ph",  "phone", "fon", "mob",  "mobil",
                                                             "fax",   "nr",  "no",    "tél", "telf", "cel",
                                                             "handy", "tlf", "tfno",  "cell"};
  return std::find(k_labels.begin(), k_labels.end(), folded) != k_labels.end();
}

// The word (letters only) ending at `pos`, folded.
std::string word_before(std::string_view text, size_t pos) {
  size_t start = pos;
  while (start > 0) {
    const CodePoint cp = decode_utf8_before(text, start);
    if (!is_word_char(cp.value)) break;
    start -= cp.length;
  }
  return fold_case(text.substr(start, pos - start));
}

bool left_attached(std::string_view text, size_t start) {
  const CodePoint prev = decode_utf8_before(text, start);
  if (prev.length == 0) return false;
  const size_t p = start - prev.length;
  const CodePoint prev2 = decode_utf8_before(text, p);
  const bool prev2_alnum =
      prev2.length != 0 && (is_word_char(prev2.value) || unicode_digit_value(prev2.value) >= 0);
  const char32_t c = prev.value;
  if (is_word_char(c) || c == U'_' || c == U'@' || c == U'#' || c == U'&' || c == U'=' || is_currency(c))
    return true;
  // "12:30", "1,234,567", and JSON number values ("created_at":1600126906): never phones.
  if (c == U':' || c == U',')
    return prev2.length != 0 && (unicode_digit_value(prev2.value) >= 0 || prev2.value == U'"');
  if (c == U'.' || is_dash(c) || c == U'/' || c == U'\\') {
    if (!prev2_alnum) return is_dash(c) && (prev2.length == 0 || is_number_space(prev2.value));  // "-42"
    if (unicode_digit_value(prev2.value) >= 0) return true;
    return !is_phone_label(word_before(text, p));
  }
  if (is_number_space(c) && prev2.length != 0) {  // "$ 1234567", "# 2025550147"
    if (is_currency(prev2.value) || prev2.value == U'#') return true;
    // The tail of an alphanumeric code: "1Z 999 AA1 01 2345 6784".
    bool letters = false, digits = false;
    size_t q = p;
    while (q > 0) {
      const CodePoint cp = decode_utf8_before(text, q);
      if (unicode_digit_value(cp.value) >= 0) {
        digits = true;
      } else if (is_word_char(cp.value)) {
        letters = true;
      } else {
        break;
      }
      q -= cp.length;
    }
    return letters && digits;
  }
  return false;
}

bool starts_with_folded(std::string_view text, size_t pos, std::string_view word) {
  if (pos + word.size() > text.size()) return false;
  return iequals(text.substr(pos, word.size()), word);
}

bool right_attached(std::string_view text, size_t end) {
  if (end >= text.size()) return false;
  const CodePoint next = decode_utf8(text, end);
  const char32_t c = next.value;
  if (is_word_char(c) || c == U'_' || c == U'@' || c == U'%' || c == 0x2030 || is_currency(c)) return true;
  const size_t p = end + next.length;
  const CodePoint next2 = decode_utf8(text, p);
  const bool next2_alnum =
      next2.length != 0 && (is_word_char(next2.value) || unicode_digit_value(next2.value) >= 0);
  if ((c == U'.' || is_dash(c) || c == U'/' || c == U'\\' || c == U'+') && next2_alnum) return true;
  if (c == U':' && next2.length != 0 && unicode_digit_value(next2.value) >= 0) return true;
  if (c == U',' && is_digit_at(text, p)) {  // decimal comma: ",5" or ",99" then a non-digit
    size_t q = p, n = 0;
    while (is_digit_at(text, q) && n < 3) q += decode_utf8(text, q).length, ++n;
    return n <= 2;
  }
  if (is_number_space(c)) {  // "1 234 567 €", "… 1234567 EUR"
    if (next2.length != 0 && is_currency(next2.value)) return true;
    for (std::string_view code : {"eur", "usd", "gbp", "chf", "euro", "dollar", "pound", "inr", "jpy"})
      if (starts_with_folded(text, p, code)) {
        const size_t after = p + code.size();
        const CodePoint a = decode_utf8(text, after);
        if (a.length == 0 || !is_word_char(a.value) || a.value == U's') return true;
      }
  }
  return false;
}

// Extension markers, folded; each may be followed by '.', ':' or spaces before the digits.
constexpr std::array<std::string_view, 13> k_extension_markers{";ext=", "extension", "extn", "ext",     "x",
                                                               "#",     "durchwahl", "dw",   "apparat", "app",
                                                               "poste", "anexo",     "ramal"};

// Parses an extension starting at `pos` (after the number); returns its end or 0.
size_t parse_extension(std::string_view text, size_t pos, std::string& digits) {
  size_t p = pos;
  size_t spaces = 0;
  while (p < text.size() && (text[p] == ' ' || text[p] == ',') && spaces < 2) ++p, ++spaces;
  for (std::string_view marker : k_extension_markers) {
    if (!starts_with_folded(text, p, marker)) continue;
    size_t q = p + marker.size();
    // A letter marker must end its word ("ext" in "extra" is not a marker).
    if (is_ascii_alpha(marker.back()) && q < text.size() && is_ascii_alpha(text[q])) continue;
    if (q < text.size() && (text[q] == '.' || text[q] == ':')) ++q;
    while (q < text.size() && text[q] == ' ' && q - p < marker.size() + 3) ++q;
    std::string ext;
    while (q < text.size() && is_ascii_digit(text[q]) && ext.size() < 8) ext.push_back(text[q++]);
    if (ext.empty() || ext.size() > 7 || is_digit_at(text, q)) continue;
    if (q < text.size() && is_word_char(decode_utf8(text, q).value)) continue;
    digits = std::move(ext);
    return q;
  }
  return 0;
}

// Length of a no-break space written as an HTML character reference at `pos` ("&nbsp;",
// "&#160;", "&#xA0;"), 0 if there is none: raw HTML is scanned too.
size_t space_entity_length(std::string_view text, size_t pos) {
  if (pos >= text.size() || text[pos] != '&') return 0;
  for (std::string_view entity : {"&nbsp;", "&#160;", "&#xa0;"})
    if (starts_with_folded(text, pos, entity)) return entity.size();
  return 0;
}

// Reads a separator run at `pos`; returns its end (0 if it is not a separator run followed by a
// digit). `sep` receives the normalised form, `depth` tracks parentheses.
size_t read_separator(std::string_view text, size_t pos, std::string& sep, int& depth) {
  sep.clear();
  size_t p = pos;
  int spaces = 0, puncts = 0, opens = 0, closes = 0, local_depth = depth;
  for (int n = 0; n < 4 && p < text.size(); ++n) {
    const CodePoint cp = decode_utf8(text, p);
    const char32_t c = cp.value;
    if (const size_t entity = space_entity_length(text, p); entity != 0) {  // raw HTML "&nbsp;"
      if (++spaces > 2) return 0;
      sep.push_back(' ');
      p += entity;
      continue;
    }
    if (is_number_space(c)) {
      if (++spaces > 2) return 0;
      sep.push_back(' ');
    } else if (is_dash(c) || c == U'.' || c == U'/') {
      if (++puncts > 1) return 0;
      sep.push_back(is_dash(c) ? '-' : static_cast<char>(c));
    } else if (is_open(c)) {
      if (++opens > 1) return 0;
      ++local_depth;
      sep.push_back('(');
    } else if (is_close(c)) {
      if (++closes > 1 || local_depth == 0) return 0;
      --local_depth;
      sep.push_back(')');
    } else {
      break;
    }
    p += cp.length;
  }
  if (sep.empty() || !is_digit_at(text, p)) return 0;
  if (sep.find(")(") != std::string::npos) return 0;
  depth = local_depth;
  return p;
}

}  // namespace

std::vector<Region> find_regions(std::string_view text) {
  std::vector<Region> regions;
  size_t pos = 0;
  while (pos < text.size()) {
    // Most of a text is ASCII that cannot start a number: step over it a byte at a time.
    if (const unsigned char b = static_cast<unsigned char>(text[pos]);
        b < 0x80 && !is_ascii_digit(static_cast<char>(b)) && b != '+' && b != '(') {
      ++pos;
      continue;
    }
    const CodePoint cp = decode_utf8(text, pos);
    size_t digit_pos = std::string_view::npos;
    Region r;
    int depth = 0;
    if (unicode_digit_value(cp.value) >= 0) {
      digit_pos = pos;
    } else if (is_plus(cp.value) || is_open(cp.value)) {
      size_t p = pos + cp.length;
      bool plus = is_plus(cp.value);
      if (is_open(cp.value)) {
        depth = 1;
        if (p < text.size() && is_plus(decode_utf8(text, p).value)) {  // "(+34) 612 …"
          p += decode_utf8(text, p).length;
          plus = true;
        }
      } else if (p < text.size() && is_open(decode_utf8(text, p).value)) {  // "+(49) 30"
        p += decode_utf8(text, p).length;
        depth = 1;
      }
      if (plus && p < text.size() && text[p] == ' ') ++p;
      if (is_digit_at(text, p)) {
        digit_pos = p;
        r.plus = plus;
      }
    }
    if (digit_pos == std::string_view::npos) {
      pos += cp.length;
      continue;
    }
    r.start = pos;
    r.left_attached = left_attached(text, pos);
    r.glued_to_word = is_word_char(decode_utf8_before(text, pos).value);
    size_t p = digit_pos;
    size_t total_digits = 0;
    while (true) {
      Group g;
      g.start = p;
      g.lead = p;
      if (!r.seps.empty() && r.seps.back().back() == '(') g.lead = p - decode_utf8_before(text, p).length;
      while (p < text.size()) {
        const CodePoint d = decode_utf8(text, p);
        const int v = unicode_digit_value(d.value);
        if (v < 0) break;
        g.digits.push_back(static_cast<char>('0' + v));
        p += d.length;
      }
      g.end = p;
      g.trail = p;
      total_digits += g.digits.size();
      r.groups.push_back(std::move(g));
      if (r.groups.size() >= k_max_groups || total_digits >= k_max_region_digits) break;
      std::string sep;
      int trial_depth = depth;
      const size_t next = read_separator(text, p, sep, trial_depth);
      if (next == 0) break;
      depth = trial_depth;
      if (sep.front() == ')') r.groups.back().trail = p + decode_utf8(text, p).length;
      r.seps.push_back(std::move(sep));
      p = next;
    }
    r.end = r.groups.back().end;
    if (depth > 0 && r.end < text.size() && is_close(decode_utf8(text, r.end).value))
      r.end += decode_utf8(text, r.end).length;
    r.groups.back().trail = std::max(r.groups.back().trail, r.end);
    const CodePoint before_first = decode_utf8_before(text, r.groups.front().start);
    if (is_open(before_first.value)) r.groups.front().lead = r.groups.front().start - before_first.length;
    const size_t ext_end = parse_extension(text, r.end, r.extension);
    if (ext_end != 0) {
      r.ext_end = ext_end;
      r.right_attached = right_attached(text, ext_end);
    } else {
      r.right_attached = right_attached(text, r.end);
    }
    pos = std::max(r.ext_end, r.end);
    regions.push_back(std::move(r));
  }
  return regions;
}

size_t window_start(const Region& r, const Window& w) {
  return w.first == 0 ? r.start : r.groups[w.first].lead;
}

size_t window_end(const Region& r, const Window& w) {
  if (w.last == r.groups.size()) return r.ext_end != 0 ? r.ext_end : r.end;
  return r.groups[w.last - 1].trail;
}

bool window_bounded(const Region& r, const Window& w) {
  if (w.first >= w.last || w.last > r.groups.size()) return false;
  auto boundary = [](const std::string& sep) { return sep.find_first_of(" /") != std::string::npos; };
  if (w.first == 0 ? r.left_attached : !boundary(r.seps[w.first - 1])) return false;
  if (w.last == r.groups.size() ? r.right_attached : !boundary(r.seps[w.last - 1])) return false;
  return true;
}

size_t window_digits(const Region& r, const Window& w) {
  size_t n = 0;
  for (size_t k = w.first; k < w.last; ++k) n += r.groups[k].digits.size();
  return n;
}

namespace {

bool is_year(std::string_view digits) {
  if (digits.size() != 4) return false;
  const int y = std::stoi(std::string(digits));
  return y >= 1800 && y <= 2199;
}

bool isbn13(std::string_view d) {
  if (d.size() != 13 || (d.substr(0, 3) != "978" && d.substr(0, 3) != "979")) return false;
  int sum = 0;
  for (size_t i = 0; i < 13; ++i) sum += (d[i] - '0') * (i % 2 == 0 ? 1 : 3);
  return sum % 10 == 0;
}

bool isbn10(std::string_view d) {
  if (d.size() != 10) return false;
  int sum = 0;
  for (size_t i = 0; i < 10; ++i) sum += (d[i] - '0') * static_cast<int>(10 - i);
  return sum % 11 == 0;
}

// True when `pos` continues an IBAN-shaped token run: walking back over groups of up to four
// letters/digits joined by single spaces reaches a "CCdd" group ("GB29 NWBK 6016 …").
bool is_country_and_check(std::string_view t) {
  return t.size() >= 4 && is_ascii_alpha(t[0]) && is_ascii_alpha(t[1]) && is_ascii_digit(t[2]) &&
         is_ascii_digit(t[3]) && ascii_upper_char(t[0]) == t[0] && ascii_upper_char(t[1]) == t[1];
}

bool iban_shaped_before(std::string_view text, size_t pos) {
  size_t p = pos;
  if (p > 0 && is_ascii_alnum(text[p - 1])) {  // the region starts inside a token: "BE85 0279 …"
    while (p > 0 && is_ascii_alnum(text[p - 1])) --p;
    if (is_country_and_check(text.substr(p, 4))) return true;
  }
  for (int groups = 0; groups < 9; ++groups) {
    if (p == 0) return false;
    if (text[p - 1] == ' ') {
      if (p < 2 || !is_ascii_alnum(text[p - 2])) return false;
      --p;
    }
    size_t start = p;
    while (start > 0 && is_ascii_alnum(text[start - 1]) && p - start < 5) --start;
    const size_t len = p - start;
    if (len == 0 || len > 4 || (start > 0 && is_ascii_alnum(text[start - 1]))) return false;
    if (len == 4 && is_country_and_check(text.substr(start, 4))) return true;
    p = start;
  }
  return false;
}

// "IL 62704-1234": a ZIP+4 code after a two-letter state code.
bool us_zip_after_state(std::string_view text, const Region& r) {
  if (r.groups.size() != 2 || r.seps[0] != "-" || r.groups[0].digits.size() != 5 ||
      r.groups[1].digits.size() != 4)
    return false;
  const size_t p = r.start;
  return p >= 3 && text[p - 1] == ' ' && is_ascii_alpha(text[p - 2]) && is_ascii_alpha(text[p - 3]) &&
         ascii_upper_char(text[p - 2]) == text[p - 2] && ascii_upper_char(text[p - 3]) == text[p - 3] &&
         (p == 3 || !is_ascii_alnum(text[p - 4]));
}

}  // namespace

bool region_excluded(std::string_view text, const Region& r) {
  const size_t n = r.groups.size();
  if (r.glued_to_word) return true;
  if (r.plus) return false;
  if (iban_shaped_before(text, r.start)) return true;
  if (us_zip_after_state(text, r)) return true;
  std::string digits;
  for (const Group& g : r.groups) digits += g.digits;
  if (isbn13(digits)) return true;
  if (digits.size() >= 13 && card_number_valid(digits)) return true;
  size_t run = 0;  // consecutive 4-digit groups: cards, gift codes, parcel numbers
  for (size_t k = 0; k < n; ++k) {
    run = r.groups[k].digits.size() == 4 ? run + 1 : 0;
    if (run >= 4) return true;
    if (run == 3 && r.groups[k - 2].digits[0] != '0')
      return true;  // "7489 2384 2374"; "0800 1234 5678" stays
  }
  for (size_t k = 0; k + 2 < n; ++k)
    if (r.groups[k].digits.size() == 4 && r.groups[k + 1].digits.size() == 6 &&
        r.groups[k + 2].digits.size() == 5 && r.groups[k].digits[0] == '3')
      return true;
  return false;
}

bool window_excluded(const Region& r, const Window& w) {
  const bool plus = r.plus && w.first == 0;
  std::string digits;
  for (size_t k = w.first; k < w.last; ++k) digits += r.groups[k].digits;
  const size_t n = w.last - w.first;

  // Dates (three groups joined by one '-', '/' or '.'), compact dates and year ranges.
  for (size_t k = w.first; k + 2 < w.last; ++k) {
    const std::string& s1 = r.seps[k];
    // A date is the whole run joined by its separator: "06.12.34.56.78" is not a date.
    const bool run_before = k > 0 && r.seps[k - 1] == s1;
    const bool run_after = k + 2 < r.seps.size() && r.seps[k + 2] == s1;
    if (run_before || run_after) continue;
    if (s1.size() == 1 && s1 == r.seps[k + 1] && (s1 == "-" || s1 == "/" || s1 == ".")) {
      const std::string date = r.groups[k].digits + s1 + r.groups[k + 1].digits + s1 + r.groups[k + 2].digits;
      if (!not_a_date(date)) return true;
    }
  }
  if (!plus && n == 1 && digits.size() == 8 && !not_a_date(digits)) return true;
  for (size_t k = w.first; k + 1 < w.last; ++k) {
    const std::string& s = r.seps[k];
    if (is_year(r.groups[k].digits) && is_year(r.groups[k + 1].digits) && s.find('-') != std::string::npos &&
        r.groups[k].digits <= r.groups[k + 1].digits)
      return true;
  }
  bool all_dots = n > 1;
  for (size_t k = w.first; k + 1 < w.last; ++k) all_dots = all_dots && r.seps[k] == ".";
  // IPv4: four dotted groups of at most three digits, each ≤ 255.
  if (all_dots && n == 4) {
    bool ip = true;
    for (size_t k = w.first; k < w.last; ++k)
      ip = ip && r.groups[k].digits.size() <= 3 && std::stoi(r.groups[k].digits) <= 255;
    if (ip) return true;
  }
  const std::string& head = r.groups[w.first].digits;
  if (!plus && all_dots && n >= 3) {
    // Version numbers: a one-digit group after the first ("10.0.19041.1234", "124.0.6367.91").
    for (size_t k = w.first + 1; k < w.last; ++k)
      if (r.groups[k].digits.size() == 1) return true;
  }
  if (!plus && all_dots) {
    // Decimal fractions ("48.856613", "1234.5678"); NANP "555.0147" stays.
    const std::string& tail = r.groups[w.first + 1].digits;
    if (n == 2 && head[0] != '0' && !(head.size() == 3 && tail.size() == 4)) return true;
  }
  bool all_spaces = n > 1;
  for (size_t k = w.first; k + 1 < w.last; ++k) all_spaces = all_spaces && r.seps[k] == " ";
  if (!plus && (all_dots || all_spaces) && n >= 3 && head.size() <= 2 && head[0] != '0') {
    // Thousands separators: "1.234.567", "8 336 817".
    bool thousands = true;
    for (size_t k = w.first + 1; thousands && k < w.last; ++k) thousands = r.groups[k].digits.size() == 3;
    if (thousands) return true;
  }
  if (isbn13(digits)) return true;
  if (n == 4 && isbn10(digits)) {
    bool hyphens = true;
    for (size_t k = w.first; k + 1 < w.last; ++k) hyphens = hyphens && r.seps[k] == "-";
    if (hyphens) return true;
  }
  if (!plus && digits.size() >= 13 && card_number_valid(digits)) return true;
  return false;
}

}  // namespace exposcan::phone
