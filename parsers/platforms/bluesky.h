// parsers/platforms/bluesky.h — Bluesky (AT Protocol) public AppView responses as Items.
//
// app.bsky.actor.getProfile (ProfileViewDetailed: handle, displayName, description, avatar,
// counts, labels — "!no-unauthenticated" means the person asked apps to hide the profile from
// logged-out visitors, recorded as a field and a platform "noauth" directive), app.bsky.feed.
// getAuthorFeed (FeedViewPost: the post record's text, createdAt, langs, facets — links, mentions,
// tags, resolved on UTF-8 byte offsets — embeds: images with alt text, external link cards,
// quoted records, recordWithMedia, video playlists; labels, negations left out; reposts as links
// credited "reposted_by"; with includePins, the pinned post marked "pinned") with `cursor` paging
// turned into a "next" link (the profile's pinnedPost is the field "pinned_post"), app.bsky.feed.getPosts / getPostThread posts, and com.atproto.repo.getRecord of the
// proposed user-intent declaration (org.user-intents.declaration: syntheticContentGeneration,
// bulkDataset, ... each {allow, updatedAt}) as profile fields "user_intent.<name>" = allow|deny.
// Ids: "bluesky:post:<at-uri>", "bluesky:account:<did>". Pure and thread-safe.
#pragma once

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_bluesky_json(const Page& page);
ParseOutput parse_bluesky_html(const Page& page);

// https://bsky.app/profile/<handle>/post/<rkey> for an at:// post URI and author handle.
std::string bluesky_post_url(std::string_view at_uri, std::string_view handle);

}  // namespace exposcan
