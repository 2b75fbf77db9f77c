// The verdict on representative items, end to end through the shipped packs: one finding per item
// with every field filled, reasons in plain words, agents, policy, evidence and fingerprint.
#include <atomic>
#include <thread>

#include "rules/fingerprint.h"
#include "rules_fixture.h"

using namespace exposcan;
using test::Site;

namespace {

Identity eu_adult() {
  Identity id;
  id.names = {"Jane Example"};
  id.emails = {"jane@example.org"};
  id.phones = {"+1 202-555-0147"};
  id.birth_date = "1990-04-12";
  id.country = "DE";
  id.jurisdiction = "EU";
  return id;
}

Finding only(const std::vector<Finding>& fs) {
  REQUIRE(fs.size() == 1);
  return fs.front();
}

bool has_reason(const Finding& f, const std::string& text) {
  for (const auto& r : f.reasons) UNSCOPED_INFO("reason: " << r);
  return test::contains(f.reasons, text);
}

std::vector<std::string> agent_names(const Finding& f) {
  std::vector<std::string> out;
  for (const auto& a : f.agents) out.push_back(a.agent);
  return out;
}

}  // namespace

TEST_CASE("Instagram public post of an EU adult: trainable by Meta, with the policy and its date", "[verdict]") {
  RuleEngine e = test::builtin_engine(eu_adult());
  Site s("https://www.instagram.com/p/DYb2LPfliYG/", 200, test::sample_robots("www.instagram.com"));
  s.item.id = "instagram:post:DYb2LPfliYG";
  s.item.platform = "instagram";
  s.item.text = "Market day! Questions: jane@example.org";
  const Finding& f = only(e.evaluate(s.item, s.page));
  CHECK(f.rule_id == "ai-training.first-party");
  CHECK(f.pack == "ai-training");
  CHECK(f.pack_version == "1.0.1");
  CHECK(f.verdict == Verdict::trainable);
  CHECK(f.confidence == "high");
  REQUIRE(f.policy);
  CHECK(f.policy->id == "meta-ai-training");
  CHECK(f.policy->jurisdiction == "EU");
  CHECK(f.policy->since == "2025-05-27");
  CHECK(f.policy->user_control == "the objection form in Meta's Privacy Center (GDPR Art. 21)");
  CHECK_FALSE(f.policy->source.empty());
  CHECK(has_reason(f, "AI training by Meta covers public posts, photos and comments of adults (18+), and Meta AI chats "
                      "(Meta trains its AI on public content of adults)."));
  CHECK(has_reason(f, "This post is public, and the policy applies in EU since 2025-05-27."));
  CHECK(has_reason(f, "You can object with the objection form in Meta's Privacy Center (GDPR Art. 21)."));
  CHECK(f.agents.empty());  // Instagram's robots.txt disallows every AI agent
  // personal data raises the severity: an e-mail (contact) and the identity match
  CHECK(f.severity == Severity::high);
  REQUIRE(f.matches.size() == 2);
  CHECK(f.matches[0].type == "email");
  CHECK(f.matches[1].type == "identity");
  CHECK(f.matches[1].subtype == "email");
  CHECK(f.matches[0].field == "text");
  CHECK(s.item.text.substr(f.matches[0].start, f.matches[0].end - f.matches[0].start) == "jane@example.org");
  CHECK(f.remediation.rfind("Object with the objection form in Meta's Privacy Center (GDPR Art. 21)", 0) == 0);
  CHECK(f.item_id == "instagram:post:DYb2LPfliYG");
  CHECK(f.platform == "instagram");
  CHECK(f.url == "https://www.instagram.com/p/DYb2LPfliYG/");
  CHECK(f.evidence.url == "https://www.instagram.com/p/DYb2LPfliYG/");
  CHECK(f.evidence.status == 200);
  REQUIRE(f.evidence.fetched_at);
  CHECK(format_rfc3339(*f.evidence.fetched_at) == "2026-10-30T09:00:00Z");
  CHECK(f.evidence.sha256 == std::string(64, 'a'));
  CHECK(f.fingerprint == fingerprint("test-key", "ai-training.first-party", "instagram:post:DYb2LPfliYG"));
  CHECK(test::contains(f.tags, "first-party"));
}

TEST_CASE("Meta's EU policy does not apply before its start date or to a minor", "[verdict]") {
  Site s("https://www.instagram.com/p/DYb2LPfliYG/", 200, test::sample_robots("www.instagram.com"));
  s.item.platform = "instagram";
  RuleEngine before = test::builtin_engine(eu_adult(), "2025-05-01");
  CHECK(only(before.evaluate(s.item, s.page)).verdict == Verdict::not_trainable);
  Identity minor = eu_adult();
  minor.birth_date = "2010-01-01";
  RuleEngine young = test::builtin_engine(minor);
  const Finding& f = only(young.evaluate(s.item, s.page));
  CHECK(f.verdict == Verdict::not_trainable);
  CHECK(has_reason(f, "Meta (Facebook, Instagram, Threads) does not train on content of minors"));
  // without a jurisdiction exposcan cannot tell
  Identity unknown = eu_adult();
  unknown.jurisdiction.clear();
  unknown.country.clear();
  const Finding& u = only(test::builtin_engine(unknown).evaluate(s.item, s.page));
  CHECK(u.verdict == Verdict::unknown);
  CHECK(u.rule_id == "ai-training.unknown");
}

