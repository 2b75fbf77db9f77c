#include "app/commands/state_option.h"

#include <CLI/CLI.hpp>

#include "app/commands/scan_flags.h"
#include "app/scan_history.h"

namespace exposcan {

void add_state_option(CLI::App* cmd, std::string& state) {
  cmd->add_option("--state", state, "History store, a SQLite file (default: $XDG_DATA_HOME/exposcan/history.db)");
}

Expected<std::filesystem::path> resolve_state_path(const std::string& state_flag) {
  if (!state_flag.empty()) return std::filesystem::path(state_flag);
  ScanFlags none;  // ./exposcan.yaml when present, then EXPOSCAN_* (EXPOSCAN_STATE)
  auto config = build_config(none);
  if (!config) return config.error();
  return state_path(*config);
}

Expected<std::shared_ptr<HistoryStore>> open_state(const std::string& state_flag, OpenMode mode) {
  auto path = resolve_state_path(state_flag);
  if (!path) return path.error();
  return HistoryStore::open(*path, mode);
}

}  // namespace exposcan
