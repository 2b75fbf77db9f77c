// reports/reporters.h — the reporter factory: one entry per output format.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "reports/reporter.h"

namespace exposcan {

std::vector<std::string> report_formats();  // "table", "json", ...
bool is_report_format(std::string_view format);
Expected<std::unique_ptr<Reporter>> make_reporter(std::string_view format, ReportOptions options);

}  // namespace exposcan
