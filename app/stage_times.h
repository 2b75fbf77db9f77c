// app/stage_times.h — what the benchmark needs from a scan: CPU time per stage, the fetched-URL
// list, and the --fetch-only page handler.
//
// Stages: parse (parsers::parse_page), rules (RuleEngine::evaluate) and store (the history
// recorder's record_page) are timed on the worker threads with CLOCK_THREAD_CPUTIME_ID, report
// (the history's diff step and the reporters, after the crawl) on the main thread; fetch is the
// rest of the process's CPU time (curl thread, crawl loop, page building, link handling,
// start-up), so the five add up to the process total.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "core/expected.h"
#include "scanner/crawl_types.h"

namespace exposcan {

// CPU seconds of the calling thread.
double thread_cpu_seconds();
// CPU seconds (user + system) of the whole process so far.
double process_cpu_seconds();
// Peak resident set size of the process so far, MiB.
double peak_rss_mib();

struct StageTimes {
  std::atomic<int64_t> parse_ns{0};
  std::atomic<int64_t> rules_ns{0};
  std::atomic<int64_t> store_ns{0};   // ScanRecorder::record_page on the worker threads
  std::atomic<int64_t> report_ns{0};  // reporters' item() and end() after the crawl
  std::atomic<uint64_t> pages{0};
  std::atomic<uint64_t> items{0};       // items evaluated (before de-duplication)
  std::atomic<uint64_t> item_bytes{0};  // their text, title and field bytes
  size_t requests = 0, connections = 0;  // from CrawlStats, set after the crawl
  double crawl_rss_mib = 0;              // peak RSS when the crawl ended (before the report)

  // Adds the thread CPU time since `start` (from thread_cpu_seconds()) to a stage.
  static void add(std::atomic<int64_t>& stage, double start) {
    stage += static_cast<int64_t>((thread_cpu_seconds() - start) * 1e9);
  }
  // One JSON line: {"pages":…,"wall_s":…,"cpu_s":…,"fetch_cpu_s":…,"parse_cpu_s":…,"rules_cpu_s":…,
  // "store_cpu_s":…,"report_cpu_s":…,"peak_rss_mib":…,"crawl_rss_mib":…,"requests":…,"connections":…,
  // "items":…,"item_mb":…}
  std::string json(double wall_s) const;
};

// Appends the path and query of each fetched page to a file (the benchmark's fetched.txt).
class FetchedList {
 public:
  static Expected<std::unique_ptr<FetchedList>> open(const std::string& path);
  ~FetchedList();
  void add(const Page& page);  // thread-safe; 2xx pages only

 private:
  explicit FetchedList(std::FILE* f) : m_file(f) {}
  std::mutex m_mutex;
  std::FILE* m_file;
};

// --fetch-only: the links of an HTML page (scanner/link_scan.h), nothing else.
std::vector<LinkCandidate> fetch_only_links(const Page& page);

}  // namespace exposcan
