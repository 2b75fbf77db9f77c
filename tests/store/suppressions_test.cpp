// `.exposcan-ignore.yaml`: format, errors word for word, matching and expiry.
#include "store/suppressions.h"
#include "tests/store/store_fixture.h"

using namespace exposcan;
using namespace exposcan::test;

namespace {

std::string parse_error(const std::string& yaml) {
  auto s = Suppressions::parse(yaml, "ignore.yaml");
  REQUIRE_FALSE(s);
  CHECK(s.error().code == "config");
  return s.error().message;
}

TimePoint day(const char* d) { return *parse_date(d); }

}  // namespace

TEST_CASE("suppressions match by fingerprint or by rule and URL pattern", "[suppressions]") {
  auto s = Suppressions::parse(R"(# accepted findings
suppressions:
  - fingerprint: abc123
    reason: Published on purpose
  - rule: ai-training.third-party
    url: https://jane.example/posts/*
    reason: My blog is meant to be read
    expires: 2027-01-31
  - rule: pii.*
    reason: Every rule of a pack, every URL
)",
                               "ignore.yaml");
  REQUIRE(s);
  REQUIRE(s->entries().size() == 3);
  CHECK(s->entries()[1].line == 5);
  CHECK(s->entries()[2].url == "*");

  Item post = make_item("web:post:1", "https://jane.example/posts/hello/");
  Finding f = make_finding("ai-training.third-party", post);
  const TimePoint before_expiry = day("2027-01-31") + std::chrono::hours(23);
  CHECK(s->match(f, before_expiry) == std::optional<std::string>("My blog is meant to be read"));
  CHECK_FALSE(s->match(f, day("2027-02-01")));  // expired: applies through the date, not after
  REQUIRE(s->expired(day("2027-02-01")).size() == 1);
  CHECK(s->expired(day("2027-02-01"))[0].expires_text == "2027-01-31");
  CHECK(s->expired(before_expiry).empty());

  Finding other_page = make_finding("ai-training.third-party", make_item("web:page", "https://jane.example/about/"));
  CHECK_FALSE(s->match(other_page, before_expiry));
  f.fingerprint = "abc123";
  CHECK(s->match(f, day("2030-01-01")) == std::optional<std::string>("Published on purpose"));
  CHECK(s->match(make_finding("pii.email", post), day("2030-01-01")) ==
        std::optional<std::string>("Every rule of a pack, every URL"));
}

TEST_CASE("suppression file errors name the line", "[suppressions]") {
  CHECK(parse_error("suppressions:\n  - fingerprint: abc\n") ==
        "ignore.yaml:2: a suppression needs a reason (why this finding is accepted)");
  CHECK(parse_error("suppressions:\n  - reason: because\n") ==
        "ignore.yaml:2: a suppression needs a fingerprint or a rule");
  CHECK(parse_error("suppressions:\n  - rule: x\n    reason: r\n    expire: 2027-01-01\n") ==
        "ignore.yaml:4: unknown key 'expire' (expected fingerprint, rule, url, reason, expires)");
  CHECK(parse_error("suppressions:\n  - rule: x\n    reason: r\n    expires: next week\n") ==
        "ignore.yaml:4: expires: expected a date YYYY-MM-DD (got 'next week')");
  CHECK(parse_error("suppressions:\n  - fingerprint: abc\n    rule: x\n    reason: r\n") ==
        "ignore.yaml:2: give either a fingerprint or a rule with a url pattern, not both");
  CHECK(parse_error("ignore:\n  - rule: x\n") == "ignore.yaml:1: unknown key 'ignore' (expected suppressions)");
  CHECK(parse_error("suppressions: [\n") .rfind("ignore.yaml:", 0) == 0);
  CHECK(parse_error("suppressions:\n  - rule: [a, b]\n    reason: r\n") == "ignore.yaml:2: rule must be a string");
}

TEST_CASE("an empty suppressions file suppresses nothing", "[suppressions]") {
  auto s = Suppressions::parse("# nothing yet\n", "ignore.yaml");
  REQUIRE(s);
  CHECK(s->empty());
  auto t = Suppressions::parse("suppressions:\n", "ignore.yaml");
  REQUIRE(t);
  CHECK(t->empty());
}

TEST_CASE("wildcards match runs of characters and nothing else is special", "[suppressions]") {
  CHECK(wildcard_match("*", ""));
  CHECK(wildcard_match("https://a.example/*", "https://a.example/"));
  CHECK(wildcard_match("https://*.example/p/*/x", "https://www.example/p/1/2/x"));
  CHECK_FALSE(wildcard_match("https://a.example/p", "https://a.example/p/"));
  CHECK_FALSE(wildcard_match("https://a.example/p?", "https://a.example/px"));
  CHECK(wildcard_match("ai-training.*", "ai-training.third-party"));
  CHECK_FALSE(wildcard_match("ai-training.*", "pii.email"));
}
