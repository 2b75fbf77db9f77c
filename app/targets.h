// app/targets.h — turning what the user listed into crawl targets with the right scope.
#pragma once

#include <string>
#include <vector>

#include "core/expected.h"
#include "scanner/crawl_types.h"

namespace exposcan {

// A URL target: scope = the profile path on platform hosts (plus the platform's post paths), the
// whole site elsewhere. Errors: "invalid target 'x': ..." for what is not an http(s) URL.
Expected<CrawlTarget> expand_target(const std::string& target);
Expected<std::vector<CrawlTarget>> expand_targets(const std::vector<std::string>& targets);

}  // namespace exposcan
