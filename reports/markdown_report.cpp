#include "reports/markdown_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "reports/report_text.h"
#include "reports/signals_text.h"
#include "reports/spill_list.h"
#include "reports/summary.h"
#include "reports/text_escape.h"

namespace exposcan {
namespace {

std::string md(std::string_view s) { return markdown_escape(s); }

// A code span; backticks and line breaks cannot occur inside.
std::string code(std::string_view s) {
  std::string out = "`";
  for (char c : s) out += (c == '`' || c == '\n' || c == '\r') ? '\'' : c;
  return out + "`";
}

// An autolink when the URL is plain, else escaped text.
std::string md_url(std::string_view url) {
  if (url.empty()) return "—";
  if (url.find_first_of(" <>\n\r\t") == std::string_view::npos &&
      (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0))
    return "<" + std::string(url) + ">";
  return md(url);
}

std::string item_heading(const Item& item) {
  if (!item.title.empty()) return item.title;
  if (!item.text.empty()) {
    std::string t(item.text.substr(0, 60));
    return t.size() < item.text.size() ? t + "…" : t;
  }
  return short_url(item.url);
}

// The findings table and the item sections are kept on disk in report order; the header needs
// the counts, known only at the end.
class MarkdownWriter final : public ReportWriter {
 public:
  explicit MarkdownWriter(bool show_values) : m_show(show_values) {}

  void add(const Item* source, std::span<const Finding> findings) override {
    ShownItem shown(source, findings, m_show);
    m_summary.add(source, findings);
    for (const auto& f : shown.findings())
      m_rows.add(sort_key({f.item_id, f.rule_id, f.fingerprint}),
                 fmt::format("| {} | {} | {} | {} | {} | {} |\n", to_string(f.severity), to_string(f.verdict), md(f.platform),
                             md_url(f.url), code(f.rule_id), md(match_summary(f.matches, true, 4))));
    if (!source) return;
    if (findings.empty()) {
      ++m_quiet;
      return;
    }
    m_items.add(sort_key({source->id}), item_section(*shown.item(), shown.findings()));
  }

  Status finish(const ScanInfo& scan, const std::function<void(std::string_view)>& write) override {
    const ReportSummary& s = m_summary.summary();
    std::string out = "# exposcan report\n\n";
    const ItemCounts yours = s.yours();
    out += fmt::format("**{} of your {} public items can be used to train AI; {} carry your personal data.**\n\n",
                       yours.trainable_items, yours.public_items, yours.trainable_with_personal_data);
    if (s.by_others.public_items > 0) out += others_sentence(s.by_others) + "\n\n";
    out += fmt::format("- Scan: {}, status **{}**, robots mode {}\n", code(scan.id), md(scan.status), code(scan.robots_mode));
    out += fmt::format("- Started: {}; finished: {}\n", format_rfc3339(scan.started),
                       scan.finished ? format_rfc3339(*scan.finished) : "—");
    out += fmt::format("- Pages fetched: {} ({} bytes); items: {}; findings: {}; items with personal data: {}\n",
                       scan.pages_fetched, scan.bytes_fetched, s.items, s.findings, s.items_with_personal_data);
    out += fmt::format("- Tool: exposcan {}\n", md(scan.tool_version));
    out += "- Targets:\n";
    for (const auto& t : scan.target_status)
      out += fmt::format("  - {} — {}, {} page(s)\n", md_url(t.url.empty() ? t.target : t.url),
                         t.reachable ? "reachable" : "**unreachable**", t.pages);
    if (scan.target_status.empty())
      for (const auto& t : scan.targets) out += "  - " + md_url(t) + "\n";
    if (!m_show) out += "\nPersonal values are redacted (use `--show-values` to include them).\n";

    out += "\n## Per platform\n\n| platform | items | trainable | not trainable | unknown | not public | could not check |\n"
           "|---|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& [platform, verdicts] : s.per_platform_verdict) {
      size_t total = 0;
      for (const auto& [_, n] : verdicts) total += n;
      const auto& counts = verdicts;  // clang 14 cannot capture structured bindings
      auto get = [&counts](const char* v) {
        auto it = counts.find(v);
        return it == counts.end() ? size_t{0} : it->second;
      };
      out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", md(platform), total, get("trainable"), get("not_trainable"),
                         get("unknown"), get("not_public"), get("could_not_check"));
    }
    if (!s.trainable_per_agent.empty()) {
      out += "\n## AI training crawlers that may take the trainable items on your pages\n\n| agent | items |\n|---|---:|\n";
      std::vector<std::pair<std::string, size_t>> agents;
      for (const auto& a : s.agent_order)
        if (s.trainable_per_agent.count(a)) agents.emplace_back(a, s.trainable_per_agent.at(a));
      std::stable_sort(agents.begin(), agents.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
      for (const auto& [agent, n] : agents) out += fmt::format("| {} | {} |\n", md(agent), n);
    }

    out += fmt::format("\n## Findings ({})\n\n", s.findings);
    if (s.findings) out += "| severity | verdict | platform | item | rule | personal data |\n|---|---|---|---|---|---|\n";
    write(out);
    if (auto st = m_rows.each_sorted(write); !st) return st;
    write("\n## Items\n");
    if (auto st = m_items.each_sorted(write); !st) return st;
    out.clear();
    if (m_quiet) out += fmt::format("\n{} item(s) without findings are listed in the JSON report.\n", m_quiet);
    if (!scan.errors.empty()) {
      out += fmt::format("\n## Errors ({})\n\n| code | URL | message |\n|---|---|---|\n", scan.errors.size());
      for (const auto& e : scan.errors) out += fmt::format("| {} | {} | {} |\n", md(e.code), md_url(e.url), md(e.message));
    }
    if (!scan.packs.empty()) {
      out += "\n## Rule packs\n\n| pack | version | SHA-256 |\n|---|---|---|\n";
      for (const auto& p : scan.packs) out += fmt::format("| {} | {} | {} |\n", md(p.id), md(p.version), code(p.sha256));
    }
    write(out);
    return {};
  }

