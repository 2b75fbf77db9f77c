// app/commands/engine_flags.h — the flags `rules` and `detect` share: which rule packs to load on
// top of the built-in ones and which phone regions to prefer, layered like `scan` (defaults <
// config file < EXPOSCAN_* < flags), without the crawl flags.
#pragma once

#include <string>
#include <vector>

#include "app/config.h"
#include "core/expected.h"

namespace CLI {
class App;
}

namespace exposcan {

struct EngineFlags {
  std::string config_file;              // -c; else ./exposcan.yaml when present
  std::vector<std::string> rule_files;  // --rules, then positional packs, in that order
  std::vector<std::string> regions;     // --region
};

// Declares -c/--config and --rules on `cmd`, and --region when `with_regions`.
void add_engine_flags(CLI::App* cmd, EngineFlags& flags, bool with_regions);

// The effective config: its rule packs (config `rules.packs` first, then the flags') and regions.
Expected<Config> engine_config(const EngineFlags& flags);

}  // namespace exposcan
