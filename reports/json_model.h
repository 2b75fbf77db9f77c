// reports/json_model.h — the canonical JSON form of a scan record (report schema v1) and back.
//
// Every other format can be rendered from this JSON; the store keeps it; `--baseline FILE` reads
// it. record_to_json(..., show_values=false) renders redacted_record() (reports/redaction.h): the
// matched spans in item text are redacted too and match offsets point into the redacted text.
// finding_to_json(f, false) redacts only the match values (callers redact the item themselves).
#pragma once

#include <nlohmann/json.hpp>

#include "core/expected.h"
#include "reports/scan_record.h"
#include "reports/summary.h"

namespace exposcan {

inline constexpr int k_report_schema_version = 1;

nlohmann::json item_to_json(const Item& item);
nlohmann::json finding_to_json(const Finding& finding, bool show_values);
nlohmann::json scan_info_to_json(const ScanInfo& scan);
nlohmann::json summary_to_json(const ScanRecord& record);
nlohmann::json summary_to_json(const ReportSummary& summary);
nlohmann::json record_to_json(const ScanRecord& record, bool show_values);

// Reports' pretty form: dump(2), invalid UTF-8 replaced.
std::string pretty_json(const nlohmann::json& j);
// The compact form the history stores: dump(), invalid UTF-8 replaced (one broken string must not
// throw in the middle of a scan).
std::string compact_json(const nlohmann::json& j);
// Pretty JSON text with `prefix` after every line break (and before the first line): how a part
// reads nested in a pretty-printed document, for reports written a part at a time.
std::string nested_json(std::string_view pretty, std::string_view prefix);

Expected<Item> item_from_json(const nlohmann::json& j);
Expected<Finding> finding_from_json(const nlohmann::json& j);
Expected<ScanRecord> record_from_json(const nlohmann::json& j);

}  // namespace exposcan
