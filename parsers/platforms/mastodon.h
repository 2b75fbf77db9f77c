// parsers/platforms/mastodon.h — Mastodon (and compatible ActivityPub servers) as Items.
//
// Logged-out profile HTML: the account (display name, handle, bio, custom profile fields, which
// often hold contact data) and its statuses (the h-entry markup Mastodon renders); a status page:
// that status. REST API JSON (docs.joinmastodon.org): /api/v1/accounts/lookup and /accounts/:id
// (Account: note, fields, discoverable/indexable/noindex flags), /accounts/:id/statuses (Status:
// content, spoiler_text, media_attachments with descriptions, tags, visibility, reblogs) with the
// Link header's rel="next" (max_id paging) as a "next" link; WebFinger JRD (links to the actor);
// ActivityPub actor/outbox JSON (parsers/platforms/activitypub.h). RSS (/@user.rss) goes through
// parsers/feeds.h. Ids are "mastodon:<host>:status:<id>" / "mastodon:<host>:account:<username>".
// Since Mastodon 4.0 a logged-out status page is the web app's shell: its OpenGraph tags (text,
// date, images with alt text, author) are the status.
#pragma once

#include <string_view>

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

// Mastodon's stand-in avatar or header (".../missing.png") of an account that set none.
bool is_mastodon_placeholder_image(std::string_view url);

ParseOutput parse_mastodon_html(const Page& page);
ParseOutput parse_mastodon_json(const Page& page);

}  // namespace exposcan
