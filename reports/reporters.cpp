#include "reports/reporters.h"

#include <functional>

#include "reports/json_report.h"
#include "reports/terminal_report.h"

namespace exposcan {
namespace {

struct Format {
  const char* name;
  std::function<std::unique_ptr<Reporter>(ReportOptions)> make;
};

const std::vector<Format>& formats() {
  static const std::vector<Format> k = {
      {"table", make_terminal_reporter},
      {"json", make_json_reporter},
  };
  return k;
}

}  // namespace

std::vector<std::string> report_formats() {
  std::vector<std::string> out;
  for (const auto& f : formats()) out.emplace_back(f.name);
  return out;
}

bool is_report_format(std::string_view format) {
  for (const auto& f : formats())
    if (format == f.name) return true;
  return false;
}

Expected<std::unique_ptr<Reporter>> make_reporter(std::string_view format, ReportOptions options) {
  for (const auto& f : formats())
    if (format == f.name) return f.make(std::move(options));
  return make_error("usage", "unknown report format '" + std::string(format) + "'");
}

}  // namespace exposcan
