#include <catch2/catch.hpp>

#include "parsers/registry.h"
#include "parsers/walls.h"
#include "tests/parsers/sample_pages.h"

using namespace exposcan;

namespace {
Page page_of(std::string url, std::string body, int status = 200, std::vector<HttpHeader> headers = {}, std::string final_url = {},
             std::string ct = "text/html") {
  test::SampleSpec s;
  s.url = std::move(url);
  s.body = std::move(body);
  s.status = status;
  s.headers = std::move(headers);
  s.final_url = std::move(final_url);
  s.content_type = std::move(ct);
  return test::sample_page(s);
}
}  // namespace

TEST_CASE("walls: redirect to a sign-in page is a login wall", "[walls]") {
  auto w = detect_wall(page_of("https://www.instagram.com/janeexample/tagged/", "<title>Instagram</title>", 200, {},
                               "https://www.instagram.com/accounts/login/?next=%2Fjaneexample%2Ftagged%2F"));
  REQUIRE(w);
  CHECK(w->visibility == Visibility::login_wall);
  CHECK(w->kind == "login-wall");
  CHECK(w->evidence == "redirected to the sign-in page https://www.instagram.com/accounts/login/?next=%2Fjaneexample%2Ftagged%2F");
}

TEST_CASE("walls: sign-in interstitials / consent walls / challenges / captchas / rate limits", "[walls]") {
  struct Case {
    Page page;
    Visibility v;
    const char* kind;
  };
  std::vector<Case> cases = {
      {page_of("https://www.facebook.com/x", "<title>Log into Facebook</title><form id=\"login_form\"><input type=\"password\"></form>"), Visibility::login_wall, "login-wall"},
      {page_of("https://www.linkedin.com/in/x", "<meta name=\"pageKey\" content=\"d_checkpoint_lg_authwall\"><title>LinkedIn</title>"), Visibility::login_wall, "login-wall"},
      {page_of("https://www.youtube.com/@x", "<title>Before you continue to YouTube</title>"), Visibility::login_wall, "cookie-wall"},
      {page_of("https://consent.youtube.com/m?continue=x", "<title>x</title>"), Visibility::login_wall, "cookie-wall"},
      {page_of("https://blog.example.org/", "<title>Just a moment...</title>", 403), Visibility::blocked, "waf-challenge"},
      {page_of("https://blog.example.org/", "x", 403, {{"cf-mitigated", "challenge"}}), Visibility::blocked, "waf-challenge"},
      {page_of("https://shop.example/", "<title>Attention Required! | Cloudflare</title><div class=\"g-recaptcha\"></div>", 403), Visibility::blocked, "captcha"},
      {page_of("https://news.example/", "<script src=\"https://ct.captcha-delivery.com/c.js\"></script>", 403), Visibility::blocked, "captcha"},
      {page_of("https://news.example/", "<title>Access Denied</title>You don't have permission. Reference #18.1", 403), Visibility::blocked, "waf-challenge"},
      {page_of("https://www.reddit.com/user/x/", "You've been blocked by network security.", 403), Visibility::blocked, "blocked"},
      {page_of("https://www.reddit.com/user/x/about.json", "{\"message\": \"Too Many Requests\", \"error\": 429}", 429, {}, {}, "application/json"), Visibility::rate_limited, "rate-limited"},
      {page_of("https://x.com/x", "<title>Rate limit exceeded</title>"), Visibility::rate_limited, "rate-limited"},
      {page_of("https://x.com/x/likes", "<h1>JavaScript is not available.</h1> ... continue using x.com."), Visibility::unknown, "javascript-required"},
  };
  for (const auto& c : cases) {
    INFO(c.page.url << " " << c.kind);
    auto w = detect_wall(c.page);
    REQUIRE(w);
    CHECK(w->visibility == c.v);
    CHECK(w->kind == c.kind);
    CHECK_FALSE(w->evidence.empty());
  }
}

TEST_CASE("walls: ordinary pages that mention logging in or embed a captcha are not walls", "[walls]") {
  CHECK_FALSE(detect_wall(page_of("https://jane.example/posts/x/", "<title>How I log in to my garden shed</title><p>I use a padlock.</p>")));
  CHECK_FALSE(detect_wall(page_of("https://jane.example/contact/", "<title>Contact</title><form><div class=\"g-recaptcha\"></div></form>")));
  CHECK_FALSE(detect_wall(page_of("https://jane.example/", "<title>Jane Example</title><a href=\"/login\">Log in</a>")));
  for (auto [url, file] : {std::pair{"https://www.instagram.com/janeexample/", "www.instagram.com/janeexample/index.html"},
                           std::pair{"https://mastodon.social/@janeexample", "mastodon.social/@janeexample/index.html"},
                           std::pair{"https://jane.example/", "jane.example/index.html"}}) {
    INFO(url);
    CHECK_FALSE(detect_wall(page_of(url, test::read_text(test::source_dir() / "samples/sites" / file))));
  }
}

TEST_CASE("walls: the registry turns a wall into one explained item", "[walls][registry]") {
  auto out = parse_page(page_of("https://blog.example.org/", test::read_text(test::source_dir() / "samples/sites/blog.example.org/_challenge.html"), 403,
                                {{"cf-mitigated", "challenge"}}));
  REQUIRE(out.items.size() == 1);
  const Item& it = out.items[0];
  CHECK(it.visibility == Visibility::blocked);
  CHECK(it.extractor == "wall-detector");
  CHECK(test::has_field(it, "wall", "waf-challenge"));
  CHECK(test::has_field(it, "evidence", "Cloudflare challenge (cf-mitigated: challenge)"));
  CHECK(test::has_field(it, "http_status", "403"));
  // A page the user did not list that fails is not an item.
  Page linked = page_of("https://blog.example.org/other", "nope", 404);
  linked.user_directed = false;
  CHECK(parse_page(linked).items.empty());
  // LinkedIn's 999 is a block.
  auto li = parse_page(page_of("https://www.linkedin.com/in/janeexample/details/", "", 999));
  REQUIRE(li.items.size() == 1);
  CHECK(li.items[0].visibility == Visibility::blocked);
}
