// Mastodon, other ActivityPub servers (Misskey, PeerTube), Threads and Bluesky on response shapes
// the real APIs and pages produce that the samples do not carry: Mastodon 4 pages, suspended and
// moved accounts, replies and quotes, status contexts; ActivityPub ids, pages and Creates by
// address; Threads pages and their fediverse actor; Bluesky threads to any depth, quotes, reposts
// and hidden authors. Bodies are built here (fictional data).
#include <catch2/catch.hpp>

#include <algorithm>

#include "parsers/platforms/platform_common.h"
#include "tests/parsers/sample_pages.h"

using namespace exposcan;
using test::find_item;
using test::has_field;
using test::parse_as;
using test::parse_body;

TEST_CASE("bluesky: thread whose root is not found yields no post item", "[bluesky][shapes]") {
  auto out = parse_body("https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?uri=at://did:plc:abc/app.bsky.feed.post/3k",
                        R"({"thread": {"$type": "app.bsky.feed.defs#notFoundPost", "uri": "at://did:plc:abc/app.bsky.feed.post/3k", "notFound": true}})");
  CHECK(out.items.empty());
}

TEST_CASE("bluesky: getPostThread yields the parent chain and every reply to any depth", "[bluesky][shapes]") {
  // threadViewPost: post, parent (recursive, upwards), replies (recursive, downwards); a
  // notFoundPost or blockedPost node has no post and is skipped.
  const auto view = [](const std::string& did, const std::string& rkey, const std::string& text,
                       const std::string& parent_uri) {
    std::string reply = parent_uri.empty() ? "" : R"(, "reply": {"root": {"uri": ")" + parent_uri + R"("}, "parent": {"uri": ")" + parent_uri + R"("}})";
    return R"({"uri": "at://)" + did + "/app.bsky.feed.post/" + rkey + R"(", "author": {"did": ")" + did +
           R"(", "handle": ")" + (did == "did:plc:jane" ? "jane.example.org" : "bob.example.net") +
           R"("}, "record": {"text": ")" + text + R"(", "createdAt": "2026-10-05T18:01:57Z")" + reply + "}}";
  };
  const std::string root_uri = "at://did:plc:jane/app.bsky.feed.post/r0";
  const std::string mid_uri = "at://did:plc:jane/app.bsky.feed.post/r1";
  const std::string body = R"({"thread": {"$type": "app.bsky.feed.defs#threadViewPost", "post": )" +
                           view("did:plc:jane", "r1", "middle", root_uri) +
                           R"(, "parent": {"$type": "app.bsky.feed.defs#threadViewPost", "post": )" +
                           view("did:plc:jane", "r0", "root", "") +
                           R"(}, "replies": [{"$type": "app.bsky.feed.defs#threadViewPost", "post": )" +
                           view("did:plc:bob", "b1", "bob answers", mid_uri) +
                           R"(, "replies": [{"$type": "app.bsky.feed.defs#threadViewPost", "post": )" +
                           view("did:plc:jane", "r2", "call me on +1 202 555 0148", "at://did:plc:bob/app.bsky.feed.post/b1") +
                           R"(, "replies": []}]}, {"$type": "app.bsky.feed.defs#blockedPost", "uri": "at://did:plc:x/app.bsky.feed.post/z", "blocked": true}]}})";
  auto out = parse_body("https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?uri=" + mid_uri, body);
  CHECK(out.errors.empty());
  REQUIRE(out.items.size() == 4);
  const Item* root = find_item(out, "bluesky:post:" + root_uri);
  REQUIRE(root != nullptr);
  CHECK(root->kind == ItemKind::post);
  const Item* mid = find_item(out, "bluesky:post:" + mid_uri);
  REQUIRE(mid != nullptr);
  CHECK(mid->kind == ItemKind::post);  // continues her own thread
  const Item* bob = find_item(out, "bluesky:post:at://did:plc:bob/app.bsky.feed.post/b1");
  REQUIRE(bob != nullptr);
  CHECK(bob->author.handle == "@bob.example.net");
  const Item* deep = find_item(out, "bluesky:post:at://did:plc:jane/app.bsky.feed.post/r2");
  REQUIRE(deep != nullptr);
  CHECK(deep->kind == ItemKind::comment);  // a reply to Bob
  CHECK(deep->text == "call me on +1 202 555 0148");
  CHECK(deep->parent_id == "bluesky:post:at://did:plc:bob/app.bsky.feed.post/b1");
}

TEST_CASE("bluesky: a thread nested without end is cut off at the depth cap", "[bluesky][shapes]") {
  std::string body = R"({"thread": )";
  const int depth = 500;
  for (int i = 0; i < depth; ++i)
    body += R"({"post": {"uri": "at://did:plc:jane/app.bsky.feed.post/p)" + std::to_string(i) +
            R"(", "author": {"did": "did:plc:jane", "handle": "jane.example.org"}, "record": {"text": "x"}}, "replies": [)";
  for (int i = 0; i < depth; ++i) body += "]}";
  body += "}";
  auto out = parse_body("https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?uri=x", body);
  CHECK(out.items.size() == 65);  // the root and 64 levels below it
}

TEST_CASE("mastodon 4 status page: the status from its OpenGraph tags", "[mastodon][shapes]") {
  // Since Mastodon 4.0 a logged-out status page is the web app's shell plus OpenGraph tags.
  auto out = parse_as("https://mastodon.social/@janeexample/113372924578045455", "text/html", R"html(<html><head>
    <meta property="og:type" content="article"><meta property="og:title" content="Jane Example (@janeexample@mastodon.social)">
    <meta property="og:description" content="Planting tomatoes today, call me on +1 202-555-0147">
    <meta property="og:url" content="https://mastodon.social/@janeexample/113372924578045455">
    <meta property="og:image" content="https://files.mastodon.social/media_attachments/files/1/original/a.jpg">
    <meta property="og:image:alt" content="Tomato seedlings in pots">
    <meta property="og:published_time" content="2026-04-08T09:30:00Z">
    <meta property="profile:username" content="janeexample@mastodon.social"></head>
    <body><div id="mastodon"></div><noscript>To use the Mastodon web application, please enable JavaScript.</noscript></body></html>)html");
  const Item* post = find_item(out, "mastodon:mastodon.social:status:113372924578045455");
  REQUIRE(post != nullptr);
  CHECK(post->text == "Planting tomatoes today, call me on +1 202-555-0147");
  CHECK(post->author.handle == "@janeexample@mastodon.social");
  CHECK(post->author.name == "Jane Example");
  CHECK(post->author.url == "https://mastodon.social/@janeexample");
  REQUIRE(post->published_at);
  CHECK(format_rfc3339(*post->published_at) == "2026-04-08T09:30:00Z");
  REQUIRE(post->media.size() == 1);
  CHECK(post->media[0].alt == "Tomato seedlings in pots");
}

