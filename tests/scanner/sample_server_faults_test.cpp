// The sample server's fault host (samples/server/fault_routes.cpp): each endpoint's observable
// behaviour through libcurl 7.88, with the error codes listed in TECH-NOTES §6.
#include <catch2/catch.hpp>
#include <zlib.h>

#include "core/time.h"
#include "samples/sample_files.h"
#include "tests/scanner/sample_client.h"

using namespace exposcan;
using namespace exposcan::test;
using namespace std::chrono_literals;

namespace {

const std::string k_faults = "https://faults.example";

// Inflates a gzip body and returns the decoded size (or -1 on error).
long long gunzip_size(const std::string& data) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return -1;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out(1 << 16, '\0');
  long long total = 0;
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    rc = inflate(&zs, Z_NO_FLUSH);
    total += static_cast<long long>(out.size() - zs.avail_out);
  }
  inflateEnd(&zs);
  return rc == Z_STREAM_END ? total : -1;
}

}  // namespace

TEST_CASE("faults: /slow trickles the body until the client times out", "[samples][faults]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  FetchOptions o;
  o.timeout_ms = 400;
  auto r = client.fetch(k_faults + "/slow?bytes=100&delay_ms=50", o);
  CHECK(r.rc == CURLE_OPERATION_TIMEDOUT);  // 28
  CHECK(r.status == 200);
  CHECK(r.body.size() >= 3);
  CHECK(r.body.size() < 100);
  CHECK(r.elapsed < 1500ms);

  // Small enough to finish: every byte arrives, one chunk per delay.
  auto done = client.fetch(k_faults + "/slow?bytes=6&delay_ms=40&chunk=2");
  CHECK(done.rc == CURLE_OK);
  CHECK(done.body == "......");
  CHECK(done.elapsed >= 80ms);
}

TEST_CASE("faults: /slow trips a low-speed limit", "[samples][faults]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  FetchOptions o;
  o.low_speed_limit = 100;
  o.low_speed_time = 1;
  auto r = client.fetch(k_faults + "/slow?bytes=1000&delay_ms=200", o);
  CHECK(r.rc == CURLE_OPERATION_TIMEDOUT);
  CHECK(r.elapsed >= 900ms);
  CHECK(r.elapsed < 3000ms);
}

TEST_CASE("faults: /stall sends headers and then nothing", "[samples][faults]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  FetchOptions o;
  o.timeout_ms = 300;
  auto r = client.fetch(k_faults + "/stall", o);
  CHECK(r.rc == CURLE_OPERATION_TIMEDOUT);
  CHECK(r.status == 200);
  CHECK(r.content_length == 1024);
  CHECK(r.body.empty());
}

TEST_CASE("faults: /status/<code> with Retry-After in seconds and as an HTTP-date", "[samples][faults]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  auto plain = client.fetch(k_faults + "/status/503");
  CHECK(plain.rc == CURLE_OK);
  CHECK(plain.status == 503);
  CHECK(plain.header("retry-after").empty());

  auto seconds = client.fetch(k_faults + "/status/429?retry_after=120");
  CHECK(seconds.status == 429);
  CHECK(seconds.header("retry-after") == "120");
  CHECK(seconds.retry_after == 120);

  auto date = client.fetch(k_faults + "/status/503?retry_after=60&retry_after_date=1");
  CHECK(date.status == 503);
  const auto when = parse_datetime(date.header("retry-after"));
  REQUIRE(when);
  const auto ahead = std::chrono::duration_cast<std::chrono::seconds>(*when - std::chrono::system_clock::now());
  CHECK(ahead.count() >= 55);
  CHECK(ahead.count() <= 61);
  CHECK(date.retry_after >= 55);
  CHECK(date.retry_after <= 61);

  CHECK(client.fetch(k_faults + "/status/204").status == 204);
  CHECK(client.fetch(k_faults + "/status/99").status == 400);
}

