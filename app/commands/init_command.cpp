// `exposcan init`: writes a commented exposcan.yaml (never overwrites without --force).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "app/commands/commands.h"
#include "app/commands/scan_flags.h"
#include "app/config.h"
#include "app/exit_codes.h"
#include "core/fs.h"

namespace exposcan {

void register_init(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("init", "Write a commented exposcan.yaml to start from");
  auto path = std::make_shared<std::string>("exposcan.yaml");
  auto force = std::make_shared<bool>(false);
  cmd->add_option("path", *path, "Where to write it (default: exposcan.yaml)");
  cmd->add_flag("--force", *force, "Overwrite an existing file");
  cmd->callback([=, &action] {
    action = [=]() -> int {
      if (std::filesystem::exists(*path) && !*force)
        return usage_error(*path + " already exists (use --force to overwrite)");
      if (auto s = write_private_file(*path, default_config_text()); !s) return usage_error(s.error().message);
      fmt::print("Wrote {} — edit the identity and targets, then run: exposcan scan -c {}\n", *path, *path);
      return exit_code::k_ok;
    };
  });
}

}  // namespace exposcan
