// What the crawler finds and how far it goes: sitemaps, feeds, rel=me, limits, conditional GET,
// progress, and stopping.
#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <thread>

#include "core/text.h"
#include "tests/scanner/crawl_fixture.h"

using namespace exposcan;
using exposcan::test::CrawlFixture;
using exposcan::test::KindLog;
using exposcan::test::PageLog;
using exposcan::test::target;
using SteadyClock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

bool requested(const CrawlFixture& fx, std::string_view host, std::string_view path) {
  for (const auto& r : fx.server.requests())
    if (r.host == host && r.target == path) return true;
  return false;
}

// Remembers every page of a first crawl; answers validators and stored pages in the second.
class MemoryCache : public ConditionalCache {
 public:
  void put(const Page& p) {
    std::lock_guard lock(m_mutex);
    m_pages[p.url] = p;
  }
  std::optional<CachedResponse> validators(const std::string& url) const override {
    std::lock_guard lock(m_mutex);
    auto it = m_pages.find(url);
    if (it == m_pages.end()) return std::nullopt;
    return CachedResponse{it->second.header("ETag"), it->second.header("Last-Modified")};
  }
  std::optional<Page> stored_page(const std::string& url) const override {
    std::lock_guard lock(m_mutex);
    auto it = m_pages.find(url);
    if (it == m_pages.end()) return std::nullopt;
    return it->second;
  }

 private:
  mutable std::mutex m_mutex;
  std::map<std::string, Page> m_pages;
};

}  // namespace

TEST_CASE("discovery: a robots.txt Sitemap line and rel=sitemap lead to the listed pages", "[crawler][discovery]") {
  CrawlFixture fx;
  KindLog log;
  auto o = fx.options();
  o.max_depth = 1;
  Crawler crawler(o, log.handler());
  auto stats = crawler.run({target("https://faults.example/sitemap-test/"), target("https://jane.example/")});
  // rel=sitemap -> sitemap index -> gzip sitemap -> three pages linked from nowhere else.
  for (int i = 1; i <= 3; ++i) {
    const Page* p = log.find("https://faults.example/sitemap-test/page/" + std::to_string(i));
    REQUIRE(p);
    CHECK(p->ok());
    CHECK(p->depth == 1);
    CHECK_FALSE(p->user_directed);
  }
  CHECK(requested(fx, "faults.example", "/sitemap-test/sitemap.xml.gz"));
  // jane.example's robots.txt names https://jane.example/sitemap.xml.
  CHECK(requested(fx, "jane.example", "/sitemap.xml"));
  CHECK(stats.targets[1].reachable());
}

TEST_CASE("discovery: feeds are followed and rel=me only to listed targets or allowed hosts", "[crawler][discovery][rel-me]") {
  SECTION("rel=me to a host nobody listed is not followed") {
    CrawlFixture fx;
    KindLog log;
    auto o = fx.options();
    o.max_depth = 1;
    Crawler crawler(o, log.handler());
    crawler.run({target("https://jane.example/")});
    CHECK(requested(fx, "jane.example", "/feed.xml"));  // <link rel="alternate" type="application/rss+xml">
    for (const auto& r : fx.server.requests()) {
      CHECK(r.host != "mastodon.social");
      CHECK(r.host != "www.instagram.com");
    }
  }
  SECTION("crawl.allow_hosts lets rel=me lead to that host, and only there") {
    CrawlFixture fx;
    KindLog log;
    auto o = fx.options();
    o.max_depth = 1;
    o.allow_hosts = {"mastodon.*"};
    Crawler crawler(o, log.handler());
    crawler.run({target("https://jane.example/")});
    const Page* m = log.find("https://mastodon.social/@janeexample");
    REQUIRE(m);
    CHECK(m->ok());
    CHECK_FALSE(m->user_directed);  // discovered: mastodon.social's robots.txt applies
    CHECK(m->target == "https://jane.example/");
    for (const auto& r : fx.server.requests()) CHECK(r.host != "www.instagram.com");
    // Nothing beyond the rel=me page itself on that host (its links are outside every scope).
    for (const auto& r : fx.server.requests())
      if (r.host == "mastodon.social")
        CHECK((r.target == "/@janeexample" || r.target == "/robots.txt" || r.target == "/ai.txt" ||
               r.target == "/.well-known/tdmrep.json"));
  }
}

