// parsers/platforms/mastodon.h — Mastodon (and compatible ActivityPub servers) pages as Items.
//
// Logged-out profile HTML: the account (display name, handle, bio, custom profile fields, which
// often hold contact data) and its statuses (the h-entry markup Mastodon renders); a status page:
// that status. Ids are "mastodon:<host>:status:<id>" / "mastodon:<host>:account:<username>".
#pragma once

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_mastodon_html(const Page& page);

}  // namespace exposcan
