// parsers/platforms/stackexchange.h — the Stack Exchange API (api.stackexchange.com/2.3) as Items.
//
// The documented public API, read without a key: /users/{ids} (display name, location, website,
// profile link and picture; `about_me` when the request's filter includes it), /users/{id}/questions
// and /users/{id}/answers (with `filter=withbody`: the post's HTML body; title, tags, link, score,
// dates, `content_license`). Every answer is a "common wrapper" object: {items, has_more, quota_*,
// backoff?}; `has_more` becomes a "next" link to page+1. Stack Overflow licenses questions, answers
// and comments for AI training (KNOWLEDGE.md §B): questions are posts, answers comments on their
// question. Ids: "stackexchange:<site>:user:<id>", ":question:<id>", ":answer:<id>"; the platform is
// "stackoverflow" on site=stackoverflow, else "stackexchange".
#pragma once

#include <string>
#include <string_view>

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_stackexchange_json(const Page& page);

// A site's web origin from the API's `site` name: "stackoverflow" -> "https://stackoverflow.com",
// "mathoverflow" -> "https://mathoverflow.net", "gardening" -> "https://gardening.stackexchange.com".
std::string stackexchange_origin(std::string_view site);

}  // namespace exposcan
