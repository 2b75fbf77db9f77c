// tests/scanner/crawl_fixture.h — a sample server on a free port and crawl options mapped to it.
#pragma once

#include <fmt/format.h>

#include <fstream>
#include <mutex>
#include <regex>

#include "core/url.h"
#include "samples/sample_server.h"
#include "scanner/crawler.h"
#include "scanner/link_scan.h"
#include "tests/support/test_support.h"

namespace exposcan::test {

struct CrawlFixture {
  samples::SampleServer server;
  TempDir dir;
  std::string ca_file;

  CrawlFixture() {
    auto s = server.start();
    if (!s) throw std::runtime_error(s.error().message);
    ca_file = (dir / "ca.pem").string();
    std::ofstream(ca_file) << server.ca_pem();
  }

  CrawlOptions options() const {
    CrawlOptions o;
    o.http.user_agent = "exposcan-test/1";
    o.http.ca_file = ca_file;
    for (const auto& h : server.hostnames())
      o.http.connect_to.push_back(fmt::format("{}:443:127.0.0.1:{}", h, server.port()));
    o.default_policy.rate = 0;  // tests that measure politeness set it
    o.connect_timeout_ms = 2000;
    o.timeout_ms = 5000;
    o.backoff_base_ms = 50;
    return o;
  }
};

// Collects delivered pages; follows <a href> and <link href> values of successful pages (resolved
// by the crawler). Error bodies (a cut-off bomb, a cap) are not searched: std::regex over megabytes
// under the sanitizers took seconds that the fault tests would count as the crawler's.
struct PageLog {
  std::mutex mutex;
  std::vector<Page> pages;

  PageHandler handler() {
    return [this](const Page& p) {
      std::vector<LinkCandidate> links;
      if (!p.ok()) {
        std::lock_guard lock(mutex);
        pages.push_back(p);
        return links;
      }
      static const std::regex href(R"re((?:href)="([^"#]+)")re");
      for (std::sregex_iterator it(p.body.begin(), p.body.end(), href), end; it != end; ++it) {
        std::string ref = (*it)[1];
        auto base = Url::parse(p.final_url);
        if (!base) continue;
        auto u = base->resolve(ref);
        if (u) links.push_back({u->str(), "anchor"});
      }
      std::lock_guard lock(mutex);
      pages.push_back(p);
      return links;
    };
  }

  const Page* find(const std::string& url) {
    for (const auto& p : pages)
      if (p.url == url) return &p;
    return nullptr;
  }
};

// Like PageLog, but links come from scanner/link_scan.h with their kinds (feed, rel_me, next,
// sitemap, anchor), as --fetch-only follows them.
struct KindLog : PageLog {
  PageHandler handler() {
    return [this](const Page& p) {
      std::vector<LinkCandidate> links;
      auto base = normalize_http_url(p.final_url);
      if (p.ok() && base && p.content_type.find("html") != std::string::npos) links = html_links(p.body, *base);
      std::lock_guard lock(mutex);
      pages.push_back(p);
      return links;
    };
  }
};

// A listed target whose URL is also its label.
inline CrawlTarget target(std::string url) { return {url, url, {}, {}}; }

}  // namespace exposcan::test
