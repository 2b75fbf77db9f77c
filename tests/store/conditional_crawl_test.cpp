// The real crawler against the sample server with the store as its conditional-GET cache: a rescan
// of an unchanged site costs 304s, still reaches every page (links come from the stored bodies),
// and a changed page is fetched in full.
#include <fstream>
#include <set>

#include "core/url.h"
#include "tests/scanner/crawl_fixture.h"
#include "tests/store/store_fixture.h"

using namespace exposcan;
using namespace exposcan::test;

namespace {

struct Crawl {
  std::map<std::string, Page> pages;  // by final URL
  CrawlStats stats;
};

// One scan of jane.example: every HTML page becomes one item with one finding (so its body is
// kept), recorded through `rec`.
Crawl crawl(CrawlFixture& fx, ScanRecorder& rec) {
  PageLog log;
  std::mutex mutex;
  std::vector<ItemFindings> shown;
  auto follow = log.handler();
  ScanInfo info = scan_info();
  REQUIRE(rec.begin_scan(info));
  CrawlOptions options = fx.options();
  options.cache = rec.cache();
  options.fetch_site_signals = false;
  Crawler crawler(options, [&](const Page& page) {
    std::vector<ItemFindings> items;
    if (page.ok() && page.content_type == "text/html") {
      Item item = make_item(page.final_url, page.final_url, page.body.substr(0, 64));
      item.provenance = std::string(to_string(page.origin));
      items.push_back(evaluated(item, {make_finding("ai-training.third-party", item)}));
    }
    rec.record_page(page, items);
    {
      std::lock_guard lock(mutex);
      shown.insert(shown.end(), items.begin(), items.end());
    }
    return follow(page);
  });
  Crawl c;
  c.stats = crawler.run({{"https://jane.example/", "https://jane.example/", {}, {}}});
  info.status = "complete";
  rec.finish_scan(info, shown);
  for (const auto& p : log.pages) c.pages[p.final_url] = p;
  return c;
}

}  // namespace

TEST_CASE("a rescan of an unchanged site costs 304s and still reaches every page", "[store][cache]") {
  CrawlFixture fx;
  auto store = open_store(fx.dir / "history.db");
  Crawl first = crawl(fx, *recorder(store, since("last")));
  REQUIRE(first.pages.size() >= 5);
  std::set<std::string> html;
  for (const auto& [url, p] : first.pages) {
    CHECK(p.origin == PageOrigin::live);
    if (p.ok() && p.content_type == "text/html") html.insert(url);
  }
  REQUIRE(html.size() >= 4);

  fx.server.clear_requests();
  auto rec = recorder(store, since("last"));
  Crawl second = crawl(fx, *rec);
  CHECK(second.pages.size() == first.pages.size());
  for (const auto& url : html) {
    INFO(url);
    REQUIRE(second.pages.count(url));
    const Page& p = second.pages[url];
    CHECK(p.origin == PageOrigin::not_modified);
    CHECK(p.body == first.pages[url].body);
    CHECK(p.status == 200);
  }
  size_t conditional = 0;
  for (const auto& r : fx.server.requests())
    for (const auto& [name, value] : r.headers)
      if (name == "If-None-Match" || name == "if-none-match") ++conditional;
  CHECK(conditional == html.size());
  CHECK(second.stats.bytes < first.stats.bytes / 4);

  auto record = store->load(2);
  REQUIRE(record);
  for (const auto& f : record->findings) CHECK(f.diff == "unchanged");
}

TEST_CASE("a page changed between scans is fetched in full and its finding changes", "[store][cache]") {
  TempDir overlay;
  samples::SampleServerOptions so;
  so.overlay_dir = overlay.path();
  CrawlFixture fx;  // the fixture's own server is not used here; this one serves the overlay
  samples::SampleServer server(so);
  REQUIRE(server.start());
  auto options_for = [&] {
    CrawlOptions o = fx.options();
    o.http.connect_to.clear();
    for (const auto& h : server.hostnames()) o.http.connect_to.push_back(fmt::format("{}:443:127.0.0.1:{}", h, server.port()));
    return o;
  };
  auto store = open_store(fx.dir / "history.db");
  auto scan = [&](ScanRecorder& rec) {
    PageLog log;
    std::mutex mutex;
    std::vector<ItemFindings> shown;
    auto follow = log.handler();
    ScanInfo info = scan_info();
    REQUIRE(rec.begin_scan(info));
    CrawlOptions o = options_for();
    o.cache = rec.cache();
    o.fetch_site_signals = false;
    Crawler crawler(o, [&](const Page& page) {
      std::vector<ItemFindings> items;
      if (page.ok() && page.content_type == "text/html") {
        Item item = make_item(page.final_url, page.final_url);
        Finding f = make_finding("ai-training.third-party", item);
        if (page.body.find("added in the overlay") != std::string::npos) f.severity = Severity::high;
        items.push_back(evaluated(item, {f}));
      }
      rec.record_page(page, items);
      {
        std::lock_guard lock(mutex);
        shown.insert(shown.end(), items.begin(), items.end());
      }
      return follow(page);
    });
    crawler.run({{"https://jane.example/", "https://jane.example/", {}, {}}});
    info.status = "complete";
    rec.finish_scan(info, shown);
    return log.pages;
  };
  scan(*recorder(store, since("last")));
  // change one post
  auto post = overlay.path() / "sites/jane.example/posts/reading-list/index.html";
  std::filesystem::create_directories(post.parent_path());
  std::ofstream(post) << "<!doctype html><html><body><article class=h-entry><p>A line added in the overlay."
                         "</p></article></body></html>";
  auto rec = recorder(store, since("last"));
  auto pages = scan(*rec);
  bool seen = false;
  for (const auto& p : pages) {
    if (p.final_url != "https://jane.example/posts/reading-list/") continue;
    seen = true;
    CHECK(p.origin == PageOrigin::live);
    CHECK(p.status == 200);
  }
  CHECK(seen);
  auto record = store->load(2);
  REQUIRE(record);
  size_t changed = 0, unchanged = 0;
  for (const auto& f : record->findings) {
    if (f.diff == "changed") {
      ++changed;
      CHECK(f.url == "https://jane.example/posts/reading-list/");
    }
    if (f.diff == "unchanged") ++unchanged;
  }
  CHECK(changed == 1);
  CHECK(unchanged >= 3);
}
