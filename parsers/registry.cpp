#include "parsers/registry.h"

#include <map>
#include <algorithm>
#include <set>

#include "core/text.h"
#include "core/url.h"
#include "parsers/generic_html.h"
#include "parsers/platforms/instagram.h"
#include "parsers/platforms/mastodon.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan {
namespace {

enum class Shape { html, json, feed, other };

Shape shape_of(const Page& page) {
  const std::string& ct = page.content_type;
  if (ct.find("html") != std::string::npos) return Shape::html;
  if (ct.find("rss") != std::string::npos || ct.find("atom") != std::string::npos ||
      ct == "application/feed+json")
    return Shape::feed;
  if (ct.find("json") != std::string::npos) return Shape::json;
  return Shape::other;
}

struct Adapter {
  const char* platform;
  std::vector<const char*> hosts;
  ParseOutput (*html)(const Page&);
  ParseOutput (*json)(const Page&);
};

const std::vector<Adapter>& adapters() {
  static const std::vector<Adapter> k = {
      {"instagram", {"www.instagram.com", "instagram.com"}, parse_instagram_html, parse_instagram_json},
      {"mastodon", {"mastodon.social"}, parse_mastodon_html, nullptr},
      {"facebook", {"www.facebook.com", "m.facebook.com", "facebook.com"}, nullptr, nullptr},
      {"threads", {"www.threads.net", "threads.net", "www.threads.com"}, nullptr, nullptr},
      {"x", {"x.com", "twitter.com", "mobile.twitter.com"}, nullptr, nullptr},
      {"linkedin", {"www.linkedin.com", "linkedin.com"}, nullptr, nullptr},
      {"reddit", {"www.reddit.com", "old.reddit.com", "reddit.com"}, nullptr, nullptr},
      {"bluesky", {"bsky.app", "public.api.bsky.app"}, nullptr, nullptr},
      {"github", {"github.com", "api.github.com"}, nullptr, nullptr},
      {"youtube", {"www.youtube.com", "youtube.com"}, nullptr, nullptr},
      {"tumblr", {"tumblr.com", "www.tumblr.com"}, nullptr, nullptr},
  };
  return k;
}

const Adapter* adapter_for(std::string_view host) {
  for (const auto& a : adapters())
    for (const char* h : a.hosts)
      if (host == h) return &a;
  return nullptr;
}

std::string host_of(std::string_view url) {
  auto u = Url::parse(url);
  return u ? u->host() : std::string();
}

// A logged-out visitor sent to a sign-in page instead of the content.
bool is_login_url(std::string_view url) {
  auto u = Url::parse(url);
  if (!u) return false;
  std::string path = ascii_lower(u->path());
  for (std::string_view p : {"/login", "/accounts/login", "/auth/sign_in", "/i/flow/login", "/signin", "/sign-in",
                             "/authwall", "/checkpoint", "/uas/login", "/account/login"})
    if (path.rfind(p, 0) == 0) return true;
  return false;
}

// The one Item a listed target yields when it shows no content to a logged-out visitor.
ParseOutput unavailable_page(const Page& page, Visibility visibility) {
  ParseOutput out;
  out.signals = std::make_shared<PageSignals>();
  Item it = platform_item(page, out, platform_for_host(host_of(page.url)));
  it.kind = ItemKind::page;
  it.id = page.url;
  it.url = page.url;
  it.visibility = visibility;
  it.extractor = "fetch-status";
  if (page.error) it.title = page.error->message;
  out.items.push_back(std::move(it));
  return out;
}

Visibility visibility_of_failure(const Page& page) {
  if (page.status == 429 || (page.error && page.error->code == "rate_limited")) return Visibility::rate_limited;
  if (page.status == 401 || page.status == 403) return Visibility::blocked;
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

}  // namespace

std::string platform_for_host(std::string_view host) {
  if (const Adapter* a = adapter_for(host)) return a->platform;
  return "web";
}

ParseOutput parse_page(const Page& page) {
  if (page.error && page.error->code == "robots_disallowed") return {};
  if (!page.ok() && page.origin != PageOrigin::not_modified) {
    if (!page.user_directed) return {};
    return unavailable_page(page, visibility_of_failure(page));
  }
  if (page.user_directed && !page.redirects.empty() && is_login_url(page.final_url))
    return unavailable_page(page, Visibility::login_wall);

  std::string host = host_of(page.final_url.empty() ? page.url : page.final_url);
  const Adapter* adapter = adapter_for(host);
  ParseOutput out;
  switch (shape_of(page)) {
    case Shape::html:
      out = adapter && adapter->html ? adapter->html(page) : parse_generic_html(page);
      if (!adapter || !adapter->html)
        for (auto& it : out.items) it.platform = platform_for_host(host);
      break;
    case Shape::json:
      if (adapter && adapter->json) out = adapter->json(page);
      break;
    case Shape::feed:
    case Shape::other: break;
  }
  if (!out.signals) out.signals = std::make_shared<PageSignals>();
  normalize_items(out);
  return out;
}

}  // namespace exposcan
