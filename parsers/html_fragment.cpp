#include "parsers/html_fragment.h"

#include <algorithm>

#include "core/text.h"
#include "parsers/html_document.h"
#include "parsers/html_text.h"
#include "parsers/links.h"

namespace exposcan {
namespace {

constexpr size_t k_max_fragment_text = 256u << 10;

std::string resolved(std::string_view base, std::string_view ref) {
  if (base.empty()) return std::string(trim(ref));
  std::string r = resolve_link(base, ref);
  return r.empty() ? std::string(trim(ref)) : r;
}

}  // namespace

namespace {

// Images that are not what someone posted: custom emoji and smilies (Mastodon's "emojione
// custom-emoji", WordPress's "wp-smiley"), and 1x1 tracking pixels (pixel.wp.com, Medium's stat).
bool is_decoration(HtmlNode img, std::string_view src) {
  for (std::string_view c : img.classes())
    if (c == "emojione" || c == "custom-emoji" || c == "emoji" || c == "wp-smiley") return true;
  if (trim(img.attr_or("width")) == "1" && trim(img.attr_or("height")) == "1") return true;
  return src.find("pixel.wp.com/") != std::string_view::npos || src.find("medium.com/_/stat") != std::string_view::npos;
}

}  // namespace

HtmlFragment parse_html_fragment(std::string_view html, std::string_view base_url) {
  HtmlFragment out;
  if (trim(html).empty()) return out;
  // Plain text (no markup at all) needs no parser.
  if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos) {
    out.text = collapse_whitespace(html);
    return out;
  }
  auto doc = HtmlDocument::parse(html);
  if (!doc) {
    out.text = strip_tags(html);
    return out;
  }
  if (doc->degraded()) {
    out.text = doc->degraded_text();
    return out;
  }
  HtmlNode body = doc->body();
  if (!body) return out;
  out.text = visible_text(body, k_max_fragment_text);
  walk_tree(body, [&](HtmlNode n) {
    if (!n.is_element()) return false;
    if (is_hidden_text_container(n)) return false;
    if (n.is("img")) {
      std::string src(n.attr_or("src"));
      if (src.empty()) src = std::string(n.attr_or("data-src"));
      if (!src.empty() && src.rfind("data:", 0) != 0 && !is_decoration(n, src))
        out.images.push_back({resolved(base_url, src), "image", std::string(n.attr_or("alt"))});
    } else if ((n.is("video") || n.is("audio")) && n.has_attr("src")) {
      out.images.push_back({resolved(base_url, n.attr_or("src")), std::string(n.tag()), std::string(n.attr_or("title"))});
    } else if (n.is("a") && n.has_attr("href")) {
      std::string href(trim(n.attr_or("href")));
      if (!href.empty() && href[0] != '#' && !istarts_with(href, "javascript:")) {
        std::string url = resolved(base_url, href);
        if (std::find(out.links.begin(), out.links.end(), url) == out.links.end()) out.links.push_back(url);
        bool tag = n.has_class("hashtag");
        for (auto r : html_tokens(n.attr_or("rel")))
          if (r == "tag") tag = true;
        if (tag) {
          std::string t = collapse_whitespace(visible_text(n));
          if (!t.empty() && t[0] == '#') t.erase(0, 1);
          if (!t.empty()) out.hashtags.push_back(t);
        }
      }
    }
    return true;
  });
  return out;
}

std::string html_to_text(std::string_view html) { return parse_html_fragment(html).text; }

}  // namespace exposcan
