// `exposcan history`: the stored scans, newest last, with their counts and status.
// `--format json` prints one JSON object per scan per line (for scripts and CI logs); `--check`
// runs SQLite's integrity check (after a crash, say).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>

#include "app/commands/commands.h"
#include "app/commands/scan_flags.h"
#include "app/commands/state_option.h"
#include "app/exit_codes.h"

namespace exposcan {
namespace {

nlohmann::json scan_json(const ScanSummary& s) {
  nlohmann::json diff = nlohmann::json::object();
  for (const auto& [state, n] : s.diff) diff[state] = n;
  return {{"id", s.id},
          {"status", s.status},
          {"started", format_rfc3339(s.started)},
          {"finished", s.finished ? nlohmann::json(format_rfc3339(*s.finished)) : nlohmann::json(nullptr)},
          {"targets", s.targets},
          {"pages", s.pages},
          {"items", s.items},
          {"findings", s.findings},
          {"suppressed", s.suppressed},
          {"bytes_fetched", s.bytes_fetched},
          {"compared_with", s.compared_with.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.compared_with)},
          {"diff", diff},
          {"tool_version", s.tool_version}};
}

std::string targets_text(const std::vector<std::string>& targets) {
  if (targets.empty()) return "-";
  std::string out = targets.front();
  if (targets.size() > 1) out += fmt::format(" (+{} more)", targets.size() - 1);
  return out;
}

size_t count(const ScanSummary& s, const char* state) {
  auto it = s.diff.find(state);
  return it == s.diff.end() ? 0 : it->second;
}

}  // namespace

void register_history(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("history", "List the stored scans with their counts and status");
  auto state = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto check = std::make_shared<bool>(false);
  add_state_option(cmd, *state);
  cmd->add_flag("--check", *check, "Check the state file's integrity (prints ok, exit 0; else the problems, exit 2)");
  cmd->add_option("--format", *format, "table (default) or json (one object per scan per line)")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->callback([=, &action] {
    action = [=]() -> int {
      auto store = open_state(*state, OpenMode::read);
      if (!store) return usage_error(store.error().message);
      if (*check) {
        auto result = (*store)->integrity_check();
        if (!result) return usage_error(result.error().message);
        fmt::print("{}\n", *result);
        return *result == "ok" ? exit_code::k_ok : exit_code::k_usage;
      }
      auto scans = (*store)->scans();
      if (!scans) return usage_error(scans.error().message);
      if (*format == "json") {
        for (const auto& s : *scans) fmt::print("{}\n", scan_json(s).dump());
        return exit_code::k_ok;
      }
      if (scans->empty()) {
        fmt::print("No scans in {} yet.\n", (*store)->path().string());
        return exit_code::k_ok;
      }
      fmt::print("{:>4}  {:<20}  {:<11}  {:>5}  {:>5}  {:>8}  {:>4}  {:>7}  {:>8}  {:>9}  {}\n", "ID", "STARTED", "STATUS",
                 "PAGES", "ITEMS", "FINDINGS", "NEW", "CHANGED", "RESOLVED", "UNCHECKED", "TARGETS");
      for (const auto& s : *scans)
        fmt::print("{:>4}  {:<20}  {:<11}  {:>5}  {:>5}  {:>8}  {:>4}  {:>7}  {:>8}  {:>9}  {}\n", s.id,
                   format_rfc3339(s.started), s.status, s.pages, s.items, s.findings, count(s, "new"),
                   count(s, "changed"), count(s, "resolved"), count(s, "unchecked"), targets_text(s.targets));
      return exit_code::k_ok;
    };
  });
}

}  // namespace exposcan
