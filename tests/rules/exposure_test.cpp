// The AI-signal evaluation per agent, on real robots.txt bodies (the samples' hosts and the
// ai.robots.txt list) and on each use signal: aipref, noai/noimageai, noarchive, TDMRep, ai.txt,
// Content-Signal.
#include "rules/exposure.h"
#include "rules_fixture.h"

using namespace exposcan;

using test::Site;
using test::sample_robots;

namespace {

RuleEngine engine() { return test::builtin_engine(); }
bool has(const std::vector<std::string>& list, const std::string& v) { return test::contains(list, v); }

}  // namespace

TEST_CASE("personal site disallowing only GPTBot: every other training agent may fetch", "[exposure]") {
  RuleEngine e = engine();
  Site s("https://jane.example/posts/garden-notes/", 200, sample_robots("jane.example"));
  Exposure x = e.exposure(s.item, s.page);
  CHECK(x.reachable);
  CHECK(x.robots_state == "rules");
  const AgentAssessment* gpt = x.agent("GPTBot");
  REQUIRE(gpt);
  CHECK(gpt->fetch == AgentState::blocked);
  CHECK(gpt->fetch_signal == "robots.txt line 3: Disallow: /");
  CHECK(gpt->operator_name == "OpenAI");
  CHECK(gpt->purpose == "training");
  const AgentAssessment* cc = x.agent("ccbot");
  REQUIRE(cc);
  CHECK(cc->fetch == AgentState::allowed);
  CHECK(cc->fetch_signal == "robots.txt line 6: Allow: /");
  CHECK(cc->use == AgentState::unknown);  // no signal is not permission
  CHECK(has(x.training_allowed, "CCBot"));
  CHECK(has(x.training_allowed, "ClaudeBot"));
  CHECK(has(x.training_allowed, "Google-Extended"));
  CHECK_FALSE(has(x.training_allowed, "GPTBot"));
  CHECK(has(x.training_blocked, "GPTBot"));
  CHECK(x.training_allowed.front() == "ClaudeBot");  // major agents first, in the pack's order
  // Bytespider is documented to ignore robots.txt: never "allowed", listed apart
  CHECK_FALSE(has(x.training_allowed, "Bytespider"));
  CHECK(has(x.noncompliant, "Bytespider"));
  CHECK(x.policy.status == "none");
}

TEST_CASE("Mastodon host with every ai.robots.txt token disallowed", "[exposure]") {
  RuleEngine e = engine();
  Site s("https://mastodon.social/@janeexample/115202077976969650", 200, sample_robots("mastodon.social"));
  s.item.platform = "mastodon";
  Exposure x = e.exposure(s.item, s.page);
  CHECK(x.training_allowed.empty());
  CHECK(has(x.training_blocked, "GPTBot"));
  CHECK(has(x.training_blocked, "CCBot"));
  CHECK(has(x.training_blocked, "ClaudeBot"));
  CHECK(has(x.noncompliant, "Bytespider"));
  CHECK(x.agent("Bytespider")->fetch == AgentState::blocked);
  CHECK(x.agent("Bytespider")->robots_compliance == "no");
  CHECK_FALSE(x.agent("Bytespider")->honours_robots);
  CHECK(x.agent("CCBot")->fetch_signal.rfind("robots.txt line ", 0) == 0);
  CHECK(x.policy.status == "none");  // Mastodon itself does not train
  CHECK(x.policy.policy->id == "mastodon-per-instance");
}

TEST_CASE("the ai.robots.txt robots.txt blocks every training agent of the bundled list", "[exposure]") {
  RuleEngine e = engine();
  Site s("https://example.org/a", 200, test::read_text(test::shared_dir() / "data" / "ai-robots-txt" / "robots.txt"));
  Exposure x = e.exposure(s.item, s.page);
  CHECK(x.training_allowed.empty());
  CHECK(x.training_unknown.empty());
  // 32 agents of the bundled list are documented as training crawlers; the robots.txt names
  // all but a few of them.
  CHECK(x.training_blocked.size() >= 25);
}

