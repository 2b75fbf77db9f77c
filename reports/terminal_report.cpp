#include "reports/terminal_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

#include "reports/report_text.h"
#include "reports/spill_list.h"
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

constexpr size_t k_top_findings = 10;

std::string duration_text(const ScanInfo& s) {
  if (!s.finished) return "";
  double secs = std::chrono::duration<double>(*s.finished - s.started).count();
  return fmt::format(" in {:.1f} s", secs);
}

// The summary built one item at a time: the counts and the `top` findings that rank first (most
// severe, then most personal-data matches, then report order), never the whole scan.
class TerminalSummary {
 public:
  explicit TerminalSummary(size_t top) : m_top(top) {}

  // One item's findings (`item` null: their item is not in the report).
  void add(const Item* item, std::span<const Finding> findings) {
    if (item) {
      m_counts.add(*item, findings);
    } else {
      m_counts.add_findings(findings);
    }
    for (const auto& f : findings) {
      if (f.verdict == Verdict::not_trainable) continue;
      ++m_ranked;
      Ranked r{f, item ? item->platform + " " + std::string(to_string(item->kind)) : f.platform,
               sort_key({f.item_id, f.rule_id, f.fingerprint}), m_seq++};
      auto at = std::upper_bound(m_best.begin(), m_best.end(), r, ranks_before);
      if (static_cast<size_t>(at - m_best.begin()) >= m_top) continue;
      m_best.insert(at, std::move(r));
      if (m_best.size() > m_top) m_best.pop_back();
    }
  }

  std::string render(const ScanInfo& scan, const ReportOptions& options) const;

 private:
  struct Ranked {
    Finding finding;
    std::string what;  // "platform kind" of its item
    std::string key;   // report order
    uint64_t seq = 0;
  };
  static bool ranks_before(const Ranked& a, const Ranked& b) {
    const Finding &x = a.finding, &y = b.finding;
    if (x.severity != y.severity) return x.severity > y.severity;
    if (x.matches.size() != y.matches.size()) return x.matches.size() > y.matches.size();
    return std::tie(a.key, a.seq) < std::tie(b.key, b.seq);
  }

  size_t m_top;
  SummaryBuilder m_counts;
  std::vector<Ranked> m_best;
  size_t m_ranked = 0;
  uint64_t m_seq = 0;
};

