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

}  // namespace exposcan
