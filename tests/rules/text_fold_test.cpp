// Case and diacritic folding with the map back to source bytes; Unicode word boundaries.
#include <catch2/catch.hpp>

#include "rules/text_fold.h"

using namespace exposcan;

TEST_CASE("fold removes case, diacritics and extra spaces", "[fold]") {
  CHECK(fold::fold("JANE  Éxample") == "jane example");
  CHECK(fold::fold("Straße Æsir Œuvre Þór Łódź") == "strasse aesir oeuvre thor lodz");
  CHECK(fold::fold("Ș ț") == "s t");
  CHECK(fold::fold("e\u0301te\u0301") == "ete");  // combining acute accents
  CHECK(fold::fold("  a\u00a0\u2003b\n") == "a b");
  CHECK(fold::fold("Jean‑Luc", fold::Options{true, false}) == "jean luc");  // U+2011
  CHECK(fold::fold("O’Neil") == "o'neil");
  CHECK(fold::fold("ΑΒΓ Жук") == "αβγ жук");
  CHECK(fold::fold("Émile", fold::Options{false, true}) == "émile");
}

TEST_CASE("folded spans map back to the original bytes", "[fold]") {
  const std::string text = "Hi  ZOË Müller!";
  auto f = fold::fold_text(text);
  REQUIRE(f.text == "hi zoe muller!");
  auto pos = f.text.find("zoe muller");
  auto [s, e] = f.source_span(pos, pos + 10);
  CHECK(text.substr(s, e - s) == "ZOË Müller");
  auto g = fold::fold_text("Straße");
  auto [a, b] = g.source_span(0, g.text.size());
  CHECK(a == 0);
  CHECK(b == std::string("Straße").size());
}

TEST_CASE("lower_same_length keeps every byte offset", "[fold]") {
  const std::string text = "ÄÖÜ Straße ΣΩ ДОМ ĞĶŁ";
  const std::string low = fold::lower_same_length(text);
  CHECK(low.size() == text.size());
  CHECK(low == "äöü straße σω дом ğķł");
  const std::string bad = "A\xff\xfe" "B";
  CHECK(fold::lower_same_length(bad) == "a\xff\xfe" "b");
}

TEST_CASE("word characters are Unicode-aware", "[fold]") {
  CHECK(fold::word_char_before("éA", 2));
  CHECK_FALSE(fold::word_char_before(" A", 1));
  CHECK_FALSE(fold::word_char_before("A", 0));
  CHECK(fold::word_char_after("Aж", 1));
  CHECK_FALSE(fold::word_char_after("A—", 1));  // em dash
  CHECK_FALSE(fold::word_char_after("A’", 1));
  CHECK_FALSE(fold::word_char_after("A😀", 1));
  CHECK(fold::decode("\xe2\x82", 0).value == 0xFFFD);  // truncated sequence
  CHECK(fold::decode("\xe2\x82", 0).length == 1);
}
