// Instagram and Facebook adapters on response shapes the real answers and pages produce that the
// samples do not carry: carousels, places, the web client's newer api/v1 media answers (the timeline
// connection, /api/v1/feed/user/, the post query a post page embeds), api/v1 user answers, collaboration
// posts, Facebook group posts, watch videos, m.facebook.com stories and /people/ profiles. Threads is in
// fediverse_shapes_test.cpp. Bodies are built here (fictional data).
#include <catch2/catch.hpp>

#include <algorithm>

#include "parsers/platforms/platform_common.h"
#include "tests/parsers/sample_pages.h"

using namespace exposcan;
using test::find_item;
using test::has_field;
using test::parse_as;
using test::parse_body;

TEST_CASE("instagram: carousels keep every part, videos their file, places without a point no coordinates", "[instagram][shapes]") {
  auto out = parse_body("https://www.instagram.com/api/v1/users/web_profile_info/?username=janeexample", R"({"data": {"user": {
    "username": "janeexample", "full_name": "Jane Example", "biography": "Gardener", "external_url": "https://jane.example/",
    "bio_links": [{"url": "https://jane.example/"}, {"url": "https://shop.example/jane"}],
    "edge_followed_by": {"count": 120}, "edge_follow": {"count": 80}, "is_private": false,
    "business_address_json": "{\"street_address\": \"1 Garden Way\", \"zip_code\": \"90210\", \"city_name\": \"Springfield\"}",
    "edge_owner_to_timeline_media": {"edges": [
      {"node": {"__typename": "GraphSidecar", "shortcode": "SC1", "display_url": "https://cdn.example/cover.jpg",
        "accessibility_caption": "cover", "location": {"id": "1", "name": "Springfield Park", "slug": "springfield-park"},
        "edge_media_to_caption": {"edges": [{"node": {"text": "Three views"}}]},
        "edge_sidecar_to_children": {"edges": [
          {"node": {"display_url": "https://cdn.example/a.jpg", "accessibility_caption": "May be an image of 1 person"}},
          {"node": {"display_url": "https://cdn.example/b.jpg", "is_video": true, "video_url": "https://cdn.example/b.mp4",
                    "edge_media_to_tagged_user": {"edges": [{"node": {"user": {"username": "friend.example"}}}]}}}]}}},
      {"node": {"__typename": "GraphVideo", "shortcode": "V1", "is_video": true, "display_url": "https://cdn.example/thumb.jpg",
        "video_url": "https://cdn.example/v1.mp4"}}]}}}})");
  const Item* profile = find_item(out, "instagram:account:janeexample");
  REQUIRE(profile != nullptr);
  CHECK(profile->links == std::vector<std::string>{"https://jane.example/", "https://shop.example/jane"});
  CHECK(has_field(*profile, "followers", "120"));
  CHECK(has_field(*profile, "following", "80"));
  CHECK(has_field(*profile, "business_address", "1 Garden Way, 90210, Springfield"));
  const Item* carousel = find_item(out, "instagram:post:SC1");
  REQUIRE(carousel != nullptr);
  REQUIRE(carousel->media.size() == 3);
  CHECK(carousel->media[0].url == "https://cdn.example/a.jpg");
  CHECK(carousel->media[0].alt == "May be an image of 1 person");
  CHECK(carousel->media[2].url == "https://cdn.example/b.mp4");
  CHECK(carousel->media[2].type == "video");
  CHECK(has_field(*carousel, "tagged_user", "friend.example"));
  REQUIRE(carousel->geo);
  CHECK(carousel->geo->name == "Springfield Park");
  CHECK_FALSE(carousel->geo->lat);
  const Item* video = find_item(out, "instagram:post:V1");
  REQUIRE(video != nullptr);
  REQUIRE(video->media.size() == 2);
  CHECK(video->media[1].url == "https://cdn.example/v1.mp4");
}

