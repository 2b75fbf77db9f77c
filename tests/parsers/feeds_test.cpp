// Feeds (parsers/feeds*.cpp): format detection, RSS 2.0/0.9x/1.0, JSON Feed, Media RSS, dates and
// authors, robustness. Atom alone: feeds_atom_test.cpp.
#include <catch2/catch.hpp>

#include <algorithm>

#include "parsers/feeds.h"
#include "parsers/registry.h"
#include "tests/parsers/sample_pages.h"

using namespace exposcan;
using test::feed_page;

TEST_CASE("feeds: format detection sniffs the body", "[feeds]") {
  CHECK(sniff_feed("\xEF\xBB\xBF<?xml version='1.0'?>\n<!-- c --><rss version='2.0'>") == FeedFormat::rss);
  CHECK(sniff_feed("<feed xmlns='http://www.w3.org/2005/Atom'>") == FeedFormat::atom);
  CHECK(sniff_feed("<rdf:RDF xmlns:rdf='x'>") == FeedFormat::rdf);
  CHECK(sniff_feed(R"({"version": "https://jsonfeed.org/version/1.1", "items": []})") == FeedFormat::json_feed);
  CHECK(sniff_feed("<!DOCTYPE html><html>") == FeedFormat::none);
  CHECK(sniff_feed(R"({"items": []})") == FeedFormat::none);
}

TEST_CASE("feeds: RSS 2.0 content:encoded / dc:creator / media RSS and GeoRSS", "[feeds]") {
  ParseOutput out = parse_page(feed_page("https://janeexample.wordpress.com/feed/",
                                         test::read_text(test::source_dir() / "samples/sites/janeexample.wordpress.com/_feed.xml")));
  REQUIRE(out.items.size() == 2);
  const Item& hike = out.items[1];
  CHECK(hike.platform == "wordpress");
  CHECK(hike.url == "https://janeexample.wordpress.com/2026/04/13/birthday-hike/");
  CHECK(hike.author.name == "Jane Example");
  CHECK(hike.text.find("born 12 April 1990") != std::string::npos);
  CHECK(hike.text.find("John Example") != std::string::npos);
  REQUIRE_FALSE(hike.media.empty());
  CHECK(hike.media[0].alt == "Jane and John Example at the top of Springfield Ridge");
  REQUIRE(hike.geo);
  CHECK(hike.geo->lat == Approx(39.799));
  CHECK(format_rfc3339(*hike.published_at) == "2026-04-13T08:05:00Z");
  // The other post carries no personal data.
  CHECK(out.items[0].text == "Two brush pens, a water brush and a pad of mixed-media paper. That\u2019s it.");
}

TEST_CASE("feeds: JSON Feed 1.1 items / authors / attachments and next_url", "[feeds]") {
  ParseOutput out = parse_page(feed_page("https://jane.example/feed.json", test::read_text(test::source_dir() / "tests/parsers/fixtures/jane_feed.json"),
                                         "application/feed+json"));
  REQUIRE(out.items.size() == 2);
  const Item& hike = out.items[0];
  CHECK(hike.extractor == "jsonfeed");
  CHECK(hike.title == "Thirty-six, and still climbing");
  CHECK(hike.text.find("12 April 1990") != std::string::npos);
  CHECK(hike.author.name == "Jane Example");
  CHECK(format_rfc3339(*hike.published_at) == "2026-04-12T18:15:00Z");
  REQUIRE(hike.media.size() == 2);
  CHECK(hike.media[0].url == "https://jane.example/media/birthday-hike-summit.jpg");
  CHECK(hike.tags == std::vector<std::string>{"walks", "personal"});
  CHECK(out.items[1].text == "Day five: the water tower.");
  CHECK(out.items[1].author.name == "Jane Example");  // the feed's author
  bool next = false;
  for (const auto& l : out.links) next = next || (l.kind == "next" && l.url == "https://jane.example/feed.json?page=2");
  CHECK(next);
}

TEST_CASE("feeds: RSS 1.0 (RDF) items are siblings of the channel", "[feeds]") {
  ParseOutput out = parse_feed(feed_page("https://old.example.net/index.rdf", R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://old.example.net/"><title>Old</title><link>https://old.example.net/</link></channel>
<item rdf:about="https://old.example.net/1"><title>One</title><link>https://old.example.net/1</link><description>First &lt;b&gt;post&lt;/b&gt;</description><dc:date>2020-05-06T07:08:09Z</dc:date><dc:creator>Jane Example</dc:creator></item>
</rdf:RDF>)", "application/rdf+xml"));
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].text == "First post");
  CHECK(out.items[0].author.name == "Jane Example");
  CHECK(format_rfc3339(*out.items[0].published_at) == "2020-05-06T07:08:09Z");
}

TEST_CASE("feeds: a broken feed keeps what it could read and records the damage", "[feeds][robust]") {
  ParseOutput out = parse_feed(feed_page("https://jane.example/feed.xml",
                                         "<rss version='2.0'><channel><item><title>ok</title><link>https://jane.example/a</link></item><item><title>cut off"));
  REQUIRE(out.items.size() == 2);
  CHECK(out.items[0].title == "ok");
  CHECK(out.items[1].title == "cut off");
  CHECK_FALSE(out.errors.empty());
}

TEST_CASE("feeds: feeds served as text/html or text/plain are still read as feeds", "[feeds][robust]") {
  std::string body = "<?xml version='1.0'?><rss version='2.0'><channel><item><title>x</title><link>https://a.example/x</link></item></channel></rss>";
  for (const char* ct : {"text/html", "text/plain", "application/xml", "application/octet-stream"}) {
    ParseOutput out = parse_page(feed_page("https://a.example/feed", body, ct));
    INFO(ct);
    if (std::string(ct) == "application/octet-stream") CHECK(out.items.empty());
    else CHECK(out.items.size() == 1);
  }
}

TEST_CASE("feeds: a pubDate beyond what a TimePoint holds is no date (fuzz regression)", "[feeds][robust]") {
  ParseOutput out = parse_feed(feed_page("https://jane.example/feed.xml",
                                         "<rss version='2.0'><channel><item><title>x</title><pubDate>Sun, 14 Sep 2442 10:03:27 +0000</pubDate></item>"
                                         "<item><title>y</title><pubDate>1500-01-01T00:00:00Z</pubDate></item></channel></rss>"));
  REQUIRE(out.items.size() == 2);
  CHECK_FALSE(out.items[0].published_at);
  CHECK_FALSE(out.items[1].published_at);
}

TEST_CASE("feeds: entries that share a link stay separate items", "[feeds][spec]") {
  // Podcasts and link blogs point every entry at one page; the guid tells them apart.
  ParseOutput out = parse_page(feed_page("https://example.org/podcast.rss", R"(<rss version="2.0"><channel><title>Show</title>
<item><title>Episode 1</title><link>https://example.org/podcast</link><guid isPermaLink="false">ep-1</guid><description>One</description></item>
<item><title>Episode 2</title><link>https://example.org/podcast</link><guid isPermaLink="false">ep-2</guid><description>Call +1 202-555-0145</description></item>
<item><title>Episode 3</title><link>https://example.org/podcast</link><description>Three</description></item>
</channel></rss>)"));
  REQUIRE(out.items.size() == 3);
  CHECK(out.items[0].id == "https://example.org/podcast");
  CHECK(out.items[1].id == "web:entry:ep-2");
  CHECK(out.items[1].text == "Call +1 202-555-0145");
  CHECK(out.items[2].id == "https://example.org/podcast.rss#2");
  for (const auto& it : out.items) CHECK(it.url == "https://example.org/podcast");
}

TEST_CASE("feeds: RSS description links and tags and unescaped HTML", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://example.org/feed", R"(<rss version="2.0"><channel><title>t</title>
<managingEditor>editor@example.org (Jane Example)</managingEditor>
<item><title>A</title><link>https://example.org/a</link><author>jane@example.org (Jane Example)</author>
<description>&lt;p&gt;See &lt;a href="https://example.net/other"&gt;my other site&lt;/a&gt; and &lt;a rel="tag" href="https://example.org/tag/gardening"&gt;#gardening&lt;/a&gt;&lt;/p&gt;</description></item>
<item><title>B</title><link>https://example.org/b</link><description><p>Hello <b>world</b> from Jane</p></description></item>
</channel></rss>)"));
  REQUIRE(out.items.size() == 2);
  const Item& a = out.items[0];
  CHECK(a.text == "See my other site and #gardening");
  CHECK(std::find(a.links.begin(), a.links.end(), "https://example.net/other") != a.links.end());
  CHECK(std::find(a.tags.begin(), a.tags.end(), "gardening") != a.tags.end());
  // RSS <author> is "email (name)": the name is the author, the address stays on the item
  CHECK(a.author.name == "Jane Example");
  auto email = std::find_if(a.fields.begin(), a.fields.end(), [](const auto& f) { return f.first == "author_email"; });
  REQUIRE(email != a.fields.end());
  CHECK(email->second == "jane@example.org");
  // raw HTML inside <description> (invalid RSS, common in the wild) is read, not dropped
  CHECK(out.items[1].text == "Hello world from Jane");
  // <managingEditor> is the feed's author when an item names none
  CHECK(out.items[1].author.name == "Jane Example");
}

TEST_CASE("feeds: JSON Feed with escaped slashes or its version late in the file is detected", "[feeds][spec]") {
  CHECK(sniff_feed(R"({"version": "https:\/\/jsonfeed.org\/version\/1.1", "items": []})") == FeedFormat::json_feed);
  std::string sorted = R"({"home_page_url": "https://example.org/", "items": [)";
  for (int i = 0; i < 40; ++i)
    sorted += std::string(i ? "," : "") + R"({"id": ")" + std::to_string(i) + R"(", "content_text": ")" + std::string(100, 'x') + R"("})";
  sorted += R"(], "title": "t", "version": "https://jsonfeed.org/version/1.1"})";
  REQUIRE(sorted.size() > 4096);
  CHECK(sniff_feed(sorted) == FeedFormat::json_feed);
  // an XML prolog longer than a few kilobytes
  std::string atom = "<?xml version='1.0'?>\n<!-- " + std::string(5000, 'c') + " -->\n<feed xmlns='http://www.w3.org/2005/Atom'>";
  CHECK(sniff_feed(atom) == FeedFormat::atom);
}

TEST_CASE("feeds: RSS 0.90 and prefixed Atom", "[feeds][spec]") {
  // RSS 0.90: RDF with the Netscape namespace, items beside the channel.
  ParseOutput rss090 = parse_page(feed_page("https://example.org/rss090.xml", R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
<channel><title>Old</title><link>https://example.org/</link><description>d</description></channel>
<item><title>RSS 0.90 item</title><link>https://example.org/090/1</link></item></rdf:RDF>)", "application/xml"));
  REQUIRE(rss090.items.size() == 1);
  CHECK(rss090.items[0].url == "https://example.org/090/1");
  // The namespace prefix is the document's choice.
  CHECK(sniff_feed("<a:feed xmlns:a='http://www.w3.org/2005/Atom'>") == FeedFormat::atom);
  ParseOutput prefixed = parse_page(feed_page("https://example.org/p.xml", R"(<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>t</a:title>
<a:entry><a:title>Prefixed entry</a:title><a:id>urn:x:1</a:id><a:link href="https://example.org/pfx/1"/><a:content>hi</a:content></a:entry></a:feed>)",
                                              "application/xml"));
  REQUIRE(prefixed.items.size() == 1);
  CHECK(prefixed.items[0].url == "https://example.org/pfx/1");
  // A feed-like root in another namespace is not read, and says so.
  ParseOutput other = parse_page(feed_page("https://example.org/o.xml", R"(<feed xmlns="urn:example:not-atom"><entry><title>x</title></entry></feed>)",
                                           "application/atom+xml"));
  CHECK(other.items.empty());
  REQUIRE(other.errors.size() == 1);
  CHECK(other.errors[0].find("feed format not supported (namespace 'urn:example:not-atom'") == 0);
}

TEST_CASE("feeds: RSS dates from DCMI Terms when pubDate and dc:date are absent", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://example.org/t.rss", R"(<rss version="2.0" xmlns:dcterms="http://purl.org/dc/terms/"><channel><title>t</title>
<item><title>a</title><link>https://example.org/t/1</link><dcterms:issued>2024-05-01T10:00:00Z</dcterms:issued><dcterms:modified>2024-05-02T10:00:00Z</dcterms:modified></item>
<item><title>b</title><link>https://example.org/t/2</link><dcterms:created>2024-04-01</dcterms:created></item>
<item><title>c</title><link>https://example.org/t/3</link><pubDate>Wed, 01 May 2024 12:00:00 GMT</pubDate><dcterms:issued>2020-01-01T00:00:00Z</dcterms:issued></item>
</channel></rss>)"));
  REQUIRE(out.items.size() == 3);
  REQUIRE(out.items[0].published_at);
  CHECK(format_rfc3339(*out.items[0].published_at) == "2024-05-01T10:00:00Z");
  REQUIRE(out.items[0].updated_at);
  CHECK(format_rfc3339(*out.items[0].updated_at) == "2024-05-02T10:00:00Z");
  REQUIRE(out.items[1].published_at);
  CHECK(format_rfc3339(*out.items[1].published_at) == "2024-04-01T00:00:00Z");
  REQUIRE(out.items[2].published_at);
  CHECK(format_rfc3339(*out.items[2].published_at) == "2024-05-01T12:00:00Z");  // pubDate first
}

TEST_CASE("feeds: Media RSS html descriptions nested thumbnails and untyped video", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://example.org/m.rss", R"(<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
<item><title>Gallery</title><link>https://example.org/g/1</link><description>gallery</description>
<media:content url="https://example.org/m/b.mp4"><media:description>Clip of John</media:description></media:content>
<media:content url="https://example.org/m/c.jpg" medium="image"><media:description type="html">&lt;b&gt;Jane&lt;/b&gt; on the pier</media:description>
<media:thumbnail url="https://example.org/m/c-thumb.jpg"/></media:content>
</item></channel></rss>)"));
  REQUIRE(out.items.size() == 1);
  const auto& media = out.items[0].media;
  // A picture's thumbnail is the same picture (Mastodon writes one per attachment): not a second one.
  REQUIRE(media.size() == 2);
  CHECK(media[0].type == "video");
  CHECK(media[1].alt == "Jane on the pier");
}

