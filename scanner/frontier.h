// scanner/frontier.h — which discovered links the crawl takes: dedup, scope, depth, rel=me.
//
// A link is admitted once (dedup on its normalised URL) when it is in the scope of the target it
// was found under (scanner/scope.h) and within max_depth. Paging kinds ("next", "feed", "api",
// "sitemap") keep the parent's depth — they list the same account's content — every other kind
// adds one. rel=me links (profile links a person makes to their other accounts) are the one way
// out of a scope: followed when they point into another listed target's scope, or at a host the
// config allows (crawl.allow_hosts, '*' patterns); such a page is fetched on its own (its links
// are outside every scope). Pagination ("next", "api") of a user-directed page stays
// user-directed (DESIGN §6); everything else discovered obeys robots.txt.
// Not thread-safe: owned by the crawl thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "scanner/crawl_types.h"
#include "scanner/fast_url.h"

namespace exposcan {

class Frontier {
 public:
  Frontier(const std::vector<CrawlTarget>& targets, std::vector<std::string> allow_hosts, int max_depth);

  struct Admitted {
    size_t target = 0;  // the target the page is crawled for
    int depth = 0;
    bool user_directed = false;
  };

  // A start URL (a listed target or a seed): false when it was seen already.
  bool add_start(const std::string& normal_url);
  // Marks a URL as seen (a redirect hop), so discovery does not fetch it again.
  void mark_seen(const std::string& normal_url);
  bool seen(const std::string& normal_url) const { return m_seen.count(normal_url) > 0; }

  std::optional<Admitted> admit(const NormalUrl& url, std::string_view kind, size_t parent_target, int parent_depth,
                                bool parent_user_directed);

  const std::string& target_origin(size_t target) const { return m_origins[target]; }
  size_t size() const { return m_seen.size(); }

  static bool is_paging_kind(std::string_view kind);

 private:
  bool in_target_scope(size_t target, const NormalUrl& url) const;

  std::vector<CrawlScope> m_scopes;
  std::vector<std::string> m_origins;  // normalised origin per target; empty for invalid targets
  std::vector<std::string> m_allow_hosts;
  int m_max_depth;
  std::unordered_set<std::string> m_seen;
};

}  // namespace exposcan
