// reports/summary.h — the counts every human-facing report starts with.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "reports/scan_record.h"

namespace exposcan {

struct ReportSummary {
  size_t items = 0;
  size_t public_items = 0;
  size_t trainable_items = 0;               // items with at least one trainable finding
  size_t items_with_personal_data = 0;      // items with at least one match
  size_t trainable_with_personal_data = 0;
  std::map<std::string, std::map<std::string, size_t>> per_platform_verdict;  // platform -> verdict -> items
  std::map<std::string, size_t> trainable_per_agent;  // agent -> trainable items it may take
  std::vector<std::string> agent_order;  // the same agents, in the order findings list them (major first)
  std::map<std::string, size_t> per_severity;          // severity -> findings
};

// An item's verdict is its most consequential finding's: trainable > not_public >
// could_not_check > unknown > not_trainable.
ReportSummary summarize(const ScanRecord& record);

}  // namespace exposcan
