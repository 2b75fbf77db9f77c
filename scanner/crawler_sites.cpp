// scanner/crawler_sites.cpp — the crawler's per-origin site signals: robots.txt (RFC 9309, its own
// redirects and retries), tdmrep.json and ai.txt, published once per origin; sitemap links; RobotsMode
// names. Crawl thread, except add_sitemap_links() (worker pool). A failed fetch is kept in its SiteFile.
#include <algorithm>
#include <chrono>

#include "scanner/crawler_impl.h"
#include "scanner/link_scan.h"
#include "scanner/robots.h"

namespace exposcan {
namespace {

constexpr int k_robots_max_redirects = 5;  // RFC 9309 §2.3.1.2

}  // namespace

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

void Crawler::Impl::start_site_signals(HostState& h) {
  h.state = HostState::Signals::robots;
  h.building = std::make_shared<SiteSignals>();
  h.building->origin = h.origin;
  Request r;
  r.kind = RequestKind::robots;
  r.url = *normalize_http_url(h.origin + "/robots.txt");
  r.start_url = r.url.text;
  r.host_key = h.origin;
  r.user_directed = true;
  h.site_queue.push_back(std::move(r));
}

bool Crawler::Impl::robots_applies(const Request& r) const {
  if (r.kind != RequestKind::page || opt.robots_mode == RobotsMode::ignore) return false;
  return !r.user_directed || opt.robots_mode == RobotsMode::obey_all;
}

SiteFile Crawler::Impl::site_file_from(const Request& r, const HttpResponse& resp) {
  SiteFile f;
  f.url = r.start_url;
  f.status = resp.status;
  f.fetched = !resp.error || resp.status > 0;
  f.fetched_at = std::chrono::system_clock::now();
  if (resp.error) f.error = resp.error;
  if (resp.status >= 200 && resp.status < 300) f.body = resp.body;
  return f;
}

void Crawler::Impl::on_site_file(HostState& h, Request r, HttpResponse resp) {
  if (!stopping && resp.status >= 300 && resp.status < 400 && !resp.redirect_url.empty() &&
      static_cast<int>(r.redirects.size()) < k_robots_max_redirects) {
    auto next = normalize_http_url(resp.redirect_url);
    if (next) {
      r.redirects.push_back(r.url.text);
      r.url = std::move(*next);
      h.site_queue.push_front(std::move(r));
      return;
    }
  }
  if (r.kind == RequestKind::robots) {
    bool transient = (resp.error && retryable(resp.error->code)) || resp.status == 429 || resp.status >= 500;
    bool too_long = (resp.status == 429 || resp.status == 503) && resp.retry_after_s > opt.max_retry_after_s;
    if (transient && !stopping && r.attempt < opt.max_retries && !too_long) {
      if (resp.retry_after_s >= 0)
        h.not_before = std::max(h.not_before, SteadyClock::now() + std::chrono::seconds(resp.retry_after_s));
      retry_later(std::move(r), resp.retry_after_s >= 0 ? std::chrono::milliseconds(0) : backoff(r.attempt));
      return;
    }
    h.building->robots_file = site_file_from(r, resp);
    bool too_large = resp.error && resp.error->code == "too_large";
    bool network_error = resp.error.has_value() && resp.status == 0 && !too_large;
    int status = too_large ? 200 : resp.status;
    if (status >= 300 && status < 400) status = 404;  // redirects exhausted: unavailable (§2.3.1.2)
    h.building->robots = std::make_shared<const RobotsTxt>(RobotsTxt::from_fetch(status, resp.body, network_error));
    start_site_files(h);
    return;
  }
  SiteFile f = site_file_from(r, resp);
  if (r.kind == RequestKind::tdmrep) h.building->tdmrep_file = std::move(f);
  else h.building->ai_txt_file = std::move(f);
  if (--h.files_pending == 0) publish_signals(h);
}

void Crawler::Impl::start_site_files(HostState& h) {
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
    r.url = *normalize_http_url(h.origin + path);
    r.start_url = r.url.text;
    r.host_key = h.origin;
    h.site_queue.push_back(std::move(r));
    ++h.files_pending;
  }
  if (h.files_pending == 0) publish_signals(h);
}

void Crawler::Impl::publish_signals(HostState& h) {
  h.signals = h.building;
  h.state = HostState::Signals::ready;
  if (!opt.follow_sitemaps || stopping || !h.signals->robots) return;
  // Sitemap: lines of a target's own origin list that target's pages.
  for (const auto& sitemap : h.signals->robots->sitemaps()) {
    auto u = normalize_http_url(sitemap);
    if (!u) continue;
    for (size_t t = 0; t < targets.size(); ++t) {
      if (frontier->target_origin(t) != h.origin) continue;
      Request parent;
      parent.target = t;
      FoundLink l{*u, "sitemap"};
      consider(l, parent);
    }
  }
}

void Crawler::Impl::add_sitemap_links(const Page& page, std::vector<LinkCandidate>& links) {
  const std::string& ct = page.content_type;
  bool xmlish = ct.find("xml") != std::string::npos || ct == "application/gzip" || ct == "application/x-gzip" ||
                ct == "application/octet-stream" || ct == "text/plain";
  if (!xmlish) return;
  auto base = normalize_http_url(page.final_url);
  if (!base) return;
  std::optional<std::string> inflated = gunzip_capped(page.body, opt.max_body_bytes);
  std::string_view body = inflated ? std::string_view(*inflated) : std::string_view(page.body);
  if (!is_sitemap(body)) return;
  for (auto& l : sitemap_links(body, *base)) links.push_back(std::move(l));
}

}  // namespace exposcan