TEST_CASE("mastodon: placeholder images, an empty bio, suspended and moved accounts", "[mastodon][shapes]") {
  auto profile = parse_as("https://mastodon.social/@nobio", "text/html", R"html(<html><head>
    <meta property="og:type" content="profile"><meta property="og:title" content="No Bio (@nobio@mastodon.social)">
    <meta property="og:description" content="4 Posts, 1 Following, 2 Followers &#xB7;">
    <meta property="og:image" content="https://mastodon.social/avatars/original/missing.png">
    <meta property="profile:username" content="nobio@mastodon.social"></head><body></body></html>)html");
  const Item* p = find_item(profile, "mastodon:mastodon.social:account:nobio");
  REQUIRE(p != nullptr);
  CHECK(p->text.empty());
  CHECK(p->media.empty());

  auto suspended = parse_body("https://mastodon.social/api/v1/accounts/lookup?acct=gone", R"({"id": "1", "username": "gone",
    "acct": "gone", "url": "https://mastodon.social/@gone", "suspended": true, "locked": false, "note": "",
    "avatar": "https://mastodon.social/avatars/original/missing.png", "header": "https://mastodon.social/headers/original/missing.png",
    "followers_count": -1, "following_count": 0})");
  REQUIRE(suspended.items.size() == 1);
  CHECK(suspended.items[0].visibility == Visibility::blocked);
  CHECK(suspended.items[0].media.empty());
  CHECK(suspended.links.empty());  // no statuses to read
  for (const auto& [k, v] : suspended.items[0].fields) CHECK(v != "-1");

  auto moved = parse_body("https://mastodon.social/api/v1/accounts/lookup?acct=oldjane", R"({"id": "2", "username": "oldjane",
    "acct": "oldjane", "url": "https://mastodon.social/@oldjane", "locked": true, "note": "",
    "moved": {"id": "3", "username": "jane", "acct": "jane@hachyderm.io", "url": "https://hachyderm.io/@jane"}})");
  REQUIRE(!moved.items.empty());
  CHECK(moved.items[0].visibility == Visibility::public_);  // locked: the profile is public, posts need a follow
  CHECK(has_field(moved.items[0], "moved_to", "@jane@hachyderm.io"));
  CHECK(has_field(moved.items[0], "locked", "true"));

  // An account kept in memory of someone who died (Mastodon 4.2 "memorial"): said, not hidden.
  auto memorial = parse_body("https://mastodon.social/api/v1/accounts/lookup?acct=remembered", R"({"id": "4",
    "username": "remembered", "acct": "remembered", "url": "https://mastodon.social/@remembered", "memorial": true, "note": ""})");
  REQUIRE(!memorial.items.empty());
  CHECK(has_field(memorial.items[0], "memorial", "true"));
  CHECK(memorial.items[0].visibility == Visibility::public_);
}

TEST_CASE("activitypub: ids in queries, one-item pages, PeerTube videos, string coordinates, aliases", "[activitypub][shapes]") {
  // WordPress's plugin names posts https://blog/?p=N; GoToSocial writes a one-item list as the item.
  auto wp = parse_as("https://blog.example.org/wp-json/activitypub/1.0/actors/1/outbox?page=1", "application/activity+json", R"({
    "@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollectionPage", "orderedItems": [
      {"type": "Create", "actor": "https://blog.example.org/?author=1", "to": ["https://www.w3.org/ns/activitystreams#Public"],
       "object": {"id": "https://blog.example.org/?p=12", "type": "Article", "name": "First", "content": "<p>One</p>",
                  "summary": "An excerpt", "attributedTo": "https://blog.example.org/?author=1",
                  "to": ["https://www.w3.org/ns/activitystreams#Public"]}},
      {"type": "Create", "actor": "https://blog.example.org/?author=1", "to": ["https://www.w3.org/ns/activitystreams#Public"],
       "object": {"id": "https://blog.example.org/?p=13", "type": "Note", "content": "<p>Two</p>",
                  "attributedTo": "https://blog.example.org/?author=1", "to": ["https://www.w3.org/ns/activitystreams#Public"]}}]})");
  REQUIRE(wp.items.size() == 2);
  CHECK(wp.items[0].id != wp.items[1].id);
  CHECK(has_field(wp.items[0], "summary", "An excerpt"));
  CHECK(wp.items[0].author.handle.empty());  // an actor named by a query has no readable handle

  auto gts = parse_as("https://gts.example.org/users/alice/outbox?page=true", "application/activity+json", R"({
    "@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollectionPage",
    "orderedItems": {"type": "Create", "actor": "https://gts.example.org/users/alice",
      "object": {"id": "https://gts.example.org/users/alice/statuses/01H", "type": "Note", "content": "new bike!",
                 "attributedTo": "https://gts.example.org/users/alice", "to": "https://www.w3.org/ns/activitystreams#Public",
                 "location": {"type": "Place", "name": "Paris", "latitude": "48.85", "longitude": "2.35"}}}})");
  REQUIRE(gts.items.size() == 1);
  CHECK(gts.items[0].author.handle == "@alice@gts.example.org");
  REQUIRE(gts.items[0].geo);
  CHECK(gts.items[0].geo->lat == Approx(48.85));
  CHECK(gts.items[0].geo->lon == Approx(2.35));

  auto video = parse_as("https://videos.example.org/videos/watch/abc", "application/activity+json", R"({
    "@context": ["https://www.w3.org/ns/activitystreams"], "type": "Video", "id": "https://videos.example.org/videos/watch/abc",
    "name": "Pruning roses", "content": "How I prune", "to": ["https://www.w3.org/ns/activitystreams#Public"],
    "attributedTo": [{"type": "Group", "id": "https://videos.example.org/video-channels/garden"},
                     {"type": "Person", "id": "https://videos.example.org/accounts/jane"}],
    "icon": [{"type": "Image", "url": "https://videos.example.org/thumbs/abc.jpg", "mediaType": "image/jpeg"}],
    "url": [{"type": "Link", "mediaType": "text/html", "href": "https://videos.example.org/w/abc"},
            {"type": "Link", "mediaType": "video/mp4", "href": "https://videos.example.org/static/abc-720.mp4"}],
    "language": {"identifier": "en", "name": "English"}})");
  REQUIRE(video.items.size() == 1);
  CHECK(video.items[0].author.handle == "@jane@videos.example.org");
  CHECK(video.items[0].language == "en");
  REQUIRE(video.items[0].media.size() == 2);
  CHECK(video.items[0].media[1].url == "https://videos.example.org/static/abc-720.mp4");

  // Served as plain JSON from a host exposcan does not know: recognised by its @context.
  auto actor = parse_as("https://fedi.example.net/users/jane", "application/json", R"({
    "@context": ["https://www.w3.org/ns/activitystreams"], "type": "Person", "id": "https://fedi.example.net/users/jane",
    "preferredUsername": "jane", "summary": "", "alsoKnownAs": ["https://old.example.net/users/jane"],
    "movedTo": "https://new.example.net/users/jane", "vcard:bday": "1990-01-02"})");
  REQUIRE(actor.items.size() == 1);
  CHECK(actor.items[0].platform == "activitypub");
  CHECK(has_field(actor.items[0], "also_known_as", "https://old.example.net/users/jane"));
  CHECK(has_field(actor.items[0], "moved_to", "https://new.example.net/users/jane"));
  CHECK(has_field(actor.items[0], "birthday", "1990-01-02"));
}

