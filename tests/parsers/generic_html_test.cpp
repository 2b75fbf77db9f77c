#include <catch2/catch.hpp>

#include <chrono>

#include "parsers/generic_html.h"
#include "parsers/registry.h"
#include "tests/parsers/sample_pages.h"
#include "tests/support/test_support.h"

using namespace exposcan;
using test::has_field;

namespace {
Page make_page(std::string body, std::vector<HttpHeader> headers = {}, int status = 200) {
  Page p;
  p.url = p.final_url = "https://jane.example.org/posts/coast?utm=1";
  p.status = status;
  p.body = std::move(body);
  p.headers = std::move(headers);
  p.content_type = "text/html";
  p.sha256 = "abc123";
  p.origin = PageOrigin::file;
  return p;
}

const Item* find_item(const ParseOutput& out, ItemKind kind, std::string_view extractor) {
  for (const auto& it : out.items)
    if (it.kind == kind && it.extractor == extractor) return &it;
  return nullptr;
}

}  // namespace

TEST_CASE("generic page: article item from JSON-LD, OpenGraph and HTML", "[generic]") {
  auto out = parse_generic_html(make_page(test::read_text(test::source_dir() / "tests/parsers/fixtures/generic_person_blog.html"),
                                          {{"X-Robots-Tag", "noarchive"}, {"tdm-reservation", "1"}}));
  REQUIRE(out.signals);
  CHECK(out.signals->has_directive("noai"));
  CHECK(out.signals->has_directive("noarchive"));
  CHECK(out.signals->tdm_reservation == 1);
  CHECK(out.signals->canonical_url == "https://jane.example.org/posts/coast");
  CHECK(out.signals->licenses == std::vector<std::string>{"https://creativecommons.org/licenses/by-nc/4.0/"});
  CHECK(out.signals->language == "en");
  REQUIRE(out.errors.size() == 1);
  CHECK(out.errors[0] == "jsonld: block 2: invalid JSON");

  const Item* page = find_item(out, ItemKind::article, "jsonld");
  REQUIRE(page);
  CHECK(page->id == "https://jane.example.org/posts/coast");
  CHECK(page->platform == "web");
  CHECK(page->visibility == Visibility::public_);
  CHECK(page->title == "Cycling to the coast");
  CHECK(page->text == "We rode 80 km to the coast and back.");
  REQUIRE(page->published_at);
  CHECK(format_rfc3339(*page->published_at) == "2024-05-01T08:00:00Z");
  REQUIRE(page->updated_at);
  CHECK(format_date(*page->updated_at) == "2024-05-03");
  CHECK(page->author.name == "Jane Example");
  REQUIRE(page->media.size() >= 2);
  CHECK(page->media[0].url == "https://jane.example.org/img/coast.jpg");
  CHECK(page->media[0].alt == "Bicycle leaning on a fence by the sea");
  CHECK(page->provenance == "file");
  CHECK(page->source_sha256 == "abc123");
  CHECK(page->signals == out.signals);
  for (const auto& it : out.items) CHECK(it.signals == out.signals);
}

TEST_CASE("generic page: profiles from JSON-LD Person and mf2 h-card", "[generic]") {
  auto out = parse_generic_html(make_page(test::read_text(test::source_dir() / "tests/parsers/fixtures/generic_person_blog.html")));
  const Item* ld = find_item(out, ItemKind::profile, "jsonld");
  REQUIRE(ld);
  CHECK(ld->title == "Jane Example");
  CHECK(has_field(*ld, "email", "jane@example.org"));
  CHECK(has_field(*ld, "telephone", "+1-202-555-0142"));
  CHECK(has_field(*ld, "addressLocality", "Springfield"));
  CHECK(has_field(*ld, "birthDate", "1990-04-01"));
  const Item* card = find_item(out, ItemKind::profile, "mf2");
  REQUIRE(card);
  CHECK(card->id == "https://jane.example.org/");
  CHECK(has_field(*card, "email", "jane@example.org"));
  CHECK(has_field(*card, "tel", "+1-202-555-0143"));
  CHECK(has_field(*card, "locality", "Springfield"));
  CHECK(has_field(*card, "bday", "1990-04-01"));
  CHECK(has_field(*card, "note", "Cyclist and birder."));
  REQUIRE(card->media.size() == 1);
  CHECK(card->media[0].alt == "Portrait of Jane");
}

