// Politeness as the server sees it: requests per second per host, connections per host, global
// concurrency, host-pattern policies and "no limit".
#include <catch2/catch.hpp>

#include <map>

#include "tests/scanner/crawl_fixture.h"

using namespace exposcan;
using exposcan::test::CrawlFixture;
using exposcan::test::PageLog;
using exposcan::test::target;
using SteadyClock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

std::map<std::string, std::vector<SteadyClock::time_point>> by_host(const CrawlFixture& fx) {
  std::map<std::string, std::vector<SteadyClock::time_point>> out;
  for (const auto& r : fx.server.requests()) out[r.host].push_back(r.at);
  return out;
}

// The most requests in any window of `width`.
size_t max_in_window(const std::vector<SteadyClock::time_point>& at, std::chrono::milliseconds width) {
  size_t best = 0;
  for (size_t i = 0; i < at.size(); ++i) {
    size_t n = 0;
    for (size_t j = i; j < at.size() && at[j] - at[i] < width; ++j) ++n;
    best = std::max(best, n);
  }
  return best;
}

// The server stamps a request when it has read it, so stamps jitter against the client's send
// times (TLS, scheduling; most under load or ASan): gaps are checked with this tolerance.
constexpr auto k_jitter = 150ms;

}  // namespace

TEST_CASE("politeness: the default 1 request/s burst 2 per host as counted by the server", "[crawler][politeness]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fx.options();
  o.default_policy = HostPolicy{};  // the defaults: 1 r/s, burst 2
  REQUIRE(o.default_policy.rate == 1.0);
  REQUIRE(o.default_policy.burst == 2);
  o.max_depth = 1;
  o.follow_sitemaps = false;
  auto start = SteadyClock::now();
  Crawler crawler(o, log.handler());
  auto stats = crawler.run({target("https://faults.example/links?n=3"), target("https://robots404.faults.example/links?n=2")});
  CHECK(stats.targets[0].pages_ok == 4);
  CHECK(stats.targets[1].pages_ok == 3);
  auto hosts = by_host(fx);
  REQUIRE(hosts.size() == 2);
  for (const auto& [host, at] : hosts) {
    INFO(host);
    REQUIRE(at.size() >= 6);  // robots.txt, tdmrep.json, ai.txt, the page, its links
    // Per second: the burst of two, then one per second.
    CHECK(max_in_window(at, 1000ms) <= 3);
    CHECK(max_in_window(at, 2000ms) <= 4);
    for (size_t i = 2; i < at.size(); ++i) CHECK(at[i] - at[i - 2] >= 1000ms - k_jitter);
    // n requests need at least n - 2 seconds.
    CHECK(at.back() - at.front() >= std::chrono::milliseconds(static_cast<long>(at.size() - 2) * 1000) - k_jitter);
  }
  // Hosts are paced independently: both start at once.
  auto first_a = hosts.begin()->second.front(), first_b = hosts.rbegin()->second.front();
  CHECK((first_a > first_b ? first_a - first_b : first_b - first_a) < 500ms);
  // The slower host (7 requests) bounds the crawl: about 5 s.
  CHECK(SteadyClock::now() - start < 8s);
}

TEST_CASE("politeness: a host pattern policy overrides the default", "[crawler][politeness]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fx.options();
  o.default_policy = HostPolicy{};
  o.host_policies = {HostPolicy{"*.faults.example", 10.0, 1, 1}};
  o.max_depth = 1;
  Crawler crawler(o, log.handler());
  auto start = SteadyClock::now();
  crawler.run({target("https://robots404.faults.example/links?n=8")});
  auto at = by_host(fx)["robots404.faults.example"];
  REQUIRE(at.size() == 12);
  CHECK(max_in_window(at, 1000ms) <= 11);  // 10/s, burst 1
  for (size_t i = 5; i < at.size(); ++i) CHECK(at[i] - at[i - 5] >= 500ms - k_jitter);
  CHECK(at.back() - at.front() >= 1100ms - k_jitter);
  CHECK(SteadyClock::now() - start < 4s);  // not the default 1/s (which needs 11 s)
}

TEST_CASE("politeness: per-host rate 0 crawls without pauses", "[crawler][politeness]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fx.options();
  o.default_policy = HostPolicy{"*", 0, 1, 4};
  o.max_depth = 1;
  Crawler crawler(o, log.handler());
  auto start = SteadyClock::now();
  auto stats = crawler.run({target("https://faults.example/links?n=30")});
  CHECK(stats.targets[0].pages_ok == 31);
  CHECK(SteadyClock::now() - start < 3s);
}

TEST_CASE("politeness: connections per host and global concurrency", "[crawler][politeness]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fx.options();
  o.default_policy = HostPolicy{"*", 0, 1, 2};  // no rate limit, two at a time per host
  o.http.max_host_connections = 2;
  o.fetch_site_signals = false;
  std::vector<CrawlTarget> targets;
  // ~400 ms each (five bytes, 100 ms apart).
  for (int i = 0; i < 6; ++i) targets.push_back(target("https://faults.example/slow?bytes=5&delay_ms=100&i=" + std::to_string(i)));
  Crawler crawler(o, log.handler());
  crawler.run(targets);
  std::vector<SteadyClock::time_point> slow;
  for (const auto& r : fx.server.requests())
    if (r.target.rfind("/slow", 0) == 0) slow.push_back(r.at);
  REQUIRE(slow.size() == 6);
  CHECK(slow[2] - slow[0] >= 350ms);
  CHECK(slow[4] - slow[2] >= 350ms);

  // Global concurrency 1 across two hosts: one transfer at a time in all.
  CrawlFixture fx2;
  PageLog log2;
  auto o2 = fx2.options();
  o2.default_policy = HostPolicy{"*", 0, 1, 4};
  o2.concurrency = 1;
  o2.fetch_site_signals = false;
  Crawler one(o2, log2.handler());
  one.run({target("https://faults.example/slow?bytes=4&delay_ms=100"),
           target("https://robots404.faults.example/slow?bytes=4&delay_ms=100")});
  std::vector<SteadyClock::time_point> at;
  for (const auto& r : fx2.server.requests())
    if (r.target.rfind("/slow", 0) == 0) at.push_back(r.at);
  REQUIRE(at.size() == 2);
  CHECK((at[1] > at[0] ? at[1] - at[0] : at[0] - at[1]) >= 250ms);
}
