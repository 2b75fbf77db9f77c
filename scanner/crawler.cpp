#include "scanner/crawler.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <deque>
#include <map>
#include <random>
#include <unordered_set>

#include "core/hash.h"
#include "core/log.h"
#include "core/text.h"
#include "core/url.h"
#include "scanner/charset.h"
#include "scanner/politeness.h"
#include "scanner/robots.h"
#include "scanner/scope.h"

namespace exposcan {
namespace asio = boost::asio;
using SteadyClock = std::chrono::steady_clock;

std::string_view to_string(RobotsMode mode) {
  switch (mode) {
    case RobotsMode::obey: return "obey";
    case RobotsMode::obey_all: return "obey-all";
    case RobotsMode::ignore: return "ignore";
  }
  return "obey";
}

std::optional<RobotsMode> robots_mode_from_string(std::string_view s) {
  if (s == "obey") return RobotsMode::obey;
  if (s == "obey-all") return RobotsMode::obey_all;
  if (s == "ignore") return RobotsMode::ignore;
  return std::nullopt;
}

namespace {

enum class RequestKind { page, robots, tdmrep, ai_txt };

struct Request {
  RequestKind kind = RequestKind::page;
  std::string url;        // current hop, absolute and normalised
  std::string start_url;  // first URL of the redirect chain
  std::vector<std::string> redirects;
  int depth = 0;
  size_t target = 0;
  bool user_directed = false;
  int attempt = 0;
  std::string host_key;  // origin whose queue and politeness this request uses
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

bool retryable(const std::string& code) {
  return code == "timeout" || code == "connection_reset" || code == "connect" || code == "bad_response" ||
         code == "network";
}

bool is_private_host_literal(const std::string& host) {
  std::string h = host;
  if (h.size() > 2 && h.front() == '[') h = h.substr(1, h.size() - 2);
  return h == "localhost" || is_non_public_address(h);
}

constexpr size_t k_site_file_cap = 512 * 1024 + 1;  // robots.txt: RFC 9309 parses at least 500 KiB

}  // namespace

struct Crawler::Impl {
  CrawlOptions opt;
  PageHandler on_page;
  ProgressHandler on_progress;
  asio::io_context io;
  std::unique_ptr<asio::thread_pool> pool;
  std::unique_ptr<HttpClient> http;
  std::map<std::string, HostState> hosts;
  std::vector<std::string> host_order;
  std::unordered_set<std::string> seen;
  std::vector<CrawlTarget> targets;
  std::vector<std::string> target_origins;
  std::unordered_set<std::string> private_ok_hosts;
  CrawlStats stats;
  size_t in_flight = 0, processing = 0, delayed = 0;
  int pages_started = 0;
  std::atomic<bool> stop_flag{false}, abort_flag{false};
  bool stopping = false;
  bool finished = false;
  asio::steady_timer ticker{io};
  std::mt19937 rng{std::random_device{}()};

  Impl(CrawlOptions o, PageHandler p, ProgressHandler g)
      : opt(std::move(o)), on_page(std::move(p)), on_progress(std::move(g)) {}

  // ---- setup -------------------------------------------------------------------------------

  CrawlStats run(const std::vector<CrawlTarget>& list) {
    targets = list;
    pool = std::make_unique<asio::thread_pool>(std::max<size_t>(1, opt.workers));
    opt.http.max_host_connections = std::max<long>(opt.http.max_host_connections, 1);
    http = std::make_unique<HttpClient>(opt.http, [this](std::function<void()> fn) { asio::post(io, std::move(fn)); });
    for (const auto& c : opt.http.connect_to) {
      auto parts = split(c, ':');
      if (!parts.empty() && !parts[0].empty()) private_ok_hosts.insert(ascii_lower(parts[0]));
    }
    stats.targets.resize(targets.size());
    target_origins.resize(targets.size());
    for (size_t i = 0; i < targets.size(); ++i) {
      stats.targets[i].name = targets[i].name;
      stats.targets[i].url = targets[i].url;
      auto u = Url::parse(targets[i].url);
      if (!u || !u->is_http()) {
        deliver_failure(Request{RequestKind::page, targets[i].url, targets[i].url, {}, 0, i, true, 0, ""},
                        FetchError{"url", u ? "only http and https URLs can be scanned" : u.error().message});
        continue;
      }
      target_origins[i] = u->normalized().origin();
      if (is_private_host_literal(u->host())) private_ok_hosts.insert(u->host());
      add_start(targets[i].url, i);
      for (const auto& s : targets[i].seeds) add_start(s, i);
    }
    arm_ticker();
    pump();
    check_done();
    if (!finished) io.run();
    http->stop();
    pool->join();
    stats.interrupted = stopping && stop_flag;
    return stats;
  }