TEST_CASE("bluesky: quotes with media, unverified handles, reposts dated when reposted, hidden authors", "[bluesky][shapes]") {
  auto out = parse_body("https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=janeexample.bsky.social", R"({"feed": [
    {"post": {"uri": "at://did:plc:jane/app.bsky.feed.post/1", "author": {"did": "did:plc:jane", "handle": "handle.invalid",
        "labels": [{"val": "!no-unauthenticated"}]},
      "record": {"text": "look", "createdAt": "2026-04-01T10:00:00Z"},
      "embed": {"$type": "app.bsky.embed.recordWithMedia#view",
        "media": {"$type": "app.bsky.embed.images#view", "images": [{"fullsize": "https://cdn.example/i.jpg", "alt": "a fern"}]},
        "record": {"record": {"$type": "app.bsky.embed.record#viewRecord", "uri": "at://did:plc:other/app.bsky.feed.post/9"}}}}},
    {"post": {"uri": "at://did:plc:other/app.bsky.feed.post/8", "author": {"did": "did:plc:other", "handle": "other.example"},
      "record": {"text": "theirs", "createdAt": "2026-03-01T10:00:00Z"}},
     "reason": {"$type": "app.bsky.feed.defs#reasonRepost", "by": {"handle": "janeexample.bsky.social"}, "indexedAt": "2026-04-02T08:00:00Z"}}]})");
  const Item* quote = find_item(out, "bluesky:post:at://did:plc:jane/app.bsky.feed.post/1");
  REQUIRE(quote != nullptr);
  CHECK(has_field(*quote, "quotes", "at://did:plc:other/app.bsky.feed.post/9"));
  REQUIRE(quote->media.size() == 1);
  CHECK(quote->url == "https://bsky.app/profile/did:plc:jane/post/1");
  CHECK(quote->author.handle.empty());  // "handle.invalid" names no one
  CHECK(quote->media[0].alt == "a fern");
  CHECK(quote->visibility == Visibility::login_wall);
  const Item* repost = find_item(out, "bluesky:post:at://did:plc:other/app.bsky.feed.post/8#repost");
  REQUIRE(repost != nullptr);
  REQUIRE(repost->published_at);
  CHECK(format_rfc3339(*repost->published_at) == "2026-04-02T08:00:00Z");
}

TEST_CASE("mastodon and activitypub: replies to others are comments with the parent's id in one form", "[mastodon][activitypub][shapes]") {
  auto api = parse_body("https://mastodon.social/api/v1/accounts/1/statuses", R"([
    {"id": "20", "content": "<p>agreed</p>", "visibility": "public", "created_at": "2026-04-01T10:00:00Z",
     "in_reply_to_id": "10", "in_reply_to_account_id": "2",
     "account": {"id": "1", "username": "jane", "acct": "jane", "url": "https://mastodon.social/@jane"}},
    {"id": "21", "content": "<p>2/2</p>", "visibility": "public", "created_at": "2026-04-01T10:01:00Z",
     "in_reply_to_id": "20", "in_reply_to_account_id": "1",
     "account": {"id": "1", "username": "jane", "acct": "jane", "url": "https://mastodon.social/@jane"}}])");
  const Item* reply = find_item(api, "mastodon:mastodon.social:status:20");
  REQUIRE(reply != nullptr);
  CHECK(reply->kind == ItemKind::comment);
  CHECK(reply->parent_id == "mastodon:mastodon.social:status:10");
  const Item* thread = find_item(api, "mastodon:mastodon.social:status:21");
  REQUIRE(thread != nullptr);
  CHECK(thread->kind == ItemKind::post);

  auto ap = parse_as("https://mastodon.social/users/jane/outbox?page=true", "application/activity+json", R"({
    "@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollectionPage", "orderedItems": [
      {"type": "Create", "object": {"id": "https://mastodon.social/users/jane/statuses/20", "type": "Note", "content": "agreed",
        "attributedTo": "https://mastodon.social/users/jane", "inReplyTo": "https://mastodon.social/users/bob/statuses/10",
        "to": ["https://www.w3.org/ns/activitystreams#Public"]}},
      {"type": "Create", "object": {"id": "https://mastodon.social/users/jane/statuses/21", "type": "Note", "content": "2/2",
        "attributedTo": "https://mastodon.social/users/jane", "inReplyTo": "https://mastodon.social/users/jane/statuses/20",
        "to": ["https://www.w3.org/ns/activitystreams#Public"]}}]})");
  const Item* ap_reply = find_item(ap, "mastodon:mastodon.social:status:20");
  REQUIRE(ap_reply != nullptr);
  CHECK(ap_reply->kind == ItemKind::comment);
  CHECK(ap_reply->parent_id == "mastodon:mastodon.social:status:10");  // the id the API gives bob's status
  const Item* ap_thread = find_item(ap, "mastodon:mastodon.social:status:21");
  REQUIRE(ap_thread != nullptr);
  CHECK(ap_thread->kind == ItemKind::post);
  // Pleroma names objects /objects/UUID: a reply on the same server may be the author's own thread.
  auto pleroma = parse_as("https://pleroma.example/users/jane/outbox", "application/activity+json", R"({
    "@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollectionPage", "orderedItems": [
      {"type": "Create", "object": {"id": "https://pleroma.example/objects/bbb", "type": "Note", "content": "2/2",
        "attributedTo": "https://pleroma.example/users/jane", "inReplyTo": "https://pleroma.example/objects/aaa",
        "to": ["https://www.w3.org/ns/activitystreams#Public"]}},
      {"type": "Create", "object": {"id": "https://pleroma.example/objects/ccc", "type": "Note", "content": "hi",
        "attributedTo": "https://pleroma.example/users/jane", "inReplyTo": "https://other.example/objects/zzz",
        "to": ["https://www.w3.org/ns/activitystreams#Public"]}}]})");
  REQUIRE(pleroma.items.size() == 2);
  CHECK(pleroma.items[0].kind == ItemKind::post);
  CHECK(pleroma.items[1].kind == ItemKind::comment);
}

