#include "parsers/registry.h"

#include <map>
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

// Ids must be unique within one page's output: a profile that shares the page's URL gets "#profile".
void make_ids_unique(ParseOutput& out) {
  std::set<std::string> seen;
  for (auto& it : out.items) {
    if (seen.insert(it.id).second) continue;
    std::string base = it.id + "#" + std::string(to_string(it.kind));
    std::string id = base;
    for (int n = 2; !seen.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    it.id = id;
  }
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
  make_ids_unique(out);
  return out;
}

}  // namespace exposcan
