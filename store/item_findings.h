// store/item_findings.h — one evaluated item as the pipeline hands it to the history store.
#pragma once

#include <string>
#include <vector>

#include "parsers/item.h"
#include "rules/finding.h"

namespace exposcan {

struct ItemFindings {
  Item item;
  std::vector<Finding> findings;
  // Parallel to `findings`: the reason of the suppression that hides it, "" when it is reported.
  std::vector<std::string> suppressed;

  // The findings reports and the exit code see (the unsuppressed ones).
  std::vector<Finding> reported() const;
};

// Several pages can show the same item (a post on the profile and on its permalink page). The
// report shows one copy, chosen without regard to arrival order: the one from the item's own page,
// else the richest, else the one from the smallest source URL.
struct CopyRank {
  bool own_page = false;
  size_t richness = 0;  // bytes of text, title, alt texts, fields, place, +1 with a date
};
CopyRank copy_rank(const Item& item);
// True when copy a (ranked ra, from page source_a) is shown rather than copy b.
bool preferred_copy(const CopyRank& ra, const std::string& source_a, const CopyRank& rb, const std::string& source_b);

}  // namespace exposcan