TEST_CASE("instagram html: the bio from the description, names and dates as Instagram writes them", "[instagram][shapes]") {
  auto profile = parse_as("https://www.instagram.com/janeexample/", "text/html", R"html(<html><head>
    <title>Jane Example (@janeexample) &#x2022; Instagram photos and videos</title>
    <meta property="og:title" content="Jane Example (@janeexample) &#x2022; Instagram photos and videos">
    <meta property="og:description" content="120 Followers, 80 Following, 12 Posts - See Instagram photos and videos from Jane Example (@janeexample)">
    <meta name="description" content="120 Followers, 80 Following, 12 Posts - Jane Example (@janeexample) on Instagram: &quot;Gardener in Springfield&quot;">
    <meta property="og:url" content="https://www.instagram.com/janeexample/"></head><body></body></html>)html");
  const Item* p = find_item(profile, "instagram:account:janeexample");
  REQUIRE(p != nullptr);
  CHECK(p->text == "Gardener in Springfield");
  CHECK(p->author.name == "Jane Example");
  auto reel = parse_as("https://www.instagram.com/janeexample/reel/R1/", "text/html", R"html(<html><head>
    <meta property="og:description" content="5 likes, 1 comments - janeexample on April 8, 2026: &quot;Spring!&quot;">
    <meta property="og:url" content="https://www.instagram.com/janeexample/reel/R1/"></head></html>)html");
  const Item* r = find_item(reel, "instagram:post:R1");
  REQUIRE(r != nullptr);
  CHECK(r->kind == ItemKind::video);
  CHECK(r->text == "Spring!");
  REQUIRE(r->published_at);
  CHECK(format_rfc3339(*r->published_at) == "2026-04-08T00:00:00Z");
  CHECK(r->author.handle == "janeexample");
  // Older pages: `Name (@handle) on Instagram: “caption”`, the caption quoting with straight quotes.
  auto old_post = parse_as("https://www.instagram.com/p/OLD1/", "text/html", R"html(<html><head>
    <meta property="og:description" content="Jane on Tour (@janeontour) on Instagram: &#x201c;Quote of the day: &quot;Be kind&quot;&#x201d;">
    <meta property="og:url" content="https://www.instagram.com/p/OLD1/"></head></html>)html");
  const Item* o = find_item(old_post, "instagram:post:OLD1");
  REQUIRE(o != nullptr);
  CHECK(o->text == "Quote of the day: \"Be kind\"");
  CHECK(o->author.handle == "janeontour");
  CHECK(o->author.name == "Jane on Tour");
}

TEST_CASE("facebook: group posts, watch videos and m.facebook.com stories", "[facebook][shapes]") {
  auto group = parse_as("https://www.facebook.com/groups/gardenersexample/posts/1234567890/", "text/html", R"html(<html><head>
    <meta property="og:title" content="Seed swap on Saturday"><meta property="og:description" content="Bring seeds">
    <meta property="og:url" content="https://www.facebook.com/groups/gardenersexample/posts/1234567890/"></head></html>)html");
  const Item* g = find_item(group, "facebook:post:1234567890");
  REQUIRE(g != nullptr);
  CHECK(g->author.handle.empty());  // the path names the group, not who wrote the post
  CHECK(has_field(*g, "group", "gardenersexample"));

  auto watch = parse_as("https://www.facebook.com/watch/?v=5566778899", "text/html", R"html(<html><head>
    <meta property="og:title" content="Pruning roses"></head></html>)html");
  const Item* w = find_item(watch, "facebook:post:5566778899");
  REQUIRE(w != nullptr);
  CHECK(w->kind == ItemKind::video);

  auto story = parse_as("https://m.facebook.com/story.php?story_fbid=777&id=100012345678901", "text/html", R"html(<html><body>
    <div class="story_body_container"><header><a href="/jane.example.77?refid=52">Jane Example</a>
      <abbr data-store='{"time":1712566800,"linkdata":"x"}'>8 April</abbr></header>
    <div><p>Tomatoes are up.</p></div></div></body></html>)html");
  const Item* s = find_item(story, "facebook:post:777");
  REQUIRE(s != nullptr);
  CHECK(s->author.handle == "jane.example.77");
  // Without a vanity name the header links /profile.php?id=N.
  auto numeric = parse_as("https://m.facebook.com/story.php?story_fbid=778&id=100012345678901", "text/html", R"html(<html><body>
    <header><a href="/home.php">Facebook</a></header>
    <div class="story_body_container"><header><a href="/profile.php?id=100012345678901&amp;refid=52">Jane Example</a></header>
    <div><p>Hello.</p></div></div></body></html>)html");
  const Item* n = find_item(numeric, "facebook:post:778");
  REQUIRE(n != nullptr);
  CHECK(n->author.handle == "100012345678901");
  CHECK(n->author.url == "https://www.facebook.com/profile.php?id=100012345678901");
  CHECK(s->author.url == "https://www.facebook.com/jane.example.77");
  CHECK(s->text == "Tomatoes are up.");
  REQUIRE(s->published_at);
  CHECK(format_rfc3339(*s->published_at) == "2024-04-08T09:00:00Z");
}

