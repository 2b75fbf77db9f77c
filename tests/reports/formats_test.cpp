// JSON (schema v1 and round trip), JSON Lines, SARIF 2.1.0 (official schema + GitHub code
// scanning constraints), Markdown, CSV and the redaction rule: terminal, stdout and SARIF show
// redacted values unless --show-values; report files keep them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include "reports/csv_report.h"
#include "reports/html_report.h"
#include "reports/json_model.h"
#include "reports/markdown_report.h"
#include "reports/reporters.h"
#include "reports/sarif_report.h"
#include "reports/summary.h"
#include "reports/json_report.h"
#include "reports/terminal_report.h"
#include "tests/reports/capture_stdout.h"
#include "tests/reports/fixture_record.h"
#include "tests/reports/warcio.h"

using namespace exposcan;
using nlohmann::json;
using exposcan::test::TempDir;

namespace {

const std::vector<std::string> k_raw_values = {"jane@example.org", "+1 202-555-0147", "Springfield"};

bool contains_raw_value(const std::string& text) {
  for (const auto& v : k_raw_values)
    if (text.find(v) != std::string::npos) return true;
  return false;
}

// python3 + jsonschema (Debian python3-jsonschema) through tests/reports/validate_json.py.
test::RunResult validate(const std::filesystem::path& schema, const std::string& document) {
  TempDir dir;
  std::ofstream(dir / "doc.json") << document;
  std::string python = test::find_program("python3");
  REQUIRE(!python.empty());
  return test::run_process(
      {python, (test::source_dir() / "tests/reports/validate_json.py").string(), schema.string(), (dir / "doc.json").string()});
}

std::filesystem::path report_schema() { return test::source_dir() / "reports" / "report.schema.json"; }
std::filesystem::path sarif_schema() { return test::shared_dir() / "data" / "sarif" / "sarif-schema-2.1.0.json"; }

std::string stdout_of(const std::string& format, bool show_values) {
  ReportOptions o;
  o.show_values = show_values;
  auto reporter = make_reporter(format, o);
  REQUIRE(reporter);
  return test::capture_stdout([&] { REQUIRE(render(test::fixture_record(), **reporter)); });
}

}  // namespace

TEST_CASE("json: the fixture report validates against report.schema.json", "[json][schema]") {
  auto r = validate(report_schema(), record_to_json(test::fixture_record(), true).dump());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "valid\n");
}

TEST_CASE("json: the summary counts the items by others on the person's pages", "[json][schema]") {
  json doc = record_to_json(test::fixture_record_with_others_comment(), true);
  auto r = validate(report_schema(), doc.dump());
  INFO(r.out << r.err);
  CHECK(r.out == "valid\n");
  CHECK(doc["summary"]["public_items"] == 6);
  CHECK(doc["summary"]["by_others"] ==
        json{{"items", 1}, {"public_items", 1}, {"trainable_items", 1}, {"trainable_with_personal_data", 1}});
  CHECK(record_to_json(test::fixture_record(), true)["summary"]["by_others"]["items"] == 0);
}

TEST_CASE("json: the schema rejects a report that breaks v1", "[json][schema]") {
  json doc = record_to_json(test::fixture_record(), true);
  doc["findings"][0]["verdict"] = "maybe";
  doc["items"][0].erase("url");
  auto r = validate(report_schema(), doc.dump());
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("findings/0/verdict: 'maybe' is not one of") != std::string::npos);
  CHECK(r.out.find("items/0: 'url' is a required property") != std::string::npos);
}

TEST_CASE("json: a record survives the round trip through JSON unchanged", "[json]") {
  ScanRecord record = test::fixture_record();
  json first = record_to_json(record, true);
  auto back = record_from_json(first);
  REQUIRE(back);
  CHECK(record_to_json(*back, true) == first);
  CHECK(back->findings[2].policy->user_control == "the objection form in Meta's Privacy Center (GDPR Art. 21)");
}

TEST_CASE("json: an unknown schema version is refused", "[json]") {
  json doc = record_to_json(test::fixture_record(), true);
  doc["schema_version"] = 2;
  auto back = record_from_json(doc);
  REQUIRE(!back);
  CHECK(back.error().message == "unsupported report schema_version 2");
}

