// Platform adapters on response shapes the real APIs produce that the samples do not carry:
// Reddit comment trees (replies nested as Listings), edited posts, galleries and hosted video;
// GitHub events, Instagram carousels, Facebook, YouTube, LinkedIn, Tumblr, WordPress and Stack
// Exchange shapes found by the 2026-11-27 probe of real responses. The fediverse, Threads and
// Bluesky shapes are in fediverse_shapes_test.cpp. Bodies are built here (fictional data).
#include <catch2/catch.hpp>

#include <algorithm>

#include "parsers/platforms/platform_common.h"
#include "tests/parsers/sample_pages.h"

using namespace exposcan;
using test::find_item;
using test::has_field;
using test::parse_as;
using test::parse_body;

TEST_CASE("reddit: post page comment tree is read to every depth", "[reddit][shapes]") {
  // /r/x/comments/abc.json: [post Listing, comments Listing]; a comment's "replies" is "" or a Listing.
  auto out = parse_body("https://www.reddit.com/r/gardening/comments/abc1/x.json", R"([
    {"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"id": "abc1", "title": "Seedlings",
      "author": "someone_else", "permalink": "/r/gardening/comments/abc1/x/", "created_utc": 1700000000.0,
      "is_self": false, "url": "https://v.redd.it/vid1", "edited": 1700000500.0,
      "media": {"reddit_video": {"fallback_url": "https://v.redd.it/vid1/DASH_720.mp4?source=fallback"}}}}]}},
    {"kind": "Listing", "data": {"children": [
      {"kind": "t1", "data": {"id": "c1", "author": "someone_else", "body": "top", "parent_id": "t3_abc1",
        "permalink": "/r/gardening/comments/abc1/x/c1/", "edited": false,
        "replies": {"kind": "Listing", "data": {"children": [
          {"kind": "t1", "data": {"id": "c2", "author": "janeexample", "body": "my reply", "parent_id": "t1_c1",
            "permalink": "/r/gardening/comments/abc1/x/c2/", "replies": {"kind": "Listing", "data": {"children": [
              {"kind": "t1", "data": {"id": "c3", "author": "janeexample", "body": "deeper", "parent_id": "t1_c2",
                "permalink": "/r/gardening/comments/abc1/x/c3/", "replies": ""}},
              {"kind": "more", "data": {"id": "m1", "children": ["c9"]}}]}}}}]}}}}]}}])");
  REQUIRE(out.items.size() == 4);
  const Item* post = find_item(out, "reddit:t3_abc1");
  REQUIRE(post != nullptr);
  REQUIRE(post->updated_at.has_value());
  CHECK(format_rfc3339(*post->updated_at) == "2023-11-14T22:21:40Z");
  REQUIRE(post->media.size() == 1);
  CHECK(post->media[0].url == "https://v.redd.it/vid1/DASH_720.mp4?source=fallback");
  CHECK(post->media[0].type == "video");
  const Item* c1 = find_item(out, "reddit:t1_c1");
  REQUIRE(c1 != nullptr);
  CHECK_FALSE(c1->updated_at.has_value());
  const Item* c3 = find_item(out, "reddit:t1_c3");
  REQUIRE(c3 != nullptr);
  CHECK(c3->text == "deeper");
  CHECK(c3->parent_id == "reddit:t1_c2");
  CHECK(c3->author.handle == "u/janeexample");
}

TEST_CASE("urls in plain text and Markdown end where the text says they end", "[platforms]") {
  CHECK(urls_in_text("see https://jane.example/cv. and [repo](https://code.example/jane/x) or (https://w.example/a_(b))!") ==
        std::vector<std::string>{"https://jane.example/cv", "https://code.example/jane/x", "https://w.example/a_(b)"});
  CHECK(urls_in_text("HTTPS://Jane.Example/A <http://x.example/> \"http://y.example/q?a=1&b=2\"") ==
        std::vector<std::string>{"HTTPS://Jane.Example/A", "http://x.example/", "http://y.example/q?a=1&b=2"});
  CHECK(urls_in_text("nohttp://a.example https:// plain text") == std::vector<std::string>{});
  CHECK(urls_in_text("twice https://a.example/ and https://a.example/") == std::vector<std::string>{"https://a.example/"});
  // Non-ASCII spaces and punctuation end a URL; letters do not (an IRI path).
  CHECK(urls_in_text("Site : https://jane.example/cv\u00A0et mon blog") == std::vector<std::string>{"https://jane.example/cv"});
  CHECK(urls_in_text("\u8BF7\u770Bhttps://jane.example/\uFF0C\u8C22\u8C22") == std::vector<std::string>{"https://jane.example/"});
  CHECK(urls_in_text("\u00ABhttps://jane.example/a\u00BB and \u201Chttps://jane.example/b\u201D\u2026") ==
        std::vector<std::string>{"https://jane.example/a", "https://jane.example/b"});
  CHECK(urls_in_text("https://de.example/wiki/M\u00FCller ok") == std::vector<std::string>{"https://de.example/wiki/M\u00FCller"});
  CHECK(urls_in_text("ends with http://") == std::vector<std::string>{});
  // Long input with many near-misses stays linear (a regression here shows up as a slow test run).
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "xhttp://a ";
  CHECK(urls_in_text(many + "https://last.example/").size() == 1);
}

TEST_CASE("github: an event's text is what the actor wrote, the issue it answers is context", "[github][shapes]") {
  // docs.github.com github-event-types: IssueCommentEvent carries the issue and the comment.
  auto out = parse_body("https://api.github.com/users/janeexample/events/public", R"([
    {"id": "1", "type": "IssueCommentEvent", "actor": {"login": "janeexample"}, "repo": {"name": "garden/seeds"},
     "created_at": "2026-05-01T10:00:00Z", "public": true,
     "payload": {"action": "created",
       "issue": {"title": "Other person's issue", "body": "Text by someone else", "user": {"login": "someone"},
                 "html_url": "https://github.com/garden/seeds/issues/7"},
       "comment": {"body": "My answer, see https://jane.example/notes.", "user": {"login": "janeexample"},
                   "html_url": "https://github.com/garden/seeds/issues/7#issuecomment-9"}}},
    {"id": "2", "type": "IssuesEvent", "actor": {"login": "janeexample"}, "repo": {"name": "garden/seeds"},
     "created_at": "2026-05-01T11:00:00Z", "payload": {"action": "closed",
       "issue": {"title": "Closed by me", "body": "Written by someone", "user": {"login": "someone"}}}},
    {"id": "3", "type": "ForkEvent", "actor": {"login": "janeexample"}, "repo": {"name": "garden/seeds"},
     "created_at": "2026-05-01T12:00:00Z", "payload": {"forkee": {"full_name": "janeexample/seeds", "html_url": "https://github.com/janeexample/seeds"}}},
    {"id": "4", "type": "GollumEvent", "actor": {"login": "janeexample"}, "repo": {"name": "garden/seeds"},
     "created_at": "2026-05-01T13:00:00Z", "payload": {"pages": [{"title": "Sowing calendar", "action": "edited",
       "html_url": "https://github.com/garden/seeds/wiki/Sowing-calendar"}]}},
    {"id": "5", "type": "DiscussionEvent", "actor": {"login": "janeexample"}, "repo": {"name": "garden/seeds"},
     "created_at": "2026-05-01T14:00:00Z", "payload": {"action": "created",
       "discussion": {"title": "Seed swap in Springfield", "body": "Bring seeds; I am at +1 202 555 0143.",
                      "user": {"login": "janeexample"}, "html_url": "https://github.com/garden/seeds/discussions/3"}}}])");
  const Item* comment = find_item(out, "github:event:1");
  REQUIRE(comment != nullptr);
  CHECK(comment->kind == ItemKind::comment);
  CHECK(comment->text == "My answer, see https://jane.example/notes.");
  CHECK(comment->url == "https://github.com/garden/seeds/issues/7#issuecomment-9");
  CHECK(has_field(*comment, "issue.title", "Other person's issue"));
  CHECK(comment->links == std::vector<std::string>{"https://jane.example/notes"});
  const Item* closed = find_item(out, "github:event:2");
  REQUIRE(closed != nullptr);
  CHECK(closed->text.find("Written by someone") == std::string::npos);
  CHECK(closed->text.find("Closed by me") == std::string::npos);
  CHECK(has_field(*closed, "issue.title", "Closed by me"));
  CHECK(has_field(*closed, "action", "closed"));
  const Item* fork = find_item(out, "github:event:3");
  REQUIRE(fork != nullptr);
  CHECK(fork->url == "https://github.com/janeexample/seeds");
  CHECK(has_field(*fork, "fork", "janeexample/seeds"));
  const Item* wiki = find_item(out, "github:event:4");
  REQUIRE(wiki != nullptr);
  CHECK(wiki->text == "Sowing calendar");
  CHECK(wiki->links == std::vector<std::string>{"https://github.com/garden/seeds/wiki/Sowing-calendar"});
  CHECK(wiki->url == "https://github.com/garden/seeds/wiki/Sowing-calendar");
  const Item* discussion = find_item(out, "github:event:5");
  REQUIRE(discussion != nullptr);
  CHECK(discussion->text == "Seed swap in Springfield\nBring seeds; I am at +1 202 555 0143.");
  CHECK(discussion->url == "https://github.com/garden/seeds/discussions/3");

  auto user = parse_body("https://api.github.com/users/janeexample",
                         R"({"login": "janeexample", "type": "User", "blog": "jane.example", "twitter_username": "janeexample"})");
  REQUIRE(user.items.size() == 1);
  CHECK(user.items[0].links == std::vector<std::string>{"https://jane.example", "https://x.com/janeexample"});
}

