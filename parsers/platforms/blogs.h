// parsers/platforms/blogs.h — blog platforms' JSON APIs as Items: WordPress and Tumblr.
//
// WordPress REST API (any host): /wp-json/wp/v2/posts and /pages (title.rendered,
// content.rendered, excerpt.rendered, date_gmt, modified_gmt, link, _embedded author and
// featured media with alt_text) with the Link header's rel="next" (or X-WP-TotalPages) as paging,
// /wp-json/wp/v2/users (name, description, url, avatar_urls). Tumblr API v2 /v2/blog/NAME/posts and
// /info (legacy post types and NPF content blocks: text, image with alt_text, link; tags) with
// `_links.next` / offset paging; Tumblr's legacy /api/read/json (JavaScript-wrapped) is unwrapped.
// Ids: "wordpress:<host>:post:<id>", "tumblr:<blog>:post:<id>".
#pragma once

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_wordpress_json(const Page& page);
ParseOutput parse_tumblr_json(const Page& page);

// True for a URL path under /wp-json/wp/v2/ (or the ?rest_route= form).
bool is_wordpress_api_url(std::string_view url);

}  // namespace exposcan
