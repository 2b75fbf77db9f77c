// Tests for scanner/robots.h matching, named after the RFC 9309 sections they check. Scenarios in
// the style of google/robotstxt's suite, written from the RFC text.
#include <catch2/catch.hpp>
#include <string>

#include "scanner/robots.h"
#include "scanner/robots_parser.h"
#include "scanner/robots_pattern.h"

using namespace exposcan;

namespace {

bool allowed(std::string_view body, std::string_view agent, std::string_view path) {
  return RobotsTxt::parse(body).check(agent, path).allowed;
}

}  // namespace

TEST_CASE("rules before the first user-agent line are ignored and groups end at user-agent lines",
          "[rfc9309-2.1][rfc9309-2.2.1]") {
  const std::string_view robots =
      "allow: /foo/bar/\n"
      "\n"
      "user-agent: FooBot\n"
      "disallow: /\n"
      "allow: /x/\n"
      "user-agent: BarBot\n"
      "disallow: /\n"
      "allow: /y/\n"
      "\n"
      "\n"
      "allow: /w/\n"
      "user-agent: BazBot\n"
      "\n"
      "user-agent: FooBot\n"
      "allow: /z/\n"
      "disallow: /\n";
  CHECK(allowed(robots, "FooBot", "/x/b"));
  CHECK(allowed(robots, "FooBot", "/z/d"));
  CHECK_FALSE(allowed(robots, "FooBot", "/y/c"));
  CHECK(allowed(robots, "BarBot", "/y/c"));
  CHECK(allowed(robots, "BarBot", "/w/a"));
  CHECK_FALSE(allowed(robots, "BarBot", "/z/d"));
  CHECK(allowed(robots, "BazBot", "/z/d"));  // BazBot shares the group of the second FooBot line
  CHECK_FALSE(allowed(robots, "FooBot", "/foo/bar/"));
  CHECK_FALSE(allowed(robots, "BarBot", "/foo/bar/"));
  CHECK_FALSE(allowed(robots, "BazBot", "/foo/bar/"));
}

TEST_CASE("several user-agent lines form one group", "[rfc9309-2.2.1]") {
  const auto robots = RobotsTxt::parse(
      "User-Agent: barbot\n"
      "User-Agent: bazbot\n"
      "Disallow: /example/page.html\n");
  for (const char* agent : {"barbot", "bazbot"}) {
    const RobotsDecision d = robots.check(agent, "/example/page.html");
    CHECK_FALSE(d.allowed);
    CHECK(d.line == 3);
    CHECK(d.agent_named);
    CHECK(d.group == agent);
  }
  CHECK(robots.check("quxbot", "/example/page.html").allowed);
}

TEST_CASE("groups naming the same agent are merged", "[rfc9309-2.2.1]") {
  const auto robots = RobotsTxt::parse(
      "user-agent: ExampleBot\n"
      "disallow: /foo\n"
      "disallow: /bar\n"
      "\n"
      "user-agent: *\n"
      "disallow: /other\n"
      "\n"
      "user-agent: examplebot\n"
      "disallow: /baz\n");
  CHECK(robots.check("ExampleBot", "/foo").line == 2);
  CHECK(robots.check("ExampleBot", "/bar").line == 3);
  const RobotsDecision baz = robots.check("ExampleBot", "/baz");
  CHECK_FALSE(baz.allowed);
  CHECK(baz.line == 9);
  CHECK(baz.rule == "disallow: /baz");
  CHECK(baz.group == "ExampleBot");
  CHECK(robots.check("ExampleBot", "/other").allowed);
}

TEST_CASE("without a matching group the * group applies and without either nothing does", "[rfc9309-2.2.1]") {
  const auto robots = RobotsTxt::parse(
      "user-agent: *\n"
      "disallow: /foo\n"
      "disallow: /bar\n"
      "\n"
      "user-agent: BazBot\n"
      "disallow: /baz\n");
  const RobotsDecision foo = robots.check("ExampleBot", "/foo");
  CHECK_FALSE(foo.allowed);
  CHECK(foo.group == "*");
  CHECK_FALSE(foo.agent_named);
  CHECK(robots.check("ExampleBot", "/baz").allowed);

  const auto only_specific =
      RobotsTxt::parse("user-agent: FooBot\nallow: /\nuser-agent: BarBot\ndisallow: /\n");
  const RobotsDecision qux = only_specific.check("QuxBot", "/x/y");
  CHECK(qux.allowed);
  CHECK(qux.group.empty());
  CHECK_FALSE(qux.rule.has_value());
  CHECK_FALSE(qux.line.has_value());
  CHECK(RobotsTxt::parse("").check("FooBot", "/").allowed);
  CHECK(RobotsTxt::parse("user-agent: *\nallow: /\nuser-agent: FooBot\ndisallow: /\n")
            .check("BarBot", "/x")
            .allowed);
}

