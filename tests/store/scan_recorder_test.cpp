// The recorder on a real state file: diff labels, resolved/unchecked carry-over, baselines,
// suppressions, the conditional-GET cache and what an unchanged rescan costs on disk.
#include <thread>

#include "reports/json_model.h"
#include "store/sqlite_db.h"
#include "tests/store/store_fixture.h"

using namespace exposcan;
using namespace exposcan::test;

namespace {


const std::string k_site = "https://jane.example/";

std::string url(const std::string& path) { return k_site + path; }

// The first scan of the changing site: a..h, one verdict finding each.
std::vector<std::pair<Page, std::vector<ItemFindings>>> first_scan() {
  std::vector<std::pair<Page, std::vector<ItemFindings>>> pages;
  for (std::string name : {"a", "b", "c", "d", "f", "g", "h"}) {
    Item item = make_item(url(name), url(name), "text of " + name);
    item.title = "Post " + name;
    std::string rule = name == "f" ? "ai-training.not-trainable" : "ai-training.third-party";
    Verdict verdict = name == "f" ? Verdict::not_trainable : Verdict::trainable;
    Finding f = make_finding(rule, item, Severity::medium, verdict);
    f.agents = {agent("CCBot")};
    pages.push_back({make_page(url(name), 200, "<p>" + name + "</p>"), {evaluated(item, {f})}});
  }
  return pages;
}

}  // namespace

TEST_CASE("findings are labelled new unchanged changed and earlier ones resolved or unchecked", "[store][diff]") {
  TempDir dir;
  auto store = open_store(dir / "history.db");
  {
    auto rec = recorder(store, since("last"));
    auto s1 = run_scan(*rec, first_scan());
    CHECK(rec->compared_with() == "no earlier scan");
    for (const auto& i : s1.recorded) CHECK(i.findings.at(0).diff == "new");
    CHECK(s1.carried.empty());
  }
  auto rec = recorder(store, since("last"));
  std::vector<std::pair<Page, std::vector<ItemFindings>>> pages;
  auto again = first_scan();
  // a: the same
  pages.push_back(again[0]);
  // b: severity rose (an email was added)
  {
    auto b = again[1];
    b.second[0].findings[0].severity = Severity::high;
    b.second[0].findings[0].matches = {Match{"email", "", "text", 0, 16, "jane@example.org", 1.0, "pii.email"}};
    pages.push_back(b);
  }
  // c: the page is gone (404)
  pages.push_back({make_page(url("c"), 404, "not found"), {}});
  // d: the page could not be fetched
  pages.push_back({failed_page(url("d")), {}});
  // e: a new post
  {
    Item e = make_item(url("e"), url("e"));
    pages.push_back({make_page(url("e"), 200, "<p>e</p>"), {evaluated(e, {make_finding("ai-training.third-party", e)})}});
  }
  // f: robots.txt now admits a training crawler: the verdict rule changed on the same item
  {
    Item f = make_item(url("f"), url("f"), "text of f");
    Finding x = make_finding("ai-training.third-party", f);
    x.agents = {agent("CCBot"), agent("GPTBot")};
    pages.push_back({make_page(url("f"), 200, "<p>f</p>"), {evaluated(f, {x})}});
  }
  // g: the page was fetched but no longer carries the item
  pages.push_back({make_page(url("g"), 200, "<p>g is empty now</p>"), {}});
  // h: not reached this time
  auto s2 = run_scan(*rec, pages);
  CHECK(rec->compared_with() == "scan 1");

  CHECK(find_rule(s2.recorded, url("a"), "ai-training.third-party")->diff == "unchanged");
  const Finding* b = find_rule(s2.recorded, url("b"), "ai-training.third-party");
  CHECK(b->diff == "changed");
  CHECK(rec->worsened(*b));
  CHECK(find_rule(s2.recorded, url("e"), "ai-training.third-party")->diff == "new");
  const Finding* f = find_rule(s2.recorded, url("f"), "ai-training.third-party");
  CHECK(f->diff == "changed");
  CHECK(rec->worsened(*f));
  CHECK_FALSE(rec->worsened(*find_rule(s2.recorded, url("a"), "ai-training.third-party")));

  CHECK(find_rule(s2.carried, url("c"), "ai-training.third-party")->diff == "resolved");
  CHECK(find_rule(s2.carried, url("d"), "ai-training.third-party")->diff == "unchecked");
  CHECK(find_rule(s2.carried, url("g"), "ai-training.third-party")->diff == "resolved");
  CHECK(find_rule(s2.carried, url("h"), "ai-training.third-party")->diff == "unchecked");
  CHECK_FALSE(find_rule(s2.carried, url("f"), "ai-training.not-trainable"));  // paired as "changed"
  REQUIRE(s2.carried.size() == 4);
  for (const auto& c : s2.carried) CHECK(c.item.title == "Post " + c.item.id.substr(c.item.id.size() - 1));

  SECTION("the stored record keeps the labels and the carried findings") {
    auto record = store->load(2);
    REQUIRE(record);
    std::map<std::string, std::string> diff_of;
    for (const auto& x : record->findings) diff_of[x.item_id] = x.diff;
    CHECK(diff_of == std::map<std::string, std::string>{{url("a"), "unchanged"},
                                                        {url("b"), "changed"},
                                                        {url("c"), "resolved"},
                                                        {url("d"), "unchecked"},
                                                        {url("e"), "new"},
                                                        {url("f"), "changed"},
                                                        {url("g"), "resolved"},
                                                        {url("h"), "unchecked"}});
    auto scans = store->scans();
    REQUIRE(scans);
    CHECK(scans->at(1).compared_with == "scan 1");
    CHECK(scans->at(1).findings == 4);  // a b e f: resolved and unchecked are not current findings
    CHECK(scans->at(1).diff.at("resolved") == 2);
  }
  SECTION("a third scan compares with the second: resolved ones stay gone and unchecked ones are still tracked") {
    auto rec3 = recorder(store, since("last"));
    auto s3 = run_scan(*rec3, {again[0], again[3]});  // a and d (d answers again)
    CHECK(rec3->compared_with() == "scan 2");
    CHECK(find_rule(s3.recorded, url("a"), "ai-training.third-party")->diff == "unchanged");
    CHECK(find_rule(s3.recorded, url("d"), "ai-training.third-party")->diff == "unchanged");
    CHECK_FALSE(find_rule(s3.carried, url("c"), "ai-training.third-party"));
    CHECK(find_rule(s3.carried, url("h"), "ai-training.third-party")->diff == "unchecked");
  }
}

