// parsers/opengraph.h — OpenGraph (ogp.me) and Twitter card metadata of a page.
//
// Every <meta property|name="og:*|article:*|profile:*|book:*|music:*|video:*|twitter:*|fb:*">
// becomes one (key, content) pair, keys lower-cased, in document order: a multimap, because
// OpenGraph arrays repeat keys (several og:image, each followed by its og:image:alt).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/html_scan.h"

namespace exposcan {

struct OpenGraphImage {
  std::string url;
  std::string alt;
};

struct OpenGraph {
  std::vector<std::pair<std::string, std::string>> properties;

  bool empty() const { return properties.empty(); }
  std::string first(std::string_view key) const;  // "" when absent
  std::vector<std::string> all(std::string_view key) const;
  // og:image (or :url / :secure_url) with the :alt that follows it; twitter:image(+:alt) when no og:image.
  std::vector<OpenGraphImage> images() const;
  std::string title() const;        // og:title, else twitter:title
  std::string description() const;  // og:description, else twitter:description
};

OpenGraph extract_opengraph(const HtmlScan& scan);

}  // namespace exposcan
