#include <catch2/catch.hpp>

#include "parsers/page_signals.h"

using namespace exposcan;

namespace {
PageSignals signals_of(std::string_view html, std::vector<HttpHeader> headers = {},
                       std::vector<std::string>* errors = nullptr) {
  auto doc = HtmlDocument::parse(html);
  REQUIRE(doc);
  std::string base = doc->base_url("https://blog.example.org/posts/1");
  return extract_page_signals(scan_html(*doc), headers, base, errors);
}

std::vector<std::string> names(const PageSignals& s, std::string_view agent, std::string_view source) {
  std::vector<std::string> out;
  for (const auto& d : s.robots)
    if (d.agent == agent && d.source == source) out.push_back(d.name);
  return out;
}
}  // namespace

TEST_CASE("robots meta: generic and agent-specific directives", "[signals]") {
  auto s = signals_of(R"(<head><meta name="robots" content="NoIndex, noAI ,noimageai">
    <meta name="GPTBot" content="noindex, nofollow"><meta name="SomeNewBot" content="noarchive">
    <meta name="description" content="none of your business"><meta name="viewport" content="width=device-width"></head>)");
  CHECK(names(s, "", "meta") == std::vector<std::string>{"noindex", "noai", "noimageai"});
  CHECK(names(s, "gptbot", "meta") == std::vector<std::string>{"noindex", "nofollow"});
  CHECK(names(s, "somenewbot", "meta") == std::vector<std::string>{"noarchive"});
  CHECK(names(s, "description", "meta").empty());
  CHECK(names(s, "viewport", "meta").empty());
  CHECK(s.has_directive("noai"));
}

TEST_CASE("X-Robots-Tag: lists, agent prefixes and several headers", "[signals]") {
  auto s = signals_of("<p>x</p>", {{"X-Robots-Tag", "noindex, max-snippet: 20"},
                                  {"x-robots-tag", "googlebot: nofollow"},
                                  {"X-Robots-Tag", "otherbot: noindex, noarchive"},
                                  {"X-Robots-Tag", "unavailable_after: Wed, 25 Jun 2025 15:00:00 PST"}});
  CHECK(names(s, "", "header") ==
        std::vector<std::string>{"noindex", "max-snippet:20", "unavailable_after:wed, 25 jun 2025 15:00:00 pst"});
  CHECK(names(s, "googlebot", "header") == std::vector<std::string>{"nofollow"});
  CHECK(names(s, "otherbot", "header") == std::vector<std::string>{"noindex", "noarchive"});
  CHECK(parse_x_robots_tag("GPTBot: noai, CCBot: noindex").size() == 2);
  CHECK(parse_x_robots_tag("GPTBot: noai, CCBot: noindex")[1].agent == "ccbot");
}

TEST_CASE("TDMRep: HTML metadata supersedes the HTTP header", "[signals][tdmrep]") {
  auto header_only = signals_of("<p>x</p>", {{"tdm-reservation", "1"}, {"TDM-Policy", "https://example.org/policy.json"}});
  CHECK(header_only.tdm_reservation == 1);
  CHECK(header_only.tdm_policy == "https://example.org/policy.json");
  CHECK(header_only.tdm_source == "header");

  auto both = signals_of(R"(<meta name="tdm-reservation" content="0">)", {{"tdm-reservation", "1"}});
  CHECK(both.tdm_reservation == 0);
  CHECK(both.tdm_source == "meta");

  std::vector<std::string> errors;
  auto invalid_meta = signals_of(R"(<meta name="tdm-reservation" content="yes">)", {{"tdm-reservation", "1"}}, &errors);
  CHECK(invalid_meta.tdm_reservation == 1);  // the invalid meta value counts as unset
  CHECK(invalid_meta.tdm_source == "header");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "tdmrep: invalid tdm-reservation value 'yes' in meta (treated as unset)");

  auto none = signals_of("<p>x</p>");
  CHECK_FALSE(none.tdm_reservation.has_value());
  CHECK(none.tdm_source.empty());
}

