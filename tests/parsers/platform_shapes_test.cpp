// Platform adapters on response shapes the real APIs produce that the samples do not carry:
// Reddit comment trees (replies nested as Listings), edited posts and hosted video; Bluesky
// threads whose root is not a post view. Bodies are built here (fictional data).
#include <catch2/catch.hpp>

#include "parsers/registry.h"
#include "tests/parsers/sample_pages.h"

using namespace exposcan;
using test::find_item;

namespace {
ParseOutput parse_body(std::string url, std::string body) {
  test::SampleSpec s;
  s.url = std::move(url);
  s.content_type = "application/json";
  s.body = std::move(body);
  return parse_page(test::sample_page(s));
}
}  // namespace

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

TEST_CASE("bluesky: thread whose root is not found yields no post item", "[bluesky][shapes]") {
  auto out = parse_body("https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?uri=at://did:plc:abc/app.bsky.feed.post/3k",
                        R"({"thread": {"$type": "app.bsky.feed.defs#notFoundPost", "uri": "at://did:plc:abc/app.bsky.feed.post/3k", "notFound": true}})");
  CHECK(out.items.empty());
}
