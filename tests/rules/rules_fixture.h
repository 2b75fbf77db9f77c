// tests/rules/rules_fixture.h — shared helpers: an engine on the shipped packs and a page + item on
// a site with a real robots.txt body.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>

#include "../support/test_support.h"
#include "core/url.h"
#include "rules/engine.h"
#include "scanner/robots.h"

namespace exposcan::test {

inline RuleEngine builtin_engine(Identity identity = {}, const std::string& now = "2026-11-01") {
  EngineOptions o;
  o.identity = std::move(identity);
  o.fingerprint_key = "test-key";
  o.now = *parse_date(now);
  auto e = RuleEngine::load(builtin_packs(), o);
  if (!e) FAIL(e.error().message);
  return std::move(*e);
}

inline std::string sample_robots(const std::string& host) {
  return read_text(source_dir() / "samples" / "sites" / host / "robots.txt");
}

// A fetched page with its site signals and one public post item on it.
struct Site {
  std::shared_ptr<SiteSignals> site = std::make_shared<SiteSignals>();
  Page page;
  Item item;

  Site(const std::string& url, int robots_status, const std::string& robots_body) {
    auto u = Url::parse(url);
    site->origin = u->origin();
    site->robots_file.status = robots_status;
    site->robots_file.fetched = true;
    site->robots =
        std::make_shared<const RobotsTxt>(RobotsTxt::from_fetch(robots_status, robots_body, robots_status == 0));
    page.url = page.final_url = url;
    page.status = 200;
    page.site = site;
    page.fetched_at = *parse_datetime("2026-10-30T09:00:00Z");
    page.sha256 = std::string(64, 'a');
    item.id = url;
    item.url = url;
    item.kind = ItemKind::post;
    item.visibility = Visibility::public_;
    item.signals = std::make_shared<PageSignals>();
  }
  PageSignals& signals() { return const_cast<PageSignals&>(*item.signals); }
};

inline bool contains(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

}  // namespace exposcan::test
