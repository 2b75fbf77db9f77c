// The crawler against every fault of faults.example (samples/server/fault_routes.cpp): each test
// asserts the recorded outcome, that the crawl completes, and that it takes no longer than the
// configured timeouts, retries and backoff allow (plus a fixed slack for the robots.txt,
// tdmrep.json and ai.txt requests and scheduling; k_slack).
#include <catch2/catch.hpp>

#include "scanner/robots.h"
#include "tests/scanner/crawl_fixture.h"

using namespace exposcan;
using exposcan::test::CrawlFixture;
using exposcan::test::PageLog;
using SteadyClock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

constexpr auto k_slack = 2000ms;

struct Run {
  CrawlStats stats;
  std::chrono::milliseconds elapsed{0};
};

Run crawl(const CrawlOptions& options, PageLog& log, std::vector<std::string> urls) {
  std::vector<CrawlTarget> targets;
  for (auto& u : urls) targets.push_back({u, u, {}, {}});
  Crawler crawler(options, log.handler());
  auto start = SteadyClock::now();
  Run r;
  r.stats = crawler.run(targets);
  r.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - start);
  return r;
}

const Page& page(PageLog& log, const std::string& url) {
  const Page* p = log.find(url);
  if (!p) FAIL("no page delivered for " << url);
  return *p;
}

std::string code(const Page& p) { return p.error ? p.error->code : std::string("ok"); }

std::vector<SteadyClock::time_point> arrivals(const CrawlFixture& fx, std::string_view target) {
  std::vector<SteadyClock::time_point> out;
  for (const auto& r : fx.server.requests())
    if (r.target == target) out.push_back(r.at);
  return out;
}

size_t count(const CrawlFixture& fx, std::string_view host, std::string_view target_prefix) {
  size_t n = 0;
  for (const auto& r : fx.server.requests())
    if (r.host == host && r.target.rfind(target_prefix, 0) == 0) ++n;
  return n;
}

// Options with short timeouts for fault tests: no retries unless a test asks for them.
CrawlOptions fault_options(const CrawlFixture& fx) {
  auto o = fx.options();
  o.timeout_ms = 1000;
  o.connect_timeout_ms = 1000;
  o.low_speed_limit = 100;
  o.low_speed_time_s = 1;
  o.max_retries = 0;
  o.backoff_base_ms = 50;
  o.max_depth = 0;
  return o;
}

}  // namespace

TEST_CASE("crawler fault: a slow trickled body times out at the total timeout", "[crawler][faults]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.low_speed_limit = 1;  // the trickle (10 B/s) stays above it: the total timeout cuts it
  const std::string url = "https://faults.example/slow?bytes=1000&delay_ms=100";
  auto run = crawl(o, log, {url});
  const Page& p = page(log, url);
  CHECK(code(p) == "timeout");
  CHECK(p.status == 200);
  CHECK(p.body.size() < 1000);
  CHECK_FALSE(run.stats.targets[0].reachable());
  CHECK(run.elapsed >= 900ms);
  CHECK(run.elapsed < std::chrono::milliseconds(o.timeout_ms) + k_slack);
}

TEST_CASE("crawler fault: a stall after the headers trips the low-speed limit", "[crawler][faults]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.timeout_ms = 20'000;  // only the low-speed limit (100 B/s over 1 s) can end it early
  const std::string url = "https://faults.example/stall";
  auto run = crawl(o, log, {url});
  CHECK(code(page(log, url)) == "timeout");
  CHECK(run.elapsed < std::chrono::seconds(o.low_speed_time_s) + k_slack);
}

TEST_CASE("crawler fault: 429 with Retry-After in seconds waits that long and is recorded", "[crawler][faults]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.max_retries = 1;
  const std::string path = "/status/429?retry_after=1";
  auto run = crawl(o, log, {"https://faults.example" + path});
  const Page& p = page(log, "https://faults.example" + path);
  CHECK(code(p) == "rate_limited");
  CHECK(p.status == 429);
  CHECK(p.error->message == "HTTP 429 (Retry-After 1 s)");
  auto at = arrivals(fx, path);
  REQUIRE(at.size() == 2);
  CHECK(at[1] - at[0] >= 950ms);
  CHECK(run.stats.retries == 1);
  CHECK(run.elapsed < 1s + k_slack);
}

