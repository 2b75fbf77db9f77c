#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/url.h"

using namespace exposcan;

TEST_CASE("Url parses components and renders them", "[url]") {
  auto u = Url::parse("HTTPS://Www.Example.ORG:443/a/./b/../c?x=1#frag");
  REQUIRE(u);
  CHECK(u->scheme() == "https");
  CHECK(u->host() == "www.example.org");
  CHECK(u->port() == 443);
  CHECK(u->path() == "/a/c");
  CHECK(u->query() == "x=1");
  CHECK(u->fragment() == "frag");
  CHECK(u->origin() == "https://www.example.org");
}

TEST_CASE("Url::normalized applies RFC 3986 section 6 normalisation", "[url]") {
  auto u = Url::parse("http://EXAMPLE.org:80/%7euser/%3a%2Fx?q=%7e#f");
  REQUIRE(u);
  CHECK(u->normalized().str() == "http://example.org/~user/%3A%2Fx?q=~");
  auto bare = Url::parse("https://example.org");
  REQUIRE(bare);
  CHECK(bare->normalized().str() == "https://example.org/");
  // The normal form has no user information: a logged-out visitor sends none, and reports and
  // the history never hold a password written into a URL.
  auto with_user = Url::parse("https://jane:secret@example.org/feed");
  REQUIRE(with_user);
  CHECK(with_user->normalized().str() == "https://example.org/feed");
}

TEST_CASE("international host names become their ASCII form", "[url]") {
  auto u = Url::parse("https://MÜNCHEN.example:8443/pfad/ä?q=ü#f");
  REQUIRE(u);
  CHECK(u->host() == "xn--mnchen-3ya.example");
  CHECK(u->origin() == "https://xn--mnchen-3ya.example:8443");
  CHECK(u->normalized().str() == "https://xn--mnchen-3ya.example:8443/pfad/%C3%A4?q=%C3%BC");
  // The Unicode and the punycode spelling are one host; IDNA2008 keeps ß (UTS #46 non-transitional).
  CHECK(Url::parse("http://münchen.example/")->host() == Url::parse("http://xn--mnchen-3ya.example/")->host());
  CHECK(Url::parse("http://faß.example/")->host() == "xn--fa-hia.example");
  auto resolved = Url::parse("https://example.org/")->resolve("//bücher.example/x");
  REQUIRE(resolved);
  CHECK(resolved->str() == "https://xn--bcher-kva.example/x");
  // A host that is not a valid IDN is a parse error, not a silently different host.
  CHECK_FALSE(Url::parse("http://\xCC\x81" "a.example/"));  // a label may not start with a combining mark
}

TEST_CASE("Url::resolve follows RFC 3986 section 5.4 examples", "[url]") {
  auto base = Url::parse("http://a/b/c/d;p?q");
  REQUIRE(base);
  const std::pair<const char*, const char*> cases[] = {
      {"g", "http://a/b/c/g"},          {"./g", "http://a/b/c/g"},       {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},             {"?y", "http://a/b/c/d;p?y"},    {"g?y", "http://a/b/c/g?y"},
      {"../g", "http://a/b/g"},         {"../..", "http://a/"},          {"../../g", "http://a/g"},
      {"http://other/x", "http://other/x"},
      // The rest of §5.4.1 (normal) and §5.4.2 (abnormal), as the RFC lists them, except "g:h" (a
      // scheme curl does not know is an error here: Url holds URLs exposcan can fetch).
      {"//g", "http://g/"},            {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},      {"g?y#s", "http://a/b/c/g?y#s"}, {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},      {"g;x?y#s", "http://a/b/c/g;x?y#s"}, {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},           {"./", "http://a/b/c/"},         {"..", "http://a/b/"},
      {"../", "http://a/b/"},           {"../../", "http://a/"},         {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},  {"/./g", "http://a/g"},          {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},        {".g", "http://a/b/c/.g"},       {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},      {"./../g", "http://a/b/g"},      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},    {"g/../h", "http://a/b/c/h"},    {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"}, {"g?y/./x", "http://a/b/c/g?y/./x"}, {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"}, {"g#s/../x", "http://a/b/c/g#s/../x"},
  };
  // A fragment alone is encoded as in any other reference, so the result can be a base again.
  CHECK(base->resolve("#a b")->str() == "http://a/b/c/d;p?q#a%20b");
  CHECK(base->resolve("#caf\xC3\xA9")->str() == "http://a/b/c/d;p?q#caf%C3%A9");
  CHECK(base->resolve("#a b")->resolve("x")->str() == "http://a/b/c/x");
  CHECK(base->resolve("#%41")->str() == "http://a/b/c/d;p?q#%41");
  for (const auto& [ref, want] : cases) {
    INFO("reference \"" << ref << "\"");
    auto r = base->resolve(ref);
    REQUIRE(r);
    CHECK(r->str() == want);
  }
}

