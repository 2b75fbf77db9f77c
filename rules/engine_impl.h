// rules/engine_impl.h — RuleEngine's shared immutable state (internal to rules).
#pragma once

#include <memory>

#include "rules/engine.h"
#include "rules/exposure.h"
#include "rules/identity_matcher.h"
#include "rules/phone_detector.h"
#include "rules/rule_set.h"

namespace exposcan {

struct RuleEngine::Impl {
  EngineOptions options;
  RuleSet set;
  std::vector<PackInfo> pack_infos;
  std::shared_ptr<const PhoneDetector> phones;
  IdentityMatcher identity;                 // the configured identity
  std::vector<IdentityMatcher> test_identity;  // per pack (same order as set.packs), for rule tests
};

// The flattened condition fields of one item (rules/field_view.h).
FieldView build_field_view(const RuleEngine::Impl& impl, const Item& item, const Page& page, const Exposure& exposure,
                           const RuleEngine::PersonalData& data);

}  // namespace exposcan
