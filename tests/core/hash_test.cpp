#include <catch2/catch.hpp>

#include "core/hash.h"

using namespace exposcan;

TEST_CASE("base64 decodes RFC 4648 test vectors and refuses what is not base64", "[hash]") {
  // RFC 4648 §10.
  const std::pair<const char*, const char*> vectors[] = {{"", ""},         {"Zg==", "f"},         {"Zm8=", "fo"},
                                                         {"Zm9v", "foo"}, {"Zm9vYg==", "foob"}, {"Zm9vYmE=", "fooba"},
                                                         {"Zm9vYmFy", "foobar"}};
  for (const auto& [encoded, plain] : vectors) {
    INFO(encoded);
    const auto decoded = base64_decode(encoded);
    REQUIRE(decoded);
    CHECK(*decoded == plain);
    CHECK(base64_encode(plain) == encoded);
  }
  CHECK(base64_decode(" Zm9v\r\n YmFy\n") == std::optional<std::string>("foobar"));  // line breaks as in MIME
  CHECK(base64_decode(std::string_view("AAE=", 4)) == std::optional<std::string>(std::string("\0\1", 2)));
  CHECK_FALSE(base64_decode("Zm9"));        // not a multiple of four
  CHECK_FALSE(base64_decode("not base64!"));
  CHECK_FALSE(base64_decode("Zm9v!A=="));
}
