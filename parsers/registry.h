// parsers/registry.h — which parser reads a Page: platform adapters chosen by host and content
// type, the generic HTML extractors otherwise. Pure and thread-safe.
//
// Pages that could not be fetched, or that show a login wall instead of content, are not empty
// results: a listed target yields one Item with visibility login-wall / blocked / rate-limited /
// unknown and the evidence, so rules can say "not public" or "could not check" (DESIGN §6).
#pragma once

#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_page(const Page& page);

// parse_page with the adapter of `platform` ("mastodon", "bluesky", ...; "web" = the generic
// extractors) whatever the host; nullopt for an unknown platform name. For `exposcan inspect
// --platform` and for pages saved from hosts the registry does not know (self-hosted instances).
std::optional<ParseOutput> parse_page_as(const Page& page, std::string_view platform);

// The platform names parse_page_as accepts.
std::vector<std::string> known_platforms();

// "instagram", "mastodon", ... for known platform hosts; "web" otherwise.
std::string platform_for_host(std::string_view host);

}  // namespace exposcan
