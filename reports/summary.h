// reports/summary.h — the counts every human-facing report starts with, and the per-item
// verdict the reports agree on.
#pragma once

#include <map>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "reports/scan_record.h"

namespace exposcan {

struct MonthCount {
  size_t trainable = 0;
  size_t total = 0;
};

// Counts of one group of items.
struct ItemCounts {
  size_t items = 0;
  size_t public_items = 0;
  size_t trainable_items = 0;
  size_t trainable_with_personal_data = 0;

  ItemCounts& operator+=(const ItemCounts& o);
  ItemCounts operator-(const ItemCounts& o) const;
};

struct ReportSummary {
  size_t items = 0;
  size_t public_items = 0;
  size_t trainable_items = 0;               // items with at least one trainable finding
  size_t items_with_personal_data = 0;      // items with at least one match
  size_t trainable_with_personal_data = 0;
  size_t findings = 0;
  std::map<std::string, std::map<std::string, size_t>> per_platform_verdict;  // platform -> verdict -> items
  std::map<std::string, size_t> trainable_per_agent;  // agent -> trainable items it may take
  std::vector<std::string> agent_order;  // the same agents, in the order findings list them in report order (major first)
  std::map<std::string, size_t> per_severity;          // severity -> findings
  std::map<std::string, MonthCount> items_per_month;   // "YYYY-MM" (published) -> items
  size_t items_without_date = 0;
  // Items by others that the person's pages show (others' comments and replies, posts the person
  // shared; reports/item_credit.h). Counted in every count above, which are every item's.
  ItemCounts by_others;

  ItemCounts all() const;
  // The person's own items: what the headline counts ("N of your M public items ...").
  ItemCounts yours() const { return all() - by_others; }
};

// How consequential a verdict is: trainable > not_public > could_not_check > unknown >
// not_trainable. An item's verdict is its highest-ranked finding's.
int verdict_rank(Verdict v);
// True when `f` decides an item's verdict rather than `current` (none yet: null).
bool decides_over(const Finding& f, const Finding* current);

// item id -> the finding that decides the item's verdict (see verdict_rank; ties: higher severity).
std::map<std::string, const Finding*> deciding_findings(const ScanRecord& record);

ReportSummary summarize(const ScanRecord& record);

// The same counts built one item at a time, for reports streamed to disk: add(item, findings)
// with every finding of the item (the ones about items the report does not show can be given with
// add_findings). Items may come in any order: agent_order follows the findings' report order
// (item id, rule id, fingerprint) whatever order they arrive in. Memory: the agents seen, not the
// items.
class SummaryBuilder {
 public:
  void add_findings(std::span<const Finding> findings);
  // Per-item counts; `findings` are the item's own (counted by add_findings separately).
  void add_item(const Item& item, std::span<const Finding* const> findings);
  void add(const Item& item, std::span<const Finding> findings);
  // `item` null: findings whose item the report does not hold (add_findings alone).
  void add(const Item* item, std::span<const Finding> findings) { item ? add(*item, findings) : add_findings(findings); }
  const ReportSummary& summary() const;

 private:
  // Where an agent is first listed: the finding's report-order key, the agent's place in the
  // finding's list, and the arrival count (equal keys keep arrival order).
  struct FirstSeen {
    std::string key;
    size_t index = 0;
    uint64_t seq = 0;
    bool operator<(const FirstSeen& o) const { return std::tie(key, index, seq) < std::tie(o.key, o.index, o.seq); }
  };
  // Per platform: the items credited to an author the identity does not recognise, and whether
  // it recognised the person as the author of any item there (then those are others').
  struct Unrecognised {
    ItemCounts counts;
    bool person_seen = false;
  };
  mutable ReportSummary m_summary;
  std::map<std::string, FirstSeen> m_agents;
  ItemCounts m_shared;  // others' posts the person shared
  std::map<std::string, Unrecognised> m_unrecognised;
  uint64_t m_seq = 0;
};

}  // namespace exposcan
