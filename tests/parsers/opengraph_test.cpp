#include <catch2/catch.hpp>

#include "parsers/html_scan.h"
#include "parsers/opengraph.h"

using namespace exposcan;

namespace {
OpenGraph og_of(std::string_view html) {
  auto doc = HtmlDocument::parse(html);
  REQUIRE(doc);
  return extract_opengraph(scan_html(*doc));
}
}  // namespace

TEST_CASE("OpenGraph and Twitter metadata form an ordered multimap", "[opengraph]") {
  auto og = og_of(R"(<head>
    <meta property="og:title" content=" Jane's trip ">
    <meta property="OG:Type" content="article">
    <meta property="og:url" content="https://blog.example.org/trip">
    <meta property="og:image" content="https://blog.example.org/1.jpg">
    <meta property="og:image:alt" content="A lake at dawn">
    <meta property="og:image" content="https://blog.example.org/2.jpg">
    <meta property="og:image:secure_url" content="https://blog.example.org/2.jpg">
    <meta property="article:published_time" content="2024-05-01T10:00:00+02:00">
    <meta property="profile:username" content="janeexample">
    <meta name="twitter:card" content="summary">
    <meta name="twitter:creator" content="@janeexample">
    <meta name="description" content="not opengraph">
  </head>)");
  CHECK(og.first("og:title") == "Jane's trip");
  CHECK(og.first("og:type") == "article");
  CHECK(og.first("og:url") == "https://blog.example.org/trip");
  CHECK(og.first("article:published_time") == "2024-05-01T10:00:00+02:00");
  CHECK(og.first("profile:username") == "janeexample");
  CHECK(og.first("twitter:creator") == "@janeexample");
  CHECK(og.all("og:image").size() == 2);
  CHECK(og.first("description").empty());
  auto images = og.images();
  REQUIRE(images.size() == 2);
  CHECK(images[0].url == "https://blog.example.org/1.jpg");
  CHECK(images[0].alt == "A lake at dawn");
  CHECK(images[1].url == "https://blog.example.org/2.jpg");
  CHECK(images[1].alt.empty());
  CHECK(og.title() == "Jane's trip");
}

TEST_CASE("Twitter card images are used when there is no og:image", "[opengraph]") {
  auto og = og_of(R"(<meta name="twitter:title" content="T"><meta name="twitter:image" content="https://example.org/t.png">
    <meta name="twitter:image:alt" content="Portrait">)");
  REQUIRE(og.images().size() == 1);
  CHECK(og.images()[0].alt == "Portrait");
  CHECK(og.title() == "T");
  CHECK(og_of("<p>none</p>").empty());
}