TEST_CASE("a group naming the agent does not inherit the * group", "[rfc9309-2.2.1]") {
  const std::string_view robots =
      "User-agent: *\n"
      "Disallow: /x/\n"
      "User-agent: FooBot\n"
      "Disallow: /y/\n";
  CHECK(allowed(robots, "FooBot", "/x/page"));
  CHECK_FALSE(allowed(robots, "FooBot", "/y/page"));
  CHECK_FALSE(allowed(robots, "OtherBot", "/x/page"));
  // An empty group naming the agent still shields it from "*".
  CHECK(allowed("User-agent: *\nDisallow: /\n\nUser-agent: quxbot\n", "quxbot", "/anything"));
}

TEST_CASE("user-agent values match case-insensitively", "[rfc9309-2.2.1]") {
  for (const char* robots :
       {"User-Agent: FOO BAR\nAllow: /x/\nDisallow: /\n", "User-Agent: foo bar\nAllow: /x/\nDisallow: /\n",
        "User-Agent: FoO bAr\nAllow: /x/\nDisallow: /\n"}) {
    for (const char* agent : {"Foo", "foo", "FOO"}) {
      CHECK(allowed(robots, agent, "/x/y"));
      CHECK_FALSE(allowed(robots, agent, "/a/b"));
    }
  }
  // Keys are case-insensitive too.
  CHECK_FALSE(allowed("uSeR-aGeNt: FooBot\nAlLoW: /x/\ndIsAlLoW: /\n", "FooBot", "/a/b"));
}

TEST_CASE("a user-agent value is cut at its first character outside [a-zA-Z0-9_-]", "[rfc9309-2.2.1]") {
  const auto robots = RobotsTxt::parse(
      "User-Agent: *\n"
      "Disallow: /\n"
      "User-Agent: Foo Bar\n"
      "Allow: /x/\n"
      "Disallow: /\n"
      "User-Agent: GPTBot/1.1\n"
      "Disallow: /gpt\n");
  CHECK(robots.check("Foo", "/x/y").allowed);
  CHECK_FALSE(robots.check("Bar", "/x/y").allowed);  // "Bar" is not named: the * group applies
  CHECK(robots.check("GPTBot", "/x").allowed);
  CHECK_FALSE(robots.check("GPTBot", "/gpt").allowed);
  CHECK(robots.check("GPTBot", "/gpt").group == "GPTBot");
  // The checked agent may be given with a version.
  CHECK_FALSE(robots.check("GPTBot/1.2", "/gpt").allowed);
  CHECK(robots.names_agent("gptbot"));
  CHECK_FALSE(robots.names_agent("Bar"));
  CHECK(product_token("GPTBot/1.1") == "GPTBot");
  CHECK(product_token("Meta-ExternalAgent/1.1 (+https://example.org)") == "Meta-ExternalAgent");
  CHECK(product_token("cohere_training-data") == "cohere_training-data");
  CHECK(product_token("/x").empty());
  // Digits belong to the token: the three Ai2 agents are three groups, not one "ai".
  CHECK(product_token("AI2Bot/1.0") == "AI2Bot");
  const auto ai2 = RobotsTxt::parse(
      "User-agent: AI2Bot\nDisallow: /a\n\nUser-agent: Ai2Bot-Dolma\nDisallow: /d\n\n"
      "User-agent: Crawl4AI\nUser-agent: 360Spider\nDisallow: /\n");
  CHECK_FALSE(ai2.check("AI2Bot", "/a").allowed);
  CHECK(ai2.check("AI2Bot", "/d").allowed);
  CHECK(ai2.check("Ai2Bot-Dolma", "/a").allowed);
  CHECK_FALSE(ai2.check("ai2bot-dolma", "/d").allowed);
  CHECK(ai2.check("AI2Bot-DeepResearchEval", "/a").allowed);  // named by no group
  CHECK_FALSE(ai2.check("Crawl4AI", "/x").allowed);
  CHECK_FALSE(ai2.check("360Spider", "/x").allowed);
  CHECK(ai2.check("Crawl", "/x").allowed);
  // "* anything" is still the global group (google/robotstxt).
  CHECK_FALSE(allowed("User-agent: * # all\nDisallow: /\n", "AnyBot", "/"));
  CHECK_FALSE(allowed("User-agent: * foo\nDisallow: /\n", "AnyBot", "/"));
}

