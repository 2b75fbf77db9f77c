// scanner/http_client against the sample server: keep-alive, connection caps, the caps on bodies,
// the private-address rule at the socket, Retry-After, and easy-handle reuse without leftovers.
#include <catch2/catch.hpp>

#include <future>
#include <mutex>

#include "core/text.h"
#include "tests/scanner/crawl_fixture.h"

using namespace exposcan;
using exposcan::test::CrawlFixture;
using SteadyClock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

HttpRequest get(std::string url) {
  HttpRequest r;
  r.url = std::move(url);
  r.allow_private_addresses = true;  // the sample server is on loopback
  r.connect_timeout_ms = 2000;
  r.timeout_ms = 5000;
  return r;
}

// Submits every request at once and waits for all responses (in submission order).
std::vector<HttpResponse> fetch_all(HttpClient& client, std::vector<HttpRequest> requests) {
  std::vector<std::promise<HttpResponse>> promises(requests.size());
  std::vector<std::future<HttpResponse>> futures;
  for (auto& p : promises) futures.push_back(p.get_future());
  for (size_t i = 0; i < requests.size(); ++i)
    client.submit(std::move(requests[i]), [&promises, i](HttpResponse r) { promises[i].set_value(std::move(r)); });
  std::vector<HttpResponse> out;
  for (auto& f : futures) out.push_back(f.get());
  return out;
}

}  // namespace

TEST_CASE("http client: sequential requests to one host reuse one keep-alive connection", "[http]") {
  CrawlFixture fx;
  HttpClient client(fx.options().http);
  long connections = 0;
  for (int i = 0; i < 8; ++i) {
    auto r = fetch_all(client, {get("https://jane.example/posts/")})[0];
    REQUIRE_FALSE(r.error);
    CHECK(r.status == 200);
    CHECK(r.http_version == "1.1");  // the sample server speaks HTTP/1.1 only
    connections += r.new_connections;
  }
  CHECK(connections == 1);
}

TEST_CASE("http client: at most max_host_connections transfers run at once per host", "[http]") {
  CrawlFixture fx;
  auto options = fx.options().http;
  options.max_host_connections = 2;
  HttpClient client(options);
  std::vector<HttpRequest> requests;
  // Each takes ~400 ms (five bytes, 100 ms apart) and closes its connection.
  for (int i = 0; i < 6; ++i) requests.push_back(get("https://faults.example/slow?bytes=5&delay_ms=100&chunk=1"));
  for (const auto& r : fetch_all(client, std::move(requests))) {
    CHECK_FALSE(r.error);
    CHECK(r.body == ".....");
  }
  std::vector<SteadyClock::time_point> at;
  for (const auto& r : fx.server.requests()) at.push_back(r.at);
  REQUIRE(at.size() == 6);
  // Two at a time: the third and fifth requests wait for earlier transfers to end.
  CHECK(at[2] - at[0] >= 350ms);
  CHECK(at[4] - at[2] >= 350ms);
}

TEST_CASE("http client: the body cap holds after decompression and the bomb is cut off early", "[http][faults]") {
  CrawlFixture fx;
  HttpClient client(fx.options().http);
  auto req = get("https://faults.example/gzip-bomb?mb=64");
  req.max_body_bytes = 4u << 20;
  auto start = SteadyClock::now();
  auto r = fetch_all(client, {std::move(req)})[0];
  REQUIRE(r.error);
  CHECK(r.error->code == "too_large");
  CHECK(r.truncated);
  CHECK(r.body.size() == 4u << 20);
  CHECK(r.bytes_downloaded < (1u << 20));  // a few KiB on the wire, never the whole bomb
  CHECK(SteadyClock::now() - start < 3s);
}

