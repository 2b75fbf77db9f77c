// rules/agent_catalog.h — the AI agents exposcan assesses, from the `ai-agents` pack (`agents:`).
//
// Each agent is a robots.txt product token with its operator, purpose (training, search,
// user-triggered, other), whether it honours robots.txt (yes / no / unknown) and which other
// machine-readable signals it is documented to honour (`honours:`; e.g. Bing and `noarchive`).
// Facts are data with a source, so they can be corrected without a release. Immutable after load.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"

namespace YAML {
class Node;
}

namespace exposcan {

namespace yaml {
struct Where;
}

// Signals an agent may be documented to honour.
inline constexpr std::string_view k_agent_signals[] = {"robots.txt", "noai",     "noimageai",      "noarchive",
                                                       "nocache",    "tdmrep",   "content-usage", "content-signal",
                                                       "ai.txt"};

struct AgentInfo {
  std::string token;
  std::string operator_name;
  std::string purpose;         // training, search, user-triggered, other
  std::string honours_robots;  // yes, no, unknown
  std::vector<std::string> honours;  // signals from k_agent_signals
  bool major = false;                // listed first in reasons
  std::string description;
  std::string source;

  bool honours_signal(std::string_view signal) const;
  bool training() const { return purpose == "training"; }
};

class AgentCatalog {
 public:
  // Appends the `agents:` list of a pack; duplicate tokens (ASCII case-insensitive) are errors.
  Status add(const YAML::Node& agents, const yaml::Where& where);
  const std::vector<AgentInfo>& agents() const { return m_agents; }
  const AgentInfo* find(std::string_view token) const;
  bool empty() const { return m_agents.empty(); }

 private:
  std::vector<AgentInfo> m_agents;
};

}  // namespace exposcan
