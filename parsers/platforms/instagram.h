// parsers/platforms/instagram.h — Instagram's logged-out pages and public web endpoints as Items.
//
// Profile HTML: the account (JSON-LD ProfilePage/Person, OpenGraph counts and bio) and the post
// tiles it shows (photos with their accessibility captions). Post page HTML: the post (caption
// from og:title/og:description, image, date). The public web profile endpoint
// (/api/v1/users/web_profile_info/?username=): the account and its timeline media with captions,
// accessibility captions, locations and tagged users. Ids: "instagram:post:<shortcode>",
// "instagram:account:<username>".
#pragma once

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_instagram_html(const Page& page);
ParseOutput parse_instagram_json(const Page& page);

}  // namespace exposcan
