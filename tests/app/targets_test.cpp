#include <catch2/catch.hpp>

#include <algorithm>

#include "app/targets.h"
#include "core/url.h"
#include "scanner/scope.h"

using namespace exposcan;

namespace {
bool has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }
bool scoped(const CrawlTarget& t, std::string_view url) {
  auto origin = Url::parse(t.url)->origin();
  auto u = Url::parse(url);
  return u && in_scope(t.scope, origin, u->normalized());
}
}  // namespace

TEST_CASE("targets: mastodon:@user@host is the profile plus RSS and the account API", "[targets]") {
  auto t = expand_target("mastodon:@janeexample@mastodon.social");
  REQUIRE(t);
  CHECK(t->name == "mastodon:@janeexample@mastodon.social");
  CHECK(t->url == "https://mastodon.social/@janeexample");
  CHECK(has(t->seeds, "https://mastodon.social/@janeexample.rss"));
  CHECK(has(t->seeds, "https://mastodon.social/api/v1/accounts/lookup?acct=janeexample"));
  CHECK(scoped(*t, "https://mastodon.social/@janeexample/116273834235464830"));
  CHECK(scoped(*t, "https://mastodon.social/api/v1/accounts/110236031393675807/statuses?max_id=115202077976969650"));
  CHECK(scoped(*t, "https://mastodon.social/users/janeexample/outbox?page=true"));
  CHECK_FALSE(scoped(*t, "https://mastodon.social/@janeexample/followers"));
  CHECK_FALSE(scoped(*t, "https://mastodon.social/@someoneelse"));
  // The URL form gets the same seeds.
  auto u = expand_target("https://mastodon.social/@janeexample");
  REQUIRE(u);
  CHECK(u->seeds == t->seeds);
}

TEST_CASE("targets: bsky:handle uses the public AppView with cursor paging in scope", "[targets]") {
  auto t = expand_target("bsky:janeexample.bsky.social");
  REQUIRE(t);
  CHECK(t->url == "https://bsky.app/profile/janeexample.bsky.social");
  CHECK(has(t->seeds, "https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=janeexample.bsky.social"));
  CHECK(has(t->seeds, "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=janeexample.bsky.social&limit=50&includePins=true"));
  CHECK(t->scope.extra_origins == std::vector<std::string>{"https://public.api.bsky.app"});
  CHECK(scoped(*t, "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=janeexample.bsky.social&limit=50&includePins=true&cursor=2026-08-30T13:10:00.000Z"));
  CHECK_FALSE(scoped(*t, "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=someoneelse.bsky.social"));
  CHECK(expand_target("https://bsky.app/profile/janeexample.bsky.social")->seeds == t->seeds);
}

