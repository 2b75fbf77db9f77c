// The binary end to end: `exposcan demo` against the bundled samples over HTTPS on 127.0.0.1.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <set>

#include "tests/support/test_support.h"

using nlohmann::json;
using exposcan::test::run_process;
using exposcan::test::TempDir;

namespace {

struct DemoRun {
  exposcan::test::RunResult result;
  json report;
};

// One demo run shared by the checks below (the scan takes a few seconds).
const DemoRun& demo_run() {
  static TempDir dir;
  static DemoRun run = [] {
    DemoRun r;
    // No per-host rate limit: the demo's own loopback server needs no politeness, and its results
    // do not depend on pacing (politeness has its own tests); 12 s becomes under 2 s a run.
    r.result = run_process({EXPOSCAN_BIN, "demo", "--out", dir.path().string(), "--show-values", "--quiet",
                            "--per-host-rate", "0"},
                           {"EXPOSCAN_FINGERPRINT_KEY=test-key", "NO_COLOR=1"});
    auto path = dir.path() / "report.json";
    struct stat st {};
    REQUIRE(stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    r.report = json::parse(exposcan::test::read_text(path));
    return r;
  }();
  return run;
}

const json* item_by_id(const json& report, const std::string& id) {
  for (const auto& i : report["items"])
    if (i["id"] == id) return &i;
  return nullptr;
}

std::string field_text(const json& item, const std::string& field) {
  if (field == "title" || field == "text") return item[field].is_string() ? item[field].get<std::string>() : "";
  if (field == "author.name") return item["author"]["name"].get<std::string>();
  if (field == "author.handle") return item["author"]["handle"].get<std::string>();
  if (field.rfind("fields.", 0) == 0) {
    for (const auto& f : item["fields"])
      if (f["name"] == field.substr(7)) return f["value"];
  }
  if (field.rfind("media[", 0) == 0) {
    size_t idx = std::stoul(field.substr(6));
    return item["media"][idx]["alt"];
  }
  FAIL("unknown field " << field);
  return {};
}

}  // namespace

TEST_CASE("demo exits 0 and writes a complete report", "[demo]") {
  const auto& run = demo_run();
  INFO(run.result.err);
  CHECK(run.result.exit_code == 0);
  const json& r = run.report;
  CHECK(r["schema_version"] == 1);
  CHECK(r["scan"]["status"] == "complete");
  CHECK(r["scan"]["pages_fetched"].get<int>() >= 10);
  CHECK(r["tool"]["name"] == "exposcan");
  CHECK(run.result.out.find("can be used to train AI") != std::string::npos);
}

TEST_CASE("demo: every finding carries every field", "[demo]") {
  const json& r = demo_run().report;
  REQUIRE(!r["findings"].empty());
  for (const auto& f : r["findings"]) {
    for (const char* key : {"rule_id", "severity", "verdict", "reasons", "url", "item_id", "matches", "evidence",
                            "fingerprint", "agents", "policy"})
      CHECK(f.contains(key));
    CHECK(f["fingerprint"].get<std::string>().size() == 64);
    CHECK(f["evidence"]["sha256"].get<std::string>().size() == 64);
    // Items that stand for a wall or block (samples/README.md "Walls and blocks planted") carry
    // the status that was seen; everything else was fetched.
    if (f["verdict"] != "could_not_check" && f["verdict"] != "not_public") CHECK(f["evidence"]["status"] == 200);
  }
}

TEST_CASE("demo: Instagram posts are trainable by Meta's first-party policy", "[demo]") {
  const json& r = demo_run().report;
  std::set<std::string> trainable_posts;
  for (const auto& f : r["findings"]) {
    if (f["platform"] != "instagram" || f["verdict"] != "trainable") continue;
    const json* item = item_by_id(r, f["item_id"]);
    REQUIRE(item != nullptr);
    if ((*item)["kind"] == "post" || (*item)["kind"] == "photo") {
      trainable_posts.insert(f["item_id"]);
      REQUIRE(f["policy"].is_object());
      CHECK(f["policy"]["platform"].get<std::string>().find("Meta") != std::string::npos);
    }
  }
  CHECK(trainable_posts.size() >= 2);
}

TEST_CASE("demo: the personal site admits AI training crawlers except GPTBot", "[demo]") {
  const json& r = demo_run().report;
  bool found = false;
  for (const auto& f : r["findings"]) {
    if (f["platform"] != "web" || f["verdict"] != "trainable") continue;
    std::set<std::string> agents;
    for (const auto& a : f["agents"]) agents.insert(a["agent"]);
    if (agents.empty()) continue;
    found = true;
    CHECK(agents.count("CCBot") == 1);
    CHECK(agents.count("GPTBot") == 0);
  }
  CHECK(found);
}

TEST_CASE("demo: no third-party trainable finding on the host that blocks every AI training agent", "[demo]") {
  const json& r = demo_run().report;
  size_t mastodon_items = 0;
  for (const auto& i : r["items"]) mastodon_items += i["platform"] == "mastodon";
  CHECK(mastodon_items >= 3);
  for (const auto& f : r["findings"])
    if (f["platform"] == "mastodon") CHECK(f["verdict"] != "trainable");
}

TEST_CASE("demo: planted personal data is matched with byte spans into the named field", "[demo]") {
  const json& r = demo_run().report;
  std::set<std::string> types;
  size_t checked = 0;
  for (const auto& f : r["findings"]) {
    const json* item = item_by_id(r, f["item_id"]);
    REQUIRE(item != nullptr);
    for (const auto& m : f["matches"]) {
      types.insert(m["type"].get<std::string>() == "identity" ? "identity:" + m["subtype"].get<std::string>()
                                                               : m["type"].get<std::string>());
      std::string text = field_text(*item, m["field"]);
      size_t start = m["start"], end = m["end"];
      REQUIRE(end <= text.size());
      REQUIRE(start < end);
      CHECK(text.substr(start, end - start) == m["value"].get<std::string>());
      ++checked;
    }
  }
  CHECK(checked >= 5);
  CHECK(types.count("email") == 1);
  CHECK(types.count("phone") == 1);
  CHECK(types.count("identity:name") == 1);
}