TEST_CASE("Content-Usage, Content-Signal, license, canonical and language", "[signals]") {
  auto s = signals_of(R"(<html lang="de"><head><base href="/base/">
      <link rel="canonical" href="../canon"><link rel="license" href="https://creativecommons.org/licenses/by/4.0/">
      </head><body><a rel="license nofollow" href="lic.html">l</a></body></html>)",
                      {{"Content-Usage", "train-ai=n"}, {"Content-Signal", "search=yes, ai-train=no"},
                       {"Content-Language", "fr, en"}});
  CHECK(s.content_usage == std::vector<std::string>{"train-ai=n"});
  CHECK(s.content_signal == std::vector<std::string>{"search=yes, ai-train=no"});
  CHECK(s.canonical_url == "https://blog.example.org/canon");
  CHECK(s.licenses == std::vector<std::string>{"https://creativecommons.org/licenses/by/4.0/",
                                               "https://blog.example.org/base/lic.html"});
  CHECK(s.language == "de");
  CHECK(signals_of("<p>x</p>", {{"Content-Language", "fr, en"}}).language == "fr");
}

TEST_CASE("a canonical link in the body is ignored; a licence may come in a Link header", "[signals]") {
  // A template put the canonical after body content: the parser leaves it in <body>.
  auto body = signals_of(R"(<html><head><title>t</title></head><body><p>x</p>
      <link rel="canonical" href="https://evil.example/hijack"></body></html>)");
  CHECK(body.canonical_url.empty());
  // In the head, another host is a legitimate canonical (cross-domain canonicals exist).
  CHECK(signals_of(R"(<head><link rel="canonical" href="https://www.example.net/a"></head>)").canonical_url ==
        "https://www.example.net/a");
  // RFC 8288: a Link header field is a link of the document; several links, quoted rel lists.
  auto header = signals_of("<p>x</p>", {{"Link", R"(<https://blog.example.org/feed>; rel="alternate", </lic>; rel="license nofollow")"},
                                        {"link", "<https://creativecommons.org/licenses/by-sa/4.0/>; rel=license"}});
  CHECK(header.licenses == std::vector<std::string>{"https://blog.example.org/lic", "https://creativecommons.org/licenses/by-sa/4.0/"});
  CHECK(link_header_targets({{"Link", R"(<a>; rel="next", <b>; rel="Next last")"}}, "next") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("standard metadata names are never crawler names, whatever their content", "[signals]") {
  auto s = signals_of(R"(<head><meta name="description" content="noindex, noai"><meta name="keywords" content="noai">
      <meta name="NewAIBot" content="noai"></head>)");
  CHECK(names(s, "description", "meta").empty());
  CHECK(names(s, "keywords", "meta").empty());
  CHECK(names(s, "newaibot", "meta") == std::vector<std::string>{"noai"});
}

TEST_CASE("directives written with spaces or semicolons count when each piece is a directive", "[signals]") {
  auto s = signals_of(R"(<head><meta name="robots" content="noai noimageai"><meta name="GPTBot" content="noindex;noai">
      <meta name="robots" content="max-snippet : 20"></head>)");
  CHECK(names(s, "", "meta") == std::vector<std::string>{"noai", "noimageai", "max-snippet:20"});
  CHECK(names(s, "gptbot", "meta") == std::vector<std::string>{"noindex", "noai"});
  // Not all pieces are directives: kept as written (lower-cased), no opt-out made up.
  CHECK(names(signals_of(R"(<head><meta name="robots" content="noai please"></head>)"), "", "meta") ==
        std::vector<std::string>{"noai please"});
  // A relative tdm-policy is read against the page.
  CHECK(signals_of(R"(<head><meta name="tdm-policy" content="/policies/p.json"></head>)").tdm_policy ==
        "https://blog.example.org/policies/p.json");
}

TEST_CASE("a canonical in a Link header and the Content-Language pragma", "[signals]") {
  auto s = signals_of("<p>x</p>", {{"Link", "</posts/1-canonical>; rel=\"canonical\""}});
  CHECK(s.canonical_url == "https://blog.example.org/posts/1-canonical");
  auto head_wins = signals_of(R"(<head><link rel="canonical" href="/a"></head>)", {{"Link", "</b>; rel=canonical"}});
  CHECK(head_wins.canonical_url == "https://blog.example.org/a");
  CHECK(signals_of(R"(<head><meta http-equiv="Content-Language" content="nl, en"></head>)", {{"Content-Language", "fr"}}).language == "nl");
  CHECK(signals_of(R"(<html lang="de"><head><meta http-equiv="content-language" content="nl"></head></html>)").language == "de");
}
