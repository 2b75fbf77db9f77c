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

// Not named `bind`: with a std::string argument, ADL would pick std::bind and drop the option.
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
  if (with_targets) cmd->add_option("targets", f.targets, "What to scan: profile or site URLs; PLATFORM:ACCOUNT (mastodon:@user@host, bsky:HANDLE, "
                                                     "instagram:, threads:, reddit:, github:, x:, linkedin:, facebook:, tumblr:, pinterest:, "
                                                     "deviantart:, substack:NAME, youtube:@NAME, medium:@NAME, stackoverflow:USER_ID, "
                                                     "stackexchange:SITE:USER_ID); saved pages or folders, .har[.zip], .warc[.gz|.zst] files");
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
  bind_option<long>(cmd, f, "--connect-timeout", "Seconds to connect", [](Config& c, const long& v) { c.connect_timeout_s = v; });
  bind_option<int>(cmd, f, "--per-host-connections", "Requests in flight per host", [](Config& c, const int& v) { c.per_host_connections = v; });
  bind_option<uint64_t>(cmd, f, "--max-bytes", "Stop starting pages after this many body bytes", [](Config& c, const uint64_t& v) { c.max_bytes = v; });
  bind_flag(cmd, f, "--fetch-only", "Fetch and follow links only: no items, no rules (benchmarks)", [](Config& c) { c.fetch_only = true; });
  bind_option<std::string>(cmd, f, "--fetched-list", "Write the fetched URL paths to FILE, one per line", [](Config& c, const std::string& v) { c.fetched_list = v; });
  bind_flag(cmd, f, "--no-http2", "HTTP/1.1 only (no HTTP/2 multiplexing)", [](Config& c) { c.http2 = false; });
  bind_flag(cmd, f, "--timings", "Print the time split by stage (fetch, parse, rules) on stderr", [](Config& c) { c.timings = true; });
  bind_option<std::string>(cmd, f, "--robots", "obey (default; listed targets are user-directed), obey-all, ignore",
                    [](Config& c, const std::string& v) { c.robots = *robots_mode_from_string(v); })
      ->check(CLI::IsMember({"obey", "obey-all", "ignore"}));
  bind_option<std::vector<std::string>>(cmd, f, "--rules", "Extra rule pack FILE (repeatable)",
                                 [](Config& c, const std::vector<std::string>& v) { c.rule_files.insert(c.rule_files.end(), v.begin(), v.end()); });
  bind_option<std::vector<std::string>>(cmd, f, "--region", "Phone region to prefer, e.g. DE (repeatable)",
                                 [](Config& c, const std::vector<std::string>& v) { c.regions.insert(c.regions.end(), v.begin(), v.end()); });
  cmd->add_option("--state", f.state, "History store, a SQLite file (default: $XDG_DATA_HOME/exposcan/history.db)");
  bind_flag(cmd, f, "--no-history",
            "Keep no history: pages, items and findings are not stored (the items wait for the report in an unlinked "
            "temporary file); so no --since, --baseline, --new-only or conditional GET, and no later `report` or "
            "`evidence` of this scan",
            [](Config& c) { c.history = false; });
  bind_option<std::string>(cmd, f, "--since",
                           "Label each finding new/unchanged/changed/resolved/unchecked against an earlier scan: "
                           "last (the previous complete scan of these targets) or a scan id",
                           [](Config& c, const std::string& v) { c.since = v; });
  bind_option<std::string>(cmd, f, "--baseline", "Label each finding against an earlier JSON report (FILE)",
                           [](Config& c, const std::string& v) { c.baseline = v; });
  bind_flag(cmd, f, "--new-only", "With --fail-on: count only new and worsened findings (implies --since last)",
            [](Config& c) { c.new_only = true; });
  bind_option<int>(cmd, f, "--max-errors",
                   "Exit 3 when more than N pages fail (default: when a target is wholly unreachable)",
                   [](Config& c, const int& v) { c.max_errors = v; })
      ->check(CLI::NonNegativeNumber);
  bind_option<std::string>(cmd, f, "--ignore-file", "Suppressions file (default: ./.exposcan-ignore.yaml when present)",
                           [](Config& c, const std::string& v) { c.ignore_file = v; });
  bind_option<std::string>(cmd, f, "--evidence", "Write an evidence bundle (WARC, manifest, HTML report, RFC 3161 request) to DIR",
                           [](Config& c, const std::string& v) { c.evidence_dir = v; });
  bind_flag(cmd, f, "--show-values", "Show personal values unredacted on the terminal, stdout and in SARIF (report files keep them anyway)",
            [](Config& c) { c.show_values = true; });
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
  if (config.concurrency == 0) return make_error("usage", "--concurrency: expected a positive integer");
  if (config.per_host_rate < 0) return make_error("usage", "--per-host-rate: expected a number of requests per second (0 = no limit)");
  if (config.per_host_connections <= 0) return make_error("usage", "--per-host-connections: expected a positive integer");
  if (config.max_pages <= 0) return make_error("usage", "--max-pages: expected a positive integer");
  if (config.max_depth < 0) return make_error("usage", "--max-depth: expected a non-negative integer");
  if (!is_report_format(config.format))
    return make_error("usage", "--format: expected one of " + join_formats() + " (got '" + config.format + "')");
  if (!flags.state.empty()) config.state = flags.state;
  if (!config.history) {
    if (!flags.state.empty())
      return make_error("usage", "--no-history (or `history: false`) and --state: a scan without a history has no state file");
    for (const auto& [given, name] : {std::pair{!config.since.empty(), "--since"}, {!config.baseline.empty(), "--baseline"},
                                      {config.new_only, "--new-only"}})
      if (given) return make_error("usage", std::string(name) + " needs the history, which --no-history (or `history: false`) turns off");
  }
  if (config.since != "" && config.since != "last" && config.since.find_first_not_of("0123456789") != std::string::npos)
    return make_error("usage", "--since: expected last or a scan id (got '" + config.since + "')");
  if (!config.since.empty() && !config.baseline.empty())
    return make_error("usage", "--since and --baseline both say what to compare with: give one");
  if (config.new_only && config.since.empty() && config.baseline.empty()) config.since = "last";
  config.targets.insert(config.targets.end(), flags.targets.begin(), flags.targets.end());
  return config;
}

}  // namespace exposcan
