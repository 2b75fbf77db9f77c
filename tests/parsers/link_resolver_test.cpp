#include <catch2/catch.hpp>

#include "parsers/link_resolver.h"

using namespace exposcan;

TEST_CASE("LinkResolver's fast path agrees with Url::resolve", "[links]") {
  const char* bases[] = {"https://jane.example.org/about/me.html?x=1#f", "http://example.com:8080/", "https://example.org"};
  const char* refs[] = {"/a/b?c=d#e", "a/b.html", "b", "/", "?q=1", "#frag", "../up", "./here", "a b", "//cdn.example/x",
                        "/%7Euser/", "x/./y", "caf\xC3\xA9"};
  for (const char* base : bases) {
    LinkResolver r(base);
    auto b = Url::parse(base);
    REQUIRE(b);
    for (const char* ref : refs) {
      auto want = b->resolve(ref);
      REQUIRE(want);
      INFO(base << " + " << ref);
      CHECK(r.resolve(ref) == want->str());
    }
  }
  LinkResolver r("https://jane.example.org/about/me.html#f");
  CHECK(r.resolve("") == "https://jane.example.org/about/me.html");
  // A fragment alone stays on the page (RFC 3986 §5.2.2; curl 7.88 alone gives ".../about/#top").
  CHECK(r.resolve("#top") == "https://jane.example.org/about/me.html#top");
  CHECK(LinkResolver("http://a/b/c/d;p?q").resolve("#s") == "http://a/b/c/d;p?q#s");
  CHECK(r.resolve("  HTTPS://Other.Example/X ") == "HTTPS://Other.Example/X");  // absolute: as written
  LinkResolver none("not a url");
  CHECK_FALSE(none.has_base());
  CHECK(none.resolve("rel/path") == "rel/path");
}
