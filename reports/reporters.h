// reports/reporters.h — the reporter factory: one entry per output format.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/expected.h"
#include "reports/reporter.h"

namespace exposcan {

std::vector<std::string> report_formats();  // "table", "json", "jsonl", "sarif", "html", "md", "csv"
// (format, file name) for every file format: ("json", "report.json"), ... — what `demo` writes.
std::vector<std::pair<std::string, std::string>> report_files();
bool is_report_format(std::string_view format);
Expected<std::unique_ptr<Reporter>> make_reporter(std::string_view format, ReportOptions options);

}  // namespace exposcan
