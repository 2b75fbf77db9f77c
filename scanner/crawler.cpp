// scanner/crawler.cpp — see crawler.h. The crawl loop on the crawl thread: setup, per-origin queues and
// politeness, sending, retries, redirects, and handing Pages to the worker pool; failures become Pages.
#include <boost/asio/post.hpp>

#include <algorithm>

#include "core/log.h"
#include "core/text.h"
#include "core/url.h"
#include "scanner/crawler_impl.h"
#include "scanner/robots.h"

namespace exposcan {
namespace {

std::string bare_host(std::string_view host) {
  std::string h(host);
  if (h.size() > 2 && h.front() == '[') h = h.substr(1, h.size() - 2);
  return h;
}

bool is_private_host_literal(std::string_view host) {
  std::string h = ascii_lower(bare_host(host));
  return h == "localhost" || (h.size() > 10 && h.substr(h.size() - 10) == ".localhost") || is_non_public_address(h);
}

constexpr size_t k_site_file_cap = 512 * 1024 + 1;  // robots.txt: RFC 9309 parses at least 500 KiB

}  // namespace

// ---- setup ---------------------------------------------------------------------------------

CrawlStats Crawler::Impl::run(const std::vector<CrawlTarget>& list) {
  targets = list;
  frontier = std::make_unique<Frontier>(targets, opt.allow_hosts, opt.max_depth);
  pool = std::make_unique<asio::thread_pool>(std::max<size_t>(1, opt.workers));
  pending_cap = opt.max_pending_pages > 0 ? opt.max_pending_pages
                                          : opt.concurrency + 4 * std::max<size_t>(1, opt.workers);
  opt.http.max_host_connections = std::max<long>(opt.http.max_host_connections, 1);
  http = std::make_unique<HttpClient>(opt.http, [this](std::function<void()> fn) { asio::post(io, std::move(fn)); });
  // Private addresses are allowed only for hosts the user mapped (--connect-to) and for the
  // listed targets' own hosts (DESIGN §6: a page must not turn the scanner on the user's network).
  for (const auto& c : opt.http.connect_to) {
    auto parts = split(c, ':');
    if (!parts.empty() && !parts[0].empty()) private_ok_hosts.insert(ascii_lower(parts[0]));
  }
  stats.targets.resize(targets.size());
  for (size_t i = 0; i < targets.size(); ++i) {
    stats.targets[i].name = targets[i].name;
    stats.targets[i].url = targets[i].url;
    if (auto n = normalize_http_url(targets[i].url)) private_ok_hosts.insert(bare_host(n->host()));
    for (const auto& s : targets[i].seeds)
      if (auto n = normalize_http_url(s)) private_ok_hosts.insert(bare_host(n->host()));
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    auto u = normalize_http_url(targets[i].url);
    if (!u) {
      Request r;
      r.start_url = targets[i].url;
      r.target = i;
      r.user_directed = true;
      auto parsed = Url::parse(targets[i].url);
      deliver_failure(std::move(r), FetchError{"url", parsed ? "only http and https URLs can be scanned"
                                                             : parsed.error().message});
      continue;
    }
    add_start(targets[i].url, i);
    for (const auto& s : targets[i].seeds) add_start(s, i);
  }
  arm_ticker();
  pump();
  check_done();
  if (!finished) io.run();
  http->stop();
  pool->join();
  stats.interrupted = stop_flag.load();
  return stats;
}

void Crawler::Impl::add_start(const std::string& url, size_t target) {
  auto u = normalize_http_url(url);
  if (!u || !frontier->add_start(u->text)) return;
  Request r;
  r.start_url = u->text;
  r.url = std::move(*u);
  r.target = target;
  r.user_directed = true;
  enqueue(std::move(r), false);
}

void Crawler::Impl::arm_ticker() {
  ticker.expires_after(std::chrono::milliseconds(200));
  ticker.async_wait([this](const boost::system::error_code& ec) {
    if (ec || finished) return;
    if (abort_flag && http) {
      begin_stop();
      http->stop();  // transfers in flight come back as "interrupted"
    } else if (stop_flag && !stopping) {
      begin_stop();
    }
    if (on_progress) on_progress(progress());
    check_done();
    if (!finished) arm_ticker();
  });
}

void Crawler::Impl::begin_stop() {
  stopping = true;
  for (auto& [_, h] : hosts) {
    h.queue.clear();
    h.site_queue.clear();
    h.timer->cancel();
  }
  for (auto& t : retry_timers) t->cancel();
}

CrawlProgress Crawler::Impl::progress() const {
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
  p.queued += delayed;
  return p;
}

// ---- queues and dispatch -------------------------------------------------------------------

Crawler::Impl::HostState& Crawler::Impl::host_for(const std::string& origin) {
  auto it = hosts.find(origin);
  if (it != hosts.end()) return it->second;
  auto u = normalize_http_url(origin + "/");
  std::string host = u ? std::string(u->host()) : origin;
  const HostPolicy& p = policy_for_host(opt.host_policies, opt.default_policy, host);
  host_order.push_back(origin);
  return hosts.try_emplace(origin, origin, p, io).first->second;
}

void Crawler::Impl::enqueue(Request r, bool front) {
  if (stopping) return;
  if (r.host_key.empty() || r.kind == RequestKind::page) r.host_key = std::string(r.url.origin());
  HostState& h = host_for(r.host_key);
  if (r.kind != RequestKind::page) {
    front ? h.site_queue.push_front(std::move(r)) : h.site_queue.push_back(std::move(r));
    return;
  }
  if (h.state == HostState::Signals::none) start_site_signals(h);
  front ? h.queue.push_front(std::move(r)) : h.queue.push_back(std::move(r));
}

void Crawler::Impl::arm_host_timer(HostState& h, SteadyClock::time_point when) {
  if (h.timer_armed) return;
  h.timer_armed = true;
  h.timer->expires_at(when);
  h.timer->async_wait([this, &h](const boost::system::error_code& ec) {
    h.timer_armed = false;
    if (!ec) pump();
    check_done();
  });
}

bool Crawler::Impl::page_limit_reached() const {
  return pages_started >= opt.max_pages || page_bytes >= opt.max_bytes;
}

void Crawler::Impl::pump() {
  if (finished || stopping) return;
  const size_t n = host_order.size();
  for (size_t k = 0; k < n && in_flight < opt.concurrency; ++k) {
    HostState& h = hosts.at(host_order[(pump_start + k) % n]);
    pump_host(h);
  }
  if (n > 0) pump_start = (pump_start + 1) % n;
}

void Crawler::Impl::pump_host(HostState& h) {
  while (in_flight < opt.concurrency) {
    bool site = !h.site_queue.empty();
    if (!site && (h.state != HostState::Signals::ready || h.queue.empty())) return;
    if (!site && in_flight + processing >= pending_cap) return;  // backpressure from the handlers
    Request& next = site ? h.site_queue.front() : h.queue.front();
    if (!site) {
      if (next.fresh() && page_limit_reached()) {
        stats.limit_reached = true;
        for (auto& [_, other] : hosts) other.queue.clear();
        return;
      }
      if (robots_applies(next) && h.signals && h.signals->robots) {
        auto d = h.signals->robots->check(k_robots_agent, next.url.path_and_query());
        if (!d.allowed) {
          Request r = std::move(next);
          h.queue.pop_front();
          std::string why = d.rule ? "robots.txt disallows exposcan (" + *d.rule +
                                         (d.line ? ", line " + std::to_string(*d.line) : std::string()) + ")"
                                   : "robots.txt disallows exposcan (" + h.signals->robots->status_note() + ")";
          ++stats.robots_disallowed;
          deliver_failure(std::move(r), FetchError{"robots_disallowed", why});
          continue;
        }
      }
    }
    if (h.in_flight >= h.policy.max_connections) return;
    auto now = SteadyClock::now();
    if (now < h.not_before) {
      arm_host_timer(h, h.not_before);
      return;
    }
    if (!h.bucket.try_take(now)) {
      arm_host_timer(h, h.bucket.next_available(now));
      return;
    }
    Request r = std::move(next);
    site ? h.site_queue.pop_front() : h.queue.pop_front();
    send(h, std::move(r));
  }
}

void Crawler::Impl::send(HostState& h, Request r) {
  HttpRequest hr;
  hr.url = r.url.text;
  hr.connect_timeout_ms = opt.connect_timeout_ms;
  hr.timeout_ms = opt.timeout_ms;
  hr.low_speed_limit = opt.low_speed_limit;
  hr.low_speed_time_s = opt.low_speed_time_s;
  hr.max_body_bytes = r.kind == RequestKind::page ? opt.max_body_bytes : k_site_file_cap;
  hr.keep_prefix = r.kind != RequestKind::page;  // site files are read up to their cap
  hr.capture_wire = opt.capture_wire && r.kind == RequestKind::page;
  hr.allow_private_addresses = private_ok_hosts.count(bare_host(r.url.host())) > 0;
  if (r.kind == RequestKind::page && opt.cache) {
    if (auto v = opt.cache->validators(r.start_url)) {
      hr.if_none_match = v->etag;
      hr.if_modified_since = v->last_modified;
    }
  }
  if (r.kind == RequestKind::page && r.fresh()) ++pages_started;
  if (r.attempt > 0) ++stats.retries;
  ++in_flight;
  ++h.in_flight;
  ++stats.requests;
  http->submit(std::move(hr), [this, r = std::move(r)](HttpResponse resp) mutable {
    on_response(std::move(r), std::move(resp));
  });
}

// ---- responses -----------------------------------------------------------------------------

std::chrono::milliseconds Crawler::Impl::backoff(int attempt) {
  std::uniform_real_distribution<double> jitter(0.5, 1.5);
  double ms = std::min(static_cast<double>(opt.backoff_base_ms) * static_cast<double>(1L << std::min(attempt, 20)),
                       static_cast<double>(opt.max_backoff_ms));
  return std::chrono::milliseconds(static_cast<long>(ms * jitter(rng)));
}

void Crawler::Impl::retry_later(Request r, std::chrono::milliseconds delay) {
  ++r.attempt;
  ++delayed;
  auto timer = std::make_shared<asio::steady_timer>(io, delay);
  auto it = retry_timers.insert(retry_timers.end(), timer);
  timer->async_wait([this, it, r = std::move(r)](const boost::system::error_code&) mutable {
    retry_timers.erase(it);
    --delayed;
    if (stopping) {
      if (r.kind == RequestKind::page)
        deliver_failure(std::move(r), FetchError{"interrupted", "scan interrupted while waiting to retry"});
    } else {
      bool site = r.kind != RequestKind::page;
      HostState& h = host_for(r.host_key);
      site ? h.site_queue.push_front(std::move(r)) : h.queue.push_front(std::move(r));
    }
    pump();
    check_done();
  });
}

void Crawler::Impl::on_response(Request r, HttpResponse resp) {
  --in_flight;
  HostState& h = host_for(r.host_key);
  --h.in_flight;
  stats.bytes += resp.body.size();
  stats.connections += static_cast<size_t>(std::max(0L, resp.new_connections));
  if (r.kind != RequestKind::page) {
    on_site_file(h, std::move(r), std::move(resp));
  } else {
    page_bytes += resp.body.size();
    on_page_response(h, std::move(r), std::move(resp));
  }
  pump();
  check_done();
}

bool Crawler::Impl::should_retry_status(const Request& r, const HttpResponse& resp, HostState& h) {
  if (stopping || r.attempt >= opt.max_retries) return false;
  if (resp.status == 429 || resp.status == 503) {
    if (resp.retry_after_s > opt.max_retry_after_s) return false;
    auto wait = resp.retry_after_s >= 0 ? std::chrono::milliseconds(resp.retry_after_s * 1000) : backoff(r.attempt);
    h.not_before = std::max(h.not_before, SteadyClock::now() + wait);  // the whole host waits
    return true;
  }
  return resp.status >= 500 && resp.status != 501 && resp.status != 505;
}

void Crawler::Impl::on_page_response(HostState& h, Request r, HttpResponse resp) {
  if (resp.error) {
    if (resp.error->code != "interrupted" && retryable(resp.error->code) && r.attempt < opt.max_retries &&
        !stopping) {
      retry_later(std::move(r), backoff(r.attempt));
      return;
    }
    deliver_response(h, std::move(r), std::move(resp));
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
    if (auto stored = opt.cache->stored_page(r.start_url)) {
      Page p = std::move(*stored);
      p.origin = PageOrigin::not_modified;
      p.fetched_at = std::chrono::system_clock::now();
      p.site = h.signals;
      p.depth = r.depth;
      p.user_directed = r.user_directed;
      p.target = targets[r.target].name;
      ++stats.not_modified;
      account(r, true, false);
      hand_over(std::move(r), std::make_shared<const Page>(std::move(p)));
      return;
    }
  }
  deliver_response(h, std::move(r), std::move(resp));
}

void Crawler::Impl::follow_redirect(Request r, const HttpResponse& resp) {
  if (stopping) {
    deliver_failure(std::move(r), FetchError{"interrupted", "scan interrupted before the redirect was followed"});
    return;
  }
  auto parsed = Url::parse(resp.redirect_url);
  if (!parsed) {
    deliver_failure(std::move(r), FetchError{"bad_response", "invalid redirect Location"});
    return;
  }
  if (!parsed->is_http()) {
    deliver_failure(std::move(r), FetchError{"redirect_refused", "redirect to a " + parsed->scheme() +
                                                                     ": URL refused (only http and https)"});
    return;
  }
  auto next = normalize_http_url(parsed->str());
  if (!next) {
    deliver_failure(std::move(r), FetchError{"bad_response", "invalid redirect Location"});
    return;
  }
  std::string host(next->host());
  if (is_private_host_literal(host) && !private_ok_hosts.count(bare_host(host))) {
    deliver_failure(std::move(r), FetchError{"redirect_refused", "redirect to a loopback/private address (" + host +
                                                                     ") refused: not a listed target"});
    return;
  }
  if (next->text == r.url.text ||
      std::find(r.redirects.begin(), r.redirects.end(), next->text) != r.redirects.end()) {
    deliver_failure(std::move(r), FetchError{"redirect_loop", "redirect loop back to " + next->text});
    return;
  }
  if (static_cast<int>(r.redirects.size()) + 1 > opt.max_redirects) {
    deliver_failure(std::move(r), FetchError{"too_many_redirects",
                                             "more than " + std::to_string(opt.max_redirects) + " redirects"});
    return;
  }
  frontier->mark_seen(next->text);
  r.redirects.push_back(r.url.text);
  r.url = std::move(*next);
  r.attempt = 0;
  enqueue(std::move(r), true);
}

PageContext Crawler::Impl::context_of(Request& r) {
  PageContext c;
  c.url = r.start_url.empty() ? r.url.text : r.start_url;
  c.final_url = r.url.text.empty() ? c.url : r.url.text;
  c.redirects = r.redirects;
  c.depth = r.depth;
  c.user_directed = r.user_directed;
  if (r.target < targets.size()) c.target = targets[r.target].name;
  auto it = hosts.find(r.host_key);
  if (it != hosts.end()) c.site = it->second.signals;
  return c;
}

void Crawler::Impl::account(const Request& r, bool ok, bool skipped) {
  if (!ok && !skipped) ++stats.errors;
  if (r.target < stats.targets.size()) {
    if (ok) ++stats.targets[r.target].pages_ok;
    else if (!skipped) ++stats.targets[r.target].pages_failed;
  }
}

void Crawler::Impl::deliver_response(HostState&, Request r, HttpResponse resp) {
  bool ok = !resp.error && resp.status >= 200 && resp.status < 400;
  if (resp.status > 0) ++stats.pages_fetched;
  account(r, ok, false);
  PageContext c = context_of(r);
  ++processing;
  asio::post(*pool, [this, r = std::move(r), c = std::move(c), resp = std::move(resp)]() mutable {
    auto page = std::make_shared<const Page>(build_page(std::move(c), std::move(resp)));
    process(std::move(r), std::move(page));
  });
}

void Crawler::Impl::deliver_failure(Request r, FetchError error) {
  bool skipped = error.code == "robots_disallowed";
  account(r, false, skipped);
  PageContext c = context_of(r);
  auto page = std::make_shared<const Page>(failed_page(std::move(c), std::move(error)));
  ++processing;
  asio::post(*pool, [this, r = std::move(r), page = std::move(page)]() mutable { process(std::move(r), std::move(page)); });
}

void Crawler::Impl::hand_over(Request r, std::shared_ptr<const Page> page) {
  ++stats.pages_fetched;
  ++processing;
  asio::post(*pool, [this, r = std::move(r), page = std::move(page)]() mutable { process(std::move(r), std::move(page)); });
}

void Crawler::Impl::process(Request r, std::shared_ptr<const Page> page) {
  std::vector<LinkCandidate> links;
  try {
    links = on_page(*page);
  } catch (const std::exception& e) {
    log::error("page handler failed on {}: {}", page->url, e.what());
  }
  std::vector<FoundLink> found;
  found.reserve(links.size());
  if (opt.follow_sitemaps && page->ok()) add_sitemap_links(*page, links);
  for (auto& l : links)
    if (auto u = normalize_owned_http_url(std::move(l.url))) found.push_back({std::move(*u), std::move(l.kind)});
  page.reset();  // the handler is done with it: free the body before queueing the links
  asio::post(io, [this, r = std::move(r), found = std::move(found)]() mutable {
    --processing;
    for (auto& l : found) consider(l, r);
    pump();
    check_done();
  });
}

void Crawler::Impl::consider(FoundLink& link, const Request& parent) {
  if (stopping || parent.target >= targets.size()) return;
  if (stats.limit_reached && link.kind != "rel_me") return;
  auto a = frontier->admit(link.url, link.kind, parent.target, parent.depth, parent.user_directed);
  if (!a) return;
  Request r;
  r.start_url = link.url.text;
  r.url = std::move(link.url);
  r.depth = a->depth;
  r.target = a->target;
  r.user_directed = a->user_directed;
  enqueue(std::move(r), false);
}

void Crawler::Impl::check_done() {
  if (finished || in_flight > 0 || processing > 0 || delayed > 0) return;
  for (const auto& [_, h] : hosts)
    if (!stopping && (!h.site_queue.empty() || !h.queue.empty())) return;
  finished = true;
  ticker.cancel();
  for (auto& [_, h] : hosts) h.timer->cancel();
  io.stop();
}

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
