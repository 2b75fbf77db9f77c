// What each adapter must get right on the samples: personal data where it is planted, posts without
// any, visibility, paging links. (The golden files pin everything else.)
#include <catch2/catch.hpp>

#include "parsers/platforms/activitypub.h"
#include "parsers/platforms/bluesky.h"
#include "parsers/registry.h"
#include "tests/parsers/sample_pages.h"

using namespace exposcan;
using test::any_text_contains;
using test::find_item;
using test::has_field;

namespace {
ParseOutput parse_sample(std::string url, std::string file, std::string ct, std::vector<HttpHeader> headers = {}) {
  test::SampleSpec s;
  s.url = std::move(url);
  s.file = std::move(file);
  s.content_type = std::move(ct);
  s.headers = std::move(headers);
  return parse_page(test::sample_page(s));
}

bool has_link(const ParseOutput& out, std::string_view kind, std::string_view url) {
  for (const auto& l : out.links)
    if (l.kind == kind && l.url == url) return true;
  return false;
}

// At least one item carries `needle`, and at least one item of `kind` carries none of Jane's data.
void check_personal_and_plain(const ParseOutput& out, std::string_view needle, ItemKind kind) {
  bool with = false, without = false;
  for (const auto& it : out.items) {
    if (any_text_contains(it, needle)) with = true;
    if (it.kind == kind && !any_text_contains(it, "Springfield") && !any_text_contains(it, "jane@example.org") &&
        !any_text_contains(it, "555") && !any_text_contains(it, "1990") && !any_text_contains(it, "John Example"))
      without = true;
  }
  CHECK(with);
  CHECK(without);
}
}  // namespace

TEST_CASE("bluesky: author feed posts with facets / image alt text / repost and cursor paging", "[bluesky]") {
  auto out = parse_sample("https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=janeexample.bsky.social",
                          "public.api.bsky.app/_api/getAuthorFeed.json", "application/json");
  REQUIRE(out.items.size() == 3);
  const Item* market = find_item(out, "bluesky:post:at://did:plc:x7jnexmpl4jane2sprngfdq/app.bsky.feed.post/3lbq2sprngmkt");
  REQUIRE(market);
  CHECK(market->url == "https://bsky.app/profile/janeexample.bsky.social/post/3lbq2sprngmkt");
  CHECK(market->links == std::vector<std::string>{"https://jane.example/posts/garden-notes/"});
  CHECK(market->tags == std::vector<std::string>{"gardening"});
  REQUIRE(market->media.size() == 1);
  CHECK(market->media[0].alt == "Jane Example holding a crate of tomatoes at the Springfield farmers market");
  CHECK(format_rfc3339(*market->published_at) == "2026-09-20T08:41:03Z");
  CHECK(market->language == "en");
  CHECK(out.items[2].kind == ItemKind::link);  // the repost
  CHECK(has_field(out.items[2], "reposted_by", "@janeexample.bsky.social"));
  CHECK(has_link(out, "next", "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=janeexample.bsky.social&cursor=2026-08-30T13:10:00.000Z"));
  check_personal_and_plain(out, "Springfield", ItemKind::post);
}

TEST_CASE("bluesky: user-intent declaration fields and post URLs from at:// URIs", "[bluesky]") {
  auto out = parse_sample("https://public.api.bsky.app/xrpc/com.atproto.repo.getRecord?repo=did:plc:x7jnexmpl4jane2sprngfdq&collection=org.user-intents.declaration&rkey=self",
                          "public.api.bsky.app/_api/userIntent.json", "application/json");
  REQUIRE(out.items.size() == 1);
  CHECK(has_field(out.items[0], "user_intent.syntheticContentGeneration", "deny"));
  CHECK(has_field(out.items[0], "user_intent.bulkDataset", "deny"));
  CHECK(has_field(out.items[0], "user_intent.publicAccessArchive", "allow"));
  CHECK(bluesky_post_url("at://did:plc:abc/app.bsky.feed.post/3k2", "jane.example") == "https://bsky.app/profile/jane.example/post/3k2");
}

