// app/scan_history.h — the history store as a scan uses it: which file, which recorder.
//
// The state file is --state / EXPOSCAN_STATE / `state:` in the config, else the default
// ($XDG_DATA_HOME/exposcan/history.db). The recorder compares with --since or --baseline, applies
// the suppressions file (--ignore-file, else ./.exposcan-ignore.yaml when present) and makes
// fingerprints with the store's key unless EXPOSCAN_FINGERPRINT_KEY is set (e.g. in CI).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "app/config.h"
#include "core/expected.h"
#include "store/scan_recorder.h"
#include "store/suppressions.h"

namespace exposcan {

std::filesystem::path state_path(const Config& config);

// The suppressions file: --ignore-file, else ./.exposcan-ignore.yaml when present, else none.
// Errors (exit 2): it cannot be read or is malformed.
Expected<Suppressions> load_suppressions(const Config& config);

// Errors (exit 2): the state file cannot be opened or is not exposcan's, the baseline or the
// suppressions file cannot be read.
Expected<std::unique_ptr<ScanRecorder>> open_scan_recorder(const Config& config);

// What a scan's results depend on besides the targets (robots mode, rule files, identity, regions):
// recorded with each scan so `history` can tell runs of different configurations apart.
std::string config_hash(const Config& config);

}  // namespace exposcan
