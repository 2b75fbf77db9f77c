// reports/html_assets.h — the HTML report's stylesheet and script, inlined into every report
// (the page makes no network request; its Content-Security-Policy allows exactly these two blocks
// by hash). The script filters the findings table (also from the URL fragment, e.g.
// "#verdict=trainable&platform=web"), reveals personal values on click, opens every <details>
// before printing, and checks the page against itself: it counts the findings rows and item
// sections in the DOM and writes the result to <html data-selfcheck="ok|mismatch: ...">,
// data-dom-findings and data-visible-findings (read back by the headless-browser test).
#pragma once

#include <string_view>

namespace exposcan {

std::string_view html_report_css();
std::string_view html_report_js();

}  // namespace exposcan
