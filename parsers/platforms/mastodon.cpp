#include "parsers/platforms/mastodon.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/generic_html.h"
#include "parsers/html_dates.h"
#include "parsers/html_text.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan {
namespace {

// "4 Posts, 128 Following, 342 Followers · Bio text" -> "Bio text"; Mastodon joins the counts and
// the bio with " · ", so an empty bio leaves "... Followers ·" (trimmed) and no text.
std::string bio_from_description(const std::string& d) {
  static const std::string k_sep = "\xC2\xB7";  // "·"
  size_t pos = d.find(k_sep);
  return pos == std::string::npos ? d : std::string(trim(d.substr(pos + k_sep.size())));
}

std::vector<std::pair<std::string, std::string>> profile_fields(const HtmlDocument& doc) {
  std::vector<std::pair<std::string, std::string>> out;
  for (HtmlNode dl : doc.find_all("dl")) {
    HtmlNode parent = dl.parent();
    if (!parent || !parent.has_class("account__header__fields")) continue;
    std::string name, value;
    for (HtmlNode c : dl.element_children()) {
      if (c.is("dt")) name = collapse_whitespace(text_content(c));
      if (c.is("dd")) value = collapse_whitespace(text_content(c));
    }
    if (!name.empty()) out.emplace_back(name, value);
  }
  return out;
}

std::string bio_text(const HtmlDocument& doc) {
  for (HtmlNode div : doc.find_all("div"))
    if (div.has_class("account__header__content")) return collapse_whitespace(visible_text(div));
  return {};
}

}  // namespace

ParseOutput parse_mastodon_html(const Page& page) {
  HtmlAnalysis a = analyze_html(page);
  ParseOutput out = std::move(a.output);
  if (!a.document) return out;
  a.output.signals = out.signals;
  auto url = Url::parse(a.page_url);
  std::string host = url ? url->host() : "";
  std::string username = a.og.first("profile:username");  // "jane@mastodon.social"
  std::string og_type = a.og.first("og:type");

  if (og_type == "profile") {
    Item p = platform_item(page, out, "mastodon");
    p.kind = ItemKind::profile;
    std::string user = username.substr(0, username.find('@'));
    p.id = "mastodon:" + host + ":account:" + user;
    p.url = a.og.first("og:url").empty() ? a.page_url : a.og.first("og:url");
    p.extractor = "mastodon-html";
    std::string title = a.og.title();
    p.author = {"@" + username, title.substr(0, title.find(" (@")), p.url};
    p.title = title;
    p.text = bio_text(*a.document);
    if (p.text.empty()) p.text = bio_from_description(a.og.description());
    p.fields = profile_fields(*a.document);
    for (const auto& img : a.og.images())
      if (!is_mastodon_placeholder_image(img.url)) p.media.push_back({img.url, "image", img.alt});
    out.items.push_back(std::move(p));
  }
  const size_t before_posts = out.items.size();
  for (Item& post : post_items(a, page)) {
    std::string id = last_path_segment(post.url);
    if (id.empty() || !std::all_of(id.begin(), id.end(), [](char c) { return is_ascii_digit(c); })) continue;
    post.platform = "mastodon";
    post.kind = ItemKind::post;
    post.id = "mastodon:" + host + ":status:" + id;
    post.extractor = "mastodon-html";
    if (post.author.handle.empty() && !username.empty()) post.author.handle = "@" + username;
    out.items.push_back(std::move(post));
  }
  // Mastodon 4.x status page (/@user/123): no h-entry markup, the status is in its OpenGraph tags.
  const std::string og_url = a.og.first("og:url").empty() ? a.page_url : a.og.first("og:url");
  const std::string status_id = last_path_segment(og_url);
  const bool numeric = !status_id.empty() && std::all_of(status_id.begin(), status_id.end(), [](char c) { return is_ascii_digit(c); });
  if (out.items.size() == before_posts && og_type == "article" && numeric) {
    Item post = platform_item(page, out, "mastodon");
    post.kind = ItemKind::post;
    post.id = "mastodon:" + host + ":status:" + status_id;
    post.url = og_url;
    post.extractor = "mastodon-html";
    std::string title = a.og.title();  // "Jane (@jane@mastodon.social)"
    const size_t paren = title.find(" (@");
    post.author.name = paren == std::string::npos ? std::string() : title.substr(0, paren);
    if (!username.empty()) post.author.handle = "@" + username;
    else if (paren != std::string::npos && title.back() == ')') post.author.handle = title.substr(paren + 2, title.size() - paren - 3);
    if (auto u = Url::parse(og_url); u) {
      const std::string path = u->path();
      post.author.url = u->origin() + path.substr(0, path.rfind('/'));
    }
    post.text = a.og.description();
    for (const char* key : {"og:published_time", "article:published_time"})
      if (!post.published_at)
        if (auto t = normalize_datetime(a.og.first(key))) post.published_at = t;
    for (const auto& img : a.og.images())
      if (!is_mastodon_placeholder_image(img.url)) add_media(post, img.url, "image", img.alt);
    out.items.push_back(std::move(post));
  }
  return out;
}

}  // namespace exposcan
