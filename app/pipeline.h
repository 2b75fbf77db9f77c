// app/pipeline.h — the main job: targets → crawl → parse → evaluate → report.
//
// The crawler delivers Pages on worker threads; each is parsed (parsers registry) and its items
// evaluated (RuleEngine, const and thread-safe); items and findings go to every reporter under
// one mutex and into the ScanRecord. Exit codes follow DESIGN §4 (app/exit_codes.h).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/config.h"
#include "core/expected.h"
#include "reports/reporter.h"

namespace exposcan {

class RuleEngine;

struct ScanOutcome {
  ScanRecord record;  // scan info; items and findings only when an evidence bundle was written
  std::map<std::string, size_t> diff_counts;  // "new" -> findings, ... (the report's findings)
  int exit_code = 0;
  std::string compared_with;  // what the diff labels compare with ("scan 12", ...); "" = no labels
  bool new_only = false;
};

// Loads the identity and the rule packs the config names (built-in packs first). Fingerprints use
// `fingerprint_key`; empty = EXPOSCAN_FINGERPRINT_KEY, else a random key for this run only.
Expected<std::shared_ptr<const RuleEngine>> load_rule_engine(const Config& config,
                                                             const std::string& fingerprint_key = {});

// Runs a scan; `reporters` receive begin/item/end. Errors are start-up errors (exit 2).
Expected<ScanOutcome> run_scan(const Config& config, std::vector<std::unique_ptr<Reporter>>& reporters);

// 130 interrupted, 3 incomplete (beyond --max-errors; by default a target wholly unreachable),
// 1 a finding at or above `fail_on`, else 0. An incomplete scan takes precedence over findings: its
// results are partial. Resolved and unchecked findings (the diff's carry-over) never count; with
// `new_only` only new findings and changed ones `worsened` says got worse do.
struct ExitPolicy {
  std::string fail_on;
  bool new_only = false;
  std::function<bool(const Finding&)> worsened;
};
int scan_exit_code(const ScanRecord& record, const ExitPolicy& policy);
int scan_exit_code(const ScanInfo& scan, bool findings_over_threshold);
// Whether `finding` makes the scan fail under `policy` (at or above its fail_on severity).
bool counts_for_exit(const Finding& finding, const ExitPolicy& policy);
int scan_exit_code(const ScanRecord& record, const std::string& fail_on);

// One line on stderr when the exit code is not 0 (what went wrong, in words).
void report_outcome(const ScanOutcome& outcome);

}  // namespace exposcan
