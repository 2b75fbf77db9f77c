#include <catch2/catch.hpp>

#include <map>

#include "core/url.h"
#include "scanner/robots.h"
#include "tests/scanner/crawl_fixture.h"

using namespace exposcan;
using exposcan::test::CrawlFixture;
using exposcan::test::PageLog;

TEST_CASE("crawler fetches a site within scope and robots.txt once per origin", "[crawler]") {
  CrawlFixture fx;
  PageLog log;
  CrawlTarget t{"https://jane.example/", "https://jane.example/", {}, {}};
  Crawler crawler(fx.options(), log.handler());
  CrawlStats stats = crawler.run({t});
  CHECK_FALSE(stats.interrupted);
  REQUIRE(stats.targets.size() == 1);
  CHECK(stats.targets[0].reachable());
  CHECK(log.pages.size() >= 4);
  for (const auto& p : log.pages) {
    auto u = Url::parse(p.final_url);
    REQUIRE(u);
    CHECK(u->host() == "jane.example");  // nothing off-site
    REQUIRE(p.site);
    REQUIRE(p.site->robots);
    CHECK(p.site->robots_file.status == 200);
  }
  size_t robots_requests = 0;
  for (const auto& r : fx.server.requests())
    if (r.target == "/robots.txt" && r.host == "jane.example") ++robots_requests;
  CHECK(robots_requests == 1);
  const Page* home = log.find("https://jane.example/");
  REQUIRE(home);
  CHECK(home->status == 200);
  CHECK(home->content_type == "text/html");
  CHECK(home->sha256.size() == 64);
  CHECK(home->user_directed);
}

TEST_CASE("a 404 and a broken response and a refused connection are recorded and the crawl completes", "[crawler]") {
  CrawlFixture fx;
  PageLog log;
  auto options = fx.options();
  options.max_retries = 0;
  std::vector<CrawlTarget> targets = {
      {"ok", "https://jane.example/", {}, {}},
      {"missing", "https://jane.example/no-such-page", {}, {}},
      {"broken", "https://faults.example/bad-status", {}, {}},
      {"refused", "http://127.0.0.1:9/", {}, {}},
  };
  Crawler crawler(options, log.handler());
  CrawlStats stats = crawler.run(targets);
  REQUIRE(stats.targets.size() == 4);
  CHECK(stats.targets[0].reachable());
  CHECK_FALSE(stats.targets[1].reachable());
  CHECK_FALSE(stats.targets[2].reachable());
  CHECK_FALSE(stats.targets[3].reachable());

  const Page* missing = log.find("https://jane.example/no-such-page");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  REQUIRE(missing->error);
  CHECK(missing->error->code == "http_status");

  const Page* broken = log.find("https://faults.example/bad-status");
  REQUIRE(broken);
  REQUIRE(broken->error);
  CHECK(broken->error->code == "bad_response");

  const Page* refused = log.find("http://127.0.0.1:9/");
  REQUIRE(refused);
  REQUIRE(refused->error);
  CHECK(refused->error->code == "connect");
}

TEST_CASE("discovered links obey robots.txt for the own agent while listed targets are user-directed", "[crawler]") {
  CrawlFixture fx;
  PageLog log;
  // www.instagram.com disallows every unnamed agent: the profile (a listed target) is fetched,
  // the post pages it links to are not.
  CrawlTarget t{"https://www.instagram.com/janeexample/", "https://www.instagram.com/janeexample/", {}, {}};
  t.scope.path_prefix = "/janeexample/";
  t.scope.include = {"/p/*"};
  Crawler crawler(fx.options(), log.handler());
  crawler.run({t});
  const Page* profile = log.find("https://www.instagram.com/janeexample/");
  REQUIRE(profile);
  CHECK(profile->status == 200);
  size_t disallowed = 0;
  for (const auto& p : log.pages)
    if (p.error && p.error->code == "robots_disallowed") ++disallowed;
  CHECK(disallowed >= 1);
  for (const auto& r : fx.server.requests()) CHECK(r.target.rfind("/p/", 0) != 0);
}

TEST_CASE("the per-host token bucket paces requests", "[crawler][politeness]") {
  CrawlFixture fx;
  PageLog log;
  auto options = fx.options();
  options.default_policy = HostPolicy{"*", 4.0, 2, 2};
  CrawlTarget t{"https://jane.example/", "https://jane.example/", {}, {}};
  Crawler crawler(options, log.handler());
  crawler.run({t});
  std::vector<std::chrono::steady_clock::time_point> times;
  for (const auto& r : fx.server.requests())
    if (r.host == "jane.example") times.push_back(r.at);
  REQUIRE(times.size() >= 6);
  // In any window of one second at most burst + rate requests (2 + 4).
  for (size_t i = 0; i < times.size(); ++i) {
    size_t in_window = 0;
    for (size_t j = i; j < times.size() && times[j] - times[i] < std::chrono::seconds(1); ++j) ++in_window;
    CHECK(in_window <= 6);
  }
  auto span = std::chrono::duration<double>(times.back() - times.front()).count();
  CHECK(span >= (static_cast<double>(times.size()) - 2) / 4.0 - 0.1);
}
