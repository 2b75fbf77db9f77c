// Loader errors: one test per error kind, each message asserted word for word (file:line: rule-id:
// message), since `exposcan rules validate` prints them as they are.
#include <catch2/catch.hpp>

#include "core/version.h"
#include "rules/engine.h"

using namespace exposcan;

namespace {

const std::string k_pattern_pack = R"(pack: test
version: 1.0.0
min_exposcan_version: 0.1.0
rules:
  - id: test.email
    kind: pattern
    title: E-mail
    description: An address.
    severity: medium
    confidence: high
    tags: [contact]
    references: [RFC 5322]
    remediation: Remove it.
    type: email
    keywords: ["@"]
    patterns: ['([a-z]+@[a-z]+\.[a-z]{2,})']
    tests:
      positive: ["mail a@b.org"]
      negative: ["no mail"]
)";

const std::string k_condition_pack = R"(pack: verdicts
version: 2.1.0-rc.1
min_exposcan_version: 0.1.0
rules:
  - id: verdicts.public
    kind: condition
    title: Public
    description: Public items.
    severity: low
    confidence: high
    tags: []
    references: []
    remediation: None.
    verdict: trainable
    if:
      all:
        - {field: item.visibility, op: eq, value: public}
        - {field: exposure.training_agents_allowed, op: count_gte, value: 1}
    reasons: ["robots.txt lets {exposure.training_agents_allowed} fetch it"]
    tests:
      positive: [{item.visibility: public, exposure.training_agents_allowed: [CCBot]}]
      negative: [{item.visibility: login-wall}]
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

// The load error for `text` loaded as "pack.yaml" (empty when it loads).
std::string load_error(const std::string& text) {
  auto e = RuleEngine::load({{"pack.yaml", text}}, EngineOptions{});
  return e ? std::string() : e.error().message;
}

}  // namespace

TEST_CASE("valid packs load and are recorded with version and hash", "[loader]") {
  auto e = RuleEngine::load({{"pack.yaml", k_pattern_pack}, {"verdicts.yaml", k_condition_pack}}, EngineOptions{});
  REQUIRE(e);
  REQUIRE(e->packs().size() == 2);
  CHECK(e->packs()[0].id == "test");
  CHECK(e->packs()[0].version == "1.0.0");
  CHECK(e->packs()[1].version == "2.1.0-rc.1");
  CHECK(e->packs()[0].sha256.size() == 64);
  auto rules = e->rules();
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].id == "test.email");
  CHECK(rules[0].kind == "pattern");
  CHECK(rules[0].severity == "medium");
  CHECK(rules[1].id == "verdicts.public");
  CHECK(e->run_rule_tests().empty());
}

TEST_CASE("bad YAML names the file and line", "[loader]") {
  CHECK(load_error(replace(k_pattern_pack, "    title: E-mail", "    title: [E-mail")) ==
        "pack.yaml:8: invalid YAML: end of sequence flow not found");
  CHECK(load_error("pack: x\n\tversion: 1\n") == "pack.yaml:2: invalid YAML: illegal tab when looking for indentation");
}

TEST_CASE("an unknown key is an error with a suggestion", "[loader]") {
  CHECK(load_error(replace(k_pattern_pack, "    keywords:", "    keyword:")) ==
        "pack.yaml:15: test.email: unknown key 'keyword' (did you mean 'keywords'?)");
  CHECK(load_error(replace(k_pattern_pack, "pack: test", "pack: test\nauthor: me")) ==
        "pack.yaml:2: unknown key 'author'");
  // keys of another kind are unknown too
  CHECK(load_error(replace(k_pattern_pack, "    type: email", "    type: email\n    verdict: trainable")) ==
        "pack.yaml:15: test.email: unknown key 'verdict'");
}

