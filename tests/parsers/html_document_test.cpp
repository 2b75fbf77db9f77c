#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "parsers/html_document.h"
#include "parsers/html_scan.h"
#include "parsers/html_text.h"
#include "tests/support/test_support.h"

using namespace exposcan;

namespace {
using Spans = std::vector<std::pair<size_t, size_t>>;  // byte ranges of the input

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

TEST_CASE("tag names are lower case whatever gumbo knows and SVG names get their camelCase", "[html]") {
  // gumbo 0.10.1 does not know picture, dialog or custom elements: it gave them as written.
  const std::string page =
      "<BODY><PICTURE><SOURCE SRCSET=\"a.jpg 1x\"><IMG ALT=\"Jane at the beach\"></PICTURE><DiaLog open>d</DIALOG>"
      "<My-Card>m</my-card><SVG><LINEARGRADIENT id=g></LinearGradient><PATH d=1></PATH><Foo-Bar/></SVG>"
      "<MATH><MI>x</MI><Custom-Math/></MATH></BODY>";
  auto doc = parse_ok(page);
  CHECK(doc.prescan().upper_case_names);
  CHECK(doc.find_all("picture").size() == 1);
  CHECK(doc.find_first("picture").first_child().is("source"));
  CHECK(doc.find_all("dialog").size() == 1);
  CHECK(doc.find_all("my-card").size() == 1);
  CHECK(doc.find_all("linearGradient").size() == 1);  // SVG's own case (HTML 13.2.6.5)
  CHECK(doc.find_all("path").size() == 1);
  CHECK(doc.find_all("foo-bar").size() == 1);
  CHECK(doc.find_all("custom-math").size() == 1);
  CHECK(inner_html(doc.find_first("svg")) == "<linearGradient id=\"g\"></linearGradient><path d=\"1\"></path><foo-bar></foo-bar>");
  // The page scan reads the picture's source whatever the case.
  const HtmlScan scan = scan_html(doc);
  REQUIRE(scan.images.size() == 1);
  CHECK(scan.images[0].src == "a.jpg");
  CHECK(scan.images[0].alt == "Jane at the beach");
  CHECK_FALSE(prescan_html("<p><picture></picture><svg><path/></svg></P>").upper_case_names);  // end tags do not count
  CHECK(prescan_html("<svg><linearGradient/></svg>").upper_case_names);
}

TEST_CASE("strip_tags drops markup, scripts and decodes common entities", "[html]") {
  CHECK(strip_tags("<p>a&amp;b</p><script>var x = '<p>';</script><!-- c --> <b>d</b>") == "a&b d");
}

TEST_CASE("head style text is dropped before parsing and body style text is kept", "[html]") {
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
  // A tag name runs to whitespace, '/' or '>' as in the tokenizer: "<style%>" is no stylesheet.
  CHECK(head_style_text("<head><style%><a href=/x>link</a></style>").empty());
  CHECK(head_style_text("<head><STYLE/>a</style>") == Spans{{14, 15}});
  const std::string odd = "<head><style%><a href=/x>link</a></style></head>";
  CHECK(parse_ok(odd).find_first("a").attr_or("href") == "/x");
}


namespace {
// What the extractors read of a document (scan_html), to compare a parse with and without the
// svg graphics dropped.
std::string scan_summary(const HtmlDocument& doc) {
  const HtmlScan s = scan_html(doc);
  std::string out = s.title + "|" + s.h1 + "|" + s.body_text + "|" + s.main_text + "|" + std::to_string(s.mf2_roots);
  for (const auto& a : s.anchors) out += "|a:" + a.href + " " + a.text + " " + a.rel;
  for (const auto& i : s.images) out += "|img:" + i.src + " " + i.alt;
  for (const auto& l : s.links) out += "|link:" + l.rel + " " + l.href;
  for (const auto& m : s.metas) out += "|meta:" + m.name + m.property + " " + m.content;
  for (const auto& j : s.jsonld) out += "|ld:" + j;
  return out;
}

std::vector<std::pair<size_t, size_t>> svg_spans(std::string_view html) {
  return droppable_markup(html, {.svg_graphics = true, .script_text = false, .style_text = false});
}

HtmlDocument parse_dropping_svg(std::string_view html) {
  HtmlLimits limits;
  limits.drop_unread_markup = true;
  return parse_ok(html, limits);
}

size_t element_count(HtmlNode n) {
  size_t c = 0;
  for (HtmlNode k = n.first_child(); k; k = k.next_sibling())
    if (k.is_element()) c += 1 + element_count(k);
  return c;
}
}  // namespace

TEST_CASE("graphic inline svg markup is dropped before gumbo and nothing read changes", "[html]") {
  const std::string page =
      "<!doctype html><html><head><title>x <svg><path d=1></svg></title></head><body>"
      "<a href=\"/home\" class=\"h-card\"><svg viewBox=\"0 0 24 24\" aria-hidden=\"true\" class=\"icon\">\n"
      "  <g fill=\"none\"><path d=\"M12 1.7L.6 8.8h-2z\"/><circle cx=1 cy=2 r=3></circle></g>\n"
      "  <!-- drawn by hand --><defs><linearGradient id=g1><stop offset=0 /></linearGradient></defs>\n"
      "</svg><span class=\"p-name\">Jane<SVG><PATH D=\"M0 0\"></PATH></SVG>Doe</span></a>"
      "<textarea><svg><path d=2></svg></textarea><script>var s = '<svg><path d=3></svg>';</script>"
      "<p>after</p></body></html>";
  const Spans spans = svg_spans(page);
  std::string dropped;
  for (const auto& [a, b] : spans) dropped += page.substr(a, b - a);
  CHECK(dropped ==
        "<g fill=\"none\"><path d=\"M12 1.7L.6 8.8h-2z\"/><circle cx=1 cy=2 r=3></circle></g>"
        "<!-- drawn by hand --><defs><linearGradient id=g1><stop offset=0 /></linearGradient></defs>"
        "<PATH D=\"M0 0\"></PATH>");

  auto full = parse_ok(page);
  auto lean = parse_dropping_svg(page);
  CHECK(scan_summary(lean) == scan_summary(full));
  // The scan's parse also drops the script's code.
  CHECK(lean.input_bytes() == page.size() - dropped.size() - std::string("var s = '<svg><path d=3></svg>';").size());
  const auto svgs = lean.find_all("svg");
  REQUIRE(svgs.size() == 2);
  CHECK(svgs[0].attr_or("viewBox") == "0 0 24 24");  // the svg element and its attributes stay
  CHECK(svgs[0].attr_or("class") == "icon");
  CHECK(element_count(svgs[0]) == 0);
  CHECK(element_count(svgs[1]) == 0);
  CHECK(element_count(full.find_all("svg")[0]) == 6);
  CHECK(lean.find_first("textarea").first_child().text() == "<svg><path d=2></svg>");
  // Off by default: mf2's e-* html and fragments keep every tag.
  CHECK(element_count(full.find_all("svg")[1]) == 1);

  // Anything that is not pure drawing keeps its svg whole.
  for (const char* kept : {
           "<svg><title>Verified</title><path d=1></svg>",
           "<svg><text x=1>Jane</text></svg>",
           "<svg><a href=\"https://example.org/\"><path d=1></a></svg>",
           "<svg><image href=\"/a.png\"/></svg>",
           "<svg><foreignObject><p>hi</p></foreignObject></svg>",
           "<svg><path d=1><p>breaks out</p></svg>",
           "<svg><path d=1>text</svg>",
           "<svg><path d=1>&nbsp;</svg>",
           "<svg><![CDATA[x]]><path d=1></svg>",
           "<svg><path class=\"h-card\" d=1></svg>",
           "<svg><g class=\"p-name u-url\"><path d=1></g></svg>",
           "<svg><path role=img d=1></svg>",
           "<svg><path itemprop=image d=1></svg>",
           "<svg><!--><text>a</text><!-- b --></svg>",
           "<svg><!--->x--><path d=1></svg>",
           "<svg><style>.a{}</style><path d=1></svg>",
           "<svg><script>1</script></svg>",
           "<svg><svg/><path d=1></svg>",
           "<svg><path d=1>",  // never ends
           "<!-- <svg><path d=1></svg> -->",
           "<div title=\"<svg><path d=1></svg>\"></div>",
           "<svg/><path d=1></svg>",
       }) {
    INFO(kept);
    CHECK(svg_spans(kept).empty());
  }
  // Only attribute names and class values count: path data may say "h-2" or "role".
  CHECK(svg_spans("<svg><path class=\"icon\" d=\"M0 0h-2v3 role itemprop\"/></svg>").size() == 1);
  CHECK(svg_spans("<svg><path CLASS='x H-Card' d=1></svg>").empty());
  // A nested svg counts its own end tag; a script that may hide "</script>" ends the scan.
  CHECK(svg_spans("<svg><svg><path d=1></svg><rect/></svg>").size() == 4);
  CHECK(svg_spans("<script><!--<script></script><svg><path d=1></svg>").empty());
}

TEST_CASE("unread markup is found by tag names read as the tokenizer reads them", "[html]") {
  HtmlLimits limits;
  limits.drop_unread_markup = true;
  const MarkupDrops all{.svg_graphics = true, .script_text = true, .style_text = true};
  // "<script.x>", "<style\">", "<svg-x>" name unknown elements whose content is markup, kept whole.
  for (const char* page : {
           "<p><script.x><a href=\"/l\">Hi</a></script></p>",
           "<p><style\"><a href=\"/l\">Hi</a></style></p>",
           "<p><style%><a href=\"/l\">Hi</a></style></p>",
           "<p><svg-x><path d=1></path></svg><a href=\"/l\">Hi</a></p>",
           "<p><svg><path.x d=1></path.x></svg><a href=\"/l\">Hi</a></p>",
       }) {
    INFO(page);
    CHECK(droppable_markup(page, all).empty());
    auto doc = parse_ok(page, limits);
    CHECK(doc.find_first("a").attr_or("href") == "/l");
    CHECK(scan_summary(doc) == scan_summary(parse_ok(page)));
  }
  // Upper case and a '/' right after the name still name the element.
  CHECK(droppable_markup("<SCRIPT/>a()</script><Style\tmedia=x>.a{}</STYLE>", all).size() == 2);
  // The prescan does not take "<script.x>" for a script whose end never comes.
  const HtmlPrescan pre = prescan_html("<script.x><div><div></div></div>");
  CHECK(pre.start_tags == 3);
  CHECK(pre.max_depth == 3);
}

TEST_CASE("the prescan counts only elements that stay open: void, optional-end and raw-text tags do not nest", "[html]") {
  // Every void element, every element whose end tag is optional, and the raw-text elements (their
  // text is stepped over, markup in it included) add nothing to the depth.
  const HtmlPrescan flat = prescan_html(
      "<area><base><br><col><embed><hr><img><input><link><meta><param><source><track><wbr><keygen>"
      "<basefont><bgsound><frame><p><li><dt><dd><tr><td><th><option><optgroup><rb><rp><rt><rtc><tbody>"
      "<thead><tfoot><caption><colgroup><html><head><body></p></li></body>"
      "<script><div><div></script><style><div></style><textarea><div></textarea><title><div></title>"
      "<xmp><div></xmp><iframe><div></iframe><noembed><div></noembed><noframes><div></noframes>");
  CHECK(flat.start_tags == 0);
  CHECK(flat.end_tags == 8);  // the raw-text elements' own end tags
  CHECK(flat.max_depth == 0);
  // Any other name nests, whatever it shares with those: prefixes, longer names, other elements.
  const HtmlPrescan deep = prescan_html(
      "<div><are><brr><colgroupx><plaintex><basefonts><optgroups><section><blockquote><a><x-p>");
  CHECK(deep.start_tags == 11);
  CHECK(deep.max_depth == 11);
  CHECK(prescan_html("<DIV><Br><P><IMG></DIV>").max_depth == 1);  // names are read case-insensitively
  // <plaintext> swallows the rest of the document; a NUL in a name makes it another element (the
  // tokenizer reads U+FFFD there), which nests and is no raw text.
  CHECK(prescan_html("<plaintext><div><div>").start_tags == 0);
  CHECK(prescan_html(std::string("<script\0><div><div>", 19)).max_depth == 3);
  CHECK(prescan_html(std::string("<br\0><div>", 10)).max_depth == 2);
  CHECK_FALSE(is_void_tag(std::string_view("br\0", 3)));
  CHECK(droppable_markup(std::string("<xmp\0><script>a()</script></xmp\0>", 33)).size() == 1);  // the script's code
  for (std::string_view v : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                             "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"})
    CHECK(is_void_tag(v));
  for (std::string_view n : {"", "a", "p", "div", "are", "areas", "basefonts", "plaintext", "script", "template"})
    CHECK_FALSE(is_void_tag(n));
}