  void add_start(const std::string& url, size_t target) {
    auto u = Url::parse(url);
    if (!u) return;
    std::string norm = u->normalized().str();
    if (!seen.insert(norm).second) return;
    Request r;
    r.url = r.start_url = norm;
    r.target = target;
    r.user_directed = true;
    enqueue(std::move(r), false);
  }

  void arm_ticker() {
    ticker.expires_after(std::chrono::milliseconds(200));
    ticker.async_wait([this](const boost::system::error_code& ec) {
      if (ec || finished) return;
      if (abort_flag && http) {
        stopping = true;
        drop_queues();
        http->stop();
      } else if (stop_flag && !stopping) {
        stopping = true;
        drop_queues();
      }
      if (on_progress) on_progress(progress());
      check_done();
      if (!finished) arm_ticker();
    });
  }

  CrawlProgress progress() const {
    CrawlProgress p;
    p.done = stats.pages_fetched;
    p.in_flight = in_flight;
    p.errors = stats.errors;
    p.bytes = stats.bytes;
    auto now = SteadyClock::now();
    for (const auto& [_, h] : hosts) {
      p.queued += h.queue.size() + h.site_queue.size();
      if (h.timer_armed || h.not_before > now) ++p.hosts_waiting;
    }
    return p;
  }

  // ---- queues and dispatch -----------------------------------------------------------------

  HostState& host_for(const std::string& origin) {
    auto it = hosts.find(origin);
    if (it != hosts.end()) return it->second;
    auto u = Url::parse(origin);
    std::string host = u ? u->host() : origin;
    const HostPolicy& p = policy_for_host(opt.host_policies, opt.default_policy, host);
    host_order.push_back(origin);
    return hosts.try_emplace(origin, origin, p, io).first->second;
  }

  void enqueue(Request r, bool front) {
    auto u = Url::parse(r.url);
    if (!u) return;
    if (r.host_key.empty() || r.kind == RequestKind::page) r.host_key = u->origin();
    HostState& h = host_for(r.host_key);
    if (r.kind != RequestKind::page) {
      front ? h.site_queue.push_front(std::move(r)) : h.site_queue.push_back(std::move(r));
      return;
    }
    if (h.state == HostState::Signals::none) start_site_signals(h);
    front ? h.queue.push_front(std::move(r)) : h.queue.push_back(std::move(r));
  }

  void start_site_signals(HostState& h) {
    h.state = HostState::Signals::robots;
    h.building = std::make_shared<SiteSignals>();
    h.building->origin = h.origin;
    Request r;
    r.kind = RequestKind::robots;
    r.url = r.start_url = h.origin + "/robots.txt";
    r.host_key = h.origin;
    r.user_directed = true;
    h.site_queue.push_back(std::move(r));
  }

  bool robots_applies(const Request& r) const {
    if (r.kind != RequestKind::page || opt.robots_mode == RobotsMode::ignore) return false;
    return !r.user_directed || opt.robots_mode == RobotsMode::obey_all;
  }

  void arm_host_timer(HostState& h, SteadyClock::time_point when) {
    if (h.timer_armed) return;
    h.timer_armed = true;
    h.timer->expires_at(when);
    h.timer->async_wait([this, &h](const boost::system::error_code& ec) {
      h.timer_armed = false;
      if (!ec) pump();
    });
  }