TEST_CASE("a missing required field names the rule and the field", "[loader]") {
  CHECK(load_error(replace(k_pattern_pack, "    remediation: Remove it.\n", "")) ==
        "pack.yaml:5: test.email: missing required field 'remediation'");
  CHECK(load_error(replace(k_pattern_pack, "    tests:\n      positive: [\"mail a@b.org\"]\n      negative: [\"no mail\"]\n", "")) ==
        "pack.yaml:5: test.email: missing required field 'tests'");
  CHECK(load_error(replace(k_pattern_pack, "      negative: [\"no mail\"]\n", "")) ==
        "pack.yaml:18: test.email: tests.negative must be a non-empty list of examples");
  CHECK(load_error(replace(k_pattern_pack, "  - id: test.email\n    kind:", "  - kind:")) ==
        "pack.yaml:5: rules[0]: missing required field 'id'");
  CHECK(load_error(replace(k_pattern_pack, "version: 1.0.0\n", "")) == "pack.yaml:1: missing required field 'version'");
}

TEST_CASE("a bad severity lists the allowed values", "[loader]") {
  CHECK(load_error(replace(k_pattern_pack, "severity: medium", "severity: severe")) ==
        "pack.yaml:9: test.email: severity must be one of info, low, medium, high, critical (got 'severe')");
  CHECK(load_error(replace(k_pattern_pack, "confidence: high", "confidence: certain")) ==
        "pack.yaml:10: test.email: confidence must be one of high, medium, low (got 'certain')");
}

TEST_CASE("an invalid regex names the rule and the pattern", "[loader]") {
  CHECK(load_error(replace(k_pattern_pack, "'([a-z]+@", "'((?P<x[a-z]+@")) ==
        "pack.yaml:16: test.email: invalid regular expression in patterns[0]: invalid named capture group: "
        "(?P<x[a-z]+@[a-z]+\\.[a-z]{2,})");
  CHECK(load_error(replace(k_pattern_pack, "'([a-z]+@[a-z]+\\.[a-z]{2,})'", "'[a-z]+@[a-z]+'")) ==
        "pack.yaml:16: test.email: patterns[0] must have exactly one capture group (the value), found 0");
  // too big for the per-pattern memory budget: an error, not a silent non-match
  CHECK(load_error(replace(k_pattern_pack, "'([a-z]+@[a-z]+\\.[a-z]{2,})'", "'(\\pL{1000}\\pL{1000}\\pL{1000}\\pL{1000}@)'")) ==
        "pack.yaml:16: test.email: invalid regular expression in patterns[0]: pattern too large - compile failed");
}

TEST_CASE("a bad op or field in a condition is an error", "[loader]") {
  CHECK(load_error(replace(k_condition_pack, "op: eq", "op: equals")) ==
        "pack.yaml:17: verdicts.public: unknown op 'equals' (expected one of eq, ne, in, exists, matches, "
        "contains_any, gt, lt, before, after, count_gte)");
  CHECK(load_error(replace(k_condition_pack, "field: item.visibility", "field: item.visiblity")) ==
        "pack.yaml:17: verdicts.public: unknown field 'item.visiblity' (did you mean 'item.visibility'?)");
  CHECK(load_error(replace(k_condition_pack, "op: count_gte", "op: gt")) ==
        "pack.yaml:18: verdicts.public: op 'gt' does not apply to list field 'exposure.training_agents_allowed'");
  CHECK(load_error(replace(k_condition_pack, "op: eq, value: public}", "op: eq}")) ==
        "pack.yaml:17: verdicts.public: missing required field 'value'");
  CHECK(load_error(replace(k_condition_pack, "      all:\n", "      every:\n")) ==
        "pack.yaml:16: verdicts.public: a condition must have exactly one of all, any, not or field");
  CHECK(load_error(replace(k_condition_pack, "{exposure.training_agents_allowed} fetch", "{exposure.agents} fetch")) ==
        "pack.yaml:19: verdicts.public: reason: unknown field 'exposure.agents' in text");
  CHECK(load_error(replace(k_condition_pack, "verdict: trainable", "verdict: maybe")) ==
        "pack.yaml:14: verdicts.public: verdict must be one of trainable, not_trainable, unknown, not_public, "
        "could_not_check (got 'maybe')");
  CHECK(load_error(replace(k_condition_pack, "[{item.visibility: login-wall}]", "[{item.visible: no}]")) ==
        "pack.yaml:22: verdicts.public: unknown field 'item.visible'");
}