TEST_CASE("http client: non-public addresses are refused at the socket unless allowed", "[http][private]") {
  CrawlFixture fx;
  auto options = fx.options().http;
  // A public-looking name that resolves (here: is mapped) to loopback, as a hostile DNS answer would.
  options.connect_to.push_back(fmt::format("rebind.example:443:127.0.0.1:{}", fx.server.port()));
  HttpClient client(options);
  auto blocked = get("https://rebind.example/");
  blocked.allow_private_addresses = false;
  auto literal = get(fmt::format("https://127.0.0.1:{}/", fx.server.port()));
  literal.allow_private_addresses = false;
  auto allowed = get(fmt::format("https://127.0.0.1:{}/", fx.server.port()));
  auto rs = fetch_all(client, {blocked, literal, allowed});
  for (int i : {0, 1}) {
    REQUIRE(rs[i].error);
    CHECK(rs[i].error->code == "blocked_address");
    CHECK(rs[i].status == 0);
  }
  CHECK_FALSE(rs[2].error);
  CHECK(rs[2].status > 0);
  for (const auto& req : fx.server.requests()) CHECK(req.host != "rebind.example");
  CHECK(is_non_public_address("10.1.2.3"));
  CHECK(is_non_public_address("172.16.0.1"));
  CHECK(is_non_public_address("192.168.1.1"));
  CHECK(is_non_public_address("169.254.169.254"));
  CHECK(is_non_public_address("100.64.0.1"));
  CHECK(is_non_public_address("::1"));
  CHECK(is_non_public_address("fd00::1"));
  CHECK(is_non_public_address("fe80::1"));
  CHECK(is_non_public_address("::ffff:127.0.0.1"));
  CHECK_FALSE(is_non_public_address("93.184.216.34"));
  CHECK_FALSE(is_non_public_address("2606:2800:220:1:248:1893:25c8:1946"));
}

TEST_CASE("http client: only http and https are fetched", "[http]") {
  CrawlFixture fx;
  HttpClient client(fx.options().http);
  auto r = fetch_all(client, {get("file:///etc/passwd"), get("ftp://jane.example/")});
  for (const auto& x : r) {
    REQUIRE(x.error);
    CHECK(x.error->code == "unsupported_scheme");
    CHECK(x.body.empty());
  }
}

TEST_CASE("http client: Retry-After in seconds and as an HTTP-date", "[http][retry-after]") {
  CrawlFixture fx;
  HttpClient client(fx.options().http);
  auto rs = fetch_all(client, {get("https://faults.example/status/429?retry_after=7"),
                               get("https://faults.example/status/503?retry_after=120&retry_after_date=1"),
                               get("https://faults.example/status/429")});
  CHECK(rs[0].status == 429);
  CHECK(rs[0].retry_after_s == 7);
  CHECK(rs[1].status == 503);
  CHECK(rs[1].retry_after_s >= 118);  // the date has one-second resolution
  CHECK(rs[1].retry_after_s <= 120);
  CHECK(rs[2].retry_after_s == -1);
}

TEST_CASE("http client: a reused handle carries no header of the previous request", "[http]") {
  CrawlFixture fx;
  HttpClient client(fx.options().http);
  auto conditional = get("https://jane.example/posts/");
  conditional.if_none_match = "\"abc\"";
  conditional.headers.push_back("X-Test-Once: 1");
  fetch_all(client, {conditional});
  fetch_all(client, {get("https://jane.example/posts/?second")});
  auto log = fx.server.requests();
  REQUIRE(log.size() == 2);
  auto has = [](const samples::ServedRequest& r, std::string_view name) {
    for (const auto& [k, v] : r.headers)
      if (iequals(k, name)) return true;
    return false;
  };
  CHECK(has(log[0], "If-None-Match"));
  CHECK(has(log[0], "X-Test-Once"));
  CHECK_FALSE(has(log[1], "If-None-Match"));
  CHECK_FALSE(has(log[1], "X-Test-Once"));
  CHECK(log[1].user_agent == "exposcan-test/1");
  CHECK(has(log[1], "Accept-Encoding"));
}

TEST_CASE("http client: stop() answers everything in flight as interrupted", "[http]") {
  CrawlFixture fx;
  auto client = std::make_unique<HttpClient>(fx.options().http);
  std::promise<HttpResponse> p;
  auto f = p.get_future();
  client->submit(get("https://faults.example/stall"), [&p](HttpResponse r) { p.set_value(std::move(r)); });
  std::this_thread::sleep_for(200ms);
  auto start = SteadyClock::now();
  client->stop();
  auto r = f.get();
  REQUIRE(r.error);
  CHECK(r.error->code == "interrupted");
  CHECK(SteadyClock::now() - start < 2s);
}
