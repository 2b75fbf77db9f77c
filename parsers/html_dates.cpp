#include "parsers/html_dates.h"

#include <string>

#include "core/text.h"

namespace exposcan {
namespace {

// Every full English month name (any case) as a whole word cut to its first three letters, and
// "Sept", the four-letter abbreviation some feeds write.
std::string abbreviate_month_names(std::string s) {
  static constexpr std::string_view k_months[] = {"january", "february", "march",     "april",   "june",
                                                  "july",    "august",   "september", "october", "november",
                                                  "december", "sept"};
  std::string lowered = ascii_lower(s);
  for (std::string_view month : k_months) {
    for (size_t p = lowered.find(month); p != std::string::npos; p = lowered.find(month, p + 3)) {
      const bool starts = p == 0 || !is_ascii_alpha(lowered[p - 1]);
      const bool ends = p + month.size() == lowered.size() || !is_ascii_alpha(lowered[p + month.size()]);
      if (!starts || !ends) continue;
      s.erase(p + 3, month.size() - 3);
      lowered.erase(p + 3, month.size() - 3);
    }
  }
  return s;
}

}  // namespace

std::optional<TimePoint> normalize_datetime(std::string_view text) {
  std::string s(trim(text));
  if (s.empty() || s.size() > 64) return std::nullopt;
  if (auto t = parse_datetime(s)) return t;
  const bool iso_like = s.size() >= 4 && is_ascii_digit(s[0]) && is_ascii_digit(s[1]) && is_ascii_digit(s[2]) && is_ascii_digit(s[3]);
  if (iso_like) {
    // W3C-DTF (Dublin Core dc:date) allows a year or a year and month alone.
    if (s.size() == 4) return parse_datetime(s + "-01-01");
    if (s.size() == 7 && s[4] == '-') return parse_datetime(s + "-01");
    std::string fixed = s;
    // RFC 3339 §5.6: "T" and "Z" may be written in lower case.
    if (fixed.size() > 10 && fixed[10] == 't') fixed[10] = 'T';
    if (!fixed.empty() && fixed.back() == 'z') fixed.back() = 'Z';
    // "2024-05-01 10:00:00 +0200": a space before the offset.
    if (fixed.size() > 6) {
      size_t sign = fixed.find_last_of("+-");
      if (sign != std::string::npos && sign > 10 && fixed[sign - 1] == ' ') fixed.erase(sign - 1, 1);
    }
    if (fixed != s)
      if (auto t = parse_datetime(fixed)) return t;
  } else if (s.size() > 6 && (s[s.size() - 6] == '+' || s[s.size() - 6] == '-') && s[s.size() - 3] == ':') {
    // RFC 822 dates written with an ISO offset: "Wed, 01 May 2024 10:00:00 +02:00".
    std::string fixed = s;
    fixed.erase(fixed.size() - 3, 1);
    if (auto t = parse_datetime(fixed)) return t;
  }
  // "2024/05/01[ ...]" -> "2024-05-01[ ...]"
  if (s.size() >= 10 && is_ascii_digit(s[0]) && s[4] == '/' && s[7] == '/') {
    s[4] = '-';
    s[7] = '-';
    if (auto t = parse_datetime(s)) return t;
  }
  // "... UTC" / "... GMT" suffix after an ISO date-time.
  for (std::string_view suffix : {" UTC", " GMT", " utc", " gmt"}) {
    if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
      if (auto t = parse_datetime(s.substr(0, s.size() - suffix.size()))) return t;
    }
  }
  // Dates with a comma: "May 1, 2024" -> "May 1 2024" (curl_getdate wants no comma there), and
  // English month names written in full: "April 8 2026" -> "Apr 8 2026" (it knows only the
  // three-letter forms).
  std::string no_comma;
  for (char c : s)
    if (c != ',') no_comma += c;
  if (no_comma != s)
    if (auto t = parse_datetime(no_comma)) return t;
  std::string abbreviated = abbreviate_month_names(no_comma);
  if (abbreviated != no_comma)
    if (auto t = parse_datetime(abbreviated)) return t;
  return std::nullopt;
}

}  // namespace exposcan
