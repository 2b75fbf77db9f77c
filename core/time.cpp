#include "core/time.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

#include "core/text.h"

namespace exposcan {
namespace {

// TimePoint counts nanoseconds in 64 bits (years 1678..2262): later or earlier dates in a page are
// treated as unparseable instead of overflowing (found by fuzzing feeds: "Sun, 14 Sep 2442").
constexpr std::time_t k_earliest = -9'000'000'000LL, k_latest = 9'000'000'000LL;
bool representable(std::time_t t) { return t > k_earliest && t < k_latest; }

std::tm to_utc_tm(TimePoint tp) {
  // Whole seconds rounded down: to_time_t truncates towards zero, which put 1969-12-31T23:59:59.999
  // in 1970.
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::floor<std::chrono::seconds>(tp));
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}

// "+hh:mm" / "-hh:mm", the zone XML Schema allows after a date (xs:date).
bool is_xsd_zone(std::string_view z) {
  return z.size() == 6 && (z[0] == '+' || z[0] == '-') && is_ascii_digit(z[1]) && is_ascii_digit(z[2]) && z[3] == ':' &&
         is_ascii_digit(z[4]) && is_ascii_digit(z[5]);
}

// ISO 8601 and XML Schema 1.0's dateTime write the end of a day as 24:00[:00[.0…]]: 00:00 of the
// next day. Rewrites such a time to 00:00 and says so; any other hour 24 (24:00:01, 24:30) stays
// as written, no time.
bool end_of_day_to_midnight(std::string& s) {
  if (s.size() < 16 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s.compare(11, 5, "24:00") != 0) return false;
  size_t i = 16;
  if (i < s.size() && s[i] == ':') {
    if (s.compare(i, 3, ":00") != 0) return false;
    i += 3;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      const size_t first = ++i;
      while (i < s.size() && s[i] == '0') ++i;
      if (i == first) return false;
    }
  }
  if (i < s.size() && (is_ascii_digit(s[i]) || s[i] == ':' || s[i] == '.' || s[i] == ',')) return false;
  s.replace(11, 2, "00");
  return true;
}

// Parses the fixed part with strptime, then optional fraction and zone by hand (strptime's %z
// does not accept a fraction before it).
// `clamp`: a time outside that range becomes its nearest end instead of nullopt.
std::optional<TimePoint> parse_iso(std::string_view text, bool clamp = false) {
  std::string s(trim(text));
  const std::time_t next_day = end_of_day_to_midnight(s) ? 86400 : 0;
  static const char* const k_formats[] = {"%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M",
                                          "%Y-%m-%d %H:%M", "%Y%m%dT%H%M%S", "%Y-%m-%d"};
  for (const char* fmt : k_formats) {
    std::tm tm{};
    const char* end = strptime(s.c_str(), fmt, &tm);
    if (end == nullptr) continue;
    std::string_view rest(end);
    long millis = 0;
    if (!rest.empty() && (rest[0] == '.' || rest[0] == ',')) {
      size_t i = 1;
      long scale = 100;
      while (i < rest.size() && is_ascii_digit(rest[i])) {
        if (scale > 0) millis += (rest[i] - '0') * scale;
        scale /= 10;
        ++i;
      }
      if (i == 1) continue;
      rest.remove_prefix(i);
    }
    long offset_s = 0;
    const bool has_time = std::string_view(fmt).find("%H") != std::string_view::npos;
    // After a bare date only XML Schema's xs:date zone ("Z", "+02:00"); "2013-01-27-01" is no date.
    if (!rest.empty() && !has_time && !(rest == "Z" || rest == "z" || is_xsd_zone(rest))) continue;
    if (!rest.empty()) {
      if (rest == "Z" || rest == "z" || iequals(rest, "UTC") || iequals(rest, "GMT") || rest == " UTC") {
        rest = {};
      } else if (rest[0] == '+' || rest[0] == '-') {
        int sign = rest[0] == '-' ? -1 : 1;
        std::string digits;
        for (char c : rest.substr(1))
          if (is_ascii_digit(c)) digits += c;
          else if (c != ':') return std::nullopt;
        if (digits.size() != 2 && digits.size() != 4) return std::nullopt;
        int hh = std::stoi(digits.substr(0, 2));
        int mm = digits.size() == 4 ? std::stoi(digits.substr(2, 2)) : 0;
        if (hh > 23 || mm > 59) return std::nullopt;
        offset_s = sign * (hh * 3600L + mm * 60L);
        rest = {};
      } else {
        continue;
      }
    }
    // A leap second ("1990-12-31T23:59:60Z", RFC 3339 §5.6) is read as the second before it: POSIX
    // time has no name for it, and rolling it over would move the date across midnight.
    if (tm.tm_sec == 60) tm.tm_sec = 59;
    if (tm.tm_sec > 60) return std::nullopt;  // strptime's %S takes 61 as well
    const int mday = tm.tm_mday, mon = tm.tm_mon;
    std::time_t t = timegm(&tm);
    if (t == static_cast<std::time_t>(-1) && tm.tm_year != 69) return std::nullopt;
    if (tm.tm_mday != mday || tm.tm_mon != mon) return std::nullopt;  // 30 February: not a date, not 1 March
    t += next_day;
    if (!representable(t - offset_s)) {
      if (!clamp) return std::nullopt;
      return std::chrono::system_clock::from_time_t(t - offset_s < 0 ? k_earliest + 1 : k_latest - 1);
    }
    return std::chrono::system_clock::from_time_t(t - offset_s) + std::chrono::milliseconds(millis);
  }
  return std::nullopt;
}