TEST_CASE("Sitemap and unknown lines do not end a group", "[rfc9309-2.2.4]") {
  const auto robots = RobotsTxt::parse(
      "User-agent: FooBot\n"
      "Sitemap: https://example.org/sitemap.xml\n"
      "Disallow: /private\n"
      "Crawl-delay: 5\n"
      "Disallow: /secret\n");
  CHECK_FALSE(robots.check("FooBot", "/private/a").allowed);
  CHECK_FALSE(robots.check("FooBot", "/secret").allowed);
  CHECK(robots.check("FooBot", "/public").allowed);
  CHECK(robots.sitemaps() == std::vector<std::string>{"https://example.org/sitemap.xml"});
  // Neither does Crawl-delay, a record RFC 9309 does not define: "*" and GPTBot share the rules
  // (§2.2.4; google/robotstxt behaves the same, see its issue #51).
  const auto delayed =
      RobotsTxt::parse("User-agent: *\nCrawl-delay: 10\n\nUser-agent: GPTBot\nDisallow: /\n");
  CHECK_FALSE(delayed.check("OtherBot", "/a").allowed);
  CHECK_FALSE(delayed.check("GPTBot", "/a").allowed);
  // Sitemap and unknown records do not: the user-agent lines around them form one group
  // (google/robotstxt ID_LineSyntax_Groups_OtherRules).
  const auto mapped = RobotsTxt::parse(
      "User-agent: *\nSitemap: https://example.org/s.xml\n\nUser-agent: GPTBot\nDisallow: /\n");
  CHECK_FALSE(mapped.check("OtherBot", "/a").allowed);
  CHECK(mapped.check("OtherBot", "/a").group == "*");
  CHECK_FALSE(mapped.check("GPTBot", "/a").allowed);
  CHECK(mapped.sitemaps() == std::vector<std::string>{"https://example.org/s.xml"});
  const auto unknown =
      RobotsTxt::parse("User-agent: FooBot\nInvalid-Unknown-Line: unknown\nUser-agent: *\nDisallow: /\n");
  CHECK_FALSE(unknown.check("FooBot", "/").allowed);
  CHECK_FALSE(unknown.check("BarBot", "/").allowed);
}

TEST_CASE("matching is case-sensitive and starts at the first octet", "[rfc9309-2.2.2]") {
  CHECK_FALSE(allowed("user-agent: FooBot\ndisallow: /x/\n", "FooBot", "/x/y"));
  CHECK(allowed("user-agent: FooBot\ndisallow: /X/\n", "FooBot", "/x/y"));
  CHECK(allowed("user-agent: FooBot\ndisallow: /fish\n", "FooBot", "/catfish"));
  CHECK(allowed("user-agent: FooBot\ndisallow: private\n", "FooBot", "/private"));  // not a path
}

