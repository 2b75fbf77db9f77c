// The Reddit adapter on response shapes the real listings produce that the samples do not carry:
// comment trees (replies nested as Listings), deleted and removed stand-ins, galleries, polls, hosted
// and crossposted video, entity-escaped strings, default and builder avatars, emotes. Bodies are built
// here (fictional data).
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
