// tests/reports/fixture_record.h — one fixed, hand-built scan record every reporter test renders:
// every verdict, personal data of several types, agents, a first-party policy, signals, an error,
// and text that needs escaping in each format (<, &, |, quotes, commas, a leading '=').
#pragma once

#include <string>

#include "core/hash.h"
#include "core/time.h"
#include "reports/scan_record.h"

namespace exposcan::test {

inline TimePoint at(const char* rfc3339) { return *parse_datetime(rfc3339); }

inline Finding base_finding(const Item& item, const std::string& rule, Verdict verdict, Severity severity) {
  Finding f;
  f.rule_id = rule;
  f.pack = "ai-training";
  f.pack_version = "1.0.0";
  f.severity = severity;
  f.confidence = "high";
  f.verdict = verdict;
  f.item_id = item.id;
  f.platform = item.platform;
  f.url = item.url;
  f.evidence = Evidence{item.source_url, 200, at("2026-11-26T07:14:40Z"), sha256_hex(item.source_url)};
  f.fingerprint = hmac_sha256_hex("fixture-key", rule + "\x1f" + item.id);
  return f;
}

inline AgentAssessment agent(const char* name, const char* op, AgentState fetch, const char* signal) {
  AgentAssessment a;
  a.agent = name;
  a.operator_name = op;
  a.purpose = "training";
  a.fetch = fetch;
  a.fetch_signal = signal;
  return a;
}

inline Match match(const Item& item, const char* type, const char* subtype, const char* field, const std::string& value) {
  std::string_view text = field == std::string("title") ? item.title : item.text;
  for (const auto& [k, v] : item.fields)
    if (std::string("fields.") + k == field) text = v;
  size_t start = text.find(value);
  Match m;
  m.type = type;
  m.subtype = subtype;
  m.field = field;
  m.start = start;
  m.end = start + value.size();
  m.value = value;
  m.rule_id = std::string("pii.") + type;
  return m;
}

inline ScanRecord fixture_record() {
  ScanRecord r;
  ScanInfo& s = r.scan;
  s.id = "0123456789abcdef";
  s.tool_version = "0.1.0";
  s.targets = {"https://jane.example/", "https://www.instagram.com/janeexample/", "https://mastodon.social/@janeexample",
               "https://faults.example/slow"};
  s.target_status = {{"https://jane.example/", "https://jane.example/", true, 3},
                     {"https://www.instagram.com/janeexample/", "https://www.instagram.com/janeexample/", true, 2},
                     {"https://mastodon.social/@janeexample", "https://mastodon.social/@janeexample", true, 1},
                     {"https://faults.example/slow", "https://faults.example/slow", false, 0}};
  s.started = at("2026-11-26T07:14:38Z");
  s.finished = at("2026-11-26T07:14:50Z");
  s.pages_fetched = 7;
  s.bytes_fetched = 123456;
  s.errors = {{"https://faults.example/slow", "timeout", "Operation timed out after 30000 milliseconds", "https://faults.example/slow"}};
  s.status = "incomplete";
  s.robots_mode = "obey";
  s.packs = {PackInfo{"ai-training", "1.0.0", sha256_hex("ai-training"), "builtin:ai-training.yaml"},
             PackInfo{"pii", "1.2.0", sha256_hex("pii"), "builtin:pii.yaml"}};

  auto signals = std::make_shared<PageSignals>();
  signals->robots = {{"", "noai", "meta"}};
  signals->content_usage = {"train-ai=n"};
  signals->licenses = {"https://creativecommons.org/licenses/by/4.0/"};

  Item home;
  home.id = "https://jane.example/";
  home.platform = "web";
  home.kind = ItemKind::profile;
  home.url = "https://jane.example/";
  home.author = {"jane.example", "Jane Example", "https://jane.example/"};
  home.visibility = Visibility::public_;
  home.title = "Jane Example — gardener, <coder> & cyclist";
  home.text = "Hi, I'm Jane Example. Write to jane@example.org or call +1 202-555-0147.";
  home.fields = {{"Phone", "+1 202-555-0147"}};
  home.source_url = home.url;
  home.source_sha256 = sha256_hex(home.url);
  home.extractor = "mf2";
  home.provenance = "live";

  Item post;
  post.id = "https://jane.example/posts/garden-notes/";
  post.platform = "web";
  post.kind = ItemKind::article;
  post.url = "https://jane.example/posts/garden-notes/";
  post.author = home.author;
  post.published_at = at("2026-03-14T09:30:00Z");
  post.visibility = Visibility::public_;
  post.title = "=Garden notes | tomatoes, \"beans\" & <b>more</b>";
  post.text = "Jane Example planted beans.\nSecond line | with a pipe.";
  post.tags = {"garden"};
  post.source_url = post.url;
  post.extractor = "mf2";
  post.provenance = "live";
  post.signals = signals;

  Item photo;
  photo.id = "instagram:post:C0ffee123";
  photo.platform = "instagram";
  photo.kind = ItemKind::photo;
  photo.url = "https://www.instagram.com/p/C0ffee123/";
  photo.author = {"janeexample", "Jane Example", "https://www.instagram.com/janeexample/"};
  photo.published_at = at("2026-05-02T18:00:00Z");
  photo.visibility = Visibility::public_;
  photo.text = "Sunset in Springfield with @janeexample";
  photo.media = {{"https://www.instagram.com/media/c0ffee.jpg", "image", "Jane Example at the lake"}};
  photo.source_url = photo.url;
  photo.extractor = "instagram-html";
  photo.provenance = "live";

  Item toot;
  toot.id = "mastodon:status:115202077976969650";
  toot.platform = "mastodon";
  toot.kind = ItemKind::post;
  toot.url = "https://mastodon.social/@janeexample/115202077976969650";
  toot.author = {"@janeexample@mastodon.social", "Jane Example", "https://mastodon.social/@janeexample"};
  toot.published_at = at("2025-11-20T12:00:00Z");
  toot.visibility = Visibility::public_;
  toot.text = "Tomatoes again this year.";
  toot.source_url = toot.url;
  toot.extractor = "mastodon-html";
  toot.provenance = "live";

  Item wall;
  wall.id = "instagram:post:Priv4te";
  wall.platform = "instagram";
  wall.kind = ItemKind::post;
  wall.url = "https://www.instagram.com/p/Priv4te/";
  wall.visibility = Visibility::login_wall;
  wall.source_url = wall.url;
  wall.extractor = "instagram-html";
  wall.provenance = "live";

  Item slow;
  slow.id = "https://faults.example/slow";
  slow.platform = "web";
  slow.kind = ItemKind::page;
  slow.url = "https://faults.example/slow";
  slow.visibility = Visibility::unknown;
  slow.source_url = slow.url;
  slow.extractor = "registry";
  slow.provenance = "live";

  Item link;
  link.id = "https://jane.example/links/";
  link.platform = "web";
  link.kind = ItemKind::link;
  link.url = "https://jane.example/links/";
  link.published_at = at("2026-03-01T08:00:00Z");
  link.visibility = Visibility::public_;
  link.title = "Links";
  link.source_url = link.url;
  link.extractor = "generic";
  link.provenance = "live";

  std::vector<AgentAssessment> web_agents = {
      agent("CCBot", "Common Crawl", AgentState::allowed, "robots.txt: no group for CCBot; `User-agent: *` allows /"),
      agent("ClaudeBot", "Anthropic", AgentState::allowed, "robots.txt: no group for ClaudeBot; `User-agent: *` allows /")};

  Finding f1 = base_finding(home, "ai-training.third-party", Verdict::trainable, Severity::high);
  f1.title = "Trainable by third-party AI crawlers";
  f1.reasons = {"robots.txt lets 2 AI training crawlers fetch this profile (GPTBot is blocked).",
                "No use reservation (TDMRep, aipref, noai) applies."};
  f1.matches = {match(home, "email", "", "text", "jane@example.org"), match(home, "phone", "", "text", "+1 202-555-0147"),
                match(home, "identity", "name", "text", "Jane Example"), match(home, "phone", "", "fields.Phone", "+1 202-555-0147")};
  f1.agents = web_agents;
  f1.remediation = "Add `User-agent: CCBot` and `User-agent: ClaudeBot` groups with `Disallow: /` to https://jane.example/robots.txt, or remove the contact details.";
  f1.tags = {"ai-training", "third-party"};

  Finding f2 = base_finding(post, "ai-training.third-party-ignoring-optout", Verdict::trainable, Severity::medium);
  f2.title = "Trainable despite your opt-out";
  f2.reasons = {"The page says noai and Content-Usage train-ai=n, but CCBot is not documented to honour them."};
  f2.matches = {match(post, "identity", "name", "text", "Jane Example")};
  f2.agents = {web_agents[0]};
  f2.remediation = "Block CCBot in robots.txt: it ignores the noai meta tag.";

  Finding f3 = base_finding(photo, "ai-training.first-party", Verdict::trainable, Severity::medium);
  f3.pack = "ai-training";
  f3.title = "Trainable by the platform itself";
  f3.reasons = {"Meta trains its AI on public content of adults in the EU since 2025-05-27."};
  f3.matches = {match(photo, "identity", "handle", "text", "@janeexample"), match(photo, "postal_address", "city", "text", "Springfield")};
  f3.policy = PolicyRef{"meta-ai-training", "Meta (Facebook, Instagram, Threads)", "Meta trains its AI on public content of adults", "EU",
                        "2025-05-27", "the objection form in Meta's Privacy Center (GDPR Art. 21)", "https://www.facebook.com/privacy/center/"};
  f3.remediation = "Object with the objection form in Meta's Privacy Center (GDPR Art. 21), or make the post private.";

  Finding f4 = base_finding(toot, "ai-training.not-trainable", Verdict::not_trainable, Severity::info);
  f4.title = "Not trainable";
  f4.reasons = {"robots.txt disallows every AI training crawler (line 12: Disallow: /)."};
  f4.agents = {agent("GPTBot", "OpenAI", AgentState::blocked, "robots.txt line 12: Disallow: /")};

  Finding f5 = base_finding(wall, "ai-training.not-public", Verdict::not_public, Severity::info);
  f5.title = "Not public";
  f5.reasons = {"A logged-out visitor sees a login wall instead of this post (login-wall)."};
  f5.evidence.status = 200;

  Finding f6 = base_finding(slow, "ai-training.could-not-check", Verdict::could_not_check, Severity::info);
  f6.title = "Could not check this item";
  f6.reasons = {"exposcan could not fetch https://faults.example/slow: Operation timed out."};
  f6.evidence.status = 0;
  f6.evidence.sha256.clear();
  f6.remediation = "Open the page in your browser, save it and scan the saved file.";

  r.items = {home, post, photo, toot, wall, slow, link};
  r.findings = {f1, f2, f3, f4, f5, f6};
  return r;
}

// The fixture with the Instagram photo credited to Jane by the identity rules (a handle match in
// author.handle) and, under it, a public comment by someone else that names her: trainable, with
// her handle in it. The comment is Bob's, not Jane's, whatever personal data of hers it carries.
inline ScanRecord fixture_record_with_others_comment() {
  ScanRecord r = fixture_record();
  const Item* photo = nullptr;
  for (const auto& i : r.items)
    if (i.id == "instagram:post:C0ffee123") photo = &i;
  Finding* photo_finding = nullptr;
  for (auto& f : r.findings)
    if (f.item_id == "instagram:post:C0ffee123") photo_finding = &f;
  Match by_jane;  // the identity rules' find in the photo's author credit
  by_jane.type = "identity";
  by_jane.subtype = "handle";
  by_jane.field = "author.handle";
  by_jane.end = photo->author.handle.size();
  by_jane.value = photo->author.handle;
  by_jane.rule_id = "identity.handle";
  photo_finding->matches.push_back(by_jane);

  Item comment;
  comment.id = "instagram:comment:17900000000000001";
  comment.platform = "instagram";
  comment.kind = ItemKind::comment;
  comment.url = "https://www.instagram.com/p/C0ffee123/c/17900000000000001/";
  comment.author = {"bob.example", "Bob Example", "https://www.instagram.com/bob.example/"};
  comment.published_at = at("2026-05-03T09:00:00Z");
  comment.visibility = Visibility::public_;
  comment.text = "Lovely, @janeexample! Same lake as last year?";
  comment.parent_id = photo->id;
  comment.source_url = photo->url;
  comment.extractor = "instagram-html";
  comment.provenance = "live";
  Finding f = *photo_finding;
  f.item_id = comment.id;
  f.url = comment.url;
  f.matches = {match(comment, "identity", "handle", "text", "@janeexample")};
  f.fingerprint = hmac_sha256_hex("fixture-key", f.rule_id + "\x1f" + comment.id);
  r.items.push_back(comment);
  r.findings.push_back(f);
  return r;
}

}  // namespace exposcan::test