TEST_CASE("crawler fault: 429 with Retry-After as an HTTP-date", "[crawler][faults]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.max_retries = 1;
  const std::string path = "/status/429?retry_after=2&retry_after_date=1";
  auto run = crawl(o, log, {"https://faults.example" + path});
  CHECK(code(page(log, "https://faults.example" + path)) == "rate_limited");
  auto at = arrivals(fx, path);
  REQUIRE(at.size() == 2);
  CHECK(at[1] - at[0] >= 950ms);  // the date has one-second resolution: 1 to 2 s
  CHECK(at[1] - at[0] <= 2500ms);
  CHECK(run.elapsed < 2s + k_slack);
}

TEST_CASE("crawler fault: a Retry-After beyond max_retry_after is recorded and not waited for", "[crawler][faults]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.max_retries = 3;
  o.max_retry_after_s = 5;
  const std::string path = "/status/503?retry_after=3600";
  auto run = crawl(o, log, {"https://faults.example" + path});
  const Page& p = page(log, "https://faults.example" + path);
  CHECK(code(p) == "http_status");
  CHECK(p.error->message == "HTTP 503 (Retry-After 3600 s)");
  CHECK(arrivals(fx, path).size() == 1);
  CHECK(run.elapsed < k_slack);
}

TEST_CASE("crawler fault: 503 then 200 is retried and the page is delivered", "[crawler][faults]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.max_retries = 2;
  const std::string backoff = "/flaky/backoff?fail=2";  // no Retry-After: exponential backoff
  const std::string told = "/flaky/told?fail=1&retry_after=1";
  auto run = crawl(o, log, {"https://faults.example" + backoff, "https://faults.example" + told});
  CHECK(code(page(log, "https://faults.example" + backoff)) == "ok");
  CHECK(page(log, "https://faults.example" + backoff).status == 200);
  CHECK(arrivals(fx, backoff).size() == 3);
  CHECK(code(page(log, "https://faults.example" + told)) == "ok");
  auto at = arrivals(fx, told);
  REQUIRE(at.size() == 2);
  CHECK(at[1] - at[0] >= 950ms);
  CHECK(run.stats.targets[0].reachable());
  CHECK(run.stats.targets[1].reachable());
  CHECK(run.elapsed < 1s + k_slack);
}

TEST_CASE("crawler fault: 500 forever is retried with growing backoff then recorded", "[crawler][faults]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.max_retries = 3;
  o.backoff_base_ms = 100;
  const std::string path = "/status/500";
  auto run = crawl(o, log, {"https://faults.example" + path});
  const Page& p = page(log, "https://faults.example" + path);
  CHECK(code(p) == "http_status");
  CHECK(p.status == 500);
  auto at = arrivals(fx, path);
  REQUIRE(at.size() == 4);  // 1 + max_retries
  // base·2^k with jitter in [0.5, 1.5): at least 50, 100, 200 ms.
  CHECK(at[1] - at[0] >= 50ms);
  CHECK(at[2] - at[1] >= 100ms);
  CHECK(at[3] - at[2] >= 200ms);
  CHECK(run.stats.retries == 3);
  CHECK(run.elapsed < std::chrono::milliseconds((100 + 200 + 400) * 3 / 2) + k_slack);
}

TEST_CASE("crawler fault: redirect loops and over-long chains stop", "[crawler][faults][redirects]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  auto run = crawl(o, log,
                   {"https://faults.example/redirect/loop", "https://faults.example/redirect/chain/12",
                    "https://faults.example/redirect/chain/10"});
  CHECK(code(page(log, "https://faults.example/redirect/loop")) == "redirect_loop");
  CHECK(arrivals(fx, "/redirect/loop").size() == 1);
  const Page& too_long = page(log, "https://faults.example/redirect/chain/12");
  CHECK(code(too_long) == "too_many_redirects");
  CHECK(too_long.error->message == "more than 10 redirects");
  CHECK(too_long.redirects.size() == 10);
  const Page& ten = page(log, "https://faults.example/redirect/chain/10");
  CHECK(code(ten) == "ok");
  CHECK(ten.redirects.size() == 10);
  CHECK(ten.final_url == "https://faults.example/redirect/chain/0");
  CHECK(run.elapsed < k_slack);
}

TEST_CASE("crawler fault: a redirect to file: is refused", "[crawler][faults][redirects]") {
  CrawlFixture fx;
  PageLog log;
  const std::string url = "https://faults.example/redirect/to?location=file:///etc/passwd";
  auto run = crawl(fault_options(fx), log, {url});
  const Page& p = page(log, url);
  CHECK(code(p) == "redirect_refused");
  CHECK(p.error->message == "redirect to a file: URL refused (only http and https)");
  CHECK(p.body.empty());
  CHECK(run.elapsed < k_slack);
}

