// Offline sources (scanner/offline_source.h) through the parsers: saved pages and folders, saved
// feeds, HAR files, and what WARC and HAR share (redirects, sniffing, caps). WARC records alone:
// offline_warc_test.cpp.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/hash.h"
#include "parsers/registry.h"
#include "samples/server/http_util.h"
#include "scanner/offline_source.h"
#include "tests/parsers/sample_pages.h"
#include "tests/parsers/warc_fixture.h"
#include "tests/support/test_support.h"

using namespace exposcan;
using test::warc_record;

namespace {

const std::string k_saved_profile = test::read_text(test::source_dir() / "samples/sites/mastodon.social/@janeexample/index.html");

}  // namespace

TEST_CASE("offline: saved HTML file keeps the original URL from canonical / og:url or the saved-from comment", "[offline]") {
  test::TempDir dir;
  test::write_text(dir / "canonical.html", "<html><head><link rel=\"canonical\" href=\"https://jane.example/posts/a/\"></head><body>x</body></html>");
  test::write_text(dir / "og.htm", "<html><head><meta property='og:url' content='https://x.com/janeexample'></head><body>x</body></html>");
  test::write_text(dir / "saved.html", "<!DOCTYPE html>\n<!-- saved from url=(0041)https://www.instagram.com/janeexample/ -->\n<html><body>x</body></html>");
  test::write_text(dir / "plain.html", "<html><body>no url</body></html>");
  CHECK(saved_page_url(test::read_text(dir / "canonical.html")) == "https://jane.example/posts/a/");
  CHECK(saved_page_url(test::read_text(dir / "og.htm")) == "https://x.com/janeexample");
  CHECK(saved_page_url(test::read_text(dir / "saved.html")) == "https://www.instagram.com/janeexample/");
  CHECK(saved_page_url(test::read_text(dir / "plain.html")).empty());
  auto load = load_offline(dir / "plain.html");
  REQUIRE(load);
  REQUIRE(load->pages.size() == 1);
  CHECK(load->pages[0].url.rfind("file://", 0) == 0);
  CHECK(load->pages[0].origin == PageOrigin::file);
}

TEST_CASE("offline: a saved folder is read recursively / asset folders skipped / items say file", "[offline]") {
  test::TempDir dir;
  test::write_text(dir / "mastodon/Jane Example (@janeexample@mastodon.social) - Mastodon.html", k_saved_profile);
  test::write_text(dir / "mastodon/Jane Example (@janeexample@mastodon.social) - Mastodon_files/frame.html", "<html><body>ad</body></html>");
  test::write_text(dir / "notes.txt", "not a page");
  auto load = load_offline(dir.path());
  REQUIRE(load);
  REQUIRE(load->pages.size() == 1);
  const Page& p = load->pages[0];
  CHECK(p.url == "https://mastodon.social/@janeexample");
  CHECK(p.user_directed);
  CHECK(p.content_type == "text/html");
  auto out = parse_page(p);
  REQUIRE_FALSE(out.items.empty());
  CHECK(out.items[0].platform == "mastodon");
  for (const auto& it : out.items) CHECK(it.provenance == "file");
  bool phone = false;
  for (const auto& it : out.items) phone = phone || test::has_field(it, "Phone", "+1 202 555 0147");
  CHECK(phone);
}

