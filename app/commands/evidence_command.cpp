// `exposcan evidence verify DIR`: re-checks an evidence bundle (every file's SHA-256 against
// manifest.json, every WARC record's digests, the RFC 3161 request against the manifest) and
// exits 0 when everything matches, 1 when anything differs or cannot be read, naming the file.
// `exposcan evidence SCAN -o DIR` makes a bundle for a stored scan; it needs the history store
// (store/), which this build does not have yet: use `exposcan scan --evidence DIR` meanwhile.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

#include "app/commands/commands.h"
#include "app/commands/scan_flags.h"
#include "app/exit_codes.h"
#include "reports/evidence_verify.h"

namespace exposcan {

void register_evidence(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("evidence", "Evidence bundles: make one for a stored scan, or verify one");
  auto scan = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  cmd->add_option("scan", *scan, "Stored scan id (needs the history store)");
  cmd->add_option("-o,--output", *out, "Folder for the bundle");
  auto state = std::make_shared<std::string>();
  cmd->add_option("--state", *state, "History store (SQLite file)");

  auto* verify = cmd->add_subcommand("verify", "Re-check every hash and WARC digest of a bundle; exit 1 naming what differs");
  auto dir = std::make_shared<std::string>();
  verify->add_option("dir", *dir, "The bundle folder")->required();
  verify->callback([dir, &action] {
    action = [dir]() -> int {
      VerifyReport report = verify_evidence_bundle(*dir);
      fmt::print("{}", format_verify_report(report, *dir));
      std::fflush(stdout);
      return report.ok() ? exit_code::k_ok : 1;
    };
  });

  cmd->callback([verify, scan, out, state, &action] {
    if (verify->parsed()) return;
    action = [scan, out, state]() -> int {
      (void)state;  // read once the history store is wired in
      if (scan->empty()) return usage_error("evidence: name a stored scan (evidence SCAN -o DIR) or use `evidence verify DIR`");
      if (out->empty()) return usage_error("evidence: -o DIR is required");
      return usage_error("evidence SCAN -o DIR needs the history store, which this build does not include yet; "
                         "run `exposcan scan --evidence DIR` to write a bundle during a scan");
    };
  });
}

}  // namespace exposcan