TEST_CASE("targets: reddit / github / instagram / youtube / x / linkedin / facebook / tumblr", "[targets]") {
  auto reddit = expand_target("reddit:janeexample");
  REQUIRE(reddit);
  CHECK(reddit->url == "https://www.reddit.com/user/janeexample/");
  CHECK(reddit->seeds == std::vector<std::string>{"https://www.reddit.com/user/janeexample/about.json", "https://www.reddit.com/user/janeexample/submitted.json",
                                                 "https://www.reddit.com/user/janeexample/comments.json"});
  CHECK(scoped(*reddit, "https://www.reddit.com/user/janeexample/submitted.json?after=t3_1fgx2qk"));
  auto gh = expand_target("github:janeexample");
  REQUIRE(gh);
  CHECK(gh->url == "https://github.com/janeexample");
  CHECK(gh->seeds == std::vector<std::string>{"https://api.github.com/users/janeexample"});
  CHECK(scoped(*gh, "https://api.github.com/users/janeexample/events/public"));
  CHECK(scoped(*gh, "https://api.github.com/user/131072042/events/public?page=2"));
  // A push's head commit as a patch, in any repository (the events list links them); not the
  // commit pages nor other repositories' pages.
  CHECK(scoped(*gh, "https://github.com/example-org/plant-db/commit/4f6c1b2d9e8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b.patch"));
  CHECK_FALSE(scoped(*gh, "https://github.com/example-org/plant-db/commit/4f6c1b2d9e8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b"));
  CHECK_FALSE(scoped(*gh, "https://github.com/example-org/plant-db/commit/4f6c1b2d.patch?x=1"));
  CHECK_FALSE(scoped(*gh, "https://github.com/example-org/plant-db"));
  auto ig = expand_target("instagram:janeexample");
  REQUIRE(ig);
  CHECK(ig->url == "https://www.instagram.com/janeexample/");
  CHECK(has(ig->seeds, "https://www.instagram.com/api/v1/users/web_profile_info/?username=janeexample"));
  CHECK(scoped(*ig, "https://www.instagram.com/p/DQjxLoPliTn/"));
  auto threads = expand_target("threads:@JaneExample");
  REQUIRE(threads);
  CHECK(threads->url == "https://www.threads.com/@janeexample");
  CHECK(scoped(*threads, "https://www.threads.com/@janeexample/post/DKq3sEedSw1"));
  CHECK_FALSE(scoped(*threads, "https://www.threads.com/@tomato_tom/post/DKq4RePly06"));
  CHECK(expand_target("https://www.threads.net/@janeexample")->url == "https://www.threads.com/@janeexample");
  auto so = expand_target("stackoverflow:4815162");
  REQUIRE(so);
  CHECK(so->url == "https://stackoverflow.com/users/4815162");
  CHECK(has(so->seeds, "https://api.stackexchange.com/2.3/users/4815162?site=stackoverflow"));
  CHECK(has(so->seeds, "https://api.stackexchange.com/2.3/users/4815162/answers?site=stackoverflow&filter=withbody&pagesize=100&sort=creation"));
  CHECK(has(so->seeds, "https://api.stackexchange.com/2.3/users/4815162/comments?site=stackoverflow&filter=withbody&pagesize=100&sort=creation"));
  CHECK(scoped(*so, "https://api.stackexchange.com/2.3/users/4815162/questions?site=stackoverflow&filter=withbody&pagesize=100&sort=creation&page=2"));
  CHECK_FALSE(scoped(*so, "https://api.stackexchange.com/2.3/users/4815163?site=stackoverflow"));
  CHECK(expand_target("https://stackoverflow.com/users/4815162/jane-example")->seeds == so->seeds);
  CHECK(expand_target("stackexchange:gardening:7")->url == "https://gardening.stackexchange.com/users/7");
  CHECK(expand_target("stackoverflow:jane").error().message ==
        "invalid target 'stackoverflow:jane': expected stackoverflow:USER_ID or stackexchange:SITE:USER_ID");
  CHECK(expand_target("pinterest:janeexample")->seeds == std::vector<std::string>{"https://www.pinterest.com/janeexample/feed.rss"});
  auto da = expand_target("deviantart:janeexample");
  REQUIRE(da);
  CHECK(da->seeds == std::vector<std::string>{"https://backend.deviantart.com/rss.xml?type=deviation&q=by%3Ajaneexample+sort%3Atime"});
  CHECK(scoped(*da, "https://backend.deviantart.com/rss.xml?type=deviation&q=by%3Ajaneexample+sort%3Atime&offset=60"));
  auto medium = expand_target("medium:@janeexample");
  REQUIRE(medium);
  CHECK(medium->url == "https://medium.com/@janeexample");
  CHECK(medium->seeds == std::vector<std::string>{"https://medium.com/feed/@janeexample"});
  CHECK(scoped(*medium, "https://medium.com/@janeexample/seed-swap-3f2a1b9c"));
  CHECK(scoped(*medium, "https://medium.com/feed/@janeexample"));
  CHECK_FALSE(scoped(*medium, "https://medium.com/@someone/post-1"));
  CHECK_FALSE(scoped(*medium, "https://medium.com/feed/@janeexampled"));
  CHECK(expand_target("https://medium.com/@janeexample")->seeds == medium->seeds);
  auto substack = expand_target("substack:JaneExample");
  REQUIRE(substack);
  CHECK(substack->url == "https://janeexample.substack.com/");
  CHECK(substack->seeds == std::vector<std::string>{"https://janeexample.substack.com/feed"});
  CHECK(expand_target("https://janeexample.substack.com/")->seeds == substack->seeds);
  // A post URL on a platform host scopes to its path, never the whole platform.
  auto post = expand_target("https://www.threads.com/@janeexample/post/DKq3sEedSw1");
  REQUIRE(post);
  CHECK_FALSE(scoped(*post, "https://www.threads.com/@someone"));
  auto yt = expand_target("youtube:@janeexample");
  REQUIRE(yt);
  CHECK(yt->url == "https://www.youtube.com/@janeexample");
  CHECK(scoped(*yt, "https://www.youtube.com/feeds/videos.xml?channel_id=UCj4n3Ex4mpl3Spr1ngf1eld0"));
  CHECK(std::find(yt->seeds.begin(), yt->seeds.end(), "https://www.youtube.com/@janeexample/about") != yt->seeds.end());
  CHECK(expand_target("youtube:janeexample")->url == "https://www.youtube.com/@janeexample");
  CHECK(expand_target("x:janeexample")->url == "https://x.com/janeexample");
  CHECK(expand_target("twitter:@janeexample")->url == "https://x.com/janeexample");
  CHECK(expand_target("linkedin:janeexample")->url == "https://www.linkedin.com/in/janeexample/");
  CHECK(expand_target("facebook:janeexample")->url == "https://www.facebook.com/janeexample");
  auto tumblr = expand_target("tumblr:janeexample");
  REQUIRE(tumblr);
  CHECK(tumblr->url == "https://janeexample.tumblr.com/");
  CHECK(tumblr->seeds == std::vector<std::string>{"https://janeexample.tumblr.com/rss"});
  auto wp = expand_target("https://janeexample.wordpress.com/");
  REQUIRE(wp);
  CHECK(wp->seeds == std::vector<std::string>{"https://janeexample.wordpress.com/wp-json/wp/v2/posts?_embed=1"});
}

