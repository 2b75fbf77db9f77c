// The history store through the binary: kill -9 in the middle of a scan, two scans at once on one
// state file, a refused state file, and the history / diff / report / forget commands.
#include "tests/integration/history_fixture.h"

using namespace exposcan::test;
using nlohmann::json;

namespace {

json by_id(const std::vector<json>& scans, int id) {
  for (const auto& s : scans)
    if (s["id"] == id) return s;
  FAIL("no scan " << id);
  return {};
}

}  // namespace

TEST_CASE("kill -9 in the middle of a scan loses at most the page in flight", "[history][robustness]") {
  HistoryFixture fx;
  auto first = fx.run(fx.scan_args({k_site, "--format", "json", "-o", (fx.dir / "first.json").string()}));
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const json before = by_id(fx.history(), 1);

  // jane.example finishes in a moment; /slow trickles 20 kB at 1 kB/s, so the scan is still running.
  const auto log = fx.dir / "killed.log";
  BackgroundProcess scan(fx.scan_args({k_site, "https://faults.example/slow?bytes=20000&delay_ms=50&chunk=50", "--timeout", "60"}),
                         log, log, fx.env());
  size_t pages = 0;
  for (int i = 0; i < 300 && pages < 5; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    auto scans = fx.history();
    if (scans.size() == 2) pages = scans[1]["pages"].get<size_t>();
  }
  REQUIRE(pages >= 5);
  CHECK(by_id(fx.history(), 2)["status"] == "running");  // its process is alive
  scan.signal(SIGKILL);
  CHECK(scan.wait() == 128 + SIGKILL);

  auto check = fx.exposcan({"history", "--state", fx.state, "--check"});
  CHECK(check.exit_code == 0);
  CHECK(check.out == "ok\n");
  auto scans = fx.history();
  REQUIRE(scans.size() == 2);
  CHECK(scans[0] == before);  // the earlier scan is intact
  CHECK(scans[1]["status"] == "interrupted");
  CHECK(scans[1]["pages"].get<size_t>() >= pages);  // every page recorded before the kill is kept
  CHECK(scans[1]["finished"].is_null());

  auto next = fx.run(fx.scan_args({k_site, "--since", "last", "--format", "json", "-o", (fx.dir / "next.json").string()}));
  INFO(next.err);
  CHECK(next.exit_code == 0);
  auto report = read_json(fx.dir / "next.json");
  CHECK(report["scan"]["status"] == "complete");
  CHECK(report["scan"]["id"] == "3");
  for (const auto& f : report["findings"]) CHECK(f["diff"] == "unchanged");  // compared with scan 1
  CHECK(by_id(fx.history(), 3)["compared_with"] == "scan 1");
}

