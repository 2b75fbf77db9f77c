#include "rules/text_normalize.h"

#include <catch2/catch.hpp>

using namespace exposcan;

TEST_CASE("decode_utf8 reads 1-4 byte sequences and replaces malformed ones", "[text_normalize]") {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x93\x9E";  // a é € 📞
  CHECK(decode_utf8(s, 0).value == U'a');
  CHECK(decode_utf8(s, 1).value == 0xE9);
  CHECK(decode_utf8(s, 1).length == 2);
  CHECK(decode_utf8(s, 3).value == 0x20AC);
  CHECK(decode_utf8(s, 3).length == 3);
  CHECK(decode_utf8(s, 6).value == 0x1F4DE);
  CHECK(decode_utf8(s, 6).length == 4);
  CHECK(decode_utf8(s, 10).length == 0);
  CHECK(decode_utf8("\xC3", 0).value == 0xFFFD);          // truncated
  CHECK(decode_utf8("\xC0\xAF", 0).value == 0xFFFD);      // overlong
  CHECK(decode_utf8("\xED\xA0\x80", 0).value == 0xFFFD);  // surrogate
  CHECK(decode_utf8("\x80", 0).length == 1);
  CHECK(decode_utf8_before(s, 10).value == 0x1F4DE);
  CHECK(decode_utf8_before(s, 6).value == 0x20AC);
  CHECK(decode_utf8_before(s, 1).value == U'a');
  CHECK(decode_utf8_before(s, 0).length == 0);
  CHECK(decode_utf8_before("a\x80", 2).value == 0xFFFD);
}

TEST_CASE("character classes used by the phone scanner", "[text_normalize]") {
  CHECK(unicode_digit_value(U'7') == 7);
  CHECK(unicode_digit_value(0xFF13) == 3);
  CHECK(unicode_digit_value(0x0669) == 9);
  CHECK(unicode_digit_value(U'a') == -1);
  CHECK(is_number_space(0x00A0));
  CHECK(is_number_space(0x202F));
  CHECK_FALSE(is_number_space(U'\t'));
  CHECK(is_dash(0x2013));
  CHECK(is_dash(U'-'));
  CHECK_FALSE(is_dash(U'.'));
  CHECK(is_word_char(U'a'));
  CHECK(is_word_char(0xE9));
  CHECK_FALSE(is_word_char(0x260E));  // ☎
  CHECK_FALSE(is_word_char(0x20AC));  // €
  CHECK_FALSE(is_word_char(U'1'));
}

TEST_CASE("fold_case lower-cases Latin letters", "[text_normalize]") {
  CHECK(fold_case("T\xC3\x89L\xC3\x89PHONE") == "t\xC3\xA9l\xC3\xA9phone");    // TÉLÉPHONE
  CHECK(fold_case("\xC3\x84\xC3\x96\xC3\x9C") == "\xC3\xA4\xC3\xB6\xC3\xBC");  // ÄÖÜ
  CHECK(fold_case("\xC5\x81\xC5\xBB") == "\xC5\x82\xC5\xBC");                  // ŁŻ
  CHECK(fold_case("\xC3\x97") == "\xC3\x97");                                  // × stays
  CHECK(fold_case("M\xC3\xB3vil 123") == "m\xC3\xB3vil 123");
}
