// parsers/html_markup.h — scans of raw HTML markup, before gumbo sees it or instead of it.
//
// gumbo 0.10.1 is slow and quadratic on some markup (TECH-NOTES §3), so HtmlDocument::parse()
// first looks at the bytes: the pre-scan estimates nesting (a pathological document is degraded,
// not parsed whole), and the scan's parse drops the markup no extractor reads (head stylesheets,
// JavaScript, pure-graphics SVG). A degraded document's text comes from strip_tags(). Tag names
// are read as the HTML tokenizer reads them (up to whitespace, '/' or '>'), comments and raw-text
// elements are stepped over. Each scan is linear in the input; pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace exposcan {

// The result of the pre-scan (exposed for tests and diagnostics).
struct HtmlPrescan {
  size_t start_tags = 0;
  size_t end_tags = 0;
  size_t max_depth = 0;  // estimated deepest nesting of open elements
  bool upper_case_names = false;  // a start tag's name has an ASCII capital ("<PICTURE>")
  size_t unclosed() const { return start_tags > end_tags ? start_tags - end_tags : 0; }
};
HtmlPrescan prescan_html(std::string_view html);

// The byte ranges of the text of the <style> elements that are certainly in the document's head:
// every tag before them is a head element (html, head, meta, link, title, script, style, noscript,
// base, template) and no text other than whitespace comes before them. parse() drops that text
// before gumbo sees it: nothing is extracted from a stylesheet, and gumbo tokenises RAWTEXT one
// code point at a time (a sixth of its time on the benchmark pages). A style in the body keeps its
// text (an e-* property's html carries it); when the markup is unclear the scan stops early.
std::vector<std::pair<size_t, size_t>> head_style_text(std::string_view html);

// Markup that no extractor reads, as byte ranges to drop before gumbo (the scan's parse):
// - svg_graphics: the tags (and comments) inside inline <svg> elements that are pure graphics:
//   between the svg start tag and its end tag there are only shapes, groups, gradients, clip
//   paths, filters and other drawing elements (path, g, circle, use, defs, linearGradient, ...),
//   comments and whitespace; no text, title, desc, a, image, foreignObject, script or style, and
//   no tag whose class could be a microformat or that carries role or microdata attributes.
//   Dropping them leaves `<svg ...>whitespace</svg>`: the same text content, the svg's own
//   attributes, and nothing the extractors read (svg is a hidden text container; links and images
//   come from HTML elements). Gumbo adjusts every foreign attribute against its SVG tables: on the
//   benchmark's pages (16 icons each) the icons cost a fifth of its instructions.
// - script_text: the text of scripts run as JavaScript (no type, a JavaScript MIME type or
//   "module"; outside svg and math, where script is not raw text). JSON-LD, application/json and
//   every other data block keep their text; the tag and its attributes stay.
// - style_text: the text of every <style> (outside svg and math), head or body: a stylesheet holds
//   nothing an extractor reads, and CSS-in-JS pages put many in the body.
// Raw-text elements (script, style, textarea, title, ...) and comments are stepped over; where
// the markup is unclear (a script holding "<!--", a tag that never ends) the scan stops early.
struct MarkupDrops {
  bool svg_graphics = true;
  bool script_text = true;
  bool style_text = true;
};
std::vector<std::pair<size_t, size_t>> droppable_markup(std::string_view html, MarkupDrops what = {});

// Strips tags from raw markup (used for degraded documents): drops script/style content,
// decodes the common entities, collapses whitespace. Bounded by the input size.
std::string strip_tags(std::string_view html);

// HTML's ASCII whitespace (space, tab, LF, FF, CR): what separates class tokens and attributes.
constexpr bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
// Void elements (no end tag, no content): "br", "img", "meta", ... (lower-case names).
bool is_void_tag(std::string_view lower_name);
// The first position at or after `from` where `lower_needle` occurs in `hay`, ignoring ASCII case
// in `hay`; npos when there is none.
size_t ifind(std::string_view hay, std::string_view lower_needle, size_t from = 0);

}  // namespace exposcan
