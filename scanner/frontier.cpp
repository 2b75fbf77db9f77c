#include "scanner/frontier.h"

#include "scanner/politeness.h"
#include "scanner/scope.h"

namespace exposcan {

Frontier::Frontier(const std::vector<CrawlTarget>& targets, std::vector<std::string> allow_hosts, int max_depth)
    : m_allow_hosts(std::move(allow_hosts)), m_max_depth(max_depth) {
  for (const auto& t : targets) {
    m_scopes.push_back(t.scope);
    auto u = normalize_http_url(t.url);
    m_origins.emplace_back(u ? std::string(u->origin()) : std::string());
  }
}

bool Frontier::is_paging_kind(std::string_view kind) {
  return kind == "next" || kind == "feed" || kind == "api" || kind == "sitemap";
}

bool Frontier::add_start(const std::string& normal_url) { return m_seen.insert(normal_url).second; }

void Frontier::mark_seen(const std::string& normal_url) { m_seen.insert(normal_url); }

bool Frontier::in_target_scope(size_t target, const NormalUrl& url) const {
  if (target >= m_scopes.size() || m_origins[target].empty()) return false;
  return in_scope(m_scopes[target], m_origins[target], url.origin(), url.path_and_query());
}

std::optional<Frontier::Admitted> Frontier::admit(const NormalUrl& url, std::string_view kind, size_t parent_target,
                                                  int parent_depth, bool parent_user_directed) {
  if (m_seen.count(url.text)) return std::nullopt;
  Admitted a;
  a.target = parent_target;
  a.depth = is_paging_kind(kind) ? parent_depth : parent_depth + 1;
  a.user_directed = parent_user_directed && (kind == "next" || kind == "api");
  if (a.depth > m_max_depth) return std::nullopt;
  if (!in_target_scope(parent_target, url)) {
    if (kind != "rel_me") return std::nullopt;
    a.user_directed = false;
    bool found = false;
    for (size_t t = 0; t < m_scopes.size() && !found; ++t) {
      if (in_target_scope(t, url)) {
        a.target = t;
        found = true;
      }
    }
    if (!found) {
      std::string_view host = url.host();
      for (const auto& pattern : m_allow_hosts)
        if (host_matches(pattern, host)) found = true;
    }
    if (!found) return std::nullopt;
  }
  m_seen.insert(url.text);
  return a;
}

}  // namespace exposcan
