#include "parsers/html_text.h"

#include <algorithm>
#include <initializer_list>

#include "core/text.h"

namespace exposcan {
namespace {

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

}  // namespace

bool is_hidden_text_container(HtmlNode e) {
  if (!e.is_element()) return false;
  std::string_view t = e.tag();
  if (one_of(t, {"script", "style", "template", "noscript", "head", "title", "meta", "link", "iframe", "object",
                 "svg", "math", "select", "datalist", "canvas"}))
    return true;
  return e.has_attr("hidden");
}

bool is_block_element(std::string_view t) {
  return one_of(t, {"address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl",
                    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
                    "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
                    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "menu",
                    "center", "legend", "option"});
}

void VisibleTextBuilder::open(HtmlNode e) {
  std::string_view t = e.tag();
  if (t == "br") line_break();
  else if (is_block_element(t)) m_newline = !m_out.empty();
  else if (t == "img" || t == "input") m_space = true;
}

void VisibleTextBuilder::close(HtmlNode e) {
  std::string_view t = e.tag();
  if (is_block_element(t)) m_newline = !m_out.empty();
  else if (t == "td" || t == "th") m_space = true;
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
