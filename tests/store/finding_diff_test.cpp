// FindingDiffer on its own: matching by fingerprint, pairing by item and pack, what "worsened" means.
#include "store/finding_diff.h"
#include "tests/store/store_fixture.h"

using namespace exposcan;
using namespace exposcan::test;

namespace {

Item item_a() { return make_item("web:post:a", "https://jane.example/a"); }

}  // namespace

TEST_CASE("same fingerprint and substance is unchanged and anything else about it is changed", "[diff]") {
  const Finding before = make_finding("ai-training.third-party", item_a());
  struct Case {
    const char* what;
    std::function<void(Finding&)> edit;
    bool worse;
  };
  const Case cases[] = {
      {"severity up", [](Finding& f) { f.severity = Severity::critical; }, true},
      {"severity down", [](Finding& f) { f.severity = Severity::low; }, false},
      {"agent added", [](Finding& f) { f.agents.push_back(agent("GPTBot")); }, true},
      {"policy now in scope", [](Finding& f) { f.policy = PolicyRef{"meta-ai", "instagram", "", "", "", "", ""}; }, false},
      {"new kind of personal data",
       [](Finding& f) { f.matches.push_back(Match{"phone", "", "text", 0, 5, "555-0147", 1, "pii.phone"}); },
       true},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    FindingDiffer differ({before});
    std::vector<Finding> now = {before};
    c.edit(now[0]);
    differ.label(now);
    CHECK(now[0].diff == "changed");
    CHECK(differ.worsened(now[0]) == c.worse);
    REQUIRE(differ.previous_of(now[0]));
    CHECK(differ.previous_of(now[0])->severity == before.severity);
  }
  FindingDiffer differ({before});
  std::vector<Finding> same = {before};
  same[0].reasons = {"other words"};  // wording and positions are not substance
  same[0].evidence.fetched_at = std::chrono::system_clock::now() + std::chrono::hours(5);
  differ.label(same);
  CHECK(same[0].diff == "unchanged");
  CHECK_FALSE(differ.worsened(same[0]));
}

TEST_CASE("another verdict rule of the same pack on the same item is a change not a new finding", "[diff]") {
  Finding was = make_finding("ai-training.not-trainable", item_a(), Severity::info, Verdict::not_trainable);
  Finding now = make_finding("ai-training.third-party", item_a(), Severity::medium, Verdict::trainable);
  FindingDiffer differ({was});
  std::vector<Finding> current = {now};
  differ.label(current);
  CHECK(current[0].diff == "changed");
  CHECK(differ.worsened(current[0]));
  CHECK(differ.previous_of(current[0])->rule_id == "ai-training.not-trainable");
  CHECK(differ.leftovers({}).empty());
  SECTION("the way back is a change too but not a worsening") {
    FindingDiffer back({now});
    std::vector<Finding> cur = {was};
    back.label(cur);
    CHECK(cur[0].diff == "changed");
    CHECK_FALSE(back.worsened(cur[0]));
  }
}

TEST_CASE("could_not_check neither worsens nor improves a verdict", "[diff]") {
  Finding ok = make_finding("ai-training.unknown", item_a(), Severity::info, Verdict::unknown);
  Finding blind = make_finding("ai-training.could-not-check", item_a(), Severity::info, Verdict::could_not_check);
  CHECK_FALSE(is_worsened(ok, blind));
  CHECK_FALSE(is_worsened(blind, ok));
  CHECK(is_worsened(blind, make_finding("ai-training.first-party", item_a(), Severity::high, Verdict::trainable)));
}