TEST_CASE("github: a pull request event of the trimmed 2025 shape points at the pull request", "[github][shapes]") {
  // Since 2025-10-07 (github.blog/changelog/2025-08-08-upcoming-changes-to-github-events-api-payloads)
  // a PullRequestEvent's pull_request is a stub: url, id, number, head, base; no html_url, title,
  // body or user (XAMPPRocky/octocrab tests/resources/pull_request_event.json, PR #826).
  auto out = parse_body("https://api.github.com/users/janeexample/events/public", R"([
    {"id": "11", "type": "PullRequestEvent", "actor": {"id": 1, "login": "janeexample", "display_login": "janeexample"},
     "repo": {"id": 3, "name": "garden/seeds", "url": "https://api.github.com/repos/garden/seeds"},
     "payload": {"action": "opened", "number": 8,
       "pull_request": {"url": "https://api.github.com/repos/garden/seeds/pulls/8", "id": 558121796, "number": 8,
         "head": {"ref": "frost-dates", "sha": "184cb4b61e26de7cccc385d37da25cd8bd817d27",
                  "repo": {"id": 3, "url": "https://api.github.com/repos/garden/seeds", "name": "seeds"}},
         "base": {"ref": "main", "sha": "dfbedd9e1470e53f3a0f2e408e4d6808585b6987",
                  "repo": {"id": 3, "url": "https://api.github.com/repos/garden/seeds", "name": "seeds"}}}},
     "public": true, "created_at": "2025-11-20T10:12:34Z"}])");
  REQUIRE(out.items.size() == 1);
  const Item& pr = out.items[0];
  CHECK(pr.url == "https://github.com/garden/seeds/pull/8");
  CHECK(pr.author.handle == "janeexample");
  CHECK(has_field(pr, "action", "opened"));
}

TEST_CASE("github: a push event points at its head commit with or without the commit list", "[github][shapes]") {
  // Since 2025-10-07 a PushEvent payload is repository_id, push_id, ref, head, before: no commits,
  // size or distinct_size (github/docs data/reusables/webhooks/push_properties.md puts those
  // under ifversion ghes).
  auto out = parse_body("https://api.github.com/users/janeexample/events/public", R"([
    {"id": "21", "type": "PushEvent", "actor": {"id": 1, "login": "janeexample"}, "repo": {"id": 3, "name": "garden/seeds"},
     "payload": {"repository_id": 3, "push_id": 6080608029, "ref": "refs/heads/main",
                 "head": "eb1a60c03544dcea290f2d57bb66ae188ce25778", "before": "9b2afb3a8e03fb30cc09e5efb64823bde802cf59"},
     "public": true, "created_at": "2025-11-23T19:54:09Z"},
    {"id": "22", "type": "PushEvent", "actor": {"id": 1, "login": "janeexample"}, "repo": {"id": 3, "name": "garden/seeds"},
     "payload": {"repository_id": 3, "push_id": 6080608030, "ref": "refs/heads/frost-dates",
                 "head": "eb1a60c03544dcea290f2d57bb66ae188ce25778", "before": "0000000000000000000000000000000000000000"},
     "public": true, "created_at": "2025-11-23T19:55:09Z"}])");
  REQUIRE(out.items.size() == 2);
  // The head commit, not the compare view GitHub's feed links: robots.txt disallows /*/*/compare.
  CHECK(out.items[0].url == "https://github.com/garden/seeds/commit/eb1a60c03544dcea290f2d57bb66ae188ce25778");
  CHECK(has_field(out.items[0], "ref", "refs/heads/main"));
  CHECK(out.items[0].text == "PushEvent garden/seeds");
  CHECK(out.items[1].url == "https://github.com/garden/seeds/commit/eb1a60c03544dcea290f2d57bb66ae188ce25778");
}

TEST_CASE("github: a bot actor links to its app page and a release without a name is its tag", "[github][shapes]") {
  // XAMPPRocky/octocrab tests/resources/release_event.json: actor "github-actions[bot]", whose
  // page is github.com/apps/github-actions (the release author's html_url); a release "name" may be null.
  auto out = parse_body("https://api.github.com/users/github-actions%5Bbot%5D/events/public", R"([
    {"id": "31", "type": "ReleaseEvent",
     "actor": {"id": 41898282, "login": "github-actions[bot]", "display_login": "github-actions",
               "url": "https://api.github.com/users/github-actions[bot]"},
     "repo": {"id": 5, "name": "example-org/planner", "url": "https://api.github.com/repos/example-org/planner"},
     "payload": {"action": "published", "release": {
       "html_url": "https://github.com/example-org/planner/releases/tag/v2.1", "id": 143718142,
       "author": {"login": "github-actions[bot]", "id": 41898282, "html_url": "https://github.com/apps/github-actions", "type": "Bot"},
       "tag_name": "v2.1", "name": null, "draft": false, "prerelease": false, "body": "Frost dates for 40 more towns."}},
     "public": true, "created_at": "2024-02-26T23:17:44Z",
     "org": {"id": 7, "login": "example-org", "url": "https://api.github.com/orgs/example-org"}}])");
  REQUIRE(out.items.size() == 1);
  const Item& release = out.items[0];
  CHECK(release.author.handle == "github-actions[bot]");
  CHECK(release.author.url == "https://github.com/apps/github-actions");
  CHECK(release.url == "https://github.com/example-org/planner/releases/tag/v2.1");
  CHECK(release.text == "v2.1\nFrost dates for 40 more towns.");
}

TEST_CASE("github: a member event names the added collaborator as context only", "[github][shapes]") {
  // docs.github.com github-event-types MemberEvent: payload.member is the user added, not the actor.
  auto out = parse_body("https://api.github.com/users/janeexample/events/public", R"([
    {"id": "41", "type": "MemberEvent", "actor": {"id": 1, "login": "janeexample"}, "repo": {"id": 3, "name": "janeexample/seed-planner"},
     "payload": {"member": {"login": "johnexample", "id": 3478088, "html_url": "https://github.com/johnexample", "type": "User"},
                 "action": "added"},
     "public": true, "created_at": "2025-09-09T10:00:00Z"}])");
  REQUIRE(out.items.size() == 1);
  const Item& member = out.items[0];
  CHECK(member.author.handle == "janeexample");
  CHECK(has_field(member, "member", "johnexample"));
  CHECK(member.text.find("johnexample") == std::string::npos);
}