TEST_CASE("the longest match wins and Allow wins a tie", "[rfc9309-2.2.2]") {
  CHECK_FALSE(allowed("user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/\n", "FooBot", "/x/page.html"));
  CHECK(allowed("user-agent: FooBot\nallow: /x/page.html\ndisallow: /x/\n", "FooBot", "/x/page.html"));
  CHECK_FALSE(allowed("user-agent: FooBot\nallow: /x/page.html\ndisallow: /x/\n", "FooBot", "/x/"));
  CHECK(allowed("user-agent: FooBot\ndisallow: \nallow: \n", "FooBot", "/x/page.html"));
  CHECK(allowed("user-agent: FooBot\ndisallow: /\nallow: /\n", "FooBot", "/x/page.html"));
  CHECK_FALSE(allowed("user-agent: FooBot\ndisallow: /x\nallow: /x/\n", "FooBot", "/x"));
  CHECK(allowed("user-agent: FooBot\ndisallow: /x\nallow: /x/\n", "FooBot", "/x/"));
  CHECK(
      allowed("user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/page.html\n", "FooBot", "/x/page.html"));
  CHECK_FALSE(allowed("user-agent: FooBot\nallow: /page\ndisallow: /*.html\n", "FooBot", "/page.html"));
  CHECK(allowed("user-agent: FooBot\nallow: /page\ndisallow: /*.html\n", "FooBot", "/page"));
  CHECK(allowed("user-agent: FooBot\nallow: /x/page.\ndisallow: /*.html\n", "FooBot", "/x/page.html"));
  CHECK_FALSE(allowed("user-agent: FooBot\nallow: /x/page.\ndisallow: /*.html\n", "FooBot", "/x/y.html"));
  CHECK(allowed("user-agent: FooBot\nallow: /p\ndisallow: /\n", "FooBot", "/page"));
  CHECK(allowed("user-agent: FooBot\nallow: /folder\ndisallow: /folder\n", "FooBot", "/folder/page"));
  CHECK_FALSE(allowed("user-agent: FooBot\nallow: /page\ndisallow: /*.htm\n", "FooBot", "/page.htm"));

  const auto tie =
      RobotsTxt::parse("User-agent: *\nDisallow: /folder\nAllow: /folder\n").check("a", "/folder/x");
  CHECK(tie.allowed);
  CHECK(tie.rule == "Allow: /folder");
  CHECK(tie.line == 3);
}

TEST_CASE("an empty Disallow disallows nothing and no match means allowed", "[rfc9309-2.2.2]") {
  const RobotsDecision d = RobotsTxt::parse("User-agent: *\nDisallow:\n").check("AnyBot", "/anything");
  CHECK(d.allowed);
  CHECK_FALSE(d.rule.has_value());
  CHECK(d.group == "*");
  CHECK(allowed("User-agent: *\nDisallow: /a\n", "AnyBot", "/b"));
}

TEST_CASE("/robots.txt is always allowed", "[rfc9309-2.2.2]") {
  const auto robots = RobotsTxt::parse("User-agent: *\nDisallow: /\n");
  const RobotsDecision d = robots.check("AnyBot", "/robots.txt");
  CHECK(d.allowed);
  CHECK_FALSE(d.rule.has_value());
  CHECK_FALSE(robots.check("AnyBot", "/robots.txt.bak").allowed);
  CHECK_FALSE(robots.check("AnyBot", "/").allowed);
}

TEST_CASE("in the path an encoded reserved character is not the character itself", "[rfc9309-2.2.2]") {
  // §2.2.2: a percent-encoded octet is decoded "unless it is a reserved character" (RFC 3986 §2.2).
  const std::string_view pub = "User-agent: FooBot\nDisallow: /\nAllow: /pub/\n";
  CHECK(allowed(pub, "FooBot", "/pub/x"));
  CHECK_FALSE(allowed(pub, "FooBot", "/pub%2F..%2Fsecret"));  // not under /pub/
  CHECK_FALSE(allowed("User-agent: FooBot\nDisallow: /a/\nAllow: /a%2F\n", "FooBot", "/a/x"));
  CHECK(allowed("User-agent: FooBot\nDisallow: /a/\nAllow: /a%2F\n", "FooBot", "/a%2fx"));
  CHECK(allowed("User-agent: FooBot\nDisallow: /a%2Fb\n", "FooBot", "/a/b"));
  CHECK(allowed("User-agent: FooBot\nDisallow: /a/b\n", "FooBot", "/a%2Fb"));
  CHECK(allowed("User-agent: FooBot\nDisallow: /a?b\n", "FooBot", "/a%3Fb"));  // a path, not a query
  CHECK(allowed("User-agent: FooBot\nDisallow: /a%3Fb\n", "FooBot", "/a?b"));
  CHECK(allowed("User-agent: FooBot\nDisallow: /a;b\n", "FooBot", "/a%3Bb"));
  CHECK_FALSE(allowed("User-agent: FooBot\nDisallow: /a%3bb\n", "FooBot", "/a%3Bb"));  // hex case only
  CHECK_FALSE(allowed("User-agent: FooBot\nDisallow: /a%3Bb\n", "FooBot", "/a%3bb"));
  CHECK(is_canonical_robots_path("/a%2Fb?x=y"));
  CHECK_FALSE(is_canonical_robots_path("/a%2fb"));
  CHECK(canonical_robots_path("/a%2fb%41?q=%2f%41") == "/a%2FbA?q=%2FA");  // the query's "%2F" is matched as "/"
}