TEST_CASE("faults: /flaky/<id> fails K times per id, then succeeds", "[samples][faults]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  const std::string url = k_faults + "/flaky/a?fail=2&code=503&retry_after=1";
  auto first = client.fetch(url);
  CHECK(first.status == 503);
  CHECK(first.retry_after == 1);
  CHECK(client.fetch(url).status == 503);
  CHECK(client.fetch(url).status == 200);
  CHECK(client.fetch(url).status == 200);
  // Another id has its own counter; the code is configurable.
  CHECK(client.fetch(k_faults + "/flaky/b?fail=1&code=429").status == 429);
  CHECK(client.fetch(k_faults + "/flaky/b?fail=1&code=429").status == 200);
  // A new server starts from zero.
  auto fresh = start_sample_server();
  SampleClient fresh_client(*fresh);
  CHECK(fresh_client.fetch(url).status == 503);
}

TEST_CASE("faults: redirect loop, chains and arbitrary locations", "[samples][faults]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  FetchOptions follow;
  follow.follow = true;
  follow.max_redirs = 5;

  auto loop = client.fetch(k_faults + "/redirect/loop", follow);
  CHECK(loop.rc == CURLE_TOO_MANY_REDIRECTS);  // 47

  auto chain = client.fetch(k_faults + "/redirect/chain/3", follow);
  CHECK(chain.rc == CURLE_OK);
  CHECK(chain.status == 200);
  CHECK(chain.redirects == 3);
  CHECK(client.fetch(k_faults + "/redirect/chain/6", follow).rc == CURLE_TOO_MANY_REDIRECTS);

  auto hop = client.fetch(k_faults + "/redirect/chain/2");
  CHECK(hop.status == 302);
  CHECK(hop.header("location") == "/redirect/chain/1");

  auto file = client.fetch(k_faults + "/redirect/to?location=file%3A%2F%2F%2Fetc%2Fpasswd", follow);
  CHECK(file.rc == CURLE_UNSUPPORTED_PROTOCOL);  // 1: file: is not in REDIR_PROTOCOLS

  // Not followed: the test must never leave 127.0.0.1.
  auto internal = client.fetch(k_faults + "/redirect/to?location=https://10.0.0.1/admin&code=301");
  CHECK(internal.status == 301);
  CHECK(internal.header("location") == "https://10.0.0.1/admin");
}

TEST_CASE("faults: /big is chunked without Content-Length", "[samples][faults]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  auto r = client.fetch(k_faults + "/big?mb=2");
  CHECK(r.rc == CURLE_OK);
  CHECK(r.status == 200);
  CHECK(r.body.size() == 2u << 20);
  CHECK(r.header("transfer-encoding") == "chunked");
  CHECK(r.header("content-length").empty());
  CHECK(r.content_length == -1);

  FetchOptions capped;
  capped.cap = 256 * 1024;
  auto c = client.fetch(k_faults + "/big?mb=8", capped);
  CHECK(c.rc == CURLE_WRITE_ERROR);  // 23
  CHECK(c.body.size() <= 256 * 1024);
}

TEST_CASE("faults: /gzip-bomb is small on the wire and huge inflated", "[samples][faults]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  FetchOptions raw;
  raw.accept_encoding = "gzip";
  raw.decode = false;
  auto wire = client.fetch(k_faults + "/gzip-bomb?mb=64", raw);
  CHECK(wire.rc == CURLE_OK);
  CHECK(wire.header("content-encoding") == "gzip");
  CHECK(wire.body.size() < 200 * 1024);
  CHECK(gunzip_size(wire.body) == 64LL << 20);

  FetchOptions capped;
  capped.accept_encoding = "gzip";
  capped.cap = 8 << 20;
  auto bomb = client.fetch(k_faults + "/gzip-bomb?mb=64", capped);
  CHECK(bomb.rc == CURLE_WRITE_ERROR);
  CHECK(bomb.body.size() <= 8u << 20);

  // Cached: the second response is byte-identical.
  CHECK(client.fetch(k_faults + "/gzip-bomb?mb=64", raw).body == wire.body);
}

TEST_CASE("faults: short body, reset, malformed status line and header", "[samples][faults]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  auto shortened = client.fetch(k_faults + "/short-body");
  CHECK(shortened.rc == CURLE_PARTIAL_FILE);  // 18
  CHECK(shortened.body.size() == 100);

  CHECK(client.fetch(k_faults + "/reset").rc == CURLE_RECV_ERROR);               // 56
  CHECK(client.fetch(k_faults + "/bad-status").rc == CURLE_UNSUPPORTED_PROTOCOL);  // 1
  CHECK(client.fetch(k_faults + "/bad-header").rc == CURLE_WEIRD_SERVER_REPLY);    // 8

  // The server survives all of it.
  CHECK(client.fetch(k_faults + "/").status == 200);
}

