// parsers/html_document.h — a safe, read-only HTML tree on top of gumbo 0.10.1.
//
// gumbo 0.10.1 is quadratic on hostile markup and frees its tree recursively (TECH-NOTES §3), so
// parse() sanitises UTF-8, caps the input, limits gumbo's error list and runs a cheap pre-scan
// that estimates nesting. A document that would be pathological is not given to gumbo whole: the
// result is "degraded" (only the <head> prefix is parsed, plus a tag-stripped text fallback) and
// the reason is recorded in errors(). gumbo never appears in this header: nodes are opaque
// handles (HtmlNode) valid while their HtmlDocument lives. Traversal helpers are iterative.
// Thread-safety: a parsed document is immutable and may be read from several threads.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/expected.h"

namespace exposcan {

struct HtmlLimits {
  size_t max_input_bytes = 4u << 20;  // input beyond this is cut (recorded as an error)
  int max_errors = 16;                // gumbo's error list (each error copies the open stack)
  size_t max_depth = 1000;            // estimated open elements before the document is degraded
  size_t max_unclosed = 20000;        // start tags without end tags before it is degraded
  size_t degraded_prefix_bytes = 256u << 10;  // how much of a degraded document's head is parsed
  // Drop the markup no extractor reads before gumbo sees it (droppable_markup()). The scan's
  // parse sets it; mf2 output and fragments keep every tag (an e-* html value holds them).
  bool drop_unread_markup = false;
};

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

// An attribute value split on HTML's ASCII whitespace (space, tab, LF, FF, CR), as class and rel
// are. A vertical tab or a Unicode space is part of a token.
std::vector<std::string_view> html_tokens(std::string_view value);

// Opaque handle to a node of an HtmlDocument's tree. A default HtmlNode is "null".
class HtmlNode {
 public:
  HtmlNode() = default;
  explicit operator bool() const { return m_node != nullptr; }
  friend bool operator==(HtmlNode a, HtmlNode b) { return a.m_node == b.m_node; }

  bool is_element() const;   // elements and <template>
  bool is_text() const;      // text, whitespace and CDATA
  bool is_comment() const;
  bool is_document() const;
  // Lower-case tag name ("div", "template"); for unknown tags the name as written; "" for non-elements.
  std::string_view tag() const;
  bool is(std::string_view tag_name) const { return is_element() && tag() == tag_name; }
  std::optional<std::string_view> attr(std::string_view name) const;  // names are lower-case
  bool has_attr(std::string_view name) const { return attr(name).has_value(); }
  std::string_view attr_or(std::string_view name, std::string_view fallback = {}) const;
  // (name, value) of every attribute, in source order.
  std::vector<std::pair<std::string_view, std::string_view>> attrs() const;
  std::vector<std::string_view> classes() const;  // the class attribute's html_tokens()
  bool has_class(std::string_view name) const;
  std::string_view text() const;  // a text node's decoded text; a comment's text

  HtmlNode parent() const;
  HtmlNode first_child() const;
  HtmlNode next_sibling() const;
  HtmlNode prev_sibling() const;
  size_t child_count() const;
  HtmlNode child(size_t i) const;
  std::vector<HtmlNode> element_children() const;

  const void* raw() const { return m_node; }  // for implementation files that know gumbo
  static HtmlNode from_raw(const void* p) { return HtmlNode(p); }

 private:
  explicit HtmlNode(const void* p) : m_node(p) {}
  const void* m_node = nullptr;
};

// Pre-order walk of `root`'s subtree without recursion. `enter(node)` returns false to skip the
// node's children; `leave(node)` runs after its children (also for skipped ones).
template <class Enter, class Leave>
void walk_tree(HtmlNode root, Enter&& enter, Leave&& leave) {
  if (!root) return;
  HtmlNode n = root;
  bool descend = enter(n);
  while (true) {
    HtmlNode c = descend ? n.first_child() : HtmlNode{};
    if (c) {
      n = c;
      descend = enter(n);
      continue;
    }
    // No (visited) children: leave n, then move to the next sibling or climb.
    while (true) {
      leave(n);
      if (n == root) return;
      HtmlNode s = n.next_sibling();
      if (s) {
        n = s;
        descend = enter(n);
        break;
      }
      n = n.parent();
      if (!n) return;
    }
  }
}
template <class Enter>
void walk_tree(HtmlNode root, Enter&& enter) {
  walk_tree(root, std::forward<Enter>(enter), [](HtmlNode) {});
}

class HtmlDocument {
 public:
  // Parses UTF-8 (invalid sequences are replaced first). Errors (Expected error) only when the
  // parser itself fails; hostile input yields a degraded document with errors() set instead.
  static Expected<HtmlDocument> parse(std::string_view html, const HtmlLimits& limits = {});

  HtmlDocument(HtmlDocument&&) noexcept;
  HtmlDocument& operator=(HtmlDocument&&) noexcept;
  ~HtmlDocument();

  HtmlNode root() const;  // the document node
  HtmlNode html() const;  // <html>
  HtmlNode head() const;
  HtmlNode body() const;  // null in a degraded document

  // First element with this tag in document order, or null; all of them.
  HtmlNode find_first(std::string_view tag) const;
  std::vector<HtmlNode> find_all(std::string_view tag) const;

  std::string_view base_href() const;  // first <base href>, as written ("" when none)
  // base_href resolved against the document URL (or the document URL when none / invalid).
  std::string base_url(std::string_view document_url) const;

  bool degraded() const;             // the pre-scan rejected the document (see errors())
  const std::string& degraded_text() const;  // tag-stripped text of a degraded document
  const std::vector<std::string>& errors() const;  // recorded problems, stable wording
  const HtmlPrescan& prescan() const;
  size_t input_bytes() const;  // bytes given to the parser after capping and sanitising

 private:
  struct Impl;
  explicit HtmlDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

// Serialises a node's children as HTML (fragment serialisation); `resolve` (may be empty)
// rewrites URL attributes (href, src, ...) of descendants.
std::string inner_html(HtmlNode node, const std::function<std::string(std::string_view)>* resolve = nullptr);

// Strips tags from raw markup (used for degraded documents): drops script/style content,
// decodes the common entities, collapses whitespace. Bounded by the input size.
std::string strip_tags(std::string_view html);

}  // namespace exposcan
