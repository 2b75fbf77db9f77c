// parsers/platforms/reddit.h — Reddit's public JSON listings as Items.
//
// /user/NAME/about.json (a t2 Thing: name, created_utc, karma, the profile subreddit's title and
// public_description, over_18, the avatar and banner; a builder Snoo is a field, not a photo),
// /user/NAME/submitted.json and /comments.json (and /overview.json): Listings of t3 links (title,
// selftext, url, subreddit, permalink, preview / i.redd.it / gallery images, v.redd.it video, a
// crosspost's with its parent's media, over_18) and t1 comments (body, link_title, parent) with `data.after` turned into a "next"
// link (?after=...). Ids: "reddit:t3_<id>", "reddit:t1_<id>", "reddit:account:<name>".
#pragma once

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_reddit_json(const Page& page);

}  // namespace exposcan
