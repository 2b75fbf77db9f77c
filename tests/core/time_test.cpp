// core/time: cut-offs beyond a TimePoint's range clamp instead of failing; page dates still refuse them.
#include <catch2/catch.hpp>

#include "core/time.h"

using exposcan::format_rfc3339;
using exposcan::parse_cutoff;
using exposcan::parse_datetime;

TEST_CASE("parse_cutoff reads what parse_datetime reads", "[core][time]") {
  REQUIRE(parse_cutoff("2026-01-02"));
  CHECK(format_rfc3339(*parse_cutoff("2026-01-02")) == "2026-01-02T00:00:00Z");
  CHECK(format_rfc3339(*parse_cutoff("2026-01-02T10:11:12+02:00")) == "2026-01-02T08:11:12Z");
  CHECK(parse_cutoff("Thu, 26 Nov 2026 07:14:38 GMT") == parse_datetime("2026-11-26T07:14:38Z"));
  CHECK_FALSE(parse_cutoff("next tuesday"));
  CHECK_FALSE(parse_cutoff("2026-13-45"));
  CHECK_FALSE(parse_cutoff(""));
}

TEST_CASE("parse_cutoff clamps dates beyond a TimePoint to its ends", "[core][time]") {
  CHECK_FALSE(parse_datetime("2999-01-01"));  // a date in a page: unparseable, not an overflow
  auto late = parse_cutoff("2999-01-01");
  REQUIRE(late);
  CHECK(*late > *parse_datetime("2262-01-01"));
  CHECK(format_rfc3339(*late) > format_rfc3339(*parse_datetime("2200-12-31T23:59:59Z")));
  CHECK(format_rfc3339(*late).rfind("2255-", 0) == 0);
  auto early = parse_cutoff("1500-06-01T00:00:00Z");
  REQUIRE(early);
  CHECK(*early < *parse_datetime("1700-01-01"));
}

TEST_CASE("RFC 822 two-digit years follow RFC 5322 and military zones read as UTC", "[core][time]") {
  auto at = [](const char* s) {
    auto t = parse_datetime(s);
    return t ? format_rfc3339(*t) : std::string("none");
  };
  CHECK(at("Sun, 19 May 02 15:21:36 GMT") == "2002-05-19T15:21:36Z");
  CHECK(at("01 Jan 49 00:00:00 GMT") == "2049-01-01T00:00:00Z");
  CHECK(at("01 Jan 50 00:00:00 GMT") == "1950-01-01T00:00:00Z");
  CHECK(at("Wed, 01 Jan 69 12:00:00 GMT") == "1969-01-01T12:00:00Z");
  CHECK(at("01 Jan 70 12:00:00 GMT") == "1970-01-01T12:00:00Z");
  CHECK(at("19-May-99 10:00:00 +0200") == "1999-05-19T08:00:00Z");
  CHECK(at("Sun, 19 May 2002 15:21:36 GMT") == "2002-05-19T15:21:36Z");
  CHECK(at("Sun, 19 May 2002 15:21:36 A") == "2002-05-19T15:21:36Z");
  CHECK(at("Sun, 19 May 2002 15:21:36 Y") == "2002-05-19T15:21:36Z");
  CHECK(at("Sun, 19 May 2002 15:21:36 Z") == "2002-05-19T15:21:36Z");
  CHECK(at("Sun, 19 May 2002 15:21:36 EST") == "2002-05-19T20:21:36Z");
  CHECK(at("30 Feb 02 10:00:00 GMT") == "none");
  // Four-digit years before 1000 are what Go and .NET write for "no date": none, not 2001 or 2050.
  CHECK(at("Mon, 01 Jan 0001 00:00:00 +0000") == "none");
  CHECK(at("Sat, 01 Jan 0050 00:00:00 GMT") == "none");
  CHECK(at("Thu, 01 Jan 0099 00:00:00 GMT") == "none");
  CHECK(at("Sun, 01 Jan 1950 00:00:00 GMT") == "1950-01-01T00:00:00Z");
}

TEST_CASE("RFC 3339 leap seconds and dates before 1970 with a fraction", "[core][time]") {
  auto at = [](const char* s) {
    auto t = parse_datetime(s);
    return t ? format_rfc3339(*t) : std::string("none");
  };
  CHECK(at("1990-12-31T23:59:60Z") == "1990-12-31T23:59:59Z");       // RFC 3339 §5.8
  CHECK(at("1990-12-31T15:59:60-08:00") == "1990-12-31T23:59:59Z");  // RFC 3339 §5.8
  CHECK(at("1969-12-31T23:59:59.999Z") == "1969-12-31T23:59:59Z");
  CHECK(at("1937-01-01T12:00:27.87+00:20") == "1937-01-01T11:40:27Z");  // RFC 3339 §5.8
  CHECK(format_rfc3339(*parse_datetime("1969-12-31T23:59:59.250Z"), true) == "1969-12-31T23:59:59.250Z");
  CHECK(at("1990-12-31T23:59:61Z") == "none");
}

TEST_CASE("zones: xs:date zones, offsets after GMT, comments and names curl does not know", "[core][time]") {
  auto at = [](const char* s) {
    auto t = parse_datetime(s);
    return t ? format_rfc3339(*t) : std::string("none");
  };
  CHECK(at("2002-09-24Z") == "2002-09-24T00:00:00Z");        // XML Schema xs:date
  CHECK(at("2002-09-24-06:00") == "2002-09-24T06:00:00Z");   // midnight at UTC-6
  CHECK(at("2013-01-27-01") == "none");                      // no date form has this
  CHECK(at("Sun, 19 May 2002 15:21:36 GMT+0200") == "2002-05-19T13:21:36Z");
  CHECK(at("Sun, 19 May 2002 15:21:36 UTC-05:00") == "2002-05-19T20:21:36Z");
  CHECK(at("Sun, 19 May 2002 15:21:36 +0200 (CEST)") == "2002-05-19T13:21:36Z");
  CHECK(at("Sun, 19 May 2002 15:21:36 Etc/GMT") == "2002-05-19T15:21:36Z");
  CHECK(at("Sun, 19 May 2002 15:21:36 PT") == "2002-05-19T23:21:36Z");
  CHECK(at("Sun, 19 May 2002 15:21:36 AEST") == "2002-05-19T05:21:36Z");
}