TEST_CASE("mastodon: API account fields / statuses with Link-header paging", "[mastodon]") {
  auto account = parse_sample("https://mastodon.social/api/v1/accounts/lookup?acct=janeexample", "mastodon.social/_api/account.json", "application/json");
  REQUIRE(account.items.size() == 1);
  CHECK(has_field(account.items[0], "Phone", "+1 202 555 0147"));
  CHECK(has_field(account.items[0], "Location", "Springfield"));
  CHECK(has_field(account.items[0], "indexable", "true"));
  CHECK(account.items[0].author.handle == "@janeexample@mastodon.social");
  CHECK(has_link(account, "api", "https://mastodon.social/api/v1/accounts/110236031393675807/statuses"));
  auto statuses = parse_sample("https://mastodon.social/api/v1/accounts/110236031393675807/statuses", "mastodon.social/_api/statuses.json", "application/json",
                               {{"Link", "<https://mastodon.social/api/v1/accounts/110236031393675807/statuses?max_id=115202077976969650>; rel=\"next\", "
                                         "<https://mastodon.social/api/v1/accounts/110236031393675807/statuses?min_id=117387362648795050>; rel=\"prev\""}});
  REQUIRE(statuses.items.size() == 4);
  CHECK(has_link(statuses, "next", "https://mastodon.social/api/v1/accounts/110236031393675807/statuses?max_id=115202077976969650"));
  const Item* seedlings = find_item(statuses, "mastodon:mastodon.social:status:116273834235464830");
  REQUIRE(seedlings);
  CHECK(any_text_contains(*seedlings, "jane@example.org"));
  REQUIRE_FALSE(seedlings->media.empty());
  CHECK_FALSE(seedlings->media[0].alt.empty());
  check_personal_and_plain(statuses, "jane@example.org", ItemKind::post);
}

TEST_CASE("activitypub: actor PropertyValue fields and outbox visibility from to/cc", "[mastodon][activitypub]") {
  auto actor = parse_sample("https://mastodon.social/users/janeexample", "mastodon.social/_api/actor.activity.json", "application/activity+json");
  REQUIRE(actor.items.size() == 1);
  CHECK(has_field(actor.items[0], "Phone", "+1 202 555 0147"));
  CHECK(has_link(actor, "api", "https://mastodon.social/users/janeexample/outbox"));
  auto outbox = parse_sample("https://mastodon.social/users/janeexample/outbox?page=true", "mastodon.social/_api/outbox_page.activity.json",
                             "application/activity+json");
  REQUIRE(outbox.items.size() == 4);
  CHECK(find_item(outbox, "mastodon:mastodon.social:status:117387362648795050")->visibility == Visibility::public_);
  CHECK(find_item(outbox, "mastodon:mastodon.social:status:117186046494678275")->visibility == Visibility::unlisted);
  CHECK(has_link(outbox, "next", "https://mastodon.social/users/janeexample/outbox?max_id=116000000000000001&page=true"));
  check_personal_and_plain(outbox, "jane@example.org", ItemKind::post);

  using nlohmann::json;
  const std::string pub = "https://www.w3.org/ns/activitystreams#Public";
  CHECK(activitypub_visibility(json{{"to", json::array({pub})}}) == Visibility::public_);
  CHECK(activitypub_visibility(json{{"to", "as:Public"}}) == Visibility::public_);
  CHECK(activitypub_visibility(json{{"to", json::array({"https://x.example/users/a/followers"})}, {"cc", json::array({pub})}}) == Visibility::unlisted);
  CHECK(activitypub_visibility(json{{"to", json::array({"https://x.example/users/a/followers"})}}) == Visibility::followers);
  CHECK(activitypub_visibility(json{{"to", json::array({"https://x.example/users/b"})}}) == Visibility::followers);
}

TEST_CASE("reddit: about / submitted with after paging / comments", "[reddit]") {
  auto about = parse_sample("https://www.reddit.com/user/janeexample/about.json", "www.reddit.com/_api/about.json", "application/json");
  REQUIRE(about.items.size() == 1);
  CHECK(about.items[0].id == "reddit:account:janeexample");
  auto submitted = parse_sample("https://www.reddit.com/user/janeexample/submitted.json", "www.reddit.com/_api/submitted.json", "application/json");
  REQUIRE(submitted.items.size() == 2);
  CHECK(has_link(submitted, "next", "https://www.reddit.com/user/janeexample/submitted.json?after=t3_1fgx2qk"));
  const Item* blight = find_item(submitted, "reddit:t3_1fgx2qk");
  REQUIRE(blight);
  CHECK(blight->url == "https://www.reddit.com/r/gardening/comments/1fgx2qk/tomato_blight_already_springfield_zone_6b/");
  CHECK(any_text_contains(*blight, "jane@example.org"));
  check_personal_and_plain(submitted, "jane@example.org", ItemKind::post);
  auto comments = parse_sample("https://www.reddit.com/user/janeexample/comments.json", "www.reddit.com/_api/comments.json", "application/json");
  REQUIRE(comments.items.size() == 2);
  CHECK(comments.items[0].kind == ItemKind::comment);
  CHECK(comments.items[1].parent_id == "reddit:t3_1cbday0");
  check_personal_and_plain(comments, "April 12", ItemKind::comment);
}

