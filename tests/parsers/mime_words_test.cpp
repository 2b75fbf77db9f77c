// RFC 2047 encoded-words as git format-patch writes them in From: and Subject:.
#include <catch2/catch.hpp>

#include "parsers/mime_words.h"

using exposcan::decode_encoded_words;

TEST_CASE("mime words: Q and B encodings in any case / charset names", "[mime]") {
  CHECK(decode_encoded_words("=?UTF-8?q?J=C3=B6rg_Beispiel?=") == "Jörg Beispiel");
  CHECK(decode_encoded_words("=?utf-8?Q?J=c3=b6rg?=") == "Jörg");
  CHECK(decode_encoded_words("=?UTF-8?B?SsO2cmc=?=") == "Jörg");
  CHECK(decode_encoded_words("=?ISO-8859-1?q?J=F6rg?=") == "Jörg");
  CHECK(decode_encoded_words("=?UTF-8*de?q?J=C3=B6rg?=") == "Jörg");  // RFC 2231 language
}

TEST_CASE("mime words: whitespace between encoded words goes / around them stays (RFC 2047 section 6.2)", "[mime]") {
  CHECK(decode_encoded_words("=?UTF-8?q?Gie=C3=9Fplan:?= =?UTF-8?q?_basil?=") == "Gießplan: basil");
  CHECK(decode_encoded_words("=?UTF-8?q?a?=\r\n =?UTF-8?q?b?=") == "ab");
  CHECK(decode_encoded_words("[PATCH] =?UTF-8?q?J=C3=B6rg?= was here") == "[PATCH] Jörg was here");
  CHECK(decode_encoded_words("plain text, no words") == "plain text, no words");
}

TEST_CASE("mime words: malformed words are kept as written", "[mime]") {
  CHECK(decode_encoded_words("=?UTF-8?q?=C?=") == "=?UTF-8?q?=C?=");
  CHECK(decode_encoded_words("=?UTF-8?b?@@@?=") == "=?UTF-8?b?@@@?=");
  CHECK(decode_encoded_words("=?UTF-8?x?abc?=") == "=?UTF-8?x?abc?=");
  CHECK(decode_encoded_words("=?UTF-8?q?a b?=") == "=?UTF-8?q?a b?=");
  CHECK(decode_encoded_words("=??q?a?=") == "=??q?a?=");
  CHECK(decode_encoded_words("=?UTF-8?q?unterminated") == "=?UTF-8?q?unterminated");
  CHECK(decode_encoded_words("=?UTF-8?q?=FF?=") == "\xEF\xBF\xBD");  // invalid UTF-8: U+FFFD
}
