#include "reports/html_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "reports/text_escape.h"

namespace exposcan {
namespace {

constexpr int k_width = 480;
constexpr int k_label_w = 140;
constexpr int k_bar_h = 22;
constexpr int k_gap = 8;

std::string open_svg(const std::string& id, int height, const std::string& title, const std::string& desc) {
  return fmt::format(
      "<svg id=\"{0}\" class=\"chart\" viewBox=\"0 0 {1} {2}\" width=\"100%\" role=\"img\" aria-labelledby=\"{0}-t {0}-d\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{0}-t\">{3}</title><desc id=\"{0}-d\">{4}</desc>",
      id, k_width, height, html_escape(title), html_escape(desc));
}

std::string empty_chart(const std::string& id, const std::string& title, const std::string& message) {
  return open_svg(id, 40, title, message) +
         fmt::format("<text x=\"0\" y=\"24\" class=\"chart-note\">{}</text></svg>", html_escape(message));
}

std::string label(std::string_view s, size_t max = 17) {
  if (s.size() <= max) return std::string(s);
  return std::string(utf8_prefix(s, max - 1)) + "…";
}

}  // namespace

const std::vector<std::string>& chart_verdicts() {
  static const std::vector<std::string> k = {"trainable", "unknown", "could_not_check", "not_public", "not_trainable"};
  return k;
}

std::string svg_platform_chart(const ReportSummary& summary, const std::string& id) {
  const std::string title = "Items per platform, by verdict";
  if (summary.per_platform_verdict.empty()) return empty_chart(id, title, "No items.");
  size_t max_total = 1;
  std::string desc;
  for (const auto& [platform, verdicts] : summary.per_platform_verdict) {
    size_t total = 0, trainable = 0;
    for (const auto& [v, n] : verdicts) total += n;
    if (auto it = verdicts.find("trainable"); it != verdicts.end()) trainable = it->second;
    max_total = std::max(max_total, total);
    desc += fmt::format("{}: {} of {} items trainable. ", platform, trainable, total);
  }
  int rows = static_cast<int>(summary.per_platform_verdict.size());
  int height = rows * (k_bar_h + k_gap) + 56;
  std::string out = open_svg(id, height, title, desc);
  double scale = static_cast<double>(k_width - k_label_w - 40) / static_cast<double>(max_total);
  int y = 0;
  for (const auto& [platform, verdicts] : summary.per_platform_verdict) {
    out += fmt::format("<text x=\"0\" y=\"{}\" class=\"chart-label\">{}</text>", y + 16, html_escape(label(platform)));
    double x = k_label_w;
    size_t total = 0;
    for (const auto& v : chart_verdicts()) {
      auto it = verdicts.find(v);
      if (it == verdicts.end() || it->second == 0) continue;
      double w = static_cast<double>(it->second) * scale;
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" class=\"v-{}\"><title>{}: {} {}</title></rect>", x,
                         y, w, k_bar_h, v, html_escape(platform), it->second, v);
      x += w;
      total += it->second;
    }
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=\"chart-value\">{}</text>", x + 6, y + 16, total);
    y += k_bar_h + k_gap;
  }
  double lx = 0;
  for (const auto& v : chart_verdicts()) {
    std::string name = v;
    std::replace(name.begin(), name.end(), '_', ' ');
    double w = 16 + static_cast<double>(name.size()) * 7.8 + 14;
    if (lx > 0 && lx + w > k_width) {
      lx = 0;
      y += 22;
    }
    out += fmt::format("<rect x=\"{:.0f}\" y=\"{}\" width=\"12\" height=\"12\" class=\"v-{}\"/>", lx, y + 6, v);
    out += fmt::format("<text x=\"{:.0f}\" y=\"{}\" class=\"chart-legend\">{}</text>", lx + 16, y + 17, name);
    lx += w;
  }
  return out + "</svg>";
}

std::string svg_agent_chart(const ReportSummary& summary, const std::string& id) {
  const std::string title = "Trainable items each AI training crawler may fetch";
  if (summary.trainable_per_agent.empty())
    return empty_chart(id, title, "No AI training crawler may fetch a trainable item.");
  // Most items first; ties in the order the findings list agents (major operators first).
  std::vector<std::pair<std::string, size_t>> agents;
  for (const auto& a : summary.agent_order)
    if (summary.trainable_per_agent.count(a)) agents.emplace_back(a, summary.trainable_per_agent.at(a));
  for (const auto& [a, n] : summary.trainable_per_agent)
    if (std::find(summary.agent_order.begin(), summary.agent_order.end(), a) == summary.agent_order.end()) agents.emplace_back(a, n);
  std::stable_sort(agents.begin(), agents.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  size_t more = agents.size() > 12 ? agents.size() - 12 : 0;
  if (more) agents.resize(12);
  size_t max_n = 1;
  std::string desc;
  for (const auto& [a, n] : agents) {
    max_n = std::max(max_n, n);
    desc += fmt::format("{}: {}. ", a, n);
  }
  int height = static_cast<int>(agents.size()) * (k_bar_h + k_gap) + (more ? 20 : 0);
  std::string out = open_svg(id, height, title, desc);
  double scale = static_cast<double>(k_width - k_label_w - 40) / static_cast<double>(max_n);
  int y = 0;
  for (const auto& [agent, n] : agents) {
    double w = static_cast<double>(n) * scale;
    out += fmt::format("<text x=\"0\" y=\"{}\" class=\"chart-label\">{}</text>", y + 16, html_escape(label(agent)));
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" class=\"v-trainable\"><title>{}: {}</title></rect>",
                       k_label_w, y, w, k_bar_h, html_escape(agent), n);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=\"chart-value\">{}</text>", k_label_w + w + 6, y + 16, n);
    y += k_bar_h + k_gap;
  }
  if (more) out += fmt::format("<text x=\"0\" y=\"{}\" class=\"chart-note\">and {} more agents (see the findings)</text>", y + 12, more);
  return out + "</svg>";
}