TEST_CASE("jsonl: one typed record per line in begin item finding error end order", "[jsonl]") {
  std::string out = stdout_of("jsonl", false);
  std::istringstream lines(out);
  std::string line;
  std::vector<json> records;
  while (std::getline(lines, line)) records.push_back(json::parse(line));
  ScanRecord fixture = test::fixture_record();
  REQUIRE(records.size() == 1 + fixture.items.size() + fixture.findings.size() + fixture.scan.errors.size() + 1);
  CHECK(records.front()["type"] == "begin");
  CHECK(records.front()["data"]["schema_version"] == 1);
  CHECK(records.back()["type"] == "end");
  CHECK(records.back()["data"]["summary"]["trainable_items"] == 3);
  CHECK(records.back()["data"]["scan"]["finished"] == "2026-11-26T07:14:50Z");
  std::map<std::string, size_t> types;
  std::string last_item;
  for (const auto& r : records) {
    REQUIRE(r.size() == 2);
    types[r["type"]]++;
    if (r["type"] == "item") last_item = r["data"]["id"];
    if (r["type"] == "finding") CHECK(r["data"]["item_id"] == last_item);  // findings follow their item
  }
  CHECK(types["item"] == fixture.items.size());
  CHECK(types["finding"] == fixture.findings.size());
  CHECK(types["error"] == 1);
  CHECK(!contains_raw_value(out));  // stdout is redacted
}

TEST_CASE("redaction: terminal stdout JSON and SARIF are redacted without --show-values", "[redaction]") {
  for (std::string format : {"table", "json", "jsonl", "sarif", "md", "csv", "html"}) {
    INFO(format);
    CHECK(!contains_raw_value(stdout_of(format, false)));
  }
  CHECK(contains_raw_value(stdout_of("json", true)));
  CHECK(contains_raw_value(stdout_of("table", true)));
}

TEST_CASE("redaction: report files keep values except SARIF and the terminal format", "[redaction]") {
  for (auto [format, keeps] : std::vector<std::pair<std::string, bool>>{
           {"json", true}, {"jsonl", true}, {"html", true}, {"md", true}, {"csv", true}, {"sarif", false}, {"table", false}}) {
    TempDir dir;
    ReportOptions o;
    o.output_path = (dir / ("report." + format)).string();
    auto reporter = make_reporter(format, o);
    REQUIRE(reporter);
    REQUIRE(render(test::fixture_record(), **reporter));
    std::string text = test::read_text(o.output_path);
    INFO(format);
    CHECK(contains_raw_value(text) == keeps);
  }
}

TEST_CASE("sarif: the fixture validates against the official SARIF 2.1.0 schema", "[sarif][schema]") {
  ReportOptions o;
  auto out = render_sarif(test::fixture_record(), o, "");
  auto r = validate(sarif_schema(), out.sarif);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
}

TEST_CASE("sarif: GitHub code scanning constraints", "[sarif]") {
  ReportOptions o;
  o.rules = {{"ai-training.unknown", "ai-training", "Unknown", "info", "No signal either way.", ""}};
  auto out = render_sarif(test::fixture_record(), o, "results/");
  json s = json::parse(out.sarif);
  CHECK(s["version"] == "2.1.0");
  REQUIRE(s["runs"].size() == 1);
  const json& run = s["runs"][0];
  std::set<std::string> ids;
  for (const auto& rule : run["tool"]["driver"]["rules"]) {
    CHECK(ids.insert(rule["id"]).second);  // unique
    CHECK(!rule["help"]["text"].get<std::string>().empty());
    CHECK(std::regex_match(rule["properties"]["security-severity"].get<std::string>(), std::regex(R"(\d+\.\d)")));
    CHECK(rule["shortDescription"]["text"].is_string());
  }
  CHECK(ids.count("ai-training.unknown") == 1);  // a rule that ran without findings is declared
  CHECK(ids.size() == 7);
  const auto& fixture = test::fixture_record();
  REQUIRE(run["results"].size() == fixture.findings.size());
  std::set<std::string> fingerprints;
  for (const auto& r : run["results"]) {
    CHECK(ids.count(r["ruleId"]) == 1);
    CHECK(run["tool"]["driver"]["rules"][r["ruleIndex"].get<size_t>()]["id"] == r["ruleId"]);
    std::string fp = r["partialFingerprints"]["exposcanFingerprint/v1"];
    CHECK(std::regex_match(fp, std::regex("[0-9a-f]{64}")));
    fingerprints.insert(fp);
    std::string uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    CHECK(uri.rfind("results/snapshots/", 0) == 0);
    CHECK(uri.find("..") == std::string::npos);
    CHECK(uri.find(':') == std::string::npos);
    CHECK(r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == r["properties"]["url"]);
    CHECK(r["properties"]["url"].get<std::string>().rfind("https://", 0) == 0);
    if (r["kind"] == "fail") CHECK(r["level"] != "none");
    else CHECK(r["level"] == "none");
  }
  CHECK(fingerprints.size() == fixture.findings.size());
  CHECK(run["automationDetails"]["id"].get<std::string>().rfind("exposcan/targets-", 0) == 0);
  CHECK(run["invocations"][0]["executionSuccessful"] == false);  // the fixture scan is incomplete
  CHECK(!contains_raw_value(out.sarif));
}