// The web client's newer answers carry api/v1 media, not GraphQL nodes: the profile grid's
// PolarisProfilePostsQuery (`data.xdt_api__v1__feed__user_timeline_graphql_connection`), the post's
// PolarisPostRootQuery (`data.xdt_api__v1__media__shortcode__web_info.items`) and /api/v1/feed/user/
// (`items`). Shapes as instagrapi (tests/regression/test_public.py) and scrapers quote them.
TEST_CASE("instagram: api v1 media in the web timeline connection keeps caption alt texts carousel tags and place", "[instagram][shapes]") {
  auto out = parse_body("https://www.instagram.com/graphql/query", R"({"data": {"xdt_api__v1__feed__user_timeline_graphql_connection": {
    "edges": [{"node": {"__typename": "XDTMediaDict", "code": "DCARO1", "pk": "3900000000000000001", "media_type": 8, "taken_at": 1789221390,
      "user": {"pk": "58214730091", "username": "janeexample", "full_name": "Jane Example", "is_private": false},
      "caption": {"text": "Market morning with @friend.example"},
      "coauthor_producers": [{"id": "77", "username": "gardenclub.example"}],
      "location": {"pk": 214738091, "name": "Springfield Farmers Market", "lat": 39.7817, "lng": -89.6501},
      "image_versions2": {"candidates": [{"url": "https://cdn.example/cover-640.jpg", "width": 640, "height": 640}]},
      "carousel_media": [
        {"pk": "1", "media_type": 1, "accessibility_caption": "May be an image of apples",
         "image_versions2": {"candidates": [{"url": "https://cdn.example/a-320.jpg", "width": 320, "height": 320},
                                            {"url": "https://cdn.example/a-1080.jpg", "width": 1080, "height": 1080}]},
         "usertags": {"in": [{"user": {"pk": "9", "username": "friend.example"}, "position": [0.5, 0.5]}]}},
        {"pk": "2", "media_type": 2, "accessibility_caption": null,
         "image_versions2": {"candidates": [{"url": "https://cdn.example/b.jpg", "width": 720, "height": 1280}]},
         "video_versions": [{"url": "https://cdn.example/b.mp4", "width": 720, "height": 1280, "type": 101}]}]}}],
    "page_info": {"end_cursor": "C1", "has_next_page": true}}}, "extensions": {"is_final": true}})");
  const Item* post = find_item(out, "instagram:post:DCARO1");
  REQUIRE(post != nullptr);
  CHECK(post->url == "https://www.instagram.com/p/DCARO1/");
  CHECK(post->author.handle == "janeexample");
  CHECK(post->author.name == "Jane Example");
  CHECK(post->text == "Market morning with @friend.example");
  REQUIRE(post->published_at);
  CHECK(format_rfc3339(*post->published_at) == "2026-09-12T13:56:30Z");
  REQUIRE(post->media.size() == 3);
  CHECK(post->media[0].url == "https://cdn.example/a-1080.jpg");
  CHECK(post->media[0].alt == "May be an image of apples");
  CHECK(post->media[2].url == "https://cdn.example/b.mp4");
  CHECK(post->media[2].type == "video");
  CHECK(has_field(*post, "tagged_user", "friend.example"));
  CHECK(has_field(*post, "coauthor", "gardenclub.example"));
  REQUIRE(post->geo);
  CHECK(post->geo->name == "Springfield Farmers Market");
  REQUIRE(post->geo->lat);
  CHECK(*post->geo->lat == Approx(39.7817));
  CHECK(*post->geo->lon == Approx(-89.6501));
  CHECK(post->visibility == Visibility::public_);
}

