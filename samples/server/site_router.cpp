// The sample sites' file router (see site_router.h).
#include "samples/server/site_router.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "core/text.h"
#include "core/url.h"
#include "samples/server/http_util.h"

namespace exposcan::samples::server {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_sites_prefix = "sites/";

// True when a decoded relative path is safe to look up: no "..", ".", empty-inside or private
// ('_'-prefixed) segments, no NUL or backslash.
bool public_path(std::string_view rel) {
  if (rel.find('\0') != std::string_view::npos || rel.find('\\') != std::string_view::npos) return false;
  size_t pos = 0;
  while (pos < rel.size()) {
    size_t slash = rel.find('/', pos);
    if (slash == std::string_view::npos) slash = rel.size();
    const std::string_view seg = rel.substr(pos, slash - pos);
    if (seg == ".." || seg == "." || (!seg.empty() && seg.front() == '_')) return false;
    if (seg.empty() && slash != rel.size()) return false;  // "a//b"
    pos = slash + 1;
  }
  return true;
}

// A private relative path (routes `file:` values) may use '_' segments but must stay inside the site.
bool contained_path(std::string_view rel) {
  if (rel.empty() || rel.front() == '/' || rel.find('\0') != std::string_view::npos) return false;
  size_t pos = 0;
  while (pos <= rel.size()) {
    size_t slash = rel.find('/', pos);
    if (slash == std::string_view::npos) slash = rel.size();
    if (rel.substr(pos, slash - pos) == "..") return false;
    pos = slash + 1;
  }
  return true;
}

std::optional<std::string> read_disk(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

std::string disk_last_modified(const fs::path& path) {
  std::error_code ec;
  const auto ftime = fs::last_write_time(path, ec);
  if (ec) return std::string(k_embedded_last_modified);
  const auto sys = std::chrono::file_clock::to_sys(ftime);
  return format_http_date(std::chrono::time_point_cast<std::chrono::system_clock::duration>(sys));
}

bool is_deleted(const std::vector<std::string>& deleted, std::string_view embedded_path) {
  return std::any_of(deleted.begin(), deleted.end(), [&](const std::string& entry) {
    if (entry == embedded_path) return true;
    // "sites/h/dir/" hides everything below it.
    return !entry.empty() && entry.back() == '/' && embedded_path.substr(0, entry.size()) == entry;
  });
}

Response simple(int status, std::string_view detail = {}) {
  Response r;
  r.status = status;
  r.body = status_page(status, detail);
  r.set_header("Content-Type", "text/html; charset=utf-8");
  return r;
}

void add_headers(Response& response, const HeaderList& headers) {
  for (const auto& [name, value] : headers) response.set_header(name, value);
}

}  // namespace

SiteRouter::SiteRouter(std::span<const EmbeddedFile> files, std::filesystem::path overlay_dir)
    : m_overlay(std::move(overlay_dir)) {
  std::set<std::string> hosts;
  for (const auto& f : files) {
    if (f.path.substr(0, k_sites_prefix.size()) != k_sites_prefix) continue;
    m_embedded.emplace(std::string(f.path), f.data);
    const std::string_view rest = f.path.substr(k_sites_prefix.size());
    const size_t slash = rest.find('/');
    if (slash == std::string_view::npos) continue;
    const std::string host(rest.substr(0, slash));
    hosts.insert(host);
    if (rest.substr(slash + 1) == "_routes.yaml")
      m_embedded_routes.emplace(host, parse_routes(f.data, f.path));
  }
  m_embedded_hosts.assign(hosts.begin(), hosts.end());
}

std::vector<std::string> SiteRouter::hosts() const {
  std::set<std::string> out(m_embedded_hosts.begin(), m_embedded_hosts.end());
  std::error_code ec;
  if (!m_overlay.empty() && fs::is_directory(m_overlay / "sites", ec)) {
    for (const auto& entry : fs::directory_iterator(m_overlay / "sites", ec))
      if (entry.is_directory(ec)) out.insert(entry.path().filename().string());
  }
  return {out.begin(), out.end()};
}

bool SiteRouter::serves(std::string_view host) const {
  if (host.empty() || !public_path(host) || host.find('/') != std::string_view::npos) return false;
  if (std::binary_search(m_embedded_hosts.begin(), m_embedded_hosts.end(), host)) return true;
  std::error_code ec;
  return !m_overlay.empty() && fs::is_directory(m_overlay / "sites" / std::string(host), ec);
}

std::vector<std::string> SiteRouter::deleted_entries() const {
  std::vector<std::string> out;
  if (m_overlay.empty()) return out;
  const auto text = read_disk(m_overlay / "_deleted");
  if (!text) return out;
  std::istringstream lines(*text);
  std::string line;
  while (std::getline(lines, line)) {
    std::string_view entry = trim(line);
    if (entry.empty() || entry.front() == '#') continue;
    if (entry.front() == '/') entry.remove_prefix(1);
    out.emplace_back(entry);
  }
  return out;
}

Expected<RouteTable> SiteRouter::routes_for(const std::string& host) const {
  if (!m_overlay.empty()) {
    const fs::path file = m_overlay / "sites" / host / "_routes.yaml";
    if (const auto text = read_disk(file)) return parse_routes(*text, file.string());
  }
  if (const auto it = m_embedded_routes.find(host); it != m_embedded_routes.end()) return it->second;
  return RouteTable{};
}

std::optional<SiteFile> SiteRouter::read(std::string_view host, std::string_view relative) const {
  return read_with(host, relative, deleted_entries());
}

std::optional<SiteFile> SiteRouter::read_with(std::string_view host, std::string_view relative,
                                              const std::vector<std::string>& deleted) const {
  if (!contained_path(relative)) return std::nullopt;
  if (!m_overlay.empty()) {
    const fs::path path = m_overlay / "sites" / std::string(host) / std::string(relative);
    if (auto data = read_disk(path)) return SiteFile{std::move(*data), disk_last_modified(path)};
  }
  std::string key = std::string(k_sites_prefix) + std::string(host) + "/" + std::string(relative);
  if (is_deleted(deleted, key)) return std::nullopt;
  if (const auto it = m_embedded.find(key); it != m_embedded.end())
    return SiteFile{std::string(it->second), std::string(k_embedded_last_modified)};
  return std::nullopt;
}

Response SiteRouter::route(const Request& request) const {
  if (request.host.empty()) return simple(400, "The request has no Host header.");
  if (!serves(request.host)) return simple(421, "This server does not serve " + request.host + ".");
  const auto routes = routes_for(request.host);
  if (!routes) return simple(500, routes.error().message);

  Response out;
  const Route* route = routes->find(request);
  if (!routes->redirect_host.empty()) {
    out = simple(routes->redirect_status);
    out.set_header("Location", "https://" + routes->redirect_host + request.target);
  } else if (request.method != "GET" && request.method != "HEAD") {
    out = simple(405);
    out.set_header("Allow", "GET, HEAD");
  } else if (route && !route->location.empty()) {
    out = simple(route->status.value_or(302));
    out.set_header("Location", route->location);
    add_headers(out, route->headers);
  } else if (route && route->status && route->file.empty() && !route->body) {
    out = simple(*route->status);
    add_headers(out, route->headers);
  } else {
    out = serve_file(request, route);
  }
  // Site-wide headers first, so a response's own headers win.
  for (const auto& [name, value] : routes->site_headers)
    if (out.header(name).empty()) out.headers.emplace_back(name, value);
  return out;
}

Response SiteRouter::serve_file(const Request& request, const Route* route) const {
  const auto deleted = deleted_entries();
  std::optional<SiteFile> file;
  std::string name;  // decides the content type
  if (route && route->body) {
    file = SiteFile{*route->body, std::string(k_embedded_last_modified)};
    name = route->file.empty() ? percent_decode(request.path) : route->file;
  } else if (route && !route->file.empty()) {
    file = read_with(request.host, route->file, deleted);
    if (!file) return simple(500, "_routes.yaml names a missing file: " + route->file);
    name = route->file;
  } else {
    const std::string path = percent_decode(request.path);
    std::string rel = path.empty() || path.front() != '/' ? path : path.substr(1);
    if (!public_path(rel)) return simple(404);
    std::vector<std::string> candidates;
    if (rel.empty() || rel.back() == '/') {
      candidates.push_back(rel + "index.html");
    } else {
      candidates.push_back(rel);
      candidates.push_back(rel + "/index.html");
    }
    for (const auto& c : candidates) {
      if ((file = read_with(request.host, c, deleted))) {
        name = c;
        break;
      }
    }
    if (!file) return simple(404);
  }

  Response out;
  out.status = route && route->status ? *route->status : 200;
  out.set_header("Content-Type", route && !route->content_type.empty() ? route->content_type : content_type_for(name));
  out.set_header("ETag", entity_tag(file->data));
  out.set_header("Last-Modified", file->last_modified);
  out.body = std::move(file->data);
  if (route) add_headers(out, route->headers);
  return out;
}

}  // namespace exposcan::samples::server
