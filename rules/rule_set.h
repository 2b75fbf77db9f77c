// rules/rule_set.h — every loaded pack compiled into one immutable set: what RuleEngine runs.
//
// load_rule_set() reads packs in two passes: the first parses each YAML document, checks the pack
// header (id, semver version, min_exposcan_version) and collects the match types pattern rules
// declare (they become `matches.<type>` condition fields); the second compiles rules and data
// sections (agents, regions, policies). Errors are "file:line: rule-id: message" (pack-level ones
// "file:line: message"). The result is immutable and shared by every evaluating thread.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/expected.h"
#include "rules/agent_catalog.h"
#include "rules/condition_rule.h"
#include "rules/detector_set.h"
#include "rules/field_view.h"
#include "rules/identity.h"
#include "rules/identity_matcher.h"
#include "rules/pack_info.h"
#include "rules/pack_source.h"
#include "rules/policies.h"

namespace exposcan {

struct LoadedPack {
  PackInfo info;
  std::optional<Identity> test_identity;  // `test_identity:`, for identity rules' examples
  std::vector<size_t> identity_rules;     // indices into RuleSet::identity_rules
};

struct RuleSet {
  std::vector<LoadedPack> packs;
  std::shared_ptr<FieldSchema> schema = std::make_shared<FieldSchema>();  // heap: FieldViews point to it
  DetectorSet detectors;
  std::vector<IdentityRule> identity_rules;
  std::vector<ConditionRule> conditions;  // pack order, then file order
  AgentCatalog agents;
  PolicyBase policies;
  std::map<std::string, std::string> type_category;  // match type -> personal-data category

  const LoadedPack* pack(std::string_view id) const;
};

// Default categories of the built-in match types.
std::string default_category(std::string_view type);

Expected<RuleSet> load_rule_set(const std::vector<PackSource>& sources);

}  // namespace exposcan
