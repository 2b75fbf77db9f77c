// `exposcan diff A B`: what changed from scan A to scan B (ids, `last` or `previous`).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>

#include "app/commands/commands.h"
#include "app/commands/scan_flags.h"
#include "app/commands/state_option.h"
#include "app/exit_codes.h"
#include "store/scan_diff.h"

namespace exposcan {
namespace {

nlohmann::json brief(const Finding& f) {
  return {{"rule_id", f.rule_id}, {"severity", std::string(to_string(f.severity))}, {"verdict", std::string(to_string(f.verdict))}};
}

nlohmann::json diff_json(const ScanDiff& d) {
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& e : d.entries) {
    nlohmann::json j = brief(e.finding);
    j["diff"] = e.finding.diff;
    j["worsened"] = e.worsened;
    j["item_id"] = e.finding.item_id;
    j["url"] = e.finding.url;
    j["fingerprint"] = e.finding.fingerprint;
    j["previous"] = e.previous ? brief(*e.previous) : nlohmann::json(nullptr);
    findings.push_back(std::move(j));
  }
  return {{"from", d.from}, {"to", d.to}, {"counts", d.counts}, {"findings", findings}};
}

size_t count(const ScanDiff& d, const char* state) {
  auto it = d.counts.find(state);
  return it == d.counts.end() ? 0 : it->second;
}

std::string what(const Finding& f) { return fmt::format("{}/{}", to_string(f.verdict), to_string(f.severity)); }

void print_table(const ScanDiff& d) {
  fmt::print("Scan {} compared with scan {}: {} new, {} changed, {} resolved, {} unchecked, {} unchanged\n", d.to, d.from,
             count(d, "new"), count(d, "changed"), count(d, "resolved"), count(d, "unchecked"), count(d, "unchanged"));
  std::string section;
  for (const auto& e : d.entries) {
    const Finding& f = e.finding;
    if (f.diff == "unchanged") continue;
    if (f.diff != section) {
      section = f.diff;
      std::string title = section;
      for (char& c : title) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      fmt::print("\n{}\n", title);
    }
    std::string change = e.previous && f.diff == "changed" ? what(*e.previous) + " -> " + what(f) : what(f);
    fmt::print("  {:<34} {:<32} {}{}\n", change, f.rule_id, f.url, e.worsened ? "  (worse)" : "");
  }
}

}  // namespace

void register_diff(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("diff", "What changed between two stored scans (ids, last or previous)");
  auto state = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto from = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  cmd->add_option("A", *from, "The earlier scan: an id, last or previous")->required();
  cmd->add_option("B", *to, "The later scan: an id, last or previous")->required();
  add_state_option(cmd, *state);
  cmd->add_option("--format", *format, "table (default) or json")->check(CLI::IsMember({"table", "json"}));
  cmd->callback([=, &action] {
    action = [=]() -> int {
      auto store = open_state(*state, OpenMode::read);
      if (!store) return usage_error(store.error().message);
      auto a = (*store)->resolve(*from);
      if (!a) return usage_error(a.error().message);
      auto b = (*store)->resolve(*to);
      if (!b) return usage_error(b.error().message);
      auto d = diff_scans(**store, *a, *b);
      if (!d) return usage_error(d.error().message);
      if (*format == "json")
        fmt::print("{}\n", diff_json(*d).dump(2));
      else
        print_table(*d);
      return exit_code::k_ok;
    };
  });
}

}  // namespace exposcan