TEST_CASE("faults: huge response headers and deep HTML", "[samples][faults]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  auto ok = client.fetch(k_faults + "/huge-headers?kb=16");
  CHECK(ok.rc == CURLE_OK);
  CHECK(ok.header("x-padding-15").size() > 1000);
  // Debian's libcurl 7.88.1 caps a response's headers at 300 KiB in total.
  auto too_big = client.fetch(k_faults + "/huge-headers?kb=400");
  CHECK(too_big.rc == CURLE_RECV_ERROR);  // 56
  CHECK(too_big.error.find("Too large response headers") != std::string::npos);

  auto deep = client.fetch(k_faults + "/deep-html?depth=6000");
  CHECK(deep.status == 200);
  size_t divs = 0;
  for (size_t p = deep.body.find("<div>"); p != std::string::npos; p = deep.body.find("<div>", p + 1)) ++divs;
  CHECK(divs == 6000);
}

TEST_CASE("faults: legacy charsets, declared in the header or only in the markup", "[samples][faults]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  auto cp1251 = client.fetch(k_faults + "/charset/windows-1251");
  CHECK(cp1251.header("content-type") == "text/html; charset=windows-1251");
  CHECK(cp1251.body == std::string(*samples::file("sites/faults.example/_charset/windows-1251.html")));
  CHECK(cp1251.body.find("\xc4\xe6\xe5\xe9\xed") != std::string::npos);  // "Джейн" in windows-1251
  CHECK(cp1251.body.find("<meta charset") == std::string::npos);

  auto meta = client.fetch(k_faults + "/charset/windows-1251-meta");
  CHECK(meta.header("content-type") == "text/html");
  CHECK(meta.body.find("<meta charset=\"windows-1251\">") != std::string::npos);

  auto sjis = client.fetch(k_faults + "/charset/shift_jis");
  CHECK(sjis.header("content-type") == "text/html; charset=Shift_JIS");
  CHECK(sjis.body.find("jane@example.org") != std::string::npos);
  auto sjis_meta = client.fetch(k_faults + "/charset/shift_jis-meta");
  CHECK(sjis_meta.header("content-type") == "text/html");
  CHECK(sjis_meta.body.find("<meta charset=\"Shift_JIS\">") != std::string::npos);

  CHECK(client.fetch(k_faults + "/charset/koi8-r").status == 404);
  CHECK(client.fetch(k_faults + "/_charset/windows-1251.html").status == 404);
}

TEST_CASE("faults: robots.txt sub-hosts", "[samples][faults]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  CHECK(client.fetch("https://robots500.faults.example/robots.txt").status == 500);
  CHECK(client.fetch("https://robots404.faults.example/robots.txt").status == 404);
  auto limited = client.fetch("https://robots429.faults.example/robots.txt");
  CHECK(limited.status == 429);
  CHECK(limited.retry_after == 30);

  auto big = client.fetch("https://robotsbig.faults.example/robots.txt");
  CHECK(big.status == 200);
  CHECK(big.body.size() == 600u * 1024);
  CHECK(big.body.rfind("User-agent: *\n", 200) != std::string::npos);
  const auto last_line = big.body.rfind('\n', big.body.size() - 2);
  CHECK(big.body.substr(last_line + 1) == "Disallow: /\n");
  CHECK(last_line > 500u * 1024);
  // Only the last line disallows the root.
  CHECK(big.body.find("Disallow: /\n") == last_line + 1);

  // Other paths behave as on faults.example.
  auto page = client.fetch("https://robots500.faults.example/");
  CHECK(page.status == 200);
  CHECK(page.body.find("<h1>faults.example</h1>") != std::string::npos);
  CHECK(client.fetch("https://robots500.faults.example/status/418").status == 418);
  CHECK(client.fetch("https://faults.example/robots.txt").body.find("Allow: /") != std::string::npos);
}