TEST_CASE("offline: HAR 1.2 entries (text and base64 bodies) become Pages - images are skipped", "[offline]") {
  using nlohmann::json;
  std::string api = test::read_text(test::source_dir() / "samples/sites/www.instagram.com/_api/web_profile_info_janeexample.json");
  json har = {{"log", {{"version", "1.2"}, {"creator", {{"name", "Firefox"}, {"version", "140.0"}}}, {"entries", json::array({
      {{"startedDateTime", "2026-10-30T10:15:00.123+01:00"}, {"serverIPAddress", "203.0.113.7"},
       {"request", {{"method", "GET"}, {"url", "https://www.instagram.com/janeexample/"}}},
       {"response", {{"status", 200}, {"httpVersion", "HTTP/2"}, {"headers", json::array({{{"name", "content-type"}, {"value", "text/html; charset=utf-8"}}})},
                     {"content", {{"mimeType", "text/html; charset=utf-8"}, {"text", test::read_text(test::source_dir() / "samples/sites/www.instagram.com/janeexample/index.html")}}}}}},
      {{"startedDateTime", "2026-10-30T10:15:01.000+01:00"},
       {"request", {{"method", "GET"}, {"url", "https://www.instagram.com/api/v1/users/web_profile_info/?username=janeexample"}}},
       {"response", {{"status", 200}, {"headers", json::array()}, {"content", {{"mimeType", "application/json; charset=utf-8"}, {"encoding", "BASE64"}, {"text", base64_encode(api)}}}}}},
      {{"startedDateTime", "2026-10-30T10:15:02.000+01:00"},
       {"request", {{"method", "GET"}, {"url", "https://scontent.cdninstagram.com/a.jpg"}}},
       {"response", {{"status", 200}, {"headers", json::array()}, {"content", {{"mimeType", "image/jpeg"}, {"encoding", "base64"}, {"text", "/9j/4AAQ"}}}}}}})}}}};
  test::TempDir dir;
  test::write_text(dir / "instagram.har", har.dump());
  auto load = load_offline(dir / "instagram.har");
  REQUIRE(load);
  CHECK(load->errors.empty());
  REQUIRE(load->pages.size() == 2);
  CHECK(load->pages[0].origin == PageOrigin::har);
  CHECK(format_rfc3339(load->pages[0].fetched_at) == "2026-10-30T09:15:00Z");
  CHECK(load->pages[0].remote_ip == "203.0.113.7");
  CHECK(load->pages[1].body == api);  // the encoding name is case-insensitive ("BASE64")
  auto out = parse_page(load->pages[1]);
  REQUIRE(out.items.size() == 4);
  for (const auto& it : out.items) CHECK(it.provenance == "har");
  CHECK(test::any_text_contains(out.items[2], "jane@example.org"));
}

TEST_CASE("offline: HAR text is already Unicode whatever charset the page declares; a 304 shows its cached body", "[offline]") {
  using nlohmann::json;
  // Firefox writes the charset in mimeType; the page also declares it. HAR content.text is the
  // decoded body (a JSON string): decoding it again as ISO-8859-1 garbled every non-UTF-8 site.
  const std::string page_html = "<html><head><meta charset=\"iso-8859-1\"><title>Caf\u00e9 Jos\u00e9</title></head>"
                                "<body><p>Jos\u00e9 Mart\u00ednez</p></body></html>";
  json har = {{"log", {{"version", "1.2"}, {"entries", json::array({
      {{"startedDateTime", "2026-10-30T10:15:00Z"}, {"request", {{"method", "GET"}, {"url", "https://cafe.example/"}}},
       {"response", {{"status", 200}, {"headers", json::array()},
                     {"content", {{"mimeType", "text/html; charset=ISO-8859-1"}, {"text", page_html}}}}}},
      {{"startedDateTime", "2026-10-30T10:15:01Z"}, {"request", {{"method", "GET"}, {"url", "https://cafe.example/menu"}}},
       {"response", {{"status", 304}, {"headers", json::array()},
                     {"content", {{"mimeType", "text/html"}, {"text", "<title>Menu</title><p>Soup</p>"}}}}}}})}}}};
  test::TempDir dir;
  test::write_text(dir / "cafe.har", har.dump());
  auto load = load_offline(dir / "cafe.har");
  REQUIRE(load);
  REQUIRE(load->pages.size() == 2);
  CHECK(load->pages[0].body == page_html);
  auto out = parse_page(load->pages[0]);
  REQUIRE_FALSE(out.items.empty());
  CHECK(out.items[0].title == "Caf\u00e9 Jos\u00e9");
  CHECK(load->pages[1].status == 200);
  auto menu = parse_page(load->pages[1]);
  REQUIRE_FALSE(menu.items.empty());
  CHECK(menu.items[0].title == "Menu");
}