TEST_CASE("agents whose documented purpose is not training are not counted as training agents", "[exposure]") {
  RuleEngine e = engine();
  Site s("https://example.org/a", 200, "User-agent: *\nAllow: /\n");
  Exposure x = e.exposure(s.item, s.page);
  // General-purpose scrapers, SEO and monitoring tools, and list entries whose purpose is not
  // documented, by the descriptions in ai-robots-txt's robots.json.
  for (const char* token : {"Scrapy", "AgentTimes", "Spider", "Awario", "Datenbank Crawler", "Lightpanda",
                            "FirecrawlAgent", "SemrushBot-SWA", "newsai"}) {
    INFO(token);
    const AgentAssessment* a = x.agent(token);
    REQUIRE(a);
    CHECK(a->purpose == "other");
    CHECK_FALSE(has(x.training_allowed, token));
  }
  // Documented training crawlers stay training agents.
  for (const char* token : {"GPTBot", "CCBot", "Timpibot", "Webzio-Extended", "PanguBot", "Cotoyogi"}) {
    INFO(token);
    CHECK(has(x.training_allowed, token));
  }
}

TEST_CASE("Instagram: * disallowed, Bingbot may fetch but noarchive keeps it out of training", "[exposure]") {
  RuleEngine e = engine();
  Site s("https://www.instagram.com/p/DQjxLoPliTn/", 200, sample_robots("www.instagram.com"));
  s.signals().robots.push_back({"", "noarchive", "meta"});
  Exposure x = e.exposure(s.item, s.page);
  CHECK(x.training_allowed.empty());
  const AgentAssessment* bing = x.agent("bingbot");
  REQUIRE(bing);
  CHECK(bing->fetch == AgentState::allowed);
  CHECK(bing->use == AgentState::blocked);
  CHECK(bing->use_signal == "<meta name=\"robots\"> noarchive");
  CHECK(bing->use_signal_honoured);
  CHECK_FALSE(has(x.search_allowed, "bingbot"));
  CHECK(x.agent("GPTBot")->use == AgentState::unknown);  // noarchive means nothing to others
}

TEST_CASE("robots.txt status semantics reach the agents", "[exposure]") {
  RuleEngine e = engine();
  Site missing("https://jane.example/", 404, "");
  Exposure a = e.exposure(missing.item, missing.page);
  CHECK(a.robots_state == "unavailable");
  CHECK(a.agent("GPTBot")->fetch == AgentState::allowed);
  CHECK(a.agent("GPTBot")->fetch_signal == "robots.txt answered 404: no restrictions (RFC 9309 §2.3.1.3)");
  Site down("https://jane.example/", 503, "");
  Exposure b = e.exposure(down.item, down.page);
  CHECK(b.robots_state == "unreachable");
  CHECK(b.agent("GPTBot")->fetch == AgentState::blocked);
  CHECK(b.agent("GPTBot")->fetch_signal == "robots.txt answered 503: complete disallow (RFC 9309 §2.3.1.4)");
  CHECK(b.training_allowed.empty());
  Site offline("https://jane.example/", 200, "");
  offline.page.site.reset();
  offline.page.origin = PageOrigin::file;
  offline.page.status = 0;
  Exposure c = e.exposure(offline.item, offline.page);
  CHECK(c.page_ok);
  CHECK(c.robots_state == "not_checked");
  CHECK(c.agent("GPTBot")->fetch == AgentState::unknown);
  CHECK(has(c.training_unknown, "GPTBot"));
  // robots.txt of another origin says nothing about this item
  Site other("https://jane.example/", 200, "User-agent: *\nDisallow: /\n");
  other.item.url = "https://elsewhere.example/post";
  CHECK(e.exposure(other.item, other.page).agent("GPTBot")->fetch == AgentState::unknown);
}

