// First-party policies from the shipped platform-policies pack: which one covers an item, for whom,
// where and since when.
#include "rules/exposure.h"
#include "rules_fixture.h"

using namespace exposcan;

namespace {

Item item_on(const std::string& url, const std::string& platform, ItemKind kind = ItemKind::post) {
  Item i;
  i.id = url;
  i.url = url;
  i.platform = platform;
  i.kind = kind;
  i.visibility = Visibility::public_;
  return i;
}

Page page_for(const std::string& url) {
  Page p;
  p.url = p.final_url = url;
  p.status = 200;
  return p;
}

// A PolicyMatch is a value: it stays valid after the engine is gone.
PolicyMatch policy(const Item& item, Identity id, const std::string& date) {
  RuleEngine e = test::builtin_engine(std::move(id), date);
  return e.exposure(item, page_for(item.url)).policy;
}

Identity person(const std::string& country, const std::string& jurisdiction = "", bool adult = true) {
  Identity id;
  id.country = country;
  id.jurisdiction = jurisdiction;
  id.adult = adult;
  return id;
}

}  // namespace

TEST_CASE("Meta: public adult posts by jurisdiction and start date", "[policies]") {
  Item post = item_on("https://www.instagram.com/p/abc/", "instagram");
  PolicyMatch eu = policy(post, person("DE"), "2026-01-01");  // DE is in the EU region group
  CHECK(eu.status == "in_scope");
  CHECK(eu.jurisdiction == "EU");
  REQUIRE(eu.ref());
  CHECK(eu.ref()->since == "2025-05-27");
  CHECK(policy(post, person("DE"), "2025-05-26").status == "out_of_scope");
  CHECK(policy(post, person("DE"), "2025-05-27").status == "in_scope");
  CHECK(policy(post, person("NO"), "2026-01-01").jurisdiction == "EU");  // EEA
  PolicyMatch uk = policy(post, person("GB"), "2026-01-01");
  CHECK(uk.status == "in_scope");
  CHECK(uk.ref()->since == "2024-09");
  CHECK(policy(post, person("GB"), "2024-08-31").status == "out_of_scope");
  PolicyMatch br = policy(post, person("BR"), "2024-09-01");
  CHECK(br.status == "in_scope");
  CHECK(br.ref()->user_control == "the objection right in Meta's Privacy Center (LGPD)");
  PolicyMatch us = policy(post, person("US"), "2026-01-01");
  CHECK(us.status == "in_scope");
  CHECK(us.ref()->user_control == "none");
  CHECK(us.ref()->since.empty());
  CHECK(policy(post, person("JP"), "2026-01-01").status == "unknown");
  CHECK(policy(post, Identity{}, "2026-01-01").status == "unknown");
}

TEST_CASE("Meta: hosts, item kinds, minors and visibility", "[policies]") {
  CHECK(policy(item_on("https://www.facebook.com/jane/posts/1", "web"), person("DE"), "2026-01-01").status == "in_scope");
  CHECK(policy(item_on("https://www.threads.net/@jane/post/1", "threads"), person("DE"), "2026-01-01").status ==
        "in_scope");
  PolicyMatch profile =
      policy(item_on("https://www.instagram.com/janeexample/", "instagram", ItemKind::profile), person("DE"), "2026-01-01");
  CHECK(profile.status == "out_of_scope");
  CHECK(profile.note == "Meta (Facebook, Instagram, Threads)'s policy covers post, photo, video, comment; this item is a profile");
  CHECK(policy(item_on("https://www.instagram.com/p/abc/", "instagram"), person("DE", "", false), "2026-01-01").status ==
        "out_of_scope");
  Identity unknown_age = person("DE");
  unknown_age.adult.reset();
  CHECK(policy(item_on("https://www.instagram.com/p/abc/", "instagram"), unknown_age, "2026-01-01").status == "unknown");
  Item hidden = item_on("https://www.instagram.com/p/abc/", "instagram");
  hidden.visibility = Visibility::followers;
  CHECK(policy(hidden, person("DE"), "2026-01-01").status == "out_of_scope");
}

TEST_CASE("other platforms: X excludes the EU, LinkedIn by region, non-training platforms", "[policies]") {
  Item tweet = item_on("https://x.com/jane/status/1", "x");
  PolicyMatch x_eu = policy(tweet, person("FR"), "2026-01-01");
  CHECK(x_eu.status == "out_of_scope");
  CHECK(x_eu.note == "X excludes EU users' data from Grok training since Sept 2024 (Irish DPC).");
  CHECK(policy(tweet, person("US"), "2026-01-01").status == "in_scope");
  Item li = item_on("https://www.linkedin.com/in/jane/", "linkedin", ItemKind::profile);
  CHECK(policy(li, person("DE"), "2025-10-01").status == "out_of_scope");
  CHECK(policy(li, person("DE"), "2025-11-03").status == "in_scope");
  CHECK(policy(li, person("US"), "2024-09-18").status == "in_scope");
  CHECK(policy(li, person("CA"), "2025-01-01").status == "out_of_scope");
  PolicyMatch bsky = policy(item_on("https://bsky.app/profile/jane/post/1", "bluesky"), person("DE"), "2026-01-01");
  CHECK(bsky.status == "none");
  REQUIRE(bsky.policy);
  CHECK(bsky.policy->id == "bluesky-no-training");
  CHECK_FALSE(policy(item_on("https://jane.example/", "web"), person("DE"), "2026-01-01").policy);
}

TEST_CASE("every shipped policy has sources and a check date", "[policies]") {
  RuleEngine e = test::builtin_engine();
  // The pack loads (sources and checked are required fields); spot-check the table of KNOWLEDGE.md §B.
  for (const char* host : {"https://www.reddit.com/r/x/comments/1/", "https://stackoverflow.com/questions/1",
                           "https://jane.tumblr.com/post/1", "https://medium.com/@jane/x", "https://www.deviantart.com/jane",
                           "https://github.com/jane", "https://www.youtube.com/watch?v=1", "https://jane.substack.com/p/x",
                           "https://www.pinterest.com/pin/1/", "https://www.linkedin.com/posts/1"}) {
    INFO(host);
    Item i = item_on(host, "web");
    auto m = e.exposure(i, page_for(host)).policy;
    REQUIRE(m.policy);
    CHECK_FALSE(m.policy->sources.empty());
    CHECK_FALSE(m.policy->checked.empty());
  }
}