TEST_CASE("offline: saved feeds are read with their self link as URL", "[offline][feeds]") {
  test::TempDir dir;
  // RSS saved with a .rss name: the atom:link rel=self names the account's feed, so the platform is known.
  test::write_text(dir / "jane.rss", R"(<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>Jane</title><atom:link type="application/rss+xml" rel="self" href="https://mastodon.social/@janeexample.rss"/>
<item><title>t</title><link>https://mastodon.social/@janeexample/115202077976969650</link><description>Call +1 202-555-0147</description></item>
</channel></rss>)");
  auto rss = load_offline(dir / "jane.rss");
  REQUIRE(rss);
  REQUIRE(rss->pages.size() == 1);
  CHECK(rss->pages[0].url == "https://mastodon.social/@janeexample.rss");
  CHECK(rss->pages[0].content_type == "application/rss+xml");
  CHECK(rss->pages[0].origin == PageOrigin::file);
  auto out = parse_page(rss->pages[0]);
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].platform == "mastodon");
  CHECK(out.items[0].provenance == "file");
  // An Atom feed saved as .xml is told by its content; without a self link its URL is the file's.
  test::write_text(dir / "feed.xml", "<?xml version='1.0'?>\n<!-- " + std::string(3000, 'c') + " -->\n"
                          "<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title><entry><title>e</title><id>urn:x:1</id>"
                          "<link href='https://jane.example/posts/1'/></entry></feed>");
  CHECK(offline_format(dir / "feed.xml") == OfflineFormat::feed_file);
  auto atom = load_offline(dir / "feed.xml");
  REQUIRE(atom);
  REQUIRE(atom->pages.size() == 1);
  CHECK(atom->pages[0].url.rfind("file:///", 0) == 0);
  CHECK(atom->pages[0].content_type == "application/atom+xml");
  // A JSON Feed: its feed_url.
  test::write_text(dir / "feed.json", R"({"version": "https://jsonfeed.org/version/1.1", "title": "t", "feed_url": "https://jane.example/feed.json", "items": []})");
  auto jf = load_offline(dir / "feed.json");
  REQUIRE(jf);
  REQUIRE(jf->pages.size() == 1);
  CHECK(jf->pages[0].url == "https://jane.example/feed.json");
  // Plain JSON is not a feed.
  test::write_text(dir / "data.json", R"({"a": 1})");
  CHECK(offline_format(dir / "data.json") == OfflineFormat::unknown);
}

TEST_CASE("offline: unreadable and unknown inputs are errors with the path", "[offline]") {
  test::TempDir dir;
  auto missing = load_offline(dir / "nope.har");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == "cannot read " + (dir / "nope.har").string() + ": no such file or folder");
  test::write_text(dir / "data.bin", "\x01\x02\x03");
  auto unknown = load_offline(dir / "data.bin");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message == (dir / "data.bin").string() + ": not a saved HTML page, feed, folder, HAR (or .har.zip) or WARC file");
  test::write_text(dir / "odd.har", R"({"log":{"entries":[{"request":{"url":"https://a.example/"},"response":{"status":2.07778e+125,"content":{"mimeType":"text/html","text":"<p>x</p>"}}}]}})");
  auto odd = load_offline(dir / "odd.har");  // fuzz regression: a float status is not converted
  REQUIRE(odd);
  REQUIRE(odd->pages.size() == 1);
  CHECK(odd->pages[0].status == 0);
  test::write_text(dir / "broken.har", "{\"log\": ");
  auto broken = load_offline(dir / "broken.har");
  REQUIRE(broken);
  CHECK(broken->pages.empty());
  CHECK(broken->errors == std::vector<std::string>{(dir / "broken.har").string() + ": not a HAR file (no \"log\" object)"});
  CHECK(is_offline_target((dir / "broken.har").string()));
  CHECK_FALSE(is_offline_target("https://jane.example/"));
  CHECK_FALSE(is_offline_target("instagram:jane"));
}