  void pump() {
    if (finished) return;
    for (const auto& key : host_order) {
      HostState& h = hosts.at(key);
      while (in_flight < opt.concurrency) {
        bool site = !h.site_queue.empty();
        if (!site && (h.state != HostState::Signals::ready || h.queue.empty())) break;
        Request& next = site ? h.site_queue.front() : h.queue.front();
        if (!site) {
          if (pages_started >= opt.max_pages || stats.bytes >= opt.max_bytes) {
            if (next.attempt == 0 && next.redirects.empty()) {
              stats.limit_reached = true;
              drop_pages();
              break;
            }
          }
          if (robots_applies(next) && h.signals && h.signals->robots) {
            auto u = Url::parse(next.url);
            auto d = h.signals->robots->check(k_robots_agent, u ? u->path_and_query() : "/");
            if (!d.allowed) {
              Request r = std::move(next);
              h.queue.pop_front();
              std::string why = d.rule ? "robots.txt disallows exposcan (" + *d.rule +
                                             (d.line ? ", line " + std::to_string(*d.line) : std::string()) + ")"
                                       : "robots.txt disallows exposcan (" + h.signals->robots->status_note() + ")";
              deliver_failure(std::move(r), FetchError{"robots_disallowed", why});
              continue;
            }
          }
        }
        if (h.in_flight >= h.policy.max_connections) break;
        auto now = SteadyClock::now();
        if (now < h.not_before) {
          arm_host_timer(h, h.not_before);
          break;
        }
        if (!h.bucket.try_take(now)) {
          arm_host_timer(h, h.bucket.next_available(now));
          break;
        }
        Request r = std::move(next);
        site ? h.site_queue.pop_front() : h.queue.pop_front();
        send(h, std::move(r));
      }
    }
  }

  void drop_pages() {
    for (auto& [_, h] : hosts) h.queue.clear();
  }

  void drop_queues() {
    for (auto& [_, h] : hosts) {
      h.queue.clear();
      h.site_queue.clear();
    }
  }

  void send(HostState& h, Request r) {
    HttpRequest hr;
    hr.url = r.url;
    hr.connect_timeout_ms = opt.connect_timeout_ms;
    hr.timeout_ms = opt.timeout_ms;
    hr.low_speed_limit = opt.low_speed_limit;
    hr.low_speed_time_s = opt.low_speed_time_s;
    hr.max_body_bytes = r.kind == RequestKind::page ? opt.max_body_bytes : k_site_file_cap;
    hr.capture_wire = opt.capture_wire && r.kind == RequestKind::page;
    auto u = Url::parse(r.url);
    hr.allow_private_addresses = u && private_ok_hosts.count(u->host()) > 0;
    if (r.kind == RequestKind::page && opt.cache) {
      if (auto v = opt.cache->validators(r.url)) {
        hr.if_none_match = v->etag;
        hr.if_modified_since = v->last_modified;
      }
    }
    if (r.kind == RequestKind::page && r.attempt == 0 && r.redirects.empty()) ++pages_started;
    ++in_flight;
    ++h.in_flight;
    ++stats.requests;
    http->submit(std::move(hr), [this, r = std::move(r)](HttpResponse resp) mutable {
      on_response(std::move(r), std::move(resp));
    });
  }

  // ---- responses ---------------------------------------------------------------------------

  std::chrono::milliseconds backoff(int attempt) {
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    double ms = static_cast<double>(opt.backoff_base_ms) * (1 << std::min(attempt, 10)) * jitter(rng);
    return std::chrono::milliseconds(static_cast<long>(ms));
  }

  void retry_later(Request r, std::chrono::milliseconds delay) {
    ++r.attempt;
    ++delayed;
    auto timer = std::make_shared<asio::steady_timer>(io, delay);
    timer->async_wait([this, timer, r = std::move(r)](const boost::system::error_code&) mutable {
      --delayed;
      if (!stopping) {
        bool site = r.kind != RequestKind::page;
        HostState& h = host_for(r.host_key);
        site ? h.site_queue.push_front(std::move(r)) : h.queue.push_front(std::move(r));
      }
      pump();
      check_done();
    });
  }

