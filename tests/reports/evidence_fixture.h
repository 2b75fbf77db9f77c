// tests/reports/evidence_fixture.h — pages behind the fixture record's findings, in the shapes
// libcurl hands the scanner: gzip + chunked over HTTP/1.1, an HTTP/2 exchange, a Latin-1 page
// converted to UTF-8, a plain HTTP/1.1 page, a page without a captured head, and site files.
#pragma once

#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "core/hash.h"
#include "scanner/page.h"
#include "tests/reports/fixture_record.h"

namespace exposcan::test {

// Deterministic WARC record ids: <urn:uuid:00000000-0000-4000-8000-000000000001>, ...
inline std::function<std::string()> counting_ids() {
  auto n = std::make_shared<int>(0);
  return [n] { return fmt::format("<urn:uuid:00000000-0000-4000-8000-{:012}>", ++*n); };
}

inline Page fixture_page(const std::string& url, const std::string& body) {
  Page p;
  p.url = url;
  p.final_url = url;
  p.status = 200;
  p.http_version = "1.1";
  p.remote_ip = "127.0.0.1";
  p.body = body;
  p.sha256 = sha256_hex(body);
  p.content_type = "text/html";
  p.charset = "utf-8";
  p.fetched_at = at("2026-11-26T07:14:40Z");
  return p;
}

inline std::vector<Page> fixture_pages() {
  auto site = std::make_shared<SiteSignals>();
  site->origin = "https://jane.example";
  site->robots_file = {"https://jane.example/robots.txt", 200, true, "User-agent: GPTBot\nDisallow: /\n", {}, at("2026-11-26T07:14:39Z")};
  site->tdmrep_file = {"https://jane.example/.well-known/tdmrep.json", 404, true, "", {}, at("2026-11-26T07:14:39Z")};
  site->ai_txt_file = {"https://jane.example/ai.txt", 404, true, "", {}, at("2026-11-26T07:14:39Z")};

  std::vector<Page> pages;
  // 1. gzip + chunked over HTTP/1.1: libcurl decoded and de-chunked the body.
  Page home = fixture_page("https://jane.example/", "<html><body><h1>Jane Example</h1><p>jane@example.org</p></body></html>\n");
  home.response_head =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
      "Transfer-Encoding: chunked\r\nETag: \"abc-gzip\"\r\n\r\n";
  home.headers = {{"Content-Type", "text/html; charset=utf-8"}, {"Content-Encoding", "gzip"}, {"Transfer-Encoding", "chunked"},
                  {"ETag", "\"abc-gzip\""}};
  home.request_block = "GET / HTTP/1.1\r\nHost: jane.example\r\nUser-Agent: exposcan/0.1.0\r\nAccept: */*\r\nAccept-Encoding: deflate, gzip\r\n\r\n";
  home.site = site;
  pages.push_back(home);

  // 2. HTTP/2: pseudo status line, lower-case names, no Content-Length.
  Page post = fixture_page("https://jane.example/posts/garden-notes/", "<html><body>Jane Example planted beans.</body></html>");
  post.http_version = "2";
  post.response_head = "HTTP/2 200 \r\ncontent-type: text/html\r\nx-robots-tag: noai\r\n\r\n";
  post.headers = {{"content-type", "text/html"}, {"x-robots-tag", "noai"}};
  post.request_block = "GET /posts/garden-notes/ HTTP/2\r\nHost: jane.example\r\nuser-agent: exposcan/0.1.0\r\naccept: */*\r\n\r\n";
  post.site = site;
  pages.push_back(post);

  // 3. Plain HTTP/1.1 with a correct Content-Length.
  std::string ig = "<html><head><meta property=\"og:title\" content=\"Sunset\"></head></html>";
  Page photo = fixture_page("https://www.instagram.com/p/C0ffee123/", ig);
  photo.response_head = fmt::format("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n", ig.size());
  photo.request_block = "GET /p/C0ffee123/ HTTP/1.1\r\nHost: www.instagram.com\r\n\r\n";
  pages.push_back(photo);

  // 4. Latin-1 page converted to UTF-8 by the scanner (sha256 is of the original bytes).
  std::string latin1 = "<p>Tomatoes again this year. Caf\xe9</p>";
  Page toot = fixture_page("https://mastodon.social/@janeexample/115202077976969650", "<p>Tomatoes again this year. Caf\xc3\xa9</p>");
  toot.sha256 = sha256_hex(latin1);
  toot.charset = "iso-8859-1";
  toot.response_head = fmt::format("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Length: {}\r\n\r\n", latin1.size());
  pages.push_back(toot);

  // 5. No captured head (capture off): rebuilt from status and headers.
  Page wall = fixture_page("https://www.instagram.com/p/Priv4te/", "<html>Log in to see this post</html>");
  wall.headers = {{"Content-Type", "text/html"}};
  pages.push_back(wall);
  return pages;
}

}  // namespace exposcan::test