TEST_CASE("offline: a saved page's sha256 is of the bytes on disk, before charset conversion", "[offline]") {
  // windows-1251 "Жанна" in a page that says so: the body becomes UTF-8, the digest stays the
  // file's, as a live page's digest is of the bytes as received (evidence must match the capture).
  const std::string raw = "<html><head><meta charset=\"windows-1251\"><title>\xC6\xE0\xED\xED\xE0</title></head>"
                          "<body>x</body></html>";
  test::TempDir dir;
  test::write_text(dir / "cp1251.html", raw);
  auto load = load_offline(dir / "cp1251.html");
  REQUIRE(load);
  REQUIRE(load->pages.size() == 1);
  CHECK(load->pages[0].body.find("\xD0\x96\xD0\xB0\xD0\xBD\xD0\xBD\xD0\xB0") != std::string::npos);
  CHECK(load->pages[0].sha256 == sha256_hex(raw));
}

TEST_CASE("offline: redirects in a WARC or HAR lead to their page; unlabelled payloads are sniffed", "[offline][spec]") {
  test::TempDir dir;
  // The capture of a profile that sent a logged-out visitor to the sign-in page: 302, then 200.
  const std::string login = "<html><head><title>Login</title></head><body><form action=\"/accounts/login/ajax/\">"
                            "<input name=\"username\"><input name=\"password\" type=\"password\"></form></body></html>";
  std::string warc =
      warc_record("response", "https://www.instagram.com/janeexample/", "application/http; msgtype=response",
                  "HTTP/1.1 302 Found\r\nLocation: /accounts/login/?next=%2Fjaneexample%2F\r\nContent-Length: 0\r\n\r\n") +
      warc_record("response", "https://www.instagram.com/accounts/login/?next=%2Fjaneexample%2F", "application/http; msgtype=response",
                  "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + login) +
      // A feed and a resource record, neither labelled (WARC 1.1: Content-Type is only a SHOULD).
      warc_record("response", "https://jane.example/feed", "application/http; msgtype=response",
                  "HTTP/1.1 200 OK\r\n\r\n<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                  "<item><title>a</title><link>https://jane.example/a</link></item></channel></rss>") +
      warc_record("resource", "https://jane.example/saved.html", "", "<!DOCTYPE html><p>saved</p>");
  test::write_text(dir / "redirect.warc", warc);
  auto load = load_offline(dir / "redirect.warc");
  REQUIRE(load);
  CHECK(load->errors.empty());
  REQUIRE(load->pages.size() == 3);
  const Page& wall = load->pages[0];
  CHECK(wall.url == "https://www.instagram.com/janeexample/");
  CHECK(wall.final_url == "https://www.instagram.com/accounts/login/?next=%2Fjaneexample%2F");
  CHECK(wall.redirects == std::vector<std::string>{"https://www.instagram.com/janeexample/"});
  auto out = parse_page(wall);
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].visibility == Visibility::login_wall);
  CHECK(load->pages[1].content_type == "application/rss+xml");
  CHECK(load->pages[2].url == "https://jane.example/saved.html");
  CHECK(load->pages[2].content_type == "text/html");

  // HAR: a 301 entry (redirectURL, no body) and a chain of two hops; a loop ends the chain.
  using nlohmann::json;
  auto entry = [](const std::string& url, int status, const std::string& redirect, const std::string& text) {
    json resp = {{"status", status}, {"headers", json::array()}, {"redirectURL", redirect},
                 {"content", {{"mimeType", text.empty() ? "" : "text/html"}, {"size", text.size()}}}};
    if (!text.empty()) resp["content"]["text"] = text;
    return json{{"request", {{"method", "GET"}, {"url", url}}}, {"response", resp}};
  };
  json har = {{"log", {{"version", "1.2"}, {"entries", json::array({
      entry("http://jane.example/", 301, "https://jane.example/", ""),
      entry("https://jane.example/", 302, "https://jane.example/home", ""),
      entry("https://jane.example/home", 200, "", "<p>home</p>"),
      entry("https://jane.example/x", 302, "https://jane.example/y", ""),
      entry("https://jane.example/y", 302, "https://jane.example/x", ""),
      entry("https://jane.example/other", 200, "", "<p>other</p>")})}}}};
  test::write_text(dir / "redirect.har", har.dump());
  auto h = load_offline(dir / "redirect.har");
  REQUIRE(h);
  REQUIRE(h->pages.size() == 2);
  CHECK(h->pages[0].url == "http://jane.example/");
  CHECK(h->pages[0].final_url == "https://jane.example/home");
  CHECK(h->pages[0].redirects == std::vector<std::string>{"http://jane.example/", "https://jane.example/"});
  CHECK(h->pages[1].url == "https://jane.example/other");
  CHECK(h->pages[1].redirects.empty());
}

