// WARC files (WARC 1.1) read as an offline source: response, resource and revisit records, gzip
// and zstd members, content codings, damaged and segmented records, revisits across files.
#include <catch2/catch.hpp>

#include <zstd.h>

#include "parsers/registry.h"
#include "samples/server/http_util.h"
#include "scanner/offline_internal.h"
#include "scanner/offline_source.h"
#include "tests/parsers/sample_pages.h"
#include "tests/parsers/warc_fixture.h"
#include "tests/support/test_support.h"

using namespace exposcan;
using test::warc_record;

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
  test::write_text(dir / "cafe.warc", warc);
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
  std::string gz = samples::server::gzip_compress(html);
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
  test::write_text(dir / "capture.warc", warc);
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
    members += samples::server::gzip_compress(rec);
  test::write_text(dir / "capture.warc.gz", members);
  auto gz_load = load_offline(dir / "capture.warc.gz");
  REQUIRE(gz_load);
  CHECK(gz_load->pages.size() == 2);
  // A damaged member costs its record, not the members after it.
  std::string damaged;
  for (const char* name : {"a", "b", "c"})
    damaged += samples::server::gzip_compress(warc_record("resource", std::string("https://jane.example/") + name + ".html", "text/html", std::string("<p>") + name + "</p>"));
  size_t second = damaged.find("\x1f\x8b\x08", 1);
  REQUIRE(second != std::string::npos);
  damaged[second + 20] = static_cast<char>(damaged[second + 20] ^ 0x55);
  test::write_text(dir / "damaged.warc.gz", damaged);
  auto damaged_load = load_offline(dir / "damaged.warc.gz");
  REQUIRE(damaged_load);
  REQUIRE(damaged_load->pages.size() == 2);
  CHECK(damaged_load->pages[0].url == "https://jane.example/a.html");
  CHECK(damaged_load->pages[1].url == "https://jane.example/c.html");
  REQUIRE(damaged_load->errors.size() == 1);
  CHECK(damaged_load->errors[0].find("damaged gzip data at byte " + std::to_string(second) + ", skipped to the next member") != std::string::npos);
  test::write_text(dir / "cut.warc", warc.substr(0, warc.size() - 40));
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
  test::write_text(dir / "dedup.warc", warc);
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
    test::write_text(dir / "bad.warc", first + warc_record("resource", "https://jane.example/b.html", "text/html", "<p>b</p>"));
    auto bad_load = load_offline(dir / "bad.warc");
    REQUIRE(bad_load);
    INFO(bad);
    REQUIRE(bad_load->pages.size() == 1);
    CHECK(bad_load->pages[0].url == "https://jane.example/b.html");
    REQUIRE(bad_load->errors.size() == 1);
    CHECK(bad_load->errors[0].find("record 1: bad Content-Length") != std::string::npos);
  }
  // Garbage between records is skipped to the next WARC/ line.
  test::write_text(dir / "junk.warc", warc_record("resource", "https://jane.example/a.html", "text/html", "<p>a</p>") + "junk junk\r\n" +
                               warc_record("resource", "https://jane.example/b.html", "text/html", "<p>b</p>"));
  auto junk = load_offline(dir / "junk.warc");
  REQUIRE(junk);
  CHECK(junk->pages.size() == 2);
  REQUIRE(junk->errors.size() == 1);
  CHECK(junk->errors[0].find("record 2: no WARC/ version line; skipped 11 bytes to the next record") != std::string::npos);
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
  test::write_text(dir / "plain.warc.zst", records(false));
  auto plain = load_offline(dir / "plain.warc.zst");
  REQUIRE(plain);
  CHECK(plain->errors.empty());
  REQUIRE(plain->pages.size() == 2);
  CHECK(plain->pages[1].url == "https://jane.example/b.html");
  CHECK(plain->pages[1].body == "<p>b</p>");

  test::write_text(dir / "dict.warc.zst", le32(0x184D2A5D) + le32(static_cast<uint32_t>(dictionary.size())) + dictionary + records(true));
  auto with_dict = load_offline(dir / "dict.warc.zst");
  REQUIRE(with_dict);
  CHECK(with_dict->errors.empty());
  CHECK(with_dict->pages.size() == 2);

  std::string packed(ZSTD_compressBound(dictionary.size()), '\0');
  packed.resize(ZSTD_compress(packed.data(), packed.size(), dictionary.data(), dictionary.size(), 3));
  // No extension: the frame magic says what the file is.
  test::write_text(dir / "capture.bin", le32(0x184D2A5D) + le32(static_cast<uint32_t>(packed.size())) + packed + records(true));
  auto compressed_dict = load_offline(dir / "capture.bin");
  REQUIRE(compressed_dict);
  CHECK(compressed_dict->errors.empty());
  CHECK(compressed_dict->pages.size() == 2);

  // A response whose body has the zstd content coding (RFC 8878), inside a plain WARC.
  const std::string html = "<html><head><title>Notes</title></head><body><p>Springfield notes</p></body></html>";
  std::string coded(ZSTD_compressBound(html.size()), '\0');
  coded.resize(ZSTD_compress(coded.data(), coded.size(), html.data(), html.size(), 3));
  test::write_text(dir / "coded.warc", warc_record("response", "https://jane.example/notes.html", "application/http; msgtype=response",
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
  test::write_text(dir / "damaged.warc.zst", three);
  auto damaged = load_offline(dir / "damaged.warc.zst");
  REQUIRE(damaged);
  REQUIRE(damaged->pages.size() == 2);
  CHECK(damaged->pages[0].url == "https://jane.example/a.html");
  CHECK(damaged->pages[1].url == "https://jane.example/c.html");
  REQUIRE(damaged->errors.size() == 1);
  CHECK(damaged->errors[0].find("damaged zstd frame at byte " + std::to_string(starts[1])) != std::string::npos);

  // A file cut inside its last frame keeps the records before it and says so.
  std::string whole = records(false);
  test::write_text(dir / "cut.warc.zst", whole.substr(0, whole.size() - 5));
  auto cut = load_offline(dir / "cut.warc.zst");
  REQUIRE(cut);
  CHECK(cut->pages.size() == 1);
  REQUIRE_FALSE(cut->errors.empty());
  CHECK(cut->errors[0].find("the last zstd frame is cut off") != std::string::npos);
}

TEST_CASE("offline: a WARC Content-Length too large ends at the next record's header", "[offline][spec]") {
  test::TempDir dir;
  std::string first = warc_record("resource", "https://jane.example/one.html", "text/html", "<p>one</p>");
  first.replace(first.find("Content-Length: 10"), 18, "Content-Length: 99");  // runs into the next record
  std::string warc = first + warc_record("resource", "https://jane.example/two.html", "text/html", "<p>two</p>") +
                     warc_record("resource", "https://jane.example/three.html", "text/html", "<p>three</p>");
  test::write_text(dir / "long.warc", warc);
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
  test::write_text(dir / "past.warc", last + warc_record("resource", "https://jane.example/b.html", "text/html", "<p>b</p>"));
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
  test::write_text(dir / "seg.warc", first + second + other + third);
  auto load = load_offline(dir / "seg.warc");
  REQUIRE(load);
  CHECK(load->errors.empty());
  REQUIRE(load->pages.size() == 2);
  CHECK(load->pages[0].url == "https://jane.example/other.html");
  CHECK(load->pages[1].url == "https://jane.example/long.html");
  CHECK(load->pages[1].body == page);
  CHECK_FALSE(load->pages[1].truncated);

  // The last continuation missing: what there is, marked cut. A gap: read up to it, marked cut.
  test::write_text(dir / "cut.warc", first + second);
  auto cut = load_offline(dir / "cut.warc");
  REQUIRE(cut);
  REQUIRE(cut->pages.size() == 1);
  CHECK(cut->pages[0].body == http.substr(0, 110).substr(http.find("<html>")));
  CHECK(cut->pages[0].truncated);
  REQUIRE(cut->errors.size() == 1);
  CHECK(cut->errors[0].find("segmented record without its last continuation") != std::string::npos);
  test::write_text(dir / "gap.warc", first + third);
  auto gap = load_offline(dir / "gap.warc");
  REQUIRE(gap);
  REQUIRE(gap->pages.size() == 1);
  CHECK(gap->pages[0].truncated);
  CHECK(gap->pages[0].body == http.substr(0, 70).substr(http.find("<html>")));
  REQUIRE(gap->errors.size() == 1);
  CHECK(gap->errors[0].find("segment 3 where 2 was due") != std::string::npos);
  // A continuation whose first segment is not in the file is said and skipped.
  test::write_text(dir / "orphan.warc", other + second);
  auto orphan = load_offline(dir / "orphan.warc");
  REQUIRE(orphan);
  CHECK(orphan->pages.size() == 1);
  REQUIRE(orphan->errors.size() == 1);
  CHECK(orphan->errors[0].find("continuation of a record not in this file") != std::string::npos);
}

TEST_CASE("offline: a WARC revisit may name a payload of an earlier file of the scan", "[offline][spec]") {
  test::TempDir dir;
  // Wget --warc-dedup: the second capture's unchanged pages are revisits of the first file's.
  auto with_digest = [](std::string record, const std::string& digest) {
    const size_t at = record.find("\r\n") + 2;
    return record.insert(at, "WARC-Payload-Digest: " + digest + "\r\n");
  };
  const std::string page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<title>Jane</title><p>jane@example.org</p>";
  test::write_text(dir / "first.warc",
        with_digest(warc_record("response", "https://jane.example/", "application/http; msgtype=response", page), "sha1:PAGE") +
            with_digest(warc_record("response", "https://jane.example/logo.png", "application/http; msgtype=response",
                                    "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG"),
                        "sha1:LOGO"));
  const std::string revisit_head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
  test::write_text(dir / "second.warc",
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
