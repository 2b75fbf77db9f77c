// reports/match_value.h — how a match's value appears in a report: redacted by its kind of data
// (an identity match is redacted as the kind of identity datum it is), raw only with --show-values.
#pragma once

#include <string>

#include "core/redact.h"
#include "rules/finding.h"

namespace exposcan {

inline std::string shown_value(const Match& m, bool show_values) {
  if (show_values) return m.value;
  return redact(m.type == "identity" && !m.subtype.empty() ? m.subtype : m.type, m.value);
}

}  // namespace exposcan