TEST_CASE("generic page: one post per h-entry, and discovered links", "[generic]") {
  auto out = parse_generic_html(make_page(test::read_text(test::source_dir() / "tests/parsers/fixtures/generic_person_blog.html")));
  std::vector<const Item*> posts;
  for (const auto& it : out.items)
    if (it.kind == ItemKind::post) posts.push_back(&it);
  REQUIRE(posts.size() == 2);
  CHECK(posts[0]->id == "https://jane.example.org/notes/1");
  CHECK(posts[0]->text == "Saw a heron today.");
  REQUIRE(posts[0]->published_at);
  CHECK(format_rfc3339(*posts[0]->published_at) == "2024-04-20T08:00:00Z");
  REQUIRE(posts[0]->media.size() == 1);
  CHECK(posts[0]->media[0].alt == "Grey heron in a pond");
  CHECK(posts[1]->id == "https://jane.example.org/posts/coast?utm=1#1");
  CHECK(posts[1]->tags == std::vector<std::string>{"birds"});
  CHECK(posts[1]->extractor == "mf2");

  auto has_link = [&](std::string_view kind, std::string_view url) {
    for (const auto& l : out.links)
      if (l.kind == kind && l.url == url) return true;
    return false;
  };
  CHECK(has_link("feed", "https://jane.example.org/feed.atom"));
  CHECK(has_link("rel_me", "https://code.example/jane"));
  CHECK(has_link("next", "https://jane.example.org/page/2"));
  CHECK(has_link("sitemap", "https://jane.example.org/sitemap.xml"));
  CHECK(has_link("anchor", "https://jane.example.org/notes/1"));
}

TEST_CASE("generic page: plain HTML without metadata", "[generic]") {
  auto out = parse_generic_html(make_page("<html><head><title> Plain </title></head><body><p>Just text.</p></body></html>",
                                          {}, 404));
  REQUIRE(out.items.size() == 1);
  const Item& it = out.items[0];
  CHECK(it.kind == ItemKind::page);
  CHECK(it.extractor == "html");
  CHECK(it.title == "Plain");
  CHECK(it.text == "Just text.");
  CHECK(it.id == "https://jane.example.org/posts/coast?utm=1");
  CHECK(it.visibility == Visibility::unknown);
  CHECK(out.errors.empty());
}

TEST_CASE("generic page: hostile input stays bounded and records errors", "[generic][robustness]") {
  std::string deep = "<head><meta property=\"og:title\" content=\"Deep\"></head><body>";
  for (int i = 0; i < 6000; ++i) deep += "<div class=\"h-card\">";
  deep += "x";
  auto start = std::chrono::steady_clock::now();
  auto out = parse_generic_html(make_page(deep));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
  REQUIRE_FALSE(out.errors.empty());
  CHECK(out.errors[0].find("nesting too deep") != std::string::npos);
  REQUIRE_FALSE(out.items.empty());
  CHECK(out.items[0].title == "Deep");
  CHECK(out.items[0].text == "x");

  auto empty = parse_generic_html(make_page(""));
  REQUIRE(empty.items.size() == 1);
  CHECK(empty.items[0].text.empty());
  CHECK(empty.signals);
}

TEST_CASE("generic html: a permalink page and its URL-less entry are one item", "[parsers][generic]") {
  auto out = parse_page(make_page(
      R"(<html><head><meta property="og:type" content="article"><link rel="canonical" href="https://jane.example.org/posts/coast">
      <title>Coast</title></head><body><article class="h-entry"><h1 class="p-name">Coast walk</h1>
      <div class="e-content">Walked the coast today.</div></article></body></html>)"));
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].id == "https://jane.example.org/posts/coast");
  CHECK(out.items[0].kind == ItemKind::post);
  CHECK(out.items[0].text.find("Walked the coast today.") != std::string::npos);
}

