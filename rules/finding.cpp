#include "rules/finding.h"

namespace exposcan {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::low: return "low";
    case Severity::medium: return "medium";
    case Severity::high: return "high";
    case Severity::critical: return "critical";
  }
  return "info";
}

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::trainable: return "trainable";
    case Verdict::not_trainable: return "not_trainable";
    case Verdict::unknown: return "unknown";
    case Verdict::not_public: return "not_public";
    case Verdict::could_not_check: return "could_not_check";
  }
  return "unknown";
}

std::string_view to_string(AgentState s) {
  switch (s) {
    case AgentState::allowed: return "allowed";
    case AgentState::blocked: return "blocked";
    case AgentState::unknown: return "unknown";
  }
  return "unknown";
}

std::optional<Severity> severity_from_string(std::string_view s) {
  for (auto v : {Severity::info, Severity::low, Severity::medium, Severity::high, Severity::critical})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::optional<Verdict> verdict_from_string(std::string_view s) {
  for (auto v : {Verdict::trainable, Verdict::not_trainable, Verdict::unknown, Verdict::not_public,
                 Verdict::could_not_check})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

}  // namespace exposcan
