// `exposcan letter SCAN --kind objection|access [--platform P]`: a GDPR Art. 21 objection or
// Art. 15 access request (Markdown or plain text) from a scan's findings and the person's
// identity (reports/letter.h). SCAN is a JSON report file (`scan --format json -o FILE`, or
// report.json from `demo`) or, when no such file exists, a stored scan (an id, last or previous)
// in the history store (--state). Recording the date a letter was sent (`--sent DATE`) is not
// there yet.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "app/commands/commands.h"
#include "app/commands/scan_flags.h"
#include "app/commands/state_option.h"
#include "app/config.h"
#include "app/exit_codes.h"
#include "core/fs.h"
#include "core/hash.h"
#include "reports/json_model.h"
#include "reports/letter.h"
#include "rules/identity.h"

namespace exposcan {
namespace {

struct LetterArgs {
  std::string scan, kind, platform, format = "md", output, identity, config, date, evidence, state;
};

Expected<Identity> letter_identity(const LetterArgs& a) {
  Config c;
  std::string file = a.config;
  if (file.empty() && std::filesystem::exists("exposcan.yaml")) file = "exposcan.yaml";
  if (!file.empty())
    if (auto s = load_config_file(file, c); !s) return s.error();
  if (auto s = apply_environment(c); !s) return s.error();
  if (!a.identity.empty()) {
    c.identity_file = a.identity;
    c.identity_inline.clear();
  }
  if (!c.identity_inline.empty()) return parse_identity(c.identity_inline, c.source.empty() ? "identity" : c.source);
  if (c.identity_file.empty())
    return make_error("usage", "letter: no identity; pass --identity FILE (names, email, jurisdiction) or set `identity:` in exposcan.yaml");
  auto text = read_file(c.identity_file);
  if (!text) return make_error("config", "cannot read identity file " + c.identity_file);
  return parse_identity(*text, c.identity_file);
}

bool looks_like_scan_ref(const std::string& s) {
  if (s == "last" || s == "previous") return true;
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// The scan the letter is about: a JSON report file, else a stored scan.
Expected<ScanRecord> letter_record(const LetterArgs& a) {
  if (std::filesystem::exists(a.scan) || !looks_like_scan_ref(a.scan)) {
    auto text = read_file(a.scan);
    if (!text)
      return make_error("usage", "letter: cannot read " + a.scan + " (a JSON report file, or a stored scan: an id, last or previous)");
    auto json = nlohmann::json::parse(*text, nullptr, false);
    if (json.is_discarded()) return make_error("usage", "letter: " + a.scan + " is not a JSON report");
    auto record = record_from_json(json);
    if (!record) return make_error("usage", "letter: " + a.scan + ": " + record.error().message);
    return record;
  }
  auto store = open_state(a.state, OpenMode::read);
  if (!store) return store.error();
  auto id = (*store)->resolve(a.scan);
  if (!id) return id.error();
  return (*store)->load(*id);
}

int run_letter(const LetterArgs& a) {
  auto kind = letter_kind_from_string(a.kind);
  if (!kind) return usage_error("letter: --kind must be objection or access (got '" + a.kind + "')");
  auto record = letter_record(a);
  if (!record) return usage_error(record.error().message);
  auto identity = letter_identity(a);
  if (!identity) return usage_error(identity.error().message);
  if (identity->names.empty()) return usage_error("letter: the identity has no name to sign the letter with");

  LetterParty party;
  party.name = identity->names.front();
  if (!identity->emails.empty()) party.email = identity->emails.front();
  if (!identity->addresses.empty()) party.address = identity->addresses.front();
  party.handles = identity->handles;
  party.country = identity->country;
  party.jurisdiction = identity->jurisdiction;

  LetterRequest request;
  request.kind = *kind;
  request.platform = a.platform;
  request.date = std::chrono::system_clock::now();
  if (!a.date.empty()) {
    auto d = parse_date(a.date);
    if (!d) return usage_error("letter: --date: expected YYYY-MM-DD (got '" + a.date + "')");
    request.date = *d;
  }
  if (!a.evidence.empty()) {
    request.evidence = a.evidence;
    if (auto manifest = read_file(std::filesystem::path(a.evidence) / "manifest.json"))
      request.evidence_manifest_sha256 = sha256_hex(*manifest);
  }
  auto letter = render_letter(*record, party, request);
  if (!letter) return usage_error(letter.error().message);
  const std::string& body = a.format == "text" ? letter->text : letter->markdown;
  if (a.output.empty() || a.output == "-") {
    fmt::print("{}", body);
    return exit_code::k_ok;
  }
  if (auto s = write_private_file(a.output, body); !s) return usage_error(s.error().message);
  return exit_code::k_ok;
}

}  // namespace

void register_letter(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("letter", "Write a GDPR Art. 21 objection or Art. 15 access request from a scan's findings");
  auto a = std::make_shared<LetterArgs>();
  cmd->add_option("scan", a->scan, "JSON report of the scan (report.json), or a stored scan: an id, last or previous")->required();
  add_state_option(cmd, a->state);
  cmd->add_option("--kind", a->kind, "objection (Art. 21) or access (Art. 15)")->required()->check(CLI::IsMember({"objection", "access"}));
  cmd->add_option("--platform", a->platform, "Platform or company to write to (instagram, meta, ...); default: the only one");
  cmd->add_option("--format", a->format, "md (default) or text")->check(CLI::IsMember({"md", "text"}));
  cmd->add_option("-o,--output", a->output, "Write the letter to FILE (mode 0600)");
  cmd->add_option("--identity", a->identity, "Identity file (name, email, jurisdiction)");
  cmd->add_option("-c,--config", a->config, "Config file with an identity (default: ./exposcan.yaml when present)");
  cmd->add_option("--date", a->date, "Date of the letter, YYYY-MM-DD (default: today)");
  cmd->add_option("--evidence", a->evidence, "Evidence bundle folder to point to (its manifest hash goes into the letter)");
  cmd->callback([a, &action] { action = [a]() { return run_letter(*a); }; });
}

}  // namespace exposcan
