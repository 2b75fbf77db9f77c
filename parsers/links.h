// parsers/links.h — links and images of a page, resolved against its base URL.
//
// Anchors (<a href>, <area href>), feeds (<link rel=alternate> with an RSS/Atom/JSON Feed type, or
// rel=feed), rel=me (a and link), rel=next, sitemap hints (rel=sitemap, or a URL whose last
// segment is sitemap*.xml[.gz]) and images (<img> src, else first srcset / <picture><source>
// candidate, with alt). Fragment-only, javascript: and data: references are dropped; URLs are
// resolved with core/url.h and deduplicated per list (first occurrence wins).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parsers/html_scan.h"

namespace exposcan {

struct PageLink {
  std::string url;  // absolute
  std::string rel;  // lower-case rel tokens as written ("me nofollow")
  std::string text;
  std::string type;
  std::string title;
};

struct PageImage {
  std::string url;
  std::string alt;
  bool has_alt = false;
};

struct PageLinks {
  std::vector<PageLink> anchors;
  std::vector<PageLink> feeds;
  std::vector<PageLink> rel_me;
  std::vector<PageLink> next;
  std::vector<PageLink> sitemaps;
  std::vector<PageImage> images;
};

PageLinks extract_links(const HtmlScan& scan, std::string_view base_url);

// True when the rel value `rels` holds the token `token`: tokens are separated by ASCII whitespace
// and compared ASCII case-insensitively (HTML's "set of space-separated tokens").
bool has_rel(std::string_view rels, std::string_view token);

// Resolves `ref` against `base` (absolute refs returned trimmed, as written); "" when unusable.
std::string resolve_link(std::string_view base, std::string_view ref);

}  // namespace exposcan