TEST_CASE("feeds: what real generators add that is not the post", "[feeds][spec]") {
  // WordPress: the author's gravatar as media:content, a smiley and a tracking pixel in the content;
  // Mastodon: custom emoji, a content warning before <hr>, media:rating adult; a PDF enclosure.
  ParseOutput out = parse_page(feed_page("https://blog.example.org/feed/", R"rss(<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><managingEditor>jane@example.org (Jane Example)</managingEditor>
<item><title>Lisbon</title><link>https://blog.example.org/lisbon/</link>
<content:encoded><![CDATA[<p>Tram 28 <img class="wp-smiley" src="https://s.w.org/images/core/emoji/smile.png" alt=":)"></p>
<img src="https://blog.example.org/kids.jpg" alt="Kids on the tram"><img src="https://pixel.wp.com/b.gif?host=x" width="1" height="1" alt="">]]></content:encoded>
<media:content url="https://secure.gravatar.com/avatar/abc?s=96" medium="image"><media:title type="html">janedoe</media:title></media:content>
<enclosure url="https://blog.example.org/cv.pdf" type="application/pdf" length="1"/>
</item></channel></rss>)rss"));
  REQUIRE(out.items.size() == 1);
  const Item& post = out.items[0];
  REQUIRE(post.media.size() == 2);
  CHECK(post.media[0].url == "https://blog.example.org/kids.jpg");
  CHECK(post.media[1].type == "file");
  CHECK(test::has_field(post, "author_email", "jane@example.org"));  // the feed's editor wrote it

  ParseOutput masto = parse_page(feed_page("https://social.example.net/@jane.rss", R"(<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Jane Example</title><description>Public posts from @jane@social.example.net</description><link>https://social.example.net/@jane</link>
<item><guid isPermaLink="true">https://social.example.net/@jane/111</guid><link>https://social.example.net/@jane/111</link>
<description>&lt;p&gt;&lt;strong&gt;Content warning:&lt;/strong&gt; health&lt;/p&gt;&lt;hr /&gt;&lt;p&gt;Moved to 12 Main St &lt;img class="emojione custom-emoji" alt=":blobcat:" src="https://social.example.net/emoji/blobcat.png"&gt;&lt;/p&gt;</description>
<media:content url="https://social.example.net/m/a.jpg" type="image/jpeg" medium="image"><media:rating scheme="urn:simple">adult</media:rating>
<media:description type="plain">Front door</media:description><media:thumbnail url="https://social.example.net/m/small/a.jpg"/></media:content>
</item></channel></rss>)"));
  REQUIRE(masto.items.size() == 1);
  const Item& toot = masto.items[0];
  CHECK(toot.platform == "mastodon");
  CHECK(toot.id == "mastodon:social.example.net:status:111");
  CHECK(toot.author.handle == "@jane@social.example.net");
  CHECK(toot.text == "Moved to 12 Main St");
  CHECK(test::has_field(toot, "content_warning", "health"));
  CHECK(test::has_field(toot, "sensitive", "true"));
  REQUIRE(toot.media.size() == 1);
  CHECK(toot.media[0].alt == "Front door");
  // A German server labels it "Inhaltswarnung:"; the <hr> still separates it from the post.
  ParseOutput de = parse_page(feed_page("https://social.example.de/@jana.rss", R"(<rss version="2.0"><channel><title>Jana</title>
<generator>Mastodon v4.3.0</generator><link>https://social.example.de/@jana</link>
<item><link>https://social.example.de/@jana/112</link><description>&lt;p&gt;&lt;strong&gt;Inhaltswarnung:&lt;/strong&gt; Umzug&lt;/p&gt;&lt;hr /&gt;&lt;p&gt;Neue Adresse&lt;/p&gt;</description></item>
</channel></rss>)"));
  REQUIRE(de.items.size() == 1);
  CHECK(de.items[0].text == "Neue Adresse");
  CHECK(test::has_field(de.items[0], "content_warning", "Umzug"));
}

TEST_CASE("feeds: podcast episodes, e-mail addresses and place names", "[feeds][spec]") {
  ParseOutput pod = parse_page(feed_page("https://pod.example.org/feed.xml", R"(<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
 xmlns:georss="http://www.georss.org/georss"><channel><title>Jane Talks</title><itunes:author>Jane Doe</itunes:author>
<itunes:owner><itunes:name>Jane Doe</itunes:name><itunes:email>jane.podcast@example.org</itunes:email></itunes:owner>
<item><title>Episode 12</title><guid isPermaLink="false">ep12</guid><itunes:summary>I talk about the move.</itunes:summary>
<itunes:image href="https://pod.example.org/ep12.jpg"/><georss:featurename>Elm Road, Leeds</georss:featurename></item>
<item><title>Episode 13</title><guid isPermaLink="false">ep13</guid><author>Guest Bob &lt;bob@example.net&gt;</author></item>
</channel></rss>)"));
  REQUIRE(pod.items.size() == 2);
  CHECK(pod.items[0].text == "I talk about the move.");
  CHECK(test::has_field(pod.items[0], "author_email", "jane.podcast@example.org"));
  REQUIRE(pod.items[0].media.size() == 1);
  REQUIRE(pod.items[0].geo);
  CHECK(pod.items[0].geo->name == "Elm Road, Leeds");
  CHECK_FALSE(pod.items[0].geo->lat);
  CHECK(pod.items[1].author.name == "Guest Bob");
  CHECK(test::has_field(pod.items[1], "author_email", "bob@example.net"));

  ParseOutput atom = parse_page(feed_page("https://jane.example.org/atom.xml", R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>Hello</title><id>urn:x:1</id><link href="https://jane.example.org/hello"/><content>hi</content>
<author><name>Jane Doe</name><email>jane@example.org</email></author></entry></feed>)", "application/atom+xml"));
  REQUIRE(atom.items.size() == 1);
  CHECK(test::has_field(atom.items[0], "author_email", "jane@example.org"));
}

TEST_CASE("feeds: itunes author comments and related links", "[feeds][spec]") {
  ParseOutput rss = parse_page(feed_page("https://example.org/pod.rss", R"(<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>t</title>
<item><title>e</title><link>https://example.org/e/1</link><itunes:author>Jane Example</itunes:author><comments>https://example.org/e/1#comments</comments></item>
</channel></rss>)"));
  REQUIRE(rss.items.size() == 1);
  CHECK(rss.items[0].author.name == "Jane Example");
  CHECK(std::find(rss.items[0].links.begin(), rss.items[0].links.end(), "https://example.org/e/1#comments") != rss.items[0].links.end());
  ParseOutput atom = parse_page(feed_page("https://example.org/a.xml", R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>e</title><id>urn:x:1</id><link href="https://example.org/a/1"/><link rel="related" href="https://example.net/source"/><link rel="via" href="/via"/></entry></feed>)",
                                          "application/atom+xml"));
  REQUIRE(atom.items.size() == 1);
  const auto& links = atom.items[0].links;
  CHECK(std::find(links.begin(), links.end(), "https://example.net/source") != links.end());
  CHECK(std::find(links.begin(), links.end(), "https://example.org/via") != links.end());
}

TEST_CASE("feeds: Medium's tracking parameter is not part of an entry's address", "[feeds][spec]") {
  // medium.com/feed/@name and a publication on its own domain (generator Medium).
  ParseOutput own = parse_page(feed_page("https://medium.com/feed/@janeexample", R"(<rss version="2.0"><channel><title>Stories by Jane Example on Medium</title>
<item><title>Seed swap</title><link>https://medium.com/@janeexample/seed-swap-3f2a1b9c?source=rss-a1b2c3d4e5------2</link><guid isPermaLink="false">https://medium.com/p/3f2a1b9c</guid></item>
<item><title>Herons</title><link>https://medium.com/@janeexample/herons-77aa?lang=en&amp;source=rss-a1b2c3d4e5------2</link></item>
</channel></rss>)"));
  REQUIRE(own.items.size() == 2);
  CHECK(own.items[0].url == "https://medium.com/@janeexample/seed-swap-3f2a1b9c");
  CHECK(own.items[0].id == "https://medium.com/@janeexample/seed-swap-3f2a1b9c");
  CHECK(own.items[1].url == "https://medium.com/@janeexample/herons-77aa?lang=en");
  ParseOutput publication = parse_page(feed_page("https://garden.example.org/feed", R"(<rss version="2.0"><channel><title>Garden notes</title><generator>Medium</generator>
<item><title>Beds</title><link>https://garden.example.org/beds-12ab?source=rss----5e6f7a8b9c0d---4</link></item>
</channel></rss>)"));
  REQUIRE(publication.items.size() == 1);
  CHECK(publication.items[0].url == "https://garden.example.org/beds-12ab");
  // Elsewhere a "source" parameter is part of the address.
  ParseOutput other = parse_page(feed_page("https://example.org/feed", R"(<rss version="2.0"><channel><title>t</title>
<item><title>x</title><link>https://example.org/view?source=rss-1</link></item></channel></rss>)"));
  REQUIRE(other.items.size() == 1);
  CHECK(other.items[0].url == "https://example.org/view?source=rss-1");
}

TEST_CASE("feeds: Media RSS descriptions apply to the media in their scope; untyped files by name", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://example.org/feed.rss", R"(<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>t</title><link>https://example.org/</link><description>d</description>
<item><title>Group</title><link>https://example.org/1</link>
<media:group><media:description>A lighthouse at dusk</media:description>
<media:content url="https://example.org/m1-large.jpg" type="image/jpeg"/>
<media:content url="https://example.org/m1-small.jpg" type="image/jpeg"/></media:group></item>
<item><title>Item level</title><link>https://example.org/2</link><media:description>A red bicycle</media:description>
<media:content url="https://example.org/m2.jpg" medium="image"/>
<media:content url="https://example.org/m3.jpg" medium="image"><media:description>Its own</media:description></media:content></item>
<item><title>Podcast</title><link>https://example.org/3</link><enclosure url="https://example.org/x1.mp3" length="10"/></item>
</channel></rss>)"));
  REQUIRE(out.items.size() == 3);
  REQUIRE(out.items[0].media.size() == 2);
  CHECK(out.items[0].media[0].alt == "A lighthouse at dusk");
  CHECK(out.items[0].media[1].alt == "A lighthouse at dusk");
  REQUIRE(out.items[1].media.size() == 2);
  CHECK(out.items[1].media[0].alt == "A red bicycle");
  CHECK(out.items[1].media[1].alt == "Its own");
  REQUIRE(out.items[2].media.size() == 1);
  CHECK(out.items[2].media[0].type == "audio");
}

TEST_CASE("feeds: a JSON Feed without items says so", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://example.org/feed.json",
                                         R"({"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": {}})",
                                         "application/feed+json"));
  CHECK(out.items.empty());
  CHECK(std::find(out.errors.begin(), out.errors.end(), "JSON Feed without an items array (JSON Feed 1.1: required)") !=
        out.errors.end());
}

TEST_CASE("feeds: an unreadable pubDate falls back to dc:date and is recorded", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://example.org/feed.rss", R"(<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>t</title><link>https://example.org/</link><description>d</description>
<item><title>a</title><link>https://example.org/a</link><pubDate>someday</pubDate><dc:date>2024-05-01T10:00:00Z</dc:date></item>
</channel></rss>)"));
  REQUIRE(out.items.size() == 1);
  REQUIRE(out.items[0].published_at);
  CHECK(format_rfc3339(*out.items[0].published_at) == "2024-05-01T10:00:00Z");
  CHECK(std::find(out.errors.begin(), out.errors.end(), "rss: unreadable date 'someday'") != out.errors.end());
}

TEST_CASE("feeds: dc:creator with an RSS author keeps the address; more creators are co-authors", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://example.org/feed.rss", R"(<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>t</title><link>https://example.org/</link><description>d</description>
<item><title>a</title><link>https://example.org/a</link><dc:creator>Jane Example</dc:creator><dc:creator>Bob Example</dc:creator>
<author>jane@example.org (Jane Example)</author></item>
</channel></rss>)"));
  REQUIRE(out.items.size() == 1);
  const Item& it = out.items[0];
  CHECK(it.author.name == "Jane Example");
  CHECK(std::count(it.fields.begin(), it.fields.end(), std::pair<std::string, std::string>{"author_email", "jane@example.org"}) == 1);
  CHECK(std::count(it.fields.begin(), it.fields.end(), std::pair<std::string, std::string>{"co_author", "Bob Example"}) == 1);
}

TEST_CASE("feeds: an entity declared in the feed's DOCTYPE is expanded", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://example.org/feed.rss", R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY company "Example &amp; Sons">]>
<rss version="2.0"><channel><title>t</title><link>https://example.org/</link><description>d</description>
<item><title>Made by &company;</title><link>https://example.org/a</link><description>by &company;</description></item>
</channel></rss>)"));
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].title == "Made by Example & Sons");
  CHECK(out.items[0].text == "by Example & Sons");
}

TEST_CASE("feeds: an absent or empty url names nothing, not the feed", "[feeds][spec]") {
  // Media RSS 1.5.1: a media:content needs a url only when it has a media:player.
  ParseOutput rss = parse_page(feed_page("https://blog.example.org/feed/", R"(<rss version="2.0"
    xmlns:media="http://search.yahoo.com/mrss/"><channel><title>B</title><item><title>Clip</title>
    <link>https://blog.example.org/clip</link><enclosure url="" type="audio/mpeg" length="0"/>
    <media:content medium="video"><media:player url="https://video.example.net/embed/1"/></media:content>
    </item></channel></rss>)"));
  REQUIRE(rss.items.size() == 1);
  for (const auto& m : rss.items[0].media) CHECK(m.url != "https://blog.example.org/feed/");
  CHECK(rss.items[0].media.empty());
  ParseOutput atom = parse_page(feed_page("https://blog.example.org/atom.xml", R"(<feed xmlns="http://www.w3.org/2005/Atom">
    <title>B</title><entry><title>No link</title><id>tag:blog.example.org,2026:1</id><link rel="alternate"/>
    <updated>2026-01-01T00:00:00Z</updated><summary>Text</summary></entry></feed>)", "application/atom+xml"));
  REQUIRE(atom.items.size() == 1);
  CHECK(atom.items[0].url != "https://blog.example.org/atom.xml");
  ParseOutput jf = parse_page(feed_page("https://blog.example.org/feed.json", R"({"version":"https://jsonfeed.org/version/1.1",
    "title":"B","items":[{"id":"1","content_text":"Hi","attachments":[{"mime_type":"image/jpeg"}]}]})", "application/feed+json"));
  REQUIRE(jf.items.size() == 1);
  CHECK(jf.items[0].media.empty());
}

TEST_CASE("feeds: Media RSS under its pre-2008 namespace name is read", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://blog.example.org/feed/", R"(<rss version="2.0"
    xmlns:media="http://search.yahoo.com/mrss"><channel><title>B</title><item><title>Photo</title>
    <link>https://blog.example.org/p</link><media:content url="https://blog.example.org/photo.jpg" medium="image">
    <media:description>A harbour at dusk</media:description></media:content></item></channel></rss>)"));
  REQUIRE(out.items.size() == 1);
  REQUIRE(out.items[0].media.size() == 1);
  CHECK(out.items[0].media[0].url == "https://blog.example.org/photo.jpg");
  CHECK(out.items[0].media[0].alt == "A harbour at dusk");
}

TEST_CASE("feeds: an RSS title is text; inline markup in it is read as markup", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://blog.example.org/feed/", R"(<rss version="2.0"><channel><title>B</title>
    <item><title>Styling the &lt;dialog&gt; element</title><link>https://blog.example.org/1</link></item>
    <item><title>An &lt;em&gt;escaped&lt;/em&gt; emphasis</title><link>https://blog.example.org/2</link></item>
    <item><title>Naked <b>bold</b> title</title><link>https://blog.example.org/3</link></item>
    <item><title>AT&amp;amp;T and
      friends</title><link>https://blog.example.org/4</link></item>
    </channel></rss>)"));
  REQUIRE(out.items.size() == 4);
  CHECK(out.items[0].title == "Styling the <dialog> element");
  CHECK(out.items[1].title == "An escaped emphasis");
  CHECK(out.items[2].title == "Naked bold title");
  CHECK(out.items[3].title == "AT&T and friends");
}

TEST_CASE("feeds: a channel dc:creator that is an address is no name", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://blog.example.org/feed/", R"(<rss version="2.0"
    xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>B</title><dc:creator>jane@example.org</dc:creator>
    <item><title>Post</title><link>https://blog.example.org/1</link></item></channel></rss>)"));
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].author.name.empty());
}

