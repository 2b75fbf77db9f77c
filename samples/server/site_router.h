// samples/server/site_router.h — maps a request to a file of the sample sites (internal).
//
// Host `h` is served from `sites/h/` of the embedded samples, overridden file by file by
// `<overlay>/sites/h/` on disk (read at request time, so tests can change a site between scans).
// Paths: "/" -> index.html, "/dir/" -> dir/index.html, "/x" -> x, else x/index.html. Any path segment
// starting with '_' is private (routes data) and never served directly; ".." is refused.
// `sites/h/_routes.yaml` (routes_file.h) may add headers, statuses, redirects and query routes; an
// overlay copy replaces the embedded one. `<overlay>/_deleted` hides embedded files.
// File responses carry ETag (hash of the body) and Last-Modified (overlay: file mtime; embedded:
// k_embedded_last_modified) so that finalize_response() can answer conditional requests.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/embedded.h"
#include "core/expected.h"
#include "core/time.h"
#include "samples/server/http_message.h"
#include "samples/server/routes_file.h"

namespace exposcan::samples::server {

// Last-Modified of every embedded file.
inline constexpr std::string_view k_embedded_last_modified = "Fri, 30 Oct 2026 09:00:00 GMT";

struct SiteFile {
  std::string data;
  std::string last_modified;  // HTTP-date
};

class SiteRouter {
 public:
  // `files` are the embedded samples (paths "sites/<host>/<file>"); they must outlive the router.
  SiteRouter(std::span<const EmbeddedFile> files, std::filesystem::path overlay_dir);

  // Hosts with a site folder, embedded or in the overlay; sorted, unique.
  std::vector<std::string> hosts() const;
  bool serves(std::string_view host) const;

  // Answers a request for a served or unknown host (421). Thread-safe (const; reads the overlay).
  Response route(const Request& request) const;

  // A site file by its path relative to sites/<host>/ (may be private, e.g. "_charset/x.html").
  std::optional<SiteFile> read(std::string_view host, std::string_view relative) const;

 private:
  Expected<RouteTable> routes_for(const std::string& host) const;
  std::vector<std::string> deleted_entries() const;
  std::optional<SiteFile> read_with(std::string_view host, std::string_view relative,
                                    const std::vector<std::string>& deleted) const;
  Response serve_file(const Request& request, const Route* route) const;

  std::unordered_map<std::string, std::string_view> m_embedded;  // "sites/h/f" -> bytes
  std::map<std::string, Expected<RouteTable>> m_embedded_routes;  // host -> parsed _routes.yaml
  std::vector<std::string> m_embedded_hosts;
  std::filesystem::path m_overlay;
};

}  // namespace exposcan::samples::server
