// parsers/registry.h — which parser reads a Page: platform adapters chosen by host and content
// type, the generic HTML extractors otherwise. Pure and thread-safe.
//
// Pages that could not be fetched, or that show a login wall instead of content, are not empty
// results: a listed target yields one Item with visibility login-wall / blocked / rate-limited /
// unknown and the evidence, so rules can say "not public" or "could not check" (DESIGN §6).
#pragma once

#include <string>
#include <string_view>

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_page(const Page& page);

// "instagram", "mastodon", ... for known platform hosts; "web" otherwise.
std::string platform_for_host(std::string_view host);

}  // namespace exposcan