TEST_CASE("a pattern's encoded reserved characters match the same text in a query after a wildcard", "[rfc9309-2.2.2]") {
  // The pattern has no "?": which of its octets fall in the query is known only when it matches.
  const std::string_view redirect = "User-agent: *\nDisallow: /*redirect=http%3A%2F%2F\n";
  CHECK_FALSE(allowed(redirect, "FooBot", "/go?redirect=http%3A%2F%2Fevil.example"));
  CHECK_FALSE(allowed(redirect, "FooBot", "/go?redirect=http://evil.example"));
  CHECK(allowed(redirect, "FooBot", "/go/redirect=http:/x"));  // in the path "/" is not "%2F"
  CHECK_FALSE(allowed("User-agent: *\nDisallow: /*%3D\n", "FooBot", "/x?y=%3D"));
  CHECK_FALSE(allowed("User-agent: *\nDisallow: /*url=http://\n", "FooBot", "/go?url=http%3A%2F%2Fa"));
  // The "?" that starts the query is no part of it: "%3F" never matches it.
  CHECK(allowed("User-agent: *\nDisallow: /*%3Fq\n", "FooBot", "/a?q"));
  CHECK_FALSE(allowed("User-agent: *\nDisallow: /*%3Fq\n", "FooBot", "/a?x=?q"));
}

TEST_CASE("percent-encoded and raw reserved characters are equivalent in the query", "[rfc9309-2.2.2]") {
  const std::string_view raw_rule = "User-agent: FooBot\nDisallow: /\nAllow: /foo/bar?baz=https://foo.bar\n";
  CHECK(allowed(raw_rule, "FooBot", "/foo/bar?baz=https://foo.bar"));
  CHECK(allowed(raw_rule, "FooBot", "/foo/bar?baz=https%3A%2F%2Ffoo.bar"));
  CHECK(allowed(raw_rule, "FooBot", "/foo/bar?baz=https%3a%2f%2ffoo.bar"));
  const std::string_view encoded_rule =
      "User-agent: FooBot\nDisallow: /\nAllow: /foo/bar?baz=https%3A%2F%2Ffoo.bar\n";
  CHECK(allowed(encoded_rule, "FooBot", "/foo/bar?baz=https://foo.bar"));
  CHECK(allowed(encoded_rule, "FooBot", "/foo/bar?baz=https%3A%2F%2Ffoo.bar"));
  CHECK_FALSE(allowed(encoded_rule, "FooBot", "/foo/bar?baz=http%3A%2F%2Ffoo.bar"));
  CHECK(allowed("User-agent: FooBot\nDisallow: /\nAllow: /foo/bar?qux=taz&baz=http://foo.bar?tar&par\n",
                "FooBot", "/foo/bar?qux=taz&baz=http://foo.bar?tar&par"));
}

TEST_CASE("non-ASCII octets compare percent-encoded", "[rfc9309-2.2.2]") {
  const std::string_view robots = "User-agent: FooBot\nDisallow: /\nAllow: /foo/bar/\xE3\x83\x84\n";
  CHECK(allowed(robots, "FooBot", "/foo/bar/%E3%83%84"));
  CHECK(allowed(robots, "FooBot", "/foo/bar/\xE3\x83\x84"));
  CHECK(allowed(robots, "FooBot", "/foo/bar/%e3%83%84"));
  CHECK_FALSE(allowed(robots, "FooBot", "/foo/bar/%E3%83%85"));
  const std::string_view encoded = "User-agent: FooBot\nDisallow: /\nAllow: /foo/bar/%E3%83%84\n";
  CHECK(allowed(encoded, "FooBot", "/foo/bar/%E3%83%84"));
  CHECK(allowed(encoded, "FooBot", "/foo/bar/\xE3\x83\x84"));

  const auto umlaut = RobotsTxt::parse("User-agent: *\nDisallow: /\xC3\xA4\n");
  CHECK_FALSE(umlaut.check("a", "/%C3%A4").allowed);
  CHECK_FALSE(umlaut.check("a", "/%c3%a4/x").allowed);
  CHECK_FALSE(umlaut.check("a", "/\xC3\xA4").allowed);
  CHECK(umlaut.check("a", "/a").allowed);
  CHECK(umlaut.check("a", "/%C3%A4").rule == "Disallow: /\xC3\xA4");
}

