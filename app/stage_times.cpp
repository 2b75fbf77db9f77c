#include "app/stage_times.h"

#include <fmt/format.h>
#include <sys/resource.h>

#include <ctime>
#include <memory>

#include "scanner/fast_url.h"
#include "scanner/link_scan.h"

namespace exposcan {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double process_cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  auto s = [](const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) * 1e-6; };
  return s(ru.ru_utime) + s(ru.ru_stime);
}

double peak_rss_mib() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

std::string StageTimes::json(double wall_s) const {
  double cpu = process_cpu_seconds();
  double parse = static_cast<double>(parse_ns.load()) * 1e-9;
  double rules = static_cast<double>(rules_ns.load()) * 1e-9;
  double store = static_cast<double>(store_ns.load()) * 1e-9;
  double report = static_cast<double>(report_ns.load()) * 1e-9;
  return fmt::format(
      "{{\"pages\":{},\"wall_s\":{:.3f},\"cpu_s\":{:.3f},\"fetch_cpu_s\":{:.3f},\"parse_cpu_s\":{:.3f},"
      "\"rules_cpu_s\":{:.3f},\"store_cpu_s\":{:.3f},\"report_cpu_s\":{:.3f},\"peak_rss_mib\":{:.1f},"
      "\"crawl_rss_mib\":{:.1f},\"requests\":{},\"connections\":{},\"items\":{},\"item_mb\":{:.1f}}}",
      pages.load(), wall_s, cpu, cpu - parse - rules - store - report, parse, rules, store, report, peak_rss_mib(),
      crawl_rss_mib, requests, connections, items.load(),
      static_cast<double>(item_bytes.load()) / 1e6);
}

Expected<std::unique_ptr<FetchedList>> FetchedList::open(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (!f) return make_error("io", "cannot write " + path);
  return std::unique_ptr<FetchedList>(new FetchedList(f));
}

FetchedList::~FetchedList() { std::fclose(m_file); }

void FetchedList::add(const Page& page) {
  if (!page.ok()) return;
  auto u = normalize_http_url(page.url);
  if (!u) return;
  std::string_view pq = u->path_and_query();
  std::lock_guard lock(m_mutex);
  std::fwrite(pq.data(), 1, pq.size(), m_file);
  std::fputc('\n', m_file);
}

std::vector<LinkCandidate> fetch_only_links(const Page& page) {
  if (!page.ok() || page.content_type.find("html") == std::string::npos) return {};
  auto base = normalize_http_url(page.final_url);
  if (!base) return {};
  return html_links(page.body, *base);
}

}  // namespace exposcan
