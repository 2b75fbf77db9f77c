#include "parsers/registry.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"
#include "core/url.h"
#include "parsers/feeds.h"
#include "parsers/generic_html.h"
#include "parsers/page_signals.h"
#include "parsers/platforms/activitypub.h"
#include "parsers/platforms/blogs.h"
#include "parsers/platforms/bluesky.h"
#include "parsers/platforms/github.h"
#include "parsers/platforms/instagram.h"
#include "parsers/platforms/mastodon.h"
#include "parsers/platforms/platform_common.h"
#include "parsers/platforms/reddit.h"
#include "parsers/platforms/social_html.h"
#include "parsers/platforms/stackexchange.h"
#include "parsers/platforms/threads.h"
#include "parsers/platforms/x_syndication.h"
#include "parsers/walls.h"

namespace exposcan {
namespace {

enum class Shape { html, json, feed, other };

Shape shape_of(const Page& page) {
  const std::string& ct = page.content_type;
  if (ct == "application/feed+json" || ct.find("rss") != std::string::npos || ct.find("atom") != std::string::npos ||
      ct == "application/rdf+xml")
    return Shape::feed;
  if (ct.find("html") != std::string::npos) return sniff_feed(page.body) != FeedFormat::none ? Shape::feed : Shape::html;
  if (ct.find("json") != std::string::npos || ct == "text/javascript" || ct == "application/javascript")
    return sniff_feed(page.body) == FeedFormat::json_feed ? Shape::feed : Shape::json;
  if (ct.find("xml") != std::string::npos || ct == "text/plain" || ct.empty())
    return sniff_feed(page.body) != FeedFormat::none ? Shape::feed : Shape::other;
  return Shape::other;
}

struct Adapter {
  const char* platform;
  std::vector<const char*> hosts;  // exact hosts; "*.x" matches subdomains of x
  ParseOutput (*html)(const Page&);
  ParseOutput (*json)(const Page&);
};

const std::vector<Adapter>& adapters() {
  static const std::vector<Adapter> k = {
      {"instagram", {"www.instagram.com", "instagram.com"}, parse_instagram_html, parse_instagram_json},
      {"mastodon", {"mastodon.social", "mastodon.online", "mstdn.social", "fosstodon.org", "hachyderm.io", "infosec.exchange"},
       parse_mastodon_html, parse_mastodon_json},
      // Language and country hosts (de-de.facebook.com, web.facebook.com, uk.linkedin.com) serve the same pages.
      {"facebook", {"www.facebook.com", "m.facebook.com", "facebook.com", "mbasic.facebook.com", "*.facebook.com"}, parse_facebook_html, nullptr},
      {"threads", {"www.threads.com", "threads.com", "www.threads.net", "threads.net"}, parse_threads_html, parse_threads_json},
      {"x", {"x.com", "twitter.com", "mobile.twitter.com", "www.twitter.com", "cdn.syndication.twimg.com", "syndication.twitter.com",
             "publish.twitter.com", "publish.x.com"},
       parse_x_html, parse_x_json},
      {"linkedin", {"www.linkedin.com", "linkedin.com", "*.linkedin.com"}, parse_linkedin_html, nullptr},
      {"reddit", {"www.reddit.com", "old.reddit.com", "reddit.com"}, nullptr, parse_reddit_json},
      {"bluesky", {"bsky.app", "public.api.bsky.app", "api.bsky.app", "bsky.social"}, parse_bluesky_html, parse_bluesky_json},
      {"github", {"github.com", "api.github.com"}, parse_github_html, parse_github_json},
      {"youtube", {"www.youtube.com", "youtube.com", "m.youtube.com"}, parse_youtube_html, nullptr},
      {"tumblr", {"tumblr.com", "www.tumblr.com", "api.tumblr.com", "*.tumblr.com"}, nullptr, parse_tumblr_json},
      {"wordpress", {"wordpress.com", "public-api.wordpress.com", "*.wordpress.com"}, nullptr, parse_wordpress_json},
      {"stackoverflow", {"stackoverflow.com", "www.stackoverflow.com"}, nullptr, nullptr},
      {"stackexchange", {"api.stackexchange.com", "*.stackexchange.com", "superuser.com", "serverfault.com", "askubuntu.com", "mathoverflow.net"},
       nullptr, parse_stackexchange_json},
      {"pinterest", {"www.pinterest.com", "pinterest.com"}, nullptr, nullptr},
      {"deviantart", {"www.deviantart.com", "deviantart.com", "backend.deviantart.com"}, nullptr, nullptr},
      {"medium", {"medium.com"}, nullptr, nullptr},
      {"substack", {"*.substack.com"}, nullptr, nullptr},
      // Any other fediverse server (Pleroma, Akkoma, Misskey, GoToSocial, Pixelfed, PeerTube, the
      // WordPress plugin): chosen with --platform activitypub, or by what a JSON body is.
      {"activitypub", {}, nullptr, parse_activitypub_json},
  };
  return k;
}

bool host_matches(std::string_view host, std::string_view pattern) {
  if (pattern.rfind("*.", 0) == 0) {
    std::string_view suffix = pattern.substr(1);  // ".tumblr.com"
    return host.size() > suffix.size() && host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0;
  }
  return host == pattern;
}

const Adapter* adapter_for(std::string_view host) {
  for (const auto& a : adapters())
    for (const char* h : a.hosts)
      if (host_matches(host, h)) return &a;
  return nullptr;
}

// The one Item a listed target yields when it shows no content to a logged-out visitor.
ParseOutput unavailable_page(const Page& page, Visibility visibility, const std::string& kind, const std::string& evidence) {
  ParseOutput out;
  std::string url = page.final_url.empty() ? page.url : page.final_url;
  out.signals = std::make_shared<PageSignals>(extract_page_signals(HtmlScan{}, page.headers, url, nullptr));
  Item it = platform_item(page, out, platform_for_host(host_of(page.url)));
  it.kind = ItemKind::page;
  it.id = page.url;
  it.url = page.url;
  it.visibility = visibility;
  it.extractor = kind.empty() ? "fetch-status" : "wall-detector";
  if (!kind.empty()) {
    it.title = kind;
    it.fields.emplace_back("wall", kind);
    it.fields.emplace_back("evidence", evidence);
  } else if (page.error) {
    it.title = page.error->message;
  }
  if (page.status > 0) it.fields.emplace_back("http_status", std::to_string(page.status));
  out.items.push_back(std::move(it));
  return out;
}

Visibility visibility_of_failure(const Page& page) {
  if (page.status == 429 || (page.error && page.error->code == "rate_limited")) return Visibility::rate_limited;
  // 999: LinkedIn's answer to clients it does not want.
  if (page.status == 401) return Visibility::login_wall;  // detect_wall explains it; kept for clarity
  if (page.status == 403 || page.status == 451 || page.status == 999) return Visibility::blocked;
  return Visibility::unknown;
}

int kind_rank(ItemKind k) {
  switch (k) {
    case ItemKind::post: return 3;
    case ItemKind::article: return 2;
    case ItemKind::page: return 0;
    default: return 1;
  }
}

// Fills what `into` lacks from `from` (both describe the same thing).
void merge_into(Item& into, const Item& from) {
  if (kind_rank(from.kind) > kind_rank(into.kind)) into.kind = from.kind;
  if (into.title.empty()) into.title = from.title;
  if (into.text.empty() || from.text.size() > into.text.size() * 2) into.text = from.text;
  if (into.author.name.empty()) into.author.name = from.author.name;
  if (into.author.handle.empty()) into.author.handle = from.author.handle;
  if (into.author.url.empty()) into.author.url = from.author.url;
  if (!into.published_at) into.published_at = from.published_at;
  if (!into.updated_at) into.updated_at = from.updated_at;
  if (!into.geo) into.geo = from.geo;
  if (into.language.empty()) into.language = from.language;
  for (const auto& m : from.media)
    if (std::none_of(into.media.begin(), into.media.end(), [&](const Media& x) { return x.url == m.url; }))
      into.media.push_back(m);
  for (const auto& f : from.fields)
    if (std::find(into.fields.begin(), into.fields.end(), f) == into.fields.end()) into.fields.push_back(f);
  for (const auto& t : from.tags)
    if (std::find(into.tags.begin(), into.tags.end(), t) == into.tags.end()) into.tags.push_back(t);
  if (into.extractor != from.extractor) into.extractor += "+" + from.extractor;
}

// Item ids: a profile is "<profile URL>#profile" (never the bare URL, which is the page's id);
// items of one page with the same id describe the same thing (a permalink page and its h-entry,
// a JSON-LD Person and an h-card of the same person) and are merged into one.
void normalize_items(ParseOutput& out) {
  for (auto& it : out.items)
    if (it.kind == ItemKind::profile && it.id.find('#') == std::string::npos && it.id.find(':') != std::string::npos &&
        it.id.rfind("http", 0) == 0)
      it.id += "#profile";
  std::vector<Item> merged;
  std::map<std::string, size_t> index;
  for (auto& it : out.items) {
    auto [pos, fresh] = index.emplace(it.id, merged.size());
    if (fresh) {
      merged.push_back(std::move(it));
    } else {
      merge_into(merged[pos->second], it);
    }
  }
  out.items = std::move(merged);
}


// JSON from hosts without an adapter: recognised by what it is (any WordPress, any Mastodon or
// other ActivityPub server).
ParseOutput parse_unknown_json(const Page& page, const std::string& url) {
  if (is_wordpress_api_url(url)) return parse_wordpress_json(page);
  if (url.find("/api/v1/accounts") != std::string::npos || url.find("/api/v1/statuses") != std::string::npos)
    return parse_mastodon_json(page);
  if (page.content_type.find("activity+json") != std::string::npos || page.content_type.find("ld+json") != std::string::npos)
    return parse_activitypub_json(page);
  if (url.find("/.well-known/webfinger") != std::string::npos) return parse_mastodon_json(page);
  // Bluesky's XRPC methods on any AppView or PDS host.
  if (url.find("/xrpc/app.bsky.") != std::string::npos || url.find("/xrpc/com.atproto.repo.getRecord") != std::string::npos)
    return parse_bluesky_json(page);
  // ActivityStreams served as plain application/json (a saved file, a misconfigured server).
  if (page.body.find("www.w3.org/ns/activitystreams") != std::string::npos) return parse_activitypub_json(page);
  return {};
}

// A site root that announces no feed: try the usual feed locations (they are fetched as
// discovered links, so robots.txt applies).
void add_feed_guesses(const std::string& url, ParseOutput& out) {
  auto u = Url::parse(url);
  if (!u || u->path() != "/") return;
  for (const auto& l : out.links)
    if (l.kind == "feed") return;
  for (const char* p : {"/feed/", "/feed.xml", "/atom.xml", "/index.xml"}) out.links.push_back({u->origin() + p, "feed", "guess"});
}

}  // namespace

std::string platform_for_host(std::string_view host) {
  if (const Adapter* a = adapter_for(host)) return a->platform;
  return "web";
}

namespace {

// Formats that only one URL shape of a host serves, chosen by path before the content type: a
// patch is text/plain, which says nothing about what is in it.
struct PathRoute {
  const char* host;
  bool (*matches)(std::string_view path);
  ParseOutput (*parse)(const Page&);
};

const PathRoute* path_route_for(const std::string& url) {
  static const PathRoute k[] = {
      {"github.com", is_github_commit_patch_path, parse_github_patch},
  };
  auto u = Url::parse(url);
  if (!u) return nullptr;
  for (const auto& r : k)
    if (u->host() == r.host && r.matches(u->path())) return &r;
  return nullptr;
}

// What the content type says the page is, read by the host's adapter or the generic parsers.
ParseOutput parse_by_shape(const Page& page, const Adapter* adapter, const std::string& url) {
  ParseOutput out;
  switch (shape_of(page)) {
    case Shape::html:
      out = adapter && adapter->html ? adapter->html(page) : parse_generic_html(page);
      if (!adapter || !adapter->html) {
        const std::string platform = adapter ? adapter->platform : platform_for_host(host_of(url));
        for (auto& it : out.items) it.platform = platform;
      }
      if (!adapter) add_feed_guesses(url, out);
      break;
    case Shape::json:
      if (adapter && adapter->json) out = adapter->json(page);
      else out = parse_unknown_json(page, url);
      break;
    case Shape::feed: out = parse_feed(page, adapter ? adapter->platform : ""); break;
    case Shape::other: break;
  }
  return out;
}

ParseOutput dispatch(const Page& page, const Adapter* adapter, const std::string& url) {
  const PathRoute* route = path_route_for(url);
  ParseOutput out = route ? route->parse(page) : parse_by_shape(page, adapter, url);
  if (!out.signals) out.signals = std::make_shared<PageSignals>(extract_page_signals(HtmlScan{}, page.headers, url, &out.errors));
  for (auto& it : out.items)
    if (!it.signals) it.signals = out.signals;
  normalize_items(out);
  return out;
}

// Seeds that ask for something most accounts do not have (Bluesky's proposed user-intent
// record): a 4xx there means "absent", not "could not check".
bool is_optional_probe(const Page& page) {
  return page.status >= 400 && page.status < 500 && page.status != 429 &&
         page.url.find("collection=org.user-intents.declaration") != std::string::npos;
}

std::optional<ParseOutput> early_result(const Page& page) {
  if (page.error && page.error->code == "robots_disallowed") return ParseOutput{};
  if (!page.ok() && page.origin != PageOrigin::not_modified) {
    if (!page.user_directed || is_optional_probe(page)) return ParseOutput{};
    if (auto wall = detect_wall(page)) return unavailable_page(page, wall->visibility, wall->kind, wall->evidence);
    return unavailable_page(page, visibility_of_failure(page), "", "");
  }
  if (auto wall = detect_wall(page)) return unavailable_page(page, wall->visibility, wall->kind, wall->evidence);
  return std::nullopt;
}

}  // namespace

std::vector<std::string> known_platforms() {
  std::vector<std::string> out{"web"};
  for (const auto& a : adapters()) out.emplace_back(a.platform);
  return out;
}

std::optional<ParseOutput> parse_page_as(const Page& page, std::string_view platform) {
  const Adapter* adapter = nullptr;
  if (platform != "web") {
    for (const auto& a : adapters())
      if (platform == a.platform) adapter = &a;
    if (!adapter) return std::nullopt;
  }
  if (auto early = early_result(page)) return early;
  return dispatch(page, adapter, page.final_url.empty() ? page.url : page.final_url);
}

ParseOutput parse_page(const Page& page) {
  if (auto early = early_result(page)) return std::move(*early);
  std::string url = page.final_url.empty() ? page.url : page.final_url;
  return dispatch(page, adapter_for(host_of(url)), url);
}

}  // namespace exposcan
