// `exposcan scan`: the main job on the user's own targets.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "app/commands/commands.h"
#include "app/commands/scan_flags.h"
#include "app/exit_codes.h"
#include "app/pipeline.h"
#include "app/targets.h"
#include "core/fs.h"
#include "rules/identity.h"
#include "reports/reporters.h"
#include "reports/terminal_report.h"

namespace exposcan {

void register_scan(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("scan", "Crawl your public profiles and sites, judge each item, report");
  auto flags = std::make_shared<ScanFlags>();
  add_scan_flags(cmd, *flags, true);
  auto from_identity = std::make_shared<bool>(false);
  cmd->add_flag("--from-identity", *from_identity, "Also scan the identity's profiles and platform handles");
  cmd->callback([flags, from_identity, &action] {
    action = [flags, from_identity]() -> int {
      auto config = build_config(*flags);
      if (!config) return usage_error(config.error().message);
      if (*from_identity) {
        std::string text = config->identity_inline;
        if (text.empty() && !config->identity_file.empty()) {
          auto file = read_file(config->identity_file);
          if (!file) return usage_error("--from-identity: cannot read identity file " + config->identity_file);
          text = *file;
        }
        if (text.empty()) return usage_error("--from-identity: no identity configured (set `identity:` in the config)");
        auto identity = parse_identity(text, config->identity_file.empty() ? "identity" : config->identity_file);
        if (!identity) return usage_error(identity.error().message);
        for (auto& t : targets_from_identity(identity->handles, identity->profiles))
          if (std::find(config->targets.begin(), config->targets.end(), t) == config->targets.end()) config->targets.push_back(t);
      }
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
