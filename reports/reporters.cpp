#include "reports/reporters.h"

#include <functional>

#include "reports/csv_report.h"
#include "reports/html_report.h"
#include "reports/json_report.h"
#include "reports/jsonl_report.h"
#include "reports/markdown_report.h"
#include "reports/sarif_report.h"
#include "reports/terminal_report.h"

namespace exposcan {
namespace {

struct Format {
  const char* name;
  const char* file_name;  // what `demo --out DIR` writes
  std::function<std::unique_ptr<Reporter>(ReportOptions)> make;
};

const std::vector<Format>& formats() {
  static const std::vector<Format> k = {
      {"table", "", make_terminal_reporter},
      {"json", "report.json", make_json_reporter},
      {"jsonl", "report.jsonl", make_jsonl_reporter},
      {"sarif", "report.sarif", make_sarif_reporter},
      {"html", "report.html", make_html_reporter},
      {"md", "report.md", make_markdown_reporter},
      {"csv", "report.csv", make_csv_reporter},
  };
  return k;
}

}  // namespace

std::vector<std::string> report_formats() {
  std::vector<std::string> out;
  for (const auto& f : formats()) out.emplace_back(f.name);
  return out;
}

std::vector<std::pair<std::string, std::string>> report_files() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : formats())
    if (*f.file_name) out.emplace_back(f.name, f.file_name);
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
