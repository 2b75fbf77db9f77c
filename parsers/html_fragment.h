// parsers/html_fragment.h — text, images and links of an HTML fragment embedded in data.
//
// Feeds (description, content:encoded, content_html), Mastodon statuses and WordPress posts carry
// their content as HTML strings. This parses one with the same safe HtmlDocument and returns what
// a reader sees: visible text, images with their alt text, and link targets (resolved against
// `base_url` when it is absolute). Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parsers/item.h"

namespace exposcan {

struct HtmlFragment {
  std::string text;               // visible text, whitespace collapsed within lines
  std::vector<Media> images;      // <img> (type "image"), <video>/<audio> sources
  std::vector<std::string> links; // <a href>, resolved, unique, in document order
  std::vector<std::string> hashtags;  // text of links with rel=tag or class hashtag, without '#'
};

HtmlFragment parse_html_fragment(std::string_view html, std::string_view base_url = {});

// Plain text of an HTML fragment (shortcut for parse_html_fragment(html).text).
std::string html_to_text(std::string_view html);

}  // namespace exposcan