TEST_CASE("host_of gives a URL's lower-case host or nothing", "[url]") {
  CHECK(host_of("https://Jane.Example:8443/posts/?q=1#top") == "jane.example");
  CHECK(host_of("http://[2001:DB8::1]/x") == "[2001:db8::1]");
  CHECK(host_of("https://MÜNCHEN.example/") == "xn--mnchen-3ya.example");
  CHECK(host_of("/relative/path").empty());
  CHECK(host_of("not a url").empty());
  CHECK(host_of("").empty());
}

TEST_CASE("Url rejects what is not an absolute URL", "[url]") {
  CHECK_FALSE(Url::parse("not a url"));
  CHECK_FALSE(Url::parse("/relative/path"));
  auto err = Url::parse("");
  REQUIRE_FALSE(err);
  CHECK(err.error().code == "url");
}

TEST_CASE("has_scheme recognises RFC 3986 schemes", "[url]") {
  CHECK(has_scheme("https://x"));
  CHECK(has_scheme("mailto:a@b"));
  CHECK_FALSE(has_scheme("/a:b"));
  CHECK_FALSE(has_scheme("1http://x"));
}

TEST_CASE("percent_decode decodes escapes and keeps what is not one", "[url]") {
  CHECK(percent_decode("/%40janeexample") == "/@janeexample");
  CHECK(percent_decode("%e2%82%ac%2F") == "\xE2\x82\xAC/");
  CHECK(percent_decode("a+b") == "a+b");  // '+' is a space only in form-encoded queries
  CHECK(percent_decode("100%") == "100%");
  CHECK(percent_decode("%zz%4") == "%zz%4");
  CHECK(percent_decode("%00x") == std::string("\0x", 2));
}

TEST_CASE("Url::parse answers a repeated URL as it did the first time (its per-thread memo)", "[url]") {
  // More distinct URLs than the memo holds, twice over, interleaved with failures and near-misses
  // (same prefix, other case, surrounding space): every answer equals a fresh parse's.
  std::vector<std::string> texts;
  for (int i = 0; i < 12; ++i) texts.push_back("https://Host" + std::to_string(i) + ".example.org/p/./" + std::to_string(i) + "?q#f");
  texts.insert(texts.end(), {"not a url", "https://host1.example.org/p/1?q#f ", " https://HOST1.example.org/p/1",
                             "http://[::1", ""});
  std::vector<std::optional<std::string>> first;
  for (const auto& t : texts) {
    auto u = Url::parse(t);
    first.push_back(u ? std::optional<std::string>(u->str() + "|" + u->host() + "|" + u->fragment()) : std::nullopt);
  }
  for (int round = 0; round < 3; ++round)
    for (size_t i = texts.size(); i-- > 0;) {
      INFO(texts[i]);
      auto u = Url::parse(texts[i]);
      CHECK((u ? std::optional<std::string>(u->str() + "|" + u->host() + "|" + u->fragment()) : std::nullopt) == first[i]);
    }
  CHECK(first[0].value_or("none") == "https://Host0.example.org/p/0?q#f|host0.example.org|f");
  CHECK_FALSE(first[12]);
}
