// rules/policies.h — first-party AI-training policies (pack `platform-policies`) and which one
// covers an item for this person.
//
// A policy names the platform (platform names and hosts), whether and what it trains on (item
// kinds, public only, adults only), and per jurisdiction the start date, the user control and
// notes; `regions:` groups countries (EU = the EU/EEA states, ...). Matching uses the item's host
// or platform and kind, the identity's jurisdiction (or country) and adulthood, and the scan date.
// Outcomes: in_scope, out_of_scope (with why), unknown (a fact about the person is missing or the
// knowledge base has nothing for the jurisdiction) and none (no policy, or the platform does not
// train). Immutable after load; match() is const and thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "core/time.h"
#include "parsers/item.h"
#include "rules/finding.h"
#include "rules/identity.h"

namespace YAML {
class Node;
}

namespace exposcan {

namespace yaml {
struct Where;
}

struct PolicyJurisdiction {
  std::string region;  // "EU", "UK", "US", "BR", ..., or "other" for everywhere not listed
  std::string since;   // YYYY-MM-DD, YYYY-MM or YYYY; empty = date unknown (in force)
  bool trains = true;
  std::string user_control;
  std::string note;
};

struct PlatformPolicy {
  std::string id;
  std::string platform;  // "Meta (Facebook, Instagram, Threads)"
  std::string title;
  std::string trainer;   // who trains: "Meta", "Google and OpenAI (licensed)", ...
  std::string content;   // what it trains on, in words
  std::vector<std::string> platforms, hosts, trains_on, excludes, user_controls, sources;
  bool trains = true;
  bool adults_only = false;
  bool public_only = true;
  std::vector<PolicyJurisdiction> jurisdictions;
  std::string checked;
  std::string note;
};

// A value: it copies what it refers to, so it outlives the engine that produced it.
struct PolicyMatch {
  std::string status = "none";  // in_scope, out_of_scope, unknown, none
  std::optional<PlatformPolicy> policy;
  std::optional<PolicyJurisdiction> entry;
  std::string jurisdiction;  // the person's, as resolved
  std::string note;
  std::optional<PolicyRef> ref() const;  // set whenever a policy was found
};

class PolicyBase {
 public:
  Status add_policies(const YAML::Node& policies, const yaml::Where& where);
  Status add_regions(const YAML::Node& regions, const yaml::Where& where);
  const std::vector<PlatformPolicy>& policies() const { return m_policies; }

  const PlatformPolicy* find_for(const Item& item) const;
  // identity.jurisdiction, else the region group of identity.country, else the country; "" unknown.
  std::string jurisdiction_for(const Identity& identity) const;
  PolicyMatch match(const Item& item, const Identity& identity, TimePoint now) const;

 private:
  std::vector<PlatformPolicy> m_policies;
  std::map<std::string, std::vector<std::string>> m_regions;
  bool in_region(std::string_view jurisdiction, std::string_view region) const;
};

// "2024-09" → 2024-09-01; "2024" → 2024-01-01; nullopt when not a date.
std::optional<TimePoint> parse_policy_date(std::string_view text);

}  // namespace exposcan