TEST_CASE("github: user fields / push-event commit e-mail from its patch / Link paging / profile README", "[github]") {
  auto user = parse_sample("https://api.github.com/users/janeexample", "api.github.com/_api/user.json", "application/json");
  REQUIRE(user.items.size() == 1);
  CHECK(has_field(user.items[0], "email", "jane@example.org"));
  CHECK(has_field(user.items[0], "location", "Springfield"));
  auto events = parse_sample("https://api.github.com/users/janeexample/events/public", "api.github.com/_api/events.json", "application/json",
                             {{"Link", "<https://api.github.com/user/131072042/events/public?page=2>; rel=\"next\""}});
  REQUIRE(events.items.size() == 3);
  // The sample push has the 2025 shape (no commits): its author is in the head commit's patch.
  const std::string patch_url = "https://github.com/janeexample/seed-planner/commit/4f6c1b2d9e8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b.patch";
  CHECK(has_link(events, "anchor", patch_url));
  CHECK(has_link(events, "next", "https://api.github.com/user/131072042/events/public?page=2"));
  auto patch = parse_sample(patch_url, "github.com/_patches/4f6c1b2d9e8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b.patch", "text/plain");
  REQUIRE(patch.items.size() == 1);
  CHECK(has_field(patch.items[0], "commit.author.email", "jane@example.org"));
  auto html = parse_sample("https://github.com/janeexample", "github.com/janeexample/index.html", "text/html");
  const Item* readme = find_item(html, "github:readme:janeexample");
  REQUIRE(readme);
  CHECK(any_text_contains(*readme, "jane@example.org"));
  CHECK(has_field(*find_item(html, "github:account:janeexample"), "location", "Springfield"));
}

TEST_CASE("youtube: channel page yields the profile, the videos it lists and its videos.xml feed link", "[youtube]") {
  auto out = parse_sample("https://www.youtube.com/@janeexample", "www.youtube.com/@janeexample/index.html", "text/html");
  REQUIRE(out.items.size() == 4);
  const Item& channel = out.items[0];
  CHECK(channel.id == "youtube:channel:UCj4n3Ex4mpl3Spr1ngf1eld0");
  CHECK(channel.author.handle == "@janeexample");
  // ytInitialData's channelMetadataRenderer has the whole description; og:description stops before the e-mail.
  CHECK(channel.text.find("jane@example.org") != std::string::npos);
  CHECK(channel.tags == std::vector<std::string>{"drawing", "ink", "gardening", "urban sketching"});
  CHECK(has_link(out, "feed", "https://www.youtube.com/feeds/videos.xml?channel_id=UCj4n3Ex4mpl3Spr1ngf1eld0"));
  // The featured video (with personal data) and a shelf's video (without) are one item each.
  const Item* tour = find_item(out, "youtube:video:G4rdenT0ur26");
  REQUIRE(tour);
  CHECK(tour->kind == ItemKind::video);
  CHECK(tour->url == "https://www.youtube.com/watch?v=G4rdenT0ur26");
  CHECK(any_text_contains(*tour, "John Example"));
  CHECK(tour->author.handle == "@janeexample");
  CHECK(tour->visibility == Visibility::public_);
  CHECK(has_field(*tour, "published_relative", "7 months ago"));
  const Item* ink = find_item(out, "youtube:video:Ink0ctober5h");
  REQUIRE(ink);
  CHECK(ink->text.empty());
  CHECK(ink->media.at(0).url == "https://i.ytimg.com/vi/Ink0ctober5h/hqdefault.jpg");
  const Item* shorts = find_item(out, "youtube:video:Sh0rtHer0n1");
  REQUIRE(shorts);
  CHECK(shorts->url == "https://www.youtube.com/shorts/Sh0rtHer0n1");
  CHECK(shorts->author.name == "Jane Example");
  // A video of another channel in a shelf ("Channels I watch") is not the channel's.
  CHECK(find_item(out, "youtube:video:Bl4ckb1rdS0") == nullptr);

  // The about panel: country, join date, and the links behind YouTube's redirector.
  auto about = parse_sample("https://www.youtube.com/@janeexample/about", "www.youtube.com/_about.html", "text/html");
  const Item* profile = find_item(about, "youtube:channel:UCj4n3Ex4mpl3Spr1ngf1eld0");
  REQUIRE(profile);
  CHECK(has_field(*profile, "country", "Germany"));
  CHECK(has_field(*profile, "joined", "Mar 3, 2015"));
  CHECK(has_field(*profile, "link: Mastodon", "https://mastodon.social/@janeexample"));
  CHECK(profile->links == std::vector<std::string>{"https://jane.example/", "https://mastodon.social/@janeexample"});
  CHECK(about.items.size() == 1);
}

