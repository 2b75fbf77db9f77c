#include "app/commands/scan_flags.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <type_traits>

#include "app/exit_codes.h"
#include "reports/reporters.h"

namespace exposcan {
namespace {

template <class T>
CLI::Option* bind_option(CLI::App* cmd, ScanFlags& flags, const std::string& name, const std::string& help,
          std::function<void(Config&, const T&)> apply) {
  auto value = std::make_shared<T>();
  CLI::Option* opt = cmd->add_option(name, *value, help);
  if constexpr (std::is_same_v<T, std::vector<std::string>>)
    opt->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->expected(1)->allow_extra_args(false);  // one value per use
  flags.appliers.push_back([value, apply](Config& c) { apply(c, *value); });
  flags.given.push_back([opt] { return opt->count() > 0; });
  return opt;
}

void bind_flag(CLI::App* cmd, ScanFlags& flags, const std::string& name, const std::string& help,
               std::function<void(Config&)> apply) {
  CLI::Option* opt = cmd->add_flag(name, help);
  flags.appliers.push_back([apply](Config& c) { apply(c); });
  flags.given.push_back([opt] { return opt->count() > 0; });
}

std::string join_formats() {
  std::string out;
  for (const auto& f : report_formats()) out += (out.empty() ? "" : ", ") + f;
  return out;
}

}  // namespace

int usage_error(const std::string& message) {
  fmt::print(stderr, "exposcan: error: {}\n", message);
  return exit_code::k_usage;
}

void add_scan_flags(CLI::App* cmd, ScanFlags& f, bool with_targets) {
  if (with_targets) cmd->add_option("targets", f.targets, "Profile or site URLs to scan");
  cmd->add_option("-c,--config", f.config_file, "Config file (default: ./exposcan.yaml when present)");
  bind_option<std::string>(cmd, f, "--format", "Output format: " + join_formats(), [](Config& c, const std::string& v) { c.format = v; });
  bind_option<std::string>(cmd, f, "-o,--output", "Write the report to FILE (mode 0600)", [](Config& c, const std::string& v) { c.output = v; });
  bind_option<std::string>(cmd, f, "--identity", "Identity file (names, handles, email, phone, ...)", [](Config& c, const std::string& v) {
    c.identity_file = v;
    c.identity_inline.clear();
  });
  bind_option<std::string>(cmd, f, "--fail-on", "Exit 1 when a finding reaches SEVERITY (info|low|medium|high|critical)",
                    [](Config& c, const std::string& v) { c.fail_on = v; })
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}));
  bind_option<std::vector<std::string>>(cmd, f, "--connect-to", "HOST:PORT:ADDR:PORT, like curl --connect-to (repeatable)",
                                 [](Config& c, const std::vector<std::string>& v) { c.connect_to.insert(c.connect_to.end(), v.begin(), v.end()); });
  bind_option<std::string>(cmd, f, "--cacert", "Trust only this CA bundle (PEM)", [](Config& c, const std::string& v) { c.cacert = v; });
  bind_option<std::string>(cmd, f, "--proxy", "Proxy URL (default: HTTPS_PROXY from the environment)", [](Config& c, const std::string& v) { c.proxy = v; });
  bind_option<size_t>(cmd, f, "--concurrency", "Transfers in flight across all hosts", [](Config& c, const size_t& v) { c.concurrency = v; });
  bind_option<double>(cmd, f, "--per-host-rate", "Requests per second per host (0 = no limit)", [](Config& c, const double& v) { c.per_host_rate = v; });
  bind_option<int>(cmd, f, "--max-pages", "Stop after this many pages", [](Config& c, const int& v) { c.max_pages = v; });
  bind_option<int>(cmd, f, "--max-depth", "Follow links at most this far from a target", [](Config& c, const int& v) { c.max_depth = v; });
  bind_option<int>(cmd, f, "--max-retries", "Retries for timeouts, resets and 5xx", [](Config& c, const int& v) { c.max_retries = v; });
  bind_option<long>(cmd, f, "--timeout", "Seconds per request", [](Config& c, const long& v) { c.timeout_s = v; });
  bind_option<std::string>(cmd, f, "--robots", "obey (default; listed targets are user-directed), obey-all, ignore",
                    [](Config& c, const std::string& v) { c.robots = *robots_mode_from_string(v); })
      ->check(CLI::IsMember({"obey", "obey-all", "ignore"}));
  bind_option<std::vector<std::string>>(cmd, f, "--rules", "Extra rule pack FILE (repeatable)",
                                 [](Config& c, const std::vector<std::string>& v) { c.rule_files.insert(c.rule_files.end(), v.begin(), v.end()); });
  bind_option<std::vector<std::string>>(cmd, f, "--region", "Phone region to prefer, e.g. DE (repeatable)",
                                 [](Config& c, const std::vector<std::string>& v) { c.regions.insert(c.regions.end(), v.begin(), v.end()); });
  bind_option<std::string>(cmd, f, "--state", "History store (SQLite file)", [](Config& c, const std::string& v) { c.state = v; });
  bind_flag(cmd, f, "--show-values", "Print personal values unredacted", [](Config& c) { c.show_values = true; });
  bind_flag(cmd, f, "-q,--quiet", "No progress line", [](Config& c) { c.quiet = true; });
}

Expected<Config> build_config(const ScanFlags& flags) {
  Config config;
  std::string file = flags.config_file;
  if (file.empty() && std::filesystem::exists("exposcan.yaml")) file = "exposcan.yaml";
  if (!file.empty()) {
    if (!std::filesystem::exists(file)) return make_error("config", "config file not found: " + file);
    if (auto s = load_config_file(file, config); !s) return s.error();
  }
  if (auto s = apply_environment(config); !s) return s.error();
  for (size_t i = 0; i < flags.appliers.size(); ++i)
    if (flags.given[i]()) flags.appliers[i](config);
  if (!is_report_format(config.format))
    return make_error("usage", "--format: expected one of " + join_formats() + " (got '" + config.format + "')");
  config.targets.insert(config.targets.end(), flags.targets.begin(), flags.targets.end());
  return config;
}

}  // namespace exposcan
