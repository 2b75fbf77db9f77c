#include "parsers/html_document.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "core/text.h"
#include "core/url.h"
#include "parsers/gumbo_arena.h"

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

// HTML's ASCII whitespace (space, tab, LF, FF, CR): what separates class tokens and attributes.
bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool is_void_tag(std::string_view t) {
  return one_of(t, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                    "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"});
}
bool is_raw_text_tag(std::string_view t) {
  return one_of(t, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"});
}
// Elements whose end tags are optional: the tree builder closes them itself, so they do not
// add up into depth the way unclosed <div>s do.
bool is_auto_closing_tag(std::string_view t) {
  return one_of(t, {"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rp", "rt", "rtc",
                    "tbody", "thead", "tfoot", "caption", "colgroup", "html", "head", "body"});
}

size_t ifind(std::string_view hay, std::string_view needle, size_t from) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  if (!is_ascii_alpha(needle[0])) {  // "</script", "-->": memchr to each candidate
    for (size_t i = hay.find(needle[0], from); i != std::string_view::npos && i + needle.size() <= hay.size();
         i = hay.find(needle[0], i + 1)) {
      size_t k = 1;
      while (k < needle.size() && ascii_lower_char(hay[i + k]) == needle[k]) ++k;
      if (k == needle.size()) return i;
    }
    return std::string_view::npos;
  }
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && ascii_lower_char(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// Reads a tag name at s[i] as the HTML tokenizer does (tag name state): everything up to
// whitespace, '/' or '>', ASCII lower-cased. "<script.x>" and "<style%>" name other elements, not
// raw-text ones. Only the first 33 characters are kept: no name compared against is that long, so
// a longer one matches nothing.
std::string read_tag_name(std::string_view s, size_t& i) {
  std::string name;
  while (i < s.size() && !is_html_space(s[i]) && s[i] != '/' && s[i] != '>') {
    if (name.size() < 33) name += ascii_lower_char(s[i]);
    ++i;
  }
  return name;
}

// Skips attributes up to and including '>'; returns true when the tag ended with "/>".
bool skip_tag_rest(std::string_view s, size_t& i) {
  bool self_closing = false;
  while (i < s.size()) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      size_t e = s.find(c, i + 1);
      i = e == std::string_view::npos ? s.size() : e + 1;
      self_closing = false;
      continue;
    }
    if (c == '>') {
      ++i;
      return self_closing;
    }
    self_closing = c == '/';
    ++i;
  }
  return self_closing;
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
// Pre-scan

HtmlPrescan prescan_html(std::string_view s) {
  HtmlPrescan r;
  size_t depth = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t lt = s.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= s.size()) break;
    i = lt + 1;
    char c = s[i];
    if (c == '!') {
      if (s.substr(i, 3) == "!--") {
        size_t e = s.find("-->", i + 3);
        i = e == std::string_view::npos ? s.size() : e + 3;
      } else {
        size_t e = s.find('>', i);
        i = e == std::string_view::npos ? s.size() : e + 1;
      }
      continue;
    }
    if (c == '?') {
      size_t e = s.find('>', i);
      i = e == std::string_view::npos ? s.size() : e + 1;
      continue;
    }
    if (c == '/') {
      ++i;
      if (i >= s.size() || !is_ascii_alpha(s[i])) continue;
      std::string name = read_tag_name(s, i);
      skip_tag_rest(s, i);
      if (is_void_tag(name) || is_auto_closing_tag(name)) continue;
      ++r.end_tags;
      if (depth > 0) --depth;
      continue;
    }
    if (!is_ascii_alpha(c)) continue;
    const size_t name_start = i;
    std::string name = read_tag_name(s, i);
    if (!r.upper_case_names)
      r.upper_case_names = std::any_of(s.begin() + name_start, s.begin() + i, [](char k) { return k >= 'A' && k <= 'Z'; });
    bool self_closing = skip_tag_rest(s, i);
    if (is_raw_text_tag(name)) {
      size_t e = ifind(s, "</" + name, i);
      i = e == std::string_view::npos ? s.size() : e;
      continue;
    }
    if (self_closing || is_void_tag(name) || is_auto_closing_tag(name)) continue;
    ++r.start_tags;
    ++depth;
    r.max_depth = std::max(r.max_depth, depth);
  }
  return r;
}

