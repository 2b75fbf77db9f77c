// reports/sarif_report.h — SARIF 2.1.0 for CI, in the shape GitHub code scanning accepts.
//
// One run; tool.driver.rules holds every rule that ran (ReportOptions::rules plus any rule a
// finding names), each with help text and `security-severity`. One result per finding: a
// trainable verdict is kind "fail" with a level from its severity; the other verdicts are
// "pass" (not trainable, not public), "review" (unknown) or "open" (could not check), level
// "none". A web page is not a file in the repository, so each result points at a *snapshot*:
// a text rendering of the item (its text fields, personal values redacted unless show_values)
// written beside the SARIF file under snapshots/, with a repo-relative URI (the SARIF folder
// relative to the working directory, which in CI is the checkout). The real URL is in the
// result's logicalLocations and properties. partialFingerprints carry the finding fingerprint
// (an HMAC with the local key, never a personal value). automationDetails.id names the target
// set; invocations[0].executionSuccessful is true for a complete scan.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "reports/reporter.h"

namespace exposcan {

struct SarifOutput {
  std::string sarif;
  // Snapshot files: path relative to the SARIF file's folder ("snapshots/...") and content.
  std::vector<std::pair<std::string, std::string>> snapshots;
};

// `uri_prefix` is prepended to snapshot paths in artifact URIs ("" or "out/").
SarifOutput render_sarif(const ScanRecord& record, const ReportOptions& options, const std::string& uri_prefix);

// The folder of `output_path` relative to the working directory, with a trailing '/', or ""
// when the file is in the working directory, outside it, or on stdout.
std::string sarif_uri_prefix(const std::string& output_path);

// Writes the snapshots (mode 0600) and the SARIF file.
std::unique_ptr<Reporter> make_sarif_reporter(ReportOptions options);

}  // namespace exposcan
