#include "app/targets.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/platforms/stackexchange.h"
#include "parsers/registry.h"

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
      {"www.threads.com", {}},
      {"threads.com", {}},
      {"www.threads.net", {}},
      {"threads.net", {}},
      {"medium.com", {}},
      {"stackoverflow.com", {}},
      {"www.pinterest.com", {}},
      {"www.deviantart.com", {}},
  };
  return k;
}

std::string url_encode(std::string_view s) {
  static const char* k_hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (is_ascii_alnum(static_cast<char>(c)) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else {
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 15];
    }
  }
  return out;
}

// A platform account target: the profile URL, the same account's feed and API URLs as
// user-directed seeds (DESIGN §6), and a scope that holds the account's pages and API paging.
CrawlTarget account_target(std::string name, std::string url, std::string path_prefix) {
  CrawlTarget t;
  t.name = std::move(name);
  auto u = Url::parse(url);
  t.url = u ? u->normalized().str() : url;
  t.scope.path_prefix = std::move(path_prefix);
  return t;
}

void add_api(CrawlTarget& t, const std::string& origin, std::string seed, std::vector<std::string> include) {
  if (std::find(t.scope.extra_origins.begin(), t.scope.extra_origins.end(), origin) == t.scope.extra_origins.end() &&
      Url::parse(t.url) && Url::parse(t.url)->origin() != origin)
    t.scope.extra_origins.push_back(origin);
  if (!seed.empty()) t.seeds.push_back(std::move(seed));
  for (auto& i : include) t.scope.include.push_back(std::move(i));
}

Expected<CrawlTarget> mastodon_target(const std::string& name, std::string_view handle) {
  // "@jane@mastodon.social" or "jane@mastodon.social"
  if (!handle.empty() && handle[0] == '@') handle.remove_prefix(1);
  size_t at = handle.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= handle.size())
    return make_error("usage", "invalid target '" + name + "': expected mastodon:@user@host");
  std::string user(handle.substr(0, at)), host = ascii_lower(handle.substr(at + 1));
  std::string origin = "https://" + host;
  CrawlTarget t = account_target(name, origin + "/@" + user, "/@" + user + "/");
  t.scope.exclude = {"/@*/following", "/@*/followers"};
  t.seeds.push_back(origin + "/@" + user + ".rss");
  t.seeds.push_back(origin + "/api/v1/accounts/lookup?acct=" + url_encode(user));
  // The lookup answer links the account's statuses (/api/v1/accounts/<id>/statuses, max_id paging)
  // and the ActivityPub outbox lives under /users/<user>/.
  t.scope.include = {"/@" + user + ".rss", "/api/v1/accounts/*", "/users/" + user + "/*"};
  return t;
}

CrawlTarget bluesky_target(const std::string& name, std::string handle) {
  if (!handle.empty() && handle[0] == '@') handle.erase(0, 1);
  handle = ascii_lower(handle);
  CrawlTarget t = account_target(name, "https://bsky.app/profile/" + handle, "/profile/" + handle + "/");
  const std::string api = "https://public.api.bsky.app";
  const std::string actor = url_encode(handle);
  add_api(t, api, api + "/xrpc/app.bsky.actor.getProfile?actor=" + actor, {"/xrpc/app.bsky.actor.getProfile?actor=" + actor + "*"});
  // includePins: the post the person pinned comes first (again at its place), marked with #reasonPin.
  add_api(t, api, api + "/xrpc/app.bsky.feed.getAuthorFeed?actor=" + actor + "&limit=50&includePins=true",
          {"/xrpc/app.bsky.feed.getAuthorFeed?actor=" + actor + "*"});
  // The proposed user-intent declaration; absent for most accounts (a 400 then is not a failure).
  add_api(t, api, api + "/xrpc/com.atproto.repo.getRecord?repo=" + actor + "&collection=org.user-intents.declaration&rkey=self",
          {"/xrpc/com.atproto.repo.getRecord?repo=" + actor + "*"});
  t.scope.include.push_back("/profile/did:*/rss");
  return t;
}

CrawlTarget reddit_target(const std::string& name, std::string user) {
  if (user.rfind("u/", 0) == 0) user.erase(0, 2);
  const std::string base = "https://www.reddit.com/user/" + user;
  CrawlTarget t = account_target(name, base + "/", "/user/" + user + "/");
  for (const char* listing : {"about.json", "submitted.json", "comments.json"}) t.seeds.push_back(base + "/" + listing);
  t.scope.include = {"/user/" + user + "/*.json*"};
  return t;
}