TEST_CASE("offline: a gzip body cut short in the capture keeps what it inflated to, marked cut", "[offline][spec]") {
  test::TempDir dir;
  std::string html = "<html><body>";
  for (int i = 0; i < 2000; ++i) html += "<p>Entry " + std::to_string(i) + " by Jane Example</p>";
  html += "</body></html>";
  const std::string packed = samples::server::gzip_compress(html);
  const std::string cut = packed.substr(0, packed.size() / 2);
  test::write_text(dir / "cut.warc", warc_record("response", "https://jane.example/long", "application/http; msgtype=response",
                                      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + cut));
  auto load = load_offline(dir / "cut.warc");
  REQUIRE(load);
  CHECK(load->errors.empty());
  REQUIRE(load->pages.size() == 1);
  CHECK(load->pages[0].truncated);
  CHECK(load->pages[0].body.size() > 1000);
  CHECK(html.rfind(load->pages[0].body, 0) == 0);  // a prefix of the page
}

TEST_CASE("offline: the server's Content-Type wins over a browser's mimeType; requisites and SVG are no pages", "[offline]") {
  test::TempDir dir;
  using nlohmann::json;
  auto entry = [](const std::string& url, int status, const std::string& header_type, const std::string& mime,
                  const std::string& text, const std::string& resource_type) {
    json headers = json::array();
    if (!header_type.empty()) headers.push_back({{"name", "Content-Type"}, {"value", header_type}});
    json e = {{"request", {{"method", "GET"}, {"url", url}}},
              {"response", {{"status", status}, {"headers", headers}, {"content", {{"mimeType", mime}, {"text", text}}}}}};
    if (!resource_type.empty()) e["_resourceType"] = resource_type;
    return e;
  };
  const std::string rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                          "<item><title>a</title><link>https://mastodon.social/@jane/1</link></item></channel></rss>";
  const std::string not_found = "<html><title>Not found</title><p>404</p></html>";
  json har = {{"log", {{"version", "1.2"}, {"entries", json::array({
      // Chrome: a feed it displayed as text says text/plain in mimeType, the header is the server's.
      entry("https://mastodon.social/@jane.rss", 200, "application/rss+xml; charset=utf-8", "text/plain", rss, "document"),
      entry("https://jane.example/style.css", 404, "text/html", "text/html", not_found, "stylesheet"),
      entry("https://jane.example/favicon.ico", 404, "text/html", "text/html", not_found, "other"),
      entry("https://jane.example/badge.svg", 200, "image/svg+xml", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image"),
      entry("https://jane.example/gone/", 404, "text/html", "text/html", not_found, "document")})}}}};
  test::write_text(dir / "capture.har", har.dump());
  auto load = load_offline(dir / "capture.har");
  REQUIRE(load);
  CHECK(load->errors.empty());
  REQUIRE(load->pages.size() == 2);
  CHECK(load->pages[0].content_type == "application/rss+xml");
  CHECK(parse_page(load->pages[0]).items.size() == 1);
  CHECK(load->pages[1].url == "https://jane.example/gone/");  // a page that is gone is still a page

  // WARC: a 404 answer to a script request is skipped; a 404 page is kept.
  std::string warc =
      warc_record("response", "https://jane.example/app.js", "application/http; msgtype=response",
                  "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n" + not_found) +
      warc_record("response", "https://jane.example/logo.svg", "application/http; msgtype=response",
                  "HTTP/1.1 200 OK\r\nContent-Type: image/svg+xml\r\n\r\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>") +
      warc_record("response", "https://jane.example/old/", "application/http; msgtype=response",
                  "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n" + not_found);
  test::write_text(dir / "capture.warc", warc);
  auto w = load_offline(dir / "capture.warc");
  REQUIRE(w);
  REQUIRE(w->pages.size() == 1);
  CHECK(w->pages[0].url == "https://jane.example/old/");
}

TEST_CASE("offline: a source's page cap is kept and said", "[offline]") {
  test::TempDir dir;
  std::string warc;
  for (int i = 0; i < 5; ++i)
    warc += warc_record("response", "https://jane.example/p" + std::to_string(i), "application/http; msgtype=response",
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>page</p>");
  test::write_text(dir / "five.warc", warc);
  OfflineOptions o;
  o.max_pages = 3;
  auto load = load_offline(dir / "five.warc", o);
  REQUIRE(load);
  CHECK(load->pages.size() == 3);
  REQUIRE(load->errors.size() == 1);
  CHECK(load->errors[0].find("more than 3 pages") != std::string::npos);
}

TEST_CASE("offline: HAR bodies kept in files beside the HAR (Playwright's attach mode) are read", "[offline]") {
  test::TempDir dir;
  using nlohmann::json;
  test::write_text(dir / "0a1b2c.html", "<title>Jane</title><p>Call me: +1 202-555-0147</p>");
  test::write_text(dir / "secret.txt", "not a body");
  auto entry = [](const std::string& url, const std::string& file) {
    return json{{"request", {{"method", "GET"}, {"url", url}}},
                {"response", {{"status", 200},
                              {"headers", json::array({{{"name", "Content-Type"}, {"value", "text/html; charset=utf-8"}}})},
                              {"content", {{"mimeType", "text/html"}, {"size", 10}, {"_file", file}}}}}};
  };
  json har = {{"log", {{"version", "1.2"}, {"entries", json::array({entry("https://jane.example/", "0a1b2c.html"),
                                                                    entry("https://jane.example/a", "../secret.txt"),
                                                                    entry("https://jane.example/b", "missing.html")})}}}};
  std::filesystem::create_directories(dir / "har");
  test::write_text(dir / "har" / "capture.har", har.dump());
  std::filesystem::rename(dir / "0a1b2c.html", dir / "har" / "0a1b2c.html");
  auto load = load_offline(dir / "har" / "capture.har");
  REQUIRE(load);
  REQUIRE(load->pages.size() == 1);
  CHECK(load->pages[0].url == "https://jane.example/");
  CHECK(load->pages[0].body.find("+1 202-555-0147") != std::string::npos);
  CHECK(load->pages[0].origin == PageOrigin::har);
  REQUIRE(load->errors.size() == 2);  // a path outside the folder and a missing file
  CHECK(load->errors[0].find("'../secret.txt' cannot be read") != std::string::npos);
  CHECK(load->errors[1].find("'missing.html' cannot be read") != std::string::npos);
}
