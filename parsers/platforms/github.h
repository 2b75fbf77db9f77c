// parsers/platforms/github.h — GitHub's public REST API and profile page as Items.
//
// api.github.com/users/NAME (name, company, blog, location, email, bio, twitter_username,
// hireable, created_at), /users/NAME/events/public (PushEvent commits with their author name and
// e-mail — often the most exposed personal data on GitHub —, issues, comments, pull requests,
// releases, discussions, gists) with the Link header's rel="next" as a "next" link. Since
// 2025-10-07 GitHub trims event payloads: a push has no commits (an item for its head commit),
// a pull request event only the pull request's number (an item for the pull request, no text);
// /users/NAME/social_accounts (the accounts elsewhere the profile lists, one profile-field item);
// the profile HTML (github.com/NAME: the vcard — p-name, p-nickname, p-note, p-label location,
// u-email, u-url — and the profile README rendered in article.markdown-body). Ids:
// "github:account:<login>", "github:event:<id>", "github:social_accounts:<login>",
// "github:readme:<login>".
#pragma once

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_github_json(const Page& page);
ParseOutput parse_github_html(const Page& page);

}  // namespace exposcan
