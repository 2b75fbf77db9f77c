#include "parsers/html_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "core/text.h"

namespace exposcan {
namespace {

// Tag sets asked about every element of a page, several times.
constexpr auto k_hidden_containers = sorted_names(std::to_array<std::string_view>({
    "script", "style", "template", "noscript", "head", "title", "meta", "link", "iframe", "object", "svg", "math",
    "select", "datalist", "canvas"}));

constexpr auto k_block_elements = sorted_names(std::to_array<std::string_view>({
    "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
    "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul", "caption", "menu", "center", "legend", "option"}));

constexpr uint8_t k_hidden = 1, k_block = 2;

uint8_t tag_flags(std::string_view tag) {
  return static_cast<uint8_t>((in_sorted(k_hidden_containers, tag) ? k_hidden : 0) |
                              (in_sorted(k_block_elements, tag) ? k_block : 0));
}

// The same sets by the parser's tag number, built once: the searches above cost a few percent of
// the parse stage when asked by name for every element.
uint8_t tag_flags(HtmlNode e) {
  static const std::vector<uint8_t> k_by_id = [] {
    std::vector<uint8_t> f(static_cast<size_t>(tag_id_count()), 0);
    for (int id = 0; id < tag_id_count(); ++id)
      if (std::string_view name = tag_id_name(id); !name.empty()) f[static_cast<size_t>(id)] = tag_flags(name);
    return f;
  }();
  const int id = e.tag_id();
  return id >= 0 ? k_by_id[static_cast<size_t>(id)] : tag_flags(e.tag());
}

}  // namespace

bool is_hidden_text_container(HtmlNode e) {
  if (!e.is_element()) return false;
  return (tag_flags(e) & k_hidden) || e.has_attr("hidden");
}

void VisibleTextBuilder::open(HtmlNode e) {
  std::string_view t = e.tag();
  if (t == "br") line_break();
  else if (tag_flags(e) & k_block) m_newline = !m_out.empty();
  else if (t == "img" || t == "input") m_space = true;
}

void VisibleTextBuilder::close(HtmlNode e) {
  if (tag_flags(e) & k_block) m_newline = !m_out.empty();
  else if (std::string_view t = e.tag(); t == "td" || t == "th") m_space = true;
}

void VisibleTextBuilder::line_break() {
  if (m_out.size() >= m_max) return;
  if (m_newline || m_out.empty()) {
    m_newline = !m_out.empty();
    return;
  }
  m_out += '\n';
  m_space = false;
}

void VisibleTextBuilder::add_text(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (m_out.size() >= m_max) return;
    char c = s[i];
    bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (is_ascii_space(c) || nbsp) {
      if (nbsp) ++i;
      m_space = true;
      continue;
    }
    if (m_newline) {
      if (!m_out.empty() && m_out.back() != '\n') m_out += '\n';
      m_newline = false;
      m_space = false;
    } else if (m_space && !m_out.empty() && m_out.back() != '\n') {
      m_out += ' ';
    }
    m_space = false;
    m_out += c;
  }
}

std::string visible_text(HtmlNode node, size_t max_bytes) {
  VisibleTextBuilder b(max_bytes);
  walk_tree(
      node,
      [&](HtmlNode n) {
        if (n.is_text()) {
          b.add_text(n.text());
          return false;
        }
        if (!n.is_element()) return n.is_document();
        if (is_hidden_text_container(n)) return false;
        b.open(n);
        return true;
      },
      [&](HtmlNode n) {
        if (n.is_element() && !is_hidden_text_container(n)) b.close(n);
      });
  return b.take();
}

std::string text_content(HtmlNode node) {
  std::string out;
  walk_tree(node, [&](HtmlNode n) {
    if (n.is_text()) out += n.text();
    return n.is_element() || n.is_document();
  });
  return out;
}

}  // namespace exposcan