std::string svg_timeline_chart(const ReportSummary& summary, const std::string& id) {
  const std::string title = "Items over time (by publication month)";
  if (summary.items_per_month.empty()) return empty_chart(id, title, "No item carries a publication date.");
  // Continuous buckets from the first to the last month (years when the span is long).
  auto ym = [](const std::string& k) { return std::stoi(k.substr(0, 4)) * 12 + std::stoi(k.substr(5, 2)) - 1; };
  int first = ym(summary.items_per_month.begin()->first), last = ym(summary.items_per_month.rbegin()->first);
  bool yearly = last - first + 1 > 36;
  std::vector<std::pair<std::string, MonthCount>> buckets;
  if (yearly) {
    for (int y = first / 12; y <= last / 12; ++y) buckets.push_back({std::to_string(y), {}});
  } else {
    for (int m = first; m <= last; ++m) buckets.push_back({fmt::format("{:04}-{:02}", m / 12, m % 12 + 1), {}});
  }
  for (const auto& [k, c] : summary.items_per_month) {
    size_t idx = yearly ? static_cast<size_t>(ym(k) / 12 - first / 12) : static_cast<size_t>(ym(k) - first);
    buckets[idx].second.total += c.total;
    buckets[idx].second.trainable += c.trainable;
  }
  size_t max_n = 1;
  std::string desc;
  for (const auto& [k, c] : buckets) {
    max_n = std::max(max_n, c.total);
    if (c.total) desc += fmt::format("{}: {} items, {} trainable. ", k, c.total, c.trainable);
  }
  const int plot_h = 140, top = 10, bottom = 40;
  std::string out = open_svg(id, top + plot_h + bottom, title, desc);
  double slot = static_cast<double>(k_width - 30) / static_cast<double>(buckets.size());
  double bar_w = std::max(2.0, slot * 0.7);
  size_t label_every = std::max<size_t>(1, static_cast<size_t>(std::ceil(54.0 / slot)));
  out += fmt::format("<text x=\"0\" y=\"{}\" class=\"chart-value\">{}</text>", top + 10, max_n);
  out += fmt::format("<line x1=\"24\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\" class=\"chart-axis\"/>", top + plot_h, k_width);
  for (size_t i = 0; i < buckets.size(); ++i) {
    const auto& [k, c] = buckets[i];
    double x = 28 + static_cast<double>(i) * slot;
    double h_total = static_cast<double>(c.total) / static_cast<double>(max_n) * plot_h;
    double h_train = static_cast<double>(c.trainable) / static_cast<double>(max_n) * plot_h;
    if (c.total > c.trainable)
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" class=\"v-other\"><title>{}: {} items</title></rect>",
                         x, top + plot_h - h_total, bar_w, h_total - h_train, k, c.total);
    if (c.trainable)
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" class=\"v-trainable\"><title>{}: {} trainable</title></rect>",
                         x, top + plot_h - h_train, bar_w, h_train, k, c.trainable);
    if (i % label_every == 0)
      out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=\"chart-tick\">{}</text>", x, top + plot_h + 16, k);
  }
  int ly = top + plot_h + 26;
  out += fmt::format("<rect x=\"28\" y=\"{}\" width=\"12\" height=\"12\" class=\"v-trainable\"/><text x=\"44\" y=\"{}\" class=\"chart-legend\">trainable</text>", ly, ly + 11);
  out += fmt::format("<rect x=\"130\" y=\"{}\" width=\"12\" height=\"12\" class=\"v-other\"/><text x=\"146\" y=\"{}\" class=\"chart-legend\">other</text>", ly, ly + 11);
  if (summary.items_without_date)
    out += fmt::format("<text x=\"230\" y=\"{}\" class=\"chart-note\">{} item(s) without a date not shown</text>", ly + 11,
                       summary.items_without_date);
  return out + "</svg>";
}

}  // namespace exposcan