TEST_CASE("aipref Content-Usage: header and robots.txt rules, most restrictive wins", "[exposure][aipref]") {
  RuleEngine e = engine();
  Site header("https://jane.example/posts/reading-list/", 200, sample_robots("jane.example"));
  header.signals().content_usage = {"train-ai=n"};
  Exposure x = e.exposure(header.item, header.page);
  CHECK(x.content_usage_train_ai == "n");
  const AgentAssessment* cc = x.agent("CCBot");
  CHECK(cc->fetch == AgentState::allowed);
  CHECK(cc->use == AgentState::blocked);
  CHECK(cc->use_signal == "Content-Usage header (train-ai=n)");
  CHECK_FALSE(cc->use_signal_honoured);  // no crawler in the pack documents honouring aipref
  CHECK(has(x.optout_signals, "Content-Usage train-ai=n"));
  CHECK(has(x.optout_ignored_by, "CCBot"));
  CHECK(has(x.training_allowed, "CCBot"));

  Site robots("https://example.org/private/notes", 200,
              "User-agent: *\nAllow: /\nContent-Usage: train-ai=y\nContent-Usage: /private/ train-ai=n\n");
  robots.signals().content_usage = {"train-ai=y"};
  Exposure y = e.exposure(robots.item, robots.page);
  CHECK(y.content_usage_train_ai == "y");
  CHECK(y.agent("ClaudeBot")->use == AgentState::blocked);
  CHECK(y.agent("ClaudeBot")->use_signal == "robots.txt line 4: Content-Usage: /private/ train-ai=n (train-ai=n)");
  Site open("https://example.org/public", 200, "User-agent: *\nAllow: /\nContent-Usage: /private/ train-ai=n\n");
  open.signals().content_usage = {"train-ai=y, search=n"};
  Exposure z = e.exposure(open.item, open.page);
  CHECK(z.agent("ClaudeBot")->use == AgentState::allowed);
  CHECK(z.agent("OAI-SearchBot")->use == AgentState::blocked);  // search=n for search agents
  // a malformed header makes everything unknown, never permission
  Site broken("https://example.org/x", 200, "User-agent: *\nAllow: /\n");
  broken.signals().content_usage = {"train-ai=y, Search=n"};
  Exposure w = e.exposure(broken.item, broken.page);
  CHECK(w.content_usage_train_ai == "unknown");
  CHECK(w.agent("ClaudeBot")->use == AgentState::unknown);
}

TEST_CASE("noai and noimageai are opt-outs no crawler documents honouring", "[exposure]") {
  RuleEngine e = engine();
  Site s("https://jane.example/posts/garden-notes/", 200, sample_robots("jane.example"));
  s.signals().robots = {{"", "noai", "meta"}, {"", "noimageai", "meta"}};
  Exposure x = e.exposure(s.item, s.page);
  CHECK(x.optout_signals == std::vector<std::string>{"noai"});  // noimageai: the item has no image
  CHECK(has(x.optout_ignored_by, "ClaudeBot"));
  CHECK(x.agent("ClaudeBot")->use_signal == "<meta name=\"robots\"> noai");
  s.item.media.push_back({"https://jane.example/a.jpg", "image", ""});
  Exposure y = e.exposure(s.item, s.page);
  CHECK(y.optout_signals == std::vector<std::string>{"noai", "noimageai"});
  // a directive for another agent does not apply
  s.signals().robots = {{"otherbot", "noai", "meta"}};
  CHECK(e.exposure(s.item, s.page).optout_signals.empty());
}