  void on_response(Request r, HttpResponse resp) {
    --in_flight;
    HostState& h = host_for(r.host_key);
    --h.in_flight;
    stats.bytes += resp.body.size();
    if (r.kind != RequestKind::page) {
      on_site_file(h, std::move(r), std::move(resp));
    } else {
      on_page_response(h, std::move(r), std::move(resp));
    }
    pump();
    check_done();
  }

  bool should_retry_status(const Request& r, const HttpResponse& resp, HostState& h) {
    if (stopping || r.attempt >= opt.max_retries) return false;
    if (resp.status == 429 || resp.status == 503) {
      if (resp.retry_after_s > opt.max_retry_after_s) return false;
      auto wait = resp.retry_after_s >= 0 ? std::chrono::milliseconds(resp.retry_after_s * 1000) : backoff(r.attempt);
      h.not_before = std::max(h.not_before, SteadyClock::now() + wait);
      return true;
    }
    return resp.status >= 500 && resp.status != 501 && resp.status != 505;
  }

  void on_page_response(HostState& h, Request r, HttpResponse resp) {
    if (resp.error) {
      if (resp.error->code == "interrupted") {
        deliver_failure(std::move(r), *resp.error);
        return;
      }
      if (retryable(resp.error->code) && r.attempt < opt.max_retries && !stopping) {
        retry_later(std::move(r), backoff(r.attempt));
        return;
      }
      deliver_response(std::move(r), std::move(resp), h);
      return;
    }
    if (should_retry_status(r, resp, h)) {
      bool rate = resp.status == 429 || resp.status == 503;
      retry_later(std::move(r), rate ? std::chrono::milliseconds(0) : backoff(r.attempt));
      return;
    }
    if (resp.status >= 300 && resp.status < 400 && resp.status != 304 && !resp.redirect_url.empty()) {
      follow_redirect(std::move(r), resp);
      return;
    }
    if (resp.status == 304 && opt.cache) {
      if (auto stored = opt.cache->stored_page(r.url)) {
        Page p = std::move(*stored);
        p.origin = PageOrigin::not_modified;
        p.fetched_at = std::chrono::system_clock::now();
        p.site = h.signals;
        p.depth = r.depth;
        p.user_directed = r.user_directed;
        p.target = targets[r.target].name;
        hand_over(std::move(r), std::make_shared<const Page>(std::move(p)));
        return;
      }
    }
    deliver_response(std::move(r), std::move(resp), h);
  }

  void follow_redirect(Request r, const HttpResponse& resp) {
    auto target = Url::parse(resp.redirect_url);
    if (!target) {
      deliver_failure(std::move(r), FetchError{"bad_response", "invalid redirect Location"});
      return;
    }
    if (!target->is_http()) {
      deliver_failure(std::move(r), FetchError{"redirect_refused", "redirect to a " + target->scheme() +
                                                                       ": URL refused (only http and https)"});
      return;
    }
    std::string next = target->normalized().str();
    if (next == r.url || std::find(r.redirects.begin(), r.redirects.end(), next) != r.redirects.end()) {
      deliver_failure(std::move(r), FetchError{"redirect_loop", "redirect loop back to " + next});
      return;
    }
    if (static_cast<int>(r.redirects.size()) + 1 > opt.max_redirects) {
      deliver_failure(std::move(r), FetchError{"too_many_redirects",
                                               "more than " + std::to_string(opt.max_redirects) + " redirects"});
      return;
    }
    seen.insert(next);
    r.redirects.push_back(r.url);
    r.url = next;
    r.attempt = 0;
    enqueue(std::move(r), true);
  }