TEST_CASE("threads: an account from OpenGraph alone, counts apart from the bio", "[threads][shapes]") {
  // A profile saved without its data scripts (or a changed bundle): og:title and og:description.
  auto out = parse_as("https://www.threads.net/@jane.q", "text/html", R"html(<html><head>
    <meta property="og:title" content="Jane Q. Example (@jane.q) &#x2022; Threads, Say more">
    <meta property="og:description" content="12.5K Followers &#x2022; 310 Threads &#x2022; Potter &#x2022; baker. Call +1 202-555-0147. See the latest conversations with @jane.q.">
    <meta property="og:url" content="https://www.threads.net/@jane.q"></head><body></body></html>)html");
  const Item* p = find_item(out, "threads:account:jane.q");
  REQUIRE(p != nullptr);
  CHECK(p->kind == ItemKind::profile);
  CHECK(p->url == "https://www.threads.net/@jane.q");  // the host the page came from
  CHECK(p->author.name == "Jane Q. Example");
  CHECK(p->author.handle == "@jane.q");
  CHECK(p->text == "Potter \u2022 baker. Call +1 202-555-0147.");
  REQUIRE(p->fields.size() == 1);
  CHECK(p->fields[0].second == "12.5K Followers \u2022 310 Threads");
}

TEST_CASE("threads: embedded posts with video, private authors, /t/ links and broken scripts", "[threads][shapes]") {
  auto out = parse_as("https://www.threads.com/t/VID1", "text/html", R"html(<html><head>
    <meta property="og:title" content="Jane Example (@janeexample) on Threads">
    <meta property="og:description" content="Garden timelapse">
    <meta property="og:url" content="https://www.threads.com/@janeexample/post/VID1"></head><body>
    <script type="application/json" data-sjs>{"broken": "thread_items"</script>
    <script type="application/json" data-sjs>{"require":[["x",{"result":{"data":{"edges":[{"node":{"thread_items":[
      {"post":{"code":"VID1","pk":"1","taken_at":1777712400,"media_type":2,"caption":{"text":"Garden timelapse"},
        "user":{"username":"janeexample","text_post_app_is_private":true},
        "image_versions2":{"candidates":[{"url":"https://cdn.example/poster_s.jpg","width":320,"height":180},
                                        {"url":"https://cdn.example/poster_l.jpg","width":1280,"height":720}]},
        "video_versions":[{"type":101,"url":"https://cdn.example/v_hd.mp4"},{"type":102,"url":"https://cdn.example/v_sd.mp4"}],
        "usertags":{"in":[{"user":{"username":"tomato_tom"}}]},
        "text_post_app_info":{"is_reply":false,"reply_to_author":null}}}]}}]}}}]]}</script>
    </body></html>)html");
  REQUIRE(out.errors.size() == 1);
  CHECK(out.errors[0].find("not valid JSON") != std::string::npos);
  REQUIRE(out.items.size() == 1);
  const Item& v = out.items[0];
  CHECK(v.id == "threads:post:VID1");
  CHECK(v.kind == ItemKind::video);
  CHECK(v.url == "https://www.threads.com/@janeexample/post/VID1");
  CHECK(v.author.name == "Jane Example");  // from og:title: posts carry no display name
  CHECK(v.visibility == Visibility::followers);
  REQUIRE(v.media.size() == 2);
  CHECK(v.media[0].url == "https://cdn.example/poster_l.jpg");  // the largest candidate
  CHECK(v.media[1].url == "https://cdn.example/v_hd.mp4");      // one video, not every encoding
  REQUIRE(v.fields.size() == 1);
  CHECK(v.fields[0] == std::pair<std::string, std::string>("tagged_user", "tomato_tom"));
  // Hostile sizes: the largest candidate is still chosen, without overflowing.
  auto huge = parse_as("https://www.threads.com/@janeexample/post/BIG1", "text/html", R"html(<html><body>
    <script type="application/json">{"thread_items":[{"post":{"code":"BIG1","user":{"username":"janeexample"},
      "image_versions2":{"candidates":[{"url":"https://cdn.example/small.jpg","width":10,"height":10},
        {"url":"https://cdn.example/huge.jpg","width":9223372036854775807,"height":9223372036854775807}]}}}]}</script></body></html>)html");
  const Item* h = find_item(huge, "threads:post:BIG1");
  REQUIRE(h != nullptr);
  REQUIRE(h->media.size() == 1);
  CHECK(h->media[0].url == "https://cdn.example/huge.jpg");
  // Without any data script the post still comes from its OpenGraph tags.
  auto bare = parse_as("https://www.threads.com/@janeexample/post/OG1", "text/html", R"html(<html><head>
    <meta property="og:title" content="Jane Example (@janeexample) on Threads">
    <meta property="og:description" content="Just OpenGraph"></head></html>)html");
  const Item* b = find_item(bare, "threads:post:OG1");
  REQUIRE(b != nullptr);
  CHECK(b->text == "Just OpenGraph");
  CHECK(b->author.handle == "@janeexample");
}

TEST_CASE("activitypub: Misskey names actors by internal id: no handle is made up from it", "[activitypub][shapes]") {
  auto out = parse_body("https://misskey.example/users/9xyzabc123/outbox?page=true", R"({
    "@context": ["https://www.w3.org/ns/activitystreams", {"misskey": "https://misskey-hub.net/ns#", "_misskey_content": "misskey:_misskey_content"}],
    "type": "OrderedCollectionPage", "orderedItems": [
      {"type": "Create", "id": "https://misskey.example/notes/a1/activity", "actor": "https://misskey.example/users/9xyzabc123",
       "to": ["https://www.w3.org/ns/activitystreams#Public"],
       "object": {"type": "Note", "id": "https://misskey.example/notes/a1", "attributedTo": "https://misskey.example/users/9xyzabc123",
                  "content": "<p>Seed swap on Saturday</p>", "_misskey_content": "Seed swap on Saturday",
                  "to": ["https://www.w3.org/ns/activitystreams#Public"]}}]})");
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].author.handle.empty());
  CHECK(out.items[0].author.url == "https://misskey.example/users/9xyzabc123");
  // The same note with its author embedded by name.
  auto named = parse_body("https://misskey.example/notes/a2", R"({"@context": ["https://www.w3.org/ns/activitystreams", {"misskey": "https://misskey-hub.net/ns#"}],
    "type": "Note", "id": "https://misskey.example/notes/a2", "content": "<p>x</p>",
    "attributedTo": {"type": "Person", "id": "https://misskey.example/users/9xyzabc123", "preferredUsername": "janeexample"}})");
  REQUIRE(named.items.size() == 1);
  CHECK(named.items[0].author.handle == "@janeexample@misskey.example");
}

