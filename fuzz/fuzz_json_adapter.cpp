// Fuzzes one platform adapter (EXPOSCAN_FUZZ_ADAPTER) through the registry, with the adapter's API
// URL and a Link header, so paging code runs too: the JSON adapters, and GitHub's commit patches (text).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "parsers/registry.h"

namespace {
std::string url_for(std::string_view adapter) {
  if (adapter == "mastodon") return "https://mastodon.social/api/v1/accounts/1/statuses";
  if (adapter == "activitypub") return "https://mastodon.social/users/janeexample/outbox?page=true";
  if (adapter == "bluesky") return "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=a.example";
  if (adapter == "reddit") return "https://www.reddit.com/user/janeexample/submitted.json";
  if (adapter == "github") return "https://api.github.com/users/janeexample/events/public";
  if (adapter == "wordpress") return "https://janeexample.wordpress.com/wp-json/wp/v2/posts";
  if (adapter == "tumblr") return "https://api.tumblr.com/v2/blog/janeexample/posts";
  if (adapter == "github_patch") return "https://github.com/janeexample/seed-planner/commit/4f6c1b2d9e8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b.patch";
  if (adapter == "x") return "https://cdn.syndication.twimg.com/tweet-result?id=1700000000000000001&token=a";
  if (adapter == "threads") return "https://www.threads.com/api/graphql";
  if (adapter == "stackexchange") return "https://api.stackexchange.com/2.3/users/4815162/answers?site=stackoverflow&filter=withbody&page=2";
  return "https://www.instagram.com/api/v1/users/web_profile_info/?username=janeexample";
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string k_adapter = EXPOSCAN_FUZZ_ADAPTER;
  exposcan::Page page;
  page.url = page.final_url = url_for(k_adapter);
  page.status = 200;
  page.content_type = k_adapter == "activitypub"    ? "application/activity+json"
                      : k_adapter == "github_patch" ? "text/plain; charset=utf-8"
                                                    : "application/json";
  page.user_directed = true;
  page.headers.push_back({"Link", "<" + page.url + "&max_id=1>; rel=\"next\""});
  page.body.assign(reinterpret_cast<const char*>(data), size);
  auto out = exposcan::parse_page(page);
  return out.items.size() > 100000000 ? 1 : 0;
}
