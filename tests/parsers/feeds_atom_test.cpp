// Atom 1.0 (RFC 4287) and Atom 0.3 feeds and entry documents (parsers/feeds_atom.cpp).
#include <catch2/catch.hpp>

#include <algorithm>

#include "parsers/feeds.h"
#include "parsers/registry.h"
#include "tests/parsers/sample_pages.h"

using namespace exposcan;
using test::feed_page;

TEST_CASE("feeds: Atom with YouTube media groups becomes video items", "[feeds]") {
  ParseOutput out = parse_page(feed_page("https://www.youtube.com/feeds/videos.xml?channel_id=UCj4n3Ex4mpl3Spr1ngf1eld0",
                                         test::read_text(test::source_dir() / "samples/sites/www.youtube.com/_videos.xml"), "text/xml"));
  REQUIRE(out.items.size() == 2);
  CHECK(out.items[0].id == "youtube:video:Ink0ctober5h");
  CHECK(out.items[0].kind == ItemKind::video);
  CHECK(out.items[1].text.find("jane@example.org") != std::string::npos);
  CHECK(out.items[0].text.find("jane@example.org") == std::string::npos);
  CHECK(out.items[1].author.name == "Jane Example");
}

TEST_CASE("feeds: Atom xhtml content and relative links", "[feeds]") {
  ParseOutput out = parse_feed(feed_page("https://blog.example.net/atom.xml", R"(<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><author><name>Jane Example</name></author>
<entry><id>tag:blog.example.net,2026:1</id><title type="html">A &lt;em&gt;title&lt;/em&gt;</title>
<link href="/2026/hello"/><updated>2026-01-02T03:04:05+01:00</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>there</b>, <img src="/a.png" alt="a cat"/></p></div></content></entry>
<link rel="next" href="/atom.xml?page=2"/></feed>)", "application/atom+xml"));
  REQUIRE(out.items.size() == 1);
  const Item& it = out.items[0];
  CHECK(it.title == "A title");
  CHECK(it.url == "https://blog.example.net/2026/hello");
  CHECK(it.text == "Hello there,");
  REQUIRE(it.media.size() == 1);
  CHECK(it.media[0].url == "https://blog.example.net/a.png");
  CHECK(it.media[0].alt == "a cat");
  CHECK(it.author.name == "Jane Example");
  CHECK(format_rfc3339(*it.published_at) == "2026-01-02T02:04:05Z");
  REQUIRE(out.links.size() >= 2);
  bool next = false;
  for (const auto& l : out.links) next = next || (l.kind == "next" && l.url == "https://blog.example.net/atom.xml?page=2");
  CHECK(next);
}

TEST_CASE("feeds: Atom xml:base and source authors", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://planet.example.org/atom.xml", R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.net/jane/">
<title>Planet</title><author><name>Planet Example</name></author>
<entry xml:base="posts/"><title>Relative</title><id>tag:example.net,2024:1</id><link href="first.html"/>
<content type="html">&lt;img src="pic.jpg" alt="Jane portrait"&gt;</content><author><name>Jane Example</name></author></entry>
<entry><title>Syndicated</title><id>tag:example.net,2024:2</id><link href="https://jane.example.net/post-2"/>
<source><title>Jane's blog</title><author><name>Jane Example</name><uri>https://jane.example.net/</uri></author></source></entry>
<entry><title>Planet's own</title><id>tag:example.net,2024:3</id><link href="own.html"/></entry>
</feed>)", "application/atom+xml"));
  REQUIRE(out.items.size() == 3);
  CHECK(out.items[0].url == "https://blog.example.net/jane/posts/first.html");
  REQUIRE_FALSE(out.items[0].media.empty());
  CHECK(out.items[0].media[0].url == "https://blog.example.net/jane/posts/pic.jpg");
  CHECK(out.items[1].author.name == "Jane Example");
  CHECK(out.items[1].author.url == "https://jane.example.net/");
  // the entry's xml:base does not leak into the next entry; the feed's still applies
  CHECK(out.items[2].url == "https://blog.example.net/jane/own.html");
  CHECK(out.items[2].author.name == "Planet Example");
}

