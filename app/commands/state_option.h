// app/commands/state_option.h — `--state FILE` for the commands that read or write stored scans
// (history, diff, report, forget; evidence and letter use it too).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/expected.h"
#include "store/history_store.h"

namespace CLI {
class App;
}

namespace exposcan {

void add_state_option(CLI::App* cmd, std::string& state);

// --state, else EXPOSCAN_STATE or `state:` in ./exposcan.yaml, else the default path.
Expected<std::filesystem::path> resolve_state_path(const std::string& state_flag);
// Opens the resolved store; `read` refuses a missing file ("no history at ...").
Expected<std::shared_ptr<HistoryStore>> open_state(const std::string& state_flag, OpenMode mode);

}  // namespace exposcan