TEST_CASE("threads: the fediverse actor of a Threads account is the account its pages show", "[threads][activitypub][shapes]") {
  auto out = parse_body("https://threads.net/ap/users/17841400000000000/", R"({"@context": ["https://www.w3.org/ns/activitystreams"],
    "id": "https://threads.net/ap/users/17841400000000000/", "type": "Person", "preferredUsername": "janeexample", "name": "Jane Example",
    "url": "https://www.threads.net/@janeexample", "outbox": "https://threads.net/ap/users/17841400000000000/outbox/"})");
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].id == "threads:account:janeexample");
  CHECK(out.items[0].platform == "threads");
}

TEST_CASE("threads: pages that name no account yield nothing made up; numbers in a bio stay in the bio", "[threads][shapes]") {
  // An app shell, a deleted post or a missing account: the title is just "Threads".
  for (const char* url : {"https://www.threads.com/@janeexample/post/DKzzz", "https://www.threads.com/@janeexample", "https://www.threads.com/t/DKzzz"}) {
    auto out = parse_as(url, "text/html", R"html(<html><head><title>Threads</title>
      <meta property="og:description" content="Join Threads to share ideas, ask questions, post random thoughts and more."></head><body></body></html>)html");
    CHECK(out.items.empty());
  }
  auto profile = parse_as("https://www.threads.com/@JaneExample", "text/html", R"html(<html><head>
    <meta property="og:title" content="Jane Example (@janeexample) &#x2022; Threads, Say more">
    <meta property="og:description" content="1,234 Followers &#x2022; 89 Threads &#x2022; 202-555-0147 text me &#x2022; Illustrator. See the latest conversations with @janeexample."></head></html>)html");
  const Item* p = find_item(profile, "threads:account:janeexample");
  REQUIRE(p != nullptr);
  CHECK(p->text == "202-555-0147 text me \u2022 Illustrator.");
  CHECK(p->fields == std::vector<std::pair<std::string, std::string>>{{"counts", "1,234 Followers \u2022 89 Threads"}});
  // The embedded account written with capitals is the same account as the address.
  auto capitals = parse_as("https://www.threads.com/@janeexample", "text/html", R"html(<html><head>
    <meta property="og:title" content="Jane Example (@janeexample) &#x2022; Threads, Say more"></head><body>
    <script type="application/json">{"user": {"username": "JaneExample", "full_name": "Jane Example", "biography": "Gardener", "follower_count": 3}}</script>
    </body></html>)html");
  REQUIRE(capitals.items.size() == 1);
  CHECK(capitals.items[0].id == "threads:account:janeexample");
  CHECK(capitals.items[0].text == "Gardener");
}

TEST_CASE("activitypub: Mastodon 4.4 names misskey-hub.net for quotes: still Mastodon; boosts credit the author", "[activitypub][shapes]") {
  // ContextHelper :quotes adds "_misskey_quote" to every Note's @context since Mastodon 4.4.
  auto out = parse_body("https://social.example.org/users/janedoe/outbox?page=true", R"({
    "@context": ["https://www.w3.org/ns/activitystreams", {"ostatus": "http://ostatus.org#", "sensitive": "as:sensitive",
                 "_misskey_quote": "https://misskey-hub.net/ns#_misskey_quote", "quoteUri": "http://fedibird.com/ns#quoteUri"}],
    "type": "OrderedCollectionPage", "orderedItems": [
      {"type": "Create", "id": "https://social.example.org/users/janedoe/statuses/1/activity", "actor": "https://social.example.org/users/janedoe",
       "to": ["https://www.w3.org/ns/activitystreams#Public"],
       "object": {"type": "Note", "id": "https://social.example.org/users/janedoe/statuses/1", "attributedTo": "https://social.example.org/users/janedoe",
                  "content": "<p>Own post</p>", "to": ["https://www.w3.org/ns/activitystreams#Public"]}},
      {"type": "Announce", "id": "https://social.example.org/users/janedoe/statuses/2/activity", "actor": "https://social.example.org/users/janedoe",
       "to": ["https://www.w3.org/ns/activitystreams#Public"], "published": "2026-03-01T10:00:00Z",
       "object": "https://other.example.net/users/bob/statuses/3004"},
      {"type": "Announce", "id": "https://social.example.org/users/janedoe/statuses/3/activity", "actor": "https://social.example.org/users/janedoe",
       "to": ["https://www.w3.org/ns/activitystreams#Public"],
       "object": {"type": "Note", "id": "https://other.example.net/users/carol/statuses/77", "attributedTo": "https://other.example.net/users/carol",
                  "content": "<p>Carol's post</p>", "to": ["https://www.w3.org/ns/activitystreams#Public"]}}]})");
  REQUIRE(out.items.size() == 3);
  CHECK(out.items[0].author.handle == "@janedoe@social.example.org");
  CHECK(out.items[1].kind == ItemKind::link);
  CHECK(out.items[1].author.handle == "@bob@other.example.net");
  CHECK(has_field(out.items[1], "reblogged_by", "@janedoe@social.example.org"));
  CHECK(out.items[2].author.handle == "@carol@other.example.net");
  CHECK(out.items[2].text == "Carol's post");
  CHECK(has_field(out.items[2], "reblogged_by", "@janedoe@social.example.org"));
}

