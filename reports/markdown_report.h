// reports/markdown_report.h — a Markdown report (GitHub-flavoured tables) for issues, wikis and
// e-mail: the summary sentence, counts per platform and agent, a findings table and one section
// per item with its verdict, reasons, personal data, signals, evidence and what to do. Every
// value from a page is escaped (reports/text_escape.h) so it cannot inject markup or links.
#pragma once

#include <memory>
#include <string>

#include "reports/reporter.h"

namespace exposcan {

std::string render_markdown(const ScanRecord& record, bool show_values);
std::unique_ptr<Reporter> make_markdown_reporter(ReportOptions options);

}  // namespace exposcan
