#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "parsers/html_document.h"
#include "parsers/html_text.h"

using namespace exposcan;

namespace {
HtmlDocument parse_ok(std::string_view html, const HtmlLimits& limits = {}) {
  auto doc = HtmlDocument::parse(html, limits);
  REQUIRE(doc);
  return std::move(doc).value();
}
}  // namespace

TEST_CASE("HtmlDocument exposes elements, attributes and classes", "[html]") {
  auto doc = parse_ok(R"(<html lang="en"><head><title>T</title></head><body>
    <div id="a" class=" x  y "><a href="/p?q=1&amp;r=2">link</a><custom-el data-v="1">c</custom-el></div></body></html>)");
  HtmlNode div = doc.find_first("div");
  REQUIRE(div);
  CHECK(div.tag() == "div");
  CHECK(div.attr("id").value() == "a");
  CHECK_FALSE(div.attr("missing").has_value());
  CHECK(div.classes() == std::vector<std::string_view>{"x", "y"});
  CHECK(div.has_class("y"));
  HtmlNode a = doc.find_first("a");
  CHECK(a.attr_or("href") == "/p?q=1&r=2");  // entities decoded
  CHECK(a.parent() == div);
  CHECK(a.next_sibling().tag() == "custom-el");
  CHECK(div.element_children().size() == 2);
  CHECK(doc.find_all("a").size() == 1);
  CHECK(doc.head().is("head"));
  CHECK(doc.body().is("body"));
  CHECK(doc.html().attr_or("lang") == "en");
  CHECK(doc.errors().empty());
  CHECK_FALSE(doc.degraded());
}