TEST_CASE("instagram: api v1 items and the post query answer are posts of their own author", "[instagram][shapes]") {
  // /api/v1/feed/user/<id>/ of a private account (as a follower saw it), a reel with the place's
  // point only on the media item.
  auto feed = parse_body("https://www.instagram.com/api/v1/feed/user/58214730091/", R"({"items": [
    {"code": "DREEL1", "pk": "3900000000000000002", "media_type": 2, "product_type": "clips", "taken_at": 1789221390,
     "user": {"pk": "58214730091", "username": "janeexample", "is_private": true},
     "caption": null, "lat": 39.78, "lng": -89.65, "location": {"pk": 1, "name": "Springfield"},
     "image_versions2": {"candidates": [{"url": "https://cdn.example/r.jpg", "width": 720, "height": 1280}]},
     "video_versions": [{"url": "https://cdn.example/r.mp4", "width": 720, "height": 1280}]}],
    "num_results": 1, "more_available": false, "status": "ok"})");
  const Item* reel = find_item(feed, "instagram:post:DREEL1");
  REQUIRE(reel != nullptr);
  CHECK(reel->kind == ItemKind::video);
  CHECK(reel->visibility == Visibility::followers);
  REQUIRE(reel->geo);
  CHECK(reel->geo->name == "Springfield");
  REQUIRE(reel->geo->lat);
  CHECK(*reel->geo->lat == Approx(39.78));
  REQUIRE(reel->media.size() == 2);
  CHECK(reel->media[1].url == "https://cdn.example/r.mp4");

  auto root = parse_body("https://www.instagram.com/graphql/query", R"({"data": {"xdt_api__v1__media__shortcode__web_info": {"items": [
    {"code": "DPOST1", "pk": "3900000000000000003", "media_type": 1, "taken_at": 1789221390,
     "user": {"pk": "66", "username": "friend.example", "full_name": "A Friend"},
     "caption": {"text": "Lunch with Jane", "user": {"username": "friend.example"}},
     "accessibility_caption": "May be an image of 2 people",
     "usertags": {"in": [{"user": {"username": "janeexample"}}]},
     "image_versions2": {"candidates": [{"url": "https://cdn.example/p.jpg", "width": 1080, "height": 1080}]}}]}},
    "extensions": {"is_final": true}, "status": "ok"})");
  const Item* post = find_item(root, "instagram:post:DPOST1");
  REQUIRE(post != nullptr);
  CHECK(post->author.handle == "friend.example");  // Jane is tagged in it; she did not write it
  CHECK(has_field(*post, "tagged_user", "janeexample"));
  REQUIRE(post->media.size() == 1);
  CHECK(post->media[0].alt == "May be an image of 2 people");
}

