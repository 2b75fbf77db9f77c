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
struct WallCase {
  Page page;
  Visibility v;
  const char* kind;
};

void expect_walls(const std::vector<WallCase>& cases) {
  for (const auto& c : cases) {
    INFO(c.page.url << " " << c.kind);
    auto w = detect_wall(c.page);
    REQUIRE(w);
    CHECK(w->visibility == c.v);
    CHECK(w->kind == c.kind);
    CHECK_FALSE(w->evidence.empty());
  }
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
  std::vector<WallCase> cases = {
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
  expect_walls(cases);
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

TEST_CASE("walls: vendor challenges, 401s, rate limits in 403s and gates reached by redirect", "[walls]") {
  const char* js = "application/json";
  std::vector<WallCase> cases = {
      // GitHub's REST API answers an exhausted quota with 403.
      {page_of("https://api.github.com/users/x", R"({"message":"API rate limit exceeded for 203.0.113.10."})", 403, {{"x-ratelimit-remaining", "0"}}, {}, js),
       Visibility::rate_limited, "rate-limited"},
      {page_of("https://api.github.com/users/x", R"({"message":"You have exceeded a secondary rate limit."})", 403, {{"retry-after", "60"}}, {}, js),
       Visibility::rate_limited, "rate-limited"},
      // The Stack Exchange API's daily quota: 400 with error_name throttle_violation.
      {page_of("https://api.stackexchange.com/2.3/users/7?site=stackoverflow",
               R"({"error_id":502,"error_message":"too many requests from this IP, more requests available in 78392 seconds","error_name":"throttle_violation"})",
               400, {}, {}, js),
       Visibility::rate_limited, "rate-limited"},
      {page_of("https://mastodon.example/api/v1/accounts/1/statuses", R"({"error":"This method requires an authenticated user"})", 401, {}, {}, js),
       Visibility::login_wall, "login-wall"},
      {page_of("https://jane.example/", "<title>Vercel Security Checkpoint</title>", 429, {{"x-vercel-mitigated", "challenge"}}), Visibility::blocked, "waf-challenge"},
      {page_of("https://jane.example/", "<script src=\"https://token.awswaf.com/x/challenge.js\"></script>", 202, {{"x-amzn-waf-action", "challenge"}}),
       Visibility::blocked, "waf-challenge"},
      {page_of("https://git.example.org/", "<title>Making sure you&#39;re not a bot!</title><script id=\"anubis_challenge\" type=\"application/json\">{}</script>"),
       Visibility::blocked, "waf-challenge"},
      {page_of("https://www.reddit.com/user/x/", "<title>Reddit - Prove your humanity</title><div>...</div>", 403), Visibility::blocked, "captcha"},
      {page_of("https://shop.example/", "<title>shop</title><script>window._pxAppId='PX1';</script>", 403), Visibility::blocked, "captcha"},
      {page_of("https://shop.example/", "<iframe id=\"main-iframe\" src=\"/_Incapsula_Resource?x=1\">Request unsuccessful. Incapsula incident ID: 1-2</iframe>"),
       Visibility::blocked, "waf-challenge"},
      {page_of("https://www.youtube.com/watch?v=abc", R"(<title>x - YouTube</title><script>var ytInitialPlayerResponse = {"playabilityStatus":{"status":"LOGIN_REQUIRED","reason":"Sign in to confirm you’re not a bot"}};</script>)"),
       Visibility::blocked, "bot-check"},
      {page_of("https://www.youtube.com/watch?v=abc", R"(<script>{"playabilityStatus":{"status":"LOGIN_REQUIRED","reason":"Sign in to confirm your age"}}</script>)"),
       Visibility::login_wall, "login-wall"},
      {page_of("https://www.instagram.com/janeexample/", "<title>Login \xE2\x80\xA2 Instagram</title><div id=\"root\"></div>"), Visibility::login_wall, "login-wall"},
      {page_of("https://www.threads.net/@janeexample", "<title>Threads \xE2\x80\xA2 Log in</title>"), Visibility::login_wall, "login-wall"},
      {page_of("https://www.youtube.com/@x", std::string("<title>Bevor Sie zu YouTube weitergehen</title>") + std::string(70000, ' ') +
                                                 "<form action=\"https://consent.youtube.com/save\" method=\"POST\"></form>"),
       Visibility::login_wall, "cookie-wall"},
      {page_of("https://medium.com/@jane", "<title>Medium</title>", 200, {}, "https://medium.com/m/signin?redirect=x"), Visibility::login_wall, "login-wall"},
      {page_of("https://www.youtube.com/", "<title>Sign in</title>", 200, {}, "https://accounts.google.com/v3/signin/identifier?continue=x"),
       Visibility::login_wall, "login-wall"},
      {page_of("https://janeexample.tumblr.com/", "<title>t</title>", 200, {}, "https://www.tumblr.com/privacy/consent?redirect=x"), Visibility::login_wall, "cookie-wall"},
      {page_of("https://old.reddit.com/r/x", "<title>r</title>", 200, {}, "https://old.reddit.com/over18?dest=x"), Visibility::login_wall, "age-gate"},
  };
  expect_walls(cases);
}

TEST_CASE("walls: pages about logins, robots, captchas and rate limits are not walls", "[walls]") {
  auto page = [](std::string title, std::string body, std::string url = "https://jane.example/posts/x/") {
    return page_of(std::move(url), "<title>" + title + "</title>" + body);
  };
  // A LinkedIn link copied from the browser bar on a homepage.
  CHECK_FALSE(detect_wall(page("Jane Example", "<a href=\"https://www.linkedin.com/authwall?trk=bf&amp;trkInfo=x\">LinkedIn</a>", "https://jane.example/")));
  // Cloudflare's script on every page of a site, and titles with challenge words in them.
  const std::string jsd = "<script src=\"/cdn-cgi/challenge-platform/scripts/jsd/main.js\"></script>";
  CHECK_FALSE(detect_wall(page("Robots.txt and AI crawlers: what I block", jsd)));
  CHECK_FALSE(detect_wall(page("Being human in the age of AI", jsd)));
  CHECK_FALSE(detect_wall(page_of("https://jane.example/gone", "<title>Not found</title>" + jsd, 404)));
  CHECK_FALSE(detect_wall(page("I, Robot: a re-read", "<form><div class=\"g-recaptcha\"></div></form>")));
  CHECK_FALSE(detect_wall(page("How to verify your Mastodon profile", "<div class=\"h-captcha\"></div>")));
  CHECK_FALSE(detect_wall(page("Rate limiting an API in Go with a token bucket", "<p>429</p>")));
  CHECK_FALSE(detect_wall(page("I got rate-limited by the GitHub API", "")));
  CHECK_FALSE(detect_wall(page("Before you continue: a note on this blog", "")));
  // A code sample with a password field, a forum's guest login box, a post quoting an interstitial.
  CHECK_FALSE(detect_wall(page("Building a login form with Flask", "<pre>&lt;input type=\"password\" name=\"pw\"&gt;</pre>")));
  CHECK_FALSE(detect_wall(page("Can't log in after upgrading - phpBB", "<form action=\"/ucp.php?mode=login\"><input type=\"password\"></form>")));
  CHECK_FALSE(detect_wall(page("Why does Gmail ask me to sign in?", "<article class=\"h-entry\"><q>Sign in to continue to Gmail</q></article>")));
  CHECK_FALSE(detect_wall(page("Why I left Twitter", "<p>x.com says JavaScript is not available.</p>")));
  // Titles that start with a sign-in phrase on platform hosts (an issue, a video, a post).
  CHECK_FALSE(detect_wall(page("Log in fails after upgrade \xC2\xB7 Issue #12 \xC2\xB7 o/r \xC2\xB7 GitHub", "", "https://github.com/o/r/issues/12")));
  CHECK_FALSE(detect_wall(page("Sign In With Google in React - YouTube", "", "https://www.youtube.com/watch?v=abc")));
  CHECK_FALSE(detect_wall(page("Sign up bonus question : r/personalfinance", "", "https://www.reddit.com/r/personalfinance/comments/x/")));
  CHECK_FALSE(detect_wall(page("Log in problems - phpBB", "<form><input type=\"password\"></form>")));
  // Vendor scripts every protected page carries (Cloudflare JS detections, PerimeterX, Imperva).
  CHECK_FALSE(detect_wall(page("Jane Example", "<script>a.src='/cdn-cgi/challenge-platform/h/b/scripts/jsd/1a2b/main.js'</script>", "https://jane.example/")));
  CHECK_FALSE(detect_wall(page("Shop", "<script>window._pxAppId = 'PX12345';</script>", "https://shop.example/")));
  CHECK_FALSE(detect_wall(page("Shop", "<script src=\"/_Incapsula_Resource?SWJIYLWA=abc\"></script>", "https://shop.example/")));
  CHECK_FALSE(detect_wall(page("Jane", "<script src=\"https://abc.token.awswaf.com/abc/challenge.js\"></script>", "https://jane.example/")));
  // Challenge words in the titles of small pages and feeds; a post quoting Facebook's interstitial.
  CHECK_FALSE(detect_wall(page("Just a Moment - Poem by Jane", "<p>Just a moment, and the light</p>")));
  CHECK_FALSE(detect_wall(page_of("https://sec.example.org/feed.xml", "<rss><channel><title>Access Denied | a security blog</title></channel></rss>", 200, {}, {},
                                  "application/rss+xml")));
  CHECK_FALSE(detect_wall(page("Why Facebook links break", "<p>It says \"You must log in to continue\".</p>")));
  // A redirect that ends on a host whose name starts like an identity provider's.
  CHECK_FALSE(detect_wall(page_of("http://id.loc.gov/authorities/names/n1", "<title>Jane Example - LC Name Authority File</title>", 200, {},
                                  "https://id.loc.gov/authorities/names/n1.html")));
  // Redirects to slugs that start like a sign-in path.
  for (const char* slug : {"/sessions-2024/", "/login-page-design-tips/", "/checkpoint-charlie-visit/", "/signins-and-signups/"}) {
    INFO(slug);
    CHECK_FALSE(detect_wall(page_of(std::string("http://jane.example") + slug, "<title>t</title>", 200, {}, std::string("https://jane.example") + slug)));
  }
}

// Facebook writes its refusal with a typographic apostrophe and says "at the moment" as often as
// "right now" (strings taken from intercepted answers quoted by public scrapers; the JSON in its
// scripts escapes the apostrophe as \u2019).
TEST_CASE("walls: facebook refusals as Facebook writes them", "[walls][facebook]") {
  expect_walls({
      {page_of("https://www.facebook.com/janeexample/posts/1", "<title>Facebook</title><span>This content isn\u2019t available at the moment</span>"),
       Visibility::login_wall, "content-unavailable"},
      {page_of("https://www.facebook.com/janeexample/posts/2", "<title>Facebook</title><span>This content isn't available at the moment</span>"),
       Visibility::login_wall, "content-unavailable"},
      {page_of("https://www.facebook.com/janeexample/posts/3",
               R"(<title>Facebook</title><script type="application/json">{"title":"This content isn\u2019t available right now"}</script>)"),
       Visibility::login_wall, "content-unavailable"},
  });
  // Elsewhere the words are someone's text.
  CHECK_FALSE(detect_wall(page_of("https://blog.example.org/post", "<title>Notes</title><p>This content isn\u2019t available at the moment, sorry.</p>")));
}