CrawlTarget github_target(const std::string& name, const std::string& user) {
  CrawlTarget t = account_target(name, "https://github.com/" + user, "/" + user);
  const std::string api = "https://api.github.com";
  add_api(t, api, api + "/users/" + user, {"/users/" + user + "*", "/user/*/events/public*"});
  // The head commit of each push in the events list, as a patch (parsers/platforms/github.h), in
  // the account's repositories and elsewhere; only that URL shape, never the commit pages.
  t.scope.include.push_back("/*/*/commit/*.patch$");
  return t;
}

CrawlTarget instagram_target(const std::string& name, const std::string& user) {
  CrawlTarget t = account_target(name, "https://www.instagram.com/" + user + "/", "/" + user + "/");
  t.scope.include = {"/p/*", "/reel/*", "/api/v1/users/web_profile_info/?username=" + user + "*"};
  t.seeds.push_back("https://www.instagram.com/api/v1/users/web_profile_info/?username=" + user);
  return t;
}

CrawlTarget youtube_target(const std::string& name, std::string handle) {
  if (handle.empty() || handle[0] != '@') handle = "@" + handle;
  CrawlTarget t = account_target(name, "https://www.youtube.com/" + handle, "/" + handle + "/");
  // The channel page names its channel id; its feeds/videos.xml link is followed as a feed. The
  // about panel (/about) holds the country, the join date and the links the owner lists.
  t.scope.include = {"/feeds/videos.xml?channel_id=*", "/channel/*"};
  t.seeds.push_back("https://www.youtube.com/" + handle + "/about");
  return t;
}

CrawlTarget threads_target(const std::string& name, std::string handle) {
  if (!handle.empty() && handle[0] == '@') handle.erase(0, 1);
  handle = ascii_lower(handle);
  // The profile page embeds the account and its recent threads; each thread's page
  // (/@NAME/post/CODE) embeds the post and the replies under it.
  return account_target(name, "https://www.threads.com/@" + handle, "/@" + handle + "/");
}

// A Medium author: the profile (/@NAME, posts under it) and the author's RSS (/feed/@NAME).
CrawlTarget medium_target(const std::string& name, std::string handle) {
  if (!handle.empty() && handle[0] == '@') handle.erase(0, 1);
  CrawlTarget t = account_target(name, "https://medium.com/@" + handle, "/@" + handle + "/");
  t.seeds.push_back("https://medium.com/feed/@" + handle);
  t.scope.include = {"/feed/@" + handle + "$"};
  return t;
}

// A Substack publication: the whole site and its RSS (/feed).
CrawlTarget substack_target(const std::string& name, const std::string& publication) {
  CrawlTarget t = account_target(name, "https://" + ascii_lower(publication) + ".substack.com/", "/");
  t.seeds.push_back("https://" + ascii_lower(publication) + ".substack.com/feed");
  return t;
}

// A Stack Exchange user ("stackoverflow:ID", "stackexchange:SITE:ID"): the profile page and the
// public API's user, questions, answers and comments (with bodies; has_more paging).
Expected<CrawlTarget> stackexchange_target(const std::string& name, const std::string& site, const std::string& id) {
  if (id.empty() || !std::all_of(id.begin(), id.end(), [](char c) { return is_ascii_digit(c); }) || site.empty() ||
      !std::all_of(site.begin(), site.end(), [](char c) { return is_ascii_alnum(c) || c == '.' || c == '-'; }))
    return make_error("usage", "invalid target '" + name + "': expected stackoverflow:USER_ID or stackexchange:SITE:USER_ID");
  CrawlTarget t = account_target(name, stackexchange_origin(site) + "/users/" + id, "/users/" + id + "/");
  const std::string api = "https://api.stackexchange.com";
  const std::string base = "/2.3/users/" + id;
  add_api(t, api, api + base + "?site=" + site, {base + "?*", base + "/*"});
  for (const char* kind : {"questions", "answers", "comments"})
    t.seeds.push_back(api + base + "/" + kind + "?site=" + site + "&filter=withbody&pagesize=100&sort=creation");
  return t;
}