TEST_CASE("sarif: the automation id depends on the target set not its order", "[sarif]") {
  ReportOptions o;
  ScanRecord a = test::fixture_record(), b = a, c = a;
  std::reverse(b.scan.targets.begin(), b.scan.targets.end());
  c.scan.targets.pop_back();
  auto id = [&](const ScanRecord& r) {
    std::string full = json::parse(render_sarif(r, o, "").sarif)["runs"][0]["automationDetails"]["id"];
    return full.substr(0, full.rfind('/'));
  };
  CHECK(id(a) == id(b));
  CHECK(id(a) != id(c));
}

TEST_CASE("sarif: snapshot regions point at the redacted personal value", "[sarif]") {
  ReportOptions o;
  auto out = render_sarif(test::fixture_record(), o, "");
  std::map<std::string, std::string> snapshots(out.snapshots.begin(), out.snapshots.end());
  json s = json::parse(out.sarif);
  size_t checked = 0;
  for (const auto& r : s["runs"][0]["results"]) {
    if (r["ruleId"] != "ai-training.third-party") continue;
    const auto& loc = r["locations"][0]["physicalLocation"];
    std::string text = snapshots.at(loc["artifactLocation"]["uri"]);
    CHECK(!contains_raw_value(text));
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    const auto& region = loc["region"];
    std::string line = lines.at(region["startLine"].get<size_t>() - 1);
    size_t start = region["startColumn"].get<size_t>() - 1, end = region["endColumn"].get<size_t>() - 1;
    CHECK(line.substr(start, end - start) == "j***@example.org");  // ASCII line: columns are bytes
    ++checked;
  }
  CHECK(checked == 1);
}

TEST_CASE("sarif: the reporter writes snapshots beside the SARIF file with mode 0600", "[sarif]") {
  TempDir dir;
  ReportOptions o;
  o.output_path = (dir / "out" / "exposcan.sarif").string();
  auto reporter = make_sarif_reporter(o);
  REQUIRE(render(test::fixture_record(), *reporter));
  json s = json::parse(test::read_text(o.output_path));
  for (const auto& r : s["runs"][0]["results"]) {
    std::string uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    CHECK(std::filesystem::exists(dir / "out" / uri));
  }
}

TEST_CASE("sarif: the streamed report is the same document in any item order", "[sarif][spill]") {
  // The reporter writes results as items arrive and appends each ruleIndex at the end; a rule from
  // the catalog that sorts before the findings' rules shifts every index.
  TempDir dir;
  ScanRecord record = test::fixture_record();
  REQUIRE(record.findings.size() >= 2);
  ReportOptions o;
  o.rules = {RuleDescriptor{"0-first.catalog-rule", "pii", "Catalog rule", "high", "", ""}};
  // Each file is compared with the whole record rendered at once for the same output folder.
  auto check = [&](const ScanRecord& r, const std::string& name) {
    ReportOptions mine = o;
    mine.output_path = (dir / name / "exposcan.sarif").string();
    auto reporter = make_sarif_reporter(mine);
    REQUIRE(render(r, *reporter));
    std::string got = test::read_text(mine.output_path);
    CHECK(got == render_sarif(record, o, sarif_uri_prefix(mine.output_path)).sarif);
    return got;
  };
  const std::string want = check(record, "as-given");
  ScanRecord reversed = record;
  std::reverse(reversed.items.begin(), reversed.items.end());
  std::reverse(reversed.findings.begin(), reversed.findings.end());
  check(reversed, "reversed");
  std::mt19937 rng(11);
  ScanRecord shuffled = record;
  std::shuffle(shuffled.items.begin(), shuffled.items.end(), rng);
  check(shuffled, "shuffled");

  json s = json::parse(want);
  const auto& run = s["runs"][0];
  CHECK(run["tool"]["driver"]["rules"][0]["id"] == "0-first.catalog-rule");
  REQUIRE(run["results"].size() == record.findings.size());
  for (const auto& r : run["results"]) {
    size_t index = r["ruleIndex"];
    REQUIRE(index < run["tool"]["driver"]["rules"].size());
    CHECK(run["tool"]["driver"]["rules"][index]["id"] == r["ruleId"]);
    CHECK(index > 0);
  }
}

