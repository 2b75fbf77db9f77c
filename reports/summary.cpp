#include "reports/summary.h"

#include <algorithm>
#include <set>

#include "reports/item_credit.h"
#include "reports/spill_list.h"

namespace exposcan {

ItemCounts& ItemCounts::operator+=(const ItemCounts& o) {
  items += o.items;
  public_items += o.public_items;
  trainable_items += o.trainable_items;
  trainable_with_personal_data += o.trainable_with_personal_data;
  return *this;
}

ItemCounts ItemCounts::operator-(const ItemCounts& o) const {
  return {items - o.items, public_items - o.public_items, trainable_items - o.trainable_items,
          trainable_with_personal_data - o.trainable_with_personal_data};
}

ItemCounts ReportSummary::all() const { return {items, public_items, trainable_items, trainable_with_personal_data}; }

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

bool decides_over(const Finding& f, const Finding* current) {
  return !current || verdict_rank(f.verdict) > verdict_rank(current->verdict) ||
         (verdict_rank(f.verdict) == verdict_rank(current->verdict) && f.severity > current->severity);
}

std::map<std::string, const Finding*> deciding_findings(const ScanRecord& record) {
  std::map<std::string, const Finding*> top;
  for (const auto& f : record.findings) {
    auto& t = top[f.item_id];
    if (decides_over(f, t)) t = &f;
  }
  return top;
}

void SummaryBuilder::add_findings(std::span<const Finding> findings) {
  ReportSummary& s = m_summary;
  for (const auto& f : findings) {
    ++s.findings;
    s.per_severity[std::string(to_string(f.severity))]++;
    if (f.verdict != Verdict::trainable) continue;
    std::string key;
    for (size_t i = 0; i < f.agents.size(); ++i) {
      if (f.agents[i].fetch != AgentState::allowed) continue;
      if (key.empty()) key = sort_key({f.item_id, f.rule_id, f.fingerprint});
      FirstSeen seen{key, i, m_seq++};
      auto [it, inserted] = m_agents.emplace(f.agents[i].agent, seen);
      if (!inserted && seen < it->second) it->second = seen;
    }
  }
}

void SummaryBuilder::add_item(const Item& item, std::span<const Finding* const> findings) {
  ReportSummary& s = m_summary;
  const Finding* top = nullptr;
  bool pd = false;
  std::set<std::string> agents;
  for (const Finding* f : findings) {
    if (decides_over(*f, top)) top = f;
    pd = pd || !f->matches.empty();
    if (f->verdict == Verdict::trainable)
      for (const auto& a : f->agents)
        if (a.fetch == AgentState::allowed) agents.insert(a.agent);
  }
  std::string verdict = top ? std::string(to_string(top->verdict)) : "unknown";
  s.per_platform_verdict[item.platform][verdict]++;
  const bool trainable = top && top->verdict == Verdict::trainable;
  const ItemCounts counts{1, item.visibility == Visibility::public_ || item.visibility == Visibility::unlisted ? 1u : 0u,
                          trainable ? 1u : 0u, trainable && pd ? 1u : 0u};
  s.items += counts.items;
  s.public_items += counts.public_items;
  s.trainable_items += counts.trainable_items;
  s.trainable_with_personal_data += counts.trainable_with_personal_data;
  if (pd) ++s.items_with_personal_data;
  switch (item_credit(item, findings)) {
    case ItemCredit::person: m_unrecognised[item.platform].person_seen = true; break;
    case ItemCredit::uncredited: break;
    case ItemCredit::shared: m_shared += counts; break;
    case ItemCredit::other: m_unrecognised[item.platform].counts += counts; break;
  }
  for (const auto& a : agents) s.trainable_per_agent[a]++;
  if (item.published_at) {
    auto& m = s.items_per_month[format_date(*item.published_at).substr(0, 7)];
    ++m.total;
    if (trainable) ++m.trainable;
  } else {
    ++s.items_without_date;
  }
}

const ReportSummary& SummaryBuilder::summary() const {
  std::vector<std::pair<const FirstSeen*, const std::string*>> order;
  for (const auto& [agent, seen] : m_agents) order.emplace_back(&seen, &agent);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
  m_summary.agent_order.clear();
  for (const auto& [_, agent] : order) m_summary.agent_order.push_back(*agent);
  m_summary.by_others = m_shared;
  for (const auto& [_, u] : m_unrecognised)
    if (u.person_seen) m_summary.by_others += u.counts;
  return m_summary;
}

void SummaryBuilder::add(const Item& item, std::span<const Finding> findings) {
  add_findings(findings);
  std::vector<const Finding*> own;
  for (const auto& f : findings) own.push_back(&f);
  add_item(item, own);
}

ReportSummary summarize(const ScanRecord& record) {
  SummaryBuilder builder;
  builder.add_findings(record.findings);
  std::map<std::string, std::vector<const Finding*>> by_item;
  for (const auto& f : record.findings) by_item[f.item_id].push_back(&f);
  static const std::vector<const Finding*> k_none;
  for (const auto& item : record.items) {
    auto it = by_item.find(item.id);
    builder.add_item(item, it == by_item.end() ? k_none : it->second);
  }
  return builder.summary();
}

}  // namespace exposcan