std::string TerminalSummary::render(const ScanInfo& scan, const ReportOptions& options) const {
  Style st{options.color};
  const ReportSummary& s = m_counts.summary();
  std::string out;
  out += st.bold(fmt::format("exposcan {}", scan.tool_version)) +
         fmt::format(" — {} target{}, {} page{} fetched{} ({})\n\n", scan.targets.size(),
                     scan.targets.size() == 1 ? "" : "s", scan.pages_fetched, scan.pages_fetched == 1 ? "" : "s",
                     duration_text(scan), scan.status);
  const ItemCounts yours = s.yours();
  out += "  " + st.bold(fmt::format("{} of your {} public items can be used to train AI", yours.trainable_items,
                                    yours.public_items));
  out += fmt::format("; {} of them carry your personal data.\n", yours.trainable_with_personal_data);
  if (s.by_others.public_items > 0) out += "  " + others_sentence(s.by_others) + "\n";
  if (s.items_with_personal_data > yours.trainable_with_personal_data)
    out += fmt::format("  {} item(s) in all carry personal data.\n", s.items_with_personal_data);
  out += "\n";

  size_t name_width = 12;  // the platform column grows with the longest name ("stackexchange")
  for (const auto& entry : s.per_platform_verdict) name_width = std::max(name_width, entry.first.size());
  out += fmt::format("  {:<{}} {:>6} {:>10} {:>14} {:>8} {:>11} {:>16}\n", "platform", name_width, "items", "trainable",
                     "not trainable", "unknown", "not public", "could not check");
  for (const auto& entry : s.per_platform_verdict) {
    const std::string& platform = entry.first;
    const auto& verdicts = entry.second;  // not a structured binding: clang 14 cannot capture those
    size_t total = 0;
    for (const auto& [_, n] : verdicts) total += n;
    auto get = [&verdicts](const std::string& v) {
      auto it = verdicts.find(v);
      return it == verdicts.end() ? size_t{0} : it->second;
    };
    // "unknown" (exposcan cannot tell: an offline page whose site's robots.txt was not read, a
    // platform whose policy neither covers nor excludes the item) is not "not trainable".
    out += fmt::format("  {:<{}} {:>6} {:>10} {:>14} {:>8} {:>11} {:>16}\n", platform, name_width, total, get("trainable"),
                       get("not_trainable"), get("unknown"), get("not_public"), get("could_not_check"));
  }
  if (!s.agent_order.empty()) {
    out += "\n  AI training crawlers that may fetch the trainable items on your pages:\n    ";
    size_t shown = std::min<size_t>(s.agent_order.size(), 8);
    for (size_t i = 0; i < shown; ++i)
      out += fmt::format("{}{} ({})", i ? ", " : "", s.agent_order[i], s.trainable_per_agent.at(s.agent_order[i]));
    if (s.agent_order.size() > shown) out += fmt::format(" and {} more (see the report)", s.agent_order.size() - shown);
    out += "\n";
  }

  if (!m_best.empty()) {
    out += "\n" + st.bold("Top findings") + "\n";
    for (const auto& r : m_best) {
      const Finding& f = r.finding;
      std::string sev = fmt::format("{:<8}", upper(to_string(f.severity)));
      out += fmt::format("  {} {:<16} {:<18} {}\n", st.severity(f.severity, sev), to_string(f.verdict), r.what, f.url);
      out += "           " + f.title + "\n";
      for (size_t i = 0; i < f.reasons.size() && i < 3; ++i) out += "           - " + f.reasons[i] + "\n";
      std::string pd = match_summary(f.matches, options.show_values, 4);
      if (!pd.empty()) out += "           personal data: " + pd + "\n";
    }
    if (m_ranked > m_best.size())
      out += st.dim(fmt::format("  … and {} more findings in the report\n", m_ranked - m_best.size()));
  }
  if (!scan.errors.empty()) {
    out += "\n" + st.bold(fmt::format("Errors ({})", scan.errors.size())) + "\n";
    for (size_t i = 0; i < scan.errors.size() && i < 10; ++i)
      out += fmt::format("  {:<18} {} — {}\n", scan.errors[i].code, scan.errors[i].url, scan.errors[i].message);
    if (scan.errors.size() > 10) out += fmt::format("  … and {} more\n", scan.errors.size() - 10);
  }
  return out;
}

class TerminalReporter final : public Reporter {
 public:
  explicit TerminalReporter(ReportOptions options) : m_options(std::move(options)) {}
  void begin(const ScanInfo&) override {}
  void item(const Item& item, std::span<const Finding> findings) override { m_summary.add(&item, findings); }
  Status end(const ScanInfo& scan) override { return write_report_text(m_options, m_summary.render(scan, m_options)); }

 private:
  ReportOptions m_options;
  TerminalSummary m_summary{k_top_findings};
};

}  // namespace

std::string render_terminal(const ScanRecord& record, const ReportOptions& options, size_t top) {
  TerminalSummary summary(top);
  std::map<std::string, std::vector<Finding>> by_item;
  for (const auto& f : record.findings) by_item[f.item_id].push_back(f);
  for (const auto& item : record.items) {
    auto it = by_item.find(item.id);
    if (it == by_item.end()) {
      summary.add(&item, {});
      continue;
    }
    summary.add(&item, it->second);
    by_item.erase(it);
  }
  for (const auto& [_, findings] : by_item) summary.add(nullptr, findings);
  return summary.render(record.scan, options);
}

bool terminal_colors_wanted(int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;  // no-color.org: set and not empty
  return isatty(fd) == 1;
}

std::unique_ptr<Reporter> make_terminal_reporter(ReportOptions options) {
  return std::make_unique<TerminalReporter>(std::move(options));
}

}  // namespace exposcan