// Month names as RFC 822 and most written dates abbreviate them, lower-case.
constexpr std::string_view k_months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};

// False when a written "30 Feb 2024" / "Feb 30 2024" names a day its month does not have.
bool day_exists(std::string_view text) {
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : text) {
    if (is_ascii_alnum(c)) {
      cur += c;
    } else if (!cur.empty()) {
      tokens.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  auto number = [](const std::string& s) { return !s.empty() && s.size() <= 4 && std::all_of(s.begin(), s.end(), is_ascii_digit) ? std::stoi(s) : -1; };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].size() < 3) continue;
    std::string m = ascii_lower(tokens[i].substr(0, 3));
    auto it = std::find(std::begin(k_months), std::end(k_months), m);
    if (it == std::end(k_months)) continue;
    int month = static_cast<int>(it - std::begin(k_months)) + 1;
    int day = i > 0 ? number(tokens[i - 1]) : -1;  // "30 Feb 2024"
    int year = i + 1 < tokens.size() ? number(tokens[i + 1]) : -1;
    if (day < 1 || day > 31) {  // "Feb 30 2024"
      day = year >= 1 && year <= 31 ? year : -1;
      year = i + 2 < tokens.size() ? number(tokens[i + 2]) : -1;
    }
    if (day < 1 || year < 1000) return true;  // not a form this check reads
    static constexpr int k_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= (month == 2 && !leap ? 28 : k_days[month - 1]);
  }
  return true;
}

// The zone of a written date in the numeric form curl_getdate reads, where it would not read the
// name or would ignore the offset:
// - "GMT+0200" / "UTC-05:00" (JavaScript's Date.toString, some CMSs): the offset, without the name;
// - "Etc/GMT" and "Etc/UTC" (tz database names): GMT;
// - zone names feeds use that curl does not know: the North American generic ones without daylight
//   saving (AT, ET, CT, MT, PT, as feedparser reads them), EEST and the Australian eastern zones;
// - IST, which names India (+05:30), Irish Summer (+01:00) and Israel (+02:00) Standard Time, as
//   India's: the feeds that write it are mostly Indian, and Java, whose date formats write zone
//   abbreviations, maps IST to Asia/Kolkata (java.time.ZoneId.SHORT_IDS). (feedparser reads an
//   unknown name as UTC.)
// A trailing RFC 5322 comment ("+0200 (CEST)") is dropped first.
std::string with_numeric_zone(std::string s) {
  if (s.size() > 2 && s.back() == ')')
    if (size_t open = s.rfind(" ("); open != std::string::npos && s.find(')', open) == s.size() - 1) s.erase(open);
  const size_t space = s.rfind(' ');
  if (space == std::string::npos) return s;
  std::string zone = s.substr(space + 1);
  const std::string lower = ascii_lower(zone);
  static const std::pair<std::string_view, std::string_view> k_zones[] = {
      {"etc/gmt", "GMT"}, {"etc/utc", "GMT"}, {"at", "-0400"},   {"et", "-0500"},   {"ct", "-0600"},  {"mt", "-0700"},
      {"pt", "-0800"},    {"eest", "+0300"},  {"aest", "+1000"}, {"aedt", "+1100"}, {"acst", "+0930"}, {"awst", "+0800"},
      {"ist", "+0530"}};
  for (const auto& [name, numeric] : k_zones)
    if (lower == name) return s.substr(0, space + 1) + std::string(numeric);
  if ((lower.starts_with("gmt") || lower.starts_with("utc")) && zone.size() > 4 && (zone[3] == '+' || zone[3] == '-')) {
    std::string digits;
    for (char c : zone.substr(4))
      if (is_ascii_digit(c)) digits += c;
      else if (c != ':') return s;
    if (digits.size() == 1 || digits.size() == 2) digits = std::string(2 - digits.size(), '0') + digits + "00";
    if (digits.size() != 4) return s;
    return s.substr(0, space + 1) + zone[3] + digits;
  }
  return s;
}

