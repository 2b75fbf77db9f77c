// scanner/link_scan.h — the links a crawler follows, found without building a document tree.
//
// Two uses: sitemaps (robots.txt `Sitemap:` lines, rel=sitemap) are read by the crawler itself,
// since no parser turns them into items; and `exposcan scan --fetch-only` follows links with
// html_links() instead of the gumbo-based parsers (fetch and follow, no items, no rules), the way
// wget2 does with its own tag scanner.
//
// html_links is a tag scanner, not an HTML parser: it skips comments and the raw text of
// script/style/textarea/title, reads the attributes of a/area/link/base/frame/iframe (quoted or
// not, names case-insensitive), decodes character references in the values, honours the first
// <base href>, and resolves each value with scanner/fast_url.h. Kinds match the parsers' links:
// "anchor" (a, area, frame, iframe), "feed" (link rel=alternate with a feed type, rel=feed),
// "rel_me", "next", "sitemap"; stylesheets, icons and preloads are not followed.
// Thread-safe: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/crawl_types.h"
#include "scanner/fast_url.h"

namespace exposcan {

std::vector<LinkCandidate> html_links(std::string_view html, const NormalUrl& base);

// A sitemap (<urlset>) or sitemap index (<sitemapindex>), per sitemaps.org: true when the body's
// root element is one of them (after an optional XML declaration, comments and a BOM).
bool is_sitemap(std::string_view body);

// The <loc> values, resolved against `base`: kind "sitemap" in an index, "anchor" in a urlset.
// At most `max_urls` (the protocol allows 50,000 per file).
std::vector<LinkCandidate> sitemap_links(std::string_view xml, const NormalUrl& base, size_t max_urls = 50'000);

// Inflates a gzip body (sitemap.xml.gz served as application/gzip) up to `max_bytes` of output;
// nullopt when it is not gzip or is corrupt. Output beyond the cap is cut off.
std::optional<std::string> gunzip_capped(std::string_view body, size_t max_bytes);

// Decodes HTML/XML character references (&amp; &#38; &#x26; and the few named ones URLs need).
std::string decode_char_refs(std::string_view s);

}  // namespace exposcan