// Pinterest: the profile and its public RSS (/NAME/feed.rss).
CrawlTarget pinterest_target(const std::string& name, const std::string& user) {
  CrawlTarget t = account_target(name, "https://www.pinterest.com/" + user + "/", "/" + user + "/");
  t.seeds.push_back("https://www.pinterest.com/" + user + "/feed.rss");
  return t;
}

// DeviantArt: the profile and the gallery's RSS on backend.deviantart.com.
CrawlTarget deviantart_target(const std::string& name, const std::string& user) {
  CrawlTarget t = account_target(name, "https://www.deviantart.com/" + user, "/" + user + "/");
  const std::string rss = "https://backend.deviantart.com";
  add_api(t, rss, rss + "/rss.xml?type=deviation&q=by%3A" + url_encode(user) + "+sort%3Atime", {"/rss.xml?*"});
  return t;
}

struct Prefix {
  std::string_view scheme;
  std::string_view platform;
};

// "mastodon:@jane@mastodon.social", "bsky:jane.bsky.social", ... → the platform target.
std::optional<Expected<CrawlTarget>> platform_target(const std::string& target) {
  size_t colon = target.find(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::string scheme = ascii_lower(std::string_view(target).substr(0, colon));
  if (scheme == "http" || scheme == "https" || scheme == "file") return std::nullopt;
  std::string rest(trim(std::string_view(target).substr(colon + 1)));
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  if (rest.empty()) return Expected<CrawlTarget>(make_error("usage", "invalid target '" + target + "': the account name is missing"));
  std::string bare = rest[0] == '@' ? rest.substr(1) : rest;
  if (scheme == "mastodon" || scheme == "fediverse") return mastodon_target(target, rest);
  if (scheme == "bsky" || scheme == "bluesky") return Expected<CrawlTarget>(bluesky_target(target, rest));
  if (scheme == "reddit") return Expected<CrawlTarget>(reddit_target(target, bare));
  if (scheme == "github") return Expected<CrawlTarget>(github_target(target, bare));
  if (scheme == "instagram") return Expected<CrawlTarget>(instagram_target(target, bare));
  if (scheme == "youtube") return Expected<CrawlTarget>(youtube_target(target, rest));
  if (scheme == "x" || scheme == "twitter") return Expected<CrawlTarget>(account_target(target, "https://x.com/" + bare, "/" + bare + "/"));
  if (scheme == "threads") return Expected<CrawlTarget>(threads_target(target, bare));
  if (scheme == "stackoverflow") return stackexchange_target(target, "stackoverflow", bare);
  if (scheme == "stackexchange") {
    size_t colon2 = bare.find(':');
    return stackexchange_target(target, ascii_lower(bare.substr(0, colon2)), colon2 == std::string::npos ? "" : bare.substr(colon2 + 1));
  }
  if (scheme == "pinterest") return Expected<CrawlTarget>(pinterest_target(target, bare));
  if (scheme == "deviantart") return Expected<CrawlTarget>(deviantart_target(target, bare));
  if (scheme == "medium") return Expected<CrawlTarget>(medium_target(target, bare));
  if (scheme == "substack") return Expected<CrawlTarget>(substack_target(target, bare));
  if (scheme == "linkedin")
    return Expected<CrawlTarget>(account_target(target, "https://www.linkedin.com/in/" + bare + "/", "/in/" + bare + "/"));
  if (scheme == "facebook") return Expected<CrawlTarget>(account_target(target, "https://www.facebook.com/" + bare, "/" + bare + "/"));
  if (scheme == "tumblr") {
    CrawlTarget t = account_target(target, "https://" + bare + ".tumblr.com/", "/");
    t.seeds.push_back("https://" + bare + ".tumblr.com/rss");
    return Expected<CrawlTarget>(std::move(t));
  }
  return Expected<CrawlTarget>(make_error(
      "usage", "invalid target '" + target +
                   "': expected an http:// or https:// URL, a saved file, or PLATFORM:ACCOUNT (mastodon:@user@host, bsky:handle, "
                   "instagram:NAME, threads:NAME, reddit:NAME, github:NAME, x:NAME, linkedin:NAME, youtube:@NAME, facebook:NAME, "
                   "tumblr:NAME, medium:@NAME, substack:NAME, pinterest:NAME, deviantart:NAME, stackoverflow:USER_ID, stackexchange:SITE:USER_ID)"));
}

// A profile URL on a platform host gets the same seeds as its PLATFORM:ACCOUNT form.
std::optional<CrawlTarget> platform_target_for_url(const std::string& target, const Url& url) {
  std::vector<std::string> segs;
  for (auto s : split(url.path(), '/'))
    if (!s.empty()) segs.emplace_back(s);
  const std::string& host = url.host();
  if (host == "bsky.app" && segs.size() == 2 && segs[0] == "profile") return bluesky_target(target, segs[1]);
  if ((host == "www.reddit.com" || host == "old.reddit.com") && segs.size() == 2 && (segs[0] == "user" || segs[0] == "u"))
    return reddit_target(target, segs[1]);
  if (host == "github.com" && segs.size() == 1) return github_target(target, segs[0]);
  if ((host == "www.instagram.com" || host == "instagram.com") && segs.size() == 1) return instagram_target(target, segs[0]);
  if (host == "www.youtube.com" && segs.size() == 1 && segs[0][0] == '@') return youtube_target(target, segs[0]);
  if (host == "stackoverflow.com" && segs.size() >= 2 && segs[0] == "users") {
    auto t = stackexchange_target(target, "stackoverflow", segs[1]);
    if (t) return std::move(*t);
  }
  if ((host == "www.pinterest.com" || host == "pinterest.com") && segs.size() == 1) return pinterest_target(target, segs[0]);
  if (host == "www.deviantart.com" && segs.size() == 1) return deviantart_target(target, segs[0]);
  if (host == "medium.com" && segs.size() == 1 && segs[0].size() > 1 && segs[0][0] == '@') return medium_target(target, segs[0]);
  if (segs.empty() && host.size() > 13 && host.ends_with(".substack.com") && host.find('.') == host.size() - 13)
    return substack_target(target, host.substr(0, host.size() - 13));
  if (platform_for_host(host) == "threads" && segs.size() == 1 && segs[0].size() > 1 && segs[0][0] == '@')
    return threads_target(target, segs[0]);
  if (segs.empty() && host.size() > 14 && host.compare(host.size() - 14, 14, ".wordpress.com") == 0) {
    // A WordPress.com blog: the whole site, plus its REST API's posts (with authors and media).
    CrawlTarget t = account_target(target, url.normalized().str(), "/");
    t.seeds.push_back(url.origin() + "/wp-json/wp/v2/posts?_embed=1");
    return t;
  }
  if (segs.size() == 1 && segs[0].size() > 1 && segs[0][0] == '@' && segs[0].find('@', 1) == std::string::npos) {
    // https://<instance>/@user: Mastodon and compatible servers.
    if (host == "mastodon.social" || host.find("mastodon") != std::string::npos || host.find("mstdn") != std::string::npos) {
      auto t = mastodon_target(target, segs[0] + "@" + host);
      if (t) return std::move(*t);
    }
  }
  return std::nullopt;
}

}  // namespace