TEST_CASE("without --since or --baseline findings carry no diff label", "[store][diff]") {
  TempDir dir;
  auto store = open_store(dir / "history.db");
  run_scan(*recorder(store), first_scan());
  auto rec = recorder(store);
  auto s = run_scan(*rec, {first_scan()[0]});
  CHECK(rec->compared_with().empty());
  CHECK(s.recorded.at(0).findings.at(0).diff.empty());
  CHECK(s.carried.empty());
}

TEST_CASE("a scan compares only with complete scans of the same targets", "[store][diff]") {
  TempDir dir;
  auto store = open_store(dir / "history.db");
  run_scan(*recorder(store), first_scan());                                            // 1 complete
  run_scan(*recorder(store), {first_scan()[0]}, "incomplete");                          // 2
  run_scan(*recorder(store), first_scan(), "complete", {"https://other.example/"});     // 3 other targets
  auto rec = recorder(store, since("last"));
  run_scan(*rec, {first_scan()[0]});
  CHECK(rec->compared_with() == "scan 1");
  SECTION("--since with an explicit id") {
    auto r = recorder(store, since("2"));
    run_scan(*r, {first_scan()[1]});
    CHECK(r->compared_with() == "scan 2");
  }
  SECTION("--since with an unknown id is a usage error") {
    auto r = recorder(store, since("42"));
    ScanInfo info = scan_info();
    auto s = r->begin_scan(info);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "usage");
    CHECK(s.error().message == "--since: no scan '42' in " + (dir / "history.db").string());
  }
}