TEST_CASE("reddit: deleted and removed stand-ins, comment links, galleries in order with captions", "[reddit][shapes]") {
  auto out = parse_body("https://www.reddit.com/user/janeexample/comments.json", R"({"kind": "Listing", "data": {"after": null, "children": [
    {"kind": "t1", "data": {"id": "c1", "author": "janeexample", "body": "see this",
      "body_html": "&lt;div class=\"md\"&gt;&lt;p&gt;see &lt;a href=\"https://example.org/a?b=1&amp;amp;c=2\"&gt;this&lt;/a&gt;&lt;/p&gt;&lt;/div&gt;",
      "permalink": "/r/x/comments/p1/t/c1/", "parent_id": "t3_p1", "created_utc": 1700000000}},
    {"kind": "t1", "data": {"id": "c2", "author": "[deleted]", "body": "[deleted]", "permalink": "/r/x/comments/p1/t/c2/",
      "parent_id": "t3_p1", "created_utc": 1700000000}},
    {"kind": "t3", "data": {"id": "g1", "author": "janeexample", "title": "Garden gallery", "is_self": false,
      "url": "https://www.reddit.com/gallery/g1", "permalink": "/r/x/comments/g1/garden_gallery/", "created_utc": 1700000000,
      "gallery_data": {"items": [{"media_id": "zz2", "caption": "Tomatoes on the balcony"},
                                 {"media_id": "aa1", "outbound_url": "https://shop.example/seeds"},
                                 {"media_id": "mm3", "caption": "A moving picture"}]},
      "media_metadata": {"aa1": {"e": "Image", "s": {"u": "https://preview.redd.it/aa1.jpg?width=640&amp;s=1"}},
                         "zz2": {"e": "Image", "s": {"u": "https://preview.redd.it/zz2.jpg?width=640&amp;s=2"}},
                         "mm3": {"e": "AnimatedImage", "s": {"gif": "https://i.redd.it/mm3.gif", "mp4": "https://preview.redd.it/mm3.mp4"}}}}},
    {"kind": "t3", "data": {"id": "x1", "author": "janeexample", "title": "Crossposted", "is_self": false,
      "url": "/r/pics/comments/o1/original/", "permalink": "/r/x/comments/x1/crossposted/", "created_utc": 1700000000,
      "crosspost_parent_list": [{"author": "someone", "permalink": "/r/pics/comments/o1/original/"}]}}]}})");
  const Item* c1 = find_item(out, "reddit:t1_c1");
  REQUIRE(c1 != nullptr);
  CHECK(c1->links == std::vector<std::string>{"https://example.org/a?b=1&c=2"});
  const Item* c2 = find_item(out, "reddit:t1_c2");
  REQUIRE(c2 != nullptr);
  CHECK(c2->text.empty());
  CHECK(c2->author.handle.empty());
  CHECK(has_field(*c2, "body", "[deleted]"));
  const Item* g = find_item(out, "reddit:t3_g1");
  REQUIRE(g != nullptr);
  REQUIRE(g->media.size() == 3);
  CHECK(g->media[0].url == "https://preview.redd.it/zz2.jpg?width=640&s=2");
  CHECK(g->media[0].alt == "Tomatoes on the balcony");
  CHECK(g->media[1].url == "https://preview.redd.it/aa1.jpg?width=640&s=1");
  CHECK(g->media[2].url == "https://i.redd.it/mm3.gif");
  CHECK(g->media[2].alt == "A moving picture");
  CHECK(std::find(g->links.begin(), g->links.end(), "https://shop.example/seeds") != g->links.end());
  const Item* x = find_item(out, "reddit:t3_x1");
  REQUIRE(x != nullptr);
  CHECK(x->links == std::vector<std::string>{"https://www.reddit.com/r/pics/comments/o1/original/"});
  CHECK(has_field(*x, "crosspost_of", "u/someone"));
}

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

TEST_CASE("x: the embed JSON gives the post and credits quoted and parent posts to their own authors", "[x][shapes]") {
  // cdn.syndication.twimg.com/tweet-result (vercel/react-tweet api/types/tweet.ts): text with t.co
  // links and entities, mediaDetails with ext_alt_text, quoted_tweet and parent as whole posts.
  auto out = parse_body("https://cdn.syndication.twimg.com/tweet-result?id=1790000000000000002&lang=en", R"({
    "__typename": "Tweet", "lang": "en", "created_at": "2024-05-13T09:30:00.000Z", "id_str": "1790000000000000002",
    "text": "@bobexample Same here, see https://t.co/AbCdEf12 https://t.co/PiCt0001",
    "entities": {"hashtags": [], "urls": [{"url": "https://t.co/AbCdEf12", "expanded_url": "https://jane.example/plot-12"}],
      "user_mentions": [{"id_str": "2002", "name": "Bob Example", "screen_name": "bobexample"}]},
    "user": {"id_str": "1001", "name": "Jane Example", "screen_name": "janeexample"},
    "in_reply_to_screen_name": "bobexample", "in_reply_to_status_id_str": "1790000000000000001", "in_reply_to_user_id_str": "2002",
    "mediaDetails": [{"type": "photo", "url": "https://t.co/PiCt0001", "media_url_https": "https://pbs.twimg.com/media/Gplot12.jpg",
      "ext_alt_text": "Plot 12 with the blue shed"}],
    "parent": {"id_str": "1790000000000000001", "lang": "en", "created_at": "2024-05-13T09:00:00.000Z",
      "text": "My number changed: 202-555-0177", "entities": {}, "user": {"id_str": "2002", "name": "Bob Example", "screen_name": "bobexample"}},
    "quoted_tweet": {"id_str": "1780000000000000000", "lang": "en", "created_at": "2024-04-01T10:00:00.000Z",
      "text": "Allotments open in Springfield", "entities": {}, "user": {"id_str": "3003", "name": "Town", "screen_name": "townexample"}}})");
  const Item* reply = find_item(out, "x:post:1790000000000000002");
  REQUIRE(reply != nullptr);
  CHECK(reply->kind == ItemKind::comment);
  CHECK(reply->author.handle == "@janeexample");
  CHECK(reply->text == "@bobexample Same here, see https://jane.example/plot-12");
  CHECK(reply->parent_id == "x:post:1790000000000000001");
  REQUIRE(reply->media.size() == 1);
  CHECK(reply->media[0].alt == "Plot 12 with the blue shed");
  CHECK(has_field(*reply, "quotes", "https://x.com/townexample/status/1780000000000000000"));
  REQUIRE(reply->published_at.has_value());
  CHECK(format_rfc3339(*reply->published_at) == "2024-05-13T09:30:00Z");
  const Item* parent = find_item(out, "x:post:1790000000000000001");
  REQUIRE(parent != nullptr);
  CHECK(parent->author.handle == "@bobexample");
  CHECK(parent->text == "My number changed: 202-555-0177");
  const Item* quoted = find_item(out, "x:post:1780000000000000000");
  REQUIRE(quoted != nullptr);
  CHECK(quoted->author.handle == "@townexample");

  auto gone = parse_body("https://cdn.syndication.twimg.com/tweet-result?id=1790000000000000009&lang=en",
                         R"({"__typename": "TweetTombstone", "tombstone": {"text": {"text": "This Post is from an account that no longer exists."}}})");
  REQUIRE(gone.items.size() == 1);
  CHECK(gone.items[0].id == "x:post:1790000000000000009");
  CHECK(gone.items[0].visibility == Visibility::unknown);

  // publish.twitter.com/oembed: the post as the embed's blockquote.
  auto embed = parse_body("https://publish.twitter.com/oembed?url=https://twitter.com/janeexample/status/1790000000000000002", R"({
    "url": "https://twitter.com/janeexample/status/1790000000000000002", "author_name": "Jane Example",
    "author_url": "https://twitter.com/janeexample",
    "html": "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Seedlings are up at plot 12 <a href=\"https://t.co/PiCt0001\">pic.twitter.com/PiCt0001</a></p>&mdash; Jane Example (@janeexample) <a href=\"https://twitter.com/janeexample/status/1790000000000000002?ref_src=twsrc%5Etfw\">May 13, 2024</a></blockquote>\n<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n",
    "width": 550, "height": null, "type": "rich", "cache_age": "3153600000", "provider_name": "Twitter",
    "provider_url": "https://twitter.com", "version": "1.0"})");
  const Item* e = find_item(embed, "x:post:1790000000000000002");
  REQUIRE(e != nullptr);
  CHECK(e->author.handle == "@janeexample");
  CHECK(e->author.name == "Jane Example");
  CHECK(e->text == "Seedlings are up at plot 12 pic.twitter.com/PiCt0001");
  CHECK(e->published_at.has_value());
}