Expected<CrawlTarget> expand_target(const std::string& target) {
  if (auto p = platform_target(target)) return std::move(*p);
  auto url = Url::parse(target);
  if (!url || !url->is_http())
    return make_error("usage", "invalid target '" + target + "': expected an http:// or https:// URL");
  if (auto t = platform_target_for_url(target, *url)) return std::move(*t);
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

std::vector<std::string> targets_from_identity(const std::vector<std::string>& handles, const std::vector<std::string>& profiles) {
  std::vector<std::string> out;
  std::vector<std::string> urls;  // expanded start URLs, to drop duplicates
  auto add = [&](const std::string& target) {
    auto t = expand_target(target);
    if (!t) return;
    if (std::find(urls.begin(), urls.end(), t->url) != urls.end()) return;
    urls.push_back(t->url);
    out.push_back(target);
  };
  for (const auto& p : profiles) add(p);
  for (const auto& h : handles) {
    std::string_view v = trim(h);
    if (v.find(':') != std::string_view::npos && v.find("://") == std::string_view::npos) add(std::string(v));
    // "@user@host" is a fediverse address.
    else if (v.size() > 3 && v[0] == '@' && v.find('@', 1) != std::string_view::npos) add("mastodon:" + std::string(v));
    // A bare name ("janeexample") says nothing about where it is used: it is matched, not crawled.
  }
  return out;
}

}  // namespace exposcan