TEST_CASE("generic html: two URL-less entries stay two items beside the page", "[parsers][generic]") {
  auto out = parse_page(make_page(
      R"(<html><head><meta property="og:type" content="article"></head><body>
      <div class="h-entry"><p class="e-content">One</p></div><div class="h-entry"><p class="e-content">Two</p></div></body></html>)"));
  CHECK(out.items.size() == 3);
}

TEST_CASE("generic html: a WordPress post page takes the post id its feed and REST API use", "[parsers][generic]") {
  auto page = make_page(
      R"(<html><head><meta property="og:type" content="article"></head>
      <body class="post-template-default single single-post postid-212 logged-out">
      <article class="post-212 post hentry"><h1 class="entry-title">Hike</h1><div class="entry-content"><p>Up the ridge.</p></div></article>
      </body></html>)");
  auto out = parse_page(page);
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].id == "wordpress:jane.example.org:post:212");
  // Archive and page templates carry other classes: no post id there.
  page.body = R"(<html><head><meta property="og:type" content="article"></head><body class="home blog postid-212"><p>x</p></body></html>)";
  auto archive = parse_page(page);
  REQUIRE(!archive.items.empty());
  CHECK(archive.items[0].id.rfind("https://", 0) == 0);
}

TEST_CASE("generic page: JSON-LD IRIs resolved, name/description/inLanguage fallbacks", "[generic]") {
  auto out = parse_generic_html(make_page(R"(<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "BlogPosting", "name": "Coast walk", "description": "Notes from the coast.",
     "inLanguage": "de-DE", "author": {"@type": "Person", "@id": "#me", "name": "Jane Example", "url": "/about"}}
    </script></head><body></body></html>)"));
  const Item* article = find_item(out, ItemKind::article, "jsonld");
  REQUIRE(article != nullptr);
  CHECK(article->title == "Coast walk");
  CHECK(article->text == "Notes from the coast.");
  CHECK(article->language == "de-DE");
  CHECK(article->author.url == "https://jane.example.org/about");
  const Item* profile = find_item(out, ItemKind::profile, "jsonld");
  REQUIRE(profile != nullptr);
  CHECK(profile->id == "https://jane.example.org/about");
  // An @id alone is resolved too: ids do not clash across pages.
  auto id_only = parse_generic_html(make_page(R"(<script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "ProfilePage", "mainEntity": {"@type": "Person", "@id": "#me", "name": "Jane"}}
    </script>)"));
  const Item* p = find_item(id_only, ItemKind::profile, "jsonld");
  REQUIRE(p != nullptr);
  CHECK(p->id == "https://jane.example.org/posts/coast?utm=1#me");
}

TEST_CASE("generic page: OpenGraph author URLs, empty values and script canonicals", "[generic]") {
  auto out = parse_generic_html(make_page(R"html(<html><head>
    <link rel="canonical" href="javascript:alert(2)">
    <meta property="og:type" content="article"><meta property="og:title" content="t">
    <meta property="article:author" content="https://jane.example.org/people/jane">
    <meta property="og:image" content=""><meta name="twitter:creator" content="@">
    </head><body><p>x</p></body></html>)html"));
  REQUIRE(out.signals);
  CHECK(out.signals->canonical_url.empty());
  const Item* article = find_item(out, ItemKind::article, "opengraph");
  REQUIRE(article != nullptr);
  CHECK(article->url == "https://jane.example.org/posts/coast?utm=1");
  CHECK(article->author.url == "https://jane.example.org/people/jane");
  CHECK(article->author.name.empty());
  CHECK(article->author.handle.empty());
  CHECK(article->media.empty());
}

TEST_CASE("generic page: every JSON-LD posting and comment is an item; all authors are kept", "[generic]") {
  auto out = parse_generic_html(make_page(R"(<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "DiscussionForumPosting", "@id": "#op", "headline": "Seed swap?", "text": "Who has tomato seeds?",
       "datePublished": "2026-03-01T10:00:00+01:00", "author": [{"@type": "Person", "name": "Jane Example", "url": "/u/jane"},
                                                                {"@type": "Person", "name": "Bob Example"}],
       "comment": [{"@type": "Comment", "@id": "#c1", "text": "I do, call 202-555-0143", "author": {"@type": "Person", "name": "Ann"},
                    "datePublished": "2026-03-01T11:00:00Z"},
                   {"@type": "Comment", "text": ""}]},
      {"@type": "SocialMediaPosting", "url": "https://jane.example.org/notes/2", "articleBody": "Second note"}]}
    </script></head><body></body></html>)"));
  // The page's own item is the main posting; its second author is kept.
  auto two = parse_generic_html(make_page(R"(<script type="application/ld+json">{"@context": "https://schema.org",
    "@type": "Article", "headline": "h", "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Doe"}]}
    </script>)"));
  const Item* article = find_item(two, ItemKind::article, "jsonld");
  REQUIRE(article != nullptr);
  CHECK(article->author.name == "Jane Doe");
  CHECK(has_field(*article, "co_author", "John Doe"));
  const Item* op = nullptr;
  for (const auto& it : out.items)
    if (it.title == "Seed swap?") op = &it;
  REQUIRE(op != nullptr);
  CHECK(op->kind == ItemKind::post);
  CHECK(op->title == "Seed swap?");
  CHECK(op->text == "Who has tomato seeds?");
  CHECK(op->author.url == "https://jane.example.org/u/jane");
  const Item* comment = find_item(out, ItemKind::comment, "jsonld");
  REQUIRE(comment != nullptr);
  CHECK(comment->id == "https://jane.example.org/posts/coast?utm=1#c1");
  CHECK(comment->text == "I do, call 202-555-0143");
  CHECK(comment->author.name == "Ann");
  REQUIRE(comment->published_at.has_value());
  CHECK(format_rfc3339(*comment->published_at) == "2026-03-01T11:00:00Z");
  size_t posts = 0, comments = 0;
  for (const auto& it : out.items) {
    posts += it.kind == ItemKind::post;
    comments += it.kind == ItemKind::comment;
  }
  CHECK(posts == 2);     // the thread and the second note
  CHECK(comments == 1);  // the empty comment says nothing
  bool second = false;  // the main posting (by type) is the page's own item
  for (const auto& it : out.items) second |= it.text == "Second note" && it.kind == ItemKind::post;
  CHECK(second);
}

