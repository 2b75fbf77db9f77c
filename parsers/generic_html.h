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

#include <nlohmann/json.hpp>

#include <memory>

#include "parsers/html_document.h"
#include "parsers/html_scan.h"
#include "parsers/jsonld.h"
#include "parsers/links.h"
#include "parsers/opengraph.h"
#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_generic_html(const Page& page);

// The pieces parse_generic_html works from, for platform adapters that build their own Items
// from the same single parse. `output` holds signals, links and errors (no items yet);
// `document` is null when the HTML could not be parsed at all.
struct HtmlAnalysis {
  ParseOutput output;
  std::shared_ptr<HtmlDocument> document;
  std::string page_url;  // final URL
  std::string base;      // after <base href>
  HtmlScan scan;
  OpenGraph og;
  JsonLdResult ld;
  // Indexes in ld.nodes (-1: none) of the posting the page is, else of the photo or video it is
  // about (only when there is no posting).
  int main_posting = -1, main_media = -1;
  PageLinks links;
  nlohmann::json mf2;
};

HtmlAnalysis analyze_html(const Page& page);
// The content of the first non-empty <meta name="NAME"> (name lower-case), trimmed; "" if none.
std::string meta_named(const HtmlScan& scan, std::string_view name);
Item page_item(const HtmlAnalysis& a, const Page& page);            // the page itself
std::vector<Item> profile_items(const HtmlAnalysis& a, const Page& page);  // JSON-LD Person, first h-card
std::vector<Item> post_items(const HtmlAnalysis& a, const Page& page);     // one per mf2 h-entry

}  // namespace exposcan
