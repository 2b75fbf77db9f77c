#include "rules/site_files.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "scanner/robots.h"
#include "scanner/robots_pattern.h"

namespace exposcan {

TdmRule tdmrep_lookup(std::string_view tdmrep_json, std::string_view path_and_query) {
  TdmRule out;
  auto doc = nlohmann::json::parse(tdmrep_json, nullptr, false);
  if (doc.is_discarded() || !doc.is_array()) {
    out.file_valid = false;
    return out;
  }
  const std::string path = canonical_robots_path(path_and_query.empty() ? "/" : path_and_query);
  for (const auto& rule : doc) {
    if (!rule.is_object() || !rule.contains("location") || !rule["location"].is_string()) continue;
    const std::string location = rule["location"].get<std::string>();
    RobotsPattern pattern(location);
    if (!pattern.usable() || !pattern.matches(path)) continue;
    out.found = true;
    out.location = location;
    if (rule.contains("tdm-reservation")) {
      const auto& r = rule["tdm-reservation"];
      if (r.is_number_integer() && (r.get<int>() == 0 || r.get<int>() == 1)) out.reservation = r.get<int>();
      if (r.is_string() && (r.get<std::string>() == "0" || r.get<std::string>() == "1"))
        out.reservation = r.get<std::string>() == "1" ? 1 : 0;
    }
    if (rule.contains("tdm-policy") && rule["tdm-policy"].is_string()) out.policy = rule["tdm-policy"].get<std::string>();
    return out;  // first match wins
  }
  return out;
}

bool ai_txt_recognised(std::string_view body) {
  size_t agents = 0, rules = 0;
  for (auto raw : split(body, '\n')) {
    std::string_view line = raw;
    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty() || line == "/") continue;  // Spawning's generator writes stray "/" lines
    auto colon = line.find(':');
    if (colon == std::string_view::npos) return false;
    std::string key = ascii_lower(trim(line.substr(0, colon)));
    if (key == "user-agent") ++agents;
    else if (key == "allow" || key == "disallow") ++rules;
    else return false;
  }
  return agents > 0 && rules > 0;
}

AiTxtVerdict ai_txt_lookup(std::string_view body, std::string_view agent, std::string_view path_and_query) {
  AiTxtVerdict out;
  if (!ai_txt_recognised(body)) return out;
  out.recognised = true;
  const RobotsTxt rules = RobotsTxt::parse(body);
  const RobotsDecision d = rules.check(agent, path_and_query.empty() ? "/" : path_and_query);
  if (d.rule) {
    out.matched = true;
    out.allowed = d.allowed;
    out.rule = *d.rule;
    out.line = d.line.value_or(0);
  }
  return out;
}

}  // namespace exposcan
