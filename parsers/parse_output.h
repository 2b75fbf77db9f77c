// parsers/parse_output.h — what a page parser returns: Items, page signals, links and errors.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "parsers/item.h"

namespace exposcan {

struct DiscoveredLink {
  std::string url;   // absolute
  std::string kind;  // "anchor", "feed", "rel_me", "next", "sitemap"
  std::string rel;   // rel tokens as written (lower-case)
};

struct ParseOutput {
  std::vector<Item> items;
  std::shared_ptr<const PageSignals> signals;  // also attached to every Item
  std::vector<DiscoveredLink> links;
  std::vector<std::string> errors;  // recorded problems; parsing went on
};

}  // namespace exposcan
