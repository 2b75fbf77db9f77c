// parsers/platforms/x_graphql.h — the answers of X's web client API (x.com/i/api/graphql/<id>/<Operation>),
// as a browser's HAR export or a WARC capture holds them: a logged-in visitor's timelines, which a
// crawler without an account never gets.
//
// Read: UserByScreenName / UserByRestId (the account: name, bio with its links written out,
// location, website, join date, avatar, protected), and every post in a timeline or conversation
// (UserTweets, UserTweetsAndReplies, UserMedia, Likes, TweetDetail, TweetResultByRestId, search):
// `tweet_results.result`, unwrapped from TweetWithVisibilityResults, with `legacy.full_text` (or
// the long post's note_tweet text), its t.co links written out, pictures and videos with their
// alt text, language and time. A repost is the reposted post credited to its author with
// `reposted_by`; a quoted post is an item of its own (the quoting post's field `quotes`); a reply
// to another account is a comment. A protected account's posts are visible to followers only.
#pragma once

#include <nlohmann/json.hpp>

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

// Reads `doc` into `out` when it is such an answer (a `data` object holding a user result, a
// timeline or a conversation); false otherwise, and `out` is left as it was.
bool read_x_graphql(const nlohmann::json& doc, const Page& page, ParseOutput& out);

}  // namespace exposcan
