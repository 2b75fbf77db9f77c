// scanner/crawler_impl.h — Crawler::Impl, private to scanner/: the crawl state and its requests, split
// over crawler.cpp (the crawl loop) and crawler_sites.cpp (the per-origin site signals). Everything here
// lives on the crawl thread, except process() and add_sitemap_links(), which run on the worker pool.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <list>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "scanner/crawler.h"
#include "scanner/fast_url.h"
#include "scanner/frontier.h"
#include "scanner/http_client.h"
#include "scanner/page_builder.h"
#include "scanner/politeness.h"

namespace exposcan {
namespace asio = boost::asio;
using SteadyClock = std::chrono::steady_clock;

struct Crawler::Impl {
  enum class RequestKind { page, robots, tdmrep, ai_txt };

  struct Request {
    RequestKind kind = RequestKind::page;
    NormalUrl url;          // current hop
    std::string start_url;  // first URL of the redirect chain
    std::vector<std::string> redirects;
    int depth = 0;
    size_t target = 0;
    bool user_directed = false;
    int attempt = 0;
    std::string host_key;  // origin whose queue and politeness this request uses
    bool fresh() const { return attempt == 0 && redirects.empty(); }
  };

  struct HostState {
    enum class Signals { none, robots, files, ready };
    std::string origin;
    HostPolicy policy;
    TokenBucket bucket;
    std::deque<Request> site_queue;
    std::deque<Request> queue;
    int in_flight = 0;
    SteadyClock::time_point not_before{};
    std::unique_ptr<asio::steady_timer> timer;
    bool timer_armed = false;
    Signals state = Signals::none;
    int files_pending = 0;
    std::shared_ptr<SiteSignals> building;
    std::shared_ptr<const SiteSignals> signals;

    HostState(std::string o, const HostPolicy& p, asio::io_context& io)
        : origin(std::move(o)), policy(p), bucket(p.rate, p.burst, SteadyClock::now()),
          timer(std::make_unique<asio::steady_timer>(io)) {}
  };

  // What the worker found on a page, normalised, for the crawl thread to admit.
  struct FoundLink {
    NormalUrl url;
    std::string kind;
  };

  static bool retryable(const std::string& code) {
    return code == "timeout" || code == "connection_reset" || code == "connect" || code == "bad_response" ||
           code == "network";
  }

  CrawlOptions opt;
  PageHandler on_page;
  ProgressHandler on_progress;
  asio::io_context io;
  std::unique_ptr<asio::thread_pool> pool;
  std::unique_ptr<HttpClient> http;
  std::map<std::string, HostState> hosts;
  std::vector<std::string> host_order;
  size_t pump_start = 0;  // round-robin over hosts
  std::unique_ptr<Frontier> frontier;
  std::vector<CrawlTarget> targets;
  std::unordered_set<std::string> private_ok_hosts;
  std::list<std::shared_ptr<asio::steady_timer>> retry_timers;
  CrawlStats stats;
  size_t in_flight = 0, processing = 0, delayed = 0;
  size_t pending_cap = 0;  // in_flight + processing at which page requests wait (max_pending_pages)
  int pages_started = 0;
  uint64_t page_bytes = 0;  // page bodies only (site files do not count against max_bytes)
  std::atomic<bool> stop_flag{false}, abort_flag{false};
  bool stopping = false;
  bool finished = false;
  asio::steady_timer ticker{io};
  std::mt19937 rng{std::random_device{}()};

  Impl(CrawlOptions o, PageHandler p, ProgressHandler g)
      : opt(std::move(o)), on_page(std::move(p)), on_progress(std::move(g)) {}

  // ---- setup -------------------------------------------------------------------------------
  CrawlStats run(const std::vector<CrawlTarget>& list);
  void add_start(const std::string& url, size_t target);
  void arm_ticker();
  // Stop sending: queued requests are dropped, waits end now; what is in flight finishes.
  void begin_stop();
  CrawlProgress progress() const;

  // ---- queues and dispatch -----------------------------------------------------------------
  HostState& host_for(const std::string& origin);
  void enqueue(Request r, bool front);
  void arm_host_timer(HostState& h, SteadyClock::time_point when);
  bool page_limit_reached() const;
  void pump();
  void pump_host(HostState& h);
  void send(HostState& h, Request r);

  // ---- responses ---------------------------------------------------------------------------
  // Exponential backoff with jitter: base·2^attempt, capped, times a factor in [0.5, 1.5).
  std::chrono::milliseconds backoff(int attempt);
  void retry_later(Request r, std::chrono::milliseconds delay);
  void on_response(Request r, HttpResponse resp);
  // 429/503 (with Retry-After up to max_retry_after_s) and other 5xx are retried, bounded.
  bool should_retry_status(const Request& r, const HttpResponse& resp, HostState& h);
  void on_page_response(HostState& h, Request r, HttpResponse resp);
  void follow_redirect(Request r, const HttpResponse& resp);
  PageContext context_of(Request& r);
  void account(const Request& r, bool ok, bool skipped);
  void deliver_response(HostState&, Request r, HttpResponse resp);
  void deliver_failure(Request r, FetchError error);
  void hand_over(Request r, std::shared_ptr<const Page> page);
  // Worker thread: the page handler, the crawler's own sitemap reading, link normalisation.
  void process(Request r, std::shared_ptr<const Page> page);
  void consider(FoundLink& link, const Request& parent);
  void check_done();

  // ---- site signals: robots.txt, tdmrep.json, ai.txt, sitemaps (crawler_sites.cpp) ---------
  void start_site_signals(HostState& h);
  bool robots_applies(const Request& r) const;
  SiteFile site_file_from(const Request& r, const HttpResponse& resp);
  void on_site_file(HostState& h, Request r, HttpResponse resp);
  void start_site_files(HostState& h);
  void publish_signals(HostState& h);
  // Worker thread (from process()): the links of a sitemap body, if the page is one.
  void add_sitemap_links(const Page& page, std::vector<LinkCandidate>& links);
};

}  // namespace exposcan