TEST_CASE("two scans at once on one state file both finish correctly", "[history][robustness]") {
  HistoryFixture fx;
  const auto log_a = fx.dir / "a.log", log_b = fx.dir / "b.log";
  BackgroundProcess a(fx.scan_args({k_site, "--format", "json", "-o", (fx.dir / "a.json").string()}), log_a, log_a, fx.env());
  BackgroundProcess b(fx.scan_args({"https://mastodon.social/@janeexample", "--format", "json", "-o", (fx.dir / "b.json").string()}),
                      log_b, log_b, fx.env());
  int ra = a.wait(), rb = b.wait();
  INFO(read_text(fx.dir / "a.log") << read_text(fx.dir / "b.log"));
  CHECK(ra == 0);
  CHECK(rb == 0);
  auto check = fx.exposcan({"history", "--state", fx.state, "--check"});
  CHECK(check.out == "ok\n");
  auto scans = fx.history();
  REQUIRE(scans.size() == 2);
  for (const auto& s : scans) {
    CHECK(s["status"] == "complete");
    const std::string out = s["targets"][0] == k_site ? "a.json" : "b.json";
    auto report = read_json(fx.dir / out);
    CHECK(report["scan"]["id"] == std::to_string(s["id"].get<int>()));
    CHECK(s["findings"] == report["findings"].size());
    CHECK(s["pages"].get<size_t>() >= report["scan"]["pages_fetched"].get<size_t>());
  }
  // each re-renders to the same findings it reported live (to a file, as the live report was: a
  // report file shows the values, stdout redacts them)
  for (const auto& s : scans) {
    const auto again = fx.dir / ("stored-" + std::to_string(s["id"].get<int>()) + ".json");
    auto r = fx.exposcan({"report", std::to_string(s["id"].get<int>()), "--state", fx.state, "--format", "json", "-o", again.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto stored = read_json(again);
    auto live = read_json(fx.dir / (s["targets"][0] == k_site ? "a.json" : "b.json"));
    CHECK(stored["findings"] == live["findings"]);
    CHECK(stored["items"].size() == live["items"].size());
  }
}

TEST_CASE("a state file that is not exposcan's stops the scan with exit 2 and is left as it was", "[history][robustness]") {
  HistoryFixture fx;
  std::ofstream(fx.state) << std::string(4096, 'z');
  auto r = fx.run(fx.scan_args({k_site}));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "exposcan: error: " + fx.state +
                     " is not an exposcan state file (file is not a database); it was left untouched\n");
  CHECK(read_text(fx.state) == std::string(4096, 'z'));
}

TEST_CASE("history diff report and forget work on the stored scans", "[history][cli]") {
  HistoryFixture fx;
  auto empty = fx.exposcan({"history", "--state", fx.state});
  CHECK(empty.exit_code == 2);
  CHECK(empty.err == "exposcan: error: no history at " + fx.state + " (run a scan first, or pass --state FILE)\n");

  REQUIRE(fx.run(fx.scan_args({k_site, "--format", "json", "-o", (fx.dir / "1.json").string()})).exit_code == 0);
  fx.delete_post("birthday-hike");
  auto second = fx.run(fx.scan_args({k_site, "--since", "last", "--format", "json", "-o", (fx.dir / "2.json").string()}));
  INFO(second.err);
  REQUIRE(second.exit_code == 0);

  SECTION("history lists both as a table and as JSON lines") {
    auto table = fx.exposcan({"history", "--state", fx.state});
    CHECK(table.exit_code == 0);
    CHECK(table.out.rfind("  ID  STARTED", 0) == 0);
    CHECK(table.out.find("complete") != std::string::npos);
    auto scans = fx.history();
    REQUIRE(scans.size() == 2);
    CHECK(scans[1]["compared_with"] == "scan 1");
    CHECK(scans[1]["diff"]["resolved"].get<int>() >= 1);
    CHECK(scans[0]["targets"] == json::array({k_site}));
  }
  SECTION("diff previous last says what the second scan found changed") {
    auto d = fx.exposcan({"diff", "previous", "last", "--state", fx.state, "--format", "json"});
    INFO(d.err);
    REQUIRE(d.exit_code == 0);
    auto j = json::parse(d.out);
    CHECK(j["from"] == 1);
    CHECK(j["to"] == 2);
    size_t resolved = 0;
    for (const auto& f : j["findings"])
      if (f["diff"] == "resolved") {
        ++resolved;
        CHECK(f["url"].get<std::string>().find("birthday-hike") != std::string::npos);
      }
    CHECK(resolved >= 1);
    auto live = read_json(fx.dir / "2.json");
    size_t live_resolved = 0;
    for (const auto& f : live["findings"]) live_resolved += f["diff"] == "resolved";
    CHECK(resolved == live_resolved);
    auto table = fx.exposcan({"diff", "1", "2", "--state", fx.state});
    CHECK(table.out.rfind("Scan 2 compared with scan 1: 0 new, 0 changed, ", 0) == 0);
    CHECK(table.out.find("\nRESOLVED\n") != std::string::npos);
  }
  SECTION("report re-renders a stored scan") {
    auto r = fx.exposcan({"report", "last", "--state", fx.state, "--format", "json", "--show-values"});
    REQUIRE(r.exit_code == 0);
    auto stored = json::parse(r.out);
    auto live = read_json(fx.dir / "2.json");
    CHECK(stored["scan"]["id"] == "2");
    CHECK(stored["scan"]["status"] == "complete");
    CHECK(stored["findings"].size() == live["findings"].size());
    CHECK(stored["summary"] == live["summary"]);
    auto table = fx.exposcan({"report", "1", "--state", fx.state});
    CHECK(table.exit_code == 0);
    CHECK(table.out.find("can be used to train AI") != std::string::npos);
    auto bad = fx.exposcan({"report", "9", "--state", fx.state});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "exposcan: error: no scan '9' in " + fx.state + "\n");
  }
  SECTION("forget deletes a scan, and --before the rest") {
    auto f = fx.exposcan({"forget", "1", "--state", fx.state});
    INFO(f.err);
    CHECK(f.exit_code == 0);
    CHECK(f.out.rfind("Forgot scan 1 (", 0) == 0);
    auto scans = fx.history();
    REQUIRE(scans.size() == 1);
    CHECK(scans[0]["id"] == 2);
    auto all = fx.exposcan({"forget", "--before", "2999-01-01", "--state", fx.state});
    CHECK(all.out.rfind("Forgot scan 2 (", 0) == 0);
    CHECK(fx.history().empty());
    auto none = fx.exposcan({"forget", "--before", "2000-01-01", "--state", fx.state});
    CHECK(none.out == "Nothing to forget: no finished scan started before 2000-01-01.\n");
    auto usage = fx.exposcan({"forget", "--state", fx.state});
    CHECK(usage.exit_code == 2);
    CHECK(usage.err == "exposcan: error: forget: name the scans to delete or give --before DATE\n");
    CHECK(fx.exposcan({"history", "--state", fx.state, "--check"}).out == "ok\n");
  }
}

