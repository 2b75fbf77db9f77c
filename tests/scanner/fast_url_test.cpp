// scanner/fast_url: the fast paths give exactly what core/url (curl_url) gives.
#include <catch2/catch.hpp>

#include "core/url.h"
#include "scanner/fast_url.h"

using namespace exposcan;

namespace {

std::string slow(std::string_view url) {
  auto u = Url::parse(url);
  REQUIRE(u);
  return u->normalized().str();
}

std::string slow_resolve(std::string_view base, std::string_view ref) {
  auto b = Url::parse(base);
  REQUIRE(b);
  auto r = b->resolve(ref);
  REQUIRE(r);
  return r->normalized().str();
}

}  // namespace

TEST_CASE("fast_url: plainly normal URLs are recognised and agree with curl", "[fast_url]") {
  for (std::string_view url : {
           "https://jane.example/",
           "http://127.0.0.1:18080/u/x/status/1.html",
           "https://jane.example/posts/?page=2",
           "https://a-b.example.org/x/y;p=1/z@w:v",
           "https://jane.example/search?q=%23tag",
           "https://jane.example/a%2Fb",
           "https://jane.example/~user/a_b.c-d",
           "https://jane.example:8443/",
       }) {
    INFO(url);
    auto origin = plain_normal_origin(url);
    REQUIRE(origin);
    CHECK(slow(url) == url);
    auto n = normalize_http_url(url);
    REQUIRE(n);
    CHECK(n->text == url);
    CHECK(n->origin() == Url::parse(url)->origin());
  }
}

TEST_CASE("fast_url: URLs that are not normal fall back and still agree with curl", "[fast_url]") {
  for (std::string_view url : {
           "HTTPS://Jane.Example/A",
           "https://jane.example",
           "https://jane.example:443/x",
           "http://jane.example:80/x",
           "https://jane.example/a/./b/../c",
           "https://jane.example/%7euser/%41%2f",
           "https://jane.example/a b",
           "https://jane.example/x#frag",
           "https://jane.example/x?",
           "http://127.1/",
           "http://0x7f.0.0.1/",
           "https://jane.example//double",
           "https://xn--bcher-kva.example/",
           "https://jane:secret@jane.example/feed",
       }) {
    INFO(url);
    auto n = normalize_http_url(url);
    REQUIRE(n);
    CHECK(n->text == slow(url));
    CHECK(n->origin() == Url::parse(n->text)->origin());
  }
  // No user information in what is fetched and recorded (Url::normalized drops it).
  CHECK(normalize_http_url("https://jane:secret@jane.example/feed")->text == "https://jane.example/feed");
}

TEST_CASE("fast_url: non-http and invalid URLs are refused", "[fast_url]") {
  CHECK_FALSE(normalize_http_url("mailto:jane@example.org"));
  CHECK_FALSE(normalize_http_url("file:///etc/passwd"));
  CHECK_FALSE(normalize_http_url("ftp://example.org/x"));
  CHECK_FALSE(normalize_http_url("not a url"));
  CHECK_FALSE(plain_normal_origin("https://jane.example/%7e"));  // lower-case, unreserved escape
}

TEST_CASE("fast_url: links resolve as RFC 3986 says", "[fast_url]") {
  const std::string base_text = "https://jane.example/posts/garden-notes/index.html?x=1";
  auto base = normalize_http_url(base_text);
  REQUIRE(base);
  for (std::string_view ref : {
           "/posts/", "other.html", "sub/dir/", "../up.html", "./here", "?q=2", "//cdn.example.net/a.js",
           "https://mastodon.social/@janeexample", "HTTPS://Jane.Example/X", "/a/./b/../c", "/search?q=%23tag",
           "/x#section", "  /trimmed  ", "/sp ace", "/%7euser",
       }) {
    INFO(ref);
    auto r = resolve_http_link(*base, ref);
    REQUIRE(r);
    CHECK(r->text == slow_resolve(base_text, ref));
  }
  // Tabs and newlines inside a value are dropped, as browsers do.
  CHECK(resolve_http_link(*base, "ta\tb\n.html")->text == "https://jane.example/posts/garden-notes/tab.html");
  CHECK_FALSE(resolve_http_link(*base, ""));
  CHECK_FALSE(resolve_http_link(*base, "#top"));
  CHECK_FALSE(resolve_http_link(*base, "mailto:jane@example.org"));
  CHECK_FALSE(resolve_http_link(*base, "javascript:void(0)"));
  CHECK_FALSE(resolve_http_link(*base, "tel:+12025550147"));
}

TEST_CASE("fast_url: host() strips the port", "[fast_url]") {
  CHECK(normalize_http_url("https://jane.example:8443/")->host() == "jane.example");
  CHECK(normalize_http_url("http://127.0.0.1:9/")->host() == "127.0.0.1");
  CHECK(normalize_http_url("http://[::1]:8080/")->host() == "[::1]");
  CHECK(normalize_http_url("https://jane.example/")->host() == "jane.example");
}
