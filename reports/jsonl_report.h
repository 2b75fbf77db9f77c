// reports/jsonl_report.h — JSON Lines: one record per line as the scan runs, for pipes and tools.
//
// Each line is {"type": T, "data": D} (README "JSON Lines"):
//   begin   {schema_version, tool, scan}       once, first
//   item    an item (report schema v1 `items[]`)  as each item is judged
//   finding a finding (schema v1 `findings[]`)    after its item
//   error   a scan error {url, code, message, target}
//   end     {scan, summary}                     once, last (final scan info and counts)
// Lines are written and flushed as they happen. Personal values are redacted on stdout unless
// show_values; a file (mode 0600) keeps them.
#pragma once

#include <memory>

#include "reports/reporter.h"

namespace exposcan {

std::unique_ptr<Reporter> make_jsonl_reporter(ReportOptions options);

}  // namespace exposcan
