// samples/server/routes_file.h — the per-host `_routes.yaml` (internal).
//
// Format (every key optional):
//   headers: {X-Robots-Tag: noai}      # added to every response from this host
//   redirect_host: jane.example        # answer everything with a redirect to https://<host><target>
//   redirect_status: 301
//   routes:                            # first match wins; `target` routes are tried before `path` routes
//     - target: /api/v1/accounts/lookup?acct=janeexample   # exact request target, query included
//       file: _api/lookup.json         # relative to sites/<host>/; may start with '_'
//       content_type: application/json; charset=utf-8
//     - path: /api/v1/accounts/1/statuses
//       query: {max_id: "42"}          # path plus these query parameters (others are ignored)
//       body: "[]"
//     - path: /users/janeexample       # the path only; any query matches
//       status: 302
//       location: /@janeexample
//       headers: {Cache-Control: max-age=60}
//     - path: /gone
//       status: 410
//       body: "gone"                   # inline body instead of a file
// Order: exact `target` routes, then `path` routes with `query`, then plain `path` routes; within
// each, the first in the file. Targets and paths are compared after percent-decoding. A route without `file`/`body` serves the
// file the path maps to anyway (handy for adding headers) unless it sets a status or location.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "samples/server/http_message.h"

namespace exposcan::samples::server {

struct Route {
  std::string target;  // exact match (decoded), or
  std::string path;    // path match (decoded)
  std::map<std::string, std::string> query;  // with `path`: parameters that must be present
  std::string file;
  std::optional<std::string> body;
  std::optional<int> status;
  std::string location;
  std::string content_type;
  HeaderList headers;
};

struct RouteTable {
  HeaderList site_headers;
  std::string redirect_host;
  int redirect_status = 301;
  std::vector<Route> routes;

  // The route for a request, or nullptr.
  const Route* find(const Request& request) const;
};

// Parses `_routes.yaml` text; errors read "<origin>:<line>: <message>" (code "config").
Expected<RouteTable> parse_routes(std::string_view text, std::string_view origin);

}  // namespace exposcan::samples::server
