#include "reports/html_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/hash.h"
#include "core/text.h"
#include "reports/html_assets.h"
#include "reports/html_charts.h"
#include "reports/report_text.h"
#include "reports/signals_text.h"
#include "reports/spill_list.h"
#include "reports/summary.h"
#include "reports/text_escape.h"

namespace exposcan {
namespace {

std::string h(std::string_view s) { return html_escape(s); }

std::string csp_hash(std::string_view block) { return "'sha256-" + base64_encode(sha256_raw(block)) + "'"; }

std::string link(std::string_view url, std::string_view text) {
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) return h(text);
  return fmt::format("<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>", h(url), h(text));
}

std::string badge(Verdict v) {
  return fmt::format("<span class=\"badge b-{}\">{}</span>", to_string(v), h(verdict_label(v)));
}

std::string item_title(const Item& item) {
  if (!item.title.empty()) return item.title;
  if (!item.text.empty()) {
    std::string t(utf8_prefix(item.text, 70));
    return t.size() < item.text.size() ? t + "…" : t;
  }
  return short_url(item.url);
}

std::string options_html(const std::set<std::string>& values, const char* all) {
  std::string out = fmt::format("<option value=\"\">{}</option>", all);
  for (const auto& v : values) out += fmt::format("<option value=\"{0}\">{0}</option>", h(v));
  return out;
}

std::string personal_value(const Match& m, bool show_values) {
  if (!show_values) return fmt::format("<span class=\"redacted\">{}</span>", h(m.value));  // pre-redacted
  std::string redacted = shown_value(m, false);
  return fmt::format(
      "<button type=\"button\" class=\"reveal\" aria-pressed=\"false\" title=\"Click to reveal\" data-redacted=\"{0}\" "
      "data-value=\"{1}\">{0}</button>",
      h(redacted), h(m.value));
}

std::string finding_html(const Finding& f, bool show_values) {
  std::string out = fmt::format("<div class=\"finding\" data-rule=\"{}\" data-verdict=\"{}\">", h(f.rule_id), to_string(f.verdict));
  out += fmt::format("<p class=\"verdict\">{} <strong>{}</strong> <span class=\"sev sev-{}\">{}</span> <code>{}</code></p>",
                     badge(f.verdict), h(f.title), to_string(f.severity), to_string(f.severity), h(f.rule_id));
  if (!f.reasons.empty()) {
    out += "<ul class=\"reasons\">";
    for (const auto& r : f.reasons) out += "<li>" + h(r) + "</li>";
    out += "</ul>";
  }
  if (!f.matches.empty()) {
    out += "<div class=\"pd\"><h4>Personal data found</h4><ul>";
    for (const auto& m : f.matches)
      out += fmt::format("<li>{}: {} <span class=\"muted\">in {}</span></li>", h(match_label(m)), personal_value(m, show_values),
                         h(m.field));
    out += "</ul></div>";
  }
  auto agents = agent_signal_lines(f);
  if (!agents.empty() || f.policy) {
    out += "<details class=\"signals\"><summary>Signals seen</summary><ul>";
    for (const auto& a : agents) out += "<li>" + h(a) + "</li>";
    if (f.policy)
      out += fmt::format("<li>Platform policy: {} — {} ({} since {}){}</li>", h(f.policy->platform), h(f.policy->title),
                         h(f.policy->jurisdiction.empty() ? "all regions" : f.policy->jurisdiction),
                         h(f.policy->since.empty() ? "an unknown date" : f.policy->since),
                         f.policy->source.empty() ? "" : "; source: " + link(f.policy->source, f.policy->source));
    out += "</ul></details>";
  }
  out += "<details class=\"evidence\"><summary>Evidence</summary><dl>";
  out += "<dt>URL</dt><dd>" + link(f.evidence.url, f.evidence.url) + "</dd>";
  out += "<dt>Fetched</dt><dd>" + h(f.evidence.fetched_at ? format_rfc3339(*f.evidence.fetched_at) : "—") + "</dd>";
  out += "<dt>HTTP status</dt><dd>" + (f.evidence.status ? std::to_string(f.evidence.status) : std::string("—")) + "</dd>";
  out += "<dt>SHA-256</dt><dd class=\"hash\">" + h(f.evidence.sha256.empty() ? "—" : f.evidence.sha256) + "</dd>";
  out += "<dt>Fingerprint</dt><dd class=\"hash\">" + h(f.fingerprint) + "</dd>";
  out += "</dl></details>";
  auto todo = what_to_do(f);
  if (!todo.empty()) {
    out += "<div class=\"todo\"><h4>What to do</h4><ul>";
    for (const auto& t : todo) out += "<li>" + h(t) + "</li>";
    out += "</ul></div>";
  }
  return out + "</div>";
}

// Items are shown most consequential first: by their deciding finding's verdict and severity
// (summary.h), then by id; a key that sorts that way.
std::string rank_key(const Finding* f) {
  if (!f) return "99";  // no findings: last
  return fmt::format("{}{}", 9 - verdict_rank(f->verdict), 9 - static_cast<int>(f->severity));
}

// A part whose anchor ("item-N") is only known when the parts are written in order: the text
// before and after it, and for finding rows the item id (rows of one item are adjacent).
std::string anchored_part(std::string_view item_id, std::string_view before, std::string_view after) {
  return fmt::format("{}:{}:", item_id.size(), before.size()) + std::string(item_id) + std::string(before) + std::string(after);
}

struct AnchoredPart {
  std::string_view item_id, before, after;
};

AnchoredPart split_anchored(std::string_view part) {
  size_t c1 = part.find(':'), c2 = part.find(':', c1 + 1);
  size_t id_len = std::stoul(std::string(part.substr(0, c1)));
  size_t before_len = std::stoul(std::string(part.substr(c1 + 1, c2 - c1 - 1)));
  std::string_view rest = part.substr(c2 + 1);
  return {rest.substr(0, id_len), rest.substr(id_len, before_len), rest.substr(id_len + before_len)};
}

// Findings rows, item articles and the quiet items are kept on disk in display order; the page
// head needs the counts, known only at the end.
class HtmlWriter final : public ReportWriter {
 public:
  explicit HtmlWriter(bool show_values) : m_show(show_values) {}

