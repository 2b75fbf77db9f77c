// parsers/generic_html.h — Items of a generic web page (no platform knowledge).
//
// One parse, one HtmlScan walk, then the generic extractors: the page itself (kind article when
// OpenGraph/JSON-LD say so, else page), a profile from a JSON-LD Person (ProfilePage.mainEntity
// first) and one from the first top-level mf2 h-card, one post per mf2 h-entry (h-feed children
// included). Every Item gets platform "web", the page's PageSignals, provenance and source hash;
// visibility is public for 2xx pages. Platform adapters reuse the same pieces (html_scan.h,
// opengraph.h, jsonld.h, microformats.h, page_signals.h, links.h) rather than this function.
// Pure: no network, no clock. Thread-safe.
#pragma once

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_generic_html(const Page& page);

}  // namespace exposcan
