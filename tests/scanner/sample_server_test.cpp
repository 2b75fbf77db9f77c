// The loopback sample server (samples/sample_server.h): TLS with the bundled CA, host routing,
// files, _routes.yaml, conditional GET, gzip, keep-alive, the request log and the overlay folder.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <thread>

#include "core/time.h"
#include "samples/sample_files.h"
#include "samples/server/routes_file.h"
#include "samples/server/site_router.h"
#include "tests/scanner/sample_client.h"
#include "tests/support/test_support.h"

using namespace exposcan;
using namespace exposcan::test;

namespace {

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("sample server: Instagram profile over TLS with the test CA", "[samples][server]") {
  auto server = start_sample_server();
  REQUIRE(server->port() != 0);
  SampleClient client(*server);
  auto r = client.fetch("https://www.instagram.com/janeexample/");
  REQUIRE(r.rc == CURLE_OK);
  CHECK(r.status == 200);
  CHECK(r.header("content-type") == "text/html; charset=utf-8");
  CHECK(contains(r.body, "<meta property=\"og:description\" content=\"1,234 Followers, 56 Following, 78 Posts - "
                         "See Instagram photos and videos from Jane Example (@janeexample)\" />"));
  CHECK(contains(r.body, "<meta property=\"og:url\" content=\"https://www.instagram.com/janeexample/\" />"));
}

TEST_CASE("sample server: certificate checks are real", "[samples][server]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  FetchOptions untrusted;
  untrusted.trust_ca = false;
  CHECK(client.fetch("https://jane.example/", untrusted).rc == CURLE_PEER_FAILED_VERIFICATION);  // 60
  // Every served host is named in the certificate (no wildcards).
  for (const auto& host : server->hostnames()) {
    INFO(host);
    CHECK(client.fetch("https://" + host + "/robots.txt").rc == CURLE_OK);
  }
  CHECK(server->ca_pem().rfind("-----BEGIN CERTIFICATE-----", 0) == 0);
}

TEST_CASE("sample server: hostnames come from the embedded sites plus the fault hosts", "[samples][server]") {
  samples::SampleServer server;
  const auto hosts = server.hostnames();
  CHECK(std::is_sorted(hosts.begin(), hosts.end()));
  for (const char* h : {"jane.example", "www.jane.example", "mastodon.social", "www.instagram.com", "instagram.com",
                        "faults.example", "robots500.faults.example", "robots404.faults.example",
                        "robots429.faults.example", "robotsbig.faults.example"}) {
    INFO(h);
    CHECK(std::count(hosts.begin(), hosts.end(), h) == 1);
  }
}

TEST_CASE("sample server: path mapping, 404, 421 and private files", "[samples][server]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  CHECK(client.fetch("https://jane.example/").body == *samples::file("sites/jane.example/index.html"));
  CHECK(client.fetch("https://jane.example/posts/garden-notes/").body ==
        *samples::file("sites/jane.example/posts/garden-notes/index.html"));
  // "/x" serves x/index.html when there is no file x.
  CHECK(client.fetch("https://jane.example/posts/garden-notes").status == 200);

  auto missing = client.fetch("https://jane.example/no/such/page");
  CHECK(missing.status == 404);
  CHECK(missing.header("content-type") == "text/html; charset=utf-8");
  CHECK(contains(missing.body, "<h1>404 Not Found</h1>"));

  auto unknown = client.fetch("https://old.reddit.com/user/janeexample/");  // in the certificate, no site yet
  CHECK(unknown.status == 421);

  CHECK(client.fetch("https://mastodon.social/_routes.yaml").status == 404);
  CHECK(client.fetch("https://mastodon.social/_api/account.json").status == 404);
  CHECK(client.fetch("https://mastodon.social/%5Froutes.yaml").status == 404);
  CHECK(client.fetch("https://jane.example/posts/../_routes.yaml").status == 404);
  CHECK(client.fetch("https://jane.example/posts/%2e%2e/%2e%2e/%2e%2e/identity.yaml").status == 404);

  // Host matching ignores case and the port.
  FetchOptions upper;
  upper.headers = {"Host: JANE.Example:443"};
  CHECK(client.fetch("https://jane.example/robots.txt", upper).status == 200);
}

TEST_CASE("sample server: content types by extension", "[samples][server]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  CHECK(client.fetch("https://jane.example/feed.xml").header("content-type") == "application/xml; charset=utf-8");
  CHECK(client.fetch("https://mastodon.social/@janeexample.rss").header("content-type") ==
        "application/rss+xml; charset=utf-8");
  CHECK(client.fetch("https://jane.example/robots.txt").header("content-type") == "text/plain; charset=utf-8");
  CHECK(client.fetch("https://jane.example/media/avatar.jpg").header("content-type") == "image/jpeg");
  CHECK(client.fetch("https://jane.example/style.css").header("content-type") == "text/css; charset=utf-8");
  CHECK(client.fetch("https://jane.example/favicon.svg").header("content-type") == "image/svg+xml");
  CHECK(client.fetch("https://mastodon.social/api/v1/accounts/lookup?acct=janeexample").header("content-type") ==
        "application/json; charset=utf-8");
}

TEST_CASE("sample server: _routes.yaml query routes, statuses and extra headers", "[samples][server]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  auto lookup = client.fetch("https://mastodon.social/api/v1/accounts/lookup?acct=janeexample");
  CHECK(lookup.status == 200);
  CHECK(lookup.body == *samples::file("sites/mastodon.social/_api/account.json"));
  // Percent-encoded query values match too.
  CHECK(client.fetch("https://mastodon.social/api/v1/accounts/lookup?acct=janeexample%40mastodon.social").status == 200);
  auto nobody = client.fetch("https://mastodon.social/api/v1/accounts/lookup?acct=someoneelse");
  CHECK(nobody.status == 404);
  CHECK(nobody.body == "{\"error\":\"Record not found\"}");

  const std::string statuses = "https://mastodon.social/api/v1/accounts/110236031393675807/statuses";
  auto page1 = client.fetch(statuses + "?limit=20");
  CHECK(page1.status == 200);
  CHECK(contains(page1.body, "\"id\":\"117387362648795050\""));
  CHECK(page1.header("link") ==
        "<https://mastodon.social/api/v1/accounts/110236031393675807/statuses?max_id=115202077976969650>; rel=\"next\", "
        "<https://mastodon.social/api/v1/accounts/110236031393675807/statuses?min_id=117387362648795050>; rel=\"prev\"");
  auto page2 = client.fetch(statuses + "?limit=20&max_id=115202077976969650");
  CHECK(page2.body == "[]");
  CHECK(page2.header("link").empty());

  auto reading = client.fetch("https://jane.example/posts/reading-list/");
  CHECK(reading.status == 200);
  CHECK(reading.header("content-usage") == "train-ai=n");
  CHECK(client.fetch("https://jane.example/posts/garden-notes/").header("content-usage").empty());

  auto moved = client.fetch("https://mastodon.social/users/janeexample");
  CHECK(moved.status == 302);
  CHECK(moved.header("location") == "https://mastodon.social/@janeexample");

  auto wf = client.fetch("https://mastodon.social/.well-known/webfinger?resource=acct%3Ajaneexample%40mastodon.social");
  CHECK(wf.status == 200);
  CHECK(wf.header("content-type") == "application/jrd+json; charset=utf-8");

  auto ig = client.fetch("https://www.instagram.com/api/v1/users/web_profile_info/?username=janeexample");
  CHECK(ig.status == 200);
  CHECK(contains(ig.body, "\"edge_owner_to_timeline_media\""));
  CHECK(ig.header("cache-control") == "private, no-cache, no-store, must-revalidate");
}

TEST_CASE("sample server: whole-host redirects", "[samples][server]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  auto ig = client.fetch("https://instagram.com/janeexample/?hl=de");
  CHECK(ig.status == 301);
  CHECK(ig.header("location") == "https://www.instagram.com/janeexample/?hl=de");
  FetchOptions follow;
  follow.follow = true;
  auto www = client.fetch("https://www.jane.example/posts/", follow);
  CHECK(www.status == 200);
  CHECK(www.redirects == 1);
  CHECK(contains(www.body, "<h1 class=\"p-name\">Posts</h1>"));
}

TEST_CASE("sample server: conditional GET with ETag and Last-Modified", "[samples][server]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  const std::string url = "https://jane.example/posts/hello-springfield/";
  auto first = client.fetch(url);
  REQUIRE(first.status == 200);
  const std::string etag = first.header("etag");
  CHECK(etag.size() == 18);  // "\"" + 16 hex + "\""
  CHECK(first.header("last-modified") == std::string(samples::server::k_embedded_last_modified));

  FetchOptions inm;
  inm.headers = {"If-None-Match: " + etag};
  auto again = client.fetch(url, inm);
  CHECK(again.status == 304);
  CHECK(again.body.empty());
  CHECK(again.header("etag") == etag);

  FetchOptions list;
  list.headers = {"If-None-Match: \"nope\", W/" + etag};
  CHECK(client.fetch(url, list).status == 304);
  FetchOptions other;
  other.headers = {"If-None-Match: \"0000000000000000\""};
  CHECK(client.fetch(url, other).status == 200);

  FetchOptions ims;
  ims.headers = {"If-Modified-Since: " + first.header("last-modified")};
  CHECK(client.fetch(url, ims).status == 304);
  FetchOptions older;
  older.headers = {"If-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT"};
  CHECK(client.fetch(url, older).status == 200);
  // If-None-Match takes precedence over If-Modified-Since (RFC 9110 §13.2.2).
  FetchOptions both;
  both.headers = {"If-None-Match: \"0000000000000000\"", "If-Modified-Since: " + first.header("last-modified")};
  CHECK(client.fetch(url, both).status == 200);
}

TEST_CASE("sample server: gzip for clients that accept it, bodies over 1 KiB", "[samples][server]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  const std::string url = "https://mastodon.social/@janeexample";
  const std::string plain = client.fetch(url).body;
  REQUIRE(plain.size() > 1024);

  FetchOptions gz;
  gz.accept_encoding = "gzip";
  auto zipped = client.fetch(url, gz);
  CHECK(zipped.header("content-encoding") == "gzip");
  CHECK(zipped.header("vary") == "Accept-Encoding");
  CHECK(zipped.body == plain);  // libcurl decoded it
  FetchOptions raw = gz;
  raw.decode = false;
  auto wire = client.fetch(url, raw);
  CHECK(wire.body.size() < plain.size());
  CHECK(wire.body.substr(0, 2) == "\x1f\x8b");
  // The gzip variant has its own entity tag, and a conditional request for it still works.
  CHECK(wire.header("etag") != client.fetch(url).header("etag"));
  FetchOptions cond = gz;
  cond.headers = {"If-None-Match: " + wire.header("etag")};
  CHECK(client.fetch(url, cond).status == 304);

  auto small = client.fetch("https://jane.example/robots.txt", gz);
  CHECK(small.header("content-encoding").empty());
  FetchOptions refused;
  refused.headers = {"Accept-Encoding: gzip;q=0"};
  CHECK(client.fetch(url, refused).header("content-encoding").empty());
}

TEST_CASE("sample server: keep-alive and HEAD", "[samples][server]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  auto a = client.fetch("https://jane.example/");
  auto b = client.fetch("https://jane.example/posts/");
  CHECK(a.connects == 1);
  CHECK(b.connects == 0);  // reused the first connection

  FetchOptions head;
  head.head = true;
  auto h = client.fetch("https://jane.example/", head);
  CHECK(h.status == 200);
  CHECK(h.body.empty());
  CHECK(h.content_length == static_cast<curl_off_t>(a.body.size()));
  CHECK(h.header("etag") == a.header("etag"));
  // The connection survives a HEAD.
  CHECK(client.fetch("https://jane.example/robots.txt").connects == 0);
}

TEST_CASE("sample server: the request log records host, target, method and User-Agent", "[samples][server]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  FetchOptions o;
  o.user_agent = "exposcan/0.1 (+https://example.org/exposcan)";
  o.headers = {"X-Test: 1"};
  const auto before = std::chrono::steady_clock::now();
  client.fetch("https://mastodon.social/api/v1/accounts/lookup?acct=janeexample", o);
  client.fetch("https://faults.example/status/503", o);
  client.fetch("https://jane.example/robots.txt");

  const auto log = server->requests();
  REQUIRE(log.size() == 3);
  CHECK(log[0].host == "mastodon.social");
  CHECK(log[0].target == "/api/v1/accounts/lookup?acct=janeexample");
  CHECK(log[0].method == "GET");
  CHECK(log[0].user_agent == "exposcan/0.1 (+https://example.org/exposcan)");
  CHECK(log[0].at >= before);
  CHECK(std::count(log[0].headers.begin(), log[0].headers.end(), std::pair<std::string, std::string>("X-Test", "1")) == 1);
  CHECK(log[1].host == "faults.example");
  CHECK(log[2].user_agent == "exposcan-tests/1.0");
  CHECK(log[1].at <= log[2].at);

  server->clear_requests();
  CHECK(server->requests().empty());
}

TEST_CASE("sample server: overlay files override, extend and delete embedded ones", "[samples][server]") {
  TempDir overlay;
  write_file(overlay / "sites/jane.example/index.html", "<!DOCTYPE html><title>changed</title>");
  write_file(overlay / "sites/jane.example/posts/new-post/index.html", "<p>new</p>");
  write_file(overlay / "sites/newhost.example/index.html", "<p>hello</p>");
  write_file(overlay / "_deleted", "# removed between scans\nsites/jane.example/posts/garden-notes/index.html\n\n"
                                   "sites/mastodon.social/@janeexample/117387362648795050/\n");
  samples::SampleServerOptions options;
  options.overlay_dir = overlay.path();
  auto server = start_sample_server(options);
  SampleClient client(*server);

  CHECK(client.fetch("https://jane.example/").body == "<!DOCTYPE html><title>changed</title>");
  CHECK(client.fetch("https://jane.example/posts/new-post/").body == "<p>new</p>");
  CHECK(client.fetch("https://jane.example/posts/garden-notes/").status == 404);
  CHECK(client.fetch("https://mastodon.social/@janeexample/117387362648795050").status == 404);
  CHECK(client.fetch("https://mastodon.social/@janeexample/116273834235464830").status == 200);
  CHECK(client.fetch("https://jane.example/posts/hello-springfield/").status == 200);
  auto hosts = server->hostnames();
  CHECK(std::count(hosts.begin(), hosts.end(), "newhost.example") == 1);
  CHECK(client.fetch("https://newhost.example/", {}).rc == CURLE_PEER_FAILED_VERIFICATION);  // not in the cert

  // Read at request time: a change between two fetches shows, with a new validator.
  const auto etag = client.fetch("https://jane.example/posts/inktober-sketches/").header("etag");
  write_file(overlay / "sites/jane.example/posts/inktober-sketches/index.html", "<p>edited</p>");
  auto edited = client.fetch("https://jane.example/posts/inktober-sketches/");
  CHECK(edited.body == "<p>edited</p>");
  CHECK(edited.header("etag") != etag);

  // An overlay _routes.yaml replaces the embedded one.
  write_file(overlay / "sites/jane.example/_routes.yaml",
             "headers:\n  X-Robots-Tag: noai\nroutes:\n  - path: /gone\n    status: 410\n");
  CHECK(client.fetch("https://jane.example/gone").status == 410);
  CHECK(client.fetch("https://jane.example/").header("x-robots-tag") == "noai");
  CHECK(client.fetch("https://jane.example/posts/reading-list/").header("content-usage").empty());
  write_file(overlay / "sites/jane.example/_routes.yaml", "routes: [oops\n");
  auto broken = client.fetch("https://jane.example/");
  CHECK(broken.status == 500);
  CHECK(contains(broken.body, "_routes.yaml:"));
}

TEST_CASE("sample server: plain HTTP, threads, restart and port errors", "[samples][server]") {
  samples::SampleServerOptions options;
  options.tls = false;
  options.threads = 3;
  auto server = start_sample_server(options);
  SampleClient client(*server);
  auto r = client.fetch("http://jane.example/robots.txt");
  CHECK(r.status == 200);

  // Concurrent clients on several I/O threads.
  std::vector<std::thread> workers;
  std::atomic<int> ok{0};
  for (int i = 0; i < 6; ++i) {
    workers.emplace_back([&] {
      SampleClient c(*server);
      for (int j = 0; j < 5; ++j)
        if (c.fetch("http://mastodon.social/@janeexample").status == 200) ++ok;
    });
  }
  for (auto& w : workers) w.join();
  CHECK(ok == 30);
  CHECK(server->requests().size() == 31);

  const auto again = server->start();
  REQUIRE_FALSE(again);
  CHECK(again.error().code == "state");

  samples::SampleServerOptions same_port;
  same_port.port = server->port();
  samples::SampleServer clash(same_port);
  const auto bind = clash.start();
  REQUIRE_FALSE(bind);
  CHECK(bind.error().code == "bind");

  server->stop();
  server->stop();  // idempotent
  CHECK(client.fetch("http://jane.example/").rc == CURLE_COULDNT_CONNECT);
  REQUIRE(server->start());
  CHECK(server->port() != 0);
  CHECK(client.fetch("http://jane.example/robots.txt").status == 200);
}

TEST_CASE("sample server: every embedded _routes.yaml parses and names existing files", "[samples][server]") {
  samples::server::SiteRouter router(samples::files(), {});
  int tables = 0;
  for (const auto& f : samples::files()) {
    const std::string path(f.path);
    if (path.size() < 13 || path.substr(path.size() - 13) != "/_routes.yaml") continue;
    ++tables;
    INFO(path);
    auto table = samples::server::parse_routes(f.data, path);
    REQUIRE(table);
    const std::string host = path.substr(6, path.size() - 6 - 13);
    for (const auto& route : table->routes)
      if (!route.file.empty()) CHECK(router.read(host, route.file));
  }
  CHECK(tables >= 5);
}

TEST_CASE("sample server: _routes.yaml errors name the file and line", "[samples][server]") {
  using samples::server::parse_routes;
  auto unknown = parse_routes("routes:\n  - path: /a\n    colour: red\n", "x/_routes.yaml");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == "config");
  CHECK(unknown.error().message == "x/_routes.yaml:3: unknown route key 'colour'");
  auto both = parse_routes("routes:\n  - path: /a\n    target: /b\n", "r.yaml");
  REQUIRE_FALSE(both);
  CHECK(both.error().message == "r.yaml:2: a route needs exactly one of 'target' or 'path'");
  auto status = parse_routes("routes:\n  - path: /a\n    status: 99\n", "r.yaml");
  REQUIRE_FALSE(status);
  CHECK(status.error().message == "r.yaml:3: 'status' must be an HTTP status code (100-599)");
  CHECK(parse_routes("", "empty.yaml"));
}