  Page make_page(const Request& r, HttpResponse& resp, const HostState& h) {
    Page p;
    p.url = r.start_url;
    p.final_url = r.url;
    p.redirects = r.redirects;
    p.status = resp.status;
    p.http_version = resp.http_version;
    p.remote_ip = resp.remote_ip;
    p.headers = std::move(resp.headers);
    p.truncated = resp.truncated;
    p.fetched_at = std::chrono::system_clock::now();
    p.sha256 = sha256_hex(resp.body);
    std::string declared = media_type_of(p.header("Content-Type"));
    p.content_type = sniff_media_type(declared, resp.body);
    if (is_text_media_type(p.content_type)) {
      DecodedText d = decode_to_utf8(resp.body, p.content_type, charset_param(p.header("Content-Type")));
      p.body = std::move(d.text);
      p.charset = d.charset;
    } else {
      p.body = std::move(resp.body);
    }
    p.origin = PageOrigin::live;
    p.error = resp.error;
    if (!p.error && resp.status >= 400)
      p.error = FetchError{resp.status == 429 ? "rate_limited" : "http_status",
                           "HTTP " + std::to_string(resp.status)};
    p.site = h.signals;
    p.depth = r.depth;
    p.user_directed = r.user_directed;
    p.target = targets[r.target].name;
    p.request_block = std::move(resp.request_head);
    p.response_head = std::move(resp.response_head);
    return p;
  }

  void deliver_response(Request r, HttpResponse resp, const HostState& h) {
    auto page = std::make_shared<const Page>(make_page(r, resp, h));
    hand_over(std::move(r), std::move(page));
  }

  void deliver_failure(Request r, FetchError error) {
    Page p;
    p.url = r.start_url.empty() ? r.url : r.start_url;
    p.final_url = r.url;
    p.redirects = r.redirects;
    p.fetched_at = std::chrono::system_clock::now();
    p.error = std::move(error);
    p.depth = r.depth;
    p.user_directed = r.user_directed;
    if (r.target < targets.size()) p.target = targets[r.target].name;
    auto it = hosts.find(r.host_key);
    if (it != hosts.end()) p.site = it->second.signals;
    hand_over(std::move(r), std::make_shared<const Page>(std::move(p)));
  }

  void hand_over(Request r, std::shared_ptr<const Page> page) {
    bool skipped = page->error && page->error->code == "robots_disallowed";
    bool ok = !page->error && page->status >= 200 && page->status < 400;
    if (page->status > 0 || page->origin == PageOrigin::not_modified) ++stats.pages_fetched;
    if (!ok && !skipped) ++stats.errors;
    if (r.target < stats.targets.size()) {
      if (ok) ++stats.targets[r.target].pages_ok;
      else if (!skipped) ++stats.targets[r.target].pages_failed;
    }
    ++processing;
    asio::post(*pool, [this, r = std::move(r), page = std::move(page)]() mutable {
      std::vector<LinkCandidate> links;
      try {
        links = on_page(*page);
      } catch (const std::exception& e) {
        log::error("page handler failed on {}: {}", page->url, e.what());
      }
      asio::post(io, [this, r = std::move(r), links = std::move(links)]() mutable {
        --processing;
        for (const auto& l : links) consider(l, r);
        pump();
        check_done();
      });
    });
  }

  void consider(const LinkCandidate& link, const Request& parent) {
    if (stopping) return;
    auto u = Url::parse(link.url);
    if (!u || !u->is_http()) return;
    Url norm = u->normalized();
    const std::string& s = norm.str();
    if (seen.count(s)) return;
    if (parent.target >= targets.size()) return;
    if (!in_scope(targets[parent.target].scope, target_origins[parent.target], norm)) return;
    bool paging = link.kind == "next" || link.kind == "feed" || link.kind == "api";
    int depth = paging ? parent.depth : parent.depth + 1;
    if (depth > opt.max_depth) return;
    seen.insert(s);
    Request r;
    r.url = r.start_url = s;
    r.depth = depth;
    r.target = parent.target;
    // Pagination of a user-directed listing is the same account's listing (DESIGN §6).
    r.user_directed = parent.user_directed && (link.kind == "next" || link.kind == "api");
    enqueue(std::move(r), false);
  }

  // ---- site files (robots.txt, tdmrep.json, ai.txt) ------------------------------------------

  SiteFile site_file_from(const Request& r, const HttpResponse& resp) {
    SiteFile f;
    f.url = r.start_url;
    f.status = resp.status;
    f.fetched = !resp.error || resp.status > 0;
    f.fetched_at = std::chrono::system_clock::now();
    if (resp.error) f.error = resp.error;
    if (resp.status >= 200 && resp.status < 300) f.body = resp.body;
    return f;
  }

