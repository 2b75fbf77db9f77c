// scanner/politeness: the token bucket and host-pattern policies (no clocks: explicit times).
#include <catch2/catch.hpp>

#include "scanner/politeness.h"

using namespace exposcan;
using namespace std::chrono_literals;

TEST_CASE("politeness: a bucket gives its burst at once and then one token per 1/rate", "[politeness]") {
  auto t0 = TokenBucket::Clock::time_point{} + 100s;
  TokenBucket b(1.0, 2, t0);  // the default: 1 request/s, burst 2
  CHECK(b.try_take(t0));
  CHECK(b.try_take(t0));
  CHECK_FALSE(b.try_take(t0));
  CHECK(b.next_available(t0) == t0 + 1s);
  CHECK_FALSE(b.try_take(t0 + 999ms));
  CHECK(b.try_take(t0 + 1s));
  CHECK_FALSE(b.try_take(t0 + 1s));
  // Idle time refills up to the burst, never beyond.
  CHECK(b.try_take(t0 + 60s));
  CHECK(b.try_take(t0 + 60s));
  CHECK_FALSE(b.try_take(t0 + 60s));
}

TEST_CASE("politeness: requests in any window never exceed burst plus rate times the window", "[politeness]") {
  auto t0 = TokenBucket::Clock::time_point{} + 10s;
  TokenBucket b(4.0, 3, t0);
  std::vector<TokenBucket::Clock::time_point> sent;
  for (auto t = t0; t < t0 + 10s; t += 10ms)
    if (b.try_take(t)) sent.push_back(t);
  CHECK(sent.size() >= 40);
  CHECK(sent.size() <= 3 + 40);
  for (size_t i = 0; i < sent.size(); ++i) {
    size_t in_window = 0;
    for (size_t j = i; j < sent.size() && sent[j] - sent[i] < 1s; ++j) ++in_window;
    CHECK(in_window <= 3 + 4);
  }
}

TEST_CASE("politeness: rate 0 means no limit", "[politeness]") {
  auto t0 = TokenBucket::Clock::time_point{};
  TokenBucket b(0, 1, t0);
  CHECK(b.unlimited());
  for (int i = 0; i < 1000; ++i) CHECK(b.try_take(t0));
  CHECK(b.next_available(t0) == t0);
}

TEST_CASE("politeness: host patterns pick the first matching policy", "[politeness]") {
  CHECK(host_matches("*.example.org", "blog.example.org"));
  CHECK(host_matches("*.example.org", "a.b.example.org"));
  CHECK_FALSE(host_matches("*.example.org", "example.org"));
  CHECK(host_matches("JANE.example", "jane.EXAMPLE"));
  CHECK(host_matches("*", "anything"));
  CHECK(host_matches("mastodon.*", "mastodon.social"));
  CHECK_FALSE(host_matches("jane.example", "jane.example.evil"));
  // Patterns written with international labels match the punycode hosts that Url gives.
  CHECK(host_matches(ascii_host_pattern("*.MÜNCHEN.example"), "blog.xn--mnchen-3ya.example"));
  CHECK(host_matches(ascii_host_pattern("bücher.example"), "xn--bcher-kva.example"));
  CHECK_FALSE(host_matches(ascii_host_pattern("bücher.example"), "bucher.example"));
  CHECK(ascii_host_pattern("*.example.org") == "*.example.org");

  HostPolicy fallback{"*", 1.0, 2, 2};
  std::vector<HostPolicy> policies = {{"*.jane.example", 5.0, 4, 3}, {"*.example", 2.0, 1, 1}};
  CHECK(policy_for_host(policies, fallback, "www.jane.example").rate == 5.0);
  CHECK(policy_for_host(policies, fallback, "faults.example").rate == 2.0);
  CHECK(policy_for_host(policies, fallback, "mastodon.social").rate == 1.0);
}
