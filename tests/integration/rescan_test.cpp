// Periodic rescans of a changing sample site through the binary (issue "History and periodic
// rescans", must show): a post added with an email address, a post deleted, a robots.txt that starts
// admitting GPTBot, then a page that fails — each scan's diff states and exit code are checked.
#include <regex>

#include "tests/integration/history_fixture.h"

using namespace exposcan::test;
using nlohmann::json;

namespace {

const std::string k_new_post = "https://jane.example/posts/new-address/";
const std::string k_deleted_post = "https://jane.example/posts/inktober-sketches/";
const std::string k_failing_post = "https://jane.example/posts/garden-notes/";

struct Scan {
  int exit_code;
  std::string err;
  json report;
};

Scan scan(const HistoryFixture& fx, const std::string& name, std::vector<std::string> extra) {
  auto out = fx.dir / (name + ".json");
  std::vector<std::string> args = {k_site, "--format", "json", "-o", out.string(), "--show-values"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = fx.run(fx.scan_args(args));
  return {r.exit_code, r.err, read_json(out)};
}

std::map<std::string, size_t> states(const json& report) {
  std::map<std::string, size_t> n;
  for (const auto& f : report["findings"]) ++n[f["diff"].is_null() ? "" : f["diff"].get<std::string>()];
  return n;
}

bool any_high(const json& report, const std::function<bool(const json&)>& which) {
  for (const auto& f : report["findings"])
    if (which(f) && (f["severity"] == "high" || f["severity"] == "critical") && f["verdict"] != "not_trainable") return true;
  return false;
}

std::string evidence_url(const json& f) { return f["evidence"]["url"].get<std::string>(); }

bool has_agent(const json& f, const std::string& agent) {
  for (const auto& a : f["agents"])
    if (a["agent"] == agent) return true;
  return false;
}

}  // namespace

TEST_CASE("three scans of a changing site: new resolved changed unchecked and the exit codes", "[history][rescan]") {
  HistoryFixture fx;
  const std::vector<std::string> ci = {"--since", "last", "--fail-on", "high", "--new-only"};

  // 1. The first scan: everything is new, and new high findings fail the run.
  Scan s1 = scan(fx, "1", ci);
  INFO(s1.err);
  REQUIRE(states(s1.report).size() == 1);
  CHECK(states(s1.report).count("new") == 1);
  REQUIRE(any_high(s1.report, [](const json&) { return true; }));
  CHECK(s1.exit_code == 1);
  CHECK(s1.err.find("new or worsened findings at or above the --fail-on severity") != std::string::npos);

  // 2. A post is added (with an email address) and linked from the post list; another is deleted.
  std::string list = read_text(source_dir() / "samples/sites/jane.example/posts/index.html");
  const std::string entry = "<article class=\"h-entry\">\n<h2><a class=\"u-url p-name\" href=\"/posts/new-address/\">"
                            "A new address</a></h2>\n<p class=\"p-summary\">Write to me.</p>\n</article>\n";
  auto at = list.find("<article class=\"h-entry\">");
  REQUIRE(at != std::string::npos);
  fx.write_overlay("sites/jane.example/posts/index.html", list.insert(at, entry));
  fx.write_overlay("sites/jane.example/posts/new-address/index.html",
                   "<!doctype html><html lang=en><head><meta charset=utf-8><title>A new address</title></head><body>"
                   "<article class=\"h-entry\"><h1 class=\"p-name\">A new address</h1><div class=\"e-content\">"
                   "<p>I have a new mailbox: jane.example.new@example.org, write any time.</p></div>"
                   "<a class=\"p-author h-card\" href=\"https://jane.example/\">Jane Example</a></article></body></html>");
  fx.delete_post("inktober-sketches");
  Scan s2 = scan(fx, "2", ci);
  INFO(s2.err);
  bool new_with_email = false;
  for (const auto& f : s2.report["findings"]) {
    const std::string url = evidence_url(f);
    INFO(url << " " << f["rule_id"] << " " << f["diff"]);
    if (url == k_new_post) {
      CHECK(f["diff"] == "new");
      for (const auto& m : f["matches"]) new_with_email |= m["type"] == "email" && m["value"] == "jane.example.new@example.org";
    } else if (url == k_deleted_post) {
      CHECK(f["diff"] == "resolved");  // the page answered 404
    } else if (url == "https://jane.example/posts/") {
      CHECK((f["diff"] == "unchanged" || f["diff"] == "new" || f["diff"] == "changed"));  // the list itself changed
    } else {
      CHECK(f["diff"] == "unchanged");
    }
  }
  CHECK(new_with_email);
  CHECK(states(s2.report)["resolved"] >= 1);
  CHECK(states(s2.report).count("unchecked") == 0);
  CHECK(s2.exit_code == (any_high(s2.report, [](const json& f) { return f["diff"] == "new"; }) ? 1 : 0));
  CHECK(s2.exit_code == 1);  // the new post carries an email address

  // 3. robots.txt starts admitting GPTBot: the same items, a worse exposure.
  fx.write_overlay("sites/jane.example/robots.txt", "User-agent: *\nAllow: /\n\nSitemap: https://jane.example/sitemap.xml\n");
  Scan s3 = scan(fx, "3", ci);
  INFO(s3.err);
  auto n3 = states(s3.report);
  CHECK(n3.count("new") == 0);
  CHECK(n3.count("resolved") == 0);  // the deleted post was reported resolved once; it stays gone
  REQUIRE(n3["changed"] >= 1);
  for (const auto& f : s3.report["findings"])
    if (f["diff"] == "changed") CHECK(has_agent(f, "GPTBot"));
  bool gptbot_before = false;
  for (const auto& f : s2.report["findings"]) gptbot_before |= has_agent(f, "GPTBot");
  CHECK_FALSE(gptbot_before);
  CHECK(s3.exit_code == 1);  // worsened findings at or above high

  // 4. Nothing changes: everything unchanged, --new-only passes, plain --fail-on still fails.
  Scan s4 = scan(fx, "4", ci);
  INFO(s4.err);
  CHECK(states(s4.report) == std::map<std::string, size_t>{{"unchanged", s4.report["findings"].size()}});
  CHECK(s4.exit_code == 0);
  Scan s4b = scan(fx, "4b", {"--since", "last", "--fail-on", "high"});
  CHECK(s4b.exit_code == 1);

  // 5. A post's page fails (HTTP 500): its findings are unchecked (its copies in the list and the
  // feed do not stand in for it); --max-errors 0 makes that exit 3.
  std::string routes = read_text(source_dir() / "samples/sites/jane.example/_routes.yaml");
  routes += "  - path: /posts/garden-notes/\n    status: 500\n    body: broken for now\n";
  fx.write_overlay("sites/jane.example/_routes.yaml", routes);
  Scan s5 = scan(fx, "5", ci);
  INFO(s5.err);
  size_t unchecked = 0;
  for (const auto& f : s5.report["findings"])
    if (evidence_url(f) == k_failing_post) {
      CHECK(f["diff"] == "unchecked");
      ++unchecked;
    }
  CHECK(unchecked >= 1);
  CHECK(s5.exit_code == 0);  // one failed page of a reachable target is within the default tolerance
  Scan s6 = scan(fx, "6", {"--since", "last", "--max-errors", "0"});
  CHECK(s6.exit_code == 3);
  CHECK(s6.report["scan"]["status"] == "incomplete");
  // an incomplete scan is not what the next one compares with
  Scan s7 = scan(fx, "7", {"--since", "last"});
  CHECK(s7.report["scan"]["id"] == "8");
  CHECK(fx.history().back()["compared_with"] == "scan 6");
}

TEST_CASE("a rescan with --baseline compares with an earlier JSON report", "[history][rescan]") {
  HistoryFixture fx;
  // Two state files (as two CI runners without a shared cache): the fingerprint key comes from the
  // environment so the report's fingerprints still match.
  auto env = fx.env();
  env.push_back("EXPOSCAN_FINGERPRINT_KEY=ci-secret");
  auto r1 = exposcan::test::run_process(fx.scan_args({k_site, "--format", "json", "-o", (fx.dir / "1.json").string()}), env);
  REQUIRE(r1.exit_code == 0);
  fx.delete_post("inktober-sketches");
  // another state file: only the report links the two runs (as in CI with a stored artifact)
  auto args = fx.scan_args({k_site, "--baseline", (fx.dir / "1.json").string(), "--format", "json", "-o",
                            (fx.dir / "2.json").string(), "--fail-on", "info", "--new-only"});
  args[3] = (fx.dir / "other.db").string();
  auto r = exposcan::test::run_process(args, env);
  INFO(r.err);
  auto report = read_json(fx.dir / "2.json");
  auto n = states(report);
  CHECK(n.count("new") == 0);
  CHECK(n["resolved"] >= 1);
  CHECK(n["unchanged"] >= 5);
  CHECK(r.exit_code == 0);
}

TEST_CASE("demo takes the rescan flags and keeps its history only with --state", "[history][demo]") {
  HistoryFixture fx;
  auto demo = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"demo", "--out", (fx.dir / "demo").string(), "--quiet", "--per-host-rate", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    return fx.exposcan(args);
  };
  auto first = demo({"--state", fx.state});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  auto second = demo({"--state", fx.state, "--since", "last", "--fail-on", "info", "--new-only"});
  INFO(second.err);
  CHECK(second.exit_code == 0);  // nothing new since the first demo
  auto report = read_json(fx.dir / "demo" / "report.json");
  CHECK(states(report) == std::map<std::string, size_t>{{"unchanged", report["findings"].size()}});
  CHECK(fx.history().size() == 2);
  auto temporary = demo({"--since", "last", "--fail-on", "info", "--new-only"});
  CHECK(temporary.exit_code == 1);  // a fresh temporary store: everything is new
  CHECK(fx.history().size() == 2);
  CHECK_FALSE(std::filesystem::exists(fx.dir / "exposcan" / "history.db"));
}
