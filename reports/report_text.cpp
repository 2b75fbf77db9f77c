#include "reports/report_text.h"

#include <set>
#include <tuple>


namespace exposcan {

std::string verdict_label(Verdict v) {
  switch (v) {
    case Verdict::trainable: return "Can be used to train AI";
    case Verdict::not_trainable: return "Not usable for AI training";
    case Verdict::unknown: return "Unknown";
    case Verdict::not_public: return "Not public";
    case Verdict::could_not_check: return "Could not check";
  }
  return "Unknown";
}

std::string match_label(const Match& m) {
  std::string label = m.type == "identity" ? (m.subtype.empty() ? "your identity" : "your " + m.subtype)
                      : m.type == "phone"  ? "phone number"
                                           : m.type;
  for (char& c : label)
    if (c == '_') c = ' ';
  return label;
}

std::string match_summary(const std::vector<Match>& matches, bool show_values, size_t max) {
  std::vector<std::string> parts;
  std::set<std::string> seen;
  size_t distinct = 0;
  std::set<std::tuple<std::string, size_t, size_t>> identity_spans;
  for (const auto& m : matches)
    if (m.type == "identity") identity_spans.emplace(m.field, m.start, m.end);
  for (const auto& m : matches) {
    if (m.type != "identity" && identity_spans.count({m.field, m.start, m.end})) continue;
    std::string p = match_label(m) + " " + shown_value(m, show_values);
    if (!seen.insert(p).second) continue;
    ++distinct;
    if (parts.size() < max) parts.push_back(p);
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  if (distinct > parts.size()) out += ", …";
  return out;
}

std::vector<std::string> match_categories(const std::vector<Match>& matches) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  std::set<std::tuple<std::string, size_t, size_t>> identity_spans;
  for (const auto& m : matches)
    if (m.type == "identity") identity_spans.emplace(m.field, m.start, m.end);
  for (const auto& m : matches) {
    if (m.type != "identity" && identity_spans.count({m.field, m.start, m.end})) continue;
    if (seen.insert(match_label(m)).second) out.push_back(match_label(m));
  }
  return out;
}

std::string others_sentence(const ItemCounts& by_others) {
  return "Also on your pages: " + std::to_string(by_others.public_items) + " public item(s) by others, " +
         std::to_string(by_others.trainable_items) + " of them trainable; they are not counted as yours.";
}

std::string allowed_agents(const Finding& f) {
  std::string out;
  for (const auto& a : f.agents)
    if (a.fetch == AgentState::allowed) out += (out.empty() ? "" : ", ") + a.agent;
  return out;
}

std::string time_text(const std::optional<TimePoint>& t) { return t ? format_rfc3339(*t) : std::string(); }
std::string date_text(const std::optional<TimePoint>& t) { return t ? format_date(*t) : std::string(); }

std::vector<std::string> what_to_do(const Finding& f) {
  std::vector<std::string> out;
  if (!f.remediation.empty()) out.push_back(f.remediation);
  if (f.policy && !f.policy->user_control.empty() && f.policy->user_control != "none" &&
      f.remediation.find(f.policy->user_control) == std::string::npos)
    out.push_back("Object with " + f.policy->user_control + "; keep the date you sent it (objections act forward only).");
  switch (f.verdict) {
    case Verdict::trainable:
      out.push_back("Change the item's audience (followers only or private), or delete it if you no longer want it public.");
      if (!f.matches.empty()) out.push_back("Remove the personal data it shows (edit the text or profile fields).");
      break;
    case Verdict::could_not_check:
      if (f.remediation.empty()) out.push_back("Save the page in your browser and scan the saved file.");
      break;
    default: break;
  }
  return out;
}

}  // namespace exposcan
