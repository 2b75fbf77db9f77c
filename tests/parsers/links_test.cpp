#include <catch2/catch.hpp>

#include "parsers/links.h"

using namespace exposcan;

namespace {
PageLinks links_of(std::string_view html, std::string_view url = "https://jane.example.org/about/") {
  auto doc = HtmlDocument::parse(html);
  REQUIRE(doc);
  return extract_links(scan_html(*doc), doc->base_url(url));
}
}  // namespace

TEST_CASE("links: anchors resolved, feeds, rel=me, next and sitemaps classified", "[links]") {
  auto l = links_of(R"(<head>
      <link rel="alternate" type="application/rss+xml" href="/feed.xml" title="RSS">
      <link rel="alternate" type="application/atom+xml" href="atom.xml">
      <link rel="alternate" hreflang="fr" href="/fr/">
      <link rel="me" href="https://social.example/@jane">
      <link rel="sitemap" type="application/xml" href="/sitemap.xml">
      <link rel="next" href="?page=2"></head><body>
      <a href="posts/1.html" rel="bookmark">First <b>post</b></a>
      <a href="https://code.example/jane" rel="me noopener">code</a>
      <a href="#top">top</a><a href="javascript:void 0">js</a><a href="posts/1.html">dup</a>
      <a href="/sitemap_index.xml">map</a><a href="mailto:jane@example.org">mail</a></body>)");
  REQUIRE(l.feeds.size() == 2);
  CHECK(l.feeds[0].url == "https://jane.example.org/feed.xml");
  CHECK(l.feeds[0].title == "RSS");
  CHECK(l.feeds[1].url == "https://jane.example.org/about/atom.xml");
  REQUIRE(l.rel_me.size() == 2);
  CHECK(l.rel_me[1].url == "https://code.example/jane");
  CHECK(l.rel_me[1].rel == "me noopener");
  REQUIRE(l.next.size() == 1);
  CHECK(l.next[0].url == "https://jane.example.org/about/?page=2");
  REQUIRE(l.sitemaps.size() == 2);
  CHECK(l.sitemaps[1].url == "https://jane.example.org/sitemap_index.xml");
  REQUIRE(l.anchors.size() == 4);  // fragment-only, javascript: and the duplicate are dropped
  CHECK(l.anchors[0].url == "https://jane.example.org/about/posts/1.html");
  CHECK(l.anchors[0].text == "First post");
  CHECK(l.anchors[3].url == "mailto:jane@example.org");
}

TEST_CASE("links: images with alt, srcset and picture sources", "[links]") {
  auto l = links_of(R"(<img src="a.jpg" alt="Cat on a sofa"><img srcset="b-1x.jpg 1x, b-2x.jpg 2x">
      <picture><source srcset="c.webp 1x"><img alt="From picture"></picture><img src="a.jpg"><img alt="no source">
      <img data-src="lazy.jpg" alt="">)");
  REQUIRE(l.images.size() == 4);
  CHECK(l.images[0].url == "https://jane.example.org/about/a.jpg");
  CHECK(l.images[0].alt == "Cat on a sofa");
  CHECK(l.images[1].url == "https://jane.example.org/about/b-1x.jpg");
  CHECK_FALSE(l.images[1].has_alt);
  CHECK(l.images[2].url == "https://jane.example.org/about/c.webp");
  CHECK(l.images[2].alt == "From picture");
  CHECK(l.images[3].url == "https://jane.example.org/about/lazy.jpg");
  CHECK(l.images[3].has_alt);
}

TEST_CASE("links: rel tokens are whole words separated by any ASCII whitespace", "[links]") {
  CHECK(has_rel("me nofollow", "me"));
  CHECK(has_rel("nofollow\tME", "me"));
  CHECK(has_rel("\n alternate \r\n", "alternate"));
  CHECK_FALSE(has_rel("author", "me"));
  CHECK_FALSE(has_rel("me-too", "me"));
  CHECK_FALSE(has_rel("", "me"));
  // A rel=me written over lines still names the profile.
  auto l = links_of(R"(<a rel="nofollow
      me" href="https://social.example/@jane">Jane</a>)");
  REQUIRE(l.rel_me.size() == 1);
  CHECK(l.rel_me[0].url == "https://social.example/@jane");
}
