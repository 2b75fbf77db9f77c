// reports/csv_report.h — one row per finding (RFC 4180: comma-separated, CRLF line ends, a
// header row), for spreadsheets. Cells that start like a formula are defused (text_escape.h).
// Multi-valued cells join their parts with " | ". Columns: see k_csv_columns in csv_report.cpp
// and README "CSV".
#pragma once

#include <memory>
#include <string>

#include "reports/reporter.h"

namespace exposcan {

std::string render_csv(const ScanRecord& record, bool show_values);
std::unique_ptr<Reporter> make_csv_reporter(ReportOptions options);

}  // namespace exposcan
