// Fingerprints: the documented byte layout, stability, and independence from position.
#include <catch2/catch.hpp>

#include "core/hash.h"
#include "rules/fingerprint.h"

using namespace exposcan;

TEST_CASE("the fingerprint message has the documented layout", "[fingerprint]") {
  const std::string sep(1, static_cast<char>(0xFF));
  CHECK(fingerprint_message("r", "i", "text", "v") == "exposcan-fp-1" + sep + "r" + sep + "i" + sep + "text" + sep + "v");
  CHECK(fingerprint_message("r", "i", "", "") == "exposcan-fp-1" + sep + "r" + sep + "i" + sep + sep);
  CHECK(fingerprint("k", "r", "i", "text", "v") == hmac_sha256_hex("k", fingerprint_message("r", "i", "text", "v")));
}

TEST_CASE("parts cannot run into each other", "[fingerprint]") {
  CHECK(fingerprint("k", "ab", "c") != fingerprint("k", "a", "bc"));
  // invalid UTF-8 (even a raw 0xFF) is replaced before joining, so it cannot forge a separator
  const std::string ff(1, static_cast<char>(0xFF));
  CHECK(fingerprint_message("a" + ff + "b", "c", "", "") != fingerprint_message("a", "b" + ff + "c", "", ""));
}

TEST_CASE("fingerprints depend on key and content, not on position", "[fingerprint]") {
  const auto a = fingerprint("key", "pii.email", "web:post:1", "text", normalise_value("email", "Jane@Example.org"));
  CHECK(a.size() == 64);
  CHECK(a == fingerprint("key", "pii.email", "web:post:1", "text", normalise_value("email", "jane@example.org")));
  CHECK(a != fingerprint("other", "pii.email", "web:post:1", "text", normalise_value("email", "jane@example.org")));
  CHECK(normalise_value("phone", "+1 (202) 555-0147") == "12025550147");
  CHECK(normalise_value("iban", "DE89 3704 0044 0532 0130 00") == "de89370400440532013000");
  CHECK(normalise_value("identity", "JANE\u00a0 Example") == "jane example");
}
