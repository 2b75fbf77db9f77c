// parsers/platforms/platform_common.h — helpers the platform adapters share.
#pragma once

#include <string>
#include <string_view>

#include "parsers/item.h"
#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

// An Item carrying the page's provenance, source hash and signals; the adapter fills the rest.
Item platform_item(const Page& page, const ParseOutput& out, std::string platform);

// The last non-empty path segment of a URL ("https://x/@jane/123" -> "123").
std::string last_path_segment(std::string_view url);

}  // namespace exposcan