TEST_CASE("mastodon and activitypub: quote posts name the post they quote", "[mastodon][activitypub][shapes]") {
  // Mastodon 4.5 REST: `quote` is a Quote (quoted_status embedded) or a ShallowQuote (an id).
  auto rest = parse_body("https://social.example.org/api/v1/accounts/1/statuses", R"([
    {"id": "10", "url": "https://social.example.org/@jane/10", "created_at": "2026-03-01T10:00:00.000Z", "visibility": "public",
     "account": {"id": "1", "acct": "jane", "url": "https://social.example.org/@jane"}, "content": "<p>Look at this</p>",
     "quote": {"state": "accepted", "quoted_status": {"id": "9", "url": "https://other.example.net/@bob/9",
               "account": {"id": "2", "acct": "bob@other.example.net"}, "content": "<p>Bob's</p>"}}},
    {"id": "11", "url": "https://social.example.org/@jane/11", "created_at": "2026-03-02T10:00:00.000Z", "visibility": "public",
     "account": {"id": "1", "acct": "jane", "url": "https://social.example.org/@jane"}, "content": "<p>And this</p>",
     "quote": {"state": "pending", "quoted_status_id": "12"}},
    {"id": "13", "url": "https://social.example.org/@jane/13", "created_at": "2026-03-03T10:00:00.000Z", "visibility": "public",
     "account": {"id": "1", "acct": "jane", "url": "https://social.example.org/@jane"}, "content": "<p>No quote</p>", "quote": null}])");
  REQUIRE(rest.items.size() == 3);
  CHECK(has_field(rest.items[0], "quotes", "https://other.example.net/@bob/9"));
  CHECK(rest.items[0].text == "Look at this");  // the quoted post's text is not hers
  CHECK(has_field(rest.items[1], "quotes", "https://social.example.org/api/v1/statuses/12"));
  CHECK(has_field(rest.items[1], "quote.state", "pending"));
  for (const auto& [k, v] : rest.items[2].fields) CHECK(k.rfind("quote", 0) != 0);

  // ActivityPub: FEP-044f `quote`, Pleroma/Akkoma `quoteUrl`, Fedibird `quoteUri`, Misskey `_misskey_quote`.
  auto ap = parse_body("https://social.example.org/users/jane/outbox?page=true", R"({
    "@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollectionPage", "orderedItems": [
      {"type": "Note", "id": "https://social.example.org/users/jane/statuses/1", "attributedTo": "https://social.example.org/users/jane",
       "content": "<p>q1</p>", "to": ["https://www.w3.org/ns/activitystreams#Public"], "quote": "https://other.example.net/users/bob/statuses/5"},
      {"type": "Note", "id": "https://social.example.org/users/jane/statuses/2", "attributedTo": "https://social.example.org/users/jane",
       "content": "<p>q2</p>", "to": ["https://www.w3.org/ns/activitystreams#Public"], "quoteUrl": "https://pleroma.example.net/objects/abc"},
      {"type": "Note", "id": "https://social.example.org/users/jane/statuses/3", "attributedTo": "https://social.example.org/users/jane",
       "content": "<p>q3</p>", "to": ["https://www.w3.org/ns/activitystreams#Public"], "_misskey_quote": "https://mk.example.net/notes/9x"},
      {"type": "Note", "id": "https://social.example.org/users/jane/statuses/4", "attributedTo": "https://social.example.org/users/jane",
       "content": "<p>plain</p>", "to": ["https://www.w3.org/ns/activitystreams#Public"]}]})");
  REQUIRE(ap.items.size() == 4);
  CHECK(has_field(ap.items[0], "quotes", "https://other.example.net/users/bob/statuses/5"));
  CHECK(has_field(ap.items[1], "quotes", "https://pleroma.example.net/objects/abc"));
  CHECK(has_field(ap.items[2], "quotes", "https://mk.example.net/notes/9x"));
  for (const auto& [k, v] : ap.items[3].fields) CHECK(k != "quotes");
}

TEST_CASE("mastodon: a status context gives the statuses above and below it", "[mastodon][shapes]") {
  auto out = parse_body("https://social.example.org/api/v1/statuses/20/context", R"({
    "ancestors": [{"id": "10", "url": "https://social.example.org/@bob/10", "visibility": "public", "content": "<p>Question?</p>",
                   "account": {"id": "2", "acct": "bob", "url": "https://social.example.org/@bob"}}],
    "descendants": [{"id": "30", "url": "https://social.example.org/@jane/30", "visibility": "public", "in_reply_to_id": "20",
                     "in_reply_to_account_id": "2", "content": "<p>Ring me: +1 202 555 0143</p>",
                     "account": {"id": "1", "acct": "jane", "url": "https://social.example.org/@jane"}}]})");
  REQUIRE(out.items.size() == 2);
  CHECK(out.items[0].id == "mastodon:social.example.org:status:10");
  CHECK(out.items[0].author.handle == "@bob@social.example.org");
  CHECK(out.items[1].kind == ItemKind::comment);
  CHECK(out.items[1].text == "Ring me: +1 202 555 0143");
  CHECK(out.items[1].parent_id == "mastodon:social.example.org:status:20");
}

TEST_CASE("activitypub: a Create naming its object only by address is still the actor's post", "[activitypub][shapes]") {
  auto out = parse_body("https://social.example.org/users/jane/outbox?page=true", R"({
    "@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollectionPage", "orderedItems": [
      {"type": "Create", "id": "https://social.example.org/users/jane/statuses/7/activity", "actor": "https://social.example.org/users/jane",
       "published": "2026-04-01T08:00:00Z", "to": ["https://www.w3.org/ns/activitystreams#Public"],
       "object": "https://social.example.org/users/jane/statuses/7"},
      {"type": "Update", "id": "https://social.example.org/users/jane#updates/1", "actor": "https://social.example.org/users/jane",
       "object": "https://social.example.org/users/jane"}]})");
  REQUIRE(out.items.size() == 1);
  const Item& it = out.items[0];
  CHECK(it.kind == ItemKind::post);
  CHECK(it.id == "activitypub:social.example.org:status:7");
  CHECK(it.url == "https://social.example.org/users/jane/statuses/7");
  CHECK(it.author.url == "https://social.example.org/users/jane");
  CHECK(it.visibility == Visibility::public_);
  REQUIRE(it.published_at.has_value());
  CHECK(format_rfc3339(*it.published_at) == "2026-04-01T08:00:00Z");
}