TEST_CASE("feeds: a feed cut at its entry cap says so", "[feeds][robustness]") {
  std::string body = R"(<rss version="2.0"><channel><title>B</title>)";
  for (int i = 0; i < 2001; ++i)
    body += "<item><title>P" + std::to_string(i) + "</title><link>https://blog.example.org/" + std::to_string(i) + "</link></item>";
  body += "</channel></rss>";
  ParseOutput out = parse_page(feed_page("https://blog.example.org/feed/", body));
  CHECK(out.items.size() == 2000);
  bool said = false;
  for (const auto& e : out.errors) said = said || e.find("more than 2000 entries") != std::string::npos;
  CHECK(said);
  body.resize(body.rfind("<item>"));  // exactly 2000: nothing is cut
  out = parse_page(feed_page("https://blog.example.org/feed/", body + "</channel></rss>"));
  CHECK(out.items.size() == 2000);
  for (const auto& e : out.errors) CHECK(e.find("entries; the rest") == std::string::npos);
}

TEST_CASE("feeds: dates with zone forms curl does not read are read in UTC", "[feeds][spec]") {
  const std::pair<const char*, const char*> cases[] = {
      {"Wed, 19 Feb 2025 22:40:00 GMT+0200", "2025-02-19T20:40:00Z"},
      {"Wed, 19 Feb 2025 22:40:00 UTC-01:30", "2025-02-20T00:10:00Z"},
      {"Thu Aug 28 2025 17:26:16 GMT+0200 (Central European Summer Time)", "2025-08-28T15:26:16Z"},
      {"Wed, 19 Feb 2025 22:40:00 Etc/GMT", "2025-02-19T22:40:00Z"},
      {"Mon, 26 January 2004 16:31:00 ET", "2004-01-26T21:31:00Z"},
      {"Mon, 26 January 2004 16:31:00 PT", "2004-01-27T00:31:00Z"},
      {"Tue, 10 Jun 2025 04:00:00 EEST", "2025-06-10T01:00:00Z"},
      {"Tue, 10 Jun 2025 04:00:00 AEST", "2025-06-09T18:00:00Z"},
      {"Wed, 10 Sept 2025 04:00:00 GMT", "2025-09-10T04:00:00Z"},
  };
  for (const auto& [written, utc] : cases) {
    ParseOutput out = parse_page(feed_page("https://blog.example.org/feed/", std::string(R"(<rss version="2.0"><channel><title>B</title>
      <item><title>A</title><link>https://blog.example.org/1</link><pubDate>)") + written + "</pubDate></item></channel></rss>"));
    REQUIRE(out.items.size() == 1);
    INFO(written);
    REQUIRE(out.items[0].published_at);
    CHECK(format_rfc3339(*out.items[0].published_at) == utc);
  }
}

TEST_CASE("feeds: a W3C-DTF date with 61 seconds or a zone after a bare date is unreadable", "[feeds][spec]") {
  for (const char* written : {"2003-12-31T10:14:61Z", "2013-01-27-01"}) {
    ParseOutput out = parse_page(feed_page("https://blog.example.org/feed/", std::string(R"(<rss version="2.0"><channel><title>B</title>
      <item><title>A</title><link>https://blog.example.org/1</link><pubDate>)") + written + "</pubDate></item></channel></rss>"));
    REQUIRE(out.items.size() == 1);
    INFO(written);
    CHECK_FALSE(out.items[0].published_at);
  }
}

TEST_CASE("feeds: an RSS author or dc:creator written as name then address is split", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://blog.example.org/feed/", R"(<rss version="2.0"
    xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>B</title>
    <item><title>A</title><link>https://blog.example.org/1</link><author>Jane Example (jane@example.org)</author></item>
    <item><title>B</title><link>https://blog.example.org/2</link><dc:creator>John Example (mailto:john@example.net)</dc:creator>
      <author>john@example.net</author></item>
    <item><title>C</title><link>https://blog.example.org/3</link><dc:creator>@janeexample</dc:creator></item>
    <item><title>D</title><link>https://blog.example.org/4</link><dc:creator>Jane Example (Editor)</dc:creator></item>
    </channel></rss>)"));
  REQUIRE(out.items.size() == 4);
  auto emails = [](const Item& it) {
    std::vector<std::string> v;
    for (const auto& [k, val] : it.fields)
      if (k == "author_email") v.push_back(val);
    return v;
  };
  CHECK(out.items[0].author.name == "Jane Example");
  CHECK(emails(out.items[0]) == std::vector<std::string>{"jane@example.org"});
  CHECK(out.items[1].author.name == "John Example");
  CHECK(emails(out.items[1]) == std::vector<std::string>{"john@example.net"});  // once, not again from <author>
  CHECK(out.items[2].author.name == "@janeexample");  // a handle, not an address
  CHECK(emails(out.items[2]).empty());
  CHECK(out.items[3].author.name == "Jane Example (Editor)");
}

TEST_CASE("feeds: an RSS item's atom:author and atom:link stand in for author and link", "[feeds][spec]") {
  // What .NET's SyndicationFeed writes for an author without an address and for extra links.
  ParseOutput out = parse_page(feed_page("https://blog.example.org/feed/", R"(<rss version="2.0"
    xmlns:a10="http://www.w3.org/2005/Atom"><channel><title>B</title>
    <item><guid isPermaLink="false">7</guid><a10:link rel="self" href="https://blog.example.org/api/7"/>
      <a10:link href="/posts/7"/><a10:author><a10:name>Jane Example</a10:name><a10:uri>/about</a10:uri></a10:author>
      <title>Post</title><a10:updated>2026-02-03T04:05:06+01:00</a10:updated></item>
    </channel></rss>)"));
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].url == "https://blog.example.org/posts/7");
  CHECK(out.items[0].author.name == "Jane Example");
  CHECK(out.items[0].author.url == "https://blog.example.org/about");
  REQUIRE(out.items[0].updated_at);
  CHECK(format_rfc3339(*out.items[0].updated_at) == "2026-02-03T03:05:06Z");
}

TEST_CASE("feeds: xml:base on an RSS channel and item is the base of the item's links", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://blog.example.org/feed/", R"(<rss version="2.0"><channel
    xml:base="https://www.example.net/blog/"><title>B</title>
    <item><title>A</title><link>posts/1</link><enclosure url="media/1.jpg" type="image/jpeg" length="1"/></item>
    <item xml:base="/other/"><title>B</title><link>2</link></item>
    </channel></rss>)"));
  REQUIRE(out.items.size() == 2);
  CHECK(out.items[0].url == "https://www.example.net/blog/posts/1");
  REQUIRE(out.items[0].media.size() == 1);
  CHECK(out.items[0].media[0].url == "https://www.example.net/blog/media/1.jpg");
  CHECK(out.items[1].url == "https://www.example.net/other/2");
}

TEST_CASE("feeds: a FeedBurner entry is known by its feedburner:origLink", "[feeds][spec]") {
  ParseOutput rss = parse_page(feed_page("https://feeds.example.net/janeexample", R"(<rss version="2.0"
    xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>B</title>
    <item><title>A</title><link>https://feedproxy.example.net/~r/janeexample/~3/abc/</link>
      <feedburner:origLink>https://blog.example.org/2026/01/a/</feedburner:origLink></item></channel></rss>)"));
  REQUIRE(rss.items.size() == 1);
  CHECK(rss.items[0].url == "https://blog.example.org/2026/01/a/");
  ParseOutput atom = parse_page(feed_page("https://feeds.example.net/janeexample", R"(<feed xmlns="http://www.w3.org/2005/Atom"
    xmlns:fb="http://rssnamespace.org/feedburner/ext/1.0"><title>B</title>
    <entry><title>A</title><link rel="alternate" href="https://feedproxy.example.net/~r/janeexample/~3/def/"/>
      <fb:origLink>https://blog.example.org/2026/01/b/</fb:origLink></entry></feed>)", "application/atom+xml"));
  REQUIRE(atom.items.size() == 1);
  CHECK(atom.items[0].url == "https://blog.example.org/2026/01/b/");
}

TEST_CASE("feeds: the iTunes namespace written with capitals is the iTunes namespace", "[feeds][spec]") {
  ParseOutput out = parse_page(feed_page("https://podcast.example.org/feed.xml", R"(<rss version="2.0"
    xmlns:itunes="http://www.itunes.com/DTDs/Podcast-1.0.dtd"><channel><title>Show</title>
    <itunes:author>Jane Example</itunes:author>
    <item><title>Episode 1</title><link>https://podcast.example.org/1</link><itunes:summary>We talk about hiking.</itunes:summary>
      <itunes:image url="https://podcast.example.org/1.png"></itunes:image></item>
    </channel></rss>)"));
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].author.name == "Jane Example");
  CHECK(out.items[0].text == "We talk about hiking.");
  REQUIRE(out.items[0].media.size() == 1);
  CHECK(out.items[0].media[0].url == "https://podcast.example.org/1.png");
}

TEST_CASE("feeds: dc:author names the author as dc:creator does", "[feeds][spec]") {
  // Dublin Core has no "author" element, but feeds write one; feedparser reads it as dc:creator.
  ParseOutput out = parse_page(feed_page("https://blog.example.org/feed/", R"(<rss version="2.0"
    xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>B</title>
    <item><title>A</title><link>https://blog.example.org/1</link><dc:author>Jane Example (jane@example.org)</dc:author></item>
    </channel></rss>)"));
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].author.name == "Jane Example");
  CHECK(test::has_field(out.items[0], "author_email", "jane@example.org"));
}

TEST_CASE("feeds: RSS element names written in the wrong case are read as feedparser reads them", "[feeds][spec]") {
  // XML names are case-sensitive, but feeds write <Title>, <PubDate>, <Item>; feedparser lower-cases
  // every element name before it looks at it. Only names RSS defines are folded.
  ParseOutput out = parse_page(feed_page("https://blog.example.org/feed/", R"(<rss version="2.0"><Channel><Title>Blog</Title>
    <Item><Title>Hello</Title><Link>https://blog.example.org/hello</Link><PubDate>Sat, 13 Dec 2003 18:30:02 GMT</PubDate>
      <Description>Written by Jane</Description><GUID isPermaLink="false">hello-1</GUID><Author>jane@example.org (Jane Example)</Author></Item>
    <ITEM><TITLE>Second</TITLE><LINK>https://blog.example.org/second</LINK><pubdate>2003-12-14T10:00:00Z</pubdate></ITEM>
    </Channel></rss>)"));
  REQUIRE(out.items.size() == 2);
  CHECK(out.items[0].title == "Hello");
  CHECK(out.items[0].url == "https://blog.example.org/hello");
  CHECK(out.items[0].text == "Written by Jane");
  CHECK(out.items[0].author.name == "Jane Example");
  REQUIRE(out.items[0].published_at);
  CHECK(format_rfc3339(*out.items[0].published_at) == "2003-12-13T18:30:02Z");
  CHECK(out.items[1].url == "https://blog.example.org/second");
  REQUIRE(out.items[1].published_at);
  CHECK(format_rfc3339(*out.items[1].published_at) == "2003-12-14T10:00:00Z");
}

TEST_CASE("feeds: relative links in RSS description and content:encoded resolve against the xml:base in scope", "[feeds][spec]") {
  // XML Base applies to both elements alike (feedparser resolves both against the base in scope);
  // without any xml:base both resolve against the item's link, the page the HTML was written for.
  ParseOutput out = parse_page(feed_page("https://blog.example.org/feed/", R"(<rss version="2.0"
    xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>B</title>
    <item xml:base="https://media.example.net/jane/"><title>A</title><link>https://blog.example.org/2026/a/</link>
      <description>&lt;a href="notes.html"&gt;notes&lt;/a&gt; summary</description>
      <content:encoded>&lt;p&gt;Body &lt;img src="kiln.jpg" alt="The kiln"&gt;&lt;/p&gt;</content:encoded></item>
    <item><title>B</title><link>https://blog.example.org/2026/b/</link>
      <description>&lt;a href="notes.html"&gt;notes&lt;/a&gt; summary</description>
      <content:encoded xml:base="https://cdn.example.net/"><![CDATA[<p>Body <img src="wheel.jpg" alt="The wheel"></p>]]></content:encoded></item>
    <item><title>C</title><link>https://blog.example.org/2026/c/</link>
      <description>&lt;img src="glaze.jpg" alt="Glaze"&gt; &lt;a href="notes.html"&gt;notes&lt;/a&gt;</description></item>
    </channel></rss>)"));
  REQUIRE(out.items.size() == 3);
  const Item& a = out.items[0];
  REQUIRE(a.media.size() == 1);
  CHECK(a.media[0].url == "https://media.example.net/jane/kiln.jpg");
  CHECK(std::find(a.links.begin(), a.links.end(), "https://media.example.net/jane/notes.html") != a.links.end());
  const Item& b = out.items[1];
  REQUIRE(b.media.size() == 1);
  CHECK(b.media[0].url == "https://cdn.example.net/wheel.jpg");
  CHECK(std::find(b.links.begin(), b.links.end(), "https://blog.example.org/2026/b/notes.html") != b.links.end());
  const Item& c = out.items[2];
  REQUIRE(c.media.size() == 1);
  CHECK(c.media[0].url == "https://blog.example.org/2026/c/glaze.jpg");
  CHECK(std::find(c.links.begin(), c.links.end(), "https://blog.example.org/2026/c/notes.html") != c.links.end());
}
