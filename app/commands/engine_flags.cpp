#include "app/commands/engine_flags.h"

#include <CLI/CLI.hpp>

#include <filesystem>

namespace exposcan {

void add_engine_flags(CLI::App* cmd, EngineFlags& f, bool with_regions) {
  cmd->add_option("-c,--config", f.config_file, "Config file (default: ./exposcan.yaml when present)");
  cmd->add_option("--rules", f.rule_files, "Extra rule pack FILE (repeatable)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->expected(1)
      ->allow_extra_args(false);
  if (with_regions)
    cmd->add_option("--region", f.regions, "Phone region to prefer, e.g. DE (repeatable)")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->expected(1)
        ->allow_extra_args(false);
}

Expected<Config> engine_config(const EngineFlags& flags) {
  Config config;
  std::string file = flags.config_file;
  if (file.empty() && std::filesystem::exists("exposcan.yaml")) file = "exposcan.yaml";
  if (!file.empty()) {
    if (!std::filesystem::exists(file)) return make_error("config", "config file not found: " + file);
    if (auto s = load_config_file(file, config); !s) return s.error();
  }
  if (auto s = apply_environment(config); !s) return s.error();
  config.rule_files.insert(config.rule_files.end(), flags.rule_files.begin(), flags.rule_files.end());
  config.regions.insert(config.regions.end(), flags.regions.begin(), flags.regions.end());
  return config;
}

}  // namespace exposcan
