// `exposcan rules list|validate|test`: inspect the loaded rule packs, check pack files, run every
// rule's own examples.
//
//   rules list [PACK…] [--format table|json]  id, pack, severity and title of every rule
//   rules validate PACK…                      "PACK: ok (…)" per valid file; each invalid one prints
//                                             its load error "file:line: rule-id: message" on stderr
//   rules test [PACK…]                        every rule's tests.positive / tests.negative
//
// The built-in packs are always loaded (PACK files are checked against them: duplicate ids, match
// types a condition names), then `rules.packs` from the config, then --rules, then PACK….
// Exit codes: 0 success; 1 a rule example failed (`test`); 2 usage, config or rule error.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

#include "app/commands/commands.h"
#include "app/commands/engine_flags.h"
#include "app/commands/scan_flags.h"
#include "app/exit_codes.h"
#include "app/pipeline.h"
#include "core/fs.h"
#include "rules/engine.h"

namespace exposcan {
namespace {

struct RulesArgs {
  EngineFlags engine;
  std::vector<std::string> packs;  // positional
  std::string format = "table";
};

Expected<std::shared_ptr<const RuleEngine>> load_engine(const RulesArgs& a) {
  EngineFlags flags = a.engine;
  flags.rule_files.insert(flags.rule_files.end(), a.packs.begin(), a.packs.end());
  auto config = engine_config(flags);
  if (!config) return config.error();
  return load_rule_engine(*config);
}

int run_list(const RulesArgs& a) {
  auto engine = load_engine(a);
  if (!engine) return usage_error(engine.error().message);
  const std::vector<RuleInfo> rules = (*engine)->rules();
  auto version_of = [&](const std::string& pack) {
    for (const auto& p : (*engine)->packs())
      if (p.id == pack) return p.version;
    return std::string();
  };
  if (a.format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& r : rules)
      out.push_back({{"id", r.id},
                     {"pack", r.pack},
                     {"pack_version", version_of(r.pack)},
                     {"kind", r.kind},
                     {"severity", r.severity},
                     {"title", r.title}});
    fmt::print("{}\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    return exit_code::k_ok;
  }
  size_t id_w = 2, pack_w = 4;
  for (const auto& r : rules) {
    id_w = std::max(id_w, r.id.size());
    pack_w = std::max(pack_w, r.pack.size());
  }
  fmt::print("{:<{}}  {:<{}}  {:<8}  {}\n", "ID", id_w, "PACK", pack_w, "SEVERITY", "TITLE");
  for (const auto& r : rules) fmt::print("{:<{}}  {:<{}}  {:<8}  {}\n", r.id, id_w, r.pack, pack_w, r.severity, r.title);
  fmt::print("{} rules in {} packs\n", rules.size(), (*engine)->packs().size());
  return exit_code::k_ok;
}

// Loads the built-in packs plus `extra`; the error is the loader's "file:line: rule-id: message".
Expected<RuleEngine> load_with_builtins(const std::vector<PackSource>& extra) {
  std::vector<PackSource> packs = builtin_packs();
  packs.insert(packs.end(), extra.begin(), extra.end());
  return RuleEngine::load(packs, EngineOptions{});
}

int run_validate(const RulesArgs& a) {
  if (a.packs.empty()) return usage_error("rules validate: give at least one rule pack file");
  std::vector<PackSource> valid;
  size_t invalid = 0;
  for (const auto& path : a.packs) {
    auto text = read_file(path);
    if (!text) {
      fmt::print(stderr, "{}\n", text.error().message);
      ++invalid;
      continue;
    }
    PackSource source{path, std::move(*text)};
    auto engine = load_with_builtins({source});
    if (!engine) {
      fmt::print(stderr, "{}\n", engine.error().message);
      ++invalid;
      continue;
    }
    const PackInfo& info = engine->packs().back();
    const auto rules = engine->rules();
    const auto n = std::count_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.pack == info.id; });
    fmt::print("{}: ok (pack {} {}, {} rules)\n", path, info.id, info.version, n);
    valid.push_back(std::move(source));
  }
  // Each file loads on its own; together they may still clash (duplicate pack or rule ids).
  if (invalid == 0 && valid.size() > 1)
    if (auto together = load_with_builtins(valid); !together) {
      fmt::print(stderr, "{}\n", together.error().message);
      return usage_error("the rule packs are valid one by one but not together");
    }
  if (invalid > 0)
    return usage_error(fmt::format("{} of {} rule pack{} invalid", invalid, a.packs.size(),
                                   a.packs.size() == 1 ? " is" : "s are"));
  return exit_code::k_ok;
}

int run_test(const RulesArgs& a) {
  auto engine = load_engine(a);
  if (!engine) return usage_error(engine.error().message);
  size_t examples = 0;
  const auto failures = (*engine)->run_rule_tests(&examples);
  const size_t rules = (*engine)->rules().size();
  for (const auto& f : failures) fmt::print("{}:{}: {}: {}\n", f.file, f.line, f.rule_id, f.message);
  if (!failures.empty()) {
    std::vector<std::string> failed;
    for (const auto& f : failures)
      if (std::find(failed.begin(), failed.end(), f.rule_id) == failed.end()) failed.push_back(f.rule_id);
    fmt::print("{} of {} examples failed ({} of {} rules)\n", failures.size(), examples, failed.size(), rules);
    return exit_code::k_findings;
  }
  fmt::print("{} examples of {} rules in {} packs passed\n", examples, rules, (*engine)->packs().size());
  return exit_code::k_ok;
}

}  // namespace

void register_rules(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("rules", "Inspect, validate and test rule packs");
  cmd->require_subcommand(1);
  auto a = std::make_shared<RulesArgs>();

  auto* list = cmd->add_subcommand("list", "List every rule: id, pack, severity, title");
  add_engine_flags(list, a->engine, false);
  list->add_option("packs", a->packs, "Extra rule pack files");
  list->add_option("--format", a->format, "table (default) or json")->check(CLI::IsMember({"table", "json"}));
  list->callback([a, &action] { action = [a] { return run_list(*a); }; });

  auto* validate = cmd->add_subcommand("validate", "Check rule pack files; errors read file:line: rule-id: message");
  validate->add_option("packs", a->packs, "Rule pack files")->required();
  validate->callback([a, &action] { action = [a] { return run_validate(*a); }; });

  auto* test = cmd->add_subcommand("test", "Run every rule's examples (built-in packs and PACK…)");
  add_engine_flags(test, a->engine, false);
  test->add_option("packs", a->packs, "Extra rule pack files");
  test->callback([a, &action] { action = [a] { return run_test(*a); }; });
}

}  // namespace exposcan