TEST_CASE("Mastodon post on a host blocking all training agents: not trainable, non-compliant crawlers noted",
          "[verdict]") {
  RuleEngine e = test::builtin_engine(eu_adult());
  Site s("https://mastodon.social/@janeexample/116273834235464830", 200, test::sample_robots("mastodon.social"));
  s.item.platform = "mastodon";
  s.item.text = "Springfield market today";
  const Finding& f = only(e.evaluate(s.item, s.page));
  CHECK(f.rule_id == "ai-training.not-trainable");
  CHECK(f.verdict == Verdict::not_trainable);
  CHECK(f.severity == Severity::info);
  CHECK(f.agents.empty());
  CHECK_FALSE(f.policy);
  CHECK(test::contains(f.tags, "exposed_to_noncompliant_crawlers"));
  bool noncompliant_reason = false, blocked_reason = false;
  for (const auto& r : f.reasons) {
    if (r.find("Bytespider") != std::string::npos && r.ends_with("are documented to ignore robots.txt and can take it anyway."))
      noncompliant_reason = true;
    if (r.rfind("robots.txt keeps out every AI training crawler that honours it: GPTBot, ClaudeBot, CCBot", 0) == 0)
      blocked_reason = true;
  }
  CHECK(noncompliant_reason);
  CHECK(blocked_reason);
  CHECK(has_reason(f, "Mastodon does not train on posts; the instance's robots.txt decides for crawlers (the default "
                      "one blocks GPTBot since Aug 2023)."));
}

TEST_CASE("personal site disallowing only GPTBot: trainable by third-party crawlers", "[verdict]") {
  RuleEngine e = test::builtin_engine(eu_adult());
  Site s("https://jane.example/posts/hello-springfield/", 200, test::sample_robots("jane.example"));
  s.item.platform = "web";
  s.item.text = "Hello from Springfield! Write to jane@example.org or call +1 202-555-0147.";
  const Finding& f = only(e.evaluate(s.item, s.page));
  CHECK(f.rule_id == "ai-training.third-party");
  CHECK(f.verdict == Verdict::trainable);
  auto names = agent_names(f);
  CHECK(test::contains(names, "CCBot"));
  CHECK(test::contains(names, "ClaudeBot"));
  CHECK_FALSE(test::contains(names, "GPTBot"));
  for (const auto& a : f.agents) {
    CHECK(a.fetch == AgentState::allowed);
    CHECK(a.purpose == "training");
  }
  CHECK(has_reason(f, "robots.txt keeps out GPTBot."));
  CHECK(has_reason(f, "No machine-readable reservation that these crawlers honour applies to it."));
  bool lets = false;
  for (const auto& r : f.reasons) lets = lets || r.rfind("robots.txt lets ClaudeBot, CCBot, Google-Extended", 0) == 0;
  CHECK(lets);
  CHECK(f.severity == Severity::high);  // contact data and identity matches
  std::vector<std::string> types;
  for (const auto& m : f.matches) types.push_back(m.type + (m.subtype.empty() ? "" : ":" + m.subtype));
  CHECK(types == std::vector<std::string>{"email", "identity:email", "phone", "identity:phone"});
}

TEST_CASE("noai page: the opt-out is reported as present but not honoured", "[verdict]") {
  RuleEngine e = test::builtin_engine(eu_adult());
  Site s("https://jane.example/posts/garden-notes/", 200, test::sample_robots("jane.example"));
  s.item.platform = "web";
  s.signals().robots = {{"", "noai", "meta"}, {"", "noimageai", "meta"}};
  const Finding& f = only(e.evaluate(s.item, s.page));
  CHECK(f.rule_id == "ai-training.optout-not-honoured");
  CHECK(f.verdict == Verdict::trainable);
  bool says = false;
  for (const auto& r : f.reasons)
    says = says || (r.rfind("The page says noai, but ClaudeBot, CCBot", 0) == 0 &&
                    r.ends_with("are not documented to honour it."));
  CHECK(says);
  CHECK(has_reason(f, "noai and noimageai are a convention (DeviantArt, Nov 2022) that no major AI vendor documents "
                      "honouring."));
  CHECK(test::contains(agent_names(f), "CCBot"));
}

