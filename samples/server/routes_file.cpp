// Parsing and matching of `_routes.yaml` (see routes_file.h).
#include "samples/server/routes_file.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "core/url.h"
#include "samples/server/http_util.h"

namespace exposcan::samples::server {
namespace {

Error config_error(std::string_view origin, const YAML::Node& node, const std::string& message) {
  const int line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
  return make_error("config", std::string(origin) + ":" + std::to_string(line) + ": " + message);
}

Expected<HeaderList> parse_headers(const YAML::Node& node, std::string_view origin) {
  HeaderList out;
  if (!node) return out;
  if (!node.IsMap()) return config_error(origin, node, "'headers' must be a map of name: value");
  for (const auto& kv : node) {
    if (!kv.second.IsScalar()) return config_error(origin, kv.second, "header values must be strings");
    out.emplace_back(kv.first.as<std::string>(), kv.second.as<std::string>());
  }
  return out;
}

Expected<Route> parse_route(const YAML::Node& node, std::string_view origin) {
  if (!node.IsMap()) return config_error(origin, node, "each route must be a map");
  static const std::vector<std::string> k_keys{"target",   "path",         "query",  "file",  "body",
                                               "status",   "location",     "content_type", "headers"};
  for (const auto& kv : node) {
    const auto key = kv.first.as<std::string>();
    if (std::find(k_keys.begin(), k_keys.end(), key) == k_keys.end())
      return config_error(origin, kv.first, "unknown route key '" + key + "'");
  }
  Route r;
  if (node["target"]) r.target = percent_decode(node["target"].as<std::string>());
  if (node["path"]) r.path = percent_decode(node["path"].as<std::string>());
  if (r.target.empty() == r.path.empty())
    return config_error(origin, node, "a route needs exactly one of 'target' or 'path'");
  if (const auto query = node["query"]) {
    if (!query.IsMap() || r.path.empty())
      return config_error(origin, query, "'query' must be a map of name: value next to 'path'");
    for (const auto& kv : query) r.query[kv.first.as<std::string>()] = kv.second.as<std::string>();
  }
  if (node["file"]) r.file = node["file"].as<std::string>();
  if (node["body"]) r.body = node["body"].as<std::string>();
  if (node["location"]) r.location = node["location"].as<std::string>();
  if (node["content_type"]) r.content_type = node["content_type"].as<std::string>();
  if (node["status"]) {
    int status = 0;
    if (!YAML::convert<int>::decode(node["status"], status) || status < 100 || status > 599)
      return config_error(origin, node["status"], "'status' must be an HTTP status code (100-599)");
    r.status = status;
  }
  auto headers = parse_headers(node["headers"], origin);
  if (!headers) return headers.error();
  r.headers = std::move(*headers);
  return r;
}

}  // namespace

const Route* RouteTable::find(const Request& request) const {
  const std::string target = percent_decode(request.target);
  for (const auto& r : routes)
    if (!r.target.empty() && r.target == target) return &r;
  const std::string path = percent_decode(request.path);
  const auto params = parse_query(request.query);
  const auto query_matches = [&](const Route& r) {
    return std::all_of(r.query.begin(), r.query.end(), [&](const auto& kv) {
      const auto it = params.find(kv.first);
      return it != params.end() && it->second == kv.second;
    });
  };
  for (const auto& r : routes)
    if (!r.path.empty() && !r.query.empty() && r.path == path && query_matches(r)) return &r;
  for (const auto& r : routes)
    if (!r.path.empty() && r.query.empty() && r.path == path) return &r;
  return nullptr;
}

Expected<RouteTable> parse_routes(std::string_view text, std::string_view origin) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    return make_error("config", std::string(origin) + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  RouteTable table;
  if (root.IsNull()) return table;
  if (!root.IsMap()) return config_error(origin, root, "expected a map with 'routes', 'headers' or 'redirect_host'");
  try {
    for (const auto& kv : root) {
      const auto key = kv.first.as<std::string>();
      if (key != "routes" && key != "headers" && key != "redirect_host" && key != "redirect_status")
        return config_error(origin, kv.first, "unknown key '" + key + "'");
    }
    auto site_headers = parse_headers(root["headers"], origin);
    if (!site_headers) return site_headers.error();
    table.site_headers = std::move(*site_headers);
    if (root["redirect_host"]) table.redirect_host = root["redirect_host"].as<std::string>();
    if (root["redirect_status"]) table.redirect_status = root["redirect_status"].as<int>();
    if (const auto routes = root["routes"]) {
      if (!routes.IsSequence()) return config_error(origin, routes, "'routes' must be a list");
      for (const auto& node : routes) {
        auto route = parse_route(node, origin);
        if (!route) return route.error();
        table.routes.push_back(std::move(*route));
      }
    }
  } catch (const YAML::Exception& e) {
    return make_error("config", std::string(origin) + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  return table;
}

}  // namespace exposcan::samples::server
