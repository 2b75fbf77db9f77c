// Bad input gets a clear error and exit code 2; an unreachable target is recorded and exits 3.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

#include "tests/support/test_support.h"

using exposcan::test::run_process;
using exposcan::test::TempDir;
using exposcan::test::write_text;


TEST_CASE("an unknown flag is a usage error", "[cli]") {
  auto r = run_process({EXPOSCAN_BIN, "scan", "--no-such-flag"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--no-such-flag") != std::string::npos);
}

TEST_CASE("a missing config file is a usage error", "[cli]") {
  TempDir dir;
  auto missing = (dir / "nope.yaml").string();
  auto r = run_process({EXPOSCAN_BIN, "scan", "-c", missing});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "exposcan: error: config file not found: " + missing + "\n");
}

TEST_CASE("malformed YAML in the config names the line", "[cli]") {
  TempDir dir;
  auto cfg = dir / "exposcan.yaml";
  write_text(cfg, "targets:\n  - https://jane.example/\ncrawl:\n  concurrency: [1\n");
  auto r = run_process({EXPOSCAN_BIN, "scan", "-c", cfg.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(cfg.string() + ":") != std::string::npos);
  CHECK(r.err.find("invalid YAML") != std::string::npos);
}

TEST_CASE("a bad config value names the file and line and key", "[cli]") {
  TempDir dir;
  auto cfg = dir / "exposcan.yaml";
  write_text(cfg, "targets:\n  - https://jane.example/\ncrawl:\n  concurrency: -3\n");
  auto r = run_process({EXPOSCAN_BIN, "scan", "-c", cfg.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "exposcan: error: " + cfg.string() + ":4: crawl.concurrency: expected a positive integer\n");
}

TEST_CASE("an unknown config key is an error", "[cli]") {
  TempDir dir;
  auto cfg = dir / "exposcan.yaml";
  write_text(cfg, "targets: [https://jane.example/]\ncrawl:\n  concurency: 3\n");
  auto r = run_process({EXPOSCAN_BIN, "scan", "-c", cfg.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "exposcan: error: " + cfg.string() + ":3: crawl.concurency: unknown key\n");
}

TEST_CASE("a rule with an invalid regex is a rule error naming the rule", "[cli]") {
  TempDir dir;
  auto pack = dir / "bad.yaml";
  write_text(pack,
        "pack: broken\nversion: 1.0.0\nmin_exposcan_version: 0.1.0\nrules:\n"
        "  - id: broken.regex\n    kind: pattern\n    title: Broken\n    description: d\n    severity: low\n"
        "    confidence: low\n    tags: []\n    references: []\n    remediation: r\n    type: custom\n"
        "    patterns: ['(unclosed']\n    tests: {positive: [], negative: []}\n");
  auto r = run_process({EXPOSCAN_BIN, "scan", "--rules", pack.string(), "https://jane.example/"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(pack.string() + ":") != std::string::npos);
  CHECK(r.err.find("broken.regex") != std::string::npos);
}

TEST_CASE("an unreachable target is recorded and exits 3", "[cli]") {
  TempDir dir;
  auto out = dir / "report.json";
  // Port 9 on loopback: nothing listens; the connection is refused at once.
  auto r = run_process({EXPOSCAN_BIN, "scan", "http://127.0.0.1:9/", "--format", "json", "-o", out.string(),
                        "--quiet", "--max-retries", "0"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("scan incomplete") != std::string::npos);
  auto report = nlohmann::json::parse(exposcan::test::read_text(out));
  CHECK(report["scan"]["status"] == "incomplete");
  REQUIRE(report["scan"]["errors"].size() >= 1);
  CHECK(report["scan"]["errors"][0]["code"] == "connect");
}
