// `exposcan scan`: the main job on the user's own targets.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <memory>

#include "app/commands/commands.h"
#include "app/commands/scan_flags.h"
#include "app/exit_codes.h"
#include "app/pipeline.h"
#include "reports/reporters.h"
#include "reports/terminal_report.h"

namespace exposcan {

void register_scan(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("scan", "Crawl your public profiles and sites, judge each item, report");
  auto flags = std::make_shared<ScanFlags>();
  add_scan_flags(cmd, *flags, true);
  cmd->callback([flags, &action] {
    action = [flags]() -> int {
      auto config = build_config(*flags);
      if (!config) return usage_error(config.error().message);
      ReportOptions ro;
      ro.show_values = config->show_values;
      ro.output_path = config->output;
      ro.color = (config->output.empty() || config->output == "-") && config->format == "table" &&
                 terminal_colors_wanted(STDOUT_FILENO);
      auto reporter = make_reporter(config->format, ro);
      if (!reporter) return usage_error(reporter.error().message);
      std::vector<std::unique_ptr<Reporter>> reporters;
      reporters.push_back(std::move(*reporter));
      auto outcome = run_scan(*config, reporters);
      if (!outcome) return usage_error(outcome.error().message);
      report_outcome(*outcome);
      return outcome->exit_code;
    };
  });
}

}  // namespace exposcan
