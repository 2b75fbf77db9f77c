#include "parsers/html_document.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "core/text.h"
#include "core/url.h"
#include "parsers/gumbo_arena.h"
#include "parsers/html_markup.h"

namespace exposcan {
namespace {

// Larger inputs are parsed with malloc: the arena keeps what gumbo frees (~18x the input on the
// benchmark corpus, see parsers/gumbo_arena.h), too much for a multi-megabyte page.
constexpr size_t k_arena_max_input = 1u << 20;

const GumboNode* g(const void* p) { return static_cast<const GumboNode*>(p); }

bool is_element_node(const GumboNode* n) {
  return n && (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE);
}

const GumboVector* children_of(const GumboNode* n) {
  if (!n) return nullptr;
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (is_element_node(n)) return &n->v.element.children;
  return nullptr;
}

// gumbo_normalized_tagname returns a C string; keep string_views so tag() costs no strlen.
struct TagNames {
  std::string_view names[GUMBO_TAG_LAST + 1];
  TagNames() {
    for (int t = 0; t < GUMBO_TAG_LAST; ++t) names[t] = gumbo_normalized_tagname(static_cast<GumboTag>(t));
  }
};

std::string_view gumbo_tag_name(const GumboNode* n) {
  if (n->type == GUMBO_NODE_TEMPLATE) return "template";
  const GumboElement& e = n->v.element;
  static const TagNames k_names;
  if (e.tag != GUMBO_TAG_UNKNOWN && e.tag < GUMBO_TAG_LAST) return k_names.names[e.tag];
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  return std::string_view(piece.data, piece.length);
}

void escape_into(std::string& out, std::string_view s, bool attribute) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '&') out += "&amp;";
    else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      out += "&nbsp;";
      ++i;
    } else if (attribute && c == '"') out += "&quot;";
    else if (!attribute && c == '<') out += "&lt;";
    else if (!attribute && c == '>') out += "&gt;";
    else out += c;
  }
}

bool is_url_attribute(std::string_view tag, std::string_view attr) {
  if (attr == "href") return one_of(tag, {"a", "area", "link", "base"});
  if (attr == "src") return one_of(tag, {"img", "audio", "video", "source", "iframe", "embed", "script", "track", "input"});
  if (attr == "poster") return tag == "video";
  if (attr == "data") return tag == "object";
  if (attr == "cite") return one_of(tag, {"blockquote", "q", "del", "ins"});
  if (attr == "action") return tag == "form";
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// HtmlNode

bool HtmlNode::is_element() const { return is_element_node(g(m_node)); }
bool HtmlNode::is_text() const {
  auto* n = g(m_node);
  return n && (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA);
}
bool HtmlNode::is_comment() const { return m_node && g(m_node)->type == GUMBO_NODE_COMMENT; }
bool HtmlNode::is_document() const { return m_node && g(m_node)->type == GUMBO_NODE_DOCUMENT; }

std::string_view HtmlNode::tag() const {
  auto* n = g(m_node);
  if (!is_element_node(n)) return {};
  return gumbo_tag_name(n);
}

int HtmlNode::tag_id() const {
  auto* n = g(m_node);
  if (!is_element_node(n)) return -1;
  if (n->type == GUMBO_NODE_TEMPLATE) return GUMBO_TAG_TEMPLATE;
  const GumboTag t = n->v.element.tag;
  return t != GUMBO_TAG_UNKNOWN && t < GUMBO_TAG_LAST ? static_cast<int>(t) : -1;
}

int tag_id_count() { return GUMBO_TAG_LAST; }

std::string_view tag_id_name(int id) {
  if (id < 0 || id >= GUMBO_TAG_LAST || id == GUMBO_TAG_UNKNOWN) return {};
  return gumbo_normalized_tagname(static_cast<GumboTag>(id));
}

std::optional<std::string_view> HtmlNode::attr(std::string_view name) const {
  auto* n = g(m_node);
  if (!is_element_node(n) || name.empty()) return std::nullopt;
  const GumboVector& v = n->v.element.attributes;
  for (unsigned i = 0; i < v.length; ++i) {
    auto* a = static_cast<const GumboAttribute*>(v.data[i]);
    if (a->name[0] == name[0] && std::strncmp(a->name, name.data(), name.size()) == 0 && a->name[name.size()] == '\0')
      return std::string_view(a->value);
  }
  return std::nullopt;
}

std::string_view HtmlNode::attr_or(std::string_view name, std::string_view fallback) const {
  auto a = attr(name);
  return a ? *a : fallback;
}

std::vector<std::pair<std::string_view, std::string_view>> HtmlNode::attrs() const {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  auto* n = g(m_node);
  if (!is_element_node(n)) return out;
  const GumboVector& v = n->v.element.attributes;
  for (unsigned i = 0; i < v.length; ++i) {
    auto* a = static_cast<const GumboAttribute*>(v.data[i]);
    out.emplace_back(a->name, a->value);
  }
  return out;
}

std::vector<std::string_view> html_tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_html_space(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && !is_html_space(s[i])) ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

std::vector<std::string_view> HtmlNode::classes() const {
  auto c = attr("class");
  return c ? html_tokens(*c) : std::vector<std::string_view>{};
}

bool HtmlNode::has_class(std::string_view name) const {
  for (auto c : classes())
    if (c == name) return true;
  return false;
}

std::string_view HtmlNode::text() const {
  auto* n = g(m_node);
  if (!n) return {};
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA ||
      n->type == GUMBO_NODE_COMMENT)
    return n->v.text.text;
  return {};
}

