// parsers/html_text.h — text of HTML elements as a reader sees it.
//
// Visible text skips script/style/template/noscript and `hidden` elements, separates block
// elements with newlines and turns <br> into a newline; runs of whitespace collapse to one space.
// Entities are already decoded by the parser. The builder is incremental so one tree walk can
// feed several consumers (parsers/html_scan.h).
#pragma once

#include <string>
#include <string_view>

#include "parsers/html_document.h"

namespace exposcan {

// True for elements whose content never renders as text.
bool is_hidden_text_container(HtmlNode element);

class VisibleTextBuilder {
 public:
  explicit VisibleTextBuilder(size_t max_bytes = 1u << 20) : m_max(max_bytes) {}
  void open(HtmlNode element);   // call when entering an element (not a hidden container)
  void close(HtmlNode element);  // call when leaving it
  void add_text(std::string_view text);
  void line_break();
  const std::string& text() const { return m_out; }
  std::string take() { return std::move(m_out); }

 private:
  std::string m_out;
  size_t m_max;
  bool m_space = false;
  bool m_newline = false;
};

// Visible text of an element's subtree (one walk).
std::string visible_text(HtmlNode node, size_t max_bytes = 1u << 20);
// DOM textContent: every descendant text node, concatenated, nothing skipped.
std::string text_content(HtmlNode node);

}  // namespace exposcan