  void add(const Item* source, std::span<const Finding> findings) override {
    ShownItem shown(source, findings, m_show);
    m_summary.add(source, findings);
    for (const auto& f : findings) {
      m_verdicts.insert(std::string(to_string(f.verdict)));
      m_platforms.insert(f.platform);
      m_severities.insert(std::string(to_string(f.severity)));
    }
    if (!source) {
      for (const auto& f : shown.findings())
        m_orphans.add(sort_key({f.item_id, f.rule_id, f.fingerprint}), anchored_part(f.item_id, row(f, short_url(f.url)), ""));
      return;
    }
    const Item& item = *shown.item();
    if (findings.empty()) {
      m_quiet.add(sort_key({item.id}),
                  "<li>" + link(item.url, item_title(item)) + " <span class=\"muted\">(" + h(item.platform) + ")</span></li>");
      return;
    }
    ++m_finding_items;
    const Finding* top = nullptr;
    for (const auto& f : shown.findings())
      if (decides_over(f, top)) top = &f;
    const std::string item_key = rank_key(top);
    const std::string title = item_title(item);
    for (const auto& f : shown.findings()) {
      std::string r = row(f, title);
      size_t at = r.find(k_anchor);
      m_rows.add(sort_key({item_key, item.id, rank_key(&f), f.rule_id, f.fingerprint}),
                 anchored_part(item.id, std::string_view(r).substr(0, at), std::string_view(r).substr(at + k_anchor.size())));
    }
    // Findings within the item: by verdict and severity, then report order.
    std::vector<const Finding*> ordered;
    for (const auto& f : shown.findings()) ordered.push_back(&f);
    std::stable_sort(ordered.begin(), ordered.end(), [](const Finding* a, const Finding* b) { return rank_key(a) < rank_key(b); });
    std::string before = fmt::format("<article class=\"item iv-{}\" id=\"", to_string(top->verdict));
    std::string after = fmt::format("\" data-platform=\"{}\">\n", h(item.platform));
    after += "<h3>" + h(title) + "</h3>\n";
    after += fmt::format("<p class=\"meta\">{} · {} {} on {}{} · {}</p>\n", badge(top->verdict), h(to_string(item.visibility)),
                         h(to_string(item.kind)), h(item.platform),
                         item.published_at ? " · published " + date_text(item.published_at) : "", link(item.url, short_url(item.url)));
    auto page_signals = page_signal_lines(item);
    if (!page_signals.empty()) {
      after += "<details class=\"page-signals\"><summary>Page signals</summary><ul>";
      for (const auto& l : page_signals) after += "<li>" + h(l) + "</li>";
      after += "</ul></details>\n";
    }
    for (const Finding* f : ordered) after += finding_html(*f, m_show) + "\n";
    after += "</article>\n";
    m_articles.add(sort_key({item_key, item.id}), anchored_part(item.id, before, after));
  }

  Status finish(const ScanInfo& scan, const std::function<void(std::string_view)>& write) override;

 private:
  static constexpr std::string_view k_anchor = "\x01" "anchor" "\x01";

