// Golden tests: every platform adapter and source on the bundled samples (samples/sites), compared
// with tests/parsers/golden/<name>.json (UPDATE_GOLDEN=1 rewrites them; review the diff).
#include <catch2/catch.hpp>

#include "parsers/registry.h"
#include "tests/parsers/sample_pages.h"

using namespace exposcan;
using exposcan::test::SampleSpec;

namespace {

struct GoldenCase {
  const char* name;
  SampleSpec spec;
};

const std::string k_bsky = "https://public.api.bsky.app/xrpc/";
const std::string k_did = "did:plc:x7jnexmpl4jane2sprngfdq";

SampleSpec S(std::string url, std::string file, std::string ct, int status = 200, std::vector<HttpHeader> headers = {},
             std::string body = {}, std::string final_url = {}) {
  SampleSpec s;
  s.url = std::move(url);
  s.file = std::move(file);
  s.content_type = std::move(ct);
  s.status = status;
  s.headers = std::move(headers);
  s.body = std::move(body);
  s.final_url = std::move(final_url);
  return s;
}

std::vector<GoldenCase> cases() {
  return {
      {"bluesky_profile", S(k_bsky + "app.bsky.actor.getProfile?actor=janeexample.bsky.social", "public.api.bsky.app/_api/getProfile.json", "application/json")},
      {"bluesky_author_feed", S(k_bsky + "app.bsky.feed.getAuthorFeed?actor=janeexample.bsky.social&limit=50", "public.api.bsky.app/_api/getAuthorFeed.json", "application/json")},
      {"bluesky_user_intent", S(k_bsky + "com.atproto.repo.getRecord?repo=" + k_did + "&collection=org.user-intents.declaration&rkey=self", "public.api.bsky.app/_api/userIntent.json", "application/json")},
      {"bluesky_profile_html", S("https://bsky.app/profile/janeexample.bsky.social", "bsky.app/profile/janeexample.bsky.social/index.html", "text/html")},
      {"bluesky_rss", S("https://bsky.app/profile/did:plc:x7jnexmpl4jane2sprngfdq/rss", "bsky.app/_rss.xml", "application/rss+xml")},
      {"mastodon_account_api", S("https://mastodon.social/api/v1/accounts/lookup?acct=janeexample", "mastodon.social/_api/account.json", "application/json")},
      {"mastodon_statuses_api", S("https://mastodon.social/api/v1/accounts/110236031393675807/statuses", "mastodon.social/_api/statuses.json", "application/json",
                                 200, {{"Link", "<https://mastodon.social/api/v1/accounts/110236031393675807/statuses?max_id=115202077976969650>; rel=\"next\", <https://mastodon.social/api/v1/accounts/110236031393675807/statuses?min_id=117387362648795050>; rel=\"prev\""}})},
      {"mastodon_actor", S("https://mastodon.social/users/janeexample", "mastodon.social/_api/actor.activity.json", "application/activity+json")},
      {"mastodon_outbox_page", S("https://mastodon.social/users/janeexample/outbox?page=true", "mastodon.social/_api/outbox_page.activity.json", "application/activity+json")},
      {"mastodon_rss", S("https://mastodon.social/@janeexample.rss", "mastodon.social/@janeexample.rss", "application/rss+xml")},
      {"reddit_about", S("https://www.reddit.com/user/janeexample/about.json", "www.reddit.com/_api/about.json", "application/json")},
      {"reddit_submitted", S("https://www.reddit.com/user/janeexample/submitted.json", "www.reddit.com/_api/submitted.json", "application/json")},
      {"reddit_comments", S("https://www.reddit.com/user/janeexample/comments.json", "www.reddit.com/_api/comments.json", "application/json")},
      {"reddit_blocked", S("https://www.reddit.com/user/janeexample/", "www.reddit.com/_blocked.html", "text/html", 403)},
      {"reddit_rate_limited", S("https://www.reddit.com/user/janeexample/overview.json", "", "application/json", 429, {{"Retry-After", "60"}}, R"({"message": "Too Many Requests", "error": 429})")},
      {"github_user", S("https://api.github.com/users/janeexample", "api.github.com/_api/user.json", "application/json")},
      {"github_events", S("https://api.github.com/users/janeexample/events/public", "api.github.com/_api/events.json", "application/json",
                         200, {{"Link", "<https://api.github.com/user/131072042/events/public?page=2>; rel=\"next\", <https://api.github.com/user/131072042/events/public?page=2>; rel=\"last\""}})},
      {"github_social_accounts", S("https://api.github.com/users/janeexample/social_accounts", "api.github.com/_api/social_accounts.json", "application/json")},
      {"github_profile_html", S("https://github.com/janeexample", "github.com/janeexample/index.html", "text/html")},
      {"github_commit_patch", S("https://github.com/janeexample/seed-planner/commit/4f6c1b2d9e8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b.patch",
                                "github.com/_patches/4f6c1b2d9e8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b.patch", "text/plain")},
      {"github_patch_series", S("https://github.com/example-org/plant-db/commit/9e4f60b8.patch", "github.com/_patches/series.patch", "text/plain")},
      {"x_graphql_user", S("https://x.com/i/api/graphql/xc8f1g7BYqr6VTzTbvNlGw/UserByScreenName?variables=%7B%22screen_name%22%3A%22janeexample%22%7D",
                          "x.com/_api/user_by_screen_name.json", "application/json")},
      {"x_graphql_user_tweets", S("https://x.com/i/api/graphql/E3opETHurmVJflFsUBVuUQ/UserTweets?variables=%7B%22userId%22%3A%22276543210%22%7D",
                                 "x.com/_api/user_tweets.json", "application/json")},
      {"x_graphql_tweet_detail", S("https://x.com/i/api/graphql/nBS-WpgA6ZG0CyNHD517JQ/TweetDetail?variables=%7B%22focalTweetId%22%3A%221785000000000000001%22%7D",
                                  "x.com/_api/tweet_detail.json", "application/json")},
      {"x_saved_profile", S("https://x.com/janeexample", "x.com/_saved_profile.html", "text/html")},
      {"x_saved_status", S("https://x.com/janeexample/status/1785000000000000001", "x.com/_saved_status.html", "text/html")},
      {"youtube_channel", S("https://www.youtube.com/@janeexample", "www.youtube.com/@janeexample/index.html", "text/html")},
      {"youtube_about", S("https://www.youtube.com/@janeexample/about", "www.youtube.com/_about.html", "text/html")},
      {"youtube_videos_feed", S("https://www.youtube.com/feeds/videos.xml?channel_id=UCj4n3Ex4mpl3Spr1ngf1eld0", "www.youtube.com/_videos.xml", "text/xml")},
      {"youtube_consent_wall", S("https://www.youtube.com/@janeexample/community", "www.youtube.com/_consent.html", "text/html")},
      {"facebook_profile", S("https://www.facebook.com/janeexample", "www.facebook.com/janeexample/index.html", "text/html")},
      {"facebook_post_personal", S("https://www.facebook.com/janeexample/posts/pfbid02JaneSeedlings2026Spring5xQ", "www.facebook.com/janeexample/posts/pfbid02JaneSeedlings2026Spring5xQ/index.html", "text/html")},
      {"facebook_post_plain", S("https://www.facebook.com/janeexample/posts/pfbid0InkHeronOct2026xYz", "www.facebook.com/janeexample/posts/pfbid0InkHeronOct2026xYz/index.html", "text/html")},
      {"facebook_mobile_story", S("https://m.facebook.com/story.php?story_fbid=pfbid0BdayHike2026&id=100089412345678", "m.facebook.com/_story.html", "text/html")},
      {"facebook_login_wall", S("https://www.facebook.com/janeexample/photos", "www.facebook.com/_login.html", "text/html", 200, {}, "",
                               "https://www.facebook.com/login/?next=https%3A%2F%2Fwww.facebook.com%2Fjaneexample%2Fphotos")},
      {"threads_profile", S("https://www.threads.com/@janeexample", "www.threads.com/@janeexample/index.html", "text/html")},
      {"threads_post_personal", S("https://www.threads.com/@janeexample/post/DKq3sEedSw1", "www.threads.com/@janeexample/post/DKq3sEedSw1/index.html", "text/html")},
      {"threads_post_opengraph", S("https://www.threads.com/@janeexample/post/DKr7HeRon02", "www.threads.com/@janeexample/post/DKr7HeRon02/index.html", "text/html")},
      {"stackexchange_user", S("https://api.stackexchange.com/2.3/users/4815162?site=stackoverflow", "api.stackexchange.com/_api/user.json", "application/json")},
      {"stackexchange_questions", S("https://api.stackexchange.com/2.3/users/4815162/questions?site=stackoverflow&filter=withbody&pagesize=100&sort=creation",
                                   "api.stackexchange.com/_api/questions.json", "application/json")},
      {"stackexchange_answers", S("https://api.stackexchange.com/2.3/users/4815162/answers?site=stackoverflow&filter=withbody&pagesize=100&sort=creation",
                                 "api.stackexchange.com/_api/answers.json", "application/json")},
      {"stackexchange_comments", S("https://api.stackexchange.com/2.3/users/4815162/comments?site=stackoverflow&filter=withbody&pagesize=100&sort=creation",
                                  "api.stackexchange.com/_api/comments.json", "application/json")},
      {"x_profile", S("https://x.com/janeexample", "x.com/janeexample/index.html", "text/html")},
      {"x_post_plain", S("https://x.com/janeexample/status/1842617265553186817", "x.com/janeexample/status/1842617265553186817/index.html", "text/html")},
      {"x_post_personal", S("https://x.com/janeexample/status/1837001122334455667", "x.com/janeexample/status/1837001122334455667/index.html", "text/html")},
      {"x_javascript_wall", S("https://x.com/janeexample/likes", "x.com/_nojs.html", "text/html")},
      {"linkedin_profile", S("https://www.linkedin.com/in/janeexample", "www.linkedin.com/in/janeexample/index.html", "text/html")},
      {"linkedin_post", S("https://www.linkedin.com/posts/janeexample_fieldguide-illustration-activity-7247000000000000000-abcd",
                         "www.linkedin.com/posts/janeexample_fieldguide-illustration-activity-7247000000000000000-abcd/index.html", "text/html")},
      {"linkedin_authwall", S("https://www.linkedin.com/in/janeexample/recent-activity/all/", "www.linkedin.com/_authwall.html", "text/html", 200, {}, "",
                             "https://www.linkedin.com/authwall?trk=public_profile")},
      {"wordpress_posts_api", S("https://janeexample.wordpress.com/wp-json/wp/v2/posts?_embed=1", "janeexample.wordpress.com/_api/posts.json", "application/json")},
      {"wordpress_users_api", S("https://janeexample.wordpress.com/wp-json/wp/v2/users", "janeexample.wordpress.com/_api/users.json", "application/json")},
      {"wordpress_rss", S("https://janeexample.wordpress.com/feed/", "janeexample.wordpress.com/_feed.xml", "application/rss+xml")},
      {"tumblr_rss", S("https://janeexample.tumblr.com/rss", "janeexample.tumblr.com/_rss.xml", "application/rss+xml")},
      {"tumblr_api_v2", S("https://api.tumblr.com/v2/blog/janeexample/posts?npf=true", "janeexample.tumblr.com/_api/v2_posts.json", "application/json")},
      {"personal_site_rss", S("https://jane.example/feed.xml", "jane.example/feed.xml", "application/rss+xml")},
      {"personal_site_photo", S("https://jane.example/photos/harbour/", "jane.example/photos/harbour/index.html", "text/html")},
      {"waf_challenge", S("https://blog.example.org/", "blog.example.org/_challenge.html", "text/html", 403, {{"cf-mitigated", "challenge"}, {"Server", "cloudflare"}})},
      {"captcha_page", S("https://blog.example.org/about/", "blog.example.org/_captcha.html", "text/html", 403)},
      {"instagram_web_profile_info", S("https://www.instagram.com/api/v1/users/web_profile_info/?username=janeexample", "www.instagram.com/_api/web_profile_info_janeexample.json", "application/json")},
      {"instagram_post_html", S("https://www.instagram.com/p/DYb2LPfliYG/", "www.instagram.com/p/DYb2LPfliYG/index.html", "text/html")},
  };
}

}  // namespace

TEST_CASE("platform golden files: every adapter and source on the samples", "[golden]") {
  for (const auto& c : cases()) {
    DYNAMIC_SECTION(c.name) {
      ParseOutput out = parse_page(test::sample_page(c.spec));
      INFO(c.name);
      CHECK(test::compare_golden(c.name, out) == "");
      CHECK_FALSE(out.items.empty());
    }
  }
}
