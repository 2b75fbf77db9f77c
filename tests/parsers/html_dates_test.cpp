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
  CHECK(norm("") == "none");
  CHECK(norm("yesterday-ish") == "none");
}
