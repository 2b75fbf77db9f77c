// core/time.h — UTC instants, RFC 3339 output, and lenient date parsing for web metadata.
//
// Parsing uses the C library (strptime/timegm) for ISO 8601 / RFC 3339 shapes and libcurl's
// curl_getdate for RFC 822/850/1123 and asctime (RSS pubDate, HTTP dates). Everything is UTC.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace exposcan {

using TimePoint = std::chrono::system_clock::time_point;

// "2026-11-26T07:14:38Z" (or with ".123" milliseconds when `millis`).
std::string format_rfc3339(TimePoint tp, bool millis = false);
// "2026-11-26"
std::string format_date(TimePoint tp);
// "Thu, 26 Nov 2026 07:14:38 GMT" (HTTP-date, RFC 9110 §5.6.7)
std::string format_http_date(TimePoint tp);

// ISO 8601 / RFC 3339 ("2024-05-01", "2024-05-01T10:00", "...:00.123+02:00", "...Z", space
// instead of 'T'), RFC 822/1123/850, asctime. Returns nullopt when nothing fits.
std::optional<TimePoint> parse_datetime(std::string_view text);

// A cut-off the user gives (`forget --before 2999-01-01`): as parse_datetime, but an ISO 8601 date
// or time beyond what a TimePoint holds (years 1678..2262) is clamped to the nearest end of that
// range instead of refused, so it still sorts before or after every real time.
std::optional<TimePoint> parse_cutoff(std::string_view text);

// Date only ("YYYY-MM-DD"), as the identity's birth date.
std::optional<TimePoint> parse_date(std::string_view text);

// Clock behind an interface so the pipeline can be tested with a fixed time.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimePoint t) : m_t(t) {}
  TimePoint now() const override { return m_t; }

 private:
  TimePoint m_t;
};

}  // namespace exposcan
