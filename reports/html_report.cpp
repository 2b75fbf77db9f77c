#include "reports/html_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/hash.h"
#include "core/text.h"
#include "reports/html_assets.h"
#include "reports/html_charts.h"
#include "reports/redaction.h"
#include "reports/report_text.h"
#include "reports/signals_text.h"
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

class HtmlReporter final : public RecordReporter {
 public:
  using RecordReporter::RecordReporter;

 protected:
  std::string render_record(const ScanRecord& record) override {
    return render_html(record, personal_file_shows_values(options()));
  }
};

}  // namespace

std::string render_html(const ScanRecord& input, bool show_values) {
  ScanRecord redacted;
  if (!show_values) redacted = redacted_record(input);
  const ScanRecord& record = show_values ? input : redacted;  // values already redacted when !show_values
  const ScanInfo& scan = record.scan;
  ReportSummary s = summarize(record);
  auto deciding = deciding_findings(record);
  std::map<std::string, std::vector<const Finding*>> by_item;
  for (const auto& f : record.findings) by_item[f.item_id].push_back(&f);
  // People read the most consequential first: items by their deciding verdict and severity,
  // findings in the order of their items, then by verdict and severity.
  auto rank = [](const Finding& f) { return std::pair(verdict_rank(f.verdict), static_cast<int>(f.severity)); };
  std::vector<const Item*> ordered_items;
  for (const auto& item : record.items) ordered_items.push_back(&item);
  std::stable_sort(ordered_items.begin(), ordered_items.end(), [&](const Item* a, const Item* b) {
    auto ra = deciding.count(a->id) ? rank(*deciding.at(a->id)) : std::pair(-1, -1);
    auto rb = deciding.count(b->id) ? rank(*deciding.at(b->id)) : std::pair(-1, -1);
    return ra > rb;
  });
  std::map<std::string, std::string> anchor;
  std::map<std::string, const Item*> items;
  std::vector<const Finding*> ordered_findings;
  size_t n = 0;
  for (const Item* item : ordered_items) {
    items[item->id] = item;
    auto it = by_item.find(item->id);
    if (it == by_item.end()) continue;
    anchor[item->id] = "item-" + std::to_string(++n);
    std::stable_sort(it->second.begin(), it->second.end(), [&](const Finding* a, const Finding* b) { return rank(*a) > rank(*b); });
    ordered_findings.insert(ordered_findings.end(), it->second.begin(), it->second.end());
  }
  for (const auto& f : record.findings)  // findings of items the record does not hold
    if (!items.count(f.item_id)) ordered_findings.push_back(&f);
  size_t finding_items = n;

  std::string css(html_report_css());
  std::string js(html_report_js());
  std::string summary = fmt::format("{} of your {} public items can be used to train AI; {} carry your personal data.",
                                    s.trainable_items, s.public_items, s.trainable_with_personal_data);
  std::string out = "<!DOCTYPE html>\n";
  out += fmt::format(
      "<html lang=\"en\" data-findings=\"{}\" data-finding-items=\"{}\" data-items=\"{}\" data-trainable=\"{}\" "
      "data-public=\"{}\" data-personal=\"{}\">\n",
      record.findings.size(), finding_items, s.items, s.trainable_items, s.public_items, s.trainable_with_personal_data);
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
  out += fmt::format("<p class=\"meta\">{} item(s) in all carry personal data · {} findings · {} pages fetched · scan {} · "
                     "status {} · started {}{}</p>\n",
                     s.items_with_personal_data, s.findings, scan.pages_fetched, h(scan.id), h(scan.status),
                     h(format_rfc3339(scan.started)), scan.finished ? " · finished " + h(format_rfc3339(*scan.finished)) : "");
  if (!show_values) out += "<p class=\"muted\">Personal values are redacted in this file (run with --show-values to keep them).</p>\n";
  out += "<nav><a href=\"#charts\">Charts</a><a href=\"#findings\">Findings</a><a href=\"#items\">Items</a><a href=\"#scan\">Scan details</a></nav>\n</header>\n";

  out += "<section id=\"charts\">\n<h2>Overview</h2>\n<div class=\"charts\">\n";
  out += "<figure><figcaption>Items per platform, by verdict</figcaption>" + svg_platform_chart(s, "chart-platforms") + "</figure>\n";
  out += "<figure><figcaption>Trainable items per AI training crawler</figcaption>" + svg_agent_chart(s, "chart-agents") + "</figure>\n";
  out += "<figure><figcaption>Items over time</figcaption>" + svg_timeline_chart(s, "chart-timeline") + "</figure>\n";
  out += "</div>\n</section>\n";

  std::set<std::string> verdicts, platforms, severities;
  for (const auto& f : record.findings) {
    verdicts.insert(std::string(to_string(f.verdict)));
    platforms.insert(f.platform);
    severities.insert(std::string(to_string(f.severity)));
  }
  out += fmt::format("<section id=\"findings\">\n<h2>Findings ({})</h2>\n", record.findings.size());
  out += "<form id=\"filters\" role=\"search\">";
  out += "<label>Verdict<select id=\"f-verdict\">" + options_html(verdicts, "all") + "</select></label>";
  out += "<label>Platform<select id=\"f-platform\">" + options_html(platforms, "all") + "</select></label>";
  out += "<label>Severity<select id=\"f-severity\">" + options_html(severities, "all") + "</select></label>";
  out += "<label>Search<input id=\"f-q\" type=\"search\" placeholder=\"text, URL, rule\"></label>";
  out += "<label><span>Personal data only</span><input id=\"f-pd\" type=\"checkbox\"></label>";
  out += fmt::format("<output id=\"shown\">{0} of {0} findings shown</output></form>\n", record.findings.size());
  out += "<div class=\"table-wrap\"><table id=\"findings-table\"><thead><tr><th>Severity</th><th>Verdict</th><th>Platform</th>"
         "<th>Item</th><th>Personal data</th><th>Rule</th></tr></thead>\n<tbody>\n";
  for (const Finding* fp : ordered_findings) {
    const Finding& f = *fp;
    auto it = items.find(f.item_id);
    std::string title = it != items.end() ? item_title(*it->second) : short_url(f.url);
    std::string cats;
    for (const auto& c : match_categories(f.matches)) cats += (cats.empty() ? "" : ", ") + c;
    out += fmt::format(
        "<tr class=\"finding-row\" data-verdict=\"{}\" data-platform=\"{}\" data-severity=\"{}\" data-pd=\"{}\">"
        "<td data-label=\"Severity\"><span class=\"sev sev-{}\">{}</span></td><td data-label=\"Verdict\">{}</td>"
        "<td data-label=\"Platform\">{}</td><td data-label=\"Item\"><a href=\"#{}\">{}</a></td>"
        "<td data-label=\"Personal data\">{}</td><td data-label=\"Rule\"><code>{}</code></td></tr>\n",
        to_string(f.verdict), h(f.platform), to_string(f.severity), f.matches.empty() ? 0 : 1, to_string(f.severity),
        to_string(f.severity), badge(f.verdict), h(f.platform), anchor.count(f.item_id) ? anchor[f.item_id] : "items", h(title),
        cats.empty() ? "—" : h(cats), h(f.rule_id));
  }
  out += "</tbody></table></div>\n</section>\n";

  out += "<section id=\"items\">\n<h2>Items</h2>\n";
  if (show_values)
    out += "<p class=\"toolbar\"><button type=\"button\" id=\"reveal-all\">Reveal all personal data</button>"
           "<button type=\"button\" id=\"hide-all\">Hide all</button></p>\n";
  std::vector<const Item*> quiet;
  for (const Item* item_ptr : ordered_items) {
    const Item& item = *item_ptr;
    auto it = by_item.find(item.id);
    if (it == by_item.end()) {
      quiet.push_back(&item);
      continue;
    }
    const Finding* top = deciding.at(item.id);
    out += fmt::format("<article class=\"item iv-{}\" id=\"{}\" data-platform=\"{}\">\n", to_string(top->verdict),
                       anchor[item.id], h(item.platform));
    out += "<h3>" + h(item_title(item)) + "</h3>\n";
    out += fmt::format("<p class=\"meta\">{} · {} {} on {}{} · {}</p>\n", badge(top->verdict), h(to_string(item.visibility)),
                       h(to_string(item.kind)), h(item.platform),
                       item.published_at ? " · published " + date_text(item.published_at) : "", link(item.url, short_url(item.url)));
    auto page_signals = page_signal_lines(item);
    if (!page_signals.empty()) {
      out += "<details class=\"page-signals\"><summary>Page signals</summary><ul>";
      for (const auto& l : page_signals) out += "<li>" + h(l) + "</li>";
      out += "</ul></details>\n";
    }
    for (const Finding* f : it->second) out += finding_html(*f, show_values) + "\n";
    out += "</article>\n";
  }
  if (!quiet.empty()) {
    out += fmt::format("<details class=\"quiet\"><summary>{} item(s) without findings</summary><ul>", quiet.size());
    for (const Item* i : quiet) out += "<li>" + link(i->url, item_title(*i)) + " <span class=\"muted\">(" + h(i->platform) + ")</span></li>";
    out += "</ul></details>\n";
  }
  out += "</section>\n";

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
  return out;
}

std::unique_ptr<Reporter> make_html_reporter(ReportOptions options) {
  return std::make_unique<HtmlReporter>(std::move(options));
}

}  // namespace exposcan
