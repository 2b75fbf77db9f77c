// rules/finding.h — the verdict on one item: what rules owns and every reporter reads.
//
// A Finding says whether an item can be used to train AI, by whom, why (reasons in plain words),
// what personal data it carries (matches with byte spans into a named Item field) and the
// evidence behind it. Every field is always present in reports ([] or null when empty).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace exposcan {

enum class Severity { info = 0, low = 1, medium = 2, high = 3, critical = 4 };
enum class Verdict { trainable, not_trainable, unknown, not_public, could_not_check };
enum class AgentState { allowed, blocked, unknown };

std::string_view to_string(Severity s);
std::string_view to_string(Verdict v);
std::string_view to_string(AgentState s);
std::optional<Severity> severity_from_string(std::string_view s);
std::optional<Verdict> verdict_from_string(std::string_view s);

// One piece of personal data (or identity reference) found in an item field.
struct Match {
  std::string type;     // "email", "phone", "identity", "postal_address", ...
  std::string subtype;  // e.g. "us_ssn", "name", "handle"; may be empty
  std::string field;    // the Item field (see parsers/item.h for_each_text_field)
  size_t start = 0;     // byte offsets into that field's text
  size_t end = 0;
  std::string value;  // raw value; reporters redact unless told otherwise
  double score = 1.0;
  std::string rule_id;
};

// What one AI agent may do with an item and which signal decided it.
struct AgentAssessment {
  std::string agent;     // robots.txt product token, e.g. "GPTBot"
  std::string operator_name;
  std::string purpose;   // "training", "search", "user-triggered", ...
  bool honours_robots = true;
  std::string robots_compliance;  // "yes", "no", "unknown": documented to honour robots.txt
  AgentState fetch = AgentState::unknown;  // robots.txt verdict for this agent
  std::string fetch_signal;                // "robots.txt line 4: Disallow: /" or "no robots.txt (404)"
  AgentState use = AgentState::unknown;    // machine-readable use reservations (aipref, TDMRep, ...)
  std::string use_signal;
  bool use_signal_honoured = false;  // the agent is documented to honour the signal that blocks use
};

// A first-party policy that covers the item (e.g. Meta trains on public adult content).
struct PolicyRef {
  std::string id;
  std::string platform;
  std::string title;
  std::string jurisdiction;  // where it applies to this person ("EU", "US", ...)
  std::string since;         // date it started there (YYYY-MM-DD)
  std::string user_control;  // setting or form to object with
  std::string source;        // URL or citation
};

struct Evidence {
  std::string url;
  int status = 0;
  std::optional<TimePoint> fetched_at;
  std::string sha256;
};

struct Finding {
  std::string rule_id;
  std::string pack;
  std::string pack_version;
  std::string title;
  Severity severity = Severity::info;
  std::string confidence;  // "high", "medium", "low"
  Verdict verdict = Verdict::unknown;
  std::vector<std::string> reasons;
  std::string item_id;
  std::string platform;
  std::string url;
  std::vector<Match> matches;
  std::vector<AgentAssessment> agents;  // AI agents that may take the item (allowed fetch)
  std::optional<PolicyRef> policy;
  Evidence evidence;
  std::string remediation;
  std::vector<std::string> tags;
  std::string fingerprint;  // HMAC-SHA256(key, rule ‖ item id ‖ field ‖ normalised value)
  std::string diff;         // "new", "unchanged", "changed", "resolved", "unchecked"; empty = no baseline
};

}  // namespace exposcan