TEST_CASE("scan without --state records into the XDG data folder", "[history][cli]") {
  HistoryFixture fx;
  auto args = fx.scan_args({k_site});
  args.erase(args.begin() + 2, args.begin() + 4);  // drop --state FILE
  auto r = fx.run(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto path = fx.dir / "exposcan" / "history.db";
  CHECK(std::filesystem::exists(path));
  auto h = fx.exposcan({"history", "--format", "json"});  // the same default
  CHECK(h.out.find("\"status\":\"complete\"") != std::string::npos);
}

namespace {

// The findings of a JSON report as "rule_id item_id" pairs, sorted.
std::vector<std::string> finding_keys(const json& report) {
  std::vector<std::string> out;
  for (const auto& f : report["findings"]) out.push_back(f["rule_id"].get<std::string>() + " " + f["item_id"].get<std::string>());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("scan --no-history writes the report and nothing else, with a recorded scan's items and findings", "[history][cli]") {
  HistoryFixture fx;
  const auto with = fx.dir / "with.json", without = fx.dir / "without.json";
  auto recorded = fx.run(fx.scan_args({k_site, "--format", "json", "-o", with.string()}));
  INFO(recorded.err);
  REQUIRE(recorded.exit_code == 0);

  auto args = fx.scan_args({k_site, "--no-history", "--format", "json", "-o", without.string()});
  args.erase(args.begin() + 2, args.begin() + 4);  // drop --state FILE: nothing goes to the XDG default either
  auto r = fx.run(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(fx.dir / "exposcan"));
  CHECK((std::filesystem::status(without).permissions() & std::filesystem::perms::all) == (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));

  const json a = read_json(with), b = read_json(without);
  CHECK(b["scan"]["id"] == "");
  CHECK(b["scan"]["status"] == "complete");
  CHECK(b["summary"] == a["summary"]);
  // The same best copy of each item, in item id order, kept whole through the temporary file.
  REQUIRE(!b["items"].empty());
  CHECK(b["items"] == a["items"]);
  CHECK(finding_keys(b) == finding_keys(a));
  // Each finding alike but for its fingerprint (this run's own key) and its page's fetch time.
  auto comparable = [](json findings) {
    for (auto& f : findings) {
      f.erase("fingerprint");
      f["evidence"].erase("fetched_at");
    }
    return findings;
  };
  CHECK(comparable(b["findings"]) == comparable(a["findings"]));
  for (const auto& f : b["findings"]) CHECK(f["diff"] == json());  // nothing to compare with

  auto schema = run_process({"/usr/bin/python3", (source_dir() / "tests/reports/validate_json.py").string(),
                             (source_dir() / "reports/report.schema.json").string(), without.string()});
  INFO(schema.out << schema.err);
  CHECK(schema.exit_code == 0);

  // The same from the config file (`history: false`) and from the environment (EXPOSCAN_HISTORY).
  const auto cfg = fx.dir / "exposcan.yaml";
  write_text(cfg, "history: false\n");
  auto from_file = args;
  from_file.erase(std::find(from_file.begin(), from_file.end(), "--no-history"));
  from_file.insert(from_file.end(), {"-c", cfg.string()});
  CHECK(fx.run(from_file).exit_code == 0);
  from_file.resize(from_file.size() - 2);
  auto env = fx.env();
  env.push_back("EXPOSCAN_HISTORY=false");
  CHECK(run_process(from_file, env).exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(fx.dir / "exposcan"));
  CHECK(read_json(without)["summary"] == a["summary"]);
}

TEST_CASE("scan --no-history applies the suppressions file and says when an entry expired", "[history][cli]") {
  HistoryFixture fx;
  const auto ignore = fx.dir / "ignore.yaml", out = fx.dir / "report.json";
  write_text(ignore,
             "suppressions:\n"
             "  - rule: ai-training.*\n"
             "    url: https://jane.example/posts/*\n"
             "    reason: my blog is meant to be read\n"
             "  - rule: '*'\n"
             "    reason: an old decision\n"
             "    expires: 2020-01-31\n");
  auto scan = [&](std::vector<std::string> extra) {
    auto args = fx.scan_args({k_site, "--no-history", "--format", "json", "-o", out.string()});
    args.erase(args.begin() + 2, args.begin() + 4);
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = fx.run(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return std::pair{read_json(out), r.err};
  };
  auto count = [](const json& report, bool posts) {
    return std::count_if(report["findings"].begin(), report["findings"].end(), [&](const json& f) {
      return (f["url"].get<std::string>().rfind("https://jane.example/posts/", 0) == 0) == posts;
    });
  };
  auto [plain, plain_err] = scan({});
  REQUIRE(count(plain, true) > 0);
  REQUIRE(count(plain, false) > 0);
  CHECK(plain_err.find("suppression") == std::string::npos);
  auto [suppressed, err] = scan({"--ignore-file", ignore.string()});
  CHECK(count(suppressed, true) == 0);
  CHECK(count(suppressed, false) == count(plain, false));  // the expired entry applies no more
  CHECK(err.find("suppression expired on 2020-01-31 (an old decision)") != std::string::npos);
}

TEST_CASE("scan --no-history refuses what needs the history", "[history][cli]") {
  HistoryFixture fx;
  auto refused = [&](std::vector<std::string> extra) {
    auto args = fx.scan_args({k_site, "--no-history"});
    args.insert(args.end(), extra.begin(), extra.end());
    return fx.run(args);
  };
  auto state = refused({});  // scan_args names --state
  CHECK(state.exit_code == 2);
  CHECK(state.err == "exposcan: error: --no-history (or `history: false`) and --state: a scan without a history has no state file\n");
  for (const auto& [flag, value] : std::vector<std::pair<std::string, std::string>>{
           {"--since", "last"}, {"--baseline", (fx.dir / "old.json").string()}, {"--new-only", ""}}) {
    auto args = fx.scan_args({k_site, "--no-history"});
    args.erase(args.begin() + 2, args.begin() + 4);
    args.push_back(flag);
    if (!value.empty()) args.push_back(value);
    auto r = fx.run(args);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "exposcan: error: " + flag + " needs the history, which --no-history (or `history: false`) turns off\n");
  }
  CHECK_FALSE(std::filesystem::exists(fx.state));
  CHECK_FALSE(std::filesystem::exists(fx.dir / "exposcan"));
}
