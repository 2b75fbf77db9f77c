// scanner/frontier and scanner/scope: which links the crawl takes.
#include <catch2/catch.hpp>

#include "core/url.h"
#include "scanner/frontier.h"
#include "scanner/scope.h"

using namespace exposcan;

namespace {

NormalUrl n(std::string_view url) { return *normalize_http_url(url); }

CrawlTarget site(std::string url) {
  CrawlTarget t;
  t.name = url;
  t.url = std::move(url);
  return t;
}

}  // namespace

TEST_CASE("frontier: a link is admitted once and only within the target's origin", "[frontier]") {
  Frontier f({site("https://jane.example/")}, {}, 3);
  REQUIRE(f.add_start("https://jane.example/"));
  CHECK_FALSE(f.add_start("https://jane.example/"));
  CHECK_FALSE(f.admit(n("https://jane.example/"), "anchor", 0, 0, true));  // the start URL itself
  auto a = f.admit(n("https://jane.example/posts/"), "anchor", 0, 0, true);
  REQUIRE(a);
  CHECK(a->depth == 1);
  CHECK(a->target == 0);
  CHECK_FALSE(a->user_directed);  // discovered: robots.txt applies
  CHECK_FALSE(f.admit(n("HTTPS://JANE.EXAMPLE/posts/"), "anchor", 0, 0, true));  // same after normalisation
  CHECK_FALSE(f.admit(n("https://www.jane.example/posts/"), "anchor", 0, 0, true));
  CHECK_FALSE(f.admit(n("http://jane.example/posts/"), "anchor", 0, 0, true));  // another origin
  CHECK_FALSE(f.admit(n("https://jane.example:8443/"), "anchor", 0, 0, true));
}

TEST_CASE("frontier: depth grows with anchors and not with paging kinds", "[frontier]") {
  Frontier f({site("https://jane.example/")}, {}, 1);
  CHECK(f.admit(n("https://jane.example/a"), "anchor", 0, 0, false));
  CHECK_FALSE(f.admit(n("https://jane.example/b"), "anchor", 0, 1, false));  // depth 2 > 1
  for (auto kind : {"next", "feed", "api", "sitemap"}) {
    auto a = f.admit(n(std::string("https://jane.example/") + kind), kind, 0, 1, true);
    REQUIRE(a);
    CHECK(a->depth == 1);
  }
  // Pagination of a user-directed page stays user-directed; a feed does not.
  Frontier g({site("https://jane.example/")}, {}, 5);
  CHECK(g.admit(n("https://jane.example/p2"), "next", 0, 0, true)->user_directed);
  CHECK(g.admit(n("https://jane.example/api"), "api", 0, 0, true)->user_directed);
  CHECK_FALSE(g.admit(n("https://jane.example/feed.xml"), "feed", 0, 0, true)->user_directed);
  CHECK_FALSE(g.admit(n("https://jane.example/p3"), "next", 0, 0, false)->user_directed);
}

TEST_CASE("frontier: path prefix and include and exclude patterns", "[frontier][scope]") {
  CrawlTarget t = site("https://mastodon.social/@janeexample");
  t.scope.path_prefix = "/@janeexample/";
  t.scope.include = {"/api/v1/accounts/*/statuses$", "/media/*.jpg"};
  t.scope.exclude = {"/@janeexample/with_replies", "*?page=*"};
  Frontier f({t}, {}, 5);
  auto ok = [&](std::string_view url) { return f.admit(n(url), "anchor", 0, 0, false).has_value(); };
  CHECK(ok("https://mastodon.social/@janeexample"));  // the prefix without its slash
  CHECK(ok("https://mastodon.social/@janeexample/1234"));
  CHECK(ok("https://mastodon.social/api/v1/accounts/42/statuses"));
  CHECK_FALSE(ok("https://mastodon.social/api/v1/accounts/42/statuses?x"));  // '$' anchors
  CHECK(ok("https://mastodon.social/media/a/b.jpg"));
  CHECK_FALSE(ok("https://mastodon.social/@someoneelse"));
  CHECK_FALSE(ok("https://mastodon.social/@janeexample/with_replies"));
  CHECK_FALSE(ok("https://mastodon.social/@janeexample/1?page=2"));
  CHECK_FALSE(ok("https://mastodon.social/@janeexamplefan"));
}

TEST_CASE("frontier: rel=me leaves the scope only for listed targets and allowed hosts", "[frontier][rel-me]") {
  std::vector<CrawlTarget> targets = {site("https://jane.example/"), site("https://blog.example.org/")};
  targets[1].scope.path_prefix = "/jane/";
  Frontier f(targets, {"*.wordpress.com"}, 3);
  // Not a rel=me link: never leaves the scope.
  CHECK_FALSE(f.admit(n("https://blog.example.org/jane/about"), "anchor", 0, 0, true));
  // rel=me into another listed target's scope: taken, for that target.
  auto a = f.admit(n("https://blog.example.org/jane/about"), "rel_me", 0, 0, true);
  REQUIRE(a);
  CHECK(a->target == 1);
  CHECK(a->depth == 1);
  CHECK_FALSE(a->user_directed);
  // ... but not outside that target's path prefix.
  CHECK_FALSE(f.admit(n("https://blog.example.org/someone/"), "rel_me", 0, 0, true));
  // rel=me to an allowed host: taken, kept under the parent's target.
  auto b = f.admit(n("https://janeexample.wordpress.com/"), "rel_me", 0, 0, true);
  REQUIRE(b);
  CHECK(b->target == 0);
  // rel=me anywhere else: refused.
  CHECK_FALSE(f.admit(n("https://mastodon.social/@janeexample"), "rel_me", 0, 0, true));
  // Depth still applies.
  CHECK_FALSE(f.admit(n("https://x.wordpress.com/"), "rel_me", 0, 3, true));
}

TEST_CASE("scope: path patterns use robots.txt syntax", "[scope]") {
  CHECK(path_pattern_matches("/a", "/abc"));
  CHECK(path_pattern_matches("/a*c", "/abbbc?x"));
  CHECK(path_pattern_matches("/a*c$", "/abbbc"));
  CHECK_FALSE(path_pattern_matches("/a*c$", "/abbbc?x"));
  CHECK(path_pattern_matches("*.jpg", "/x/y.jpg"));
  CHECK_FALSE(path_pattern_matches("/b", "/abc"));
  CHECK(path_pattern_matches("", "/anything"));
}
