// Pattern rules: byte spans, the keyword prefilter, context scoring, validators, allow lists,
// Unicode word boundaries and overlap resolution, on small inline packs and the shipped detectors.
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <memory>

#include "rules/engine.h"
#include "rules/keyword_prefilter.h"
#include "rules/detector_set.h"
#include "rules/pattern_rule.h"
#include "rules/text_fold.h"

using namespace exposcan;

namespace {

std::string rule(const std::string& id, const std::string& body, const std::string& positive = "x",
                 const std::string& negative = "y") {
  return "  - id: " + id +
         "\n    kind: pattern\n    title: T\n    description: D\n    severity: low\n    confidence: high\n"
         "    tags: []\n    references: []\n    remediation: R\n" +
         body + "    tests:\n      positive: [" + positive + "]\n      negative: [" + negative + "]\n";
}

RuleEngine engine_with(const std::string& rules) {
  std::string text = "pack: t\nversion: 1.0.0\nmin_exposcan_version: 0.1.0\nrules:\n" + rules;
  auto e = RuleEngine::load({{"t.yaml", text}}, EngineOptions{});
  if (!e) FAIL(e.error().message);
  return std::move(*e);
}

RuleEngine builtin() {
  EngineOptions o;
  o.now = *parse_date("2026-11-01");
  auto e = RuleEngine::load(builtin_packs(), o);
  if (!e) FAIL(e.error().message);
  return std::move(*e);
}

const Match* find_type(const std::vector<Match>& ms, std::string_view type) {
  for (const auto& m : ms)
    if (m.type == type) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("matches report the capture group's byte span in the input", "[pattern]") {
  auto e = engine_with(rule("t.num", "    type: number\n    patterns: ['no\\.\\s*(\\d+)']\n    score: 0.9\n"));
  const std::string text = "Zoë’s no. 4711 and no.42";  // ë and ’ are multi-byte
  auto ms = e.detect(text);
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].type == "number");
  CHECK(ms[0].field == "input");
  CHECK(ms[0].rule_id == "t.num");
  CHECK(text.substr(ms[0].start, ms[0].end - ms[0].start) == "4711");
  CHECK(ms[0].start == 13);
  CHECK(ms[0].value == "4711");
  CHECK(ms[1].value == "42");
  CHECK(ms[0].score == Approx(0.9));
}

TEST_CASE("word boundaries are Unicode-aware around the capture", "[pattern]") {
  auto e = engine_with(rule("t.code", "    type: code\n    patterns: ['(AB\\d{3})']\n"));
  CHECK(e.detect("code AB123.").size() == 1);
  CHECK(e.detect("éAB123").empty());   // RE2's \b would see é as a boundary
  CHECK(e.detect("AB1234").empty());   // digit after
  CHECK(e.detect("AB123ü").empty());
  auto loose = engine_with(rule("t.code", "    type: code\n    patterns: ['(AB\\d{3})']\n    word_boundary: false\n"));
  CHECK(loose.detect("éAB123").size() == 1);
}

TEST_CASE("after a rejected match the search resumes at the next word start", "[pattern]") {
  // The whole-text match is on the allow list; every retry inside the 20-letter word fails the
  // word boundary. Bounded retries per code point (16) used to give up before "bb ok".
  const std::string a20(20, 'a');
  auto e = engine_with(rule("t.ok", "    type: ok\n    patterns: ['([a-z ]+ ok)']\n    allow: ['" + a20 + " bb ok']\n"));
  auto ms = e.detect(a20 + " bb ok");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].value == "bb ok");
  CHECK(ms[0].start == 21);
}

TEST_CASE("the keyword prefilter skips only text without any keyword", "[pattern][prefilter]") {
  auto e = engine_with(rule("t.ref", "    type: ref\n    keywords: [Ref, Référence]\n    patterns: ['(?i)(?:ref|référence)[: ]+(\\d{4})']\n",
                            "\"ref 1234\""));
  CHECK(e.detect("REF: 1234").size() == 1);       // keywords are case-insensitive
  CHECK(e.detect("RÉFÉRENCE 5678").size() == 1);  // also beyond ASCII
  CHECK(e.detect("1234 alone").empty());

  KeywordPrefilter p;
  p.add(0, "he");
  p.add(1, "she");
  p.add(2, "hers");
  p.add(3, "Straße");
  p.compile();
  std::vector<char> hits(4, 0);
  p.scan(fold::lower_same_length("USHERS"), hits);
  CHECK(hits == std::vector<char>{1, 1, 1, 0});
  hits.assign(4, 0);
  p.scan(fold::lower_same_length("HAUPTSTRASSE / Hauptstraße"), hits);
  CHECK(hits == std::vector<char>{0, 0, 0, 1});
  hits.assign(4, 0);
  p.scan("", hits);
  CHECK(hits == std::vector<char>{0, 0, 0, 0});
}