  void on_site_file(HostState& h, Request r, HttpResponse resp) {
    if (!stopping && resp.status >= 300 && resp.status < 400 && !resp.redirect_url.empty() &&
        r.redirects.size() < 5) {  // RFC 9309 §2.3.1.2: follow at least five redirects
      auto target = Url::parse(resp.redirect_url);
      if (target && target->is_http()) {
        r.redirects.push_back(r.url);
        r.url = target->normalized().str();
        h.site_queue.push_front(std::move(r));
        return;
      }
    }
    if (r.kind == RequestKind::robots) {
      bool transient = (resp.error && retryable(resp.error->code)) || resp.status == 429 || resp.status >= 500;
      if (transient && !stopping && r.attempt < opt.max_retries) {
        if ((resp.status == 429 || resp.status == 503) && resp.retry_after_s > opt.max_retry_after_s) {
          // give up now: unreachable
        } else {
          if (resp.retry_after_s >= 0)
            h.not_before = std::max(h.not_before, SteadyClock::now() + std::chrono::seconds(resp.retry_after_s));
          retry_later(std::move(r), resp.retry_after_s >= 0 ? std::chrono::milliseconds(0) : backoff(r.attempt));
          return;
        }
      }
      h.building->robots_file = site_file_from(r, resp);
      bool network_error = resp.error.has_value() && resp.status == 0;
      int status = resp.status;
      if (status >= 300 && status < 400) status = 404;  // redirects exhausted: unavailable
      std::string_view body = resp.body;
      if (resp.error && resp.error->code == "too_large") network_error = false, status = 200;
      h.building->robots = std::make_shared<const RobotsTxt>(RobotsTxt::from_fetch(status, body, network_error));
      start_site_files(h);
      return;
    }
    SiteFile f = site_file_from(r, resp);
    if (r.kind == RequestKind::tdmrep) h.building->tdmrep_file = std::move(f);
    else h.building->ai_txt_file = std::move(f);
    if (--h.files_pending == 0) publish_signals(h);
  }

  void start_site_files(HostState& h) {
    h.state = HostState::Signals::files;
    if (!opt.fetch_site_signals || stopping) {
      publish_signals(h);
      return;
    }
    for (auto [kind, path] : {std::pair{RequestKind::tdmrep, "/.well-known/tdmrep.json"},
                              std::pair{RequestKind::ai_txt, "/ai.txt"}}) {
      bool allowed = opt.robots_mode == RobotsMode::ignore || h.building->robots->check(k_robots_agent, path).allowed;
      if (!allowed) continue;
      Request r;
      r.kind = kind;
      r.url = r.start_url = h.origin + path;
      r.host_key = h.origin;
      h.site_queue.push_back(std::move(r));
      ++h.files_pending;
    }
    if (h.files_pending == 0) publish_signals(h);
  }

  void publish_signals(HostState& h) {
    h.signals = h.building;
    h.state = HostState::Signals::ready;
  }

  void check_done() {
    if (finished || in_flight > 0 || processing > 0 || delayed > 0) return;
    for (const auto& [_, h] : hosts)
      if (!h.site_queue.empty() || (!h.queue.empty() && !stopping)) return;
    finished = true;
    ticker.cancel();
    for (auto& [_, h] : hosts) h.timer->cancel();
    io.stop();
  }
};

Crawler::Crawler(CrawlOptions options, PageHandler on_page, ProgressHandler on_progress)
    : m_impl(std::make_unique<Impl>(std::move(options), std::move(on_page), std::move(on_progress))) {}

Crawler::~Crawler() = default;

CrawlStats Crawler::run(const std::vector<CrawlTarget>& targets) { return m_impl->run(targets); }

void Crawler::request_stop() { m_impl->stop_flag = true; }

void Crawler::request_abort() {
  m_impl->stop_flag = true;
  m_impl->abort_flag = true;
}

}  // namespace exposcan