TEST_CASE("a baseline report labels findings like an earlier scan", "[store][baseline]") {
  TempDir dir;
  auto store = open_store(dir / "history.db");
  ScanRecord baseline;
  baseline.scan.id = "ci-123";
  for (auto& [page, items] : first_scan())
    for (auto& i : items) {
      baseline.items.push_back(i.item);
      for (auto& f : i.findings) baseline.findings.push_back(f);
    }
  // through the JSON report (values redacted, as a CI artifact would be)
  auto parsed = record_from_json(nlohmann::json::parse(record_to_json(baseline, false).dump()));
  REQUIRE(parsed);
  RecorderOptions options;
  options.baseline = *parsed;
  options.baseline_name = "report.json";
  auto rec = recorder(store, options);
  auto s = run_scan(*rec, {first_scan()[0], {make_page(url("c"), 410, "gone"), {}}});
  CHECK(rec->compared_with() == "baseline report.json");
  CHECK(find_rule(s.recorded, url("a"), "ai-training.third-party")->diff == "unchanged");
  CHECK(find_rule(s.carried, url("c"), "ai-training.third-party")->diff == "resolved");
  const auto* c = &s.carried[0];
  for (const auto& x : s.carried)
    if (x.item.id == url("c")) c = &x;
  CHECK(c->item.title == "Post c");  // the item comes from the report
  CHECK(find_rule(s.carried, url("b"), "ai-training.third-party")->diff == "unchecked");
  SECTION("--baseline and --since together are refused") {
    RecorderOptions both = since("last");
    both.baseline = *parsed;
    auto r = make_store_recorder(store, both);
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "--baseline and --since both say what to compare with: give one");
  }
}

TEST_CASE("suppressed findings are stored and diffed but not reported", "[store][suppressions]") {
  TempDir dir;
  auto store = open_store(dir / "history.db");
  auto pages = first_scan();
  const std::string fp_b = pages[1].second[0].findings[0].fingerprint;
  auto supp = Suppressions::parse("suppressions:\n"
                                  "  - fingerprint: " + fp_b + "\n"
                                  "    reason: published on purpose\n"
                                  "  - rule: ai-training.*\n"
                                  "    url: https://jane.example/c*\n"
                                  "    reason: old post\n"
                                  "  - rule: '*'\n"
                                  "    reason: expired long ago\n"
                                  "    expires: 2020-01-01\n",
                                  ".exposcan-ignore.yaml");
  REQUIRE(supp);
  RecorderOptions options = since("last");
  options.suppressions = *supp;
  auto rec = recorder(store, options);
  auto s = run_scan(*rec, pages);
  std::map<std::string, std::string> reason;
  size_t reported = 0;
  for (const auto& i : s.recorded) {
    REQUIRE(i.suppressed.size() == i.findings.size());
    reason[i.item.id] = i.suppressed[0];
    reported += i.reported().size();
  }
  CHECK(reason[url("b")] == "published on purpose");
  CHECK(reason[url("c")] == "old post");
  CHECK(reason[url("a")].empty());  // the catch-all entry expired
  CHECK(reported == pages.size() - 2);
  CHECK(store->load(1)->findings.size() == pages.size() - 2);
  CHECK(store->load(1, true)->findings.size() == pages.size());
  CHECK(store->scans()->at(0).suppressed == 2);
  SECTION("a suppressed finding is still there to compare with: it does not come back as new") {
    auto rec2 = recorder(store, since("last"));
    auto s2 = run_scan(*rec2, {pages[1]});
    CHECK(s2.recorded.at(0).findings.at(0).diff == "unchanged");
  }
}

TEST_CASE("an unchanged rescan adds scan rows but no blobs", "[store][size]") {
  TempDir dir;
  auto path = dir / "history.db";
  auto store = open_store(path);
  auto pages = first_scan();
  run_scan(*recorder(store, since("last")), pages);
  const int64_t blobs = row_count(path, "SELECT count(*) FROM blobs");
  const int64_t blob_bytes = row_count(path, "SELECT sum(length(data)) FROM blobs");
  for (auto& [page, items] : pages) {  // the rescan: 304s, the same items re-evaluated
    page.origin = PageOrigin::not_modified;
    page.fetched_at += std::chrono::hours(24);
    for (auto& i : items) {
      i.item.provenance = "not_modified";
      for (auto& f : i.findings) f.evidence.fetched_at = page.fetched_at;
    }
  }
  auto s = run_scan(*recorder(store, since("last")), pages);
  for (const auto& i : s.recorded) CHECK(i.findings.at(0).diff == "unchanged");
  CHECK(row_count(path, "SELECT count(*) FROM blobs") == blobs);
  CHECK(row_count(path, "SELECT sum(length(data)) FROM blobs") == blob_bytes);
  CHECK(row_count(path, "SELECT count(*) FROM pages") == 2 * static_cast<int64_t>(pages.size()));
  auto record = store->load(2);
  REQUIRE(record);
  CHECK(record->items.at(0).provenance == "not_modified");
  using std::chrono::milliseconds;
  REQUIRE(record->findings.at(0).evidence.fetched_at);
  CHECK(std::chrono::floor<milliseconds>(*record->findings.at(0).evidence.fetched_at) ==
        std::chrono::floor<milliseconds>(pages[0].first.fetched_at));
}

