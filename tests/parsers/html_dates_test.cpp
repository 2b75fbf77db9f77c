#include <catch2/catch.hpp>

#include "parsers/html_dates.h"

using namespace exposcan;

namespace {
std::string norm(std::string_view s) {
  auto t = normalize_datetime(s);
  return t ? format_rfc3339(*t) : "none";
}
}  // namespace

TEST_CASE("published/updated dates normalise to UTC", "[dates]") {
  CHECK(norm("2024-05-01T10:00:00+02:00") == "2024-05-01T08:00:00Z");
  CHECK(norm("2024-05-01T10:00:00.123456+0200") == "2024-05-01T08:00:00Z");
  CHECK(norm("2024-05-01 10:00") == "2024-05-01T10:00:00Z");
  CHECK(norm("2024-05-01") == "2024-05-01T00:00:00Z");
  CHECK(norm("2024/05/01") == "2024-05-01T00:00:00Z");
  CHECK(norm("2024-05-01 10:00:00 UTC") == "2024-05-01T10:00:00Z");
  CHECK(norm("Wed, 01 May 2024 10:00:00 GMT") == "2024-05-01T10:00:00Z");
  CHECK(norm("May 1, 2024") == "2024-05-01T00:00:00Z");
  CHECK(norm("1 May 2024 10:00") == "2024-05-01T10:00:00Z");
  // month names in full, as Instagram's descriptions write them ("... on April 8, 2026: ...")
  CHECK(norm("April 8, 2026") == "2026-04-08T00:00:00Z");
  CHECK(norm("8 September 2025 10:00") == "2025-09-08T10:00:00Z");
  CHECK(norm("DECEMBER 31 2024") == "2024-12-31T00:00:00Z");
  CHECK(norm("Aprilfool 8 2026") == "none");
  CHECK(norm("") == "none");
  CHECK(norm("yesterday-ish") == "none");
}

TEST_CASE("dates as feeds write them: RFC 3339 lower case and W3C-DTF reduced precision", "[dates][spec]") {
  // RFC 3339 §5.6: "T" and "Z" may be lower case.
  CHECK(norm("2024-05-05t10:00:00z") == "2024-05-05T10:00:00Z");
  // W3C-DTF (dc:date): a year, or a year and month.
  CHECK(norm("2024") == "2024-01-01T00:00:00Z");
  CHECK(norm("2024-05") == "2024-05-01T00:00:00Z");
  // common in the wild: a space before the offset; RFC 822 with an ISO offset
  CHECK(norm("2024-05-01 10:00:00 +0200") == "2024-05-01T08:00:00Z");
  CHECK(norm("Wed, 01 May 2024 10:00:00 +02:00") == "2024-05-01T08:00:00Z");
  // a day the month does not have is no date (not rolled over into the next month)
  CHECK(norm("Mon, 30 Feb 2024 10:00:00 GMT") == "none");
  CHECK(norm("2024-02-30T10:00:00Z") == "none");
  CHECK(norm("Feb 30, 2023") == "none");
  CHECK(norm("Thu, 29 Feb 2024 10:00:00 GMT") == "2024-02-29T10:00:00Z");
  CHECK(norm("Sun, 29 Feb 2023 10:00:00 GMT") == "none");
  CHECK(norm("May 1, 2024") == "2024-05-01T00:00:00Z");
}

TEST_CASE("dates: 24:00 ends the day and is the next day's midnight", "[dates][spec]") {
  // ISO 8601 (and XML Schema 1.0's dateTime) allow 24:00:00 for the end of a day: the instant
  // 00:00:00 of the next day. Only exactly 24:00[:00[.0]]; 24:01 is no time.
  CHECK(norm("2003-12-13T24:00:00Z") == "2003-12-14T00:00:00Z");
  CHECK(norm("2003-12-31T24:00:00Z") == "2004-01-01T00:00:00Z");
  CHECK(norm("2024-02-28T24:00+01:00") == "2024-02-28T23:00:00Z");
  CHECK(norm("2003-12-13 24:00:00") == "2003-12-14T00:00:00Z");
  CHECK(norm("2003-12-13T24:00:01Z") == "none");
  CHECK(norm("2003-12-13T24:30:00Z") == "none");
  CHECK(norm("2003-12-13T25:00:00Z") == "none");
}

TEST_CASE("dates: two-digit RFC 822 years as RFC 2822 section 4.3 reads them", "[dates][spec]") {
  // obs-year: 00-49 are 2000-2049, 50-99 are 1950-1999.
  CHECK(norm("Sat, 13 Dec 03 18:30:02 GMT") == "2003-12-13T18:30:02Z");
  CHECK(norm("Thu, 01 Jan 04 19:48:21 GMT") == "2004-01-01T19:48:21Z");
  CHECK(norm("Fri, 31 Dec 99 23:59:59 GMT") == "1999-12-31T23:59:59Z");
}

TEST_CASE("dates: IST is India Standard Time", "[dates][spec]") {
  // "IST" names India (+05:30), Irish Summer (+01:00) and Israel (+02:00) Standard Time. Feeds
  // that write it are mostly Indian, and Java (whose date formats write zone abbreviations)
  // maps IST to Asia/Kolkata (java.time.ZoneId.SHORT_IDS): +05:30.
  CHECK(norm("Sat, 13 Dec 2003 18:30:02 IST") == "2003-12-13T13:00:02Z");
  CHECK(norm("Mon, 05 Jan 2026 09:00:00 ist") == "2026-01-05T03:30:00Z");
}
