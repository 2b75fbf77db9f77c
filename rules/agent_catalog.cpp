#include "rules/agent_catalog.h"

#include <algorithm>

#include "core/text.h"
#include "rules/yaml_util.h"

namespace exposcan {

bool AgentInfo::honours_signal(std::string_view signal) const {
  if (signal == "robots.txt") return honours_robots == "yes";
  return std::find(honours.begin(), honours.end(), signal) != honours.end();
}

const AgentInfo* AgentCatalog::find(std::string_view token) const {
  for (const auto& a : m_agents)
    if (iequals(a.token, token)) return &a;
  return nullptr;
}

Status AgentCatalog::add(const YAML::Node& agents, const yaml::Where& where) {
  if (!agents.IsSequence()) return yaml::error_at(where, agents, "agents must be a list");
  for (const auto& n : agents) {
    if (auto s = yaml::check_mapping(n, "agent",
                                     {"token", "operator", "purpose", "honours_robots", "honours", "major",
                                      "description", "source"},
                                     where);
        !s)
      return s;
    for (const char* k : {"token", "operator", "purpose", "honours_robots"})
      if (auto s = yaml::require(n, k, where); !s) return s;
    AgentInfo a;
    auto token = yaml::scalar(n["token"], "token", where);
    if (!token) return token.error();
    a.token = *token;
    yaml::Where w{where.file, "agent " + a.token};
    if (find(a.token)) return yaml::error_at(w, n["token"], "duplicate agent token");
    for (auto [key, out] : {std::pair<const char*, std::string*>{"operator", &a.operator_name}, {"purpose", &a.purpose},
                            {"honours_robots", &a.honours_robots}, {"description", &a.description},
                            {"source", &a.source}}) {
      if (!n[key].IsDefined()) continue;
      auto v = yaml::scalar(n[key], key, w);
      if (!v) return v.error();
      *out = *v;
    }
    if (a.purpose != "training" && a.purpose != "search" && a.purpose != "user-triggered" && a.purpose != "other")
      return yaml::error_at(w, n["purpose"],
                            "purpose must be one of training, search, user-triggered, other (got '" + a.purpose + "')");
    if (a.honours_robots != "yes" && a.honours_robots != "no" && a.honours_robots != "unknown")
      return yaml::error_at(w, n["honours_robots"],
                            "honours_robots must be yes, no or unknown (got '" + a.honours_robots + "')");
    auto honours = yaml::string_list(n["honours"], "honours", w);
    if (!honours) return honours.error();
    for (const auto& h : *honours) {
      if (std::find(std::begin(k_agent_signals), std::end(k_agent_signals), h) == std::end(k_agent_signals))
        return yaml::error_at(w, n["honours"], "unknown signal '" + h +
                                                   "' (known: robots.txt, noai, noimageai, noarchive, nocache, "
                                                   "tdmrep, content-usage, content-signal, ai.txt)");
      if (h == "robots.txt")
        return yaml::error_at(w, n["honours"], "robots.txt compliance belongs in honours_robots, not honours");
      a.honours.push_back(h);
    }
    if (n["major"].IsDefined()) {
      auto b = yaml::boolean(n["major"], "major", w);
      if (!b) return b.error();
      a.major = *b;
    }
    m_agents.push_back(std::move(a));
  }
  std::stable_partition(m_agents.begin(), m_agents.end(), [](const AgentInfo& a) { return a.major; });
  return {};
}

}  // namespace exposcan