TEST_CASE("the cache offers the newest stored copy of pages that support a finding", "[store][cache]") {
  TempDir dir;
  auto store = open_store(dir / "history.db");
  Item a = make_item(url("a"), url("a"));
  Page with = make_page(url("a"), 200, "<p>kept body</p>", "\"etag-a\"");
  with.redirects = {url("old-a")};
  Page without = make_page(url("b"), 200, "<p>no finding here</p>", "\"etag-b\"");
  Page missing = make_page(url("c"), 404, "not here", "\"etag-c\"");
  Page no_validators = make_page(url("d"), 200, "<p>d</p>", "");
  no_validators.headers.erase(no_validators.headers.begin());  // no Last-Modified either
  Item d = make_item(url("d"), url("d"));
  run_scan(*recorder(store), {{with, {evaluated(a, {make_finding("ai-training.third-party", a)})}},
                              {without, {evaluated(make_item(url("b"), url("b")), {})}},
                              {missing, {}},
                              {no_validators, {evaluated(d, {make_finding("ai-training.third-party", d)})}}});
  auto cache = store->make_cache();
  REQUIRE(cache);
  auto v = (*cache)->validators(url("a"));
  REQUIRE(v);
  CHECK(v->etag == "\"etag-a\"");
  CHECK(v->last_modified == "Fri, 30 Oct 2026 09:00:00 GMT");
  CHECK_FALSE((*cache)->validators(url("b")));  // body not kept: nothing to rebuild the page from
  CHECK_FALSE((*cache)->validators(url("c")));
  CHECK_FALSE((*cache)->validators(url("d")));
  auto page = (*cache)->stored_page(url("a"));
  REQUIRE(page);
  CHECK(page->body == "<p>kept body</p>");
  CHECK(page->status == 200);
  CHECK(page->content_type == "text/html");
  CHECK(page->charset == "utf-8");
  CHECK(page->sha256 == with.sha256);
  CHECK(page->redirects == std::vector<std::string>{url("old-a")});
  CHECK(page->header("content-type") == "text/html; charset=utf-8");
  SECTION("a newer failed fetch of the URL withdraws the validators") {
    run_scan(*recorder(store), {{failed_page(url("a")), {}}});
    CHECK_FALSE((*store->make_cache())->validators(url("a")));
  }
}

TEST_CASE("two stores writing one file from parallel threads both finish intact", "[store][concurrency]") {
  TempDir dir;
  auto path = dir / "history.db";
  auto writer = [&](std::string name) {
    auto store = open_store(path);
    auto rec = recorder(store, since("last"));
    ScanInfo info = scan_info({"https://" + name + ".example/"});
    REQUIRE(rec->begin_scan(info));
    std::vector<ItemFindings> shown;
    for (int i = 0; i < 150; ++i) {
      std::string u = "https://" + name + ".example/p" + std::to_string(i);
      Item item = make_item(u, u);
      std::vector<ItemFindings> items = {evaluated(item, {make_finding("ai-training.third-party", item)})};
      rec->record_page(make_page(u, 200, "<p>" + u + "</p>"), items);
      shown.push_back(items[0]);
    }
    info.status = "complete";
    rec->finish_scan(info, shown);
  };
  std::thread t1(writer, "one"), t2(writer, "two");
  t1.join();
  t2.join();
  auto store = open_store(path);
  CHECK(*store->integrity_check() == "ok");
  auto scans = store->scans();
  REQUIRE(scans);
  REQUIRE(scans->size() == 2);
  for (const auto& s : *scans) {
    CHECK(s.status == "complete");
    CHECK(s.pages == 150);
    CHECK(s.findings == 150);
  }
}

