// A HAR in a ZIP archive (Playwright's recordHar to a .zip path), read as an offline source. The
// archives are written here with libzip, as Playwright writes them: har.har plus body entries.
#include <catch2/catch.hpp>

#include <zip.h>

#include <nlohmann/json.hpp>

#include "scanner/offline_source.h"
#include "tests/support/test_support.h"

using namespace exposcan;
using nlohmann::json;

namespace {

struct ZipEntry {
  std::string name;
  std::string data;
};

// Writes `entries` (deflated) to a new archive at `path`.
void write_zip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries) {
  int code = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  REQUIRE(zip);
  for (const auto& e : entries) {
    zip_source_t* src = zip_source_buffer(zip, e.data.data(), e.data.size(), 0);
    REQUIRE(src);
    const zip_int64_t i = zip_file_add(zip, e.name.c_str(), src, ZIP_FL_OVERWRITE);
    REQUIRE(i >= 0);
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(i), ZIP_CM_DEFLATE, 0);
  }
  REQUIRE(zip_close(zip) == 0);  // `entries` must live until here: the sources point into them
}

json html_entry(const std::string& url, const json& content) {
  return json{{"request", {{"method", "GET"}, {"url", url}}},
              {"response",
               {{"status", 200},
                {"headers", json::array({{{"name", "Content-Type"}, {"value", "text/html; charset=utf-8"}}})},
                {"content", content}}}};
}

std::string har_of(const json& entries) { return json{{"log", {{"version", "1.2"}, {"entries", entries}}}}.dump(); }

}  // namespace

TEST_CASE("offline: a .har.zip is read with the body files it holds", "[offline][har]") {
  test::TempDir dir;
  const std::vector<ZipEntry> entries = {
      {"har.har",
       har_of(json::array({html_entry("https://jane.example/", {{"mimeType", "text/html"}, {"_file", "5e1f.html"}}),
                           html_entry("https://jane.example/about", {{"mimeType", "text/html"},
                                                                    {"text", "<title>About</title><p>jane@example.org</p>"}}),
                           html_entry("https://jane.example/gone", {{"mimeType", "text/html"}, {"_file", "nothere.html"}})}))},
      {"5e1f.html", "<title>Jane</title><p>Call me: +1 202-555-0147</p>"}};
  write_zip(dir / "capture.har.zip", entries);
  CHECK(offline_format(dir / "capture.har.zip") == OfflineFormat::har_zip);
  auto load = load_offline(dir / "capture.har.zip");
  REQUIRE(load);
  REQUIRE(load->pages.size() == 2);
  CHECK(load->pages[0].url == "https://jane.example/");
  CHECK(load->pages[0].body.find("+1 202-555-0147") != std::string::npos);
  CHECK(load->pages[0].origin == PageOrigin::har);
  CHECK(load->pages[1].body.find("jane@example.org") != std::string::npos);
  REQUIRE(load->errors.size() == 1);
  CHECK(load->errors[0].find("'nothere.html' cannot be read in the archive") != std::string::npos);
}

TEST_CASE("offline: a ZIP is known by its first bytes and one without a HAR says so", "[offline][har]") {
  test::TempDir dir;
  const std::vector<ZipEntry> entries = {{"notes/readme.txt", "no capture here"}};
  write_zip(dir / "export.bin", entries);
  CHECK(offline_format(dir / "export.bin") == OfflineFormat::har_zip);
  auto load = load_offline(dir / "export.bin");
  REQUIRE(load);
  CHECK(load->pages.empty());
  REQUIRE(load->errors.size() == 1);
  CHECK(load->errors[0] == (dir / "export.bin").string() + ": the archive holds no HAR (no entry named har.har or ending in .har)");

  // Another name than Playwright's is found by its extension.
  const std::vector<ZipEntry> renamed = {
      {"session.HAR", har_of(json::array({html_entry("https://jane.example/", {{"mimeType", "text/html"}, {"text", "<p>x</p>"}})}))}};
  write_zip(dir / "session.zip", renamed);
  auto other = load_offline(dir / "session.zip");
  REQUIRE(other);
  CHECK(other->pages.size() == 1);
}

TEST_CASE("offline: a damaged .har.zip is an error and a body bomb in it is cut at the cap", "[offline][har]") {
  test::TempDir dir;
  test::write_text(dir / "broken.har.zip", std::string("PK\x03\x04", 4) + std::string(200, '\x7f'));
  auto broken = load_offline(dir / "broken.har.zip");
  REQUIRE(broken);
  CHECK(broken->pages.empty());
  REQUIRE(broken->errors.size() == 1);
  CHECK(broken->errors[0].find("not a readable ZIP archive") != std::string::npos);

  // 64 MiB of one byte deflates to about 64 KiB; the body is read up to the cap and no further.
  const std::vector<ZipEntry> entries = {
      {"har.har", har_of(json::array({html_entry("https://jane.example/", {{"mimeType", "text/html"}, {"_file", "big.html"}})}))},
      {"big.html", "<p>" + std::string(64u << 20, 'a')}};
  write_zip(dir / "bomb.har.zip", entries);
  CHECK(std::filesystem::file_size(dir / "bomb.har.zip") < (1u << 20));
  OfflineOptions options;
  options.max_body_bytes = 1u << 20;
  auto load = load_offline(dir / "bomb.har.zip", options);
  REQUIRE(load);
  REQUIRE(load->pages.size() == 1);
  CHECK(load->pages[0].truncated);
  CHECK(load->pages[0].body.size() <= options.max_body_bytes);
}