// EXPOSCAN_HTML_DIR=<dir> runs the same comparison over another folder of pages (the benchmark
// corpus, a crawl's saved pages).
TEST_CASE("dropping unread markup changes nothing read from the sample pages", "[html]") {
  size_t pages = 0;
  const char* other = std::getenv("EXPOSCAN_HTML_DIR");
  const std::filesystem::path dir = other && *other ? std::filesystem::path(other) : test::source_dir() / "samples";
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    const auto ext = e.path().extension();
    if (!e.is_regular_file() || (ext != ".html" && ext != ".htm")) continue;
    const std::string html = test::read_text(e.path());
    INFO(e.path().string());
    ++pages;
    CHECK(scan_summary(parse_dropping_svg(html)) == scan_summary(parse_ok(html)));
  }
  CHECK(pages > 40);
}

TEST_CASE("the text of scripts run as JavaScript is dropped before gumbo and data blocks keep theirs", "[html]") {
  const auto scripts = [](std::string_view html) {
    std::vector<std::string> out;
    for (const auto& [a, b] : droppable_markup(html, {.svg_graphics = false, .script_text = true, .style_text = false}))
      out.emplace_back(html.substr(a, b - a));
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(scripts("<script>a()</script><script src=x.js></script><script type=module>b()</script>") == V{"a()", "b()"});
  CHECK(scripts("<script type=\" Text/JavaScript \">c()</script><script type=''>d()</script>") == V{"c()", "d()"});
  CHECK(scripts("<script language=javascript type=\"application/x-javascript\">e</script>") == V{"e"});
  for (const char* kept : {
           "<script type=\"application/ld+json\">{\"@type\":\"Person\"}</script>",
           "<script type=application/json>{}</script>",
           "<script type=\"text/x-template\"><p>{{x}}</p></script>",
           "<script type=\"text&#47;javascript\">f()</script>",
           "<script type=\"text/javascript; charset=utf-8\">g()</script>",
           "<svg><script>h()</script></svg>",
           "<svg><title>t</title><script>h()</script></svg>",
           "<math><script>i()</script></math>",
           "<svg><text>t</text></math><script>i()</script></svg>",
           "<script><!--<script></script>--></script><script>j()</script>",
           "<textarea><script>k()</script></textarea>",
           "<!-- <script>l()</script> -->",
           "<script>m()",
       }) {
    INFO(kept);
    CHECK(scripts(kept).empty());
  }
  // Every stylesheet outside svg and math, head or body (CSS-in-JS pages put them in the body).
  const std::string styled = "<head><style>.a{}</style></head><body><p class=e-content><style>.b{}</style>x</p>"
                             "<svg><style>.c{}</style><text>t</text></svg><style media=print>.d{}</style></body>";
  std::vector<std::string> styles;
  for (const auto& [a, b] : droppable_markup(styled, {.svg_graphics = false, .script_text = false, .style_text = true}))
    styles.push_back(styled.substr(a, b - a));
  CHECK(styles == V{".a{}", ".b{}", ".d{}"});
  // After an svg or math closes, scripts are raw text again; the first duplicate type counts.
  CHECK(scripts("<svg><text>x</text></svg><script>n()</script>") == V{"n()"});
  CHECK(scripts("<script type=application/json type=text/javascript>{}</script>").empty());

  const std::string page =
      "<html><head><script>window.__CONFIG__={\"a\":1};</script>"
      "<script type=\"application/ld+json\">{\"@type\":\"Person\",\"name\":\"Jane\"}</script></head>"
      "<body><p>Hi<script>document.write('<b>x</b>')</script></p><script type=application/json id=d>{\"b\":2}</script></body></html>";
  HtmlLimits limits;
  limits.drop_unread_markup = true;
  auto lean = HtmlDocument::parse(page, limits);
  auto full = HtmlDocument::parse(page);
  REQUIRE(lean);
  REQUIRE(full);
  CHECK(scan_summary(*lean) == scan_summary(*full));
  const auto s = lean->find_all("script");
  REQUIRE(s.size() == 4);
  CHECK_FALSE(s[0].first_child());
  CHECK(s[1].first_child().text() == "{\"@type\":\"Person\",\"name\":\"Jane\"}");
  CHECK_FALSE(s[2].first_child());
  CHECK(s[3].first_child().text() == "{\"b\":2}");
  CHECK(full->find_all("script")[0].first_child().text() == "window.__CONFIG__={\"a\":1};");
}
