// Tests for RobotsTxt::from_fetch (RFC 9309 §2.3.1 access results), the 500 KiB limit (§2.5),
// robots_path() and the JSON line of `exposcan robots`.
#include <catch2/catch.hpp>
#include <string>

#include "core/url.h"
#include "scanner/robots.h"
#include "scanner/robots_parser.h"

using namespace exposcan;

TEST_CASE("2xx: the body's rules apply", "[rfc9309-2.3.1.1]") {
  for (int status : {200, 203}) {
    const auto robots = RobotsTxt::from_fetch(status, "User-agent: *\nDisallow: /private\n", false);
    CHECK_FALSE(robots.check("GPTBot", "/private").allowed);
    CHECK(robots.check("GPTBot", "/public").allowed);
    CHECK(robots.http_status() == status);
    CHECK_FALSE(robots.retry_later());
    CHECK(robots.status_note().empty());
  }
  CHECK(RobotsTxt::parse("").http_status() == 200);
}

TEST_CASE("4xx means unavailable so there are no restrictions", "[rfc9309-2.3.1.3]") {
  for (int status : {400, 401, 403, 404, 410, 451}) {
    const auto robots = RobotsTxt::from_fetch(status, "User-agent: *\nDisallow: /\n", false);
    const RobotsDecision d = robots.check("GPTBot", "/anything");
    CHECK(d.allowed);
    CHECK_FALSE(d.rule.has_value());
    CHECK_FALSE(d.line.has_value());
    CHECK(d.group.empty());
    CHECK_FALSE(robots.retry_later());
    CHECK(robots.http_status() == status);
  }
  CHECK(RobotsTxt::from_fetch(404, "", false).status_note() ==
        "robots.txt answered 404: no restrictions (RFC 9309 §2.3.1.3)");
  CHECK(RobotsTxt::from_fetch(403, "", false).status_note() ==
        "robots.txt answered 403: no restrictions (RFC 9309 §2.3.1.3)");
}

TEST_CASE("429: treated as unreachable for now and retried later", "[rfc9309-2.3.1.4]") {
  const auto robots = RobotsTxt::from_fetch(429, "", false);
  const RobotsDecision d = robots.check("GPTBot", "/");
  CHECK_FALSE(d.allowed);
  CHECK_FALSE(d.rule.has_value());
  CHECK_FALSE(d.line.has_value());
  CHECK(robots.retry_later());
  CHECK(robots.status_note() ==
        "robots.txt answered 429: treated as unreachable, complete disallow until fetched again "
        "(RFC 9309 §2.3.1.4)");
}

TEST_CASE("5xx and network errors mean unreachable so everything is disallowed", "[rfc9309-2.3.1.4]") {
  for (int status : {500, 502, 503, 599}) {
    const auto robots = RobotsTxt::from_fetch(status, "User-agent: *\nAllow: /\n", false);
    CHECK_FALSE(robots.check("GPTBot", "/").allowed);
    CHECK_FALSE(robots.check("AnyBot", "/page?x=1").allowed);
    CHECK(robots.retry_later());
  }
  CHECK(RobotsTxt::from_fetch(503, "", false).status_note() ==
        "robots.txt answered 503: complete disallow (RFC 9309 §2.3.1.4)");
  const auto offline = RobotsTxt::from_fetch(0, "", true);
  CHECK_FALSE(offline.check("GPTBot", "/").allowed);
  CHECK(offline.retry_later());
  CHECK(offline.status_note() ==
        "robots.txt unreachable (network error): complete disallow (RFC 9309 §2.3.1.4)");
  // A network error wins over whatever status came with it.
  CHECK_FALSE(RobotsTxt::from_fetch(200, "User-agent: *\nAllow: /\n", true).check("a", "/").allowed);
  // Even then robots.txt itself may be fetched.
  CHECK(offline.check("GPTBot", "/robots.txt").allowed);
}

TEST_CASE("3xx means redirects were exhausted and is treated as unavailable", "[rfc9309-2.3.1.2]") {
  const auto robots = RobotsTxt::from_fetch(301, "", false);
  CHECK(robots.check("GPTBot", "/").allowed);
  CHECK_FALSE(robots.retry_later());
  CHECK(robots.status_note() ==
        "robots.txt answered 301 after too many redirects: treated as unavailable, no restrictions "
        "(RFC 9309 §2.3.1.2)");
}