// 0.4 + 0.3 reaches the 0.6 threshold only with "member"/"mitglied" before the number.
const std::string k_member_rule =
    "    type: id\n    patterns: ['(\\d{6})']\n    score: 0.4\n    threshold: 0.6\n"
    "    context:\n"
    "      - {words: [member, 'mitglied'], where: before, within: 20, score: 0.3}\n"
    "      - {words: [order], where: around, within: 20, score: -0.5}\n";

TEST_CASE("a rule that needs a context word is skipped where none occurs, and only there", "[pattern][prefilter]") {
  // k_member_rule's context words gate it.
  auto e = engine_with(rule("t.id", k_member_rule, "\"member 123456\""));
  CHECK(e.detect("MEMBER 123456").size() == 1);
  CHECK(e.detect("Mitglied Nr. 654321").size() == 1);
  CHECK(e.detect("123456 and 654321").empty());
  CHECK(e.detect("member order 123456").empty());  // a gate word lets the rule run; "order" still lowers it

  PatternRule r;
  r.base_score = 0.4;
  r.threshold = 0.6;
  r.context.push_back({{"member"}, ContextClue::Side::before, 20, 0.3});
  r.context.push_back({{"order"}, ContextClue::Side::around, 20, -0.5});
  CHECK(r.required_context_words() == std::vector<std::string>{"member"});
  r.validators.push_back({"bonus", nullptr, 0.2});  // a failing check that adds 0.2: 0.6 without context
  CHECK(r.required_context_words().empty());
  r.validators.clear();
  r.context[0].words.push_back("");  // an empty word is found anywhere: no gate
  CHECK(r.required_context_words().empty());
  r.context[0].words.pop_back();
  r.detector = "phone";  // scored by the detector, not by `score`
  CHECK(r.required_context_words().empty());
  r.detector.clear();
  r.base_score = 0.6;
  CHECK(r.required_context_words().empty());
}

TEST_CASE("the context-word gate keeps working when rules are added after compile()", "[pattern][prefilter]") {
  auto digits_rule = [](const std::string& id, const std::string& pattern, double score) {
    PatternRule r;
    r.meta.id = id;
    r.type = "id";
    r.pattern_texts = {pattern};
    r.patterns = {std::make_shared<const RE2>(pattern)};
    r.capture_whole = {true};
    r.base_score = score;
    r.threshold = 0.6;
    r.context.push_back({{"member"}, ContextClue::Side::before, 20, 0.3});
    return r;
  };
  DetectorSet set;
  set.add(digits_rule("t.gated", "(\\d{6})", 0.4));  // needs "member"
  set.compile();
  REQUIRE(set.scan("member 123456").size() == 1);
  CHECK(set.scan("123456").empty());
  set.add(digits_rule("t.plain", "(\\d{8})", 0.7));  // not compiled: runs everywhere
  auto found = set.scan("member 123456");               // the gate of rule 0 is still found
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule_id == "t.gated");
  found = set.scan("12345678");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule_id == "t.plain");
}

TEST_CASE("context words before or after raise or lower the score against the threshold", "[pattern][context]") {
  auto e = engine_with(rule("t.id", k_member_rule, "\"member 123456\""));
  CHECK(e.detect("123456").empty());                                   // 0.4 < 0.6
  auto ms = e.detect("member no. 123456");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].score == Approx(0.7));
  CHECK(e.detect("Mitglied: 123456").size() == 1);
  CHECK(e.detect("membership 123456").empty());                        // whole words only
  CHECK(e.detect("member 123456 (order)").empty());                    // 0.7 - 0.5
  CHECK(e.detect("a member, and then much later on 123456").empty());  // outside the 20-byte window
}

