// Platform adapters on response shapes the real APIs produce that the samples do not carry: GitHub
// events (including the trimmed shapes of 2025), YouTube, LinkedIn, Tumblr, WordPress and Stack
// Exchange, found by probing real responses. Reddit is in reddit_shapes_test.cpp, Instagram and
// Facebook in meta_shapes_test.cpp, the fediverse, Threads and Bluesky in fediverse_shapes_test.cpp,
// X in x_shapes_test.cpp, YouTube channel data in youtube_shapes_test.cpp.
// Bodies are built here (fictional data).
#include <catch2/catch.hpp>

#include <algorithm>

#include "parsers/platforms/platform_common.h"
#include "tests/parsers/sample_pages.h"

using namespace exposcan;
using test::find_item;
using test::has_field;
using test::parse_as;
using test::parse_body;

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
  const Item* post = find_item(out, "linkedin:post:urn:li:activity:7458000000000000000");
  REQUIRE(post != nullptr);
  CHECK(post->kind == ItemKind::post);
  CHECK(post->author.handle == "jane-example-1a2b3c");
  CHECK(post->author.name == "Jane Example");
  CHECK(post->text == "Seed swap on Saturday at the Springfield library.");
  for (const auto& it : out.items)
    if (it.author.name == "Jane Example") CHECK(it.text.find("202-555-0144") == std::string::npos);
  // Bob's comment is his item, answering the post.
  const Item* comment = nullptr;
  for (const auto& it : out.items)
    if (it.kind == ItemKind::comment) comment = &it;
  REQUIRE(comment != nullptr);
  CHECK(comment->id.rfind("linkedin:comment:", 0) == 0);
  CHECK(comment->author.name == "Bob Example");
  CHECK(comment->text == "Call me on 202-555-0144, Bob");
  CHECK(comment->parent_id == post->id);
  REQUIRE(comment->published_at.has_value());
  CHECK(format_rfc3339(*comment->published_at) == "2026-05-09T08:00:00Z");
  CHECK(out.items.size() == 2);

  // The same comment read on a country host (the author's address on another host) keeps its id.
  auto uk = parse_as("https://uk.linkedin.com/posts/jane-example-1a2b3c_seeds-activity-7458000000000000000-AbCd", "text/html",
                     R"html(<html><head><script type="application/ld+json">{"@type":"SocialMediaPosting","articleBody":"Seed swap",
      "comment":[{"@type":"Comment","datePublished":"2026-05-09T08:00:00.000Z","text":"Call me on 202-555-0144, Bob",
        "author":{"@type":"Person","name":"Bob Example"}}]}</script></head></html>)html");
  const Item* same = nullptr;
  for (const auto& it : uk.items)
    if (it.kind == ItemKind::comment) same = &it;
  REQUIRE(same != nullptr);
  CHECK(same->id == comment->id);
  CHECK(same->parent_id == "linkedin:post:urn:li:activity:7458000000000000000");

  // The same post at its /feed/update/ address is the same item, with or without a canonical link.
  auto update = parse_as("https://www.linkedin.com/feed/update/urn:li:activity:7458000000000000000/", "text/html",
                         R"html(<html><head><link rel="canonical" href="https://www.linkedin.com/posts/jane-example-1a2b3c_seeds-activity-7458000000000000000-AbCd">
    <script type="application/ld+json">{"@context":"http://schema.org","@type":"DiscussionForumPosting",
      "articleBody":"Seed swap on Saturday at the Springfield library.","author":{"name":"Jane Example","url":"https://www.linkedin.com/in/jane-example-1a2b3c"}}
    </script></head><body></body></html>)html");
  CHECK(find_item(update, "linkedin:post:urn:li:activity:7458000000000000000") != nullptr);
  auto bare = parse_as("https://www.linkedin.com/feed/update/urn:li:activity:7458000000000000001/", "text/html",
                       R"html(<html><head><script type="application/ld+json">{"@type":"SocialMediaPosting","articleBody":"Hello"}</script></head></html>)html");
  CHECK(find_item(bare, "linkedin:post:urn:li:activity:7458000000000000001") != nullptr);
  // An article address without an activity number keeps its slug.
  auto pulse = parse_as("https://www.linkedin.com/pulse/growing-tomatoes-jane-example", "text/html",
                        R"html(<html><head><script type="application/ld+json">{"@type":"Article","articleBody":"Tomatoes"}</script></head></html>)html");
  CHECK(find_item(pulse, "linkedin:post:growing-tomatoes-jane-example") != nullptr);
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
    "link": "https://blog.example.org/2024/02/05/trip/#comment-55", "status": "approved", "type": "comment",
    "author_avatar_urls": {"24": "https://secure.gravatar.com/avatar/b0b?s=24", "192": "https://secure.gravatar.com/avatar/b0b?s=192",
                           "48": "https://secure.gravatar.com/avatar/b0b?s=48", "96": "https://secure.gravatar.com/avatar/b0b?s=96"}}])");
  REQUIRE(comments.items.size() == 1);
  const Item& c = comments.items[0];
  CHECK(c.kind == ItemKind::comment);
  CHECK(c.id == "wordpress:blog.example.org:comment:55");
  CHECK(c.parent_id == "wordpress:blog.example.org:post:123");
  CHECK(c.author.name == "Bob Example");
  CHECK(c.text == "Say hi to Jane at 12 Elm Road. photos");
  CHECK(c.links == std::vector<std::string>{"https://bob.example/trip"});
  // The commenter's avatar, the largest size (192 is larger than 96 though it sorts first).
  REQUIRE(c.media.size() == 1);
  CHECK(c.media[0].url == "https://secure.gravatar.com/avatar/b0b?s=192");
  CHECK(c.media[0].alt == "avatar");

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