TEST_CASE("facebook / x and linkedin: profiles and posts from logged-out metadata", "[facebook][x][linkedin]") {
  auto fb = parse_sample("https://www.facebook.com/janeexample/posts/pfbid02JaneSeedlings2026Spring5xQ",
                         "www.facebook.com/janeexample/posts/pfbid02JaneSeedlings2026Spring5xQ/index.html", "text/html");
  REQUIRE(fb.items.size() == 1);
  CHECK(fb.items[0].id == "facebook:post:pfbid02JaneSeedlings2026Spring5xQ");
  CHECK(any_text_contains(fb.items[0], "202-555-0147"));
  CHECK(fb.items[0].media.at(0).alt == "Trays of tomato seedlings on a windowsill");
  auto fb_plain = parse_sample("https://www.facebook.com/janeexample/posts/pfbid0InkHeronOct2026xYz",
                               "www.facebook.com/janeexample/posts/pfbid0InkHeronOct2026xYz/index.html", "text/html");
  CHECK(fb_plain.items.at(0).text == "Inktober day 5: a heron, mostly legs.");
  auto mobile = parse_sample("https://m.facebook.com/story.php?story_fbid=pfbid0BdayHike2026&id=100089412345678", "m.facebook.com/_story.html", "text/html");
  CHECK(any_text_contains(mobile.items.at(0), "12 April 1990"));
  CHECK(format_rfc3339(*mobile.items.at(0).published_at) == "2026-04-12T10:00:00Z");

  auto x = parse_sample("https://x.com/janeexample/status/1837001122334455667", "x.com/janeexample/status/1837001122334455667/index.html", "text/html");
  CHECK(x.items.at(0).id == "x:post:1837001122334455667");
  CHECK(x.items.at(0).text == "Spare tomato seedlings in Springfield, first come first served - DM me or jane@example.org");
  auto xp = parse_sample("https://x.com/janeexample", "x.com/janeexample/index.html", "text/html");
  CHECK(xp.items.at(0).author.name == "Jane Example");
  CHECK(has_field(xp.items.at(0), "location", "Springfield"));

  auto li = parse_sample("https://www.linkedin.com/in/janeexample", "www.linkedin.com/in/janeexample/index.html", "text/html");
  const Item* profile = find_item(li, "linkedin:account:janeexample");
  REQUIRE(profile);
  CHECK(has_field(*profile, "worksFor", "Example Studio"));
  CHECK(has_field(*profile, "addressLocality", "Springfield"));
  auto post = parse_sample("https://www.linkedin.com/posts/janeexample_fieldguide-illustration-activity-7247000000000000000-abcd",
                           "www.linkedin.com/posts/janeexample_fieldguide-illustration-activity-7247000000000000000-abcd/index.html", "text/html");
  CHECK(post.items.at(0).kind == ItemKind::post);
  CHECK(post.items.at(0).author.name == "Jane Example");
}