// Comments under a post: api/v1's preview_comments and comments (a post page's query answer), and
// GraphQL's edge_media_to_parent_comment with threaded replies (?__a=1, xdt_shortcode_media).
TEST_CASE("instagram: comments by others under a post are comment items of their writers", "[instagram][shapes]") {
  auto v1 = parse_body("https://www.instagram.com/graphql/query", R"({"data": {"xdt_api__v1__media__shortcode__web_info": {"items": [
    {"code": "DPOST2", "pk": "3900000000000000004", "media_type": 1, "taken_at": 1789221390,
     "user": {"pk": "58214730091", "username": "janeexample", "is_private": true},
     "caption": {"text": "New beds"},
     "image_versions2": {"candidates": [{"url": "https://cdn.example/b.jpg", "width": 1080, "height": 1080}]},
     "preview_comments": [{"pk": "17900000000000001", "text": "Call me about the seeds: 202-555-0144", "created_at": 1789225000,
                           "user": {"pk": "77", "username": "bob.example", "full_name": "Bob Example"}}],
     "comments": [{"pk": "17900000000000001", "text": "Call me about the seeds: 202-555-0144", "created_at": 1789225000,
                   "user": {"pk": "77", "username": "bob.example", "full_name": "Bob Example"}},
                  {"pk": "17900000000000002", "text": "", "user": {"username": "empty.example"}}]}]}}, "status": "ok"})");
  const Item* post = find_item(v1, "instagram:post:DPOST2");
  REQUIRE(post != nullptr);
  CHECK(post->text == "New beds");
  const Item* c = find_item(v1, "instagram:comment:17900000000000001");
  REQUIRE(c != nullptr);
  CHECK(c->kind == ItemKind::comment);
  CHECK(c->author.handle == "bob.example");
  CHECK(c->author.name == "Bob Example");
  CHECK(c->text == "Call me about the seeds: 202-555-0144");
  CHECK(c->parent_id == "instagram:post:DPOST2");
  CHECK(c->url == "https://www.instagram.com/p/DPOST2/c/17900000000000001/");
  CHECK(c->visibility == Visibility::followers);  // as visible as the private account's post
  REQUIRE(c->published_at.has_value());
  CHECK(v1.items.size() == 2);  // listed twice, once as an item; an empty comment is none

  auto graphql = parse_body("https://www.instagram.com/p/DPOST3/?__a=1&__d=dis", R"({"graphql": {"shortcode_media": {
    "shortcode": "DPOST3", "is_video": false, "display_url": "https://cdn.example/c.jpg", "taken_at_timestamp": 1789221390,
    "owner": {"username": "janeexample", "full_name": "Jane Example"},
    "edge_media_to_caption": {"edges": [{"node": {"text": "Harvest"}}]},
    "edge_media_to_parent_comment": {"count": 1, "edges": [{"node": {"id": "17900000000000010", "text": "Lovely! Write to sam@example.net",
      "created_at": 1789226000, "owner": {"id": "88", "username": "sam.sample"},
      "edge_threaded_comments": {"count": 1, "edges": [{"node": {"id": "17900000000000011", "text": "Thanks Sam",
        "created_at": 1789227000, "owner": {"id": "1", "username": "janeexample"}}}]}}}]}}}})");
  const Item* top = find_item(graphql, "instagram:comment:17900000000000010");
  REQUIRE(top != nullptr);
  CHECK(top->author.handle == "sam.sample");
  CHECK(top->parent_id == "instagram:post:DPOST3");
  const Item* reply = find_item(graphql, "instagram:comment:17900000000000011");
  REQUIRE(reply != nullptr);
  CHECK(reply->author.handle == "janeexample");
  CHECK(reply->parent_id == "instagram:comment:17900000000000010");
}

