// `exposcan rules list|validate|test` run as a process. `rules validate` prints the loader's
// "file:line: rule-id: message" for each broken pack: one test per error kind, word for word.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "core/version.h"
#include "tests/support/test_support.h"

using exposcan::test::run_process;
using exposcan::test::TempDir;

namespace {

// A valid pack: a detector for a custom match type and a condition rule on its matches.
const std::string k_pack = R"(pack: custom
version: 1.0.0
min_exposcan_version: 0.1.0
rules:
  - id: custom.ticket
    kind: pattern
    title: Ticket number
    description: A support ticket number.
    severity: low
    confidence: high
    tags: [contact]
    references: []
    remediation: Remove it.
    type: ticket
    keywords: [tkt-]
    patterns: ['(?i)(TKT-\d{6})']
    tests:
      positive: ["see TKT-123456"]
      negative: ["see TKT-12"]
  - id: custom.has-ticket
    kind: condition
    title: Item shows a ticket number
    description: An item that shows a ticket number.
    severity: info
    confidence: medium
    tags: []
    references: []
    remediation: Remove the number.
    verdict: unknown
    if: {field: matches.ticket, op: count_gte, value: 1}
    reasons: ["It shows {matches.ticket}."]
    tests:
      positive: [{matches.ticket: [TKT-123456]}]
      negative: [{matches.ticket: []}]
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

// Validates `text` as one pack file; returns stderr after checking the exit code and the summary.
std::string validate_error(const std::string& text) {
  TempDir dir;
  const std::string path = dir.write("pack.yaml", text);
  auto r = run_process({EXPOSCAN_BIN, "rules", "validate", path});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  const std::string summary = "exposcan: error: 1 of 1 rule pack is invalid\n";
  REQUIRE(r.err.size() > summary.size());
  CHECK(r.err.substr(r.err.size() - summary.size()) == summary);
  std::string first = r.err.substr(0, r.err.size() - summary.size());
  // The message with the temp folder cut from the file name, so expectations read like the docs.
  REQUIRE(first.rfind(path, 0) == 0);
  for (size_t at = first.find(path); at != std::string::npos; at = first.find(path, at))
    first.replace(at, path.size(), "pack.yaml");
  return first;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

}  // namespace

TEST_CASE("rules validate accepts a valid pack and says what it holds", "[rules-cli]") {
  TempDir dir;
  const std::string path = dir.write("custom.yaml", k_pack);
  auto r = run_process({EXPOSCAN_BIN, "rules", "validate", path});
  CHECK(r.exit_code == 0);
  CHECK(r.out == path + ": ok (pack custom 1.0.0, 2 rules)\n");
  CHECK(r.err.empty());
}

TEST_CASE("rules validate: bad YAML names the line", "[rules-cli]") {
  CHECK(validate_error(replace(k_pack, "    title: Ticket number", "    title: [Ticket number")) ==
        "pack.yaml:8: invalid YAML: end of sequence flow not found\n");
  CHECK(validate_error(replace(k_pack, "version: 1.0.0", "\tversion: 1.0.0")) ==
        "pack.yaml:2: invalid YAML: illegal tab when looking for indentation\n");
}

TEST_CASE("rules validate: an unknown key names the rule and suggests the right one", "[rules-cli]") {
  CHECK(validate_error(replace(k_pack, "    keywords:", "    keyword:")) ==
        "pack.yaml:15: custom.ticket: unknown key 'keyword' (did you mean 'keywords'?)\n");
  CHECK(validate_error(replace(k_pack, "pack: custom", "pack: custom\nauthor: me")) ==
        "pack.yaml:2: unknown key 'author'\n");
}

TEST_CASE("rules validate: a missing required field", "[rules-cli]") {
  CHECK(validate_error(replace(k_pack, "    remediation: Remove it.\n", "")) ==
        "pack.yaml:5: custom.ticket: missing required field 'remediation'\n");
  CHECK(validate_error(replace(k_pack, "    verdict: unknown\n", "")) ==
        "pack.yaml:20: custom.has-ticket: missing required field 'verdict'\n");
}

TEST_CASE("rules validate: a bad severity lists the allowed values", "[rules-cli]") {
  CHECK(validate_error(replace(k_pack, "severity: low", "severity: severe")) ==
        "pack.yaml:9: custom.ticket: severity must be one of info, low, medium, high, critical (got 'severe')\n");
}

TEST_CASE("rules validate: an invalid regex names the rule and the pattern", "[rules-cli]") {
  CHECK(validate_error(replace(k_pack, R"('(?i)(TKT-\d{6})')", R"('(?i)(TKT-\d{6}')")) ==
        "pack.yaml:16: custom.ticket: invalid regular expression in patterns[0]: missing ): (?i)(TKT-\\d{6}\n");
}

TEST_CASE("rules validate: a bad op in a condition lists the ops", "[rules-cli]") {
  CHECK(validate_error(replace(k_pack, "op: count_gte", "op: atleast")) ==
        "pack.yaml:30: custom.has-ticket: unknown op 'atleast' (expected one of eq, ne, in, exists, matches, "
        "contains_any, gt, lt, before, after, count_gte)\n");
}

TEST_CASE("rules validate: a duplicate rule id points at the first definition", "[rules-cli]") {
  CHECK(validate_error(replace(k_pack, "id: custom.has-ticket", "id: custom.ticket")) ==
        "pack.yaml:20: custom.ticket: duplicate rule id (first defined at pack.yaml:5)\n");
  // Ids are unique across every loaded pack, the built-in ones included.
  CHECK(validate_error(replace(k_pack, "id: custom.has-ticket", "id: pii.email")).find(
            "pack.yaml:20: pii.email: duplicate rule id (first defined at builtin:pii.yaml:") == 0);
}

TEST_CASE("rules validate: versions must be semantic versions", "[rules-cli]") {
  CHECK(validate_error(replace(k_pack, "version: 1.0.0", "version: 1.0")) ==
        "pack.yaml:2: version must be a semantic version like 1.2.3 (got '1.0')\n");
  CHECK(validate_error(replace(k_pack, "min_exposcan_version: 0.1.0", "min_exposcan_version: 0.1")) ==
        "pack.yaml:3: min_exposcan_version must be a semantic version like 0.1.0 (got '0.1')\n");
}

TEST_CASE("rules validate: a pack that needs a newer exposcan", "[rules-cli]") {
  CHECK(validate_error(replace(k_pack, "min_exposcan_version: 0.1.0", "min_exposcan_version: 99.0.0")) ==
        "pack.yaml:3: pack 'custom' needs exposcan 99.0.0 or newer (this is " + std::string(exposcan::k_version) +
            ")\n");
}

TEST_CASE("rules validate checks every file and then all of them together", "[rules-cli]") {
  TempDir dir;
  const std::string good = dir.write("good.yaml", k_pack);
  const std::string bad = dir.write("bad.yaml", replace(k_pack, "severity: low", "severity: severe"));
  const std::string missing = (dir / "missing.yaml").string();
  auto r = run_process({EXPOSCAN_BIN, "rules", "validate", good, bad, missing});
  CHECK(r.exit_code == 2);
  CHECK(r.out == good + ": ok (pack custom 1.0.0, 2 rules)\n");
  CHECK(r.err == bad + ":9: custom.ticket: severity must be one of info, low, medium, high, critical (got 'severe')\n" +
                     "cannot read " + missing + ": No such file or directory\n" +
                     "exposcan: error: 2 of 3 rule packs are invalid\n");

  const std::string copy = dir.write("copy.yaml", k_pack);
  r = run_process({EXPOSCAN_BIN, "rules", "validate", good, copy});
  CHECK(r.exit_code == 2);
  CHECK(r.err == copy + ":1: duplicate pack id 'custom' (also in " + good + ")\n" +
                     "exposcan: error: the rule packs are valid one by one but not together\n");
}

TEST_CASE("rules validate without a file is a usage error", "[rules-cli]") {
  auto r = run_process({EXPOSCAN_BIN, "rules", "validate"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("packs is required") != std::string::npos);
}

TEST_CASE("rules test passes for every shipped rule", "[rules-cli]") {
  auto r = run_process({EXPOSCAN_BIN, "rules", "test"});
  CHECK(r.exit_code == 0);
  auto list = run_process({EXPOSCAN_BIN, "rules", "list", "--format", "json"});
  REQUIRE(list.exit_code == 0);
  const size_t rules = nlohmann::json::parse(list.out).size();
  auto out = lines(r.out);
  REQUIRE(out.size() == 1);
  INFO(r.out);
  CHECK(out[0].find(" examples of " + std::to_string(rules) + " rules in 6 packs passed") != std::string::npos);
  CHECK(std::stoi(out[0]) > 150);
}

TEST_CASE("rules test runs the examples of added packs and lists each failure", "[rules-cli]") {
  TempDir dir;
  const std::string failing = dir.write("failing.yaml",
                                    replace(replace(k_pack, R"(negative: ["see TKT-12"])", R"(negative: ["see TKT-123456"])"),
                                            "positive: [{matches.ticket: [TKT-123456]}]", "positive: [{matches.ticket: []}]"));
  auto r = run_process({EXPOSCAN_BIN, "rules", "test", failing});
  CHECK(r.exit_code == 1);
  auto out = lines(r.out);
  REQUIRE(out.size() == 3);
  CHECK(out[0] == failing + ":19: custom.ticket: tests.negative[0]: unexpected match \"TKT-123456\" in \"see TKT-123456\"");
  CHECK(out[1] == failing + ":33: custom.has-ticket: tests.positive[0]: the rule did not fire");
  CHECK(out[2].find(" examples failed (2 of ") != std::string::npos);
  CHECK(out[2].rfind("2 of ", 0) == 0);

  // The same pack through --rules and through the config's rules.packs.
  auto via_flag = run_process({EXPOSCAN_BIN, "rules", "test", "--rules", failing});
  CHECK(via_flag.exit_code == 1);
  CHECK(via_flag.out == r.out);
  const std::string config = dir.write("exposcan.yaml", "rules:\n  packs: [failing.yaml]\n");
  auto via_config = run_process({EXPOSCAN_BIN, "rules", "test", "-c", config});
  CHECK(via_config.exit_code == 1);
  CHECK(via_config.out == r.out);
}

TEST_CASE("rules test on a pack that does not load is a rule error", "[rules-cli]") {
  TempDir dir;
  const std::string bad = dir.write("bad.yaml", replace(k_pack, "    keywords:", "    keyword:"));
  auto r = run_process({EXPOSCAN_BIN, "rules", "test", bad});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "exposcan: error: " + bad + ":15: custom.ticket: unknown key 'keyword' (did you mean 'keywords'?)\n");
}

TEST_CASE("rules list shows id pack severity and title of every rule", "[rules-cli]") {
  TempDir dir;
  const std::string pack = dir.write("custom.yaml", k_pack);
  auto r = run_process({EXPOSCAN_BIN, "rules", "list", pack});
  REQUIRE(r.exit_code == 0);
  auto out = lines(r.out);
  REQUIRE(out.size() > 3);
  std::istringstream header(out[0]);
  std::vector<std::string> columns{std::istream_iterator<std::string>(header), {}};
  CHECK(columns == std::vector<std::string>{"ID", "PACK", "SEVERITY", "TITLE"});
  std::map<std::string, std::string> rows;
  for (size_t i = 1; i + 1 < out.size(); ++i) rows[out[i].substr(0, out[i].find(' '))] = out[i];
  auto row_words = [&](const std::string& id) {
    std::istringstream in(rows.at(id));
    return std::vector<std::string>{std::istream_iterator<std::string>(in), {}};
  };
  CHECK(row_words("pii.email") == std::vector<std::string>{"pii.email", "pii", "medium", "E-mail", "address"});
  CHECK(row_words("custom.ticket") == std::vector<std::string>{"custom.ticket", "custom", "low", "Ticket", "number"});
  CHECK(rows.count("ai-training.third-party") == 1);
  CHECK(out.back() == std::to_string(rows.size()) + " rules in 7 packs");
}

TEST_CASE("rules list --format json", "[rules-cli]") {
  auto r = run_process({EXPOSCAN_BIN, "rules", "list", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.is_array());
  std::set<std::string> ids, packs;
  for (const auto& rule : j) {
    ids.insert(rule.at("id").get<std::string>());
    packs.insert(rule.at("pack").get<std::string>());
    CHECK_FALSE(rule.at("title").get<std::string>().empty());
    CHECK(std::set<std::string>{"info", "low", "medium", "high", "critical"}.count(rule.at("severity")) == 1);
    CHECK(std::set<std::string>{"pattern", "identity", "condition"}.count(rule.at("kind")) == 1);
  }
  CHECK(ids.size() == j.size());
  CHECK(packs == std::set<std::string>{"pii", "special-category", "identity", "ai-training"});
  CHECK(ids.count("pii.phone") == 1);
  CHECK(ids.count("identity.name") == 1);

  auto bad = run_process({EXPOSCAN_BIN, "rules", "list", "--format", "xml"});
  CHECK(bad.exit_code == 2);
}