TEST_CASE("base_url honours the first <base href> and resolves it", "[html]") {
  auto doc = parse_ok(R"(<head><base target="_blank"><base href="/sub/"><base href="/other/"></head>)");
  CHECK(doc.base_href() == "/sub/");
  CHECK(doc.base_url("https://example.org/a/b.html") == "https://example.org/sub/");
  auto none = parse_ok("<p>x</p>");
  CHECK(none.base_url("https://example.org/a/b.html") == "https://example.org/a/b.html");
  auto abs = parse_ok(R"(<base href="http://example.com">)");
  CHECK(abs.base_url("https://example.org/") == "http://example.com");
}

TEST_CASE("walk_tree visits every node in document order without recursion", "[html]") {
  auto doc = parse_ok("<div><p>a<b>b</b></p><p>c</p></div>");
  std::string order;
  walk_tree(
      doc.find_first("div"),
      [&](HtmlNode n) {
        if (n.is_element()) order += "<" + std::string(n.tag()) + ">";
        else if (n.is_text()) order += std::string(n.text());
        return true;
      },
      [&](HtmlNode n) {
        if (n.is_element()) order += "</" + std::string(n.tag()) + ">";
      });
  CHECK(order == "<div><p>a<b>b</b></p><p>c</p></div>");
}

TEST_CASE("inner_html serialises children and can resolve URL attributes", "[html]") {
  auto doc = parse_ok(R"(<div id="d"><a href="x.html" title='a"b'>1 &lt; 2 &amp; 3</a><br><img src="i.png"><!--c--></div>)");
  HtmlNode d = doc.find_first("div");
  CHECK(inner_html(d) == R"(<a href="x.html" title="a&quot;b">1 &lt; 2 &amp; 3</a><br><img src="i.png"><!--c-->)");
  std::function<std::string(std::string_view)> resolve = [](std::string_view r) { return "https://example.org/" + std::string(r); };
  CHECK(inner_html(d, &resolve) ==
        R"(<a href="https://example.org/x.html" title="a&quot;b">1 &lt; 2 &amp; 3</a><br><img src="https://example.org/i.png"><!--c-->)");
}

TEST_CASE("robustness: empty input gives an empty, valid document", "[html][robustness]") {
  auto doc = parse_ok("");
  CHECK(doc.errors().empty());
  CHECK(visible_text(doc.root()).empty());
  CHECK(doc.body());
}

TEST_CASE("robustness: invalid UTF-8 is replaced and recorded", "[html][robustness]") {
  auto doc = parse_ok("<p>caf\xE9 \xFF\xFE ok</p>");
  REQUIRE(doc.errors().size() == 1);
  CHECK(doc.errors()[0] == "html: invalid UTF-8 replaced with U+FFFD");
  CHECK(visible_text(doc.body()) == "caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD ok");
}

TEST_CASE("robustness: input over the size cap is truncated and recorded", "[html][robustness]") {
  HtmlLimits limits;
  limits.max_input_bytes = 1000;
  std::string html = "<p>" + std::string(5000, 'a') + "</p>";
  auto doc = parse_ok(html, limits);
  CHECK(doc.input_bytes() == 1000);
  REQUIRE_FALSE(doc.errors().empty());
  CHECK(doc.errors()[0] == "html: input truncated to 1000 bytes");
}

TEST_CASE("robustness: 6,000-deep nesting is degraded, not parsed whole", "[html][robustness]") {
  std::string html = "<html><head><title>Deep</title><meta name=\"robots\" content=\"noai\"></head><body>";
  for (int i = 0; i < 6000; ++i) html += "<div>";
  html += "bottom text";
  for (int i = 0; i < 6000; ++i) html += "</div>";
  html += "</body></html>";
  auto start = std::chrono::steady_clock::now();
  auto doc = parse_ok(html);
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(2));
  CHECK(doc.degraded());
  CHECK(doc.prescan().max_depth == 6000);
  REQUIRE(doc.errors().size() == 1);
  CHECK(doc.errors()[0] == "html: nesting too deep (estimated depth 6000 > 1000); only the head was parsed");
  CHECK_FALSE(doc.body());
  CHECK(doc.find_first("meta").attr_or("content") == "noai");  // head metadata still available
  CHECK(doc.degraded_text() == "Deep bottom text");
}

TEST_CASE("robustness: tens of thousands of unclosed tags stay bounded", "[html][robustness]") {
  std::string html = "<body>";
  for (int i = 0; i < 30000; ++i) html += "<span>x";
  auto start = std::chrono::steady_clock::now();
  auto doc = parse_ok(html);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  CHECK(doc.degraded());
  CHECK(doc.prescan().unclosed() == 30000);
  // Auto-closing elements (<p>, <li>) do not count as unclosed.
  std::string list = "<ul>";
  for (int i = 0; i < 30000; ++i) list += "<li>item";
  auto ok = parse_ok(list);
  CHECK_FALSE(ok.degraded());
  CHECK(ok.find_all("li").size() == 30000);
}

TEST_CASE("robustness: huge attribute values and malformed markup parse", "[html][robustness]") {
  std::string big(2'000'000, 'q');
  auto doc = parse_ok("<div title=\"" + big + "\"><p>after</div></p><a href=<<>>>x</a><</div>");
  CHECK(doc.find_first("div").attr_or("title").size() == big.size());
  CHECK_FALSE(doc.degraded());
  std::string text = visible_text(doc.body());
  CHECK(text.find("after") != std::string::npos);
  // An unterminated attribute quote swallows the rest without blowing up the pre-scan.
  auto open_quote = parse_ok("<p class=\"never closed>text");
  CHECK_FALSE(open_quote.degraded());
}

TEST_CASE("strip_tags drops markup, scripts and decodes common entities", "[html]") {
  CHECK(strip_tags("<p>a&amp;b</p><script>var x = '<p>';</script><!-- c --> <b>d</b>") == "a&b d");
}

TEST_CASE("head style text is dropped before parsing and body style text is kept", "[html]") {
  using Spans = std::vector<std::pair<size_t, size_t>>;
  const std::string page =
      "\xEF\xBB\xBF<!DOCTYPE html>\n<html><head><meta charset=utf-8><title>a <style>b</title>"
      "<script type=\"application/ld+json\">{\"@type\":\"Person\"}</script>"
      "<style media=\"x>y\">.a{color:red}</style ><link rel=stylesheet href=s.css></head>"
      "<style>.late{}</style><body><p class=\"e-content\"><style>.kept{}</style>x</p></body></html>";
  const Spans spans = head_style_text(page);
  REQUIRE(spans.size() == 2);
  CHECK(page.substr(spans[0].first, spans[0].second - spans[0].first) == ".a{color:red}");
  CHECK(page.substr(spans[1].first, spans[1].second - spans[1].first) == ".late{}");

  auto doc = parse_ok(page);
  CHECK(doc.input_bytes() == page.size() - std::string(".a{color:red}.late{}").size());
  CHECK(doc.find_first("title").first_child().text() == "a <style>b");  // RCDATA, not a style
  CHECK(doc.find_all("script").size() == 1);
  CHECK(doc.find_first("script").first_child().text() == "{\"@type\":\"Person\"}");
  const auto styles = doc.find_all("style");
  REQUIRE(styles.size() == 3);
  CHECK_FALSE(styles[0].first_child());
  CHECK(styles[0].attr_or("media") == "x>y");
  CHECK(doc.find_first("link").attr_or("href") == "s.css");
  CHECK(inner_html(doc.find_first("p")) == "<style>.kept{}</style>x");

  // Anything that may already be the body ends the scan: text, a body element, an unclear script.
  CHECK(head_style_text("<head>text<style>a</style>").empty());
  CHECK(head_style_text("<div></div><style>a</style>").empty());
  CHECK(head_style_text("<head><script><!--<script></script><style>a</style>").empty());
  CHECK(head_style_text("<head><style>a</stylex>b").empty());  // no end tag: the rest is its text
  CHECK(head_style_text("<head><meta content=\"a><style>b</style>\"></head>").empty());
  CHECK(head_style_text("<head><meta content=a\"b><style>c</style>") == Spans{{31, 32}});
}
