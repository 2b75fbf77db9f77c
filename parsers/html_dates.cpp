#include "parsers/html_dates.h"

#include <string>

#include "core/text.h"

namespace exposcan {

std::optional<TimePoint> normalize_datetime(std::string_view text) {
  std::string s(trim(text));
  if (s.empty() || s.size() > 64) return std::nullopt;
  if (auto t = parse_datetime(s)) return t;
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
  // Dates with a comma: "May 1, 2024" -> "May 1 2024" (curl_getdate wants no comma there).
  std::string no_comma;
  for (char c : s)
    if (c != ',') no_comma += c;
  if (no_comma != s)
    if (auto t = parse_datetime(no_comma)) return t;
  return std::nullopt;
}

}  // namespace exposcan
