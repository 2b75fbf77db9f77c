// The shipped packs: they load, every rule's own examples pass, and the data sections are sane.
#include <catch2/catch.hpp>

#include <algorithm>

#include "rules/engine.h"

using namespace exposcan;

namespace {

RuleEngine load_builtin() {
  EngineOptions o;
  o.fingerprint_key = "test-key";
  o.now = *parse_date("2026-11-01");
  auto engine = RuleEngine::load(builtin_packs(), o);
  if (!engine) FAIL(engine.error().message);
  return std::move(*engine);
}

}  // namespace

TEST_CASE("the embedded packs load", "[packs]") {
  auto packs = builtin_packs();
  std::vector<std::string> names;
  for (const auto& p : packs) names.push_back(p.name);
  for (const char* want : {"builtin:pii.yaml", "builtin:special-category.yaml", "builtin:identity.yaml",
                           "builtin:ai-agents.yaml", "builtin:platform-policies.yaml", "builtin:ai-training.yaml"})
    CHECK(std::find(names.begin(), names.end(), want) != names.end());
  RuleEngine engine = load_builtin();
  REQUIRE(engine.packs().size() == packs.size());
  for (const auto& info : engine.packs()) {
    CHECK(info.sha256.size() == 64);
    CHECK_FALSE(info.version.empty());
  }
}

TEST_CASE("run_rule_tests passes for every shipped rule", "[packs]") {
  RuleEngine engine = load_builtin();
  auto failures = engine.run_rule_tests();
  for (const auto& f : failures) UNSCOPED_INFO(f.rule_id << ": " << f.message);
  CHECK(failures.empty());
  CHECK(engine.rules().size() > 30);
}