TEST_CASE("generic page: og:video is the page's video", "[generic]") {
  auto out = parse_generic_html(make_page(R"(<head><meta property="og:type" content="video.other">
    <meta property="og:video" content="/v/walk.mp4"><meta property="og:image" content="/v/poster.jpg"></head>)"));
  REQUIRE(!out.items.empty());
  const Item& pg = out.items[0];
  REQUIRE(pg.media.size() == 2);
  const auto type_of = [&](const std::string& url) {
    for (const auto& m : pg.media)
      if (m.url == url) return m.type;
    return std::string("absent");
  };
  CHECK(type_of("https://jane.example.org/v/poster.jpg") == "image");
  CHECK(type_of("https://jane.example.org/v/walk.mp4") == "video");
}

TEST_CASE("generic page: a photo page's ImageObject is a photo item with its creator, place and licence", "[generic]") {
  // Google's image licence metadata shape: contentUrl, creator, license, acquireLicensePage,
  // creditText; contentLocation with coordinates.
  auto out = parse_generic_html(make_page(R"(<head><title>Harbour at dusk - Jane's photos</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"ImageObject",
      "contentUrl":"/photos/harbour-full.jpg","url":"https://jane.example.org/posts/coast",
      "name":"Harbour at dusk","caption":"Fishing boats at the harbour wall, taken from our balcony",
      "creator":{"@type":"Person","name":"Jane Example","url":"/about"},
      "license":"https://creativecommons.org/licenses/by-nc/4.0/","acquireLicensePage":"/licensing",
      "creditText":"Jane Example","dateCreated":"2026-08-14T19:02:00+02:00",
      "contentLocation":{"@type":"Place","name":"Harbour Road 5, Sampleton",
        "geo":{"@type":"GeoCoordinates","latitude":"54.3210","longitude":10.123}}}</script></head>
    <body><h1>Harbour at dusk</h1><p>Comments (2)</p></body>)"));
  REQUIRE(!out.items.empty());
  const Item& pg = out.items[0];
  CHECK(pg.kind == ItemKind::photo);
  CHECK(pg.extractor == "jsonld");
  CHECK(pg.title == "Harbour at dusk");
  CHECK(pg.text == "Fishing boats at the harbour wall, taken from our balcony");
  CHECK(pg.author.name == "Jane Example");
  CHECK(pg.author.url == "https://jane.example.org/about");
  REQUIRE(pg.published_at);
  CHECK(format_rfc3339(*pg.published_at) == "2026-08-14T17:02:00Z");
  REQUIRE(!pg.media.empty());
  CHECK(pg.media[0].url == "https://jane.example.org/photos/harbour-full.jpg");
  CHECK(pg.media[0].type == "image");
  CHECK(pg.media[0].alt == "Fishing boats at the harbour wall, taken from our balcony");
  for (const auto& m : pg.media) CHECK(m.url != "https://jane.example.org/posts/coast");  // url is the page
  REQUIRE(pg.geo);
  CHECK(pg.geo->name == "Harbour Road 5, Sampleton");
  REQUIRE(pg.geo->lat);
  CHECK(*pg.geo->lat == Approx(54.321));
  CHECK(*pg.geo->lon == Approx(10.123));
  REQUIRE(pg.signals);
  CHECK(pg.signals->licenses == std::vector<std::string>{"https://creativecommons.org/licenses/by-nc/4.0/"});
}

TEST_CASE("generic page: a WebPage's mainEntity video is a video item; referred-to images are not photos", "[generic]") {
  SECTION("VideoObject as the mainEntity, by reference") {
    auto out = parse_generic_html(make_page(R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebPage","@id":"#page","mainEntity":{"@id":"#video"},"license":"/terms/video-licence"},
      {"@type":"VideoObject","@id":"#video","name":"Walk to the lighthouse","description":"Ten minutes along the cliffs",
       "thumbnailUrl":["/v/thumb.jpg"],"contentUrl":"/v/walk.mp4","uploadDate":"2026-07-01"}]}</script>)"));
    REQUIRE(!out.items.empty());
    const Item& pg = out.items[0];
    CHECK(pg.kind == ItemKind::video);
    CHECK(pg.title == "Walk to the lighthouse");
    CHECK(pg.text == "Ten minutes along the cliffs");
    bool video = false, thumb = false;
    for (const auto& m : pg.media) {
      video = video || (m.url == "https://jane.example.org/v/walk.mp4" && m.type == "video");
      thumb = thumb || (m.url == "https://jane.example.org/v/thumb.jpg" && m.type == "image");
    }
    CHECK(video);
    CHECK(thumb);
    REQUIRE(pg.signals);
    CHECK(pg.signals->licenses == std::vector<std::string>{"https://jane.example.org/terms/video-licence"});
  }
  SECTION("Yoast's primary image and a logo are referred to: the page stays a page") {
    auto out = parse_generic_html(make_page(R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebPage","@id":"#page","name":"About","primaryImageOfPage":{"@id":"#primaryimage"}},
      {"@type":"ImageObject","@id":"#primaryimage","contentUrl":"/up/me.jpg"},
      {"@type":"Organization","@id":"#org","name":"Jane Example Studio","logo":{"@id":"#logo"}},
      {"@type":"ImageObject","@id":"#logo","contentUrl":"/up/logo.png","license":"https://example.org/logo-licence"}]}</script>
      <p>About me</p>)"));
    REQUIRE(!out.items.empty());
    CHECK(out.items[0].kind == ItemKind::page);
    REQUIRE(out.items[0].signals);
    CHECK(out.items[0].signals->licenses.empty());  // the logo's licence is not the page's
  }
  SECTION("an image nested in an article stays the article's image; a licence text is not a URL") {
    auto out = parse_generic_html(make_page(R"(<script type="application/ld+json">{"@context":"https://schema.org",
      "@type":"BlogPosting","headline":"Coast walk","articleBody":"We walked.","license":"All rights reserved",
      "image":{"@type":"ImageObject","contentUrl":"/up/coast.jpg","caption":"The coast"}}</script>)"));
    REQUIRE(!out.items.empty());
    CHECK(out.items[0].kind == ItemKind::article);
    REQUIRE(out.items[0].signals);
    CHECK(out.items[0].signals->licenses.empty());
  }
}
