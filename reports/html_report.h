// reports/html_report.h — the report people read: one self-contained HTML file.
//
// No network: CSS, script and SVG charts are inline, and a Content-Security-Policy meta tag
// (default-src 'none'; the style and script blocks allowed by SHA-256 hash) keeps the browser
// from loading anything, even if a page's text tried. Contents: the summary sentence ("N of your
// M public items can be used to train AI; K carry your personal data"), charts (items per
// platform by verdict, trainable items per AI agent, items over time), a filterable findings
// table, and one section per item with findings: verdict and reasons, personal data (redacted
// until clicked, when the file holds values), signals seen, evidence (URL, time, status,
// SHA-256) and what to do. Readable on a phone (responsive table) and printable (print CSS opens
// every details block). Counts are also written as data attributes on <html> for the page's
// self-check (html_assets.h).
#pragma once

#include <memory>
#include <string>

#include "reports/reporter.h"

namespace exposcan {

// `show_values`: the file carries raw values behind the reveal buttons; otherwise only
// redacted forms (no reveal).
std::string render_html(const ScanRecord& record, bool show_values);
std::unique_ptr<Reporter> make_html_reporter(ReportOptions options);

}  // namespace exposcan
