#include <catch2/catch.hpp>

#include "core/text.h"

using namespace exposcan;

TEST_CASE("the case-insensitive comparisons fold ASCII letters only", "[text]") {
  CHECK(iequals("Content-Type", "content-TYPE"));
  CHECK_FALSE(iequals("abc", "abcd"));
  CHECK_FALSE(iequals("\xC3\xA9", "\xC3\x89"));  // é and É: not ASCII, not folded

  CHECK(istarts_with("HTTPS://example.org/", "https://"));
  CHECK_FALSE(istarts_with("http", "https"));
  CHECK(istarts_with("anything", ""));

  CHECK(iends_with("capture.WARC.GZ", ".warc.gz"));
  CHECK(iends_with("Page.HTML", ".html"));
  CHECK_FALSE(iends_with("page.htm", ".html"));
  CHECK_FALSE(iends_with("gz", ".warc.gz"));  // shorter than the suffix
  CHECK(iends_with("x", ""));

  CHECK(icontains("User-Agent: GPTBot/1.0", "gptbot"));
  CHECK_FALSE(icontains("GPT", "gptbot"));
  CHECK(icontains("", ""));
}

TEST_CASE("trim, split and collapse_whitespace", "[text]") {
  CHECK(trim(" \t a b \r\n") == "a b");
  CHECK(trim("   ").empty());
  CHECK(split("a,,b", ',') == std::vector<std::string_view>{"a", "", "b"});
  CHECK(collapse_whitespace("  a \n\t b\xC2\xA0\xC2\xA0"
                            "c  ") == "a b c");
}

TEST_CASE("UTF-8 helpers keep text well-formed", "[text]") {
  CHECK(is_valid_utf8("caf\xC3\xA9"));
  CHECK_FALSE(is_valid_utf8("caf\xC3"));
  CHECK(sanitize_utf8("a\xFF"
                      "b") == "a\xEF\xBF\xBD"
                              "b");
  std::string out;
  append_utf8(out, 0xD800);  // a surrogate is not a character
  CHECK(out == "\xEF\xBF\xBD");
  CHECK(utf8_prefix("\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9");  // never half a sequence
}