TEST_CASE("status-based files carry no rules or sitemaps or signals", "[rfc9309-2.3.1]") {
  const auto robots =
      RobotsTxt::from_fetch(404, "User-agent: *\nSitemap: https://example.org/s.xml\n", false);
  CHECK(robots.sitemaps().empty());
  CHECK(robots.content_signals("GPTBot").empty());
  CHECK_FALSE(robots.content_usage("GPTBot", "/").has_value());
  CHECK_FALSE(robots.names_agent("GPTBot"));
}

TEST_CASE("a rule after 500 KiB is ignored and the cut is recorded", "[rfc9309-2.5]") {
  std::string body = "User-agent: *\nDisallow: /early\n";
  const std::string padding = "# " + std::string(98, 'x') + "\n";
  while (body.size() + padding.size() <= k_robots_parse_limit_bytes) body += padding;
  body += "Disallow: /late\n";
  REQUIRE(body.size() > k_robots_parse_limit_bytes);

  const auto robots = RobotsTxt::from_fetch(200, body, false);
  CHECK(robots.cut_at_limit());
  CHECK_FALSE(robots.check("GPTBot", "/early").allowed);
  CHECK(robots.check("GPTBot", "/late").allowed);
  CHECK(robots.status_note().find("500 KiB") != std::string::npos);

  const auto small = RobotsTxt::parse("User-agent: *\nDisallow: /late\n");
  CHECK_FALSE(small.cut_at_limit());
  CHECK_FALSE(small.check("GPTBot", "/late").allowed);
}

TEST_CASE("a rule that ends exactly at 500 KiB still applies", "[rfc9309-2.5]") {
  const std::string rule = "Disallow: /edge\n";
  std::string body = "User-agent: *\n";
  body += std::string(k_robots_parse_limit_bytes - body.size() - rule.size() - 1, '#') + "\n" + rule;
  REQUIRE(body.size() == k_robots_parse_limit_bytes);
  CHECK_FALSE(RobotsTxt::parse(body).cut_at_limit());
  CHECK_FALSE(RobotsTxt::parse(body).check("a", "/edge").allowed);
  const auto longer = RobotsTxt::parse(body + "Disallow: /after\n");
  CHECK(longer.cut_at_limit());
  CHECK_FALSE(longer.check("a", "/edge").allowed);
  CHECK(longer.check("a", "/after").allowed);
}

TEST_CASE("robots_path gives path and query as written", "[rfc9309-2.2.2]") {
  auto url = Url::parse("https://example.org/a/b?c=http://d.e/#frag");
  REQUIRE(url);
  CHECK(robots_path(*url) == "/a/b?c=http://d.e/");
  auto bare = Url::parse("https://example.org");
  REQUIRE(bare);
  CHECK(robots_path(*bare) == "/");
  // libcurl writes raw non-ASCII as lower-case escapes; the matcher treats them as equivalent.
  auto umlaut = Url::parse("https://example.org/\xC3\xA4/x");
  REQUIRE(umlaut);
  CHECK_FALSE(
      RobotsTxt::parse("User-agent: *\nDisallow: /\xC3\xA4\n").check("a", robots_path(*umlaut)).allowed);
  auto query = Url::parse("https://example.org/?");
  REQUIRE(query);
  CHECK(robots_path(*query).rfind("/", 0) == 0);
}

TEST_CASE("robots_decision_json renders one JSON line", "[robots-json]") {
  const auto robots = RobotsTxt::parse("User-agent: GPTBot\nDisallow: /private\n");
  CHECK(
      robots_decision_json("GPTBot", "https://example.org/private/x", robots.check("GPTBot", "/private/x")) ==
      R"({"agent":"GPTBot","url":"https://example.org/private/x","allowed":false,"rule":"Disallow: /private","line":2})");
  CHECK(robots_decision_json("CCBot", "https://example.org/", robots.check("CCBot", "/")) ==
        R"({"agent":"CCBot","url":"https://example.org/","allowed":true,"rule":null,"line":null})");
  RobotsDecision odd;
  odd.rule = "Disallow: /\"q\"\xFF";
  odd.line = 7;
  CHECK(robots_decision_json("a", "u", odd) ==
        "{\"agent\":\"a\",\"url\":\"u\",\"allowed\":true,\"rule\":\"Disallow: "
        "/\\\"q\\\"\xEF\xBF\xBD\",\"line\":7}");
}
