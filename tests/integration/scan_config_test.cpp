// The crawl keys of exposcan.yaml (crawl.*) reach the crawler, and flags override them: checked
// on what the sample server was asked for.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "core/text.h"
#include "samples/sample_server.h"
#include "tests/support/test_support.h"

using exposcan::test::read_text;
using exposcan::test::run_process;
using exposcan::test::TempDir;

namespace {

std::vector<std::string> nonempty_lines(const std::string& text) {
  std::vector<std::string> out;
  for (auto l : exposcan::split(text, '\n'))
    if (!l.empty()) out.emplace_back(l);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("scan config: crawl keys drive scope and politeness and rel=me and flags override them", "[scan-config]") {
  exposcan::samples::SampleServer server;
  REQUIRE(server.start());
  TempDir dir;
  std::ofstream(dir / "ca.pem") << server.ca_pem();
  std::string connect_to;
  for (const auto& h : server.hostnames()) connect_to += fmt::format("\"{}:443:127.0.0.1:{}\", ", h, server.port());
  const auto cfg = dir / "exposcan.yaml";
  std::ofstream(cfg) << "targets: [\"https://jane.example/\"]\n"
                        "crawl:\n"
                        "  max_depth: 2\n"
                        "  per_host_rate: 1\n"
                        "  follow_sitemaps: false\n"
                        "  exclude: [\"/posts/garden-notes/*\"]\n"
                        "  allow_hosts: [\"mastodon.social\"]\n"
                        "  hosts:\n"
                        "    - pattern: \"*.example\"\n"
                        "      rate: 100\n"
                        "      burst: 5\n"
                        "      connections: 3\n"
                        "  cacert: ca.pem\n"
                        "  connect_to: [" << connect_to << "]\n";
  const auto list = (dir / "fetched.txt").string();
  auto r = run_process({EXPOSCAN_BIN, "scan", "-c", cfg.string(), "--fetch-only", "--fetched-list", list, "--quiet",
                        "--format", "json", "-o", (dir / "report.json").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto paths = nonempty_lines(read_text(list));
  CHECK(has(paths, "/"));
  CHECK(has(paths, "/posts/"));
  CHECK(has(paths, "/posts/birthday-hike/"));
  CHECK_FALSE(has(paths, "/posts/garden-notes/"));  // crawl.exclude
  CHECK_FALSE(has(paths, "/sitemap.xml"));          // crawl.follow_sitemaps: false
  CHECK(has(paths, "/@janeexample"));               // rel=me into crawl.allow_hosts
  bool instagram = false, sitemap = false;
  for (const auto& q : server.requests()) {
    instagram = instagram || q.host == "www.instagram.com";
    sitemap = sitemap || q.target == "/sitemap.xml";
  }
  CHECK_FALSE(instagram);  // rel=me to a host that is neither listed nor allowed
  CHECK_FALSE(sitemap);

  // A flag overrides the file: depth 0 fetches the target and its feed (a feed lists the same
  // account's content and keeps its page's depth) and nothing linked.
  server.clear_requests();
  auto zero = run_process({EXPOSCAN_BIN, "scan", "-c", cfg.string(), "--fetch-only", "--fetched-list", list, "--quiet",
                           "--max-depth", "0", "--format", "json", "-o", (dir / "report.json").string()});
  REQUIRE(zero.exit_code == 0);
  CHECK(nonempty_lines(read_text(list)) == std::vector<std::string>{"/", "/feed.xml"});
}

TEST_CASE("scan config: bad crawl values are errors naming the key", "[scan-config]") {
  TempDir dir;
  const auto cfg = dir / "exposcan.yaml";
  std::ofstream(cfg) << "targets: [\"https://jane.example/\"]\ncrawl:\n  follow_sitemaps: maybe\n";
  auto r = run_process({EXPOSCAN_BIN, "scan", "-c", cfg.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "exposcan: error: " + cfg.string() + ":3: crawl.follow_sitemaps: expected true or false\n");
  std::ofstream(cfg) << "targets: [\"https://jane.example/\"]\ncrawl:\n  exclude: {a: 1}\n";
  auto list = run_process({EXPOSCAN_BIN, "scan", "-c", cfg.string()});
  CHECK(list.exit_code == 2);
  CHECK(list.err == "exposcan: error: " + cfg.string() + ":3: crawl.exclude: expected a list\n");
  auto rate = run_process({EXPOSCAN_BIN, "scan", "--per-host-rate", "-1", "https://jane.example/"});
  CHECK(rate.exit_code == 2);
}
