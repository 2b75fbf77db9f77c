#include "scanner/scope.h"

#include <vector>

namespace exposcan {

bool path_pattern_matches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Backtracking glob on '*', as robots.txt matchers do; patterns are short.
  size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
    }
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = s;
      continue;
    }
    if (p < pattern.size() && s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    if (star != std::string_view::npos && mark < path.size()) {
      p = star + 1;
      s = ++mark;
      continue;
    }
    return false;
  }
}

bool in_scope(const CrawlScope& scope, std::string_view target_origin, const Url& url) {
  if (!url.is_http()) return false;
  return in_scope(scope, target_origin, url.origin(), url.path_and_query());
}

bool in_scope(const CrawlScope& scope, std::string_view target_origin, std::string_view origin,
              std::string_view pq) {
  bool origin_ok = origin == target_origin;
  for (const auto& o : scope.extra_origins)
    if (o == origin) origin_ok = true;
  if (!origin_ok) return false;
  for (const auto& ex : scope.exclude)
    if (path_pattern_matches(ex, pq)) return false;
  if (pq.compare(0, scope.path_prefix.size(), scope.path_prefix) == 0) return true;
  // "/@jane" also covers "/@jane" itself when the prefix is "/@jane/".
  if (!scope.path_prefix.empty() && scope.path_prefix.back() == '/' &&
      pq == std::string_view(scope.path_prefix).substr(0, scope.path_prefix.size() - 1))
    return true;
  for (const auto& inc : scope.include)
    if (path_pattern_matches(inc, pq)) return true;
  return false;
}

}  // namespace exposcan
