#include "app/targets.h"

#include "core/url.h"

namespace exposcan {
namespace {

// Hosts where one account is a path of a shared site; their other pages are other people's.
struct PlatformScope {
  const char* host;
  std::vector<std::string> include;  // the account's own pages outside its path prefix
  std::vector<std::string> exclude = {};  // pages under the prefix that are other people's lists
};

const std::vector<PlatformScope>& platform_scopes() {
  static const std::vector<PlatformScope> k = {
      {"www.instagram.com", {"/p/*", "/reel/*"}},
      {"instagram.com", {"/p/*", "/reel/*"}},
      {"mastodon.social", {}, {"/@*/following", "/@*/followers"}},
      {"www.facebook.com", {}},
      {"m.facebook.com", {}},
      {"x.com", {}},
      {"twitter.com", {}},
      {"www.linkedin.com", {}},
      {"www.reddit.com", {}},
      {"old.reddit.com", {}},
      {"github.com", {}},
      {"www.youtube.com", {}},
      {"bsky.app", {}},
  };
  return k;
}

// The same account's public endpoints, fetched as user-directed seeds (DESIGN §6).
void add_platform_seeds(CrawlTarget& t, const Url& url) {
  std::string user = url.path();
  while (!user.empty() && user.back() == '/') user.pop_back();
  if (!user.empty() && user[0] == '/') user.erase(0, 1);
  if (user.empty() || user.find('/') != std::string::npos) return;
  if (url.host() == "www.instagram.com" || url.host() == "instagram.com")
    t.seeds.push_back("https://www.instagram.com/api/v1/users/web_profile_info/?username=" + user);
}

}  // namespace

Expected<CrawlTarget> expand_target(const std::string& target) {
  auto url = Url::parse(target);
  if (!url || !url->is_http())
    return make_error("usage", "invalid target '" + target + "': expected an http:// or https:// URL");
  CrawlTarget t;
  t.name = target;
  t.url = url->normalized().str();
  for (const auto& p : platform_scopes()) {
    if (url->host() != p.host) continue;
    std::string path = url->path();
    // "/@jane" and "/@jane/" both scope to "/@jane/..."; the profile page itself stays in scope.
    if (!path.empty() && path.back() != '/') path += '/';
    t.scope.path_prefix = path;
    t.scope.include = p.include;
    t.scope.exclude = p.exclude;
    add_platform_seeds(t, *url);
    return t;
  }
  t.scope.path_prefix = "/";  // a person's own site: all of it
  return t;
}

Expected<std::vector<CrawlTarget>> expand_targets(const std::vector<std::string>& targets) {
  std::vector<CrawlTarget> out;
  for (const auto& t : targets) {
    auto e = expand_target(t);
    if (!e) return e.error();
    out.push_back(std::move(*e));
  }
  return out;
}

}  // namespace exposcan
