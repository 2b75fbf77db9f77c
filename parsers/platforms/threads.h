// parsers/platforms/threads.h — Threads (Meta) logged-out pages as Items.
//
// Threads renders its pages from data it embeds in the HTML as JSON (`<script type="application/json"
// data-sjs>`, Meta's ScheduledServerJS payloads). A profile page (/@NAME) carries the account
// (`username`, `full_name`, `biography`, `bio_links`, `follower_count`, `text_post_app_is_private`)
// and its recent threads; a post page (/@NAME/post/CODE, /t/CODE) carries the post and the replies
// shown under it. Posts come as `thread_items[].post` in the Instagram media shape: `caption.text`,
// `taken_at`, `code`, `user`, `image_versions2.candidates`, `carousel_media`, `video_versions`,
// `accessibility_caption`, `location`, `usertags`, and `text_post_app_info` (reply target, link
// preview, quoted and reposted posts). Where the JSON is absent (a page saved without it, a changed
// bundle) the OpenGraph tags still give the account (og:title "Name (@name) • Threads, Say more",
// og:description "N Followers • N Threads • bio. See the latest conversations with @name.") or the
// post (og:description is its text).
// Ids: "threads:account:<username>", "threads:post:<code>".
#pragma once

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_threads_html(const Page& page);
// The web client's GraphQL answers (/api/graphql: data.userData.user, data.mediaData.threads[]):
// the same account and post objects, read the same way.
ParseOutput parse_threads_json(const Page& page);

}  // namespace exposcan