TEST_CASE("youtube and linkedin: the channel id from links, a profile from OpenGraph alone", "[youtube][linkedin][shapes]") {
  auto channel = parse_as("https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv", "text/html", R"html(<html><head>
    <meta property="og:title" content="Jane Gardens"><link rel="canonical" href="https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv">
    <link rel="alternate" type="application/rss+xml" title="RSS" href="https://www.youtube.com/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv">
    <link itemprop="url" href="https://www.youtube.com/@janegardens"></head></html>)html");
  const Item* c = find_item(channel, "youtube:channel:UCabcdefghijklmnopqrstuv");
  REQUIRE(c != nullptr);
  CHECK(c->author.handle == "@janegardens");
  CHECK(has_field(*c, "channel_id", "UCabcdefghijklmnopqrstuv"));

  auto profile = parse_as("https://www.linkedin.com/in/janeexample", "text/html", R"html(<html><head>
    <meta property="og:type" content="profile"><meta property="og:title" content="Jane Example - Gardener - Example Co | LinkedIn">
    <meta property="og:description" content="Gardener at Example Co. Reach me at jane@example.org">
    <meta property="profile:first_name" content="Jane"><meta property="profile:last_name" content="Example"></head></html>)html");
  const Item* p = find_item(profile, "linkedin:account:janeexample");
  REQUIRE(p != nullptr);
  CHECK(p->kind == ItemKind::profile);
  CHECK(p->author.name == "Jane Example");
  CHECK(p->text == "Gardener at Example Co. Reach me at jane@example.org");
  // A sign-up page at a profile URL (no og:type profile) is not the person's profile.
  auto signup = parse_as("https://www.linkedin.com/in/janeexample", "text/html", R"html(<html><head>
    <meta property="og:title" content="Sign Up | LinkedIn"></head><body><p>Join now</p></body></html>)html");
  for (const auto& it : signup.items) CHECK(it.kind != ItemKind::profile);
}

TEST_CASE("linkedin and facebook: country and language hosts are read as the platform", "[linkedin][facebook][shapes]") {
  // LinkedIn serves public profiles on country hosts (uk.linkedin.com/in/...), Facebook on language
  // hosts (de-de.facebook.com, web.facebook.com); the page is the platform's, not a generic site's.
  const std::string profile_head = R"html(<html><head>
    <meta property="og:type" content="profile"><meta property="og:title" content="Jane Example - Gardener | LinkedIn">
    <meta property="profile:first_name" content="Jane"><meta property="profile:last_name" content="Example"></head></html>)html";
  auto uk = parse_as("https://uk.linkedin.com/in/janeexample", "text/html", profile_head);
  const Item* p = find_item(uk, "linkedin:account:janeexample");
  REQUIRE(p != nullptr);
  CHECK(p->platform == "linkedin");
  CHECK(p->kind == ItemKind::profile);
  auto de = parse_as("https://de-de.facebook.com/jane.example.gardens", "text/html", R"html(<html><head>
    <meta property="og:title" content="Jane Example"><meta property="og:url" content="https://www.facebook.com/jane.example.gardens">
    </head><body></body></html>)html");
  REQUIRE_FALSE(de.items.empty());
  CHECK(de.items[0].platform == "facebook");
}

TEST_CASE("youtube: a watch page names its uploader and says when a video is unlisted", "[youtube][shapes]") {
  // Logged-out watch pages: og:description is cut short; the uploader is in an itemprop="author"
  // span; ytInitialPlayerResponse has the whole description and microformat.isUnlisted.
  const std::string full = "Planting day at plot 12. Write to jane@example.org for seeds. " + std::string(200, 'x') + " Bye from Springfield";
  auto out = parse_as("https://www.youtube.com/watch?v=Ab3dEfGh1jK", "text/html", R"html(<html><head>
    <meta property="og:title" content="Planting day"><meta property="og:description" content="Planting day at plot 12. Write to jane@example.org for seeds. xxxxx">
    <meta property="og:url" content="https://www.youtube.com/watch?v=Ab3dEfGh1jK"></head><body>
    <div id="watch7-content"><meta itemprop="name" content="Planting day"><meta itemprop="unlisted" content="True">
    <span itemprop="author" itemscope itemtype="http://schema.org/Person"><link itemprop="url" href="http://www.youtube.com/@janegardens"><link itemprop="name" content="Jane Gardens"></span>
    <meta itemprop="datePublished" content="2024-04-08T05:30:00-07:00"></div>
    <script nonce="n">var ytInitialPlayerResponse = {"videoDetails":{"videoId":"Ab3dEfGh1jK","title":"Planting day","author":"Jane Gardens",
      "channelId":"UCabcdefghijklmnopqrstuv","shortDescription":")html" + full + R"html(","keywords":["garden","seeds {x}"]},
      "microformat":{"playerMicroformatRenderer":{"ownerProfileUrl":"http://www.youtube.com/@janegardens","isUnlisted":true,
      "publishDate":"2024-04-08T05:30:00-07:00"}}};var meta = document.createElement('meta');</script></body></html>)html");
  const Item* v = find_item(out, "youtube:video:Ab3dEfGh1jK");
  REQUIRE(v != nullptr);
  CHECK(v->kind == ItemKind::video);
  CHECK(v->author.handle == "@janegardens");
  CHECK(v->author.name == "Jane Gardens");
  CHECK(v->author.url == "http://www.youtube.com/@janegardens");
  CHECK(v->text == full);
  CHECK(v->visibility == Visibility::unlisted);
  CHECK(v->tags == std::vector<std::string>{"garden", "seeds {x}"});
  CHECK(has_field(*v, "channel_id", "UCabcdefghijklmnopqrstuv"));
  REQUIRE(v->published_at.has_value());
  CHECK(format_rfc3339(*v->published_at) == "2024-04-08T12:30:00Z");
}

TEST_CASE("linkedin: a public post's author is named by the profile address and commenters keep their words", "[linkedin][shapes]") {
  // Public post pages (2026): SocialMediaPosting with articleBody, `comment` (others' comments) and an
  // author with name and url only, the url often on a country host.
  auto out = parse_as("https://www.linkedin.com/posts/jane-example-1a2b3c_seeds-activity-7458000000000000000-AbCd", "text/html",
                      R"html(<html><head><meta property="og:title" content="Seed swap on Saturday | Jane Example">
    <script type="application/ld+json">{"@context":"http://schema.org","@type":"SocialMediaPosting",
      "@id":"https://www.linkedin.com/posts/jane-example-1a2b3c_seeds-activity-7458000000000000000-AbCd",
      "datePublished":"2026-05-09T07:00:48.974Z","headline":"Seed swap on Saturday.",
      "comment":[{"@type":"Comment","datePublished":"2026-05-09T08:00:00.000Z","text":"Call me on 202-555-0144, Bob",
        "author":{"@type":"Person","name":"Bob Example"}}],"commentCount":1,
      "articleBody":"Seed swap on Saturday at the Springfield library.",
      "author":{"name":"Jane Example","url":"https://uk.linkedin.com/in/jane-example-1a2b3c","@type":"Person"},
      "interactionStatistic":[{"@type":"InteractionCounter","interactionType":"http://schema.org/LikeAction","userInteractionCount":3}]}
    </script></head><body><p>Seed swap</p></body></html>)html");
  const Item* post = find_item(out, "linkedin:post:jane-example-1a2b3c_seeds-activity-7458000000000000000-AbCd");
  REQUIRE(post != nullptr);
  CHECK(post->kind == ItemKind::post);
  CHECK(post->author.handle == "jane-example-1a2b3c");
  CHECK(post->author.name == "Jane Example");
  CHECK(post->text == "Seed swap on Saturday at the Springfield library.");
  for (const auto& it : out.items)
    if (it.author.name == "Jane Example") CHECK(it.text.find("202-555-0144") == std::string::npos);
}

TEST_CASE("tumblr: group-blog authors, legacy link and video posts, NPF inline links and captions", "[tumblr][shapes]") {
  auto out = parse_body("https://api.tumblr.com/v2/blog/janeexample/posts?api_key=x", R"({"meta": {"status": 200}, "response": {"posts": [
    {"id": 1, "blog_name": "janeexample", "post_author": "friendexample", "type": "link", "url": "https://example.org/list.pdf",
     "link_image": "https://64.media.tumblr.com/x/link.jpg", "description": "<p>A list</p>", "timestamp": 1712566800},
    {"id": 2, "blog_name": "janeexample", "type": "video", "video_url": "https://va.media.tumblr.com/v.mp4",
     "thumbnail_url": "https://64.media.tumblr.com/x/frame.jpg", "timestamp": 1712566800},
    {"id": 3, "blog_name": "janeexample", "timestamp": 1712566800, "content": [
      {"type": "text", "text": "see my map", "formatting": [{"type": "link", "start": 7, "end": 10, "url": "https://maps.example.org/plot"}]},
      {"type": "image", "media": [{"url": "https://64.media.tumblr.com/x/plot.jpg"}], "caption": "Plot 12 in June"}]}]}})");
  const Item* link = find_item(out, "tumblr:janeexample:post:1");
  REQUIRE(link != nullptr);
  CHECK(link->author.handle == "friendexample");
  CHECK(std::find(link->links.begin(), link->links.end(), "https://example.org/list.pdf") != link->links.end());
  REQUIRE(link->media.size() == 1);
  const Item* video = find_item(out, "tumblr:janeexample:post:2");
  REQUIRE(video != nullptr);
  REQUIRE(video->media.size() == 2);
  CHECK(video->media[1].type == "video");
  const Item* npf = find_item(out, "tumblr:janeexample:post:3");
  REQUIRE(npf != nullptr);
  CHECK(npf->links == std::vector<std::string>{"https://maps.example.org/plot"});
  REQUIRE(npf->media.size() == 1);
  CHECK(npf->media[0].alt == "Plot 12 in June");
}