HtmlNode HtmlNode::parent() const {
  auto* n = g(m_node);
  return n ? HtmlNode(n->parent) : HtmlNode{};
}

HtmlNode HtmlNode::first_child() const {
  auto* v = children_of(g(m_node));
  return v && v->length > 0 ? HtmlNode(v->data[0]) : HtmlNode{};
}

HtmlNode HtmlNode::next_sibling() const {
  auto* n = g(m_node);
  if (!n || !n->parent) return {};
  auto* v = children_of(n->parent);
  size_t i = n->index_within_parent + 1;
  return v && i < v->length ? HtmlNode(v->data[i]) : HtmlNode{};
}

HtmlNode HtmlNode::prev_sibling() const {
  auto* n = g(m_node);
  if (!n || !n->parent || n->index_within_parent == 0) return {};
  auto* v = children_of(n->parent);
  size_t i = n->index_within_parent - 1;
  return v && i < v->length ? HtmlNode(v->data[i]) : HtmlNode{};
}

size_t HtmlNode::child_count() const {
  auto* v = children_of(g(m_node));
  return v ? v->length : 0;
}

HtmlNode HtmlNode::child(size_t i) const {
  auto* v = children_of(g(m_node));
  return v && i < v->length ? HtmlNode(v->data[i]) : HtmlNode{};
}

std::vector<HtmlNode> HtmlNode::element_children() const {
  std::vector<HtmlNode> out;
  for (HtmlNode c = first_child(); c; c = c.next_sibling())
    if (c.is_element()) out.push_back(c);
  return out;
}

// ---------------------------------------------------------------------------------------------
// HtmlDocument

namespace {

// gumbo names the elements it knows in lower case but gives an unknown one (<PICTURE>, <DIALOG>,
// <My-Card>, SVG's <PATH> in gumbo 0.10.1) as written. The HTML tokenizer lower-cases every tag
// name, and foreign content then gives SVG's camelCase names back (HTML §13.2.6.5): do the same to
// the name's bytes in the buffer gumbo read (only case changes, so lengths stay), which tag() and
// the serializers then see.
void canonical_case_unknown_tags(GumboNode* root, std::string& buffer) {
  const char* begin = buffer.data();
  const char* end = begin + buffer.size();
  std::vector<GumboNode*> todo{root};
  while (!todo.empty()) {
    GumboNode* n = todo.back();
    todo.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
    GumboElement& e = n->v.element;
    if (e.tag == GUMBO_TAG_UNKNOWN) {
      GumboStringPiece piece = e.original_tag;
      gumbo_tag_from_original_text(&piece);
      if (piece.data >= begin && piece.length <= static_cast<size_t>(end - piece.data)) {
        char* name = buffer.data() + (piece.data - begin);
        for (size_t i = 0; i < piece.length; ++i) name[i] = ascii_lower_char(name[i]);
        if (e.tag_namespace == GUMBO_NAMESPACE_SVG)
          if (const char* adjusted = gumbo_normalize_svg_tagname(&piece); adjusted && std::strlen(adjusted) == piece.length)
            std::memcpy(name, adjusted, piece.length);
      }
    }
    for (unsigned i = 0; i < e.children.length; ++i) todo.push_back(static_cast<GumboNode*>(e.children.data[i]));
  }
}

}  // namespace

