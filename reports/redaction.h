// reports/redaction.h — a scan record as CI and terminal output may show it (DESIGN §5).
//
// Redacting the match values alone would leave them readable in the item text they were found
// in, so every matched span in an item's text fields (title, text, author.*, media[N].alt,
// fields.<name>, geo.name) is replaced by its redacted form (core/redact.h), and each match's
// value and byte span are rewritten to point at that redacted text. Overlapping matches share
// the redaction of their union. Item links lose mailto:/tel:/sms: addresses (redacted) and any
// matched value they contain. Personal data no rule matched is not touched. Pure.
#pragma once

#include <vector>

#include "reports/scan_record.h"

namespace exposcan {

// Redacts `item` and the matches of `findings` (all of them findings of `item`) in place.
void redact_item(Item& item, std::vector<Finding>& findings);

ScanRecord redacted_record(const ScanRecord& record);

}  // namespace exposcan