TEST_CASE("sarif: the URI prefix is the output folder relative to the working directory", "[sarif]") {
  auto cwd = std::filesystem::current_path();
  CHECK(sarif_uri_prefix("") == "");
  CHECK(sarif_uri_prefix("-") == "");
  CHECK(sarif_uri_prefix("exposcan.sarif") == "");
  CHECK(sarif_uri_prefix("results/exposcan.sarif") == "results/");
  CHECK(sarif_uri_prefix((cwd / "a" / "b" / "x.sarif").string()) == "a/b/");
  CHECK(sarif_uri_prefix("/somewhere/else/x.sarif") == "");
}

TEST_CASE("csv: RFC 4180 quoting and formula cells defused", "[csv]") {
  std::string csv = render_csv(test::fixture_record(), true);
  CHECK(csv.find("\r\n") != std::string::npos);
  std::istringstream in(csv);
  std::string header;
  std::getline(in, header);
  CHECK(header.rfind("item_id,platform,kind,url,published_at,visibility,verdict,severity,", 0) == 0);
  CHECK(csv.find("\"robots.txt lets 2 AI training crawlers fetch this profile (GPTBot is blocked). | No use reservation (TDMRep, aipref, noai) applies.\"") != std::string::npos);
  ScanRecord r = test::fixture_record();
  r.findings[0].title = "=HYPERLINK(\"x\")";
  std::string hostile = render_csv(r, true);
  CHECK(hostile.find(",\"'=HYPERLINK(\"\"x\"\")\",") != std::string::npos);
}

TEST_CASE("csv markdown and html: the streamed file is the same in any item order", "[csv][markdown][html][spill]") {
  // The writers keep rows and sections on disk and sort them at the end: the file must not depend
  // on the order items arrive in, and must be what the whole record renders to at once. A finding
  // whose item the record lacks is kept too.
  ScanRecord record = test::fixture_record();
  REQUIRE(record.findings.size() >= 2);
  Finding orphan = record.findings.front();
  orphan.item_id = "zz-missing-item";
  orphan.fingerprint = "orphan";
  record.findings.push_back(orphan);
  std::mt19937 rng(5);
  for (const std::string format : {"csv", "md", "html"}) {
    auto whole = [&](const ScanRecord& r) {
      if (format == "csv") return render_csv(r, true);
      if (format == "md") return render_markdown(r, true);
      return render_html(r, true);
    };
    const std::string want = whole(record);
    const std::string n = std::to_string(record.findings.size());
    if (format == "csv") CHECK(want.find("zz-missing-item") != std::string::npos);
    if (format == "md") CHECK(want.find("## Findings (" + n + ")") != std::string::npos);
    if (format == "html") CHECK(want.find("<h2>Findings (" + n + ")</h2>") != std::string::npos);
    for (int round = 0; round < 3; ++round) {
      ScanRecord shuffled = record;
      if (round == 0) std::reverse(shuffled.items.begin(), shuffled.items.end());
      if (round > 0) std::shuffle(shuffled.items.begin(), shuffled.items.end(), rng);
      std::shuffle(shuffled.findings.begin(), shuffled.findings.end(), rng);
      INFO(format << " round " << round);
      CHECK(whole(shuffled) == want);
      // Through the reporter (items only, as the pipeline feeds it) to a 0600 file.
      TempDir dir;
      ReportOptions o;
      o.output_path = (dir / ("report." + format)).string();
      auto reporter = make_reporter(format, o);
      REQUIRE(reporter);
      REQUIRE(render(shuffled, **reporter));
      ScanRecord without_orphan = record;
      without_orphan.findings.pop_back();
      CHECK(test::read_text(o.output_path) == whole(without_orphan));
    }
  }
}

TEST_CASE("html: items are ordered by verdict and severity and rows link to their item", "[html]") {
  ScanRecord record = test::fixture_record();
  std::string html = render_html(record, true);
  // Every row's link names an article that exists, and articles are numbered in page order.
  std::regex href("href=\"#(item-[0-9]+)\"");
  std::set<std::string> targets;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator(); ++it)
    targets.insert((*it)[1]);
  REQUIRE(!targets.empty());
  for (const auto& t : targets) CHECK(html.find("id=\"" + t + "\"") != std::string::npos);
  size_t previous = 0;
  for (size_t n = 1; n <= targets.size(); ++n) {
    size_t at = html.find("<article class=\"item iv-", previous);
    REQUIRE(at != std::string::npos);
    CHECK(html.find("id=\"item-" + std::to_string(n) + "\"", at) == html.find("id=\"", at));
    previous = at + 1;
  }
  // The first article is the most consequential item: a trainable one.
  CHECK(html.find("<article class=\"item iv-trainable\"") == html.find("<article class=\"item iv-"));
}