TEST_CASE("wordpress and tumblr: REST posts and NPF blocks with alt text", "[wordpress][tumblr]") {
  auto wp = parse_sample("https://janeexample.wordpress.com/wp-json/wp/v2/posts", "janeexample.wordpress.com/_api/posts.json", "application/json");
  REQUIRE(wp.items.size() == 3);  // two posts and their author's profile (embedded)
  CHECK(wp.items[0].id == "wordpress:janeexample.wordpress.com:post:212");
  CHECK(format_rfc3339(*wp.items[0].published_at) == "2026-04-13T08:05:00Z");
  const Item* author = find_item(wp, "wordpress:janeexample.wordpress.com:user:245193011");
  REQUIRE(author != nullptr);
  CHECK(author->kind == ItemKind::profile);
  CHECK(author->text == "Illustrator and gardener.");
  const Item* kit = find_item(wp, "wordpress:janeexample.wordpress.com:post:240");
  REQUIRE(kit != nullptr);
  CHECK(kit->title == "What\u2019s in my ink kit");
  check_personal_and_plain(wp, "12 April 1990", ItemKind::post);
  // Self-hosted WordPress: recognised by the path, whatever the host.
  auto self = parse_sample("https://blog.example.net/wp-json/wp/v2/posts", "janeexample.wordpress.com/_api/posts.json", "application/json");
  REQUIRE(self.items.size() == 3);
  CHECK(self.items[0].platform == "wordpress");
  auto tumblr = parse_sample("https://api.tumblr.com/v2/blog/janeexample/posts", "janeexample.tumblr.com/_api/v2_posts.json", "application/json");
  REQUIRE(tumblr.items.size() == 3);
  CHECK(tumblr.items[1].media.at(0).alt == "Ink drawing of a heron standing in reeds");
  check_personal_and_plain(tumblr, "(202) 555-0147", ItemKind::post);
}

TEST_CASE("bluesky: a facet whose byte range cuts a character is not used as text", "[bluesky][robust]") {
  // "Grüße an @bob.example.net" with a mention facet counted in UTF-16 units by its client.
  test::SampleSpec s;
  s.url = "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=janedoe.bsky.social";
  s.content_type = "application/json";
  s.body = R"({"feed": [{"post": {"uri": "at://did:plc:janedoe0000000000000000/app.bsky.feed.post/3kabc",
    "cid": "bafy", "author": {"did": "did:plc:janedoe0000000000000000", "handle": "janedoe.bsky.social"},
    "record": {"$type": "app.bsky.feed.post", "text": "Gr\u00fc\u00dfe an @bob.example.net", "createdAt": "2026-01-02T03:04:05Z",
      "facets": [{"index": {"byteStart": 1, "byteEnd": 3},
                  "features": [{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:bob"}]},
                 {"index": {"byteStart": 11, "byteEnd": 27},
                  "features": [{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:bob2"}]}]},
    "indexedAt": "2026-01-02T03:04:05Z"}}]})";
  ParseOutput out = parse_page(test::sample_page(s));
  REQUIRE(out.items.size() == 1);
  std::vector<std::string> mentions;
  for (const auto& [k, v] : out.items[0].fields)
    if (k == "mention") mentions.push_back(v);
  CHECK(mentions == std::vector<std::string>{"did:plc:bob", "@bob.example.net"});
}

TEST_CASE("bluesky: a reply in the author's own thread is a post and a reply to others a comment", "[bluesky]") {
  test::SampleSpec s;
  s.url = "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=janedoe.bsky.social";
  s.content_type = "application/json";
  s.body = R"({"feed": [
    {"post": {"uri": "at://did:plc:jane/app.bsky.feed.post/2", "cid": "b", "author": {"did": "did:plc:jane", "handle": "janedoe.bsky.social"},
      "record": {"$type": "app.bsky.feed.post", "text": "2/2", "createdAt": "2026-01-02T03:04:05Z",
        "reply": {"root": {"uri": "at://did:plc:jane/app.bsky.feed.post/1", "cid": "a"}, "parent": {"uri": "at://did:plc:jane/app.bsky.feed.post/1", "cid": "a"}}},
      "indexedAt": "2026-01-02T03:04:05Z"}},
    {"post": {"uri": "at://did:plc:jane/app.bsky.feed.post/3", "cid": "c", "author": {"did": "did:plc:jane", "handle": "janedoe.bsky.social"},
      "record": {"$type": "app.bsky.feed.post", "text": "nice one", "createdAt": "2026-01-02T04:04:05Z",
        "reply": {"root": {"uri": "at://did:plc:bob/app.bsky.feed.post/9", "cid": "z"}, "parent": {"uri": "at://did:plc:bob/app.bsky.feed.post/9", "cid": "z"}}},
      "indexedAt": "2026-01-02T04:04:05Z"}}]})";
  ParseOutput out = parse_page(test::sample_page(s));
  REQUIRE(out.items.size() == 2);
  CHECK(out.items[0].kind == ItemKind::post);
  CHECK(out.items[0].parent_id == "bluesky:post:at://did:plc:jane/app.bsky.feed.post/1");
  CHECK(out.items[1].kind == ItemKind::comment);
  CHECK(out.items[1].parent_id == "bluesky:post:at://did:plc:bob/app.bsky.feed.post/9");
}