TEST_CASE("validators reject candidates, or adjust the score when given one", "[pattern][validators]") {
  auto strict = engine_with(rule("t.card", "    type: payment_card\n    patterns: ['(\\d{16})']\n    validators: [luhn]\n"));
  CHECK(strict.detect("4111111111111111").size() == 1);
  CHECK(strict.detect("4111111111111112").empty());
  auto soft = engine_with(rule("t.card", "    type: payment_card\n    patterns: ['(\\d{16})']\n    score: 0.8\n"
                                         "    validators: [{name: luhn, score: -0.2}]\n"));
  auto ms = soft.detect("4111111111111112");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].score == Approx(0.6));
}

TEST_CASE("allow lists drop known placeholder values", "[pattern]") {
  auto e = engine_with(rule("t.mail", "    type: email\n    patterns: ['([a-z]+@[a-z]+\\.[a-z]+)']\n    allow: [YOU@example.com]\n"));
  CHECK(e.detect("you@example.com").empty());
  CHECK(e.detect("jane@example.org").size() == 1);
}

TEST_CASE("a rejected candidate does not hide a valid one starting inside it", "[pattern]") {
  // The greedy pattern first grabs 17 digits (Luhn fails); the valid 16-digit card starts one later.
  auto e = engine_with(rule("t.card", "    type: payment_card\n    patterns: ['(\\d{16,17})']\n    validators: [luhn]\n    word_boundary: false\n"));
  auto ms = e.detect("94111111111111111");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].value == "4111111111111111");
  CHECK(ms[0].start == 1);
}

TEST_CASE("overlapping matches of different rules keep the longer span", "[pattern]") {
  auto e = engine_with(rule("t.long", "    type: long\n    patterns: ['(\\d{3}-\\d{4})']\n") +
                       rule("t.short", "    type: short\n    patterns: ['(\\d{4})']\n"));
  auto ms = e.detect("555-0147 and 9999");
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].type == "long");
  CHECK(ms[0].value == "555-0147");
  CHECK(ms[1].type == "short");
  CHECK(ms[1].value == "9999");
}

TEST_CASE("the shipped detectors find planted data with exact spans", "[pattern][pii]") {
  RuleEngine e = builtin();
  const std::string text =
      "Write to jane@example.org or call +1 202-555-0147. IBAN DE89 3704 0044 0532 0130 00, "
      "card 4111 1111 1111 1111. Server 203.0.113.42, GPS 48.85837, 2.294481.";
  auto ms = e.detect(text);
  struct Want {
    const char* type;
    const char* value;
  };
  for (auto [type, value] : {Want{"email", "jane@example.org"}, Want{"phone", "+1 202-555-0147"},
                             Want{"iban", "DE89 3704 0044 0532 0130 00"}, Want{"payment_card", "4111 1111 1111 1111"},
                             Want{"ip_address", "203.0.113.42"}, Want{"geo", "48.85837, 2.294481"}}) {
    INFO(type);
    const Match* m = find_type(ms, type);
    REQUIRE(m);
    CHECK(m->value == value);
    CHECK(text.substr(m->start, m->end - m->start) == value);
  }
  CHECK(ms.size() == 6);
}

TEST_CASE("the shipped detectors leave dates, order numbers, ISBNs, UUIDs and URLs alone", "[pattern][pii]") {
  RuleEngine e = builtin();
  for (const char* text : {"Published 2024-05-12, updated 12.05.2024", "Order #2024-0512-7788 shipped",
                           "ISBN 978-3-16-148410-0", "id 123e4567-e89b-12d3-a456-426614174000",
                           "https://example.org/p/4930901820?ref=12345678", "Version 1.2.3.4 released",
                           "Tracking 1Z999AA10123456784", "from 10:30 to 12:45"}) {
    INFO(text);
    auto ms = e.detect(text);
    for (const auto& m : ms) UNSCOPED_INFO(m.type << " " << m.value);
    CHECK(ms.empty());
  }
}

TEST_CASE("national IDs carry a subtype", "[pattern][pii]") {
  RuleEngine e = builtin();
  auto ms = e.detect("SSN: 123-45-6789, NINO AB 12 34 56 C, CF RSSMRA85T10A562S");
  REQUIRE(ms.size() == 3);
  CHECK(ms[0].type == "national_id");
  CHECK(ms[0].subtype == "us_ssn");
  CHECK(ms[1].subtype == "uk_nino");
  CHECK(ms[2].subtype == "it_codice_fiscale");
}
