// parsers/html_scan.h — one walk over an HtmlDocument collecting what the generic extractors need.
//
// Design: gumbo's tree is walked once (iteratively) and every extractor — OpenGraph, JSON-LD,
// page signals, links, images, visible text — reads these plain lists instead of walking again.
// Values are copied out (std::string), so an HtmlScan outlives its document. mf2 is the one
// extractor that walks subtrees itself, and only when `mf2_roots` says there is something to find.
#pragma once

#include <string>
#include <vector>

#include "parsers/html_document.h"

namespace exposcan {

struct HtmlMeta {
  std::string name;        // name attribute, lower-cased
  std::string property;    // property attribute (OpenGraph/RDFa), lower-cased
  std::string http_equiv;  // lower-cased
  std::string itemprop;
  std::string content;
};

struct HtmlLinkElement {  // <link>
  std::string rel;        // lower-cased, whitespace-separated tokens as written
  std::string href;       // as written
  std::string type, title, hreflang, media;
  bool in_body = false;  // parsed into <body> (after body content): not a head-only relation's link
};

struct HtmlAnchor {  // <a href> and <area href>
  std::string href;  // as written
  std::string rel;   // lower-cased
  std::string text;  // visible text (capped)
  std::string title, type, hreflang;
};

struct HtmlImage {  // <img>, with <picture> sources
  std::string src;     // src, else the first srcset / <source srcset> candidate, else data-src
  std::string alt;
  bool has_alt = false;
  std::string title;
  bool in_picture = false;
};

struct HtmlScan {
  std::string title;       // <title> text
  std::string html_lang;   // <html lang>
  std::string body_class;  // <body class>, as written (CMS themes put the post id there)
  std::string base_href;   // first <base href>
  std::string h1;          // first <h1> text
  std::vector<HtmlMeta> metas;
  std::vector<HtmlLinkElement> links;
  std::vector<HtmlAnchor> anchors;
  std::vector<HtmlImage> images;
  std::vector<std::string> jsonld;  // raw text of each <script type="application/ld+json">
  std::string body_text;            // visible text of <body> (degraded: the tag-stripped text)
  std::string main_text;            // visible text of the first <main>/<article>/[role=main]
  size_t mf2_roots = 0;             // elements with h-* or classic root classes
};

struct HtmlScanLimits {
  size_t max_text_bytes = 1u << 20;
  size_t max_anchor_text_bytes = 300;
  size_t max_items = 20000;  // per list (metas, links, anchors, images, scripts)
};

HtmlScan scan_html(const HtmlDocument& doc, const HtmlScanLimits& limits = {});

}  // namespace exposcan
