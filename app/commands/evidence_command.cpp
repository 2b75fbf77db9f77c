// `exposcan evidence verify DIR`: re-checks an evidence bundle (every file's SHA-256 against
// manifest.json, every WARC record's digests, the RFC 3161 request against the manifest) and
// exits 0 when everything matches, 1 when anything differs or cannot be read, naming the file.
// `exposcan evidence SCAN -o DIR [--state FILE]` makes a bundle for a stored scan (an id, last or
// previous): the scan's report as stored and the pages whose bodies the store kept (every page
// that supports a finding), with the request and response heads as sent, the remote IP and each
// origin's site files (robots.txt, tdmrep.json, ai.txt): the same records as the bundle written
// during the scan (`scan --evidence DIR`). Scans recorded before schema v4 have none of these: their
// bundles rebuild the response heads from the stored status and headers (each record says so).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

#include "app/commands/commands.h"
#include "app/commands/scan_flags.h"
#include "app/commands/state_option.h"
#include "app/exit_codes.h"
#include "reports/evidence_bundle.h"
#include "reports/evidence_verify.h"

namespace exposcan {
namespace {

int write_stored_bundle(const std::string& scan, const std::string& dir, const std::string& state) {
  auto store = open_state(state, OpenMode::read);
  if (!store) return usage_error(store.error().message);
  auto id = (*store)->resolve(scan);
  if (!id) return usage_error(id.error().message);
  auto record = (*store)->load(*id);
  if (!record) return usage_error(record.error().message);
  if (record->scan.status == "running")
    return usage_error("evidence: scan " + std::to_string(*id) + " is still running; make the bundle once it has finished");
  auto pages = (*store)->evidence_pages(*id);
  if (!pages) return usage_error(pages.error().message);
  auto bundle = write_evidence_bundle(*record, *pages, dir);
  if (!bundle) return usage_error("evidence bundle: " + bundle.error().message);
  fmt::print("Evidence bundle for scan {} written to {} ({} pages, {} WARC records; {} of {} findings backed by a stored "
             "page; check it with `exposcan evidence verify {}`)\n",
             *id, dir, bundle->pages, bundle->records, bundle->findings_backed,
             bundle->findings_backed + bundle->findings_unbacked, dir);
  return exit_code::k_ok;
}

}  // namespace

void register_evidence(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("evidence", "Evidence bundles: make one for a stored scan, or verify one");
  auto scan = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto state = std::make_shared<std::string>();
  cmd->add_option("scan", *scan, "Stored scan: an id, last or previous");
  cmd->add_option("-o,--output", *out, "Folder for the bundle");
  add_state_option(cmd, *state);

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
      if (scan->empty()) return usage_error("evidence: name a stored scan (evidence SCAN -o DIR) or use `evidence verify DIR`");
      if (out->empty()) return usage_error("evidence: -o DIR is required");
      return write_stored_bundle(*scan, *out, *state);
    };
  });
}

}  // namespace exposcan
