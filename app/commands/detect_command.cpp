// `exposcan detect [FILE|-]…`: every personal-data detector (pattern rules of the loaded packs)
// over the whole input — no per-item byte or match caps — with byte offsets into the input.
//
// --format json prints JSON Lines, one object per match, in input order:
//   {"type": "phone", "start": 7, "end": 21, "score": 0.9, "value": "+1 ***-***-**47"}
// plus "subtype" when the rule sets one (national_id: "us_ssn", …) and "path" when more than one
// input is given. Values are redacted (core/redact.h) unless --show-values. The default table
// format is a list for people. Without FILE, or with "-", standard input is read.
// Exit codes: 0 (matches or not); 2 usage, config, rule or input error.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <memory>

#include "app/commands/commands.h"
#include "app/commands/engine_flags.h"
#include "app/commands/scan_flags.h"
#include "app/exit_codes.h"
#include "app/pipeline.h"
#include "core/fs.h"
#include "core/redact.h"
#include "rules/engine.h"

namespace exposcan {
namespace {

struct DetectArgs {
  EngineFlags engine;
  std::vector<std::string> inputs;
  std::string format = "table";
  bool show_values = false;
};

Expected<std::string> read_input(const std::string& name) {
  if (name != "-") return read_file(name);
  std::string data;
  char buf[1 << 16];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) data.append(buf, n);
  if (std::ferror(stdin)) return make_error("io", "cannot read standard input");
  return data;
}

double rounded(double score) { return std::round(score * 1000.0) / 1000.0; }

void print_json(const std::vector<Match>& matches, const DetectArgs& a, const std::string* path) {
  for (const Match& m : matches) {
    nlohmann::ordered_json j;
    if (path) j["path"] = *path;
    j["type"] = m.type;
    if (!m.subtype.empty()) j["subtype"] = m.subtype;
    j["start"] = m.start;
    j["end"] = m.end;
    j["score"] = rounded(m.score);
    j["value"] = a.show_values ? m.value : redact(m.type, m.value);
    std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
}

void print_table(const std::vector<Match>& matches, const DetectArgs& a, const std::string& name, bool heading) {
  if (heading) fmt::print("{}\n", name == "-" ? "(standard input)" : name);
  if (!matches.empty()) fmt::print("  {:>7} {:>7}  {:<30} {:>5}  {}\n", "START", "END", "TYPE", "SCORE", "VALUE");
  for (const Match& m : matches) {
    std::string type = m.type + (m.subtype.empty() ? "" : " (" + m.subtype + ")");
    std::string value = a.show_values ? m.value : redact(m.type, m.value);
    for (char& c : value)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    fmt::print("  {:>7} {:>7}  {:<30} {:>5.2f}  {}\n", m.start, m.end, type, m.score, value);
  }
  fmt::print("  {} match{}\n", matches.size(), matches.size() == 1 ? "" : "es");
}

int run_detect(DetectArgs a) {
  if (a.inputs.empty()) a.inputs.push_back("-");
  auto config = engine_config(a.engine);
  if (!config) return usage_error(config.error().message);
  auto engine = load_rule_engine(*config);
  if (!engine) return usage_error(engine.error().message);
  const bool several = a.inputs.size() > 1;
  int rc = exit_code::k_ok;
  for (const auto& name : a.inputs) {
    auto text = read_input(name);
    if (!text) {
      rc = usage_error(text.error().message);
      continue;
    }
    const std::vector<Match> matches = (*engine)->detect(*text);
    if (a.format == "json")
      print_json(matches, a, several ? &name : nullptr);
    else
      print_table(matches, a, name, several);
    std::fflush(stdout);
  }
  return rc;
}

}  // namespace

void register_detect(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("detect", "Find personal data (e-mail, phone, IBAN, card, address, ...) in text");
  auto a = std::make_shared<DetectArgs>();
  cmd->add_option("inputs", a->inputs, "Files to read; '-' or none reads standard input");
  cmd->add_option("--format", a->format, "table (default) or json (JSON Lines, one object per match)")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->add_flag("--show-values", a->show_values, "Print the values unredacted");
  add_engine_flags(cmd, a->engine, true);
  cmd->callback([a, &action] { action = [a] { return run_detect(*a); }; });
}

}  // namespace exposcan