TEST_CASE("feeds: Atom 0.3 reads as Atom 1.0", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://jane.example/old/atom.xml",
                                         test::read_text(test::source_dir() / "samples/sites/jane.example/_atom03.xml"),
                                         "application/atom+xml"));
  CHECK(out.errors.empty());
  REQUIRE(out.items.size() == 2);
  // Escaped text/html content, issued as the publication date, the feed's author with url as uri.
  const Item& moving = out.items[0];
  CHECK(moving.title == "Moving house");
  CHECK(moving.url == "https://jane.example/old/2009/02/moving-house.html");
  CHECK(moving.text.find("New number: +1 555 0134.") != std::string::npos);
  CHECK(moving.text.find("&lt;") == std::string::npos);
  REQUIRE(moving.published_at);
  CHECK(format_rfc3339(*moving.published_at) == "2009-02-27T17:30:00Z");
  REQUIRE(moving.updated_at);
  CHECK(format_rfc3339(*moving.updated_at) == "2009-02-28T09:00:00Z");
  CHECK(moving.author.name == "Jane Example");
  CHECK(moving.author.url == "https://jane.example/");
  REQUIRE(moving.media.size() == 1);
  CHECK(moving.media[0].url == "https://jane.example/old/2009/02/boxes.jpg");
  CHECK(moving.media[0].alt == "Jane Example among moving boxes");
  // Inline XHTML content (mode xml), created standing in for issued, a base64 summary; no personal data.
  const Item& sketches = out.items[1];
  CHECK(sketches.text == "Three quick sketches of the river, with a water brush.");
  REQUIRE(sketches.published_at);
  CHECK(format_rfc3339(*sketches.published_at) == "2008-11-02T12:00:00Z");
  const auto summary = std::find_if(sketches.fields.begin(), sketches.fields.end(), [](const auto& f) { return f.first == "summary"; });
  REQUIRE(summary != sketches.fields.end());
  CHECK(summary->second == "Three quick sketches of the river.");  // decoded from base64

  // Text constructs: mode escaped text/plain stays text; base64 of a binary type is not text;
  // undecodable base64 is recorded.
  ParseOutput modes = parse_page(feed_page("https://example.org/a03.xml", R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title>
<entry><title>a</title><link rel="alternate" href="https://example.org/03/1"/><content mode="escaped">1 &amp;lt; 2</content></entry>
<entry><title>b</title><link rel="alternate" href="https://example.org/03/2"/><content type="image/png" mode="base64">iVBORw0KGgo=</content></entry>
<entry><title>c</title><link rel="alternate" href="https://example.org/03/3"/><content type="text/html" mode="base64">not base64!</content></entry>
</feed>)", "application/atom+xml"));
  REQUIRE(modes.items.size() == 3);
  CHECK(modes.items[0].text == "1 &lt; 2");
  CHECK(modes.items[1].text == "b");
  CHECK(modes.items[2].text == "c");
  REQUIRE(modes.errors.size() == 1);
  CHECK(modes.errors[0] == "atom 0.3: undecodable base64 content");
}

TEST_CASE("feeds: Atom xhtml content written with a namespace prefix keeps its images and links", "[feeds][spec]") {
  // RFC 4287 §3.1.1.3: the xhtml div may use any prefix bound to the XHTML namespace.
  ParseOutput out = parse_page(feed_page("https://jane.example.org/atom.xml", R"(<feed xmlns="http://www.w3.org/2005/Atom" xmlns:xhtml="http://www.w3.org/1999/xhtml">
<title>t</title><entry><title>Beach</title><id>urn:x:1</id><link href="https://jane.example.org/beach"/>
<content type="xhtml"><xhtml:div><xhtml:p>At the beach <xhtml:a href="https://jane.example.org/album">album</xhtml:a></xhtml:p>
<xhtml:img src="https://jane.example.org/me.jpg" alt="Me at the beach"/></xhtml:div></content></entry></feed>)", "application/atom+xml"));
  REQUIRE(out.items.size() == 1);
  const Item& it = out.items[0];
  CHECK(it.text == "At the beach album");
  REQUIRE(it.media.size() == 1);
  CHECK(it.media[0].alt == "Me at the beach");
  CHECK(it.links == std::vector<std::string>{"https://jane.example.org/album"});
}

TEST_CASE("feeds: Atom bases in scope, IANA relation IRIs and the page among alternates", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://example.org/feed.xml", R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/">
<entry><id>urn:1</id><title>Elsewhere</title><link href="http://elsewhere.example/a/b/post-5"/>
<content type="html">&lt;img src="img/5.png" alt="five"&gt;</content></entry>
<entry><id>urn:2</id><title>Own bases</title><link xml:base="http://other.example/x/" href="post-3"/>
<content type="xhtml" xml:base="http://cdn.example/media/"><div xmlns="http://www.w3.org/1999/xhtml"><img src="pic.png" alt="pic"/></div></content></entry>
<entry><id>urn:3</id><title>IRI</title><link rel="http://www.iana.org/assignments/relation/alternate" href="/posts/3"/></entry>
<entry><id>urn:4</id><title>PDF first</title><link rel="alternate" type="application/pdf" href="4.pdf"/>
<link rel="alternate" type="text/html" href="4.html"/><link rel="alternate" href="4-other.html"/></entry>
<entry><id>urn:5</id><title>Only a PDF</title><link rel="alternate" type="application/pdf" href="5.pdf"/></entry>
<link rel="http://www.iana.org/assignments/relation/next" href="?page=2"/>
</feed>)", "application/atom+xml"));
  REQUIRE(out.items.size() == 5);
  CHECK(out.items[0].url == "http://elsewhere.example/a/b/post-5");
  REQUIRE(out.items[0].media.size() == 1);
  CHECK(out.items[0].media[0].url == "http://example.org/blog/img/5.png");  // the base, not the link
  CHECK(out.items[1].url == "http://other.example/x/post-3");
  REQUIRE(out.items[1].media.size() == 1);
  CHECK(out.items[1].media[0].url == "http://cdn.example/media/pic.png");
  CHECK(out.items[2].url == "http://example.org/posts/3");
  CHECK(out.items[3].url == "http://example.org/blog/4.html");
  CHECK(out.items[4].url == "http://example.org/blog/5.pdf");
  CHECK(std::any_of(out.links.begin(), out.links.end(),
                    [](const DiscoveredLink& l) { return l.rel == "next" && l.url == "http://example.org/blog/?page=2"; }));
}