TEST_CASE("crawler fault: a redirect to a private address is refused unless the target is one", "[crawler][faults][private]") {
  CrawlFixture fx;
  PageLog log;
  const std::string port = std::to_string(fx.server.port());
  const std::string to_ip = "https://faults.example/redirect/to?location=https://127.0.0.1:" + port + "/status/200";
  const std::string to_localhost = "https://faults.example/redirect/to?location=https://localhost:" + port + "/";
  const std::string to_mapped = "https://faults.example/redirect/to?location=https://jane.example/";
  auto run = crawl(fault_options(fx), log, {to_ip, to_localhost, to_mapped});
  const Page& ip = page(log, to_ip);
  CHECK(code(ip) == "redirect_refused");
  CHECK(ip.error->message == "redirect to a loopback/private address (127.0.0.1) refused: not a listed target");
  CHECK(code(page(log, to_localhost)) == "redirect_refused");
  // A host the user mapped with --connect-to may resolve to loopback.
  CHECK(code(page(log, to_mapped)) == "ok");
  for (const auto& r : fx.server.requests()) {
    CHECK(r.host != "127.0.0.1");
    CHECK(r.host != "localhost");
  }
  // The user listing a loopback address as a target is what allows it.
  PageLog direct;
  crawl(fault_options(fx), direct, {"https://127.0.0.1:" + port + "/"});
  const Page& d = page(direct, "https://127.0.0.1:" + port + "/");
  CHECK(d.status > 0);
  CHECK((!d.error || d.error->code == "http_status"));
  CHECK(run.elapsed < k_slack);
}

TEST_CASE("crawler fault: a body far over the cap is cut off at the cap", "[crawler][faults]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.max_body_bytes = 1u << 20;
  o.timeout_ms = 5000;
  const std::string url = "https://faults.example/big?mb=256";
  auto run = crawl(o, log, {url});
  const Page& p = page(log, url);
  CHECK(code(p) == "too_large");
  CHECK(p.error->message == "body larger than the 1024 KiB cap (cut off)");
  CHECK(p.truncated);
  CHECK(p.body.size() == 1u << 20);
  CHECK(run.elapsed < std::chrono::milliseconds(o.timeout_ms) + k_slack);
}

TEST_CASE("crawler fault: a gzip bomb is cut off at the cap after decompression", "[crawler][faults]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.max_body_bytes = 2u << 20;
  o.timeout_ms = 5000;
  o.low_speed_time_s = 5;  // the server compresses the bomb before it answers
  const std::string url = "https://faults.example/gzip-bomb?mb=32";  // 16 x the cap; 32 KiB on the wire
  auto run = crawl(o, log, {url});
  const Page& p = page(log, url);
  CHECK(code(p) == "too_large");
  CHECK(p.truncated);
  CHECK(p.body.size() == 2u << 20);
  CHECK(run.stats.bytes < (3u << 20));
  CHECK(run.elapsed < std::chrono::milliseconds(o.timeout_ms) + k_slack);
}

TEST_CASE("crawler fault: Content-Length larger than the body is a bad response", "[crawler][faults]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.max_retries = 1;
  const std::string url = "https://faults.example/short-body";
  auto run = crawl(o, log, {url});
  CHECK(code(page(log, url)) == "bad_response");
  CHECK(arrivals(fx, "/short-body").size() == 2);  // retried once
  CHECK(run.elapsed < k_slack);
}

TEST_CASE("crawler fault: a connection reset is retried and recorded", "[crawler][faults]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.max_retries = 2;
  o.fetch_site_signals = false;  // one pooled connection (robots.txt's) at most
  const std::string url = "https://faults.example/reset";
  auto run = crawl(o, log, {url});
  CHECK(code(page(log, url)) == "connection_reset");
  // 1 + max_retries attempts; libcurl replays an attempt once more on a fresh connection when the
  // keep-alive connection it reused (robots.txt's) dies before any reply.
  auto n = arrivals(fx, "/reset").size();
  CHECK(n >= 3);
  CHECK(n <= 4);
  CHECK(run.elapsed < k_slack);
}

TEST_CASE("crawler fault: a malformed status line is a bad response", "[crawler][faults]") {
  CrawlFixture fx;
  PageLog log;
  const std::string url = "https://faults.example/bad-status";
  auto run = crawl(fault_options(fx), log, {url});
  const Page& p = page(log, url);
  CHECK(code(p) == "bad_response");
  CHECK(p.status == 0);
  CHECK(run.elapsed < k_slack);
}