// RFC 822 dates as feeds write them, made readable for curl_getdate:
// - a two- or three-digit year after the month is expanded as RFC 5322 §4.3 says: 00–49 → 2000–2049,
//   50–999 → 1900 + year (curl's own pivot is 70, which put "01 Jan 69" in 2069);
// - a four-digit year before 1000 ("01 Jan 0001", what Go and .NET write for a missing date) is no
//   date this reads: nullopt (curl would move years below 100 into 19xx/20xx);
// - a one-letter military zone other than Z becomes GMT: RFC 822 gave their signs backwards and
//   RFC 1123 §5.2.14 and RFC 5322 §4.3 say they carry no information.
std::optional<std::string> rfc822_for_curl(std::string_view text) {
  std::string s(text);
  for (size_t i = 0; i + 3 <= s.size(); ++i) {
    if (i > 0 && is_ascii_alpha(s[i - 1])) continue;
    const std::string word = ascii_lower(s.substr(i, 3));
    if (std::find(std::begin(k_months), std::end(k_months), word) == std::end(k_months)) continue;
    size_t day = i;  // RFC 822 puts the day first ("19 May 02"); "May 19, 02" is not its form
    while (day > 0 && (s[day - 1] == ' ' || s[day - 1] == '-')) --day;
    if (day == i || day == 0 || !is_ascii_digit(s[day - 1])) break;
    size_t p = i + 3;
    while (p < s.size() && is_ascii_alpha(s[p])) ++p;  // "May", "June"
    size_t digits = p;
    while (digits < s.size() && (s[digits] == ' ' || s[digits] == '-')) ++digits;
    if (digits == p) break;
    size_t end = digits;
    while (end < s.size() && is_ascii_digit(s[end])) ++end;
    const size_t n = end - digits;
    if (n == 4 && s[digits] == '0' && (end == s.size() || s[end] != ':')) return std::nullopt;
    if ((n == 2 || n == 3) && (end == s.size() || !is_ascii_digit(s[end])) && (end == s.size() || s[end] != ':')) {
      const int year = std::stoi(s.substr(digits, n));
      s.replace(digits, n, std::to_string(n == 2 && year < 50 ? 2000 + year : 1900 + year));
    }
    break;
  }
  if (s.size() >= 2 && s[s.size() - 2] == ' ' && is_ascii_alpha(s.back()) && s.back() != 'Z' && s.back() != 'z' &&
      s.back() != 'J' && s.back() != 'j')  // J is not a zone
    s.replace(s.size() - 1, 1, "GMT");
  return with_numeric_zone(s);
}

}  // namespace

std::string format_rfc3339(TimePoint tp, bool millis) {
  std::tm tm = to_utc_tm(tp);
  std::string s = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", tm.tm_year + 1900, tm.tm_mon + 1,
                              tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  if (millis) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(tp.time_since_epoch()).count() % 1000;
    if (ms < 0) ms += 1000;
    s += fmt::format(".{:03}", ms);
  }
  return s + "Z";
}

std::string format_date(TimePoint tp) {
  std::tm tm = to_utc_tm(tp);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string format_http_date(TimePoint tp) {
  static const char* const k_days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm tm = to_utc_tm(tp);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", k_days[tm.tm_wday], tm.tm_mday,
                     k_months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::optional<TimePoint> parse_datetime(std::string_view text) {
  std::string_view t = trim(text);
  if (t.empty() || t.size() > 64) return std::nullopt;
  if (auto iso = parse_iso(t)) return iso;
  // RFC 822 and friends; curl_getdate returns -1 on failure, and rolls "30 Feb" over to March.
  std::optional<std::string> readable = rfc822_for_curl(t);
  if (!readable) return std::nullopt;
  const std::string& s = *readable;
  time_t v = curl_getdate(s.c_str(), nullptr);
  if (v == -1 || !representable(v) || !day_exists(s)) return std::nullopt;
  return std::chrono::system_clock::from_time_t(v);
}

std::optional<TimePoint> parse_cutoff(std::string_view text) {
  if (auto t = parse_datetime(text)) return t;
  return parse_iso(trim(text), true);
}

std::optional<TimePoint> parse_date(std::string_view text) {
  std::string s(trim(text));
  std::tm tm{};
  const char* end = strptime(s.c_str(), "%Y-%m-%d", &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace exposcan