  // A findings-table row; the link to its item is k_anchor until the items are numbered.
  static std::string row(const Finding& f, const std::string& title) {
    std::string cats;
    for (const auto& c : match_categories(f.matches)) cats += (cats.empty() ? "" : ", ") + c;
    return fmt::format(
        "<tr class=\"finding-row\" data-verdict=\"{}\" data-platform=\"{}\" data-severity=\"{}\" data-pd=\"{}\">"
        "<td data-label=\"Severity\"><span class=\"sev sev-{}\">{}</span></td><td data-label=\"Verdict\">{}</td>"
        "<td data-label=\"Platform\">{}</td><td data-label=\"Item\"><a href=\"#{}\">{}</a></td>"
        "<td data-label=\"Personal data\">{}</td><td data-label=\"Rule\"><code>{}</code></td></tr>\n",
        to_string(f.verdict), h(f.platform), to_string(f.severity), f.matches.empty() ? 0 : 1, to_string(f.severity),
        to_string(f.severity), badge(f.verdict), h(f.platform), k_anchor, h(title), cats.empty() ? "—" : h(cats), h(f.rule_id));
  }

  bool m_show;
  SummaryBuilder m_summary;
  size_t m_finding_items = 0;
  std::set<std::string> m_verdicts, m_platforms, m_severities;
  SpillList m_rows, m_orphans, m_articles, m_quiet;
};

Status HtmlWriter::finish(const ScanInfo& scan, const std::function<void(std::string_view)>& write) {
  const ReportSummary& s = m_summary.summary();
  std::string css(html_report_css());
  std::string js(html_report_js());
  const ItemCounts yours = s.yours();
  std::string summary = fmt::format("{} of your {} public items can be used to train AI; {} carry your personal data.",
                                    yours.trainable_items, yours.public_items, yours.trainable_with_personal_data);
  std::string out = "<!DOCTYPE html>\n";
  // Counts for scripts and tests: data-items and data-findings are of everything reported;
  // data-trainable, data-public and data-personal are the headline's (the person's own items), and
  // data-others-public the public items by others it counts apart.
  out += fmt::format(
      "<html lang=\"en\" data-findings=\"{}\" data-finding-items=\"{}\" data-items=\"{}\" data-trainable=\"{}\" "
      "data-public=\"{}\" data-personal=\"{}\" data-others-public=\"{}\">\n",
      s.findings, m_finding_items, s.items, yours.trainable_items, yours.public_items, yours.trainable_with_personal_data,
      s.by_others.public_items);
  out += "<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src {}; script-src {}; img-src data:; "
      "base-uri 'none'; form-action 'none'\">\n",
      csp_hash(css), csp_hash(js));
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"robots\" content=\"noindex, noai, noimageai\">\n";
  out += fmt::format("<title>exposcan report — {}</title>\n", h(scan.id));
  out += "<style>" + css + "</style>\n</head>\n<body>\n";

  out += "<header>\n<h1>exposcan report</h1>\n";
  out += "<p class=\"summary\" id=\"summary\">" + h(summary) + "</p>\n";
  if (s.by_others.public_items > 0) out += "<p class=\"meta\" id=\"others\">" + h(others_sentence(s.by_others)) + "</p>\n";
  out += fmt::format("<p class=\"meta\">{} item(s) in all carry personal data · {} findings · {} pages fetched · scan {} · "
                     "status {} · started {}{}</p>\n",
                     s.items_with_personal_data, s.findings, scan.pages_fetched, h(scan.id), h(scan.status),
                     h(format_rfc3339(scan.started)), scan.finished ? " · finished " + h(format_rfc3339(*scan.finished)) : "");
  if (!m_show) out += "<p class=\"muted\">Personal values are redacted in this file (run with --show-values to keep them).</p>\n";
  out += "<nav><a href=\"#charts\">Charts</a><a href=\"#findings\">Findings</a><a href=\"#items\">Items</a><a href=\"#scan\">Scan details</a></nav>\n</header>\n";

  out += "<section id=\"charts\">\n<h2>Overview</h2>\n<div class=\"charts\">\n";
  out += "<figure><figcaption>Items per platform, by verdict</figcaption>" + svg_platform_chart(s, "chart-platforms") + "</figure>\n";
  out += "<figure><figcaption>Trainable items per AI training crawler</figcaption>" + svg_agent_chart(s, "chart-agents") + "</figure>\n";
  out += "<figure><figcaption>Items over time</figcaption>" + svg_timeline_chart(s, "chart-timeline") + "</figure>\n";
  out += "</div>\n</section>\n";