TEST_CASE("bluesky: getAuthorFeed with includePins lists the pinned post twice: one item marked pinned", "[bluesky][shapes]") {
  // app.bsky.feed.defs#feedViewPost.reason is #reasonRepost or #reasonPin (an object without
  // properties); with includePins=true the pinned post comes first and again at its own place.
  const std::string pinned = R"({"uri": "at://did:plc:jane/app.bsky.feed.post/p1", "cid": "bafyp1",
      "author": {"did": "did:plc:jane", "handle": "jane.example.org"},
      "record": {"$type": "app.bsky.feed.post", "text": "About me: ceramics in Springfield", "createdAt": "2025-01-02T09:00:00Z"},
      "indexedAt": "2025-01-02T09:00:01Z"})";
  auto out = parse_body("https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=jane.example.org&includePins=true",
                        R"({"feed": [{"post": )" + pinned + R"(, "reason": {"$type": "app.bsky.feed.defs#reasonPin"}},
    {"post": {"uri": "at://did:plc:jane/app.bsky.feed.post/n2", "cid": "bafyn2", "author": {"did": "did:plc:jane", "handle": "jane.example.org"},
      "record": {"text": "newer", "createdAt": "2026-03-01T09:00:00Z"}, "indexedAt": "2026-03-01T09:00:01Z"}},
    {"post": )" + pinned + R"(}], "cursor": "2025-01-02T09:00:01.000Z"})");
  REQUIRE(out.items.size() == 2);
  const Item* pin = find_item(out, "bluesky:post:at://did:plc:jane/app.bsky.feed.post/p1");
  REQUIRE(pin != nullptr);
  CHECK(pin->kind == ItemKind::post);
  CHECK(has_field(*pin, "pinned", "true"));
  CHECK(std::count(pin->fields.begin(), pin->fields.end(), std::pair<std::string, std::string>{"pinned", "true"}) == 1);
  const Item* other = find_item(out, "bluesky:post:at://did:plc:jane/app.bsky.feed.post/n2");
  REQUIRE(other != nullptr);
  CHECK_FALSE(has_field(*other, "pinned", "true"));
}

TEST_CASE("bluesky: the profile names its pinned post", "[bluesky][shapes]") {
  // app.bsky.actor.defs#profileViewDetailed.pinnedPost is a com.atproto.repo.strongRef.
  auto out = parse_body("https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=jane.example.org",
                        R"({"did": "did:plc:jane", "handle": "jane.example.org", "displayName": "Jane Example",
    "pinnedPost": {"cid": "bafyp1", "uri": "at://did:plc:jane/app.bsky.feed.post/p1"}, "labels": []})");
  REQUIRE(out.items.size() == 1);
  CHECK(has_field(out.items[0], "pinned_post", "at://did:plc:jane/app.bsky.feed.post/p1"));
}

TEST_CASE("bluesky: reposts by an unverified handle are credited to the DID", "[bluesky][shapes]") {
  auto out = parse_body("https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=did:plc:jane", R"({"feed": [
    {"post": {"uri": "at://did:plc:bob/app.bsky.feed.post/b1", "author": {"did": "did:plc:bob", "handle": "bob.example.net"},
      "record": {"text": "theirs", "createdAt": "2026-03-01T10:00:00Z"}},
     "reason": {"$type": "app.bsky.feed.defs#reasonRepost", "by": {"did": "did:plc:jane", "handle": "handle.invalid"},
                "uri": "at://did:plc:jane/app.bsky.feed.repost/r1", "indexedAt": "2026-04-02T08:00:00Z"}}]})");
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].kind == ItemKind::link);
  CHECK(out.items[0].author.handle == "@bob.example.net");  // the post stays its author's
  CHECK(has_field(out.items[0], "reposted_by", "did:plc:jane"));
}

TEST_CASE("bluesky: labels once each: self-labels of a lone record and withdrawn labels", "[bluesky][shapes]") {
  // The AppView copies a record's self-labels into the view's labels; a negation withdraws one.
  auto feed = parse_body("https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=jane.example.org", R"({"feed": [
    {"post": {"uri": "at://did:plc:jane/app.bsky.feed.post/l1", "author": {"did": "did:plc:jane", "handle": "jane.example.org"},
      "record": {"text": "figure study", "createdAt": "2026-03-01T10:00:00Z",
                 "labels": {"$type": "com.atproto.label.defs#selfLabels", "values": [{"val": "nudity"}]}},
      "labels": [{"src": "did:plc:jane", "uri": "at://did:plc:jane/app.bsky.feed.post/l1", "val": "nudity", "cts": "2026-03-01T10:00:00Z"},
                 {"src": "did:plc:labeler", "uri": "at://did:plc:jane/app.bsky.feed.post/l1", "val": "sexual", "neg": true, "cts": "2026-03-02T10:00:00Z"}]}}]})");
  REQUIRE(feed.items.size() == 1);
  CHECK(has_field(feed.items[0], "label", "nudity"));
  CHECK_FALSE(has_field(feed.items[0], "label", "sexual"));
  CHECK(std::count_if(feed.items[0].fields.begin(), feed.items[0].fields.end(), [](const auto& f) { return f.first == "label"; }) == 1);
  auto record = parse_body("https://public.api.bsky.app/xrpc/com.atproto.repo.getRecord?repo=did:plc:jane&collection=app.bsky.feed.post&rkey=l1",
                           R"({"uri": "at://did:plc:jane/app.bsky.feed.post/l1", "cid": "bafyl1", "value": {"$type": "app.bsky.feed.post",
    "text": "figure study", "createdAt": "2026-03-01T10:00:00Z", "labels": {"$type": "com.atproto.label.defs#selfLabels", "values": [{"val": "nudity"}]}}})");
  REQUIRE(record.items.size() == 1);
  CHECK(has_field(record.items[0], "label", "nudity"));
}

