// Tests for the AI-use signals in robots.txt: aipref Content-Usage (draft-ietf-aipref-attach and
// -vocab, value parsing in scanner/content_usage.h), Cloudflare Content-Signal, and Sitemaps.
#include <catch2/catch.hpp>
#include <string>

#include "scanner/content_usage.h"
#include "scanner/robots.h"

using namespace exposcan;

TEST_CASE("Content-Usage rules follow the agent's group and the longest path", "[aipref-attach]") {
  const auto robots = RobotsTxt::parse(
      "User-Agent: *\n"
      "Allow: /\n"
      "Disallow: /never/\n"
      "Content-Usage: / train-ai=n\n"
      "Content-Usage: /ai-ok/ train-ai=y\n"
      "\n"
      "User-Agent: ExampleBot\n"
      "Allow: /\n"
      "Content-Usage: / train-ai=y\n");
  const auto test = robots.content_usage("GPTBot", "/test");
  REQUIRE(test.has_value());
  CHECK(test->value == "train-ai=n");
  CHECK(test->path == "/");
  CHECK(test->line == 4);
  CHECK(test->rule == "Content-Usage: / train-ai=n");
  CHECK(test->preferences().get("train-ai") == UsagePreference::n);

  CHECK_FALSE(robots.content_usage("GPTBot", "/never/test").has_value());  // may not be fetched

  const auto ok = robots.content_usage("GPTBot", "/ai-ok/test");
  REQUIRE(ok.has_value());
  CHECK(ok->value == "train-ai=y");
  CHECK(ok->line == 5);
  CHECK(ok->preferences().get("train-ai") == UsagePreference::y);

  const auto example = robots.content_usage("ExampleBot", "/never/test");
  REQUIRE(example.has_value());
  CHECK(example->line == 9);
  CHECK(example->preferences().get("train-ai") == UsagePreference::y);
}

TEST_CASE("Content-Usage without a path applies to / and identical paths combine", "[aipref-attach]") {
  const auto robots = RobotsTxt::parse(
      "Content-Usage: train-ai=n\n"  // outside any group: ignored
      "User-agent: GPTBot\n"
      "Content-Usage: train-ai=y, search=y\n"
      "Content-Usage: / train-ai=n # stricter\n"
      "Content-Usage: /docs/*.pdf$ train-ai=n\n");
  const auto root = robots.content_usage("GPTBot", "/page");
  REQUIRE(root.has_value());
  CHECK(root->path == "/");
  CHECK(root->line == 3);
  CHECK(root->values == std::vector<std::string>{"train-ai=y, search=y", "train-ai=n"});
  const UsagePreferences combined = root->preferences();
  CHECK(combined.get("train-ai") == UsagePreference::n);
  CHECK(combined.get("search") == UsagePreference::y);

  const auto pdf = robots.content_usage("GPTBot", "/docs/a.pdf");
  REQUIRE(pdf.has_value());
  CHECK(pdf->line == 5);
  CHECK(robots.content_usage("GPTBot", "/docs/a.pdf?x")->line == 3);
  CHECK_FALSE(robots.content_usage("CCBot", "/page").has_value());
}

TEST_CASE("Content-Usage preferences parse as an RFC 9651 dictionary", "[aipref-vocab]") {
  const auto p = parse_usage_preferences("train-ai=n, search=y");
  CHECK(p.parsed);
  CHECK(p.get("train-ai") == UsagePreference::n);
  CHECK(p.get("search") == UsagePreference::y);

  const auto unknown_keys = parse_usage_preferences("ai-use=n, train-genai=n, foo=bar");
  CHECK(unknown_keys.parsed);
  CHECK(unknown_keys.get("train-ai") == UsagePreference::unknown);
  CHECK(unknown_keys.labels.size() == 2);
  CHECK(unknown_keys.get("ai-use") == UsagePreference::unknown);

  // The vocabulary's own examples: the last duplicate wins; non-token values are unknown.
  const auto dup = parse_usage_preferences("train-ai=y, train-ai, search=n, search=\"n\"");
  CHECK(dup.parsed);
  CHECK(dup.get("train-ai") == UsagePreference::unknown);
  CHECK(dup.get("search") == UsagePreference::unknown);
  CHECK(parse_usage_preferences("train-ai;allow=n, train-ai=y").get("train-ai") == UsagePreference::y);
  // RFC 9651 §4.2.3.2: a ";" must be followed by a parameter key, so a trailing ";" fails.
  CHECK_FALSE(parse_usage_preferences("train-ai;has;parameters=\"?\";").parsed);
  CHECK(parse_usage_preferences("train-ai=n;reason=\"x\";since=@1700000000").get("train-ai") ==
        UsagePreference::n);

  CHECK(parse_usage_preferences("train-ai=maybe").get("train-ai") == UsagePreference::unknown);
  CHECK(parse_usage_preferences("train-ai=?0").get("train-ai") == UsagePreference::unknown);
  CHECK(parse_usage_preferences("train-ai=(n y)").get("train-ai") == UsagePreference::unknown);
  CHECK(parse_usage_preferences("train-ai=1.5, search=n").get("search") == UsagePreference::n);
  CHECK(parse_usage_preferences("train-ai=:aGk=:, search=n").get("search") == UsagePreference::n);
  CHECK(parse_usage_preferences("train-ai=%\"caf%c3%a9\", search=n").get("search") == UsagePreference::n);
  CHECK(parse_usage_preferences("train-ai=N").get("train-ai") == UsagePreference::unknown);

  for (const char* broken :
       {"Train-AI=n", "train-ai=n,", "train-ai=n search=y", "train-ai==n", ",train-ai=n",
        "train-ai=n, search=y;", "train-ai=1.2345", "train-ai=\"open", "train-ai=%\"%C3%A9\""}) {
    INFO(broken);
    const auto b = parse_usage_preferences(broken);
    CHECK_FALSE(b.parsed);
    CHECK(b.get("train-ai") == UsagePreference::unknown);
    CHECK(b.get("search") == UsagePreference::unknown);
  }
  CHECK(parse_usage_preferences("").parsed);
  CHECK(parse_usage_preferences("  train-ai=n  ,\tsearch=y").get("search") == UsagePreference::y);
  CHECK(is_structured_dictionary("a=1, b=?1, c=(1 2);p, *d=tok/en:x"));
}

