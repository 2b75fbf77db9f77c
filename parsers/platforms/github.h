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
//
// A push names only its head commit now, so the events list also yields a link to
// github.com/OWNER/REPO/commit/HEAD.patch: the public git format-patch text of the commit (outside
// the rate-limited API; robots.txt allows /*/*/commit/). parse_github_patch reads it into one item
// per commit ("github:commit:OWNER/REPO@SHA"): the author's name and e-mail, the date and the
// message (never the diff), with the field names of the old push commits.
#pragma once

#include <string>
#include <string_view>

#include "parsers/item.h"
#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_github_json(const Page& page);
ParseOutput parse_github_html(const Page& page);

// github.com/OWNER/REPO/commit/SHA.patch. A body that is not a patch (a sign-in or error page)
// gives no items and the error "not a git patch (<content type>): <url>"; a record cut short is
// recorded as an error too.
ParseOutput parse_github_patch(const Page& page);
bool is_github_commit_patch_path(std::string_view path);

// The login in GitHub's private commit address ("ID+login@users.noreply.github.com", before
// 2017 "login@users.noreply.github.com"), or "" for any other address.
std::string github_noreply_login(std::string_view email);
// A commit author as fields: "commit.author.name", and "commit.author.email" — or, for a noreply
// address, "commit.author.noreply", which reaches no mailbox and is not scanned as personal data.
void add_commit_author_fields(Item& item, const std::string& name, const std::string& email);
// `message` without its `Co-authored-by: Name <address>` trailer lines (GitHub's way to credit
// co-authors), each moved to the fields "commit.coauthor.name" and "commit.coauthor.email" — or
// "commit.coauthor.noreply" for a noreply address, which is not scanned as an e-mail.
std::string take_coauthor_trailers(std::string_view message, Item& item);

}  // namespace exposcan
