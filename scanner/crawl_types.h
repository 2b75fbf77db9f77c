// scanner/crawl_types.h — what a crawl is asked to do (targets, scope, limits) and what it reports.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "scanner/http_client.h"

namespace exposcan {

// Which pages belong to a target. A URL is in scope when its origin is the target's origin (or one of
// `extra_origins`), it is not excluded, and its path starts with `path_prefix` or matches an include
// pattern. Patterns use robots.txt syntax ('*' any run, '$' end) against path+query.
struct CrawlScope {
  std::string path_prefix = "/";
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::vector<std::string> extra_origins;  // e.g. an API host of the same platform
};

struct CrawlTarget {
  std::string name;                // as the user wrote it ("instagram:jane", a URL, ...)
  std::string url;                 // the start URL
  std::vector<std::string> seeds;  // more start URLs of the same account (feeds, API endpoints)
  CrawlScope scope;
};

enum class RobotsMode { obey, obey_all, ignore };
std::string_view to_string(RobotsMode mode);
std::optional<RobotsMode> robots_mode_from_string(std::string_view s);

// Politeness for hosts matching `host_pattern` ('*' wildcards, e.g. "*.example.org").
struct HostPolicy {
  std::string host_pattern;
  double rate = 1.0;  // requests per second; 0 = no limit
  int burst = 2;
  int max_connections = 2;
};

// A link a page handler found, for the crawler to consider.
struct LinkCandidate {
  std::string url;   // absolute
  std::string kind;  // "anchor", "feed", "rel_me", "next", "sitemap", "api", "media"
};

// Validators and stored copy of an earlier fetch (conditional GET). Implemented by the store.
struct CachedResponse {
  std::string etag;
  std::string last_modified;
};
class ConditionalCache {
 public:
  virtual ~ConditionalCache() = default;
  virtual std::optional<CachedResponse> validators(const std::string& url) const = 0;
  // The stored page for a 304 answer (body, headers, outgoing links); nullopt = refetch in full.
  virtual std::optional<Page> stored_page(const std::string& url) const = 0;
};

struct CrawlOptions {
  HttpClientOptions http;
  size_t concurrency = 8;    // transfers in flight, all hosts
  HostPolicy default_policy;  // per-host token bucket and connection cap
  std::vector<HostPolicy> host_policies;
  int max_pages = 500;  // pages fetched (all targets)
  int max_depth = 3;    // link distance from a start URL
  uint64_t max_bytes = 256ull << 20;  // page bodies; no new page starts once reached
  size_t max_body_bytes = 8u << 20;
  long connect_timeout_ms = 10'000;
  long timeout_ms = 30'000;
  long low_speed_limit = 100;
  long low_speed_time_s = 10;
  int max_redirects = 10;
  int max_retries = 2;                 // for timeouts, resets and 5xx
  long max_retry_after_s = 60;         // longer Retry-After values are recorded, not waited for
  long backoff_base_ms = 500;
  long max_backoff_ms = 30'000;        // cap of the exponential backoff (before jitter)
  RobotsMode robots_mode = RobotsMode::obey;
  bool fetch_site_signals = true;  // /.well-known/tdmrep.json and /ai.txt per origin
  bool follow_sitemaps = true;     // robots.txt Sitemap: lines of a target's origin, rel=sitemap
  // Hosts ('*' patterns) that rel=me links may lead to beyond the targets' scopes
  // (crawl.allow_hosts). A rel=me link is otherwise followed only into a listed target's scope.
  std::vector<std::string> allow_hosts;
  bool capture_wire = false;
  size_t workers = 2;  // page-handler threads
  // Pages fetched but not yet handled (queued for or in the workers) plus transfers in flight: no
  // new page request starts beyond this, so a slow handler holds back the fetching instead of
  // letting bodies pile up in memory. 0 = concurrency + 4 × workers.
  size_t max_pending_pages = 0;
  const ConditionalCache* cache = nullptr;
};

struct TargetOutcome {
  std::string name;
  std::string url;
  size_t pages_ok = 0;      // 2xx/304 pages
  size_t pages_failed = 0;  // errors and non-2xx
  bool reachable() const { return pages_ok > 0; }
};

struct CrawlStats {
  size_t requests = 0;       // HTTP requests sent (incl. robots.txt, retries, redirects)
  size_t pages_fetched = 0;  // pages delivered with a response
  size_t errors = 0;
  uint64_t bytes = 0;  // body bytes received
  size_t connections = 0;    // connections opened (the rest of the requests reused one)
  size_t retries = 0;        // requests sent again (timeouts, resets, 5xx, 429/503)
  size_t not_modified = 0;   // 304 answers served from the ConditionalCache
  size_t robots_disallowed = 0;
  bool interrupted = false;
  bool limit_reached = false;  // max pages / bytes cut the crawl short
  std::vector<TargetOutcome> targets;
};

// Called on a worker thread for every delivered Page (including failed ones, which carry
// `error`); returns the links worth following. Must be thread-safe.
using PageHandler = std::function<std::vector<LinkCandidate>(const Page&)>;

// Progress snapshot for a live status line (called on the crawl thread, at most ~5 times/s).
struct CrawlProgress {
  size_t done = 0, queued = 0, in_flight = 0, errors = 0;
  uint64_t bytes = 0;
  size_t hosts_waiting = 0;  // hosts whose next request waits for politeness
};
using ProgressHandler = std::function<void(const CrawlProgress&)>;

}  // namespace exposcan
