// reports/terminal_report.h — the human summary on stdout: counts per platform and verdict, the
// most severe findings with their reasons, errors. Personal values redacted unless show_values;
// ANSI colours only when ReportOptions::color (see terminal_colors_wanted).
#pragma once

#include <memory>

#include "reports/reporter.h"

namespace exposcan {

std::unique_ptr<Reporter> make_terminal_reporter(ReportOptions options);

// Colours on `fd` (STDOUT_FILENO): a terminal, and NO_COLOR unset or empty (no-color.org).
bool terminal_colors_wanted(int fd);

// Renders the summary to a string (the reporter writes it to stdout or the output file).
std::string render_terminal(const ScanRecord& record, const ReportOptions& options, size_t top = 10);

}  // namespace exposcan