// Post pages of 2025 embed the comments in an answer of their own (data-sjs):
// data.xdt_api__v1__media__media_id__comments__connection.edges[].node, api/v1 comments with
// preview_child_comments; they answer the page's post.
TEST_CASE("instagram html: the comments connection a post page embeds answers the page's post", "[instagram][shapes]") {
  std::string comments;
  for (int i = 0; i < 1200; ++i)  // more than a page keeps: capped, each once
    comments += std::string(i ? "," : "") + R"({"node":{"pk":")" + std::to_string(18000000000000000 + i % 1100) +
                R"(","text":"Comment )" + std::to_string(i % 1100) + R"(","created_at":1789225000,"user":{"username":"fan)" +
                std::to_string(i % 1100) + R"("}}})";
  auto out = parse_as("https://www.instagram.com/p/DCMNT1/", "text/html", R"html(<html><head>
    <meta property="og:url" content="https://www.instagram.com/p/DCMNT1/">
    <meta property="og:description" content="3 likes, 2 comments - janeexample on May 1, 2026: &quot;Beds&quot;. "></head><body>
    <script type="application/json" data-sjs>{"require":[["ScheduledServerJS","handle",null,[{"__bbox":{"result":{"data":{
      "xdt_api__v1__media__media_id__comments__connection":{"edges":[
        {"node":{"pk":"17900000000000021","text":"Is that Elm Road? Call me: 202-555-0144","created_at":1789225000,
          "user":{"username":"bob.example","full_name":"Bob Example"},
          "preview_child_comments":[{"pk":"17900000000000022","text":"Yes!","created_at":1789226000,"user":{"username":"janeexample"}}]}},)html" +
                          comments + R"html(]}}}}}]]]}</script></body></html>)html");
  const Item* c = find_item(out, "instagram:comment:17900000000000021");
  REQUIRE(c != nullptr);
  CHECK(c->parent_id == "instagram:post:DCMNT1");
  CHECK(c->author.handle == "bob.example");
  CHECK(c->url == "https://www.instagram.com/p/DCMNT1/c/17900000000000021/");
  const Item* reply = find_item(out, "instagram:comment:17900000000000022");
  REQUIRE(reply != nullptr);
  CHECK(reply->parent_id == "instagram:comment:17900000000000021");
  CHECK(find_item(out, "instagram:post:DCMNT1") != nullptr);  // the post itself, from OpenGraph
  size_t n = 0;
  for (const auto& it : out.items) n += it.kind == ItemKind::comment;
  CHECK(n == 1000);  // 2 + 1100 distinct, capped at 1000
}

// A post page's JSON-LD (ImageObject with caption, uploadDate, contentLocation, accessibilityCaption
// and `comment`), where a page has it: the whole caption, the time, the place, others' comments.
TEST_CASE("instagram html: a post page's JSON-LD gives the whole caption, the place and the comments", "[instagram][shapes]") {
  auto out = parse_as("https://www.instagram.com/p/CxAbC123/", "text/html", R"html(<html><head>
    <meta property="og:type" content="instapp:photo"><meta property="og:url" content="https://www.instagram.com/p/CxAbC123/">
    <meta property="og:description" content="12 likes, 2 comments - janeexample on May 1, 2026: &quot;Harvest day at plot 12&quot;. ">
    <script type="application/ld+json">{"@context":"http://schema.org","@type":"ImageObject","caption":"Harvest day at plot 12. Call 202-555-0147",
      "uploadDate":"2026-05-01T10:00:00","author":{"@type":"Person","alternateName":"@janeexample",
      "mainEntityofPage":{"@type":"ProfilePage","@id":"https://www.instagram.com/janeexample/"}},
      "comment":[{"@type":"Comment","text":"Lovely! I'm at 14 Elm Road","author":{"@type":"Person","alternateName":"@bobexample"}}],
      "commentCount":"2","contentLocation":{"@type":"Place","name":"Springfield"},
      "accessibilityCaption":"Photo of vegetables","image":"https://scontent.cdninstagram.com/v/harvest.jpg"}</script>
    </head><body></body></html>)html");
  const Item* post = find_item(out, "instagram:post:CxAbC123");
  REQUIRE(post != nullptr);
  CHECK(post->text == "Harvest day at plot 12. Call 202-555-0147");
  REQUIRE(post->published_at.has_value());
  CHECK(format_rfc3339(*post->published_at) == "2026-05-01T10:00:00Z");
  REQUIRE(post->geo.has_value());
  CHECK(post->geo->name == "Springfield");
  REQUIRE(post->media.size() == 1);
  CHECK(post->media[0].alt == "Photo of vegetables");
  REQUIRE(out.items.size() == 2);
  const Item& comment = out.items[1];
  CHECK(comment.kind == ItemKind::comment);
  CHECK(comment.author.handle == "bobexample");
  CHECK(comment.author.url == "https://www.instagram.com/bobexample/");
  CHECK(comment.parent_id == "instagram:post:CxAbC123");
  CHECK(comment.text == "Lovely! I'm at 14 Elm Road");
}

// web_profile_info lists collaboration posts in the account's grid; their node's `owner` is who
// posted them (instagrapi's extract_media_gql credits media["owner"]).
TEST_CASE("instagram: a grid post owned by another account is credited to its owner", "[instagram][shapes]") {
  auto out = parse_body("https://www.instagram.com/api/v1/users/web_profile_info/?username=janeexample", R"({"data": {"user": {
    "username": "janeexample", "full_name": "Jane Example", "is_private": false,
    "edge_owner_to_timeline_media": {"count": 2, "edges": [
      {"node": {"__typename": "GraphImage", "shortcode": "COLLAB1", "display_url": "https://cdn.example/c.jpg",
        "owner": {"id": "66", "username": "friend.example"},
        "coauthor_producers": [{"id": "58214730091", "username": "janeexample"}],
        "edge_media_to_caption": {"edges": [{"node": {"text": "Our stall is open"}}]}}},
      {"node": {"__typename": "GraphImage", "shortcode": "OWN1", "display_url": "https://cdn.example/o.jpg",
        "owner": {"id": "58214730091", "username": "janeexample"}}}]}}}, "status": "ok"})");
  const Item* collab = find_item(out, "instagram:post:COLLAB1");
  REQUIRE(collab != nullptr);
  CHECK(collab->author.handle == "friend.example");
  CHECK(collab->author.url == "https://www.instagram.com/friend.example/");
  CHECK(has_field(*collab, "coauthor", "janeexample"));
  const Item* own = find_item(out, "instagram:post:OWN1");
  REQUIRE(own != nullptr);
  CHECK(own->author.handle == "janeexample");
}

// /api/v1/users/<id>/info/ and the profile page's PolarisProfilePageContentQuery answer with api/v1
// user fields (instagrapi's User model: public_email, contact_phone_number, public_phone_number,
// city_name, address_street, zip, follower_count).
TEST_CASE("instagram: api v1 user answers keep the public contact fields and counts", "[instagram][shapes]") {
  auto info = parse_body("https://www.instagram.com/api/v1/users/58214730091/info/", R"({"user": {
    "pk": "58214730091", "username": "janeexample", "full_name": "Jane Example", "biography": "Ink and gardens",
    "is_private": false, "is_business": true, "category": "Artist", "follower_count": 120, "following_count": 80, "media_count": 12,
    "public_email": "jane@example.org", "contact_phone_number": "+15555550142", "public_phone_country_code": "1",
    "public_phone_number": "5555550142", "business_contact_method": "CALL", "address_street": "1 Garden Way",
    "city_name": "Springfield", "zip": "90210", "latitude": 39.78, "longitude": -89.65,
    "external_url": "https://jane.example/", "bio_links": [{"url": "https://jane.example/shop", "link_type": "external"}]}, "status": "ok"})");
  const Item* p = find_item(info, "instagram:account:janeexample");
  REQUIRE(p != nullptr);
  CHECK(p->text == "Ink and gardens");
  CHECK(has_field(*p, "public_email", "jane@example.org"));
  CHECK(has_field(*p, "contact_phone_number", "+15555550142"));
  CHECK(has_field(*p, "business_address", "1 Garden Way, 90210, Springfield"));
  CHECK(has_field(*p, "followers", "120"));
  CHECK(has_field(*p, "following", "80"));
  CHECK(p->links == std::vector<std::string>{"https://jane.example/", "https://jane.example/shop"});

  auto query = parse_body("https://www.instagram.com/graphql/query", R"({"data": {"user": {
    "pk": "58214730092", "id": "58214730092", "username": "janeprivate", "full_name": "Jane P", "is_private": true,
    "follower_count": 11, "following_count": 3, "media_count": 7}}, "extensions": {"is_final": true}})");
  const Item* q = find_item(query, "instagram:account:janeprivate");
  REQUIRE(q != nullptr);
  CHECK(has_field(*q, "followers", "11"));
  CHECK(has_field(*q, "is_private", "true"));
}

