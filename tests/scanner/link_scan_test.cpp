// scanner/link_scan: the tree-less link scanner (--fetch-only) and sitemap reading.
#include <catch2/catch.hpp>

#include <algorithm>

#include "samples/server/http_util.h"
#include "scanner/link_scan.h"

using namespace exposcan;

namespace {

NormalUrl base(std::string_view url = "https://jane.example/posts/index.html") { return *normalize_http_url(url); }

std::vector<std::string> urls(const std::vector<LinkCandidate>& links, std::string_view kind = {}) {
  std::vector<std::string> out;
  for (const auto& l : links)
    if (kind.empty() || l.kind == kind) out.push_back(l.url);
  return out;
}

}  // namespace

TEST_CASE("link_scan: anchors resolve and every kind is named", "[link_scan]") {
  const std::string html = R"(<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/style.css"><link rel="icon" href="/favicon.svg">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="me" href="https://mastodon.social/@janeexample">
<link rel="next" href="?page=2"><link rel="sitemap" href="/sitemap.xml">
</head><body>
<a href="hello/">Hello</a> <A HREF='/Upper'>upper</A> <a href=bare.html>bare</a>
<a href="/q?a=1&amp;b=2">amp</a> <a href="#top">self</a> <a href="mailto:jane@example.org">mail</a>
<a rel="me noopener" href="https://www.instagram.com/janeexample/">ig</a>
<area href="/map"> <iframe src="/embed"></iframe> <a name="no-href">x</a>
</body></html>)";
  auto links = html_links(html, base());
  CHECK(urls(links, "anchor") ==
        std::vector<std::string>{"https://jane.example/posts/hello/", "https://jane.example/Upper",
                                 "https://jane.example/posts/bare.html", "https://jane.example/q?a=1&b=2",
                                 "https://jane.example/map", "https://jane.example/embed"});
  CHECK(urls(links, "feed") == std::vector<std::string>{"https://jane.example/feed.xml"});
  CHECK(urls(links, "rel_me") == std::vector<std::string>{"https://mastodon.social/@janeexample",
                                                          "https://www.instagram.com/janeexample/"});
  CHECK(urls(links, "next") == std::vector<std::string>{"https://jane.example/posts/index.html?page=2"});
  CHECK(urls(links, "sitemap") == std::vector<std::string>{"https://jane.example/sitemap.xml"});
  CHECK(links.size() == 11);  // stylesheet, icon, #top and mailto: are not followed
}

TEST_CASE("link_scan: comments and raw text are skipped and quoted '>' does not end a tag", "[link_scan]") {
  const std::string html = R"(<p>
<!-- <a href="/commented">no</a> -->
<script>var s = '<a href="/in-script">no</a>'; if (a < b) {}</script>
<style>a[href="/in-style"] {}</style><title><a href="/in-title"></title>
<textarea><a href="/in-textarea"></textarea>
<div data-x="a > b" class='c>d'><a href="/after-div">yes</a></div>
<SCRIPT type="text/x">"<a href='/in-upper-script'>"</SCRIPT ><a href="/after-script">yes</a>
<svg><a href="/in-svg">svg links count</a></svg>
)";
  CHECK(urls(html_links(html, base())) ==
        std::vector<std::string>{"https://jane.example/after-div", "https://jane.example/after-script",
                                 "https://jane.example/in-svg"});
}

TEST_CASE("link_scan: the first base href sets the base", "[link_scan]") {
  const std::string html = R"(<base href="https://cdn.example.net/root/"><base href="/ignored/">
<a href="x.html">x</a><a href="/abs">abs</a>)";
  CHECK(urls(html_links(html, base())) ==
        std::vector<std::string>{"https://cdn.example.net/root/x.html", "https://cdn.example.net/abs"});
}

TEST_CASE("link_scan: character references in href values are decoded", "[link_scan]") {
  CHECK(decode_char_refs("/a?b=1&amp;c=2&#38;d=3&#x26;e&lt;&gt;&quot;&apos;") == "/a?b=1&c=2&d=3&e<>\"'");
  CHECK(decode_char_refs("&#233;&#x1F600;") == "\xC3\xA9\xF0\x9F\x98\x80");
  CHECK(decode_char_refs("&unknown; & &#xZZ; &#99999999;") == "&unknown; & &#xZZ; &#99999999;");
}

TEST_CASE("link_scan: truncated markup ends the scan without reading past the end", "[link_scan]") {
  for (std::string_view html : {"<a href=\"/x", "<a href='/x' ", "<!-- open", "<script>", "<", "<a", "<a href="})
    CHECK(html_links(html, base()).empty());
}

TEST_CASE("link_scan: sitemaps and sitemap indexes", "[link_scan][sitemap]") {
  const std::string urlset = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- generated -->\n"
                             "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                             "<url><loc> https://jane.example/a </loc></url>"
                             "<url><loc><![CDATA[https://jane.example/b?x=1&y=2]]></loc></url>"
                             "<url><loc>https://jane.example/c?x=1&amp;y=2</loc></url></urlset>";
  REQUIRE(is_sitemap(urlset));
  auto links = sitemap_links(urlset, base("https://jane.example/sitemap.xml"));
  CHECK(urls(links, "anchor") == std::vector<std::string>{"https://jane.example/a", "https://jane.example/b?x=1&y=2",
                                                          "https://jane.example/c?x=1&y=2"});
  CHECK(sitemap_links(urlset, base("https://jane.example/sitemap.xml"), 2).size() == 2);

  const std::string index = "<sitemapindex><sitemap><loc>/s1.xml.gz</loc></sitemap></sitemapindex>";
  REQUIRE(is_sitemap(index));
  CHECK(urls(sitemap_links(index, base("https://jane.example/index.xml")), "sitemap") ==
        std::vector<std::string>{"https://jane.example/s1.xml.gz"});

  CHECK_FALSE(is_sitemap("<rss version=\"2.0\"><channel><link>https://jane.example/</link></channel></rss>"));
  CHECK_FALSE(is_sitemap("<html><body>urlset</body></html>"));
}

TEST_CASE("link_scan: gzip bodies inflate up to the cap", "[link_scan][sitemap]") {
  std::string big(100'000, 'x');
  auto z = samples::server::gzip_compress(big);
  auto whole = gunzip_capped(z, 1 << 20);
  REQUIRE(whole);
  CHECK(*whole == big);
  auto cut = gunzip_capped(z, 1000);
  REQUIRE(cut);
  CHECK(cut->size() == 1000);
  CHECK_FALSE(gunzip_capped("<urlset/>", 1000));
  CHECK_FALSE(gunzip_capped(std::string("\x1f\x8b garbage", 10), 1000));
}