TEST_CASE("tumblr: a reblog credits the trail to the blogs that wrote it and an ask to its asker", "[tumblr][shapes]") {
  // NPF (npf=true): `content` is only what the reblogging blog added; `trail` holds the earlier posts
  // (oldest first), and an `ask` layout marks the blocks someone else sent (tumblr/docs npf-spec.md).
  auto npf = parse_body("https://api.tumblr.com/v2/blog/janeexample/posts?npf=true", R"({"meta": {"status": 200}, "response": {"posts": [
    {"id_string": "10", "blog_name": "janeexample", "post_url": "https://janeexample.tumblr.com/post/10", "timestamp": 1712566800,
     "summary": "Call me on 202-555-0111", "content": [], "layout": [],
     "trail": [{"post": {"id": "9", "timestamp": 1712500000}, "blog": {"name": "friendexample", "uuid": "t:abc"},
                "content": [{"type": "text", "text": "Call me on 202-555-0111"},
                            {"type": "image", "media": [{"url": "https://64.media.tumblr.com/f/pond.jpg"}], "alt_text": "Pond"}], "layout": []}]},
    {"id_string": "11", "blog_name": "janeexample", "post_url": "https://janeexample.tumblr.com/post/11", "timestamp": 1712566900,
     "summary": "x", "content": [{"type": "text", "text": "Same pond, my photo"}], "layout": [],
     "trail": [{"broken_blog_name": "goneexample", "content": [{"type": "text", "text": "Old words"}], "layout": []}]},
    {"id_string": "12", "blog_name": "janeexample", "post_url": "https://janeexample.tumblr.com/post/12", "timestamp": 1712567000,
     "content": [{"type": "text", "text": "Where do you live?"}, {"type": "text", "text": "Springfield, near the pond"}],
     "layout": [{"type": "ask", "blocks": [0], "attribution": {"type": "blog", "url": "https://askerexample.tumblr.com",
                 "blog": {"name": "askerexample"}}}], "trail": []}]}})");
  const Item* boost = find_item(npf, "tumblr:janeexample:post:10");
  REQUIRE(boost != nullptr);
  CHECK(boost->kind == ItemKind::link);
  CHECK(boost->text.empty());  // not the summary, which is the friend's text
  CHECK(boost->media.empty());
  CHECK(has_field(*boost, "reblog_of", "tumblr:friendexample:post:9"));
  const Item* original = find_item(npf, "tumblr:friendexample:post:9");
  REQUIRE(original != nullptr);
  CHECK(original->author.handle == "friendexample");
  CHECK(original->text == "Call me on 202-555-0111");
  REQUIRE(original->media.size() == 1);
  CHECK(original->media[0].alt == "Pond");
  CHECK(has_field(*original, "reblogged_by", "janeexample"));
  const Item* added = find_item(npf, "tumblr:janeexample:post:11");
  REQUIRE(added != nullptr);
  CHECK(added->kind == ItemKind::post);
  CHECK(added->text == "Same pond, my photo");
  bool broken_found = false;
  for (const auto& it : npf.items)
    if (it.author.handle == "goneexample") broken_found = it.text == "Old words";
  CHECK(broken_found);
  const Item* answer = find_item(npf, "tumblr:janeexample:post:12");
  REQUIRE(answer != nullptr);
  CHECK(answer->text == "Springfield, near the pond");
  const Item* ask = find_item(npf, "tumblr:janeexample:post:12#ask");
  REQUIRE(ask != nullptr);
  CHECK(ask->kind == ItemKind::comment);
  CHECK(ask->author.handle == "askerexample");
  CHECK(ask->text == "Where do you live?");
  CHECK(ask->parent_id == "tumblr:janeexample:post:12");

  // Legacy (no npf): `body` / `answer` / `caption` hold the whole trail as nested blockquotes;
  // `reblog.comment` is what this blog added, and `trail` names each earlier post's blog.
  auto legacy = parse_body("https://api.tumblr.com/v2/blog/janeexample/posts", R"({"meta": {"status": 200}, "response": {"posts": [
    {"id": 20, "blog_name": "janeexample", "type": "answer", "timestamp": 1712566800,
     "post_url": "https://janeexample.tumblr.com/post/20", "asking_name": "Anonymous", "asking_url": null,
     "question": "Is your number still 202-555-0122?",
     "answer": "<p><a class=\"tumblr_blog\" href=\"https://friendexample.tumblr.com/post/19\">friendexample</a>:</p><blockquote><p>Mine is 202-555-0133</p></blockquote><p>ha, same street</p>",
     "reblog": {"tree_html": "<p>friendexample:</p><blockquote><p>Mine is 202-555-0133</p></blockquote>", "comment": "<p>ha, same street</p>"},
     "trail": [{"blog": {"name": "friendexample"}, "post": {"id": "19"}, "content_raw": "<p>Mine is 202-555-0133</p>", "is_root_item": true},
               {"blog": {"name": "janeexample"}, "post": {"id": "20"}, "content_raw": "<p>ha, same street</p>", "is_current_item": true}],
     "reblogged_from_id": "19", "reblogged_from_url": "https://friendexample.tumblr.com/post/19", "reblogged_from_name": "friendexample",
     "reblogged_root_id": "19", "reblogged_root_url": "https://friendexample.tumblr.com/post/19", "reblogged_root_name": "friendexample"},
    {"id": 21, "blog_name": "janeexample", "type": "photo", "timestamp": 1712566800, "post_url": "https://janeexample.tumblr.com/post/21",
     "caption": "<p>friendexample:</p><blockquote><p>My garden</p></blockquote>",
     "photos": [{"caption": "", "original_size": {"url": "https://64.media.tumblr.com/f/garden.jpg"}}],
     "reblog": {"tree_html": "<p>friendexample:</p><blockquote><p>My garden</p></blockquote>", "comment": ""},
     "trail": [{"blog": {"name": "friendexample"}, "post": {"id": "18"}, "content_raw": "<p>My garden</p>", "is_root_item": true}],
     "reblogged_from_name": "friendexample", "reblogged_from_url": "https://friendexample.tumblr.com/post/18",
     "reblogged_root_id": "18", "reblogged_root_url": "https://friendexample.tumblr.com/post/18", "reblogged_root_name": "friendexample"}]}})");
  const Item* reply = find_item(legacy, "tumblr:janeexample:post:20");
  REQUIRE(reply != nullptr);
  CHECK(reply->text == "ha, same street");
  const Item* legacy_ask = find_item(legacy, "tumblr:janeexample:post:20#ask");
  REQUIRE(legacy_ask != nullptr);
  CHECK(legacy_ask->author.name == "Anonymous");
  CHECK(legacy_ask->text == "Is your number still 202-555-0122?");
  const Item* root = find_item(legacy, "tumblr:friendexample:post:19");
  REQUIRE(root != nullptr);
  CHECK(root->text == "Mine is 202-555-0133");
  CHECK(root->url == "https://friendexample.tumblr.com/post/19");
  const Item* photo_boost = find_item(legacy, "tumblr:janeexample:post:21");
  REQUIRE(photo_boost != nullptr);
  CHECK(photo_boost->kind == ItemKind::link);
  CHECK(photo_boost->text.empty());
  CHECK(photo_boost->media.empty());
  const Item* photo_root = find_item(legacy, "tumblr:friendexample:post:18");
  REQUIRE(photo_root != nullptr);
  CHECK(photo_root->text == "My garden");
  REQUIRE(photo_root->media.size() == 1);
  CHECK(photo_root->media[0].url == "https://64.media.tumblr.com/f/garden.jpg");
}

