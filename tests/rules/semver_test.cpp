// Semantic Versioning 2.0.0 parsing and precedence (semver.org §2, §9-§11).
#include <catch2/catch.hpp>

#include "rules/semver.h"

using namespace exposcan;

TEST_CASE("semver parses valid versions and rejects invalid ones", "[semver]") {
  for (const char* ok : {"0.1.0", "1.2.3", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7",
                         "1.0.0-x.7.z.92", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85"}) {
    INFO(ok);
    CHECK(SemVer::parse(ok));
  }
  for (const char* bad : {"1", "1.2", "1.2.3.4", "01.2.3", "1.02.3", "1.2.03", "1.2.3-", "1.2.3-01", "1.2.3+",
                          "v1.2.3", "1.2.3-a..b", "", "1.2.x"}) {
    INFO(bad);
    CHECK_FALSE(SemVer::parse(bad));
  }
  CHECK(SemVer::parse("1.0.0-beta+exp.sha.5114f85")->str() == "1.0.0-beta+exp.sha.5114f85");
}

TEST_CASE("semver precedence follows §11", "[semver]") {
  const char* order[] = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                         "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0"};
  for (size_t i = 0; i + 1 < std::size(order); ++i) {
    INFO(order[i] << " < " << order[i + 1]);
    CHECK(compare(*SemVer::parse(order[i]), *SemVer::parse(order[i + 1])) < 0);
    CHECK(compare(*SemVer::parse(order[i + 1]), *SemVer::parse(order[i])) > 0);
  }
  CHECK(compare(*SemVer::parse("1.0.0+a"), *SemVer::parse("1.0.0+b")) == 0);
}
