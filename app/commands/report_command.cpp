// `exposcan report SCAN`: re-renders a stored scan in any report format (the reporters factory),
// without fetching anything.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <memory>

#include "app/commands/commands.h"
#include "app/commands/scan_flags.h"
#include "app/commands/state_option.h"
#include "app/exit_codes.h"
#include "reports/reporters.h"

namespace exposcan {

void register_report(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("report", "Re-render a stored scan (an id, last or previous) in any format");
  auto state = std::make_shared<std::string>();
  auto scan = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto output = std::make_shared<std::string>();
  auto show_values = std::make_shared<bool>(false);
  cmd->add_option("SCAN", *scan, "The scan: an id, last or previous")->required();
  add_state_option(cmd, *state);
  std::string formats;
  for (const auto& f : report_formats()) formats += (formats.empty() ? "" : ", ") + f;
  cmd->add_option("--format", *format, "Output format: " + formats);
  cmd->add_option("-o,--output", *output, "Write the report to FILE (mode 0600)");
  cmd->add_flag("--show-values", *show_values, "Print personal values unredacted");
  cmd->callback([=, &action] {
    action = [=]() -> int {
      if (!is_report_format(*format)) return usage_error("--format: expected one of " + formats + " (got '" + *format + "')");
      auto store = open_state(*state, OpenMode::read);
      if (!store) return usage_error(store.error().message);
      auto id = (*store)->resolve(*scan);
      if (!id) return usage_error(id.error().message);
      auto record = (*store)->load(*id);
      if (!record) return usage_error(record.error().message);
      ReportOptions ro;
      ro.show_values = *show_values;
      ro.output_path = *output;
      ro.color = output->empty() && *format == "table" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
      auto reporter = make_reporter(*format, ro);
      if (!reporter) return usage_error(reporter.error().message);
      if (auto s = render(*record, **reporter); !s) return usage_error(s.error().message);
      return exit_code::k_ok;
    };
  });
}

}  // namespace exposcan