TEST_CASE("combining preference statements: any n wins over any y over unknown", "[aipref-vocab]") {
  using P = UsagePreference;
  CHECK(combine(std::vector<P>{P::y, P::n, P::unknown}) == P::n);
  CHECK(combine(std::vector<P>{P::y, P::unknown}) == P::y);
  CHECK(combine(std::vector<P>{P::unknown, P::unknown}) == P::unknown);
  CHECK(combine(std::vector<P>{}) == P::unknown);
  const auto merged = combine(std::vector<UsagePreferences>{parse_usage_preferences("train-ai=y"),
                                                            parse_usage_preferences("search=n, train-ai=y")});
  CHECK(merged.get("train-ai") == P::y);
  CHECK(merged.get("search") == P::n);
  CHECK(to_string(P::n) == "n");
  CHECK(to_string(P::unknown) == "unknown");
}

TEST_CASE("Content-Signal lines are collected from directives and comments", "[content-signal]") {
  const auto robots = RobotsTxt::parse(
      "# As a condition of accessing this website, you agree to the content signals below.\n"
      "# Content-Signal: search=yes, ai-input=no, ai-train=no\n"
      "\n"
      "User-Agent: *\n"
      "Content-Signal: search=yes,ai-train=no\n"
      "Allow: /\n"
      "\n"
      "User-Agent: GPTBot\n"
      "Content-Signal: ai-train=no\n"
      "Disallow: /\n");
  const auto any = robots.content_signals("CCBot");
  REQUIRE(any.size() == 2);
  CHECK(any[0].from_comment);
  CHECK(any[0].line == 2);
  CHECK(any[0].value == "search=yes, ai-input=no, ai-train=no");
  CHECK(any[0].entries == std::vector<std::pair<std::string, std::string>>{
                              {"search", "yes"}, {"ai-input", "no"}, {"ai-train", "no"}});
  CHECK_FALSE(any[1].from_comment);
  CHECK(any[1].line == 5);
  CHECK(any[1].entries ==
        std::vector<std::pair<std::string, std::string>>{{"search", "yes"}, {"ai-train", "no"}});

  const auto gpt = robots.content_signals("GPTBot");
  REQUIRE(gpt.size() == 2);
  CHECK(gpt[1].line == 9);
  CHECK(gpt[1].value == "ai-train=no");
  // The "*" group ends with its Allow line, before "User-Agent: GPTBot".
  CHECK(robots.check("CCBot", "/page").allowed);
  CHECK_FALSE(robots.check("GPTBot", "/page").allowed);
}

TEST_CASE("a Content-Signal line does not end the run of user-agent lines", "[content-signal][rfc9309-2.2.4]") {
  // RFC 9309 §2.2.4: records outside the protocol must not interfere with the defined ones, so the
  // two user-agent lines start one group, and the signal belongs to it.
  const auto robots =
      RobotsTxt::parse("User-agent: *\nContent-Signal: ai-train=no\nUser-agent: GPTBot\nDisallow: /\n");
  CHECK_FALSE(robots.check("CCBot", "/x").allowed);
  CHECK_FALSE(robots.check("GPTBot", "/x").allowed);
  REQUIRE(robots.content_signals("GPTBot").size() == 1);
  CHECK(robots.content_signals("GPTBot")[0].value == "ai-train=no");
  CHECK(
      parse_content_signal(" search = yes ,, ai-train=no, flag ") ==
      std::vector<std::pair<std::string, std::string>>{{"search", "yes"}, {"ai-train", "no"}, {"flag", ""}});
}

TEST_CASE("Sitemap lines are collected wherever they appear", "[rfc9309-2.2.4]") {
  const auto robots = RobotsTxt::parse(
      "Sitemap: https://example.org/a.xml\n"
      "User-agent: *\n"
      "Disallow: /x\n"
      "site-map: https://example.org/b.xml # second\n"
      "Sitemap:\n");
  CHECK(robots.sitemaps() ==
        std::vector<std::string>{"https://example.org/a.xml", "https://example.org/b.xml"});
}
