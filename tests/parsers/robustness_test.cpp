// Hostile and broken input: every parser returns what it could read plus a recorded error, fast.
#include <catch2/catch.hpp>

#include <chrono>

#include "core/text.h"
#include "parsers/registry.h"
#include "tests/parsers/sample_pages.h"

using namespace exposcan;

namespace {
Page page_of(std::string url, std::string body, std::string ct) {
  test::SampleSpec s;
  s.url = std::move(url);
  s.body = std::move(body);
  s.content_type = std::move(ct);
  return test::sample_page(s);
}

double seconds_to_parse(const Page& p, ParseOutput* out) {
  auto t0 = std::chrono::steady_clock::now();
  *out = parse_page(p);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

TEST_CASE("robust: truncated JSON from an API is a recorded error / not a crash", "[robust]") {
  std::string body = test::read_text(test::source_dir() / "samples/sites/public.api.bsky.app/_api/getAuthorFeed.json");
  for (const char* url : {"https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=a", "https://www.reddit.com/user/a/about.json",
                          "https://api.github.com/users/a", "https://mastodon.social/api/v1/accounts/1/statuses", "https://www.instagram.com/api/v1/users/web_profile_info/?username=a",
                          "https://janeexample.wordpress.com/wp-json/wp/v2/posts", "https://api.tumblr.com/v2/blog/a/posts"}) {
    INFO(url);
    Page p = page_of(url, body.substr(0, body.size() / 2), "application/json");
    p.truncated = true;
    auto out = parse_page(p);
    REQUIRE(out.errors.size() == 1);
    CHECK(out.errors[0].rfind(std::string("invalid JSON from ") + url + ": byte ", 0) == 0);
    CHECK(out.errors[0].find("(body truncated at the size cap)") != std::string::npos);
    CHECK(out.items.empty());
  }
}

TEST_CASE("robust: JSON of the wrong shape yields nothing and no crash", "[robust]") {
  for (const char* body : {"[]", "{}", "null", "42", "\"x\"", R"({"feed": 3})", R"({"data": {"children": "x"}, "kind": "Listing"})",
                           R"([{"type": 1, "actor": null}])", R"({"did": 1, "handle": []})", R"({"acct": {}, "fields": 7})",
                           R"({"orderedItems": [{"type": "Create", "object": "x"}], "type": "OrderedCollectionPage"})"})
    for (const char* url : {"https://public.api.bsky.app/xrpc/x", "https://www.reddit.com/x.json", "https://api.github.com/x", "https://mastodon.social/api/v1/x",
                            "https://mastodon.social/users/x/outbox", "https://janeexample.wordpress.com/wp-json/wp/v2/posts", "https://api.tumblr.com/v2/x"}) {
      INFO(url << " " << body);
      CHECK_NOTHROW(parse_page(page_of(url, body, "application/json")));
      CHECK_NOTHROW(parse_page(page_of(url, body, "application/activity+json")));
    }
}

TEST_CASE("robust: wrong content types are sniffed or skipped", "[robust]") {
  // HTML served as JSON: nothing is invented, the JSON error is recorded.
  auto out = parse_page(page_of("https://api.github.com/users/a", "<!DOCTYPE html><title>x</title>", "application/json"));
  CHECK(out.items.empty());
  CHECK(out.errors.size() == 1);
  // A feed served as text/html is read as a feed.
  auto feed = parse_page(page_of("https://jane.example/feed", "<rss version='2.0'><channel><item><title>t</title><link>https://jane.example/t</link></item></channel></rss>",
                                 "text/html"));
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].extractor == "rss");
}

TEST_CASE("robust: huge attributes / deep nesting and invalid UTF-8 stay bounded", "[robust]") {
  std::string huge = "<html><head><meta property=\"og:title\" content=\"" + std::string(3u << 20, 'a') + "\"></head><body><p>ok</p></body></html>";
  ParseOutput out;
  CHECK(seconds_to_parse(page_of("https://jane.example/huge", huge, "text/html"), &out) < 10.0);
  CHECK_FALSE(out.items.empty());

  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "Jane lives in Springfield";
  CHECK(seconds_to_parse(page_of("https://jane.example/deep", deep, "text/html"), &out) < 10.0);
  REQUIRE_FALSE(out.errors.empty());
  REQUIRE_FALSE(out.items.empty());
  CHECK(out.items[0].text.find("Springfield") != std::string::npos);  // the degraded text is still scanned

  std::string bad = "<html><head><title>caf\xC3 \xFF\xFE</title><meta property=\"og:description\" content=\"\xE2\x82\"></head><body>\xF0\x9F\x98 Springfield</body></html>";
  out = parse_page(page_of("https://jane.example/bad", bad, "text/html"));
  REQUIRE_FALSE(out.items.empty());
  for (const auto& it : out.items) {
    CHECK(is_valid_utf8(it.title));
    CHECK(is_valid_utf8(it.text));
  }

  std::string feed_deep = "<rss><channel><item><title>x</title><description>";
  for (int i = 0; i < 50000; ++i) feed_deep += "<a>";
  CHECK(seconds_to_parse(page_of("https://jane.example/feed.xml", feed_deep, "application/rss+xml"), &out) < 10.0);
  CHECK_FALSE(out.errors.empty());

  std::string json_deep(200000, '[');
  CHECK(seconds_to_parse(page_of("https://api.github.com/users/a", json_deep, "application/json"), &out) < 10.0);
  CHECK(out.errors.size() == 1);
}

TEST_CASE("robust: numbers too large for JSON's integer types are a recorded error (fuzz regression)", "[robust]") {
  auto out = parse_page(page_of("https://api.github.com/users/janeexample/events/public", R"([{"id": 1310E72042, "type": "PushEvent"}])", "application/json"));
  CHECK(out.items.empty());
  REQUIRE(out.errors.size() == 1);
  CHECK(out.errors[0].rfind("invalid JSON from https://api.github.com/users/janeexample/events/public: ", 0) == 0);
  // Huge or fractional timestamps and counts are ignored, not converted.
  auto ig = parse_page(page_of("https://www.instagram.com/api/v1/users/web_profile_info/?username=a",
                               R"({"data":{"user":{"username":"a","edge_owner_to_timeline_media":{"edges":[{"node":{"shortcode":"x","taken_at_timestamp":1e300,"is_video":"yes","location":{"lat":1.5,"lng":"w"}}}]},"edge_felix_video_timeline":[]}}})",
                               "application/json"));
  REQUIRE(ig.items.size() == 2);
  CHECK_FALSE(ig.items[1].published_at);
  REQUIRE(ig.items[1].geo);  // a place without a usable point: no coordinates, not (1.5, 0)
  CHECK_FALSE(ig.items[1].geo->lat);
  CHECK_FALSE(ig.items[1].geo->lon);
}