TEST_CASE("leftovers are resolved when their page answered and unchecked otherwise", "[diff]") {
  auto finding_on = [](const std::string& page) {
    Item i = make_item("web:post:" + page, "https://jane.example/" + page);
    return make_finding("ai-training.third-party", i);
  };
  FindingDiffer differ({finding_on("ok"), finding_on("gone"), finding_on("failed"), finding_on("unseen")});
  PageOutcomes outcomes = {{"https://jane.example/ok", PageOutcome::ok},
                           {"https://jane.example/gone", PageOutcome::gone},
                           {"https://jane.example/failed", PageOutcome::failed}};
  std::map<std::string, std::string> state;
  for (const auto& f : differ.leftovers(outcomes)) state[f.url] = f.diff;
  CHECK(state == std::map<std::string, std::string>{{"https://jane.example/ok", "resolved"},
                                                    {"https://jane.example/gone", "resolved"},
                                                    {"https://jane.example/failed", "unchecked"},
                                                    {"https://jane.example/unseen", "unchecked"}});
}

TEST_CASE("page outcomes follow the HTTP status", "[diff]") {
  CHECK(page_outcome(make_page("https://a.example/")) == PageOutcome::ok);
  CHECK(page_outcome(make_page("https://a.example/", 404)) == PageOutcome::gone);
  CHECK(page_outcome(make_page("https://a.example/", 410)) == PageOutcome::gone);
  CHECK(page_outcome(make_page("https://a.example/", 500)) == PageOutcome::failed);
  CHECK(page_outcome(make_page("https://a.example/", 403)) == PageOutcome::failed);
  CHECK(page_outcome(failed_page("https://a.example/", "timeout")) == PageOutcome::failed);
  Page robots = make_page("https://a.example/", 0);
  robots.error = FetchError{"robots_disallowed", "robots.txt disallows exposcan"};
  CHECK(page_outcome(robots) == PageOutcome::failed);
  Page cached = make_page("https://a.example/");
  cached.origin = PageOrigin::not_modified;
  CHECK(page_outcome(cached) == PageOutcome::ok);
}

TEST_CASE("one item seen on several pages is matched page by page", "[diff]") {
  // The person's h-card is on every page; a post is on its own page and in the list.
  auto on = [](const std::string& item, const std::string& page, Severity s = Severity::medium) {
    Finding f = make_finding("ai-training.third-party", make_item(item, item), s);
    f.evidence.url = page;
    return f;
  };
  const std::string post = "https://jane.example/posts/a/", list = "https://jane.example/posts/";
  std::vector<Finding> before = {on(post, post, Severity::high), on(post, list, Severity::medium),
                                 on("https://jane.example/", post), on("https://jane.example/", list)};
  SECTION("the same pages in another order: all unchanged, nothing left over") {
    FindingDiffer d(before);
    std::vector<Finding> now = {before[3], before[1], before[2], before[0]};
    d.label(now);
    for (const auto& f : now) CHECK(f.diff == "unchanged");
    CHECK(d.leftovers({{post, PageOutcome::ok}, {list, PageOutcome::ok}}).empty());
  }
  SECTION("the post page is gone but the list still shows the post: nothing is resolved") {
    FindingDiffer d(before);
    std::vector<Finding> now = {before[1], before[3]};
    d.label(now);
    CHECK(now[0].diff == "unchanged");  // compared with the list's own copy, not the richer post page
    CHECK(d.leftovers({{post, PageOutcome::gone}, {list, PageOutcome::ok}}).empty());
  }
  SECTION("a finding on a page that did not have it before compares with another page's copy") {
    FindingDiffer d({before[1]});
    std::vector<Finding> now = {on(post, "https://jane.example/feed.xml")};
    d.label(now);
    CHECK(now[0].diff == "unchanged");
  }
  SECTION("gone from every page: one resolved finding per page it was on") {
    FindingDiffer d(before);
    std::vector<Finding> now = {before[2], before[3]};
    d.label(now);
    auto left = d.leftovers({{post, PageOutcome::ok}, {list, PageOutcome::ok}});
    REQUIRE(left.size() == 2);
    for (const auto& f : left) {
      CHECK(f.item_id == post);
      CHECK(f.diff == "resolved");
    }
  }
}
