// app/commands/scan_flags.h — the flags `scan` and `demo` share, layered over the config file and
// the environment (defaults < file < EXPOSCAN_* < flags).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/config.h"

namespace CLI {
class App;
}

namespace exposcan {

struct ScanFlags {
  std::vector<std::string> targets;
  std::string config_file;
  std::string state;  // --state (kept apart: `demo` uses a temporary store unless it is given)
  // Each flag the user gave applies itself to the Config, in declaration order.
  std::vector<std::function<void(Config&)>> appliers;
  std::vector<std::function<bool()>> given;  // parallel to appliers
};

// Declares the options on `cmd` (targets as positionals only when `with_targets`).
void add_scan_flags(CLI::App* cmd, ScanFlags& flags, bool with_targets);

// Builds the effective config: defaults, then -c FILE (or ./exposcan.yaml when present), then
// EXPOSCAN_* variables, then the flags.
Expected<Config> build_config(const ScanFlags& flags);

// Prints "exposcan: error: <message>" to stderr and returns exit code 2.
int usage_error(const std::string& message);

}  // namespace exposcan
