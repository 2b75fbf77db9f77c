#include "reports/signals_text.h"

namespace exposcan {

std::vector<std::string> page_signal_lines(const Item& item) {
  std::vector<std::string> out;
  if (!item.signals) return out;
  const PageSignals& s = *item.signals;
  for (const auto& d : s.robots) {
    std::string where = d.source == "header" ? "X-Robots-Tag header" : "meta robots tag";
    out.push_back(where + ": " + d.name + (d.agent.empty() ? "" : " (for " + d.agent + ")"));
  }
  if (s.tdm_reservation)
    out.push_back(std::string("TDMRep: tdm-reservation ") + std::to_string(*s.tdm_reservation) +
                  (s.tdm_policy.empty() ? "" : ", policy " + s.tdm_policy));
  for (const auto& v : s.content_usage) out.push_back("Content-Usage: " + v);
  for (const auto& v : s.content_signal) out.push_back("Content-Signal: " + v);
  for (const auto& v : s.licenses) out.push_back("licence: " + v);
  return out;
}

std::vector<std::string> agent_signal_lines(const Finding& finding) {
  std::vector<std::string> out;
  for (const auto& a : finding.agents) {
    std::string line = a.agent;
    if (!a.operator_name.empty()) line += " (" + a.operator_name + ")";
    line += ": fetch " + std::string(to_string(a.fetch));
    if (!a.fetch_signal.empty()) line += " — " + a.fetch_signal;
    if (a.use != AgentState::unknown || !a.use_signal.empty()) {
      line += "; use " + std::string(to_string(a.use));
      if (!a.use_signal.empty()) line += " — " + a.use_signal;
    }
    if (!a.honours_robots) line += " (not documented to honour robots.txt)";
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace exposcan
