// scanner/scope.h — whether a URL belongs to a target (same origin, path prefix, include/exclude).
#pragma once

#include <string_view>

#include "core/url.h"
#include "scanner/crawl_types.h"

namespace exposcan {

// robots.txt-style pattern match against path+query: '*' matches any run, '$' anchors the end,
// otherwise a prefix match.
bool path_pattern_matches(std::string_view pattern, std::string_view path);

// `target_origin` is the start URL's origin ("https://host[:port]").
bool in_scope(const CrawlScope& scope, std::string_view target_origin, const Url& url);
// Same on the parts of a normalised URL.
bool in_scope(const CrawlScope& scope, std::string_view target_origin, std::string_view origin,
              std::string_view path_and_query);

}  // namespace exposcan
