#include "parsers/links.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "core/text.h"
#include "core/url.h"
#include "parsers/link_resolver.h"

namespace exposcan {
namespace {

bool is_feed_type(std::string_view type) {
  std::string t = ascii_lower(trim(type.substr(0, type.find(';'))));
  return t == "application/rss+xml" || t == "application/atom+xml" || t == "application/feed+json" ||
         t == "application/json" || t == "application/rdf+xml" || t == "text/xml" || t == "application/xml";
}

bool looks_like_sitemap(std::string_view url) {
  std::string_view path = url.substr(0, url.find_first_of("?#"));
  std::string last = ascii_lower(path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1));
  if (last.rfind("sitemap", 0) != 0) return false;
  auto ends = [&](std::string_view s) { return last.size() >= s.size() && last.compare(last.size() - s.size(), s.size(), s) == 0; };
  return ends(".xml") || ends(".xml.gz");
}

class HrefResolver {
 public:
  explicit HrefResolver(std::string_view base) : m_r(base) {}
  std::string operator()(std::string_view ref) const {
    std::string_view r = trim(ref);
    if (r.empty() && m_r.has_base()) return m_r.resolve("");
    if (r.empty() || r[0] == '#') return {};
    if (istarts_with(r, "javascript:") || istarts_with(r, "data:")) return {};
    if (!has_scheme(r) && !m_r.has_base()) return {};
    return m_r.resolve(r);
  }

 private:
  LinkResolver m_r;
};

void add(std::vector<PageLink>& list, std::unordered_set<std::string>& seen, PageLink link) {
  if (link.url.empty() || !seen.insert(link.url).second) return;
  list.push_back(std::move(link));
}

}  // namespace

std::string resolve_link(std::string_view base, std::string_view ref) { return HrefResolver(base)(ref); }

PageLinks extract_links(const HtmlScan& scan, std::string_view base_url) {
  PageLinks out;
  HrefResolver resolve(base_url);
  std::unordered_set<std::string> seen_a, seen_feed, seen_me, seen_next, seen_map, seen_img;
  for (const auto& l : scan.links) {
    PageLink pl{resolve(l.href), l.rel, {}, l.type, l.title};
    if ((has_rel(l.rel, "alternate") && is_feed_type(l.type)) || has_rel(l.rel, "feed")) add(out.feeds, seen_feed, pl);
    if (has_rel(l.rel, "me")) add(out.rel_me, seen_me, pl);
    if (has_rel(l.rel, "next")) add(out.next, seen_next, pl);
    if (has_rel(l.rel, "sitemap") || looks_like_sitemap(pl.url)) add(out.sitemaps, seen_map, pl);
  }
  for (const auto& a : scan.anchors) {
    PageLink pl{resolve(a.href), a.rel, a.text, a.type, a.title};
    if (has_rel(a.rel, "me")) add(out.rel_me, seen_me, pl);
    if (has_rel(a.rel, "next")) add(out.next, seen_next, pl);
    if (has_rel(a.rel, "feed") || (has_rel(a.rel, "alternate") && is_feed_type(a.type))) add(out.feeds, seen_feed, pl);
    if (looks_like_sitemap(pl.url)) add(out.sitemaps, seen_map, pl);
    add(out.anchors, seen_a, std::move(pl));
  }
  for (const auto& img : scan.images) {
    std::string url = resolve(img.src);
    if (url.empty() || !seen_img.insert(url).second) continue;
    out.images.push_back({url, img.alt, img.has_alt});
  }
  return out;
}

bool has_rel(std::string_view rels, std::string_view token) {
  size_t i = 0;
  while (i < rels.size()) {
    while (i < rels.size() && is_ascii_space(rels[i])) ++i;
    size_t end = i;
    while (end < rels.size() && !is_ascii_space(rels[end])) ++end;
    if (end > i && iequals(rels.substr(i, end - i), token)) return true;
    i = end;
  }
  return false;
}

}  // namespace exposcan
