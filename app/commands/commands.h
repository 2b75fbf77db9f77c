// app/commands/commands.h — one registration function per subcommand. Each declares its options
// on `app` and sets `action` to the code that runs when the subcommand is chosen; the action
// returns the process exit code.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace exposcan {

using CommandAction = std::function<int()>;

void register_scan(CLI::App& app, CommandAction& action);
void register_demo(CLI::App& app, CommandAction& action);
void register_init(CLI::App& app, CommandAction& action);
void register_robots(CLI::App& app, CommandAction& action);
void register_history(CLI::App& app, CommandAction& action);
void register_diff(CLI::App& app, CommandAction& action);
void register_report(CLI::App& app, CommandAction& action);
void register_forget(CLI::App& app, CommandAction& action);
void register_evidence(CLI::App& app, CommandAction& action);
void register_letter(CLI::App& app, CommandAction& action);
void register_inspect(CLI::App& app, CommandAction& action);
void register_rules(CLI::App& app, CommandAction& action);
void register_detect(CLI::App& app, CommandAction& action);

}  // namespace exposcan