 private:
  static std::string item_section(const Item& item, const std::vector<Finding>& findings) {
    std::string out = "\n### " + md(item_heading(item)) + "\n\n";
    out += fmt::format("- {} {} on {}{}: {}\n", to_string(item.visibility), to_string(item.kind), md(item.platform),
                       item.published_at ? ", published " + date_text(item.published_at) : "", md_url(item.url));
    for (const Finding& f : findings) {
      out += fmt::format("- **{}** — {} ({}, {} severity)\n", verdict_label(f.verdict), md(f.title), code(f.rule_id),
                         to_string(f.severity));
      for (const auto& r : f.reasons) out += "  - " + md(r) + "\n";
      if (!f.matches.empty()) {
        out += "  - Personal data:\n";
        for (const auto& m : f.matches)
          out += fmt::format("    - {}: {} in {}\n", md(match_label(m)), md(m.value), code(m.field));
      }
      auto agent_lines = agent_signal_lines(f);
      if (!agent_lines.empty()) {
        out += "  - AI crawlers:\n";
        for (const auto& l : agent_lines) out += "    - " + md(l) + "\n";
      }
      if (f.policy)
        out += fmt::format("  - Platform policy: {} ({}, {} since {})\n", md(f.policy->title), md(f.policy->platform),
                           md(f.policy->jurisdiction.empty() ? "all regions" : f.policy->jurisdiction),
                           md(f.policy->since.empty() ? "an unknown date" : f.policy->since));
      out += fmt::format("  - Evidence: {}, HTTP {}, fetched {}, SHA-256 {}\n", md_url(f.evidence.url), f.evidence.status,
                         f.evidence.fetched_at ? format_rfc3339(*f.evidence.fetched_at) : "—",
                         f.evidence.sha256.empty() ? "—" : code(f.evidence.sha256));
      auto todo = what_to_do(f);
      if (!todo.empty()) {
        out += "  - What to do:\n";
        for (const auto& t : todo) out += "    - " + md(t) + "\n";
      }
    }
    auto signals = page_signal_lines(item);
    if (!signals.empty()) {
      out += "- Page signals:\n";
      for (const auto& l : signals) out += "  - " + md(l) + "\n";
    }
    return out;
  }

  bool m_show;
  SummaryBuilder m_summary;
  SpillList m_rows;
  SpillList m_items;
  size_t m_quiet = 0;
};

}  // namespace

std::string render_markdown(const ScanRecord& record, bool show_values) {
  MarkdownWriter writer(show_values);
  return render_with(record, writer);
}

std::unique_ptr<Reporter> make_markdown_reporter(ReportOptions options) {
  const bool show = personal_file_shows_values(options);
  return make_writer_reporter(std::make_unique<MarkdownWriter>(show), std::move(options));
}

}  // namespace exposcan
