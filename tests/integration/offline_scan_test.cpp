// `exposcan scan FILE|FOLDER|HAR|WARC`: offline sources through the whole pipeline.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

#include "tests/support/test_support.h"

using nlohmann::json;
using exposcan::test::read_text;
using exposcan::test::run_process;
using exposcan::test::TempDir;

TEST_CASE("scan reads a saved folder and a HAR file - items say where they came from", "[offline]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "saved");
  std::ofstream(dir / "saved/Jane Example - Mastodon.html") << read_text(exposcan::test::source_dir() / "samples/sites/mastodon.social/@janeexample/index.html");
  json har = {{"log", {{"version", "1.2"}, {"entries", json::array({{{"startedDateTime", "2026-10-30T10:00:00Z"},
                                                                      {"request", {{"method", "GET"}, {"url", "https://www.reddit.com/user/janeexample/submitted.json"}}},
                                                                      {"response", {{"status", 200}, {"headers", json::array()},
                                                                                    {"content", {{"mimeType", "application/json"},
                                                                                                 {"text", read_text(exposcan::test::source_dir() / "samples/sites/www.reddit.com/_api/submitted.json")}}}}}}})}}}};
  std::ofstream(dir / "reddit.har") << har.dump();
  auto r = run_process({EXPOSCAN_BIN, "scan", (dir / "saved").string(), (dir / "reddit.har").string(), "--format", "json", "-o", (dir / "report.json").string(), "--quiet"},
                       {"EXPOSCAN_FINGERPRINT_KEY=test-key"});
  REQUIRE(r.exit_code == 0);
  json report = json::parse(read_text(dir / "report.json"));
  CHECK(report["scan"]["status"] == "complete");
  REQUIRE(report["scan"]["target_status"].size() == 2);
  CHECK(report["scan"]["target_status"][0]["pages"] == 1);
  CHECK(report["scan"]["target_status"][1]["pages"] == 1);
  std::set<std::string> provenance;
  std::set<std::string> platforms;
  for (const auto& it : report["items"]) {
    provenance.insert(it["provenance"].get<std::string>());
    platforms.insert(it["platform"].get<std::string>());
  }
  CHECK(provenance == std::set<std::string>{"file", "har"});
  CHECK(platforms == std::set<std::string>{"mastodon", "reddit"});
  CHECK_FALSE(report["findings"].empty());
}

TEST_CASE("scan of an unreadable offline source is incomplete and says why", "[offline]") {
  TempDir dir;
  std::ofstream(dir / "empty.har") << "{\"log\": {\"entries\": []}}";
  auto r = run_process({EXPOSCAN_BIN, "scan", (dir / "empty.har").string(), "--format", "json", "-o", (dir / "report.json").string(), "--quiet"},
                       {"EXPOSCAN_FINGERPRINT_KEY=test-key"});
  CHECK(r.exit_code == 3);
  json report = json::parse(read_text(dir / "report.json"));
  CHECK(report["scan"]["status"] == "incomplete");
  CHECK(report["scan"]["target_status"][0]["reachable"] == false);
}

TEST_CASE("scan --max-pages caps an offline source too", "[offline]") {
  TempDir dir;
  json entries = json::array();
  for (int i = 0; i < 4; ++i)
    entries.push_back({{"request", {{"method", "GET"}, {"url", "https://jane.example/p" + std::to_string(i) + "/"}}},
                       {"response", {{"status", 200}, {"headers", json::array()},
                                     {"content", {{"mimeType", "text/html"}, {"text", "<title>P</title><p>Jane's page</p>"}}}}}});
  std::ofstream(dir / "four.har") << json{{"log", {{"version", "1.2"}, {"entries", entries}}}}.dump();
  auto r = run_process({EXPOSCAN_BIN, "scan", (dir / "four.har").string(), "--max-pages", "2", "--format", "json", "-o",
                        (dir / "report.json").string(), "--quiet"},
                       {"EXPOSCAN_FINGERPRINT_KEY=test-key"});
  REQUIRE(r.exit_code == 0);
  json report = json::parse(read_text(dir / "report.json"));
  CHECK(report["scan"]["target_status"][0]["pages"] == 2);
  bool said = false;
  for (const auto& e : report["scan"]["errors"]) said = said || e.dump().find("more than 2 pages") != std::string::npos;
  CHECK(said);
}
