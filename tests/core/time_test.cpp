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