TEST_CASE("bluesky: feed views replying to missing or blocked posts, link cards and video views", "[bluesky][shapes]") {
  // Shapes the adapter already reads, pinned here: feedViewPost.reply.parent/root may be
  // #notFoundPost or #blockedPost (the record's own reply refs still name the parent); an
  // #external card's thumb is the linked page's preview, not a picture the person posted; a
  // video view gives its HLS playlist, thumbnail and alt text.
  auto out = parse_body("https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=jane.example.org", R"({"feed": [
    {"post": {"uri": "at://did:plc:jane/app.bsky.feed.post/c1", "author": {"did": "did:plc:jane", "handle": "jane.example.org"},
      "record": {"text": "agreed", "createdAt": "2026-03-01T10:00:00Z",
                 "reply": {"root": {"uri": "at://did:plc:gone/app.bsky.feed.post/x", "cid": "bafyx"},
                           "parent": {"uri": "at://did:plc:gone/app.bsky.feed.post/x", "cid": "bafyx"}}}},
     "reply": {"root": {"$type": "app.bsky.feed.defs#notFoundPost", "uri": "at://did:plc:gone/app.bsky.feed.post/x", "notFound": true},
               "parent": {"$type": "app.bsky.feed.defs#blockedPost", "uri": "at://did:plc:gone/app.bsky.feed.post/x", "blocked": true,
                          "author": {"did": "did:plc:gone"}}}},
    {"post": {"uri": "at://did:plc:jane/app.bsky.feed.post/e1", "author": {"did": "did:plc:jane", "handle": "jane.example.org"},
      "record": {"text": "my shop", "createdAt": "2026-03-02T10:00:00Z"},
      "embed": {"$type": "app.bsky.embed.external#view", "external": {"uri": "https://shop.example.org/", "title": "Jane's shop",
        "description": "Ceramics", "thumb": "https://cdn.example.net/img/feed_thumbnail/plain/did:plc:jane/bafkthumb@jpeg"}}}},
    {"post": {"uri": "at://did:plc:jane/app.bsky.feed.post/v1", "author": {"did": "did:plc:jane", "handle": "jane.example.org"},
      "record": {"text": "the kiln", "createdAt": "2026-03-03T10:00:00Z"},
      "embed": {"$type": "app.bsky.embed.video#view", "cid": "bafkvid", "playlist": "https://video.example.net/watch/did%3Aplc%3Ajane/bafkvid/playlist.m3u8",
        "thumbnail": "https://video.example.net/watch/did%3Aplc%3Ajane/bafkvid/thumbnail.jpg", "alt": "Jane opening the kiln door",
        "aspectRatio": {"width": 16, "height": 9}}}}]})");
  REQUIRE(out.items.size() == 3);
  const Item* reply = find_item(out, "bluesky:post:at://did:plc:jane/app.bsky.feed.post/c1");
  REQUIRE(reply != nullptr);
  CHECK(reply->kind == ItemKind::comment);
  CHECK(reply->parent_id == "bluesky:post:at://did:plc:gone/app.bsky.feed.post/x");
  const Item* card = find_item(out, "bluesky:post:at://did:plc:jane/app.bsky.feed.post/e1");
  REQUIRE(card != nullptr);
  CHECK(card->media.empty());
  CHECK(card->links == std::vector<std::string>{"https://shop.example.org/"});
  const Item* video = find_item(out, "bluesky:post:at://did:plc:jane/app.bsky.feed.post/v1");
  REQUIRE(video != nullptr);
  REQUIRE(video->media.size() == 1);
  CHECK(video->media[0].type == "video");
  CHECK(video->media[0].url == "https://video.example.net/watch/did%3Aplc%3Ajane/bafkvid/playlist.m3u8");
  CHECK(video->media[0].alt == "Jane opening the kiln door");
}

// The web client's GraphQL answers (threads.com/api/graphql, "for (;;);"-prefixed, in a HAR or a
// saved response) hold the same objects as the embedded payloads: data.userData.user and
// data.mediaData.threads[].thread_items[].post (shapes as erkanzsy/threads-api schema.go types them).
TEST_CASE("threads: graphql answers give the account and its posts", "[threads][shapes]") {
  auto profile = parse_as("https://www.threads.com/api/graphql", "text/javascript", R"(for (;;);{"data": {"userData": {"user": {
    "is_private": false, "username": "janeexample", "full_name": "Jane Example", "biography": "Ink and gardens",
    "follower_count": 120, "bio_links": [{"url": "https://jane.example/"}], "pk": "58214730091"}}}, "extensions": {"is_final": true}})");
  const Item* p = find_item(profile, "threads:account:janeexample");
  REQUIRE(p != nullptr);
  CHECK(p->text == "Ink and gardens");
  CHECK(has_field(*p, "followers", "120"));

  auto posts = parse_as("https://www.threads.com/api/graphql", "text/javascript", R"(for (;;);{"data": {"mediaData": {"threads": [
    {"thread_items": [{"post": {"pk": "1", "code": "DTHR1", "taken_at": 1789221390, "caption": {"text": "Seedlings are up"},
      "user": {"username": "janeexample", "pk": "58214730091"}, "accessibility_caption": "May be an image of plants",
      "image_versions2": {"candidates": [{"url": "https://cdn.example/s.jpg", "width": 1080, "height": 1080}]},
      "text_post_app_info": {"is_reply": false}}}]},
    {"thread_items": [{"post": {"pk": "2", "code": "DTHR2", "taken_at": 1789221400, "caption": {"text": "Nice!"},
      "user": {"username": "friend.example", "pk": "66"},
      "text_post_app_info": {"is_reply": true, "reply_to_author": {"username": "janeexample"}}}}]}]}}})");
  const Item* own = find_item(posts, "threads:post:DTHR1");
  REQUIRE(own != nullptr);
  CHECK(own->author.handle == "@janeexample");
  CHECK(own->url == "https://www.threads.com/@janeexample/post/DTHR1");
  REQUIRE(own->media.size() == 1);
  CHECK(own->media[0].alt == "May be an image of plants");
  const Item* reply = find_item(posts, "threads:post:DTHR2");
  REQUIRE(reply != nullptr);
  CHECK(reply->author.handle == "@friend.example");
  CHECK(reply->kind == ItemKind::comment);
}
