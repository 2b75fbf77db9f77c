// parsers/html_document.h — a safe, read-only HTML tree on top of gumbo 0.10.1.
//
// gumbo 0.10.1 is quadratic on hostile markup and frees its tree recursively (TECH-NOTES §3), so
// parse() sanitises UTF-8, caps the input, limits gumbo's error list and runs a cheap pre-scan
// (parsers/html_markup.h) that estimates nesting. A document that would be pathological is not given to gumbo whole: the
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
#include "parsers/html_markup.h"

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
  // A small number for each tag the parser knows (0 <= id < tag_id_count(), named tag_id_name(id)),
  // for per-tag tables; -1 for unknown tags and non-elements.
  int tag_id() const;
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

int tag_id_count();
std::string_view tag_id_name(int id);  // "" outside [0, tag_id_count())

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

}  // namespace exposcan