struct HtmlDocument::Impl {
  std::string buffer;  // gumbo points into it: must outlive `out`
  GumboArena arena;    // holds the tree when arena_owns_tree: dropping it frees `out`
  bool arena_owns_tree = false;
  GumboOptions options = kGumboDefaultOptions;
  GumboOutput* out = nullptr;
  bool degraded = false;
  std::string degraded_text;
  std::vector<std::string> errors;
  HtmlPrescan prescan;
  HtmlNode head, body, html;
  std::string_view base_href;
  bool has_base = false;

  ~Impl() {
    if (out && !arena_owns_tree) gumbo_destroy_output(&options, out);
  }
};

HtmlDocument::HtmlDocument(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
HtmlDocument::HtmlDocument(HtmlDocument&&) noexcept = default;
HtmlDocument& HtmlDocument::operator=(HtmlDocument&&) noexcept = default;
HtmlDocument::~HtmlDocument() = default;

Expected<HtmlDocument> HtmlDocument::parse(std::string_view html, const HtmlLimits& limits) {
  auto impl = std::make_unique<Impl>();
  std::string_view input = html;
  if (input.size() > limits.max_input_bytes) {
    input = utf8_prefix(input, limits.max_input_bytes);
    impl->errors.push_back("html: input truncated to " + std::to_string(input.size()) + " bytes");
  }
  std::string sanitized;
  if (!is_valid_utf8(input)) {
    sanitized = sanitize_utf8(input);
    input = sanitized;
    impl->errors.push_back("html: invalid UTF-8 replaced with U+FFFD");
  }
  // The buffer gumbo reads: the input without the text of its head stylesheets (and, when asked,
  // the markup no extractor reads: droppable_markup()), copied once.
  const std::vector<std::pair<size_t, size_t>> dropped =
      limits.drop_unread_markup ? droppable_markup(input) : head_style_text(input);
  impl->buffer.reserve(input.size());
  size_t from = 0;
  for (const auto& [start, end] : dropped) {
    impl->buffer.append(input, from, start - from);
    from = end;
  }
  impl->buffer.append(input, from);
  impl->prescan = prescan_html(impl->buffer);
  std::string_view to_parse = impl->buffer;
  if (impl->prescan.max_depth > limits.max_depth || impl->prescan.unclosed() > limits.max_unclosed) {
    impl->degraded = true;
    if (impl->prescan.max_depth > limits.max_depth)
      impl->errors.push_back("html: nesting too deep (estimated depth " + std::to_string(impl->prescan.max_depth) +
                             " > " + std::to_string(limits.max_depth) + "); only the head was parsed");
    else
      impl->errors.push_back("html: too many unclosed elements (" + std::to_string(impl->prescan.unclosed()) +
                             " > " + std::to_string(limits.max_unclosed) + "); only the head was parsed");
    impl->degraded_text = strip_tags(impl->buffer);
    std::string_view window = std::string_view(impl->buffer).substr(0, limits.degraded_prefix_bytes);
    size_t end = ifind(window, "</head", 0);
    if (end == std::string_view::npos) end = ifind(window, "<body", 0);
    to_parse = end == std::string_view::npos ? std::string_view{} : window.substr(0, end);
    HtmlPrescan p = prescan_html(to_parse);
    if (p.max_depth > limits.max_depth || p.unclosed() > limits.max_unclosed) to_parse = {};
  }
  impl->options.max_errors = limits.max_errors;
  if (to_parse.size() <= k_arena_max_input) {
    impl->options.allocator = &GumboArena::gumbo_allocate;
    impl->options.deallocator = &GumboArena::gumbo_deallocate;
    impl->options.userdata = &impl->arena;
    impl->arena_owns_tree = true;
  }
  impl->out = gumbo_parse_with_options(&impl->options, to_parse.data() ? to_parse.data() : "", to_parse.size());
  if (!impl->out) return make_error("parse", "html: the parser returned no tree");

  if (impl->prescan.upper_case_names) canonical_case_unknown_tags(impl->out->root, impl->buffer);

  HtmlDocument doc(std::move(impl));
  Impl& d = *doc.m_impl;
  d.html = HtmlNode::from_raw(d.out->root);
  for (HtmlNode c = d.html.first_child(); c; c = c.next_sibling()) {
    if (c.is("head") && !d.head) d.head = c;
    if (c.is("body") && !d.body && !d.degraded) d.body = c;
  }
  // Only a <base> carrying href counts (HTML §4.2.3: the first base element with an href).
  walk_tree(doc.root(), [&](HtmlNode n) {
    if (d.has_base) return false;
    if (n.is("base") && n.has_attr("href")) {
      d.base_href = *n.attr("href");
      d.has_base = true;
      return false;
    }
    return n.is_element() || n.is_document();
  });
  return doc;
}

HtmlNode HtmlDocument::root() const { return HtmlNode::from_raw(m_impl->out->document); }
HtmlNode HtmlDocument::html() const { return m_impl->html; }
HtmlNode HtmlDocument::head() const { return m_impl->head; }
HtmlNode HtmlDocument::body() const { return m_impl->body; }

HtmlNode HtmlDocument::find_first(std::string_view tag) const {
  HtmlNode found;
  walk_tree(root(), [&](HtmlNode n) {
    if (found) return false;
    if (n.is(tag)) {
      found = n;
      return false;
    }
    return n.is_element() || n.is_document();
  });
  return found;
}

std::vector<HtmlNode> HtmlDocument::find_all(std::string_view tag) const {
  std::vector<HtmlNode> out;
  walk_tree(root(), [&](HtmlNode n) {
    if (n.is(tag)) out.push_back(n);
    return n.is_element() || n.is_document();
  });
  return out;
}

std::string_view HtmlDocument::base_href() const { return m_impl->base_href; }

std::string HtmlDocument::base_url(std::string_view document_url) const {
  std::string doc_url(trim(document_url));
  if (!m_impl->has_base) return doc_url;
  auto base = Url::parse(doc_url);
  if (!base) {
    auto abs = Url::parse(m_impl->base_href);
    return abs ? std::string(trim(m_impl->base_href)) : doc_url;
  }
  if (has_scheme(trim(m_impl->base_href))) return std::string(trim(m_impl->base_href));
  auto r = base->resolve(m_impl->base_href);
  return r ? r->str() : doc_url;
}

bool HtmlDocument::degraded() const { return m_impl->degraded; }
const std::string& HtmlDocument::degraded_text() const { return m_impl->degraded_text; }
const std::vector<std::string>& HtmlDocument::errors() const { return m_impl->errors; }
const HtmlPrescan& HtmlDocument::prescan() const { return m_impl->prescan; }
size_t HtmlDocument::input_bytes() const { return m_impl->buffer.size(); }

// ---------------------------------------------------------------------------------------------
// Serialisation

std::string inner_html(HtmlNode node, const std::function<std::string(std::string_view)>* resolve) {
  std::string out;
  for (HtmlNode top = node.first_child(); top; top = top.next_sibling()) {
    walk_tree(
        top,
        [&](HtmlNode n) {
          if (n.is_element()) {
            std::string_view t = n.tag();
            out += '<';
            out += t;
            for (auto [k, v] : n.attrs()) {
              out += ' ';
              out += k;
              out += "=\"";
              if (resolve && is_url_attribute(t, k) && !v.empty() && v[0] != '#')
                escape_into(out, (*resolve)(v), true);
              else
                escape_into(out, v, true);
              out += '"';
            }
            out += '>';
            return !is_void_tag(t);
          }
          if (n.is_text()) {
            HtmlNode p = n.parent();
            std::string_view pt = p.tag();
            if (one_of(pt, {"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"}))
              out += n.text();
            else
              escape_into(out, n.text(), false);
          } else if (n.is_comment()) {
            out += "<!--";
            out += n.text();
            out += "-->";
          }
          return false;
        },
        [&](HtmlNode n) {
          if (n.is_element() && !is_void_tag(n.tag())) {
            out += "</";
            out += n.tag();
            out += '>';
          }
        });
  }
  return out;
}

}  // namespace exposcan
