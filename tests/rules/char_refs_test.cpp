// HTML character references decoded before detection, with spans mapped back to the input.
#include <catch2/catch.hpp>

#include "rules/char_refs.h"
#include "rules/engine.h"

using namespace exposcan;

TEST_CASE("decode_char_refs leaves text without references alone", "[char_refs]") {
  CHECK_FALSE(decode_char_refs("jane@example.org & co").has_value());
  CHECK_FALSE(decode_char_refs("a=1&b=2&c").has_value());
  CHECK_FALSE(decode_char_refs("&unknown; &#; &#x; &#64abc").has_value());
  CHECK_FALSE(decode_char_refs("").has_value());
}

TEST_CASE("decode_char_refs decodes numeric and named references", "[char_refs]") {
  auto d = decode_char_refs("jane&#64;example&#x2E;org &commat; &amp; &nbsp;&lt;&#X40;&#64 x");
  REQUIRE(d);
  CHECK(d->text == "jane@example.org @ & \u00a0<@@ x");
  CHECK(decode_char_refs("&#0;&#xD800;&#x110000;&#99999999;")->text == "\uFFFD\uFFFD\uFFFD\uFFFD");
  CHECK(decode_char_refs("&period;&lsqb;&rsqb;&lpar;&rpar;&hyphen;")->text == ".[]()\u2010");
  CHECK(decode_char_refs("&AMP;&amp")->text == "&&amp");  // named references need their ';'
}

TEST_CASE("decoded spans map back to the reference's bytes", "[char_refs]") {
  const std::string text = "x jane&#64;ex&#x2e;org y";
  auto d = decode_char_refs(text);
  REQUIRE(d);
  REQUIRE(d->text == "x jane@ex.org y");
  const size_t at = d->text.find('@');
  auto [s, e] = d->source_span(at, at + 1);
  CHECK(text.substr(s, e - s) == "&#64;");
  const size_t b = d->text.find("jane");
  auto [s2, e2] = d->source_span(b, b + std::string("jane@ex.org").size());
  CHECK(text.substr(s2, e2 - s2) == "jane&#64;ex&#x2e;org");
  auto n = decode_char_refs("a&nbsp;b");
  REQUIRE(n->text == "a\u00a0b");
  CHECK(n->source_span(1, 3) == std::pair<size_t, size_t>{1, 7});  // both bytes of U+00A0
}

TEST_CASE("detect finds e-mail addresses hidden behind character references", "[char_refs][pii]") {
  auto e = RuleEngine::load(builtin_packs(), EngineOptions{});
  REQUIRE(e);
  for (const std::string value : {"jane&#64;example.org", "jane&#x40;example.org", "jane&commat;example&period;org",
                                  "jane&#x40;example&#x2E;org"}) {
    const std::string text = "Mail: " + value + " &amp; more";
    INFO(text);
    auto ms = e->detect(text);
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].type == "email");
    CHECK(ms[0].value == value);
    CHECK(text.substr(ms[0].start, ms[0].end - ms[0].start) == value);
  }
  // Offsets after a reference stay in the original text.
  const std::string text = "R&amp;D &#8211; call +1 202-555-0147";
  auto ms = e->detect(text);
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].type == "phone");
  CHECK(text.substr(ms[0].start, ms[0].end - ms[0].start) == "+1 202-555-0147");
  CHECK(ms[0].value == "+1 202-555-0147");
}
