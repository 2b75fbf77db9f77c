#include "reports/jsonl_report.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/fs.h"
#include "reports/json_model.h"
#include "reports/redaction.h"

namespace exposcan {
namespace {

using json = nlohmann::json;

json envelope(const char* type, json data) { return {{"type", type}, {"data", std::move(data)}}; }

class JsonlReporter final : public Reporter {
 public:
  explicit JsonlReporter(ReportOptions o) : m_options(std::move(o)), m_show(personal_file_shows_values(m_options)) {}
  ~JsonlReporter() override {
    if (m_file && m_file != stdout) std::fclose(m_file);
  }

  void begin(const ScanInfo& scan) override {
    open();
    json data = {{"schema_version", k_report_schema_version},
                 {"tool", {{"name", scan.tool}, {"version", scan.tool_version}}},
                 {"scan", scan_info_to_json(scan)}};
    emit(envelope("begin", std::move(data)));
  }

  void item(const Item& item, std::span<const Finding> findings) override {
    if (!m_file) open();
    if (m_show) {
      emit(envelope("item", item_to_json(item)));
      for (const auto& f : findings) emit(envelope("finding", finding_to_json(f, true)));
    } else {
      Item shown = item;
      std::vector<Finding> shown_findings(findings.begin(), findings.end());
      redact_item(shown, shown_findings);
      emit(envelope("item", item_to_json(shown)));
      for (const auto& f : shown_findings) emit(envelope("finding", finding_to_json(f, true)));
    }
    m_summary.add(item, findings);
  }

  Status end(const ScanInfo& scan) override {
    if (!m_file) open();
    json scan_json = scan_info_to_json(scan);
    for (const auto& e : scan_json["errors"]) emit(envelope("error", e));
    emit(envelope("end", {{"scan", std::move(scan_json)}, {"summary", summary_to_json(m_summary.summary())}}));
    if (m_file && m_file != stdout) {
      if (std::fclose(m_file) != 0 && !m_error) m_error = "cannot write " + m_options.output_path + ": " + std::strerror(errno);
      m_file = nullptr;
    }
    if (m_error) return make_error("io", *m_error);
    return {};
  }

 private:
  void open() {
    if (m_file || m_error) return;
    if (writes_to_stdout(m_options)) {
      m_file = stdout;
      return;
    }
    std::filesystem::path path(m_options.output_path);
    if (path.has_parent_path())
      if (auto s = create_private_dirs(path.parent_path()); !s) {
        m_error = s.error().message;
        return;
      }
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd >= 0) ::fchmod(fd, 0600);  // an existing file keeps its mode otherwise
    m_file = fd >= 0 ? ::fdopen(fd, "w") : nullptr;
    if (!m_file) {
      if (fd >= 0) ::close(fd);
      m_error = "cannot write " + m_options.output_path + ": " + std::strerror(errno);
    }
  }

  void emit(const json& line) {
    if (!m_file) return;
    std::string text = line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    if (std::fwrite(text.data(), 1, text.size(), m_file) != text.size() && !m_error)
      m_error = "cannot write the JSON Lines report";
    std::fflush(m_file);
  }

  ReportOptions m_options;
  bool m_show;
  std::FILE* m_file = nullptr;
  std::optional<std::string> m_error;
  SummaryBuilder m_summary;  // for the closing summary
};

}  // namespace

std::unique_ptr<Reporter> make_jsonl_reporter(ReportOptions options) {
  return std::make_unique<JsonlReporter>(std::move(options));
}

}  // namespace exposcan