TEST_CASE("TDMRep: tdmrep.json (first match wins), then the header, then meta", "[exposure][tdmrep]") {
  RuleEngine e = engine();
  Site s("https://example.org/posts/one", 200, "User-agent: *\nAllow: /\n");
  s.site->tdmrep_file = {"https://example.org/.well-known/tdmrep.json", 200, true,
                         R"([{"location": "/posts/*", "tdm-reservation": 1, "tdm-policy": "https://example.org/policy.json"},
                             {"location": "/", "tdm-reservation": 0}])",
                         std::nullopt, {}};
  Exposure x = e.exposure(s.item, s.page);
  REQUIRE(x.tdm_reservation);
  CHECK(*x.tdm_reservation == 1);
  CHECK(x.tdm_source == "tdmrep.json, location /posts/*");
  CHECK(x.tdm_policy == "https://example.org/policy.json");
  CHECK(x.agent("CCBot")->use == AgentState::blocked);
  CHECK(has(x.optout_signals, "TDMRep tdm-reservation=1"));

  s.page.headers.push_back({"TDM-Reservation", "0"});
  Exposure y = e.exposure(s.item, s.page);
  CHECK(*y.tdm_reservation == 0);  // the header overrides the file
  CHECK(y.tdm_source == "tdm-reservation header");
  CHECK(y.agent("CCBot")->use == AgentState::allowed);

  s.signals().tdm_reservation = 1;
  s.signals().tdm_source = "meta";
  Exposure z = e.exposure(s.item, s.page);
  CHECK(*z.tdm_reservation == 1);  // meta overrides the header
  CHECK(z.tdm_source == "<meta name=\"tdm-reservation\">");

  Site other("https://example.org/about", 200, "User-agent: *\nAllow: /\n");
  other.site->tdmrep_file = s.site->tdmrep_file;
  CHECK(*e.exposure(other.item, other.page).tdm_reservation == 0);  // the "/" rule
  other.site->tdmrep_file.body = "not json";
  CHECK_FALSE(e.exposure(other.item, other.page).tdm_reservation);
}

TEST_CASE("Spawning ai.txt is read only when it is in Spawning's format", "[exposure][ai.txt]") {
  RuleEngine e = engine();
  Site s("https://example.org/gallery/cat.jpg", 200, "User-agent: *\nAllow: /\n");
  s.site->ai_txt_file = {"https://example.org/ai.txt", 200, true,
                         "# Spawning AI\n/\nUser-agent: *\n/\nDisallow: *.jpg\nDisallow: *.png\nAllow: /\n",
                         std::nullopt, {}};
  Exposure x = e.exposure(s.item, s.page);
  CHECK(x.ai_txt == "disallowed");
  CHECK(x.agent("CCBot")->use == AgentState::blocked);
  CHECK(x.agent("CCBot")->use_signal == "ai.txt line 5: Disallow: *.jpg");
  s.item.url = s.page.url = s.page.final_url = "https://example.org/about/";
  CHECK(e.exposure(s.item, s.page).ai_txt == "allowed");
  s.site->ai_txt_file.body = "# ai.txt\nTraining: deny\nLicense: CC-BY-4.0\n";  // another format
  CHECK(e.exposure(s.item, s.page).ai_txt.empty());
}

TEST_CASE("Content-Signal ai-train=no from the header or robots.txt", "[exposure]") {
  RuleEngine e = engine();
  Site s("https://example.org/a", 200, "# Content-Signal: search=yes, ai-train=no\nUser-agent: *\nAllow: /\n");
  Exposure x = e.exposure(s.item, s.page);
  CHECK(x.agent("GPTBot")->use == AgentState::blocked);
  CHECK(x.agent("GPTBot")->use_signal == "Content-Signal ai-train=no (robots.txt line 1)");
  CHECK(x.agent("OAI-SearchBot")->use == AgentState::allowed);
  Site h("https://example.org/a", 200, "User-agent: *\nAllow: /\n");
  h.signals().content_signal = {"ai-train=no"};
  Exposure y = e.exposure(h.item, h.page);
  CHECK(y.content_signal_ai_train == "no");
  CHECK(has(y.optout_signals, "Content-Signal ai-train=no"));
}

TEST_CASE("robots 'none' is noindex for rules that read signals.noindex", "[exposure]") {
  // Google's robots meta reference: none = noindex, nofollow.
  std::vector<PackSource> packs = builtin_packs();
  packs.push_back({"test:noindex.yaml", R"(pack: test-noindex
version: 1.0.0
min_exposcan_version: 0.1.0
rules:
  - id: test.noindex
    kind: condition
    title: Kept out of search
    description: the page asks search engines not to index it
    severity: info
    confidence: high
    tags: [test]
    references: []
    remediation: none
    verdict: not_trainable
    if: {field: signals.noindex, op: eq, value: true}
    reasons:
      - text: "The page asks search engines not to index it."
    tests:
      positive: [{signals.noindex: true}]
      negative: [{signals.noindex: false}]
)"});
  EngineOptions o;
  o.fingerprint_key = "test-key";
  o.now = *parse_date("2026-11-01");
  auto e = RuleEngine::load(packs, o);
  if (!e) FAIL(e.error().message);
  const auto fires = [&](std::vector<RobotsDirective> robots) {
    Site s("https://jane.example/posts/garden-notes/", 200, sample_robots("jane.example"));
    s.signals().robots = std::move(robots);
    for (const auto& f : e->evaluate(s.item, s.page))
      if (f.rule_id == "test.noindex") return true;
    return false;
  };
  CHECK(fires({{"", "none", "meta"}}));
  CHECK(fires({{"", "noindex", "header"}}));
  CHECK_FALSE(fires({{"", "nofollow", "meta"}}));
}