TEST_CASE("wordpress: comments are comments, and a forbidden answer says the content is not public", "[wordpress][shapes]") {
  auto comments = parse_body("https://blog.example.org/wp-json/wp/v2/comments?post=123", R"([{"id": 55, "post": 123, "parent": 0,
    "author": 0, "author_name": "Bob Example", "author_url": "https://bob.example", "date_gmt": "2024-02-05T11:00:00",
    "content": {"rendered": "<p>Say hi to Jane at 12 Elm Road. <a href=\"https://bob.example/trip\">photos</a></p>"},
    "link": "https://blog.example.org/2024/02/05/trip/#comment-55", "status": "approved", "type": "comment"}])");
  REQUIRE(comments.items.size() == 1);
  const Item& c = comments.items[0];
  CHECK(c.kind == ItemKind::comment);
  CHECK(c.id == "wordpress:blog.example.org:comment:55");
  CHECK(c.parent_id == "wordpress:blog.example.org:post:123");
  CHECK(c.author.name == "Bob Example");
  CHECK(c.text == "Say hi to Jane at 12 Elm Road. photos");
  CHECK(c.links == std::vector<std::string>{"https://bob.example/trip"});

  auto forbidden = parse_body("https://blog.example.org/wp-json/wp/v2/users",
                              R"({"code": "rest_forbidden", "message": "Sorry, you are not allowed to do that.", "data": {"status": 401}})");
  REQUIRE(forbidden.items.size() == 1);
  CHECK(forbidden.items[0].visibility == Visibility::login_wall);
  CHECK(has_field(forbidden.items[0], "wall", "login-wall"));
  CHECK(forbidden.errors.size() == 1);
}

TEST_CASE("stackexchange: sites by name or domain, escaped names, error wrappers, paging", "[stackexchange][shapes]") {
  auto out = parse_body("https://api.stackexchange.com/2.3/users/7/answers?site=gardening&filter=withbody&page=3", R"({"items": [
    {"owner": {"user_id": 7, "display_name": "Jane O&#39;Example", "link": "https://gardening.stackexchange.com/users/7/jane"},
     "is_accepted": false, "creation_date": 1700000000, "answer_id": 11, "question_id": 10, "content_license": "CC BY-SA 4.0",
     "body": "<p>Mulch <img src=\"https://i.sstatic.net/bed.jpg\" alt=\"my raised bed\"></p>"}], "has_more": true})");
  REQUIRE(out.items.size() == 1);
  const Item& a = out.items[0];
  CHECK(a.id == "stackexchange:gardening:answer:11");
  CHECK(a.platform == "stackexchange");
  CHECK(a.kind == ItemKind::comment);
  CHECK(a.parent_id == "stackexchange:gardening:question:10");
  CHECK(a.url == "https://gardening.stackexchange.com/a/11");
  CHECK(a.author.name == "Jane O'Example");
  REQUIRE(a.media.size() == 1);
  CHECK(a.media[0].alt == "my raised bed");
  REQUIRE(out.links.size() == 1);
  CHECK(out.links[0].url.find("page=4") != std::string::npos);
  auto domain = parse_body("https://api.stackexchange.com/2.3/users/7?site=superuser.com", R"({"items": [{"user_id": 7, "display_name": "Jane"}]})");
  REQUIRE(domain.items.size() == 1);
  CHECK(domain.items[0].id == "stackexchange:superuser:user:7");
  CHECK(domain.items[0].url == "https://superuser.com/users/7");
  auto error = parse_body("https://api.stackexchange.com/2.3/users/7?site=stackoverflow",
                          R"({"error_id": 400, "error_message": "site is required", "error_name": "bad_parameter"})");
  CHECK(error.items.empty());
  REQUIRE(error.errors.size() == 1);
  CHECK(error.errors[0] == "Stack Exchange API error 400 (bad_parameter): site is required");
  // A comment without `link` (the filter left it out) gets the site's short comment address.
  auto comment = parse_body("https://api.stackexchange.com/2.3/users/7/comments?site=gardening&filter=withbody",
                            R"({"items": [{"owner": {"user_id": 7, "display_name": "Jane"}, "post_type": "question",
                                "post_id": 10, "comment_id": 55, "creation_date": 1700000000, "body": "Thanks!"}]})");
  REQUIRE(comment.items.size() == 1);
  CHECK(comment.items[0].id == "stackexchange:gardening:comment:55");
  CHECK(comment.items[0].kind == ItemKind::comment);
  CHECK(comment.items[0].url == "https://gardening.stackexchange.com/posts/comments/55");
  CHECK(comment.items[0].parent_id == "stackexchange:gardening:question:10");
  CHECK(comment.items[0].text == "Thanks!");
  // Without post_type the post may be a question or an answer (one id space): no parent is made up.
  auto untyped = parse_body("https://api.stackexchange.com/2.3/users/7/comments?site=gardening",
                            R"({"items": [{"owner": {"user_id": 7, "display_name": "Jane"}, "post_id": 12, "comment_id": 56}]})");
  REQUIRE(untyped.items.size() == 1);
  CHECK(untyped.items[0].parent_id.empty());
  CHECK(std::count(untyped.items[0].fields.begin(), untyped.items[0].fields.end(),
                   std::pair<std::string, std::string>{"post_id", "12"}) == 1);
  // A filter with body_markdown and no body: the escaped Markdown source is the text.
  auto markdown = parse_body("https://api.stackexchange.com/2.3/users/7/questions?site=gardening",
                             R"({"items": [{"owner": {"user_id": 7, "display_name": "Jane"}, "question_id": 13, "title": "Beds",
                                 "body_markdown": "Mail me: jane&#64;example.org &amp; see https://jane.example.org/beds"}]})");
  REQUIRE(markdown.items.size() == 1);
  CHECK(markdown.items[0].text == "Mail me: jane@example.org & see https://jane.example.org/beds");
  CHECK(markdown.items[0].links == std::vector<std::string>{"https://jane.example.org/beds"});
}

TEST_CASE("relation fields (who shared, whom it answers) are not scanned as the item's text", "[platforms]") {
  Item it;
  it.fields = {{"reposted_by", "@janeexample"}, {"reblogged_by", "@jane@mastodon.social"}, {"reply_to", "@janeexample"}, {"location", "Springfield"}};
  std::vector<std::string> seen;
  for_each_text_field(it, [&](std::string_view field, std::string_view) { seen.emplace_back(field); });
  CHECK(seen == std::vector<std::string>{"fields.location"});
}

TEST_CASE("wordpress: term names come escaped from the REST API and are tags as written", "[wordpress][shapes]") {
  auto out = parse_body("https://blog.example.org/wp-json/wp/v2/posts?_embed=1", R"([{"id": 7, "link": "https://blog.example.org/?p=7",
    "date_gmt": "2026-02-03T04:05:06", "status": "publish", "title": {"rendered": "Walks"}, "content": {"rendered": "<p>x</p>"},
    "_embedded": {"wp:term": [[{"id": 3, "name": "Hiking &amp; Walking", "taxonomy": "category"}], [{"id": 9, "name": "caf&eacute;", "taxonomy": "post_tag"}]]}}])");
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].tags == std::vector<std::string>{"Hiking & Walking", "café"});
}

TEST_CASE("wordpress: a post's embedded author becomes the author's profile", "[wordpress][shapes]") {
  auto out = parse_body("https://blog.example.org/wp-json/wp/v2/posts?_embed=1", R"([
    {"id": 7, "link": "https://blog.example.org/?p=7", "date_gmt": "2026-02-03T04:05:06", "status": "publish", "author": 2,
     "title": {"rendered": "One"}, "content": {"rendered": "<p>x</p>"},
     "_embedded": {"author": [{"id": 2, "name": "Jane Doe", "url": "https://jane.example.org", "slug": "jane",
                               "description": "Call me on +1 202 555 0147", "link": "https://blog.example.org/author/jane/"}]}},
    {"id": 8, "link": "https://blog.example.org/?p=8", "date_gmt": "2026-02-04T04:05:06", "status": "publish", "author": 2,
     "title": {"rendered": "Two"}, "content": {"rendered": "<p>y</p>"},
     "_embedded": {"author": [{"id": 2, "name": "Jane Doe", "url": "https://jane.example.org", "slug": "jane",
                               "description": "Call me on +1 202 555 0147", "link": "https://blog.example.org/author/jane/"}]}}])");
  REQUIRE(out.items.size() == 3);
  const Item* profile = find_item(out, "wordpress:blog.example.org:user:2");
  REQUIRE(profile != nullptr);
  CHECK(profile->kind == ItemKind::profile);
  CHECK(profile->text == "Call me on +1 202 555 0147");
  CHECK(has_field(*profile, "url", "https://jane.example.org"));
}

