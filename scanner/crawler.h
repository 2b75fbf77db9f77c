// scanner/crawler.h — the crawl: targets in, Pages out, within scope, politely.
//
// One crawl thread (the caller of run()) owns all crawl state and runs a Boost.Asio io_context:
// the frontier (deduplicated by normalised URL), per-origin queues with a token bucket and a
// connection cap, robots.txt and the other site files per origin, retries with backoff and
// Retry-After, redirects followed hop by hop (each hop re-enters the queues, so robots, scope of
// schemes and politeness apply to it). Transfers run on the HttpClient's curl thread; every
// delivered Page is handed to the PageHandler on a small worker pool, and the links it returns
// come back to the crawl thread. Nothing here throws out of a handler: a failed URL becomes a
// Page with `error` set and the crawl goes on.
//
// robots.txt for the crawler's own agent ("exposcan") governs what it discovers; listed targets
// and their seeds are fetched as user-directed (DESIGN §6) unless RobotsMode::obey_all.
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "scanner/crawl_types.h"

namespace exposcan {

class Crawler {
 public:
  Crawler(CrawlOptions options, PageHandler on_page, ProgressHandler on_progress = {});
  ~Crawler();
  Crawler(const Crawler&) = delete;
  Crawler& operator=(const Crawler&) = delete;

  // Crawls until the frontier is empty, a limit is reached or stop is requested. Blocking.
  CrawlStats run(const std::vector<CrawlTarget>& targets);

  // Requests a graceful stop: nothing new is sent, transfers in flight finish. Thread-safe and
  // async-signal-safe (sets an atomic flag the crawl thread polls).
  void request_stop();
  // Aborts transfers in flight as well.
  void request_abort();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// The product token exposcan uses in robots.txt matching.
inline constexpr const char* k_robots_agent = "exposcan";

}  // namespace exposcan
