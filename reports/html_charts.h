// reports/html_charts.h — inline SVG charts for the HTML report (no script, no network): bars
// per platform (stacked by verdict), bars per AI agent, and items per month. Colours come from
// CSS classes (v-trainable, v-not_trainable, ...) so the page's stylesheet themes and prints them.
// Each chart is role="img" with a <title> and a text fallback <desc>.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "reports/summary.h"

namespace exposcan {

// The verdicts in chart/legend order.
const std::vector<std::string>& chart_verdicts();

std::string svg_platform_chart(const ReportSummary& summary, const std::string& id);
std::string svg_agent_chart(const ReportSummary& summary, const std::string& id);
// Months from the first to the last published item (per year when the span passes 36 months).
std::string svg_timeline_chart(const ReportSummary& summary, const std::string& id);

}  // namespace exposcan