namespace {

// Steps over a tag's attributes as the HTML tokenizer does (quotes only open a value after '=');
// returns the position after '>', or npos when the tag never ends.
size_t end_of_tag(std::string_view s, size_t i) {
  while (i < s.size()) {
    const char c = s[i];
    if (c == '>') return i + 1;
    if (is_html_space(c) || c == '/') {
      ++i;
      continue;
    }
    ++i;  // the attribute name's first character may be '=' or a quote
    while (i < s.size() && !is_html_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') ++i;
    while (i < s.size() && is_html_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && is_html_space(s[i])) ++i;
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
      size_t close = s.find(s[i], i + 1);
      if (close == std::string_view::npos) return close;
      i = close + 1;
    } else {
      while (i < s.size() && !is_html_space(s[i]) && s[i] != '>') ++i;
    }
  }
  return std::string_view::npos;
}

// Where the raw text started at `from` ends: the next "</name" followed by space, '/' or '>'
// (HTML's appropriate end tag), or npos.
size_t raw_text_end(std::string_view s, size_t from, std::string_view name) {
  const std::string close = "</" + std::string(name);
  for (size_t e = ifind(s, close, from); e != std::string_view::npos; e = ifind(s, close, e + 1)) {
    const size_t after = e + close.size();
    if (after < s.size() && (is_html_space(s[after]) || s[after] == '/' || s[after] == '>')) return e;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> head_style_text(std::string_view s) {
  std::vector<std::pair<size_t, size_t>> spans;
  size_t i = s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < s.size()) {
    if (is_html_space(s[i])) {
      ++i;
      continue;
    }
    if (s[i] != '<' || i + 1 >= s.size()) break;  // text: the body has begun
    const char c = s[i + 1];
    if (s.substr(i, 4) == "<!--") {
      size_t e = s.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    if (c == '!' || c == '?') {  // doctype, bogus comment
      size_t e = s.find('>', i + 2);
      if (e == std::string_view::npos) break;
      i = e + 1;
      continue;
    }
    const bool end_tag = c == '/';
    size_t j = i + (end_tag ? 2 : 1);
    if (j >= s.size() || !is_ascii_alpha(s[j])) break;
    const std::string name = read_tag_name(s, j);
    if (end_tag ? !one_of(name, {"head", "noscript", "template", "title", "script", "style"})
                : !one_of(name, {"html", "head", "meta", "link", "title", "script", "style", "noscript", "base",
                                 "template", "basefont", "bgsound"}))
      break;
    j = end_of_tag(s, j);
    if (j == std::string_view::npos) break;
    i = j;
    if (end_tag || !one_of(name, {"title", "script", "style"})) continue;
    const size_t e = raw_text_end(s, i, name);
    if (e == std::string_view::npos) break;
    // "<!--" in a script opens its escaped states, where "</script>" may not end it: stop here.
    if (name == "script" && s.substr(i, e - i).find("<!--") != std::string_view::npos) break;
    if (name == "style" && e > i) spans.emplace_back(i, e);
    i = e;
  }
  return spans;
}

namespace {

// Drawing elements of SVG 1.1/2 (lower-cased) that hold no text and nothing the extractors read.
bool is_svg_graphic_tag(std::string_view t) {
  return one_of(t, {"svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "defs", "use",
                    "symbol", "clippath", "mask", "lineargradient", "radialgradient", "stop", "pattern", "marker",
                    "filter", "feblend", "fecolormatrix", "fecomponenttransfer", "fecomposite", "feconvolvematrix",
                    "fediffuselighting", "fedisplacementmap", "fedistantlight", "fedropshadow", "feflood",
                    "fefunca", "fefuncb", "fefuncg", "fefuncr", "fegaussianblur", "femerge", "femergenode",
                    "femorphology", "feoffset", "fepointlight", "fespecularlighting", "fespotlight", "fetile",
                    "feturbulence"});
}

// Calls fn(name, value) for each attribute of a tag as the HTML tokenizer reads it (`tag` from
// its name's end to '>'; no value: empty). Values are raw: character references undecoded.
template <typename Fn>
void for_each_raw_attribute(std::string_view tag, Fn&& fn) {
  size_t i = 0;
  while (i < tag.size()) {
    const char c = tag[i];
    if (c == '>') return;
    if (is_html_space(c) || c == '/') {
      ++i;
      continue;
    }
    const size_t name_start = i++;  // the attribute name's first character may be '=' or a quote
    while (i < tag.size() && !is_html_space(tag[i]) && tag[i] != '/' && tag[i] != '>' && tag[i] != '=') ++i;
    const std::string_view name = tag.substr(name_start, i - name_start);
    while (i < tag.size() && is_html_space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') {
      fn(name, std::string_view{});
      continue;
    }
    ++i;
    while (i < tag.size() && is_html_space(tag[i])) ++i;
    size_t v_start = i, v_end;
    if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
      v_start = i + 1;
      v_end = tag.find(tag[i], v_start);
      if (v_end == std::string_view::npos) return;  // never closed: the tag never ends
      i = v_end + 1;
    } else {
      while (i < tag.size() && !is_html_space(tag[i]) && tag[i] != '>') ++i;
      v_end = i;
    }
    fn(name, tag.substr(v_start, v_end - v_start));
  }
}

// The value of attribute `name` (lower-case) in a tag (see for_each_raw_attribute; the first of
// duplicates wins); nullopt when absent.
std::optional<std::string_view> raw_attribute(std::string_view tag, std::string_view name) {
  std::optional<std::string_view> out;
  for_each_raw_attribute(tag, [&](std::string_view n, std::string_view v) {
    if (!out && n.size() == name.size() && ifind(n, name, 0) == 0) out = v;
  });
  return out;
}

// A tag inside an svg that might mean something to an extractor: a class that could hold a
// microformat root or property (any "h-", "p-", "u-", "e-", "dt-" or classic name in its value), a
// role or microdata (item*). `rest` is the tag after its name.
bool tag_may_carry_meaning(std::string_view rest) {
  bool meaningful = false;
  for_each_raw_attribute(rest, [&](std::string_view name, std::string_view value) {
    if (meaningful) return;
    if (name.size() == 4 && ifind(name, "role", 0) == 0) meaningful = true;
    if (name.size() >= 4 && ifind(name, "item", 0) == 0) meaningful = true;
    if (name.size() == 5 && ifind(name, "class", 0) == 0)
      for (std::string_view k : {"h-", "p-", "u-", "e-", "dt-", "vcard", "hentry", "hfeed", "vevent", "hre",
                                 "hproduct", "adr", "geo", "hnews", "entry", "author", "fn", "url", "photo"})
        if (ifind(value, k, 0) != std::string_view::npos) meaningful = true;
  });
  return meaningful;
}

// A script the browser runs as JavaScript (HTML's JavaScript MIME type essences, "module", or no
// type): its text is code, which no extractor reads. Data blocks (JSON-LD, application/json, any
// other or unclear type) keep their text.
bool is_classic_script(std::string_view tag_rest) {
  const auto type = raw_attribute(tag_rest, "type");
  if (!type) return true;
  std::string_view t = *type;
  while (!t.empty() && is_html_space(t.front())) t.remove_prefix(1);
  while (!t.empty() && is_html_space(t.back())) t.remove_suffix(1);
  if (t.empty()) return true;
  if (t.find('&') != std::string_view::npos || t.size() > 32) return false;  // a reference: unclear
  std::string lower;
  for (char c : t) lower += ascii_lower_char(c);
  return one_of(lower, {"module", "text/javascript", "application/javascript", "application/ecmascript",
                        "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
                        "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
                        "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
                        "text/x-ecmascript", "text/x-javascript"});
}

// The tags and comments of the svg whose start tag ended at `from` when it is pure graphics (see
// droppable_markup), appended to `spans`; returns where its end tag starts, or npos (nothing
// appended) when anything else is in it or it never ends.
size_t graphic_svg_content(std::string_view s, size_t from, std::vector<std::pair<size_t, size_t>>& spans) {
  const size_t first = spans.size();
  auto fail = [&] {
    spans.resize(first);
    return std::string_view::npos;
  };
  int depth = 1;
  size_t k = from;
  while (true) {
    const size_t lt = s.find('<', k);
    if (lt == std::string_view::npos || lt + 1 >= s.size()) return fail();
    for (size_t i = k; i < lt; ++i)
      if (!is_html_space(s[i])) return fail();  // text (character references included)
    if (s.compare(lt, 4, "<!--") == 0) {
      const size_t e = s.find("-->", lt + 4);
      if (e == std::string_view::npos) return fail();
      const std::string_view body = s.substr(lt + 4, e - lt - 4);
      // "<!-->", "<!--->" and "--!>" end a comment earlier than "-->" does: keep those as they are.
      if (body.find_first_of("<>") != std::string_view::npos || body.starts_with("-")) return fail();
      spans.emplace_back(lt, e + 3);
      k = e + 3;
      continue;
    }
    const bool end_tag = s[lt + 1] == '/';
    size_t j = lt + (end_tag ? 2 : 1);
    if (j >= s.size() || !is_ascii_alpha(s[j])) return fail();  // CDATA, bogus comments, a literal '<'
    const std::string name = read_tag_name(s, j);
    const size_t e = end_of_tag(s, j);
    if (e == std::string_view::npos || !is_svg_graphic_tag(name)) return fail();
    const std::string_view tag = s.substr(lt, e - lt);
    if (!end_tag && tag_may_carry_meaning(s.substr(j, e - j))) return fail();
    if (name == "svg") {
      if (end_tag && --depth == 0) return lt;
      if (!end_tag) {
        if (tag.ends_with("/>")) return fail();  // a nested self-closing svg: not worth the doubt
        ++depth;
      }
    }
    spans.emplace_back(lt, e);
    k = e;
  }
}

}  // namespace

std::vector<std::pair<size_t, size_t>> droppable_markup(std::string_view s, MarkupDrops what) {
  std::vector<std::pair<size_t, size_t>> spans;
  // Open svg and math start tags seen (their script elements are not raw text); an end tag closes
  // only its own kind ("</math>" inside an svg leaves it open).
  int open_svg = 0, open_math = 0;
  size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos && i + 1 < s.size()) {
    if (s.compare(i, 4, "<!--") == 0) {
      const size_t e = s.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    const char c = s[i + 1];
    if (c == '!' || c == '?' || (c == '/' && !(i + 2 < s.size() && is_ascii_alpha(s[i + 2])))) {
      const size_t e = s.find('>', i + 2);  // doctype, bogus comment
      if (e == std::string_view::npos) break;
      i = e + 1;
      continue;
    }
    const bool end_tag = c == '/';
    size_t j = i + (end_tag ? 2 : 1);
    if (!is_ascii_alpha(s[j])) {  // a literal '<'
      ++i;
      continue;
    }
    const std::string name = read_tag_name(s, j);
    const size_t name_end = j;
    j = end_of_tag(s, j);
    if (j == std::string_view::npos) break;
    const std::string_view tag = s.substr(i, j - i);
    i = j;
    const bool foreign_root = name == "svg" || name == "math";
    int* open_count = name == "svg" ? &open_svg : &open_math;
    const int foreign = open_svg + open_math;
    if (end_tag) {
      if (foreign_root && *open_count > 0) --*open_count;
      continue;
    }
    if (name == "plaintext") break;
    if (is_raw_text_tag(name)) {
      const size_t e = raw_text_end(s, i, name);
      if (e == std::string_view::npos) break;
      // "<!--" in a script opens its escaped states, where "</script>" may not end it: stop here.
      if (name == "script" && s.substr(i, e - i).find("<!--") != std::string_view::npos) break;
      if (what.script_text && name == "script" && foreign == 0 && e > i &&
          is_classic_script(s.substr(name_end, j - name_end)))
        spans.emplace_back(i, e);
      if (what.style_text && name == "style" && foreign == 0 && e > i) spans.emplace_back(i, e);
      i = e;
      continue;
    }
    if (!foreign_root || tag.ends_with("/>")) continue;
    if (name == "svg" && what.svg_graphics) {
      const size_t end = graphic_svg_content(s, i, spans);
      if (end != std::string_view::npos) {
        i = end;  // its end tag comes next
        ++open_svg;
        continue;
      }
    }
    ++*open_count;
  }
  return spans;
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
// Serialisation and tag stripping

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

std::string strip_tags(std::string_view s) {
  std::string raw;
  raw.reserve(s.size() / 2);
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c != '<') {
      raw += c;
      ++i;
      continue;
    }
    if (s.substr(i, 4) == "<!--") {
      size_t e = s.find("-->", i + 4);
      i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    size_t j = i + 1;
    bool end_tag = j < s.size() && s[j] == '/';
    if (end_tag) ++j;
    if (j >= s.size() || !(is_ascii_alpha(s[j]) || s[j] == '!' || s[j] == '?')) {
      raw += c;
      ++i;
      continue;
    }
    std::string name = read_tag_name(s, j);
    skip_tag_rest(s, j);
    i = j;
    if (!end_tag && (name == "script" || name == "style" || name == "template")) {
      size_t e = ifind(s, "</" + name, i);
      i = e == std::string_view::npos ? s.size() : e;
      continue;
    }
    raw += ' ';
  }
  // Decode the entities that matter for readable text.
  static const std::pair<std::string_view, std::string_view> k_entities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"},
      {"&nbsp;", " "}};
  std::string decoded;
  decoded.reserve(raw.size());
  for (size_t k = 0; k < raw.size(); ++k) {
    bool matched = false;
    if (raw[k] == '&') {
      for (auto [from, to] : k_entities) {
        if (std::string_view(raw).substr(k, from.size()) == from) {
          decoded += to;
          k += from.size() - 1;
          matched = true;
          break;
        }
      }
    }
    if (!matched) decoded += raw[k];
  }
  return collapse_whitespace(decoded);
}

}  // namespace exposcan
