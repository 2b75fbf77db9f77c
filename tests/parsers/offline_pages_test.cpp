// Offline sources (scanner/offline_source.h) through the parsers: saved pages, HAR, WARC.
#include <catch2/catch.hpp>

#include <zlib.h>
#include <zstd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/hash.h"
#include "parsers/registry.h"
#include "scanner/offline_internal.h"
#include "scanner/offline_source.h"
#include "tests/parsers/sample_pages.h"
#include "tests/support/test_support.h"

using namespace exposcan;

namespace {

void write(const std::filesystem::path& p, std::string_view data) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << data;
}

std::string gzip(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string warc_record(std::string_view type, std::string_view uri, std::string_view content_type, std::string_view block) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + std::string(type) + "\r\nWARC-Record-ID: <urn:uuid:" + sha256_hex(block).substr(0, 8) +
                  "-0000-4000-8000-000000000000>\r\nWARC-Date: 2026-10-30T09:00:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "Content-Type: " + std::string(content_type) + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

const std::string k_saved_profile = test::read_text(test::source_dir() / "samples/sites/mastodon.social/@janeexample/index.html");

}  // namespace

TEST_CASE("offline: saved HTML file keeps the original URL from canonical / og:url or the saved-from comment", "[offline]") {
  test::TempDir dir;
  write(dir / "canonical.html", "<html><head><link rel=\"canonical\" href=\"https://jane.example/posts/a/\"></head><body>x</body></html>");
  write(dir / "og.htm", "<html><head><meta property='og:url' content='https://x.com/janeexample'></head><body>x</body></html>");
  write(dir / "saved.html", "<!DOCTYPE html>\n<!-- saved from url=(0041)https://www.instagram.com/janeexample/ -->\n<html><body>x</body></html>");
  write(dir / "plain.html", "<html><body>no url</body></html>");
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
  write(dir / "mastodon/Jane Example (@janeexample@mastodon.social) - Mastodon.html", k_saved_profile);
  write(dir / "mastodon/Jane Example (@janeexample@mastodon.social) - Mastodon_files/frame.html", "<html><body>ad</body></html>");
  write(dir / "notes.txt", "not a page");
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
  write(dir / "instagram.har", har.dump());
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
  write(dir / "cafe.har", har.dump());
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

TEST_CASE("offline: WARC brotli bodies, archivers' own records and revisits of skipped payloads", "[offline]") {
  // Content-Encoding: br, as browsers receive and Browsertrix stores it (RFC 7932; made with
  // BrotliEncoderCompress, quality 5, from the HTML below).
  static constexpr unsigned char k_br[] = {
      0x1b, 0x62, 0x00, 0x00, 0xc4, 0xf2, 0x96, 0xea, 0x75, 0xfb, 0xf9, 0x37, 0x3f, 0xc5, 0xbe, 0x68, 0x4a, 0xfb, 0x40, 0x32,
      0xd4, 0xaa, 0x64, 0x8e, 0x71, 0xe0, 0xf2, 0x74, 0x6d, 0x30, 0xd0, 0xb8, 0x00, 0x0e, 0x1e, 0xb2, 0x92, 0x98, 0x87, 0x78,
      0xb0, 0x24, 0xd8, 0xdc, 0x6f, 0xcc, 0xa2, 0xf9, 0xfc, 0x0f, 0xcc, 0x72, 0x84, 0x6d, 0x5d, 0xbd, 0x59, 0xbd, 0xd6, 0x7c,
      0x2d, 0x74, 0xdf, 0x03, 0x67, 0x23, 0x08, 0x12, 0x27, 0x52, 0x55, 0x62, 0xc9, 0xe5, 0x09, 0x29, 0xda, 0x8a, 0x00};
  const std::string br(reinterpret_cast<const char*>(k_br), sizeof k_br);
  const std::string html = "<html><head><title>Caf\u00e9 menu</title></head><body><p>Call Jane on +1 202-555-0147</p></body></html>";
  std::string image_response = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG";
  auto with_digest = [](std::string record, const std::string& digest) {
    return record.insert(record.find("Content-Type:"), "WARC-Payload-Digest: " + digest + "\r\n");
  };
  std::string warc =
      warc_record("response", "https://cafe.example/", "application/http; msgtype=response",
                  "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: br\r\n\r\n" + br) +
      with_digest(warc_record("response", "https://cafe.example/logo.png", "application/http; msgtype=response", image_response), "sha1:LOGO") +
      with_digest(warc_record("revisit", "https://cafe.example/logo.png", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\n\r\n"), "sha1:LOGO") +
      warc_record("resource", "urn:pageinfo:https://cafe.example/", "application/json", R"({"pages": {}})");
  test::TempDir dir;
  write(dir / "cafe.warc", warc);
  auto load = load_offline(dir / "cafe.warc");
  REQUIRE(load);
  CHECK(load->errors.empty());
  REQUIRE(load->pages.size() == 1);
  CHECK(load->pages[0].body == html);
  CHECK_FALSE(load->pages[0].truncated);
  // The cap holds for brotli as for gzip: a bomb is cut, not buffered whole.
  std::string capped;
  bool truncated = false;
  REQUIRE(offline::brotli_bytes(br, capped, 10, &truncated));
  CHECK(capped.size() == 10);
  CHECK(truncated);
  std::string damaged;
  CHECK_FALSE(offline::brotli_bytes(br.substr(0, 20), damaged, 1000));
}

TEST_CASE("offline: WARC response records (chunked / gzip) / resource records / .warc.gz members", "[offline]") {
  std::string html = test::read_text(test::source_dir() / "samples/sites/x.com/janeexample/status/1837001122334455667/index.html");
  std::string gz = gzip(html);
  char size_hex[32];
  std::snprintf(size_hex, sizeof size_hex, "%zx", gz.size());
  std::string chunked_gzip = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n" +
                             std::string(size_hex) + "\r\n" + gz + "\r\n0\r\n\r\n";
  std::string json_body = test::read_text(test::source_dir() / "samples/sites/api.github.com/_api/user.json");
  std::string plain = "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + std::to_string(json_body.size()) + "\r\n\r\n" + json_body;
  std::string warc = warc_record("warcinfo", "", "application/warc-fields", "software: test\r\n") +
                     warc_record("request", "https://x.com/janeexample/status/1837001122334455667", "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n") +
                     warc_record("response", "https://x.com/janeexample/status/1837001122334455667", "application/http; msgtype=response", chunked_gzip) +
                     warc_record("response", "<https://api.github.com/users/janeexample>", "application/http;msgtype=response", plain) +
                     warc_record("resource", "https://jane.example/notes.html", "text/html", "<html><body><p>Springfield notes</p></body></html>");
  test::TempDir dir;
  write(dir / "capture.warc", warc);
  auto load = load_offline(dir / "capture.warc");
  REQUIRE(load);
  CHECK(load->errors.empty());
  REQUIRE(load->pages.size() == 3);
  CHECK(load->pages[0].body == html);
  CHECK(load->pages[0].status == 200);
  CHECK(load->pages[0].origin == PageOrigin::warc);
  CHECK(load->pages[1].url == "https://api.github.com/users/janeexample");
  CHECK(load->pages[2].url == "https://jane.example/notes.html");
  auto out = parse_page(load->pages[0]);
  REQUIRE(out.items.size() == 1);
  CHECK(out.items[0].id == "x:post:1837001122334455667");
  CHECK(out.items[0].provenance == "warc");

  // One gzip member per record, as warc.gz writers do; a truncated tail is reported.
  std::string members;
  for (const auto& rec : {warc_record("resource", "https://jane.example/a.html", "text/html", "<p>a</p>"),
                          warc_record("resource", "https://jane.example/b.html", "text/html", "<p>b</p>")})
    members += gzip(rec);
  write(dir / "capture.warc.gz", members);
  auto gz_load = load_offline(dir / "capture.warc.gz");
  REQUIRE(gz_load);
  CHECK(gz_load->pages.size() == 2);
  // A damaged member costs its record, not the members after it.
  std::string damaged;
  for (const char* name : {"a", "b", "c"})
    damaged += gzip(warc_record("resource", std::string("https://jane.example/") + name + ".html", "text/html", std::string("<p>") + name + "</p>"));
  size_t second = damaged.find("\x1f\x8b\x08", 1);
  REQUIRE(second != std::string::npos);
  damaged[second + 20] = static_cast<char>(damaged[second + 20] ^ 0x55);
  write(dir / "damaged.warc.gz", damaged);
  auto damaged_load = load_offline(dir / "damaged.warc.gz");
  REQUIRE(damaged_load);
  REQUIRE(damaged_load->pages.size() == 2);
  CHECK(damaged_load->pages[0].url == "https://jane.example/a.html");
  CHECK(damaged_load->pages[1].url == "https://jane.example/c.html");
  REQUIRE(damaged_load->errors.size() == 1);
  CHECK(damaged_load->errors[0].find("damaged gzip data at byte " + std::to_string(second) + ", skipped to the next member") != std::string::npos);
  write(dir / "cut.warc", warc.substr(0, warc.size() - 40));
  auto cut = load_offline(dir / "cut.warc");
  REQUIRE(cut);
  CHECK(cut->pages.size() == 3);
  REQUIRE(cut->errors.size() == 1);
  CHECK(cut->errors[0] == (dir / "cut.warc").string() + ": record 5: block shorter than its Content-Length (file truncated)");
}

TEST_CASE("offline: WARC revisits, unlabelled responses and damaged records", "[offline][spec]") {
  test::TempDir dir;
  const std::string body = "<html><body><p>Jane Example, call +1 202-555-0143</p></body></html>";
  const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body;
  auto with_digest = [](std::string rec, const std::string& digest) {
    return rec.insert(rec.find("Content-Type:"), "WARC-Payload-Digest: " + digest + "\r\n");
  };
  // A revisit (identical-payload-digest) of another URI is the earlier payload at that URI.
  std::string revisit_block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
  std::string warc = with_digest(warc_record("response", "https://jane.example/one", "application/http; msgtype=response", http), "sha1:AAAA") +
                     with_digest(warc_record("revisit", "https://jane.example/one-again", "application/http; msgtype=response", revisit_block), "sha1:AAAA") +
                     with_digest(warc_record("revisit", "https://jane.example/gone", "application/http; msgtype=response", revisit_block), "sha1:BBBB");
  // A response without a WARC Content-Type and without an HTTP one is still read.
  std::string unlabelled = warc_record("response", "https://jane.example/bare", "", "HTTP/1.1 200 OK\r\n\r\n" + body);
  unlabelled.erase(unlabelled.find("Content-Type: \r\n"), 16);
  warc += unlabelled;
  write(dir / "dedup.warc", warc);
  auto load = load_offline(dir / "dedup.warc");
  REQUIRE(load);
  REQUIRE(load->pages.size() == 3);
  CHECK(load->pages[1].url == "https://jane.example/one-again");
  CHECK(load->pages[1].body == load->pages[0].body);
  CHECK(load->pages[2].url == "https://jane.example/bare");
  CHECK(load->pages[2].content_type == "text/html");
  REQUIRE(load->errors.size() == 1);
  CHECK(load->errors[0].find("revisit of https://jane.example/gone refers to a payload not in this file") != std::string::npos);

  // Content-Length is digits only: a negative or overflowing one is an error, never a hang, and
  // the records after it are still read.
  for (const std::string bad : {"-54", "18446744073709551999", "12 34", ""}) {
    std::string first = warc_record("resource", "https://jane.example/a.html", "text/html", "<p>a</p>");
    first.replace(first.find("Content-Length: 8"), 18, "Content-Length: " + bad);
    write(dir / "bad.warc", first + warc_record("resource", "https://jane.example/b.html", "text/html", "<p>b</p>"));
    auto bad_load = load_offline(dir / "bad.warc");
    REQUIRE(bad_load);
    INFO(bad);
    REQUIRE(bad_load->pages.size() == 1);
    CHECK(bad_load->pages[0].url == "https://jane.example/b.html");
    REQUIRE(bad_load->errors.size() == 1);
    CHECK(bad_load->errors[0].find("record 1: bad Content-Length") != std::string::npos);
  }
  // Garbage between records is skipped to the next WARC/ line.
  write(dir / "junk.warc", warc_record("resource", "https://jane.example/a.html", "text/html", "<p>a</p>") + "junk junk\r\n" +
                               warc_record("resource", "https://jane.example/b.html", "text/html", "<p>b</p>"));
  auto junk = load_offline(dir / "junk.warc");
  REQUIRE(junk);
  CHECK(junk->pages.size() == 2);
  REQUIRE(junk->errors.size() == 1);
  CHECK(junk->errors[0].find("record 2: no WARC/ version line; skipped 11 bytes to the next record") != std::string::npos);
}

TEST_CASE("offline: saved feeds are read with their self link as URL", "[offline][feeds]") {
  test::TempDir dir;
  // RSS saved with a .rss name: the atom:link rel=self names the account's feed, so the platform is known.
  write(dir / "jane.rss", R"(<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
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
  write(dir / "feed.xml", "<?xml version='1.0'?>\n<!-- " + std::string(3000, 'c') + " -->\n"
                          "<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title><entry><title>e</title><id>urn:x:1</id>"
                          "<link href='https://jane.example/posts/1'/></entry></feed>");
  CHECK(offline_format(dir / "feed.xml") == OfflineFormat::feed_file);
  auto atom = load_offline(dir / "feed.xml");
  REQUIRE(atom);
  REQUIRE(atom->pages.size() == 1);
  CHECK(atom->pages[0].url.rfind("file:///", 0) == 0);
  CHECK(atom->pages[0].content_type == "application/atom+xml");
  // A JSON Feed: its feed_url.
  write(dir / "feed.json", R"({"version": "https://jsonfeed.org/version/1.1", "title": "t", "feed_url": "https://jane.example/feed.json", "items": []})");
  auto jf = load_offline(dir / "feed.json");
  REQUIRE(jf);
  REQUIRE(jf->pages.size() == 1);
  CHECK(jf->pages[0].url == "https://jane.example/feed.json");
  // Plain JSON is not a feed.
  write(dir / "data.json", R"({"a": 1})");
  CHECK(offline_format(dir / "data.json") == OfflineFormat::unknown);
}

TEST_CASE("offline: unreadable and unknown inputs are errors with the path", "[offline]") {
  test::TempDir dir;
  auto missing = load_offline(dir / "nope.har");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == "cannot read " + (dir / "nope.har").string() + ": no such file or folder");
  write(dir / "data.bin", "\x01\x02\x03");
  auto unknown = load_offline(dir / "data.bin");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message == (dir / "data.bin").string() + ": not a saved HTML page, feed, folder, HAR or WARC file");
  write(dir / "odd.har", R"({"log":{"entries":[{"request":{"url":"https://a.example/"},"response":{"status":2.07778e+125,"content":{"mimeType":"text/html","text":"<p>x</p>"}}}]}})");
  auto odd = load_offline(dir / "odd.har");  // fuzz regression: a float status is not converted
  REQUIRE(odd);
  REQUIRE(odd->pages.size() == 1);
  CHECK(odd->pages[0].status == 0);
  write(dir / "broken.har", "{\"log\": ");
  auto broken = load_offline(dir / "broken.har");
  REQUIRE(broken);
  CHECK(broken->pages.empty());
  CHECK(broken->errors == std::vector<std::string>{(dir / "broken.har").string() + ": not a HAR file (no \"log\" object)"});
  CHECK(is_offline_target((dir / "broken.har").string()));
  CHECK_FALSE(is_offline_target("https://jane.example/"));
  CHECK_FALSE(is_offline_target("instagram:jane"));
}

TEST_CASE("offline: .warc.zst frames with and without the dictionary frame and zstd-coded bodies", "[offline][spec]") {
  // The IIPC WARC zstd format: one frame per record; a dictionary, when used, comes first in a
  // skippable frame (magic 0x184D2A5D), plain or itself zstd-compressed.
  const std::string dictionary = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nWARC-Target-URI: https://jane.example/";
  auto frame = [&](std::string_view record, bool with_dictionary) {
    ZSTD_CCtx* c = ZSTD_createCCtx();
    if (with_dictionary) ZSTD_CCtx_loadDictionary(c, dictionary.data(), dictionary.size());
    std::string out(ZSTD_compressBound(record.size()), '\0');
    size_t n = ZSTD_compress2(c, out.data(), out.size(), record.data(), record.size());
    ZSTD_freeCCtx(c);
    REQUIRE_FALSE(ZSTD_isError(n));
    out.resize(n);
    return out;
  };
  auto le32 = [](uint32_t v) { return std::string{static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16), static_cast<char>(v >> 24)}; };
  auto records = [&](bool with_dictionary) {
    std::string data;
    for (const char* name : {"a", "b"})
      data += frame(warc_record("resource", std::string("https://jane.example/") + name + ".html", "text/html", std::string("<p>") + name + "</p>"),
                    with_dictionary);
    return data;
  };
  test::TempDir dir;
  write(dir / "plain.warc.zst", records(false));
  auto plain = load_offline(dir / "plain.warc.zst");
  REQUIRE(plain);
  CHECK(plain->errors.empty());
  REQUIRE(plain->pages.size() == 2);
  CHECK(plain->pages[1].url == "https://jane.example/b.html");
  CHECK(plain->pages[1].body == "<p>b</p>");

  write(dir / "dict.warc.zst", le32(0x184D2A5D) + le32(static_cast<uint32_t>(dictionary.size())) + dictionary + records(true));
  auto with_dict = load_offline(dir / "dict.warc.zst");
  REQUIRE(with_dict);
  CHECK(with_dict->errors.empty());
  CHECK(with_dict->pages.size() == 2);

  std::string packed(ZSTD_compressBound(dictionary.size()), '\0');
  packed.resize(ZSTD_compress(packed.data(), packed.size(), dictionary.data(), dictionary.size(), 3));
  // No extension: the frame magic says what the file is.
  write(dir / "capture.bin", le32(0x184D2A5D) + le32(static_cast<uint32_t>(packed.size())) + packed + records(true));
  auto compressed_dict = load_offline(dir / "capture.bin");
  REQUIRE(compressed_dict);
  CHECK(compressed_dict->errors.empty());
  CHECK(compressed_dict->pages.size() == 2);

  // A response whose body has the zstd content coding (RFC 8878), inside a plain WARC.
  const std::string html = "<html><head><title>Notes</title></head><body><p>Springfield notes</p></body></html>";
  std::string coded(ZSTD_compressBound(html.size()), '\0');
  coded.resize(ZSTD_compress(coded.data(), coded.size(), html.data(), html.size(), 3));
  write(dir / "coded.warc", warc_record("response", "https://jane.example/notes.html", "application/http; msgtype=response",
                                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: zstd\r\n\r\n" + coded));
  auto coded_load = load_offline(dir / "coded.warc");
  REQUIRE(coded_load);
  CHECK(coded_load->errors.empty());
  REQUIRE(coded_load->pages.size() == 1);
  CHECK(coded_load->pages[0].body == html);

  // A damaged frame costs its record, not the frames after it.
  std::string three;
  std::vector<size_t> starts;
  for (const char* name : {"a", "b", "c"}) {
    starts.push_back(three.size());
    three += frame(warc_record("resource", std::string("https://jane.example/") + name + ".html", "text/html", std::string("<p>") + name + "</p>"),
                   false);
  }
  three[starts[1] + 12] = static_cast<char>(three[starts[1] + 12] ^ 0x5a);
  write(dir / "damaged.warc.zst", three);
  auto damaged = load_offline(dir / "damaged.warc.zst");
  REQUIRE(damaged);
  REQUIRE(damaged->pages.size() == 2);
  CHECK(damaged->pages[0].url == "https://jane.example/a.html");
  CHECK(damaged->pages[1].url == "https://jane.example/c.html");
  REQUIRE(damaged->errors.size() == 1);
  CHECK(damaged->errors[0].find("damaged zstd frame at byte " + std::to_string(starts[1])) != std::string::npos);

  // A file cut inside its last frame keeps the records before it and says so.
  std::string whole = records(false);
  write(dir / "cut.warc.zst", whole.substr(0, whole.size() - 5));
  auto cut = load_offline(dir / "cut.warc.zst");
  REQUIRE(cut);
  CHECK(cut->pages.size() == 1);
  REQUIRE_FALSE(cut->errors.empty());
  CHECK(cut->errors[0].find("the last zstd frame is cut off") != std::string::npos);
}

TEST_CASE("offline: a saved page's sha256 is of the bytes on disk, before charset conversion", "[offline]") {
  // windows-1251 "Жанна" in a page that says so: the body becomes UTF-8, the digest stays the
  // file's, as a live page's digest is of the bytes as received (evidence must match the capture).
  const std::string raw = "<html><head><meta charset=\"windows-1251\"><title>\xC6\xE0\xED\xED\xE0</title></head>"
                          "<body>x</body></html>";
  test::TempDir dir;
  write(dir / "cp1251.html", raw);
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
  write(dir / "redirect.warc", warc);
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
  write(dir / "redirect.har", har.dump());
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
  const std::string packed = gzip(html);
  const std::string cut = packed.substr(0, packed.size() / 2);
  write(dir / "cut.warc", warc_record("response", "https://jane.example/long", "application/http; msgtype=response",
                                      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + cut));
  auto load = load_offline(dir / "cut.warc");
  REQUIRE(load);
  CHECK(load->errors.empty());
  REQUIRE(load->pages.size() == 1);
  CHECK(load->pages[0].truncated);
  CHECK(load->pages[0].body.size() > 1000);
  CHECK(html.rfind(load->pages[0].body, 0) == 0);  // a prefix of the page
}

TEST_CASE("offline: a WARC Content-Length too large ends at the next record's header", "[offline][spec]") {
  test::TempDir dir;
  std::string first = warc_record("resource", "https://jane.example/one.html", "text/html", "<p>one</p>");
  first.replace(first.find("Content-Length: 10"), 18, "Content-Length: 99");  // runs into the next record
  std::string warc = first + warc_record("resource", "https://jane.example/two.html", "text/html", "<p>two</p>") +
                     warc_record("resource", "https://jane.example/three.html", "text/html", "<p>three</p>");
  write(dir / "long.warc", warc);
  auto load = load_offline(dir / "long.warc");
  REQUIRE(load);
  REQUIRE(load->pages.size() == 3);
  CHECK(load->pages[0].body == "<p>one</p>");
  CHECK(load->pages[1].url == "https://jane.example/two.html");
  CHECK(load->pages[2].body == "<p>three</p>");
  REQUIRE(load->errors.size() == 1);
  CHECK(load->errors[0].find("record 1: Content-Length runs past the record into the next one") != std::string::npos);
  // Past the end of the file, with a record inside: the same.
  std::string last = warc_record("resource", "https://jane.example/a.html", "text/html", "<p>a</p>");
  last.replace(last.find("Content-Length: 8"), 17, "Content-Length: 100000");
  write(dir / "past.warc", last + warc_record("resource", "https://jane.example/b.html", "text/html", "<p>b</p>"));
  auto past = load_offline(dir / "past.warc");
  REQUIRE(past);
  REQUIRE(past->pages.size() == 2);
  CHECK(past->pages[0].body == "<p>a</p>");
  CHECK_FALSE(past->pages[0].truncated);
  CHECK(past->pages[1].body == "<p>b</p>");
}

TEST_CASE("offline: a WARC record written in segments is joined with its continuations", "[offline][spec]") {
  // WARC 1.1 §5.8: the first segment says WARC-Segment-Number 1; each continuation names it in
  // WARC-Segment-Origin-ID and the last one gives WARC-Segment-Total-Length.
  const auto with_headers = [](std::string record, const std::string& headers) {
    return record.insert(record.find("Content-Type:"), headers);
  };
  const auto record_id = [](const std::string& record) {
    const size_t at = record.find("WARC-Record-ID: ") + 16;
    return record.substr(at, record.find("\r\n", at) - at);
  };
  const std::string page = "<html><body><p>Jane Example lives in Springfield.</p><p>Call +1 555 0134.</p></body></html>";
  const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page;
  const std::string first =
      with_headers(warc_record("response", "https://jane.example/long.html", "application/http; msgtype=response", http.substr(0, 70)),
                   "WARC-Segment-Number: 1\r\n");
  const std::string origin = "WARC-Segment-Origin-ID: " + record_id(first) + "\r\n";
  const std::string second = with_headers(warc_record("continuation", "https://jane.example/long.html", "application/http; msgtype=response",
                                                      http.substr(70, 40)),
                                          origin + "WARC-Segment-Number: 2\r\n");
  const std::string third = with_headers(warc_record("continuation", "https://jane.example/long.html", "application/http; msgtype=response",
                                                     http.substr(110)),
                                         origin + "WARC-Segment-Number: 3\r\nWARC-Segment-Total-Length: " + std::to_string(http.size()) + "\r\n");
  const std::string other = warc_record("resource", "https://jane.example/other.html", "text/html", "<p>other</p>");
  test::TempDir dir;
  // Another record may come between the segments.
  write(dir / "seg.warc", first + second + other + third);
  auto load = load_offline(dir / "seg.warc");
  REQUIRE(load);
  CHECK(load->errors.empty());
  REQUIRE(load->pages.size() == 2);
  CHECK(load->pages[0].url == "https://jane.example/other.html");
  CHECK(load->pages[1].url == "https://jane.example/long.html");
  CHECK(load->pages[1].body == page);
  CHECK_FALSE(load->pages[1].truncated);

  // The last continuation missing: what there is, marked cut. A gap: read up to it, marked cut.
  write(dir / "cut.warc", first + second);
  auto cut = load_offline(dir / "cut.warc");
  REQUIRE(cut);
  REQUIRE(cut->pages.size() == 1);
  CHECK(cut->pages[0].body == http.substr(0, 110).substr(http.find("<html>")));
  CHECK(cut->pages[0].truncated);
  REQUIRE(cut->errors.size() == 1);
  CHECK(cut->errors[0].find("segmented record without its last continuation") != std::string::npos);
  write(dir / "gap.warc", first + third);
  auto gap = load_offline(dir / "gap.warc");
  REQUIRE(gap);
  REQUIRE(gap->pages.size() == 1);
  CHECK(gap->pages[0].truncated);
  CHECK(gap->pages[0].body == http.substr(0, 70).substr(http.find("<html>")));
  REQUIRE(gap->errors.size() == 1);
  CHECK(gap->errors[0].find("segment 3 where 2 was due") != std::string::npos);
  // A continuation whose first segment is not in the file is said and skipped.
  write(dir / "orphan.warc", other + second);
  auto orphan = load_offline(dir / "orphan.warc");
  REQUIRE(orphan);
  CHECK(orphan->pages.size() == 1);
  REQUIRE(orphan->errors.size() == 1);
  CHECK(orphan->errors[0].find("continuation of a record not in this file") != std::string::npos);
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
  write(dir / "capture.har", har.dump());
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
  write(dir / "capture.warc", warc);
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
  write(dir / "five.warc", warc);
  OfflineOptions o;
  o.max_pages = 3;
  auto load = load_offline(dir / "five.warc", o);
  REQUIRE(load);
  CHECK(load->pages.size() == 3);
  REQUIRE(load->errors.size() == 1);
  CHECK(load->errors[0].find("more than 3 pages") != std::string::npos);
}

TEST_CASE("offline: a WARC revisit may name a payload of an earlier file of the scan", "[offline][spec]") {
  test::TempDir dir;
  // Wget --warc-dedup: the second capture's unchanged pages are revisits of the first file's.
  auto with_digest = [](std::string record, const std::string& digest) {
    const size_t at = record.find("\r\n") + 2;
    return record.insert(at, "WARC-Payload-Digest: " + digest + "\r\n");
  };
  const std::string page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<title>Jane</title><p>jane@example.org</p>";
  write(dir / "first.warc",
        with_digest(warc_record("response", "https://jane.example/", "application/http; msgtype=response", page), "sha1:PAGE") +
            with_digest(warc_record("response", "https://jane.example/logo.png", "application/http; msgtype=response",
                                    "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG"),
                        "sha1:LOGO"));
  const std::string revisit_head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
  write(dir / "second.warc",
        with_digest(warc_record("revisit", "https://jane.example/", "application/http; msgtype=response", revisit_head), "sha1:PAGE") +
            with_digest(warc_record("revisit", "https://jane.example/logo.png", "application/http; msgtype=response",
                                    "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n"),
                        "sha1:LOGO") +
            with_digest(warc_record("revisit", "https://jane.example/style.css", "application/http; msgtype=response",
                                    "HTTP/1.1 200 OK\r\nContent-Type: text/css\r\n\r\n"),
                        "sha1:CSS"));
  SECTION("alone, the second file cannot show the page and says so once") {
    auto load = load_offline(dir / "second.warc");
    REQUIRE(load);
    CHECK(load->pages.empty());
    REQUIRE(load->errors.size() == 1);  // the logo and the stylesheet say image/png and text/css
    CHECK(load->errors[0].find("revisit of https://jane.example/ refers to a payload not in this file") != std::string::npos);
  }
  SECTION("read after the first in one scan, the revisit is the page") {
    OfflineOptions o;
    o.payloads = std::make_shared<WarcPayloads>();
    auto first = load_offline(dir / "first.warc", o);
    auto second = load_offline(dir / "second.warc", o);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(second->errors.empty());  // the logo was seen as an image in the first file
    REQUIRE(second->pages.size() == 1);
    CHECK(second->pages[0].url == "https://jane.example/");
    CHECK(second->pages[0].body.find("jane@example.org") != std::string::npos);
    CHECK(second->pages[0].target == (dir / "second.warc").string());
  }
}

TEST_CASE("offline: HAR bodies kept in files beside the HAR (Playwright's attach mode) are read", "[offline]") {
  test::TempDir dir;
  using nlohmann::json;
  write(dir / "0a1b2c.html", "<title>Jane</title><p>Call me: +1 202-555-0147</p>");
  write(dir / "secret.txt", "not a body");
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
  write(dir / "har" / "capture.har", har.dump());
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