TEST_CASE("feeds: Atom content media types, CDATA in xhtml, dates and category terms", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://example.org/feed.xml", R"(<feed xmlns="http://www.w3.org/2005/Atom">
<entry><id>urn:1</id><title>cdata</title><updated>2024-01-02T00:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Before <![CDATA[cdata <i>text</i> & kept]]> after</p></div></content></entry>
<entry><id>urn:2</id><title>xml type</title><updated>2024-01-02T00:00:00Z</updated>
<content type="application/xhtml+xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The real body text</p><img src="x.png" alt="x"/></div></content></entry>
<entry><id>urn:3</id><title>other xml</title><updated>2024-01-02T00:00:00Z</updated>
<content type="application/vnd.example+xml"><note xmlns="urn:n"><body>Structured text</body></note></content></entry>
<entry><id>urn:4</id><title>base64</title><updated>2024-01-02T00:00:00Z</updated><content type="image/png">iVBORw0KGgo=</content></entry>
<entry><id>urn:5</id><title>bad date</title><published>yesterday</published><updated>2020-01-01T00:00:00Z</updated>
<category term="dogs" label="Dogs &amp; Puppies"/></entry>
<entry><id>urn:6</id><title>leap</title><published>2016-12-31T23:59:60Z</published><updated>2020-01-01T00:00:00Z</updated></entry>
<entry><id>urn:7</id><title>only updated</title><updated>2020-01-01T00:00:00Z</updated></entry>
</feed>)", "application/atom+xml"));
  REQUIRE(out.items.size() == 7);
  CHECK(out.items[0].text == "Before cdata <i>text</i> & kept after");
  CHECK(out.items[1].text == "The real body text");
  REQUIRE(out.items[1].media.size() == 1);
  CHECK(out.items[1].media[0].url == "https://example.org/x.png");
  CHECK(out.items[2].text == "Structured text");
  CHECK(out.items[3].text == "base64");  // Base64 content is no text: the title stands in
  CHECK_FALSE(out.items[4].published_at);  // present but unreadable: not replaced by <updated>
  CHECK(std::find(out.errors.begin(), out.errors.end(), "atom: unreadable published date 'yesterday'") != out.errors.end());
  CHECK(out.items[4].tags == std::vector<std::string>{"dogs"});
  REQUIRE(out.items[5].published_at);
  CHECK(format_rfc3339(*out.items[5].published_at) == "2016-12-31T23:59:59Z");
  REQUIRE(out.items[6].published_at);
  CHECK(format_rfc3339(*out.items[6].published_at) == "2020-01-01T00:00:00Z");
}

TEST_CASE("feeds: an Atom entry document is one entry", "[feeds][spec]") {
  const std::string doc = R"(<?xml version="1.0"?><entry xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/">
    <title>Only entry</title><id>tag:blog.example.org,2026:7</id><link href="posts/7"/>
    <author><name>Jane Example</name></author><updated>2026-02-03T04:05:06Z</updated><content>Hello</content></entry>)";
  CHECK(sniff_feed(doc) == FeedFormat::atom);
  CHECK(sniff_feed("<entry><title>x</title></entry>") == FeedFormat::none);
  ParseOutput out = parse_page(feed_page("https://blog.example.org/entry.xml", doc, "application/atom+xml"));
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].url == "https://blog.example.org/posts/7");
  CHECK(out.items[0].author.name == "Jane Example");
  CHECK(out.items[0].text == "Hello");
}

TEST_CASE("feeds: an Atom author uri resolves against xml:base and url stands in for it", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://blog.example.org/atom.xml", R"(<feed xmlns="http://www.w3.org/2005/Atom"
    xml:base="https://www.example.net/"><title>B</title>
    <entry><title>A</title><link href="1"/><author><name>Jane Example</name><uri>people/jane</uri></author></entry>
    <entry><title>B</title><link href="2"/><author><name>John Example</name><url>https://john.example.org/</url></author></entry>
    </feed>)", "application/atom+xml"));
  REQUIRE(out.items.size() == 2);
  CHECK(out.items[0].author.url == "https://www.example.net/people/jane");
  CHECK(out.items[1].author.url == "https://john.example.org/");
}

TEST_CASE("feeds: an Atom link with its address as content is read", "[feeds][robustness]") {
  ParseOutput out = parse_page(feed_page("https://blog.example.org/atom.xml", R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>B</title>
    <entry><title>A</title><link rel="enclosure" type="text/html">https://blog.example.org/enclosure</link>
      <link rel="alternate" type="text/html">https://blog.example.org/posts/1</link></entry>
    </feed>)", "application/atom+xml"));
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].url == "https://blog.example.org/posts/1");
}