TEST_CASE("percent-encoded unreserved characters are decoded before comparison", "[rfc9309-2.2.2]") {
  const std::string_view robots = "User-agent: FooBot\nDisallow: /\nAllow: /foo/bar/%62%61%7A\n";
  CHECK(allowed(robots, "FooBot", "/foo/bar/baz"));
  CHECK(allowed(robots, "FooBot", "/foo/bar/%62%61%7A"));
  CHECK(allowed(robots, "FooBot", "/foo/bar/b%61z"));
  CHECK_FALSE(allowed("User-agent: FooBot\nDisallow: /~joe/\n", "FooBot", "/%7Ejoe/"));
  CHECK_FALSE(allowed("User-agent: FooBot\nDisallow: /~joe/\n", "FooBot", "/%7ejoe/x"));
  // Specificity counts the octets of the canonical form: "/%61bc" is "/abc", a tie, so Allow wins.
  CHECK(allowed("User-agent: *\nDisallow: /abc\nAllow: /%61bc\n", "a", "/abcd"));
  CHECK(allowed("User-agent: *\nDisallow: /a%20b\n", "a", "/a%20c"));
  CHECK_FALSE(allowed("User-agent: *\nDisallow: /a b\n", "a", "/a%20b"));
}

TEST_CASE("* matches any sequence of octets", "[rfc9309-2.2.3]") {
  const std::string_view robots = "User-agent: FooBot\nDisallow: /foo/bar/quz\nAllow: /foo/*/qux\n";
  CHECK_FALSE(allowed(robots, "FooBot", "/foo/bar/quz"));
  CHECK(allowed(robots, "FooBot", "/foo/quz"));
  CHECK(allowed(robots, "FooBot", "/foo//qux"));
  CHECK(allowed(robots, "FooBot", "/foo/bax/qux"));
  CHECK(allowed(robots, "FooBot", "/foo/a/b/c/qux/d"));

  const std::string_view fish = "user-agent: FooBot\ndisallow: /\nallow: /fish*\n";
  CHECK_FALSE(allowed(fish, "FooBot", "/bar"));
  CHECK(allowed(fish, "FooBot", "/fish"));
  CHECK(allowed(fish, "FooBot", "/fish.html"));
  CHECK(allowed(fish, "FooBot", "/fish/salmon.html"));
  CHECK(allowed(fish, "FooBot", "/fishheads/yummy.html"));
  CHECK(allowed(fish, "FooBot", "/fish.html?id=anything"));
  CHECK_FALSE(allowed(fish, "FooBot", "/Fish.bar"));
  CHECK_FALSE(allowed(fish, "FooBot", "/catfish"));
  CHECK_FALSE(allowed(fish, "FooBot", "/?id=fish"));

  const std::string_view php = "user-agent: FooBot\ndisallow: /\nallow: /*.php\n";
  CHECK(allowed(php, "FooBot", "/filename.php"));
  CHECK(allowed(php, "FooBot", "/folder/filename.php?parameters"));
  CHECK(allowed(php, "FooBot", "//folder/any.php.file.html"));
  CHECK(allowed(php, "FooBot", "/index?f=filename.php/"));
  CHECK_FALSE(allowed(php, "FooBot", "/php/"));
  CHECK_FALSE(allowed(php, "FooBot", "/index?php"));
  CHECK_FALSE(allowed(php, "FooBot", "/windows.PHP"));

  const std::string_view fish_php = "user-agent: FooBot\ndisallow: /\nallow: /fish*.php\n";
  CHECK(allowed(fish_php, "FooBot", "/fish.php"));
  CHECK(allowed(fish_php, "FooBot", "/fishheads/catfish.php?parameters"));
  CHECK_FALSE(allowed(fish_php, "FooBot", "/Fish.PHP"));
}

