// scanner/robots_json.cpp — the JSON line `exposcan robots` prints for one verdict (DESIGN §4).
#include <nlohmann/json.hpp>

#include "scanner/robots.h"

namespace exposcan {

std::string robots_decision_json(std::string_view agent, std::string_view url,
                                 const RobotsDecision& decision) {
  nlohmann::ordered_json j;
  j["agent"] = std::string(agent);
  j["url"] = std::string(url);
  j["allowed"] = decision.allowed;
  j["rule"] = decision.rule ? nlohmann::ordered_json(*decision.rule) : nlohmann::ordered_json(nullptr);
  j["line"] = decision.line ? nlohmann::ordered_json(*decision.line) : nlohmann::ordered_json(nullptr);
  // Invalid UTF-8 (a rule copied from a non-UTF-8 file) becomes U+FFFD instead of throwing.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace exposcan
