// app/targets.h — turning what the user listed into crawl targets with the right scope.
#pragma once

#include <string>
#include <vector>

#include "core/expected.h"
#include "scanner/crawl_types.h"

namespace exposcan {

// Targets as people think of them: a URL, or PLATFORM:ACCOUNT — mastodon:@user@host,
// bsky:handle, instagram:NAME, threads:NAME, reddit:NAME, github:NAME, x:NAME, linkedin:NAME, youtube:@NAME,
// facebook:NAME, tumblr:NAME, medium:@NAME, substack:NAME, pinterest:NAME, deviantart:NAME,
// stackoverflow:USER_ID, stackexchange:SITE:USER_ID. Each becomes the account's profile URL plus the same account's feed
// and API URLs as user-directed seeds (Mastodon: /@user.rss and /api/v1/accounts/lookup; Bluesky:
// the public AppView getProfile/getAuthorFeed and the user-intent record; Reddit: about/submitted/
// comments.json; GitHub: api.github.com/users/NAME; Instagram: web_profile_info), with a scope
// that holds the account's pages, API paging and API origin. A profile URL on those platforms gets
// the same seeds. Scope elsewhere: the whole site. Errors: "invalid target 'x': ..." (code usage).
// Saved files are not targets here: the pipeline reads them (scanner/offline_source.h).
Expected<CrawlTarget> expand_target(const std::string& target);
Expected<std::vector<CrawlTarget>> expand_targets(const std::vector<std::string>& targets);

// `scan --from-identity`: the identity's profile URLs, its PLATFORM:ACCOUNT handles and its
// fediverse addresses (@user@host) as targets, without duplicates; bare names are skipped (they
// are matched in content, not crawled).
std::vector<std::string> targets_from_identity(const std::vector<std::string>& handles, const std::vector<std::string>& profiles);

}  // namespace exposcan