TEST_CASE("$ anchors the end of the pattern", "[rfc9309-2.2.3]") {
  const std::string_view php = "user-agent: FooBot\ndisallow: /\nallow: /*.php$\n";
  CHECK(allowed(php, "FooBot", "/filename.php"));
  CHECK(allowed(php, "FooBot", "/folder/filename.php"));
  CHECK_FALSE(allowed(php, "FooBot", "/filename.php?parameters"));
  CHECK_FALSE(allowed(php, "FooBot", "/filename.php/"));
  CHECK_FALSE(allowed(php, "FooBot", "/filename.php5"));
  CHECK_FALSE(allowed(php, "FooBot", "/aaaphpaaa"));
  CHECK_FALSE(allowed(php, "FooBot", "//windows.PHP"));

  const std::string_view bar = "User-agent: FooBot\nDisallow: /foo/bar$\nAllow: /foo/bar/qux\n";
  CHECK_FALSE(allowed(bar, "FooBot", "/foo/bar"));
  CHECK(allowed(bar, "FooBot", "/foo/bar/qux"));
  CHECK(allowed(bar, "FooBot", "/foo/bar/"));
  CHECK(allowed(bar, "FooBot", "/foo/bar/baz"));

  const std::string_view root = "user-agent: FooBot\nallow: /$\ndisallow: /\n";
  CHECK(allowed(root, "FooBot", "/"));
  CHECK(allowed(root, "FooBot", ""));
  CHECK_FALSE(allowed(root, "FooBot", "/page.html"));
  // A "$" that does not end the pattern is a literal dollar sign.
  CHECK_FALSE(allowed("User-agent: *\nDisallow: /a$b\n", "x", "/a$b/c"));
  CHECK(allowed("User-agent: *\nDisallow: /a$b\n", "x", "/a"));
}

TEST_CASE("/* and / match the same paths but /* is longer", "[rfc9309-2.2.3]") {
  CHECK(allowed("User-agent: *\nDisallow: /\nAllow: /*\n", "a", "/page"));
  CHECK_FALSE(allowed("User-agent: *\nAllow: /\nDisallow: /*\n", "a", "/page"));
  CHECK_FALSE(allowed("User-agent: *\nDisallow: /*\n", "a", "/"));
  CHECK_FALSE(allowed("User-agent: *\nDisallow: *\n", "a", "/x?y"));
}

TEST_CASE("percent-encoded * and $ in a rule match those characters literally", "[rfc9309-2.2.3]") {
  const std::string_view star = "User-agent: *\nDisallow: /path/file-with-a-%2A.html\n";
  CHECK_FALSE(allowed(star, "a", "/path/file-with-a-*.html"));
  CHECK_FALSE(allowed(star, "a", "/path/file-with-a-%2a.html"));
  CHECK(allowed(star, "a", "/path/file-with-a-x.html"));
  const std::string_view dollar = "User-agent: *\nDisallow: /path/foo-%24\n";
  CHECK_FALSE(allowed(dollar, "a", "/path/foo-$"));
  CHECK(allowed(dollar, "a", "/path/foo-"));
}

TEST_CASE("simple example file verdicts", "[rfc9309-5.1]") {
  const auto robots = RobotsTxt::parse(
      "User-Agent: *\n"
      "Disallow: *.gif$\n"
      "Disallow: /example/\n"
      "Allow: /publications/\n"
      "\n"
      "User-Agent: foobot\n"
      "Disallow:/\n"
      "Allow:/example/page.html\n"
      "Allow:/example/allowed.gif\n"
      "\n"
      "User-Agent: barbot\n"
      "User-Agent: bazbot\n"
      "Disallow: /example/page.html\n"
      "\n"
      "User-Agent: quxbot\n"
      "\n");
  CHECK_FALSE(robots.check("otherbot", "/example/page.html").allowed);
  CHECK(robots.check("otherbot", "/example/page.html").rule == "Disallow: /example/");
  CHECK_FALSE(robots.check("otherbot", "/images/logo.gif").allowed);
  CHECK(robots.check("otherbot", "/images/logo.gif").line == 2);
  CHECK(robots.check("otherbot", "/images/logo.gif?x").allowed);
  CHECK(robots.check("otherbot", "/publications/cover.gif").allowed);
  CHECK(robots.check("otherbot", "/publications/cover.gif").line == 4);
  CHECK(robots.check("otherbot", "/about").allowed);

  const RobotsDecision foo_root = robots.check("foobot", "/");
  CHECK_FALSE(foo_root.allowed);
  CHECK(foo_root.rule == "Disallow:/");
  CHECK(foo_root.line == 7);
  CHECK(robots.check("foobot", "/example/page.html").allowed);
  CHECK(robots.check("foobot", "/example/page.html").line == 8);
  CHECK(robots.check("foobot", "/example/allowed.gif").allowed);
  CHECK_FALSE(robots.check("foobot", "/example/other.gif").allowed);
  CHECK_FALSE(robots.check("foobot", "/publications/").allowed);

  CHECK_FALSE(robots.check("barbot", "/example/page.html").allowed);
  CHECK_FALSE(robots.check("BazBot", "/example/page.html").allowed);
  CHECK(robots.check("bazbot", "/example/page.html").line == 13);
  CHECK(robots.check("barbot", "/example/other.html").allowed);
  CHECK(robots.check("barbot", "/logo.gif").allowed);

  const RobotsDecision qux = robots.check("quxbot", "/example/page.html");
  CHECK(qux.allowed);
  CHECK(qux.agent_named);
  CHECK(qux.group == "quxbot");
  CHECK_FALSE(qux.rule.has_value());
  CHECK(robots.check("quxbot", "/logo.gif").allowed);
}

