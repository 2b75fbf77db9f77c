#include "reports/summary.h"

#include "reports/reporter.h"

#include <set>

namespace exposcan {
namespace {

int verdict_rank(Verdict v) {
  switch (v) {
    case Verdict::trainable: return 4;
    case Verdict::not_public: return 3;
    case Verdict::could_not_check: return 2;
    case Verdict::unknown: return 1;
    case Verdict::not_trainable: return 0;
  }
  return 0;
}

}  // namespace

Status render(const ScanRecord& record, Reporter& reporter) {
  reporter.begin(record.scan);
  std::map<std::string, std::vector<Finding>> by_item;
  for (const auto& f : record.findings) by_item[f.item_id].push_back(f);
  for (const auto& item : record.items) {
    auto it = by_item.find(item.id);
    if (it == by_item.end()) {
      reporter.item(item, {});
    } else {
      reporter.item(item, it->second);
    }
  }
  return reporter.end(record.scan);
}

ReportSummary summarize(const ScanRecord& record) {
  ReportSummary s;
  std::map<std::string, const Finding*> top;  // item id -> most consequential finding
  std::map<std::string, bool> has_pd;
  std::map<std::string, std::set<std::string>> agents;
  std::set<std::string> ordered;
  for (const auto& f : record.findings) {
    s.per_severity[std::string(to_string(f.severity))]++;
    auto& t = top[f.item_id];
    if (!t || verdict_rank(f.verdict) > verdict_rank(t->verdict)) t = &f;
    if (!f.matches.empty()) has_pd[f.item_id] = true;
    if (f.verdict == Verdict::trainable)
      for (const auto& a : f.agents)
        if (a.fetch == AgentState::allowed) {
          agents[f.item_id].insert(a.agent);
          if (ordered.insert(a.agent).second) s.agent_order.push_back(a.agent);
        }
  }
  for (const auto& item : record.items) {
    ++s.items;
    if (item.visibility == Visibility::public_ || item.visibility == Visibility::unlisted) ++s.public_items;
    auto it = top.find(item.id);
    std::string verdict = it == top.end() ? "unknown" : std::string(to_string(it->second->verdict));
    s.per_platform_verdict[item.platform][verdict]++;
    bool trainable = it != top.end() && it->second->verdict == Verdict::trainable;
    bool pd = has_pd.count(item.id) > 0;
    if (trainable) ++s.trainable_items;
    if (pd) ++s.items_with_personal_data;
    if (trainable && pd) ++s.trainable_with_personal_data;
    for (const auto& a : agents[item.id]) s.trainable_per_agent[a]++;
  }
  return s;
}

}  // namespace exposcan
