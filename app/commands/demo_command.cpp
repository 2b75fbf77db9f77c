// `exposcan demo`: the main job against the bundled samples, served over HTTPS on 127.0.0.1 as if
// they were the real hosts (each sample host is mapped to the loopback server like curl's
// --connect-to; the sample CA is the only trusted CA). Writes every report format into --out
// (report.json, .jsonl, .sarif, .html, .md, .csv) and the evidence bundle into --out/evidence
// unless --evidence names another folder. It takes the same flags as `scan`, so the rescan
// workflow (--state, --since, --fail-on, --new-only, ...) can be tried on the samples.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "app/commands/commands.h"
#include "app/commands/scan_flags.h"
#include "app/demo_targets.h"
#include "app/pipeline.h"
#include "core/fs.h"
#include "reports/reporters.h"
#include "reports/terminal_report.h"
#include "samples/sample_files.h"
#include "samples/sample_server.h"

namespace exposcan {

void register_demo(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("demo", "Scan the bundled sample person (Jane Example) over HTTPS on 127.0.0.1");
  auto flags = std::make_shared<ScanFlags>();
  auto out_dir = std::make_shared<std::string>("exposcan-demo");
  cmd->add_option("--out", *out_dir, "Folder for the reports (default: exposcan-demo)");
  add_scan_flags(cmd, *flags, false);
  cmd->callback([flags, out_dir, &action] {
    action = [flags, out_dir]() -> int {
      samples::SampleServer server;
      if (auto s = server.start(); !s) return usage_error("cannot start the sample server: " + s.error().message);
      auto tmp = make_temp_dir("demo");
      if (!tmp) return usage_error(tmp.error().message);
      std::filesystem::path ca = *tmp / "sample-ca.pem";
      if (auto s = write_private_file(ca, server.ca_pem()); !s) return usage_error(s.error().message);

      auto config = build_config(*flags);
      if (!config) return usage_error(config.error().message);
      if (config->targets.empty()) config->targets = demo_targets();
      if (config->identity_file.empty() && config->identity_inline.empty())
        config->identity_inline = std::string(samples::file("identity.yaml").value_or(""));
      config->cacert = ca.string();
      // The demo's history is its own: a temporary store unless --state names one (EXPOSCAN_STATE
      // and the config file's `state:` are for real scans).
      config->state = flags->state.empty() ? (*tmp / "history.db").string() : flags->state;
      for (const auto& host : server.hostnames())
        config->connect_to.push_back(fmt::format("{}:443:127.0.0.1:{}", host, server.port()));

      if (config->evidence_dir.empty()) config->evidence_dir = (std::filesystem::path(*out_dir) / "evidence").string();
      ReportOptions terminal;
      terminal.show_values = config->show_values;
      terminal.color = terminal_colors_wanted(STDOUT_FILENO);
      std::vector<std::unique_ptr<Reporter>> reporters;
      reporters.push_back(std::move(*make_reporter("table", terminal)));
      std::vector<std::string> written;
      for (const auto& [format, name] : report_files()) {
        ReportOptions file;
        file.show_values = config->show_values;
        file.output_path = (std::filesystem::path(*out_dir) / name).string();
        reporters.push_back(std::move(*make_reporter(format, file)));
        written.push_back(name);
      }

      auto outcome = run_scan(*config, reporters);
      std::error_code ec;
      std::filesystem::remove_all(*tmp, ec);
      if (!outcome) return usage_error(outcome.error().message);
      std::string names;
      for (const auto& n : written) names += (names.empty() ? "" : ", ") + n;
      fmt::print("\nReports written to {}: {}; evidence bundle in {}\n", *out_dir, names, config->evidence_dir);
      report_outcome(*outcome);
      return outcome->exit_code;
    };
  });
}

}  // namespace exposcan