TEST_CASE("the stored record holds the copy of each item the report showed", "[store][report]") {
  TempDir dir;
  auto store = open_store(dir / "history.db");
  Item on_list = make_item(url("a"), url("a"), "short summary");
  on_list.source_url = url("list");
  Item on_own_page = make_item(url("a"), url("a"), "the whole post text");
  on_own_page.source_url = url("a");
  Finding from_list = make_finding("ai-training.third-party", on_list, Severity::medium);
  from_list.evidence.url = url("list");
  Finding from_post = make_finding("ai-training.third-party", on_own_page, Severity::high);
  std::vector<ItemFindings> list_items = {evaluated(on_list, {from_list})};
  std::vector<ItemFindings> post_items = {evaluated(on_own_page, {from_post})};

  auto rec = recorder(store, since("last"));
  ScanInfo info = scan_info();
  REQUIRE(rec->begin_scan(info));
  rec->record_page(make_page(url("list")), list_items);
  rec->record_page(make_page(url("a")), post_items);
  SECTION("a finished scan: the shown copy") {
    std::vector<ItemFindings> shown = {post_items[0]};
    info.status = "complete";
    rec->finish_scan(info, shown);
    auto record = store->load(std::stoll(info.id));
    REQUIRE(record);
    REQUIRE(record->items.size() == 1);
    CHECK(record->items[0].text == "the whole post text");
    REQUIRE(record->findings.size() == 1);
    CHECK(record->findings[0].severity == Severity::high);
    CHECK(record->findings[0].diff == "new");
    CHECK(store->scans()->at(0).findings == 1);
  }
  SECTION("a scan killed before its end: every item once, as first recorded") {
    auto record = store->load(std::stoll(info.id));
    REQUIRE(record);
    REQUIRE(record->items.size() == 1);
    CHECK(record->items[0].text == "short summary");
    REQUIRE(record->findings.size() == 1);
    CHECK(record->findings[0].diff.empty());
    CHECK(store->scans()->at(0).findings == 1);
  }
}

TEST_CASE("the streaming end of a scan shows the history's choice of each item's copy merged with held copies", "[store][report]") {
  TempDir dir;
  auto store = open_store(dir / "history.db");
  auto item = [](const std::string& name, const std::string& source, const std::string& text) {
    Item i = make_item(url(name), url(name), text);
    i.source_url = url(source);
    return i;
  };
  auto rec = recorder(store, since("last"));
  ScanInfo info = scan_info();
  REQUIRE(rec->begin_scan(info));
  // a: on the list and on its own page (the own page wins, though recorded first and shorter)
  Item a_own = item("a", "a", "own");
  Item a_list = item("a", "list", "a much longer summary on the list page");
  // b: recorded on the list only, and held in memory from its own page (whose write "failed")
  Item b_list = item("b", "list", "b summary");
  Item b_held = item("b", "b", "b in full");
  // c: held only; d: recorded only
  Item c_held = item("c", "c", "c in full");
  Item d_list = item("d", "list", "d summary");
  REQUIRE(rec->record_page(make_page(url("a")), {evaluated(a_own, {make_finding("ai-training.third-party", a_own)})}));
  REQUIRE(rec->record_page(make_page(url("list")), {evaluated(a_list, {make_finding("ai-training.third-party", a_list)}),
                                                    evaluated(b_list, {make_finding("ai-training.third-party", b_list)}),
                                                    evaluated(d_list, {make_finding("ai-training.third-party", d_list)})}));
  std::map<std::string, ItemFindings> held;
  held.emplace(b_held.id, evaluated(b_held, {make_finding("ai-training.third-party", b_held)}));
  held.emplace(c_held.id, evaluated(c_held, {make_finding("ai-training.third-party", c_held)}));

  std::vector<std::pair<std::string, std::string>> seen;  // item id, text, in sink order
  info.status = "complete";
  rec->finish_scan(info, std::move(held), [&](ItemFindings& x, bool carried) {
    CHECK_FALSE(carried);
    REQUIRE(x.findings.size() == 1);
    CHECK(x.findings[0].diff == "new");
    seen.emplace_back(x.item.id, x.item.text);
  });
  const std::vector<std::pair<std::string, std::string>> want = {
      {url("a"), "own"}, {url("b"), "b in full"}, {url("c"), "c in full"}, {url("d"), "d summary"}};
  CHECK(seen == want);

  auto record = store->load(std::stoll(info.id));
  REQUIRE(record);
  std::map<std::string, std::string> stored;
  for (const auto& i : record->items) stored[i.id] = i.text;
  CHECK(stored == std::map<std::string, std::string>(want.begin(), want.end()));
  CHECK(record->findings.size() == 4);
}
