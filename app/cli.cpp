#include "app/cli.h"

#include <CLI/CLI.hpp>

#include "app/commands/commands.h"
#include "app/exit_codes.h"
#include "core/version.h"

namespace exposcan {

int run_cli(int argc, char** argv) {
  CLI::App app{"exposcan — which of my public items can be used to train AI, why, and what personal data do they carry?"};
  app.set_version_flag("--version", std::string("exposcan ") + k_version);
  app.require_subcommand(1);
  CommandAction action;
  register_scan(app, action);
  register_demo(app, action);
  register_init(app, action);
  register_robots(app, action);
  register_history(app, action);
  register_diff(app, action);
  register_report(app, action);
  register_forget(app, action);
  register_evidence(app, action);
  register_letter(app, action);
  register_inspect(app, action);
  register_rules(app, action);
  register_detect(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? exit_code::k_ok : exit_code::k_usage;
  }
  return action ? action() : exit_code::k_ok;
}

}  // namespace exposcan