TEST_CASE("login-wall item: not public", "[verdict]") {
  RuleEngine e = test::builtin_engine(eu_adult());
  Site s("https://www.instagram.com/janeexample/tagged/", 200, test::sample_robots("www.instagram.com"));
  s.item.platform = "instagram";
  s.item.kind = ItemKind::page;
  s.item.visibility = Visibility::login_wall;
  const Finding& f = only(e.evaluate(s.item, s.page));
  CHECK(f.rule_id == "ai-training.not-public");
  CHECK(f.verdict == Verdict::not_public);
  CHECK(has_reason(f, "A logged-out visitor sees a login wall instead of this page (login-wall), so AI crawlers cannot "
                      "fetch it."));
  CHECK(f.agents.empty());
}

TEST_CASE("failed page: could not check", "[verdict]") {
  RuleEngine e = test::builtin_engine(eu_adult());
  Site s("https://jane.example/gone/", 200, test::sample_robots("jane.example"));
  s.page.status = 0;
  s.page.error = FetchError{"connect", "connection refused"};
  const Finding& f = only(e.evaluate(s.item, s.page));
  CHECK(f.rule_id == "ai-training.could-not-check");
  CHECK(f.verdict == Verdict::could_not_check);
  CHECK(f.reasons == std::vector<std::string>{"exposcan could not fetch https://jane.example/gone/: connection refused."});
  CHECK(f.evidence.status == 0);
  Site nf("https://jane.example/missing/", 200, test::sample_robots("jane.example"));
  nf.page.status = 404;
  const Finding& g = only(e.evaluate(nf.item, nf.page));
  CHECK(g.verdict == Verdict::could_not_check);
  CHECK(g.reasons == std::vector<std::string>{"exposcan could not fetch https://jane.example/missing/: the server "
                                              "answered HTTP 404."});
}

TEST_CASE("per-item caps on bytes and matches are recorded in the finding", "[verdict][caps]") {
  Identity none;
  EngineOptions o;
  o.now = *parse_date("2026-11-01");
  o.max_bytes_per_item = 64;
  auto e = RuleEngine::load(builtin_packs(), o);
  REQUIRE(e);
  Site s("https://jane.example/long/", 200, test::sample_robots("jane.example"));
  s.item.text = std::string(60, 'x') + " jane@example.org is after the cap";
  const Finding& f = only(e->evaluate(s.item, s.page));
  CHECK(f.matches.empty());
  CHECK(test::contains(f.tags, "truncated"));
  CHECK(test::contains(f.reasons, "Only the first 64 of 94 bytes of this item were searched for personal data "
                                  "(per-item cap)."));
  o.max_bytes_per_item = 1 << 20;
  o.max_matches_per_item = 2;
  auto m = RuleEngine::load(builtin_packs(), o);
  REQUIRE(m);
  s.item.text = "a@example.org b@example.org c@example.org";
  const Finding& g = only(m->evaluate(s.item, s.page));
  CHECK(g.matches.size() == 2);
  CHECK(test::contains(g.reasons, "Only the first 2 personal-data matches of this item are listed (per-item cap)."));
  // detect() has no caps
  CHECK(m->detect(s.item.text).size() == 3);
}

TEST_CASE("the author credit is searched whatever the per-item caps used up", "[verdict][caps][credit]") {
  // A long post by the person must still be credited to them (reports/item_credit.h reads the
  // identity's matches in author.name / author.handle).
  EngineOptions o;
  o.identity = eu_adult();
  o.identity.handles = {"@janeexample"};
  o.now = *parse_date("2026-11-01");
  o.max_bytes_per_item = 64;
  o.max_matches_per_item = 1;
  auto e = RuleEngine::load(builtin_packs(), o);
  REQUIRE(e);
  Site s("https://jane.example/long/", 200, test::sample_robots("jane.example"));
  s.item.title = "a@example.org b@example.org";  // the one match the cap allows
  s.item.text = std::string(300 * 1024, 'x');
  s.item.author.name = "Jane Example";
  s.item.author.handle = "@janeexample";
  const Finding& f = only(e->evaluate(s.item, s.page));
  CHECK(test::contains(f.tags, "truncated"));
  std::vector<std::string> credit;
  for (const auto& m : f.matches)
    if (m.field.starts_with("author.")) credit.push_back(m.field + ":" + m.subtype);
  CHECK(credit == std::vector<std::string>{"author.name:name", "author.handle:handle"});
}

TEST_CASE("evaluation is const and gives the same findings from many threads", "[verdict][threads]") {
  RuleEngine e = test::builtin_engine(eu_adult());
  Site s("https://jane.example/posts/hello-springfield/", 200, test::sample_robots("jane.example"));
  s.item.text = "Write to jane@example.org or call +1 202-555-0147, IBAN DE89 3704 0044 0532 0130 00.";
  const auto want = e.evaluate(s.item, s.page);
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        auto got = e.evaluate(s.item, s.page);
        if (got.size() != want.size() || got[0].fingerprint != want[0].fingerprint ||
            got[0].matches.size() != want[0].matches.size() || got[0].reasons != want[0].reasons)
          ++mismatches;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(mismatches == 0);
}
