// parsers/feeds.h — syndication feeds as Items: RSS 2.0 (and RSS 0.9x/1.0 RDF), Atom 1.0, JSON Feed.
//
// Every entry becomes one Item (kind post; video for YouTube's media feeds; article when the feed
// says so is not knowable, so "post"): title, text from content:encoded / content / content_html,
// else description / summary (HTML reduced to visible text), the entry's images with alt text
// (enclosures, media:content/thumbnail with media:description, <img> in the content), author
// (dc:creator, author, atom:author, JSON Feed authors[]), dates (RFC 822 pubDate, RFC 3339
// published/updated, dc:date) normalised to UTC, categories as tags, links from the content.
// Standards: RSS 2.0 (RSS Advisory Board spec), RFC 4287 (Atom), JSON Feed 1.1 (and 1.0's
// `author`), Media RSS 1.5, the RSS content module. XML is read by parsers/xml_reader.h, which
// recovers from malformed feeds and records what it repaired. Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "parsers/parse_output.h"
#include "scanner/charset.h"  // FeedFormat, sniff_feed
#include "scanner/page.h"

namespace exposcan {


// Items of a feed Page; `errors` records XML/JSON problems. `platform` overrides the platform
// name (default: the registry's name for the feed's host).
ParseOutput parse_feed(const Page& page, std::string_view platform = {});

// Well-known feed locations tried on a site root when it announces none.
const std::vector<std::string>& well_known_feed_paths();

}  // namespace exposcan
