// Every shipped pack validates against rules/pack.schema.json, and the schema rejects broken packs.
#include <catch2/catch.hpp>

#include "../support/test_support.h"
#include "json_schema_lite.h"
#include "rules/engine.h"
#include "rules/field_view.h"

using namespace exposcan;

namespace {

test::SchemaLite schema() {
  return test::SchemaLite(nlohmann::json::parse(test::read_text(test::source_dir() / "rules" / "pack.schema.json")));
}

std::vector<std::string> errors_for(const std::string& yaml) { return schema().validate(test::yaml_to_json(YAML::Load(yaml))); }

}  // namespace

TEST_CASE("every shipped pack matches the JSON Schema", "[schema]") {
  auto s = schema();
  for (const auto& pack : builtin_packs()) {
    INFO(pack.name);
    auto errors = s.validate(test::yaml_to_json(YAML::Load(pack.text)));
    for (const auto& e : errors) UNSCOPED_INFO(e);
    CHECK(errors.empty());
  }
}

TEST_CASE("the schema rejects what the loader rejects structurally", "[schema]") {
  const std::string good = R"(pack: t
version: 1.0.0
min_exposcan_version: 0.1.0
rules:
  - {id: t.a, kind: pattern, title: A, description: D, severity: low, confidence: high, tags: [], references: [],
     remediation: R, type: email, patterns: ['(x)'], tests: {positive: [x], negative: [y]}}
)";
  CHECK(errors_for(good).empty());
  auto bad = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    text.replace(text.find(from), from.size(), to);
    return errors_for(text);
  };
  CHECK_FALSE(bad("severity: low", "severity: severe").empty());
  CHECK_FALSE(bad("version: 1.0.0", "version: 1.0").empty());
  CHECK_FALSE(bad("type: email,", "type: email, verdict: trainable,").empty());
  CHECK_FALSE(bad("tests: {positive: [x], negative: [y]}", "tests: {positive: [x]}").empty());
  CHECK_FALSE(bad("remediation: R, ", "").empty());
  CHECK_FALSE(bad("kind: pattern", "kind: regex").empty());
}

TEST_CASE("every condition field is documented in docs/rule-packs.md", "[schema][docs]") {
  const std::string doc = test::read_text(test::source_dir() / "docs" / "rule-packs.md");
  FieldSchema schema;
  for (const auto& f : schema.defs()) {
    INFO(f.name);
    CHECK(doc.find("`" + f.name + "`") != std::string::npos);
  }
}
