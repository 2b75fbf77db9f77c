// reports/json_report.h — the canonical JSON report (schema v1: README "JSON report" and
// reports/report.schema.json).
#pragma once

#include <memory>

#include "reports/reporter.h"

namespace exposcan {

// One JSON document written at end(): items sorted by id, findings by (item id, rule id,
// fingerprint), so the same scan always renders the same bytes. Items are serialised as they
// arrive and kept in a temporary file until end() (spill_list.h), so memory does not grow with
// the scan. File output is mode 0600, written atomically, and keeps personal values; stdout is
// redacted unless show_values (reporter.h).
std::unique_ptr<Reporter> make_json_reporter(ReportOptions options);

// Sorts items and findings into report order (used by every reporter that buffers).
void sort_record(ScanRecord& record);

}  // namespace exposcan
