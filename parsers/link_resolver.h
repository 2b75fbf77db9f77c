// parsers/link_resolver.h — resolving many references against one base URL, cheaply.
//
// Absolute references (with a scheme) are returned trimmed, as written. Plain references — an
// absolute path ("/a/b?q") or a path-relative one ("a/b.html") made only of URL-safe characters
// and without dot segments — are joined to the base directly; everything else goes through
// core/url.h Url::resolve (RFC 3986 §5, libcurl). Both paths give the same result for the plain
// cases; the fast path only saves libcurl's parse of the base for every link of a page.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/url.h"

namespace exposcan {

class LinkResolver {
 public:
  explicit LinkResolver(std::string_view base);
  bool has_base() const { return m_base.has_value(); }
  // Resolved reference; a relative one is returned as written when there is no valid base, and
  // "" when libcurl rejects it.
  std::string resolve(std::string_view ref) const;

 private:
  std::optional<Url> m_base;
  std::string m_origin;  // "https://host[:port]"
  std::string m_dir;     // base up to and including the last '/' of its path
  bool m_fast = false;
};

}  // namespace exposcan