TEST_CASE("markdown: page text cannot inject markup", "[markdown]") {
  std::string md = render_markdown(test::fixture_record(), true);
  CHECK(md.find("### =Garden notes \\| tomatoes, \"beans\" & \\<b\\>more\\</b\\>") != std::string::npos);
  CHECK(md.find("<b>") == std::string::npos);
  CHECK(md.find("**3 of your 5 public items can be used to train AI; 3 carry your personal data.**") != std::string::npos);
}

TEST_CASE("terminal: the streamed summary does not depend on the order items arrive in", "[terminal][summary]") {
  // The reporter keeps the counts and the top findings, not the scan; ties rank in report order
  // and the AI crawlers are listed in the order the findings name them in report order.
  ScanRecord record = test::fixture_record();
  ScanRecord sorted = record;
  sort_record(sorted);
  const std::string want = render_terminal(sorted, ReportOptions{});
  CHECK(render_terminal(record, ReportOptions{}) == want);
  auto through_reporter = [](const ScanRecord& r) {
    TempDir dir;
    ReportOptions o;
    o.output_path = (dir / "summary.txt").string();
    auto reporter = make_reporter("table", o);
    REQUIRE(reporter);
    REQUIRE(render(r, **reporter));
    return test::read_text(o.output_path);
  };
  CHECK(through_reporter(sorted) == want);
  ScanRecord items_reversed = record;
  std::reverse(items_reversed.items.begin(), items_reversed.items.end());
  std::reverse(items_reversed.findings.begin(), items_reversed.findings.end());
  CHECK(through_reporter(items_reversed) == want);
  // Only the top 3 are kept, and the rest are counted.
  const std::string top3 = render_terminal(items_reversed, ReportOptions{}, 3);
  CHECK(top3.find("more findings in the report") != std::string::npos);
  CHECK(top3.substr(0, top3.find("Top findings")) == want.substr(0, want.find("Top findings")));
}

TEST_CASE("summary: agents are listed in report order whatever order findings arrive in", "[summary]") {
  auto finding = [](std::string item, std::vector<std::string> agents) {
    Finding f;
    f.item_id = std::move(item);
    f.rule_id = "ai-training.third-party";
    f.verdict = Verdict::trainable;
    for (auto& a : agents) {
      AgentAssessment as;
      as.agent = std::move(a);
      as.fetch = AgentState::allowed;
      f.agents.push_back(std::move(as));
    }
    return f;
  };
  // Report order: item-a (GPTBot) before item-b (CCBot, then GPTBot).
  const Finding a = finding("item-a", {"GPTBot"}), b = finding("item-b", {"CCBot", "GPTBot"});
  SummaryBuilder in_order, reversed;
  in_order.add_findings(std::span<const Finding>(&a, 1));
  in_order.add_findings(std::span<const Finding>(&b, 1));
  reversed.add_findings(std::span<const Finding>(&b, 1));
  reversed.add_findings(std::span<const Finding>(&a, 1));
  CHECK(in_order.summary().agent_order == std::vector<std::string>{"GPTBot", "CCBot"});
  CHECK(reversed.summary().agent_order == std::vector<std::string>{"GPTBot", "CCBot"});
}

TEST_CASE("terminal: colours only when asked and NO_COLOR turns them off", "[terminal]") {
  ReportOptions o;
  CHECK(render_terminal(test::fixture_record(), o).find("\x1b[") == std::string::npos);
  o.color = true;
  CHECK(render_terminal(test::fixture_record(), o).find("\x1b[1;31m") == std::string::npos);  // no critical finding
  CHECK(render_terminal(test::fixture_record(), o).find("\x1b[31mHIGH") != std::string::npos);
  ::setenv("NO_COLOR", "1", 1);
  CHECK(!terminal_colors_wanted(STDOUT_FILENO));
  ::setenv("NO_COLOR", "", 1);
  CHECK(terminal_colors_wanted(STDOUT_FILENO) == (isatty(STDOUT_FILENO) == 1));
  ::unsetenv("NO_COLOR");
}

TEST_CASE("reporters: every format is in the factory and unknown ones are refused", "[reporters]") {
  CHECK(report_formats() == std::vector<std::string>{"table", "json", "jsonl", "sarif", "html", "md", "csv"});
  auto bad = make_reporter("xml", {});
  REQUIRE(!bad);
  CHECK(bad.error().message == "unknown report format 'xml'");
}