  out += fmt::format("<section id=\"findings\">\n<h2>Findings ({})</h2>\n", s.findings);
  out += "<form id=\"filters\" role=\"search\">";
  out += "<label>Verdict<select id=\"f-verdict\">" + options_html(m_verdicts, "all") + "</select></label>";
  out += "<label>Platform<select id=\"f-platform\">" + options_html(m_platforms, "all") + "</select></label>";
  out += "<label>Severity<select id=\"f-severity\">" + options_html(m_severities, "all") + "</select></label>";
  out += "<label>Search<input id=\"f-q\" type=\"search\" placeholder=\"text, URL, rule\"></label>";
  out += "<label><span>Personal data only</span><input id=\"f-pd\" type=\"checkbox\"></label>";
  out += fmt::format("<output id=\"shown\">{0} of {0} findings shown</output></form>\n", s.findings);
  out += "<div class=\"table-wrap\"><table id=\"findings-table\"><thead><tr><th>Severity</th><th>Verdict</th><th>Platform</th>"
         "<th>Item</th><th>Personal data</th><th>Rule</th></tr></thead>\n<tbody>\n";
  write(out);
  // Items are numbered in display order; a row links to its item's number.
  size_t n = 0;
  std::string last_item;
  bool first = true;
  auto st = m_rows.each_sorted([&](std::string_view part) {
    AnchoredPart p = split_anchored(part);
    if (first || p.item_id != last_item) ++n, last_item = std::string(p.item_id), first = false;
    write(p.before);
    write("item-" + std::to_string(n));
    write(p.after);
  });
  if (!st) return st;
  st = m_orphans.each_sorted([&](std::string_view part) {
    AnchoredPart p = split_anchored(part);
    write(p.before);
    write("items");
    write(p.after);
  });
  if (!st) return st;
  write("</tbody></table></div>\n</section>\n");

  out = "<section id=\"items\">\n<h2>Items</h2>\n";
  if (m_show)
    out += "<p class=\"toolbar\"><button type=\"button\" id=\"reveal-all\">Reveal all personal data</button>"
           "<button type=\"button\" id=\"hide-all\">Hide all</button></p>\n";
  write(out);
  n = 0;
  st = m_articles.each_sorted([&](std::string_view part) {
    AnchoredPart p = split_anchored(part);
    write(p.before);
    write("item-" + std::to_string(++n));
    write(p.after);
  });
  if (!st) return st;
  if (m_quiet.size()) {
    write(fmt::format("<details class=\"quiet\"><summary>{} item(s) without findings</summary><ul>", m_quiet.size()));
    if (st = m_quiet.each_sorted(write); !st) return st;
    write("</ul></details>\n");
  }
  out = "</section>\n";

  out += "<section id=\"scan\">\n<h2>Scan details</h2>\n<div class=\"table-wrap\"><table><thead><tr><th>Target</th><th>Reachable</th><th>Pages</th></tr></thead><tbody>";
  for (const auto& t : scan.target_status)
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", link(t.url.empty() ? t.target : t.url, t.target),
                       t.reachable ? "yes" : "no", t.pages);
  out += "</tbody></table></div>\n";
  if (!scan.errors.empty()) {
    out += fmt::format("<h3>Errors ({})</h3><div class=\"table-wrap\"><table><thead><tr><th>Code</th><th>URL</th><th>Message</th></tr></thead><tbody>",
                       scan.errors.size());
    for (const auto& e : scan.errors)
      out += fmt::format("<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>", h(e.code), link(e.url, e.url), h(e.message));
    out += "</tbody></table></div>\n";
  }
  if (!scan.packs.empty()) {
    out += "<h3>Rule packs</h3><div class=\"table-wrap\"><table><thead><tr><th>Pack</th><th>Version</th><th>SHA-256</th></tr></thead><tbody>";
    for (const auto& p : scan.packs)
      out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"hash\">{}</td></tr>", h(p.id), h(p.version), h(p.sha256));
    out += "</tbody></table></div>\n";
  }
  out += "</section>\n";
  out += fmt::format("<footer>Generated by exposcan {} (robots mode {}). This file is self-contained: it loads nothing from the network.</footer>\n",
                     h(scan.tool_version), h(scan.robots_mode));
  out += "<script>" + js + "</script>\n</body>\n</html>\n";
  write(out);
  return {};
}

}  // namespace

std::string render_html(const ScanRecord& record, bool show_values) {
  HtmlWriter writer(show_values);
  return render_with(record, writer);
}

std::unique_ptr<Reporter> make_html_reporter(ReportOptions options) {
  const bool show = personal_file_shows_values(options);
  return make_writer_reporter(std::make_unique<HtmlWriter>(show), std::move(options));
}

}  // namespace exposcan
