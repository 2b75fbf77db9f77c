#include "reports/terminal_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "core/fs.h"
#include "reports/match_value.h"
#include "reports/json_report.h"
#include "reports/summary.h"

namespace exposcan {
namespace {

struct Style {
  bool on;
  std::string wrap(std::string_view code, std::string_view text) const {
    if (!on) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }
  std::string bold(std::string_view t) const { return wrap("1", t); }
  std::string dim(std::string_view t) const { return wrap("2", t); }
  std::string severity(Severity s, std::string_view t) const {
    switch (s) {
      case Severity::critical: return wrap("1;31", t);
      case Severity::high: return wrap("31", t);
      case Severity::medium: return wrap("33", t);
      case Severity::low: return wrap("36", t);
      case Severity::info: return wrap("2", t);
    }
    return std::string(t);
  }
};

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string duration_text(const ScanInfo& s) {
  if (!s.finished) return "";
  double secs = std::chrono::duration<double>(*s.finished - s.started).count();
  return fmt::format(" in {:.1f} s", secs);
}

std::string match_summary(const Finding& f, bool show_values) {
  std::vector<std::string> parts;
  std::set<std::string> seen;
  std::set<std::tuple<std::string, size_t, size_t>> identity_spans;
  for (const auto& m : f.matches)
    if (m.type == "identity") identity_spans.emplace(m.field, m.start, m.end);
  for (const auto& m : f.matches) {
    // A detector hit that is also recognised as the person's own datum is shown once, as "your ...".
    if (m.type != "identity" && identity_spans.count({m.field, m.start, m.end})) continue;
    std::string shown = shown_value(m, show_values);
    std::string label = m.type == "identity" && !m.subtype.empty() ? "your " + m.subtype : m.type;
    std::replace(label.begin(), label.end(), '_', ' ');
    std::string p = label + " " + shown;
    if (seen.insert(p).second) parts.push_back(p);
    if (parts.size() == 4) break;
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  if (f.matches.size() > parts.size() && parts.size() == 4) out += ", …";
  return out;
}

class TerminalReporter final : public Reporter {
 public:
  explicit TerminalReporter(ReportOptions o) : m_options(std::move(o)) {}
  void begin(const ScanInfo& scan) override { m_record.scan = scan; }
  void item(const Item& item, std::span<const Finding> findings) override {
    m_record.items.push_back(item);
    m_record.findings.insert(m_record.findings.end(), findings.begin(), findings.end());
  }
  Status end(const ScanInfo& scan) override {
    m_record.scan = scan;
    sort_record(m_record);
    std::string text = render_terminal(m_record, m_options);
    if (m_options.output_path.empty() || m_options.output_path == "-") {
      std::fwrite(text.data(), 1, text.size(), stdout);
      std::fflush(stdout);
      return {};
    }
    return write_private_file(m_options.output_path, text);
  }

 private:
  ReportOptions m_options;
  ScanRecord m_record;
};

}  // namespace

std::string render_terminal(const ScanRecord& record, const ReportOptions& options, size_t top) {
  Style st{options.color};
  const ScanInfo& scan = record.scan;
  ReportSummary s = summarize(record);
  std::string out;
  out += st.bold(fmt::format("exposcan {}", scan.tool_version)) +
         fmt::format(" — {} target{}, {} page{} fetched{} ({})\n\n", scan.targets.size(),
                     scan.targets.size() == 1 ? "" : "s", scan.pages_fetched, scan.pages_fetched == 1 ? "" : "s",
                     duration_text(scan), scan.status);
  out += "  " + st.bold(fmt::format("{} of your {} public items can be used to train AI", s.trainable_items,
                                    s.public_items));
  out += fmt::format("; {} of them carry your personal data.\n", s.trainable_with_personal_data);
  if (s.items_with_personal_data > s.trainable_with_personal_data)
    out += fmt::format("  {} item(s) in all carry personal data.\n", s.items_with_personal_data);
  out += "\n";

  static const std::vector<std::string> k_verdicts = {"trainable", "not_trainable", "not_public", "could_not_check",
                                                      "unknown"};
  out += fmt::format("  {:<12} {:>6} {:>10} {:>14} {:>11} {:>16}\n", "platform", "items", "trainable", "not trainable",
                     "not public", "could not check");
  for (const auto& [platform, verdicts] : s.per_platform_verdict) {
    size_t total = 0;
    for (const auto& [_, n] : verdicts) total += n;
    auto get = [&](const std::string& v) {
      auto it = verdicts.find(v);
      return it == verdicts.end() ? size_t{0} : it->second;
    };
    out += fmt::format("  {:<12} {:>6} {:>10} {:>14} {:>11} {:>16}\n", platform, total, get("trainable"),
                       get("not_trainable") + get("unknown"), get("not_public"), get("could_not_check"));
  }
  if (!s.agent_order.empty()) {
    out += "\n  AI training crawlers that may fetch your trainable items:\n    ";
    size_t shown = std::min<size_t>(s.agent_order.size(), 8);
    for (size_t i = 0; i < shown; ++i)
      out += fmt::format("{}{} ({})", i ? ", " : "", s.agent_order[i], s.trainable_per_agent.at(s.agent_order[i]));
    if (s.agent_order.size() > shown) out += fmt::format(" and {} more (see the report)", s.agent_order.size() - shown);
    out += "\n";
  }

  std::map<std::string, const Item*> items;
  for (const auto& i : record.items) items[i.id] = &i;
  std::vector<const Finding*> ranked;
  for (const auto& f : record.findings)
    if (f.verdict != Verdict::not_trainable) ranked.push_back(&f);
  std::stable_sort(ranked.begin(), ranked.end(), [](const Finding* a, const Finding* b) {
    if (a->severity != b->severity) return a->severity > b->severity;
    return a->matches.size() > b->matches.size();
  });
  if (!ranked.empty()) {
    out += "\n" + st.bold("Top findings") + "\n";
    for (size_t i = 0; i < ranked.size() && i < top; ++i) {
      const Finding& f = *ranked[i];
      std::string sev = fmt::format("{:<8}", upper(to_string(f.severity)));
      auto item = items.find(f.item_id);
      std::string what = item == items.end() ? f.platform
                                             : item->second->platform + " " + std::string(to_string(item->second->kind));
      out += fmt::format("  {} {:<16} {:<18} {}\n", st.severity(f.severity, sev), to_string(f.verdict), what, f.url);
      out += "           " + f.title + "\n";
      for (size_t r = 0; r < f.reasons.size() && r < 3; ++r) out += "           - " + f.reasons[r] + "\n";
      std::string pd = match_summary(f, options.show_values);
      if (!pd.empty()) out += "           personal data: " + pd + "\n";
    }
    if (ranked.size() > top) out += st.dim(fmt::format("  … and {} more findings in the report\n", ranked.size() - top));
  }
  if (!scan.errors.empty()) {
    out += "\n" + st.bold(fmt::format("Errors ({})", scan.errors.size())) + "\n";
    for (size_t i = 0; i < scan.errors.size() && i < 10; ++i)
      out += fmt::format("  {:<18} {} — {}\n", scan.errors[i].code, scan.errors[i].url, scan.errors[i].message);
    if (scan.errors.size() > 10) out += fmt::format("  … and {} more\n", scan.errors.size() - 10);
  }
  return out;
}

std::unique_ptr<Reporter> make_terminal_reporter(ReportOptions options) {
  return std::make_unique<TerminalReporter>(std::move(options));
}

}  // namespace exposcan