TEST_CASE("targets: errors name the target and the accepted forms", "[targets]") {
  auto bad = expand_target("myspace:janeexample");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == "usage");
  CHECK(bad.error().message ==
        "invalid target 'myspace:janeexample': expected an http:// or https:// URL, a saved file, or PLATFORM:ACCOUNT (mastodon:@user@host, "
        "bsky:handle, instagram:NAME, threads:NAME, reddit:NAME, github:NAME, x:NAME, linkedin:NAME, youtube:@NAME, facebook:NAME, "
        "tumblr:NAME, medium:@NAME, substack:NAME, pinterest:NAME, deviantart:NAME, stackoverflow:USER_ID, "
        "stackexchange:SITE:USER_ID)");
  CHECK(expand_target("reddit:").error().message == "invalid target 'reddit:': the account name is missing");
  CHECK(expand_target("mastodon:janeexample").error().message == "invalid target 'mastodon:janeexample': expected mastodon:@user@host");
  CHECK(expand_target("jane").error().message == "invalid target 'jane': expected an http:// or https:// URL");
}

TEST_CASE("targets: --from-identity takes profiles / platform handles and fediverse addresses", "[targets]") {
  auto t = targets_from_identity({"janeexample", "@janeexample@mastodon.social", "jane.example", "bsky:janeexample.bsky.social"},
                                 {"https://jane.example/", "https://mastodon.social/@janeexample", "https://www.instagram.com/janeexample/"});
  CHECK(t == std::vector<std::string>{"https://jane.example/", "https://mastodon.social/@janeexample", "https://www.instagram.com/janeexample/",
                                      "bsky:janeexample.bsky.social"});
}