TEST_CASE("crawler fault: robots.txt 500 disallows what is discovered and is retried", "[crawler][faults][robots]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.max_depth = 1;
  o.max_retries = 2;
  const std::string url = "https://robots500.faults.example/links?n=3";
  auto run = crawl(o, log, {url});
  const Page& listed = page(log, url);
  CHECK(code(listed) == "ok");  // a listed target is user-directed
  REQUIRE(listed.site);
  REQUIRE(listed.site->robots);
  CHECK(listed.site->robots->retry_later());
  CHECK(listed.site->robots_file.status == 500);
  CHECK(count(fx, "robots500.faults.example", "/robots.txt") == 3);  // 1 + max_retries
  CHECK(count(fx, "robots500.faults.example", "/status/") == 0);
  size_t disallowed = 0;
  for (const auto& p : log.pages) disallowed += code(p) == "robots_disallowed";
  CHECK(disallowed == 3);
  CHECK(run.stats.robots_disallowed == 3);
  CHECK(run.elapsed < std::chrono::milliseconds((50 + 100) * 3 / 2) + k_slack);
}

TEST_CASE("crawler fault: robots.txt 404 allows everything", "[crawler][faults][robots]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.max_depth = 1;
  const std::string url = "https://robots404.faults.example/links?n=3";
  auto run = crawl(o, log, {url});
  CHECK(page(log, url).site->robots_file.status == 404);
  CHECK(count(fx, "robots404.faults.example", "/status/200?i=") == 3);
  CHECK(code(page(log, "https://robots404.faults.example/status/200?i=2")) == "ok");
  CHECK(run.elapsed < k_slack);
}

TEST_CASE("crawler fault: robots.txt over 500 KiB is read up to the limit", "[crawler][faults][robots]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.max_depth = 1;
  // Compressed on the wire, and sent as is with a 600 KiB Content-Length (once read as empty).
  const std::string host = GENERATE(std::string("robotsbig.faults.example"), std::string("robotsbigplain.faults.example"));
  const std::string url = "https://" + host + "/links?n=2";
  auto run = crawl(o, log, {url});
  const Page& listed = page(log, url);
  REQUIRE(listed.site->robots);
  CHECK(listed.site->robots->cut_at_limit());
  // Its last line ("Disallow: /") lies beyond 500 KiB and is ignored; the early lines still count.
  CHECK(listed.site->robots->allowed(k_robots_agent, "/status/200"));
  CHECK_FALSE(listed.site->robots->allowed(k_robots_agent, "/archive/000007/"));
  CHECK(count(fx, host, "/status/200?i=") == 2);
  CHECK(run.elapsed < k_slack);
}

TEST_CASE("crawler fault: robots.txt 429 counts as unreachable for now", "[crawler][faults][robots]") {
  CrawlFixture fx;
  PageLog log;
  auto o = fault_options(fx);
  o.max_depth = 1;
  o.max_retries = 2;
  o.max_retry_after_s = 5;  // its Retry-After is 30 s: not waited for
  const std::string url = "https://robots429.faults.example/links?n=2";
  auto run = crawl(o, log, {url});
  const Page& listed = page(log, url);
  CHECK(listed.site->robots->retry_later());
  CHECK_FALSE(listed.site->robots->allowed(k_robots_agent, "/status/200"));
  CHECK(count(fx, "robots429.faults.example", "/robots.txt") == 1);
  CHECK(count(fx, "robots429.faults.example", "/status/") == 0);
  CHECK(run.elapsed < k_slack);
}

TEST_CASE("crawler fault: windows-1251 and Shift_JIS pages arrive as UTF-8", "[crawler][faults][charset]") {
  CrawlFixture fx;
  PageLog log;
  const std::string base = "https://faults.example/charset/";
  auto run = crawl(fault_options(fx), log,
                   {base + "windows-1251", base + "windows-1251-meta", base + "shift_jis", base + "shift_jis-meta"});
  for (std::string v : {"windows-1251", "windows-1251-meta"}) {
    const Page& p = page(log, base + v);
    CHECK(p.charset == "windows-1251");
    CHECK(p.content_type == "text/html");
    CHECK(p.body.find("<h1>Джейн Пример</h1>") != std::string::npos);
    CHECK(p.body.find("Привет! Я живу в Спрингфилде") != std::string::npos);
  }
  for (std::string v : {"shift_jis", "shift_jis-meta"}) {
    const Page& p = page(log, base + v);
    CHECK(p.charset == "shift_jis");
    CHECK(p.body.find("<h1>ジェーン・エグザンプル</h1>") != std::string::npos);
    CHECK(p.body.find("こんにちは。スプリングフィールドに住んでいます。") != std::string::npos);
  }
  CHECK(run.elapsed < k_slack);
}