TEST_CASE("longest match example", "[rfc9309-5.2]") {
  const auto robots = RobotsTxt::parse(
      "User-Agent: foobot\n"
      "Allow: /example/page/\n"
      "Disallow: /example/page/disallowed.gif\n");
  const RobotsDecision d = robots.check("foobot", "/example/page/disallowed.gif");
  CHECK_FALSE(d.allowed);
  CHECK(d.rule == "Disallow: /example/page/disallowed.gif");
  CHECK(d.line == 3);
  CHECK(robots.check("foobot", "/example/page/allowed.gif").allowed);
}

TEST_CASE("the deciding rule is reported as written with its line", "[rfc9309-2.2.2]") {
  const auto robots = RobotsTxt::parse(
      "\xEF\xBB\xBF# header\r\n"
      "User-agent: GPTBot\r\n"
      "  disalow :  /private   # keep out\r\n"
      "Allow: /private/ok\r\n");
  const RobotsDecision d = robots.check("GPTBot", "/private/data");
  CHECK_FALSE(d.allowed);
  CHECK(d.rule == "disalow :  /private");
  CHECK(d.line == 3);
  CHECK(robots.check("GPTBot", "/private/ok").line == 4);
}

TEST_CASE("a rule cut at the line length limit still applies", "[google-line-length]") {
  const std::string prefix = "disallow: ";
  // As in google/robotstxt's test: "disallow: " + longline fills the line to one byte short of
  // the limit, so only the "/" of "/qux" survives the cut.
  std::string longline = "/x/";
  while (prefix.size() + longline.size() < k_robots_max_line_bytes - 1) longline += 'a';
  const std::string robots = "user-agent: FooBot\n" + prefix + longline + "/qux\n";
  CHECK(allowed(robots, "FooBot", "/fux"));
  CHECK_FALSE(allowed(robots, "FooBot", longline + "/fux"));
}

TEST_CASE("matching a path without a leading slash or with a fragment", "[rfc9309-2.2.2]") {
  const auto robots = RobotsTxt::parse("User-agent: *\nDisallow: /a\nDisallow: /?q\n");
  CHECK_FALSE(robots.check("x", "?q=1").allowed);
  CHECK(robots.check("x", "/b#/a").allowed);
  CHECK_FALSE(robots.check("x", "a").allowed);
}

TEST_CASE("lines that are not records are skipped and a missing colon is tolerated", "[rfc9309-2.3.1.5]") {
  CHECK(allowed("foo: FooBot\nbar: /\n", "FooBot", "/x/y"));
  CHECK_FALSE(allowed("user-agent FooBot\ndisallow /\n", "FooBot", "/x/y"));
  CHECK_FALSE(allowed("<html>\nUser-agent: *\n<p>Disallow: /</p>\nDisallow: /x\n", "FooBot", "/x/y"));
  // An empty agent has no product token: only "*" can apply.
  CHECK_FALSE(allowed("User-agent: *\nDisallow: /\n", "", "/a"));
  CHECK(allowed("User-agent: FooBot\nDisallow: /\n", "", "/a"));
}