// Logged-out post pages embed the PolarisPostRootQuery answer in a data-sjs script
// (require[0][3][0].__bbox.require[0][3][1].__bbox.result.data, as scrapers walk it); OpenGraph
// keeps only the caption and one picture.
TEST_CASE("instagram html: a post page's embedded post query answer gives every picture with its alt text", "[instagram][shapes]") {
  auto out = parse_as("https://www.instagram.com/p/DEMB1/", "text/html", R"html(<html><head>
    <meta property="og:url" content="https://www.instagram.com/p/DEMB1/">
    <meta property="og:image" content="https://cdn.example/og.jpg">
    <meta property="og:description" content="5 likes, 1 comments - janeexample on September 12, 2026: &quot;Two views&quot;. ">
    </head><body>
    <script type="application/json" data-content-len="900" data-sjs>{"require":[["ScheduledServerJS","handle",null,[{"__bbox":{"require":[["RelayPrefetchedStreamCache","next",[],["adp_PolarisPostRootQueryRelayPreloader_1",{"__bbox":{"complete":true,"result":{"data":{"xdt_api__v1__media__shortcode__web_info":{"items":[
      {"code":"DEMB1","pk":"3900000000000000004","media_type":8,"taken_at":1789221390,
       "user":{"pk":"58214730091","username":"janeexample","full_name":"Jane Example","is_private":false},
       "caption":{"text":"Two views"},
       "location":{"pk":1,"name":"Springfield Riverside Park","lat":39.8,"lng":-89.6},
       "carousel_media":[
         {"media_type":1,"accessibility_caption":"May be an image of a river","image_versions2":{"candidates":[{"url":"https://cdn.example/1.jpg","width":1080,"height":1080}]}},
         {"media_type":1,"accessibility_caption":"May be an image of 1 person","image_versions2":{"candidates":[{"url":"https://cdn.example/2.jpg","width":1080,"height":1080}]},
          "usertags":{"in":[{"user":{"username":"friend.example"}}]}}]}]}}}}}]]]}}]]]}</script>
    </body></html>)html");
  const Item* post = find_item(out, "instagram:post:DEMB1");
  REQUIRE(post != nullptr);
  CHECK(post->text == "Two views");
  CHECK(post->author.name == "Jane Example");
  REQUIRE(post->media.size() == 2);
  CHECK(post->media[1].alt == "May be an image of 1 person");
  CHECK(has_field(*post, "tagged_user", "friend.example"));
  REQUIRE(post->geo);
  REQUIRE(post->geo->lat);
  CHECK(*post->geo->lat == Approx(39.8));
  REQUIRE(post->published_at);
  CHECK(format_rfc3339(*post->published_at) == "2026-09-12T13:56:30Z");
}

// Profiles without a user name are served at /people/<Name>/<id>/ (the id numeric, or a pfbid):
// personal sites link them this way. The account is the id, not the word "people".
TEST_CASE("facebook: a /people/ profile is the account its id names", "[facebook][shapes]") {
  auto out = parse_as("https://www.facebook.com/people/Jane-Example/100089412345678/", "text/html", R"html(<html><head>
    <meta property="og:title" content="Jane Example"><meta property="og:description" content="Gardener in Springfield.">
    <meta property="og:url" content="https://www.facebook.com/people/Jane-Example/100089412345678/"></head></html>)html");
  const Item* p = find_item(out, "facebook:account:100089412345678");
  REQUIRE(p != nullptr);
  CHECK(p->kind == ItemKind::profile);
  CHECK(p->author.handle == "100089412345678");
  CHECK(p->author.name == "Jane Example");
  CHECK(find_item(out, "facebook:account:people") == nullptr);
}