TEST_CASE("wordpress: embedded comments are their writers' and a featured picture's caption is kept", "[wordpress][shapes]") {
  // posts?_embed: `replies` (embeddable link) embeds the comments as a list per link, in the embed
  // context (no `post`); wp:featuredmedia has caption.rendered beside alt_text.
  auto out = parse_body("https://blog.example.org/wp-json/wp/v2/posts?_embed", R"([{"id": 7, "date_gmt": "2024-02-05T10:00:00",
    "link": "https://blog.example.org/2024/02/05/trip/", "title": {"rendered": "Trip"}, "author": 1,
    "content": {"rendered": "<p>We went.</p>", "protected": false}, "excerpt": {"rendered": "", "protected": false},
    "_embedded": {"author": [{"id": 1, "name": "Jane Example", "slug": "jane", "link": "https://blog.example.org/author/jane/"}],
      "wp:featuredmedia": [{"id": 9, "source_url": "https://blog.example.org/wp-content/uploads/pond.jpg", "media_type": "image",
        "mime_type": "image/jpeg", "alt_text": "", "caption": {"rendered": "<p>Our pond at 12 Elm Road</p>\n"}}],
      "replies": [[{"id": 55, "parent": 0, "author": 0, "author_name": "Bob Example", "author_url": "https://bob.example",
        "date": "2024-02-05T12:00:00", "content": {"rendered": "<p>Lovely, Jane!</p>"},
        "link": "https://blog.example.org/2024/02/05/trip/#comment-55", "type": "comment"},
       {"id": 56, "parent": 55, "author": 1, "author_name": "Jane Example", "author_url": "",
        "date": "2024-02-05T13:00:00", "content": {"rendered": "<p>Thanks Bob</p>"},
        "link": "https://blog.example.org/2024/02/05/trip/#comment-56", "type": "comment"}]]}}])");
  const Item* post = find_item(out, "wordpress:blog.example.org:post:7");
  REQUIRE(post != nullptr);
  REQUIRE(post->media.size() == 1);
  CHECK(post->media[0].alt == "Our pond at 12 Elm Road");
  CHECK(post->text == "We went.");
  const Item* bob = find_item(out, "wordpress:blog.example.org:comment:55");
  REQUIRE(bob != nullptr);
  CHECK(bob->kind == ItemKind::comment);
  CHECK(bob->author.name == "Bob Example");
  CHECK(bob->text == "Lovely, Jane!");
  CHECK(bob->parent_id == "wordpress:blog.example.org:post:7");
  const Item* jane = find_item(out, "wordpress:blog.example.org:comment:56");
  REQUIRE(jane != nullptr);
  CHECK(jane->author.handle == "user:1");
  CHECK(jane->parent_id == "wordpress:blog.example.org:comment:55");
}

TEST_CASE("wordpress: a featured video or sound file is not a picture", "[wordpress][shapes]") {
  auto out = parse_body("https://blog.example.org/wp-json/wp/v2/posts?_embed=1", R"([
    {"id": 9, "link": "https://blog.example.org/?p=9", "date_gmt": "2026-02-05T04:05:06", "status": "publish",
     "title": {"rendered": "Clips"}, "content": {"rendered": "<p>z</p>"},
     "_embedded": {"wp:featuredmedia": [
       {"id": 31, "media_type": "file", "mime_type": "video/mp4", "alt_text": "", "source_url": "https://blog.example.org/wp-content/uploads/clip.mp4"},
       {"id": 32, "media_type": "file", "mime_type": "audio/mpeg", "alt_text": "", "source_url": "https://blog.example.org/wp-content/uploads/talk.mp3"},
       {"id": 33, "media_type": "image", "mime_type": "image/jpeg", "alt_text": "Jane at the lake", "source_url": "https://blog.example.org/wp-content/uploads/lake.jpg"}]}}])");
  REQUIRE(out.items.size() == 1);
  const auto& media = out.items[0].media;
  REQUIRE(media.size() == 3);
  CHECK(media[0].type == "video");
  CHECK(media[1].type == "audio");
  CHECK(media[2].type == "image");
  CHECK(media[2].alt == "Jane at the lake");
}

TEST_CASE("reddit: a poll's options and an embedded video's title are the post's", "[reddit][shapes]") {
  auto out = parse_body("https://www.reddit.com/user/janeexample/submitted.json", R"({"kind": "Listing", "data": {"children": [
    {"kind": "t3", "data": {"id": "p1", "title": "Which bed?", "author": "janeexample", "permalink": "/r/gardening/comments/p1/x/",
     "created_utc": 1700000000.0, "is_self": true, "selftext": "",
     "poll_data": {"options": [{"id": "1", "text": "Raised"}, {"id": "2", "text": "Call me: 202-555-0143"}]}}},
    {"kind": "t3", "data": {"id": "v1", "title": "Tour", "author": "janeexample", "permalink": "/r/gardening/comments/v1/x/",
     "created_utc": 1700000000.0, "is_self": false, "url": "https://www.youtube.com/watch?v=abc",
     "media": {"type": "youtube.com", "oembed": {"title": "Garden tour &amp; Q", "author_name": "Jane Example"}}}}]}})");
  REQUIRE(out.items.size() == 2);
  CHECK(has_field(out.items[0], "poll.option", "Raised"));
  CHECK(has_field(out.items[0], "poll.option", "Call me: 202-555-0143"));
  CHECK(has_field(out.items[1], "embed.title", "Garden tour & Q"));
  CHECK(has_field(out.items[1], "embed.author", "Jane Example"));
}

TEST_CASE("reddit: every string comes entity-escaped unless raw_json=1 asked otherwise", "[reddit][shapes]") {
  // Without raw_json=1 Reddit writes '&', '<' and '>' as entities in titles, Markdown sources and
  // link URLs too (selftext "S&amp;P" beside selftext_html "S&amp;amp;P"), not only in *_html.
  const std::string listing = R"({"kind": "Listing", "data": {"children": [
    {"kind": "t3", "data": {"id": "p1", "title": "Fish &amp; chips &lt;3", "author": "janeexample", "is_self": false,
     "url": "https://shop.example.org/item?a=1&amp;b=2", "permalink": "/r/food/comments/p1/x/", "created_utc": 1700000000.0,
     "selftext": "", "selftext_html": null}},
    {"kind": "t1", "data": {"id": "c1", "author": "janeexample", "body": "&gt; quoted\n\nR&amp;D in &lt;b&gt;",
     "link_title": "Q&amp;A thread", "parent_id": "t3_p2", "permalink": "/r/food/comments/p2/x/c1/", "created_utc": 1700000000.0}}]}})";
  auto escaped = parse_body("https://www.reddit.com/user/janeexample/submitted.json", listing);
  REQUIRE(escaped.items.size() == 2);
  CHECK(escaped.items[0].title == "Fish & chips <3");
  CHECK(escaped.items[0].text == "Fish & chips <3");
  CHECK(escaped.items[0].links == std::vector<std::string>{"https://shop.example.org/item?a=1&b=2"});
  CHECK(escaped.items[1].text == "> quoted\n\nR&D in <b>");
  CHECK(has_field(escaped.items[1], "link_title", "Q&A thread"));
  // Asked with raw_json=1, the same characters are what the person typed.
  auto raw = parse_body("https://www.reddit.com/user/janeexample/submitted.json?raw_json=1", listing);
  REQUIRE(raw.items.size() == 2);
  CHECK(raw.items[0].title == "Fish &amp; chips &lt;3");
  auto html = parse_body("https://www.reddit.com/user/janeexample/comments.json?raw_json=1", R"({"kind": "Listing", "data": {"children": [
    {"kind": "t1", "data": {"id": "c2", "author": "janeexample", "body": "write <b> for bold",
     "body_html": "<div class=\"md\"><p>write &lt;b&gt; for bold</p>\n</div>", "parent_id": "t3_p2",
     "permalink": "/r/x/comments/p2/x/c2/", "created_utc": 1700000000.0}}]}})");
  REQUIRE(html.items.size() == 1);
  CHECK(html.items[0].text == "write <b> for bold");
}

TEST_CASE("reddit: the default avatar of an account that set none is not its photo", "[reddit][shapes]") {
  // about.json of an account without a picture: icon_img is a stock image, is_default_icon true.
  auto out = parse_body("https://www.reddit.com/user/janeexample/about.json", R"({"kind": "t2", "data": {"name": "janeexample",
    "created_utc": 1151849710.0, "hide_from_robots": true, "snoovatar_img": "",
    "icon_img": "https://www.redditstatic.com/avatars/defaults/v2/avatar_default_7.png",
    "subreddit": {"title": "", "public_description": "Seeds &amp; soil", "is_default_icon": true,
                  "icon_img": "https://www.redditstatic.com/avatars/defaults/v2/avatar_default_7.png"}}})");
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].media.empty());
  CHECK(out.items[0].text == "Seeds & soil");
  CHECK(has_field(out.items[0], "hide_from_robots", "true"));
  auto older = parse_body("https://www.reddit.com/user/janeexample/about.json", R"({"kind": "t2", "data": {"name": "janeexample",
    "icon_img": "https://www.redditstatic.com/avatars/avatar_default_19_EA0027.png", "subreddit": null}})");
  REQUIRE(older.items.size() == 1);
  CHECK(older.items[0].media.empty());
}

