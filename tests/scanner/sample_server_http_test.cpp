// The sample server's HTTP helpers (samples/server/http_util.h), without
// sockets.
#include <catch2/catch.hpp>

#include "samples/server/http_util.h"

using namespace exposcan::samples::server;

TEST_CASE("sample http: content types by file name", "[samples][http]") {
  CHECK(content_type_for("index.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("actor.activity.json") == "application/activity+json");
  CHECK(content_type_for("statuses.json") == "application/json; charset=utf-8");
  CHECK(content_type_for("@janeexample.rss") == "application/rss+xml; charset=utf-8");
  CHECK(content_type_for("feed.atom") == "application/atom+xml; charset=utf-8");
  CHECK(content_type_for("sitemap.xml") == "application/xml; charset=utf-8");
  CHECK(content_type_for("robots.txt") == "text/plain; charset=utf-8");
  CHECK(content_type_for("app.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("PHOTO.JPG") == "image/jpeg");
  CHECK(content_type_for("a.png") == "image/png");
  CHECK(content_type_for("logo.svg") == "image/svg+xml");
  CHECK(content_type_for("README") == "application/octet-stream");
}

TEST_CASE("sample http: Accept-Encoding", "[samples][http]") {
  CHECK(accepts_gzip("gzip"));
  CHECK(accepts_gzip("deflate, gzip, br, zstd"));
  CHECK(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  CHECK(accepts_gzip("*"));
  CHECK_FALSE(accepts_gzip(""));
  CHECK_FALSE(accepts_gzip("identity"));
  CHECK_FALSE(accepts_gzip("gzip;q=0"));
  CHECK_FALSE(accepts_gzip("gzip; q=0.000"));
  CHECK(accepts_gzip("gzip;q=0.001"));
}

TEST_CASE("sample http: query parameters are form-decoded", "[samples][http]") {
  const auto q = parse_query("acct=janeexample%40mastodon.social&limit=20&limit=40&flag&x=a+b%2Bc&q%20n=1%");
  CHECK(q.at("acct") == "janeexample@mastodon.social");
  CHECK(q.at("limit") == "20");
  CHECK(q.at("flag").empty());
  CHECK(q.at("x") == "a b+c");
  CHECK(q.at("q n") == "1%");
  CHECK(query_int(q, "limit", 5, 1, 10) == 10);
  CHECK(query_int(q, "acct", 5, 1, 10) == 5);
  CHECK(query_int(q, "missing", 7, 1, 10) == 7);
}

TEST_CASE("sample http: request host and target", "[samples][http]") {
  auto r = make_request("GET", "/api/v1/accounts/lookup?acct=x", {{"Host", "Mastodon.Social:8443"}}, true);
  CHECK(r.host == "mastodon.social");
  CHECK(r.path == "/api/v1/accounts/lookup");
  CHECK(r.query == "acct=x");
  CHECK(make_request("GET", "/", {{"Host", "jane.example."}}, true).host == "jane.example");
  CHECK(make_request("GET", "/", {{"Host", "[::1]:80"}}, true).host == "[::1]");
  CHECK(make_request("GET", "/", {}, true).host.empty());
  // Absolute form: the target's authority wins over Host.
  auto abs = make_request("GET", "https://www.instagram.com/janeexample/?hl=de", {{"Host", "other.example"}}, true);
  CHECK(abs.host == "www.instagram.com");
  CHECK(abs.target == "/janeexample/?hl=de");
  CHECK(abs.path == "/janeexample/");
}

TEST_CASE("sample http: conditional requests and gzip in finalize_response", "[samples][http]") {
  Request get = make_request("GET", "/", {{"If-None-Match", "\"abc\""}}, true);
  Response ok;
  ok.body = "hello";
  ok.set_header("ETag", "\"abc\"");
  ok.set_header("Content-Type", "text/plain");
  ok.set_header("Last-Modified", "Fri, 30 Oct 2026 09:00:00 GMT");
  Response r = ok;
  finalize_response(get, r);
  CHECK(r.status == 304);
  CHECK(r.body.empty());
  CHECK(r.header("Content-Type").empty());
  CHECK(r.header("ETag") == "\"abc\"");

  Request post = make_request("POST", "/", {{"If-None-Match", "\"abc\""}}, true);
  r = ok;
  finalize_response(post, r);
  CHECK(r.status == 200);

  Request later = make_request("GET", "/", {{"If-Modified-Since", "Sat, 31 Oct 2026 00:00:00 GMT"}}, true);
  r = ok;
  finalize_response(later, r);
  CHECK(r.status == 304);

  Request zip = make_request("GET", "/", {{"Accept-Encoding", "gzip"}}, true);
  r = ok;
  r.body = std::string(4096, 'a');
  finalize_response(zip, r);
  CHECK(r.header("Content-Encoding") == "gzip");
  CHECK(r.header("ETag") == "\"abc-gzip\"");
  CHECK(r.body.size() < 100);
  CHECK(r.body.substr(0, 2) == "\x1f\x8b");
}

TEST_CASE("sample http: status pages", "[samples][http]") {
  CHECK(reason_phrase(421) == "Misdirected Request");
  CHECK(reason_phrase(599) == "Unknown");
  const auto page = status_page(404, "No such page.");
  CHECK(page.find("<title>404 Not Found</title>") != std::string::npos);
  CHECK(page.find("<p>No such page.</p>") != std::string::npos);
}