TEST_CASE("a duplicate rule id points at the first definition", "[loader]") {
  auto two = RuleEngine::load({{"a.yaml", k_pattern_pack}, {"b.yaml", replace(k_pattern_pack, "pack: test", "pack: other")}},
                              EngineOptions{});
  REQUIRE_FALSE(two);
  CHECK(two.error().message == "b.yaml:5: test.email: duplicate rule id (first defined at a.yaml:5)");
  auto packs = RuleEngine::load({{"a.yaml", k_pattern_pack}, {"b.yaml", k_pattern_pack}}, EngineOptions{});
  REQUIRE_FALSE(packs);
  CHECK(packs.error().message == "b.yaml:1: duplicate pack id 'test' (also in a.yaml)");
}

TEST_CASE("versions must be semantic versions, and not newer than exposcan", "[loader]") {
  CHECK(load_error(replace(k_pattern_pack, "version: 1.0.0", "version: 1.0")) ==
        "pack.yaml:2: version must be a semantic version like 1.2.3 (got '1.0')");
  CHECK(load_error(replace(k_pattern_pack, "version: 1.0.0", "version: 01.0.0")) ==
        "pack.yaml:2: version must be a semantic version like 1.2.3 (got '01.0.0')");
  CHECK(load_error(replace(k_pattern_pack, "min_exposcan_version: 0.1.0", "min_exposcan_version: 99.0.0")) ==
        std::string("pack.yaml:3: pack 'test' needs exposcan 99.0.0 or newer (this is ") + k_version + ")");
  CHECK(load_error(replace(k_pattern_pack, "min_exposcan_version: 0.1.0", "min_exposcan_version: 0.1")) ==
        "pack.yaml:3: min_exposcan_version must be a semantic version like 0.1.0 (got '0.1')");
}

TEST_CASE("unknown kinds, validators and detectors are errors", "[loader]") {
  CHECK(load_error(replace(k_pattern_pack, "kind: pattern", "kind: regex")) ==
        "pack.yaml:6: test.email: kind must be one of pattern, identity, condition (got 'regex')");
  CHECK(load_error(replace(k_pattern_pack, "    type: email", "    type: email\n    validators: [lunh]")).rfind(
            "pack.yaml:15: test.email: unknown validator 'lunh' (known: email, luhn, card, iban,", 0) == 0);
  CHECK(load_error(replace(k_pattern_pack, "    patterns:", "    detector: fax\n    patterns:")) ==
        "pack.yaml:16: test.email: unknown detector 'fax' (known: phone)");
}

TEST_CASE("a positive example without a keyword is caught at load", "[loader]") {
  // the prefilter would skip the example, so the rule could never fire on it
  CHECK(load_error(replace(k_pattern_pack, "keywords: [\"@\"]", "keywords: [\"mailto\"]")) ==
        "pack.yaml:18: test.email: tests.positive[0] contains none of the keywords, so the prefilter would skip it");
}

TEST_CASE("failing rule examples are reported by run_rule_tests", "[loader]") {
  auto e = RuleEngine::load({{"pack.yaml", replace(k_pattern_pack, "negative: [\"no mail\"]", "negative: [\"x@y.org\"]")}},
                            EngineOptions{});
  REQUIRE(e);
  auto failures = e->run_rule_tests();
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].rule_id == "test.email");
  CHECK(failures[0].message == "tests.negative[0]: unexpected match \"x@y.org\" in \"x@y.org\"");
  CHECK(failures[0].file == "pack.yaml");
  CHECK(failures[0].line == 19);
  auto c = RuleEngine::load(
      {{"v.yaml", replace(k_condition_pack, "positive: [{item.visibility: public, exposure.training_agents_allowed: [CCBot]}]",
                          "positive: [{item.visibility: public, exposure.training_agents_allowed: []}]")}},
      EngineOptions{});
  REQUIRE(c);
  failures = c->run_rule_tests();
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].message == "tests.positive[0]: the rule did not fire");
  CHECK(failures[0].file == "v.yaml");
  CHECK(failures[0].line == 21);
}