TEST_CASE("reddit: emotes in a comment are not pictures the person posted", "[reddit][shapes]") {
  // media_metadata of a comment holds its inline images, GIFs and the subreddit's emotes alike.
  auto out = parse_body("https://www.reddit.com/user/janeexample/comments.json", R"json({"kind": "Listing", "data": {"children": [
    {"kind": "t1", "data": {"id": "c1", "author": "janeexample", "body": "nice :2028: ![gif](giphy|abc|downsized)",
     "parent_id": "t3_p1", "permalink": "/r/x/comments/p1/x/c1/", "created_utc": 1700000000,
     "media_metadata": {
       "emote|t5_2abcd|2028": {"status": "valid", "e": "Image", "m": "image/png", "t": "sticker", "id": "emote|t5_2abcd|2028",
                               "s": {"u": "https://assets.example.net/asset-manager/t5_2abcd/emote.png", "x": 60, "y": 60}},
       "giphy|abc|downsized": {"status": "valid", "e": "AnimatedImage", "m": "image/gif", "t": "giphy", "id": "giphy|abc|downsized",
                               "s": {"gif": "https://external-preview.redd.it/abc.gif?width=200&amp;s=x", "x": 200, "y": 200}}}}}]}})json");
  REQUIRE(out.items.size() == 1);
  REQUIRE(out.items[0].media.size() == 1);
  CHECK(out.items[0].media[0].url == "https://external-preview.redd.it/abc.gif?width=200&s=x");
}

TEST_CASE("reddit: an i.redd.it picture without a preview is still the post's photo", "[reddit][shapes]") {
  // Listings may leave out `preview` (not yet made, or withheld): the upload is then only the
  // post's url / url_overridden_by_dest on Reddit's own image host.
  auto out = parse_body("https://www.reddit.com/user/janeexample/submitted.json", R"({"kind": "Listing", "data": {"children": [
    {"kind": "t3", "data": {"id": "i1", "author": "janeexample", "title": "My balcony tomatoes", "is_self": false,
      "domain": "i.redd.it", "url": "https://i.redd.it/abc123xyz.jpg", "url_overridden_by_dest": "https://i.redd.it/abc123xyz.jpg",
      "is_reddit_media_domain": true, "permalink": "/r/gardening/comments/i1/my_balcony_tomatoes/", "created_utc": 1700000000}},
    {"kind": "t3", "data": {"id": "i2", "author": "janeexample", "title": "Same, with a preview", "is_self": false,
      "domain": "i.redd.it", "url": "https://i.redd.it/def456uvw.jpg", "permalink": "/r/gardening/comments/i2/same/", "created_utc": 1700000000,
      "preview": {"images": [{"source": {"url": "https://preview.redd.it/def456uvw.jpg?auto=webp&amp;s=1", "width": 3024, "height": 4032}}]}}}]}})");
  const Item* bare = find_item(out, "reddit:t3_i1");
  REQUIRE(bare != nullptr);
  REQUIRE(bare->media.size() == 1);
  CHECK(bare->media[0].url == "https://i.redd.it/abc123xyz.jpg");
  CHECK(bare->media[0].type == "image");
  const Item* previewed = find_item(out, "reddit:t3_i2");
  REQUIRE(previewed != nullptr);
  REQUIRE(previewed->media.size() == 1);  // the preview is the same picture: not twice
  CHECK(previewed->media[0].url == "https://preview.redd.it/def456uvw.jpg?auto=webp&s=1");
}

TEST_CASE("reddit: a crosspost of a video carries the video of the post it shares", "[reddit][shapes]") {
  // The crosspost's own media and secure_media are null; the video is in crosspost_parent_list[0].
  auto out = parse_body("https://www.reddit.com/user/janeexample/submitted.json", R"({"kind": "Listing", "data": {"children": [
    {"kind": "t3", "data": {"id": "x2", "author": "janeexample", "title": "Our kiln opening", "is_self": false, "is_video": false,
      "media": null, "secure_media": null, "url": "/r/pottery/comments/o2/kiln_opening/", "permalink": "/r/ceramics/comments/x2/our_kiln_opening/",
      "created_utc": 1700000000, "crosspost_parent": "t3_o2",
      "crosspost_parent_list": [{"id": "o2", "author": "janeexample", "permalink": "/r/pottery/comments/o2/kiln_opening/", "is_video": true,
        "secure_media": {"reddit_video": {"fallback_url": "https://v.redd.it/kiln42/DASH_720.mp4?source=fallback", "is_gif": false}},
        "media": {"reddit_video": {"fallback_url": "https://v.redd.it/kiln42/DASH_720.mp4?source=fallback", "is_gif": false}}}]}}]}})");
  REQUIRE(out.items.size() == 1);
  REQUIRE(out.items[0].media.size() == 1);
  CHECK(out.items[0].media[0].url == "https://v.redd.it/kiln42/DASH_720.mp4?source=fallback");
  CHECK(out.items[0].media[0].type == "video");
  CHECK(has_field(out.items[0], "crosspost_of", "u/janeexample"));
}

TEST_CASE("reddit: a Snoo avatar is a drawing from Reddit's builder and the banner an upload", "[reddit][shapes]") {
  // about.json of an account with a builder avatar: icon_img is its headshot
  // (profileIcon_snoo<uuid>-headshot.png), snoovatar_img the whole figure (i.redd.it/snoovatar/...).
  auto snoo = parse_body("https://www.reddit.com/user/janeexample/about.json", R"({"kind": "t2", "data": {"name": "janeexample",
    "created_utc": 1535536900.0, "snoovatar_img": "https://i.redd.it/snoovatar/avatars/01b5020a-0000-4c93-974a-1f353f7e7c8e.png",
    "icon_img": "https://styles.redditmedia.com/t5_abcde/styles/profileIcon_snoo01b5020a-0000-4c93-974a-1f353f7e7c8e-headshot.png?width=256&amp;height=256&amp;crop=256:256,smart&amp;s=9f",
    "subreddit": {"title": "", "public_description": "", "over_18": true, "is_default_icon": false, "is_default_banner": false,
      "icon_img": "https://styles.redditmedia.com/t5_abcde/styles/profileIcon_snoo01b5020a-0000-4c93-974a-1f353f7e7c8e-headshot.png?width=256&amp;height=256&amp;crop=256:256,smart&amp;s=9f",
      "banner_img": "https://styles.redditmedia.com/t5_abcde/styles/profileBanner_q1w2e3.jpg?width=1280&amp;s=7a"}}})");
  REQUIRE(snoo.items.size() == 1);
  const Item& p = snoo.items[0];
  CHECK(has_field(p, "snoovatar", "https://i.redd.it/snoovatar/avatars/01b5020a-0000-4c93-974a-1f353f7e7c8e.png"));
  CHECK(has_field(p, "over_18", "true"));
  REQUIRE(p.media.size() == 1);  // the banner, not the drawing
  CHECK(p.media[0].url == "https://styles.redditmedia.com/t5_abcde/styles/profileBanner_q1w2e3.jpg?width=1280&s=7a");
  CHECK(p.media[0].alt == "banner");
  // An uploaded picture is the person's avatar, also when only the profile's subreddit names it.
  auto upload = parse_body("https://www.reddit.com/user/janeexample/about.json", R"({"kind": "t2", "data": {"name": "janeexample",
    "snoovatar_img": "", "icon_img": "",
    "subreddit": {"title": "Jane", "public_description": "Potter", "is_default_icon": false, "is_default_banner": true, "banner_img": "",
      "icon_img": "https://styles.redditmedia.com/t5_abcde/styles/profileIcon_k9j8h7g6.jpg?width=256&amp;s=3c"}}})");
  REQUIRE(upload.items.size() == 1);
  REQUIRE(upload.items[0].media.size() == 1);
  CHECK(upload.items[0].media[0].url == "https://styles.redditmedia.com/t5_abcde/styles/profileIcon_k9j8h7g6.jpg?width=256&s=3c");
  CHECK(upload.items[0].media[0].alt == "avatar");
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
