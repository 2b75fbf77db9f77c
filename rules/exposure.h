// rules/exposure.h — the AI-signal evaluation of one item: who may fetch it, who may use it,
// which first-party policy covers it. Computed once per item and read by condition rules.
//
// Per agent of the `ai-agents` pack: *fetch* from robots.txt (RFC 9309 engine, scanner/robots.h)
// on the item's path — no robots.txt (4xx) or no matching group means allowed, unreachable means
// blocked, not fetched means unknown; *use* from the machine-readable reservations, most
// restrictive wins and no signal is unknown, never permission: meta robots / X-Robots-Tag
// (`noai`, `noimageai` for items with images, `noarchive`/`nocache` for agents that document
// them), TDMRep (tdmrep.json, then the header, then meta: later carriers override earlier ones,
// a missing value never resets), aipref Content-Usage (header and robots.txt rules), Cloudflare
// Content-Signal (header and robots.txt), Spawning ai.txt. A reservation stops an agent only when
// the agent is documented to honour it; otherwise it is reported as an opt-out that is present
// but not honoured. Agents documented to ignore robots.txt are listed apart and never count as
// "allowed". Pure function of its inputs; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "parsers/item.h"
#include "rules/agent_catalog.h"
#include "rules/finding.h"
#include "rules/identity.h"
#include "rules/policies.h"
#include "scanner/page.h"

namespace exposcan {

struct Exposure {
  bool page_ok = false;
  bool reachable = false;
  std::string robots_state = "not_checked";  // rules, unavailable, unreachable, not_checked
  std::string robots_note;
  std::vector<AgentAssessment> agents;  // every catalogue agent, catalogue order

  std::vector<std::string> agents_allowed;    // robots.txt lets it fetch (any purpose)
  std::vector<std::string> training_allowed;  // training agents (robots compliance yes/unknown) that may take it
  std::vector<std::string> training_blocked;
  std::vector<std::string> training_unknown;
  std::vector<std::string> noncompliant;      // training agents documented to ignore robots.txt
  std::vector<std::string> search_allowed;
  std::vector<std::string> optout_signals;    // "noai", "noimageai", "tdm-reservation", ...
  std::vector<std::string> optout_ignored_by;
  std::vector<std::string> optout_honoured_by;

  // Page-level signals as resolved for this item.
  std::vector<std::string> directives;  // meta robots / X-Robots-Tag for all agents
  std::optional<int> tdm_reservation;
  std::string tdm_policy, tdm_source;
  std::string content_usage_train_ai, content_usage_search;  // header: "y", "n", "unknown"; "" absent
  std::string content_signal_ai_train, content_signal_ai_input, content_signal_search;  // "yes"/"no"
  std::string ai_txt;  // "allowed", "disallowed", "" when absent or not recognised

  PolicyMatch policy;

  const AgentAssessment* agent(std::string_view token) const;
};

Exposure assess_exposure(const Item& item, const Page& page, const AgentCatalog& agents, const PolicyBase& policies,
                         const Identity& identity, TimePoint now);

// The page was obtained: no fetch error and a 2xx status, or an offline / 304-revalidated copy.
bool page_obtained(const Page& page);

}  // namespace exposcan