TEST_CASE("limits: max pages and max depth and max bytes", "[crawler][limits]") {
  SECTION("max_pages") {
    CrawlFixture fx;
    PageLog log;
    auto o = fx.options();
    o.max_pages = 3;
    Crawler crawler(o, log.handler());
    auto stats = crawler.run({target("https://faults.example/links?n=10")});
    CHECK(stats.limit_reached);
    size_t fetched = 0;
    for (const auto& r : fx.server.requests()) fetched += r.target.rfind("/links", 0) == 0 || r.target.rfind("/status", 0) == 0;
    CHECK(fetched == 3);
  }
  SECTION("max_depth 0 fetches only the targets") {
    CrawlFixture fx;
    PageLog log;
    auto o = fx.options();
    o.max_depth = 0;
    Crawler crawler(o, log.handler());
    auto stats = crawler.run({target("https://faults.example/links?n=10")});
    CHECK_FALSE(stats.limit_reached);
    for (const auto& r : fx.server.requests()) CHECK(r.target.rfind("/status", 0) != 0);
  }
  SECTION("max_bytes stops new pages once the page bodies reach it") {
    CrawlFixture fx;
    PageLog log;
    auto o = fx.options();
    o.max_bytes = 1;
    o.concurrency = 1;
    Crawler crawler(o, log.handler());
    auto stats = crawler.run({target("https://faults.example/links?n=10")});
    CHECK(stats.limit_reached);
    CHECK(stats.targets[0].pages_ok == 1);
  }
}

TEST_CASE("conditional GET: validators are sent and a 304 reuses the stored page", "[crawler][conditional]") {
  CrawlFixture fx;
  MemoryCache cache;
  auto o = fx.options();
  o.max_depth = 0;
  o.follow_sitemaps = false;
  {
    PageLog log;
    Crawler first(o, [&](const Page& p) {
      if (p.ok()) cache.put(p);
      return log.handler()(p);
    });
    first.run({target("https://jane.example/posts/")});
  }
  REQUIRE(cache.validators("https://jane.example/posts/"));
  REQUIRE_FALSE(cache.validators("https://jane.example/posts/")->etag.empty());
  fx.server.clear_requests();
  o.cache = &cache;
  PageLog log;
  Crawler second(o, log.handler());
  auto stats = second.run({target("https://jane.example/posts/")});
  const Page* p = log.find("https://jane.example/posts/");
  REQUIRE(p);
  CHECK(p->origin == PageOrigin::not_modified);
  CHECK(p->body == cache.stored_page("https://jane.example/posts/")->body);
  CHECK_FALSE(p->body.empty());
  CHECK(stats.not_modified == 1);
  CHECK(stats.targets[0].reachable());
  bool sent = false;
  for (const auto& r : fx.server.requests())
    if (r.target == "/posts/")
      for (const auto& [k, v] : r.headers) sent = sent || (iequals(k, "If-None-Match") && !v.empty());
  CHECK(sent);
}

TEST_CASE("control: request_stop finishes what is in flight and sends nothing new", "[crawler][stop]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fx.options();
  o.concurrency = 1;
  o.max_depth = 1;
  o.fetch_site_signals = false;
  Crawler crawler(o, log.handler());
  std::thread stopper([&] {
    std::this_thread::sleep_for(300ms);
    crawler.request_stop();
  });
  auto start = SteadyClock::now();
  auto stats = crawler.run({target("https://faults.example/slow?bytes=8&delay_ms=100"), target("https://faults.example/links?n=5")});
  stopper.join();
  CHECK(stats.interrupted);
  const Page* slow = log.find("https://faults.example/slow?bytes=8&delay_ms=100");
  REQUIRE(slow);
  CHECK(slow->ok());  // in flight when the stop came: finished
  CHECK(slow->body == "........");
  CHECK_FALSE(log.find("https://faults.example/links?n=5"));  // queued: never sent
  CHECK(SteadyClock::now() - start < 2s);
}

TEST_CASE("control: request_abort ends transfers in flight at once", "[crawler][stop]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fx.options();
  o.fetch_site_signals = false;
  o.timeout_ms = 30'000;
  Crawler crawler(o, log.handler());
  std::thread stopper([&] {
    std::this_thread::sleep_for(500ms);
    crawler.request_abort();
  });
  auto start = SteadyClock::now();
  auto stats = crawler.run({target("https://faults.example/stall")});
  stopper.join();
  CHECK(stats.interrupted);
  const Page* p = log.find("https://faults.example/stall");
  REQUIRE(p);
  REQUIRE(p->error);
  CHECK(p->error->code == "interrupted");
  CHECK(SteadyClock::now() - start < 2s);
}

TEST_CASE("control: progress reports pages and queue and politeness waits", "[crawler][progress]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fx.options();
  o.default_policy = HostPolicy{"*", 4.0, 1, 2};
  o.max_depth = 1;
  std::vector<CrawlProgress> seen;
  Crawler crawler(o, log.handler(), [&](const CrawlProgress& p) { seen.push_back(p); });
  crawler.run({target("https://faults.example/links?n=6")});
  REQUIRE(seen.size() >= 3);
  size_t waiting = 0, queued = 0;
  for (const auto& p : seen) {
    waiting = std::max(waiting, p.hosts_waiting);
    queued = std::max(queued, p.queued);
  }
  CHECK(waiting == 1);
  CHECK(queued >= 2);
  CHECK(seen.back().done <= 7);
  for (size_t i = 1; i < seen.size(); ++i) CHECK(seen[i].done >= seen[i - 1].done);
}
