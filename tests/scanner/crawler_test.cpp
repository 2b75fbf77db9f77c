#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <thread>

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

namespace {

// Runs a crawl of jane.example with a slow one-worker handler and returns the most pages the
// server had answered that the handler had not yet finished (what backpressure bounds).
size_t most_outstanding_pages(size_t max_pending_pages, size_t& handled) {
  CrawlFixture fx;
  auto options = fx.options();
  options.concurrency = 8;
  options.http.max_total_connections = 8;
  options.http.max_host_connections = 8;
  options.default_policy = HostPolicy{"*", 0, 8, 8};
  options.workers = 1;
  options.max_pending_pages = max_pending_pages;
  options.fetch_site_signals = false;
  PageLog log;
  auto follow = log.handler();
  std::atomic<size_t> done{0};
  size_t most = 0;
  std::mutex mutex;
  auto is_page = [](const samples::ServedRequest& r) {
    return r.host == "jane.example" && r.target.find("robots.txt") == std::string::npos &&
           r.target.find("/.well-known/") != 0 && r.target.find("ai.txt") == std::string::npos;
  };
  Crawler crawler(options, [&](const Page& p) {
    size_t served = 0;
    for (const auto& r : fx.server.requests()) served += is_page(r) ? 1 : 0;
    {
      std::lock_guard lock(mutex);
      most = std::max(most, served - done.load());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    auto links = follow(p);
    ++done;
    return links;
  });
  crawler.run({{"https://jane.example/", "https://jane.example/", {}, {}}});
  handled = done.load();
  return most;
}

}  // namespace

TEST_CASE("a slow page handler holds back fetching (max_pending_pages)", "[crawler][backpressure]") {
  size_t handled_capped = 0, handled_free = 0;
  const size_t capped = most_outstanding_pages(2, handled_capped);
  const size_t free = most_outstanding_pages(100, handled_free);
  INFO("capped " << capped << " uncapped " << free << " pages " << handled_capped);
  REQUIRE(handled_capped >= 8);
  CHECK(handled_capped == handled_free);  // the cap slows the crawl, it loses nothing
  CHECK(capped <= 2);
  CHECK(free > 2);  // without the cap bodies pile up behind the slow handler
}
