// parsers/platforms/x_syndication.h — the JSON X serves to embeds without logging in: the
// syndication CDN's tweet-result (cdn.syndication.twimg.com/tweet-result?id=…, the body embedded
// tweets render from) and oEmbed (publish.twitter.com/oembed?url=…).
//
// Key decision: a post's quoted post and the post it answers come inside its answer (quoted_tweet,
// parent); each is an item of the account that wrote it, never part of the post's text. A
// TweetTombstone (deleted, protected or withheld post) is one item saying the post is not visible.
#pragma once

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_x_json(const Page& page);

}  // namespace exposcan
