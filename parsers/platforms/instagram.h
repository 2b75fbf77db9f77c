// parsers/platforms/instagram.h — Instagram's logged-out pages and public web endpoints as Items.
//
// Profile HTML: the account (JSON-LD ProfilePage/Person, OpenGraph counts and bio) and the post
// tiles it shows (photos with their accessibility captions). Post page HTML: the post from the
// post query answer the page embeds (data-sjs scripts), else OpenGraph (caption, image, date).
// JSON: web_profile_info (GraphQL nodes: the account and its timeline media with captions,
// accessibility captions, locations and tagged users), the account as /api/v1/users/<id>/info/
// gives it, and api/v1 media wherever the web client gets them (xdt_api__v1__* GraphQL answers,
// /api/v1/feed/user/, the post query). A post is its owner's. Ids: "instagram:post:<shortcode>",
// "instagram:account:<username>".
#pragma once

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_instagram_html(const Page& page);
ParseOutput parse_instagram_json(const Page& page);

}  // namespace exposcan
