// HTTP helpers for the sample server (see http_util.h).
#include "samples/server/http_util.h"

#include "core/http_status.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>

#include "core/hash.h"
#include "core/text.h"
#include "core/time.h"
#include "core/url.h"

namespace exposcan::samples::server {
namespace {

constexpr size_t k_gzip_min_bytes = 1024;

// The entity tag a gzip-encoded variant gets: "\"<hash>-gzip\"".
std::string gzip_tag(std::string_view tag) {
  if (tag.size() < 2 || tag.back() != '"') return std::string(tag);
  return std::string(tag.substr(0, tag.size() - 1)) + "-gzip\"";
}

// If-None-Match against our tag (weak comparison, RFC 9110 §8.8.3.2), either variant.
bool none_match_hits(std::string_view if_none_match, std::string_view tag) {
  if (trim(if_none_match) == "*") return true;
  const std::string zipped = gzip_tag(tag);
  size_t pos = 0;
  while (pos < if_none_match.size()) {
    size_t comma = if_none_match.find(',', pos);
    if (comma == std::string_view::npos) comma = if_none_match.size();
    std::string_view item = trim(if_none_match.substr(pos, comma - pos));
    if (item.substr(0, 2) == "W/") item.remove_prefix(2);
    if (!item.empty() && (item == tag || item == zipped)) return true;
    pos = comma + 1;
  }
  return false;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "Example.COM:8443" -> "example.com"; "[::1]:80" -> "[::1]"; trailing dot removed.
std::string host_without_port(std::string_view authority) {
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host = authority;
  if (!host.empty() && host.front() == '[') {
    const auto close = host.find(']');
    host = close == std::string_view::npos ? host : host.substr(0, close + 1);
  } else if (const auto colon = host.find(':'); colon != std::string_view::npos) {
    host = host.substr(0, colon);
  }
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  return lower(std::string(host));
}

}  // namespace

Request make_request(std::string method, std::string target, HeaderList headers, bool keep_alive) {
  Request r;
  r.method = std::move(method);
  r.headers = std::move(headers);
  r.keep_alive = keep_alive;
  std::string_view t = target;
  std::string authority(r.header("Host"));
  // Absolute form (RFC 9112 §3.2.2): the target's authority replaces Host.
  for (std::string_view scheme : {"http://", "https://"}) {
    if (t.size() >= scheme.size() && lower(std::string(t.substr(0, scheme.size()))) == scheme) {
      t.remove_prefix(scheme.size());
      const auto slash = t.find_first_of("/?");
      authority = std::string(t.substr(0, slash));
      t = slash == std::string_view::npos ? std::string_view("/") : t.substr(slash);
      break;
    }
  }
  r.target = std::string(t);
  if (!r.target.empty() && r.target.front() == '?') r.target.insert(0, "/");
  r.host = host_without_port(authority);
  const auto q = r.target.find('?');
  r.path = r.target.substr(0, q);
  r.query = q == std::string::npos ? "" : r.target.substr(q + 1);
  if (const auto hash = r.query.find('#'); hash != std::string::npos) r.query.resize(hash);
  return r;
}

std::string_view find_header(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers)
    if (iequals(key, name)) return value;
  return {};
}

void Response::set_header(std::string name, std::string value) {
  std::erase_if(headers, [&](const auto& h) { return iequals(h.first, name); });
  headers.emplace_back(std::move(name), std::move(value));
}

std::string content_type_for(std::string_view name) {
  struct Type {
    std::string_view suffix;
    std::string_view type;
  };
  // Longest suffixes first (".activity.json" before ".json").
  static constexpr std::array<Type, 20> k_types{{
      {".activity.json", "application/activity+json"},
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".xml", "application/xml; charset=utf-8"},
      {".rss", "application/rss+xml; charset=utf-8"},
      {".atom", "application/atom+xml; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".svg", "image/svg+xml"},
      {".ico", "image/x-icon"},
      {".mp4", "video/mp4"},
      {".pdf", "application/pdf"},
      {".warc", "application/warc"},
  }};
  for (const auto& t : k_types)
    if (iends_with(name, t.suffix)) return std::string(t.type);
  return "application/octet-stream";
}

namespace {

// A form-encoded query name or value: '+' is a space, "%2B" a plus.
std::string query_decode(std::string_view text) {
  std::string spaced(text);
  std::replace(spaced.begin(), spaced.end(), '+', ' ');
  return percent_decode(spaced);
}

}  // namespace

std::map<std::string, std::string> parse_query(std::string_view query) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos <= query.size() && !query.empty()) {
    size_t amp = query.find('&', pos);
    if (amp == std::string_view::npos) amp = query.size();
    const std::string_view pair = query.substr(pos, amp - pos);
    if (!pair.empty()) {
      const size_t eq = pair.find('=');
      std::string name = query_decode(pair.substr(0, eq));
      std::string value = eq == std::string_view::npos ? "" : query_decode(pair.substr(eq + 1));
      out.try_emplace(std::move(name), std::move(value));
    }
    if (amp == query.size()) break;
    pos = amp + 1;
  }
  return out;
}

long query_int(const std::map<std::string, std::string>& query, const std::string& name, long fallback,
               long min, long max) {
  const auto it = query.find(name);
  if (it == query.end()) return fallback;
  long value = 0;
  const auto* end = it->second.data() + it->second.size();
  const auto [ptr, ec] = std::from_chars(it->second.data(), end, value);
  if (ec != std::errc() || ptr != end) return fallback;
  return std::clamp(value, min, max);
}

std::string entity_tag(std::string_view body) {
  // Built by appending: `"\"" + std::string` trips GCC 12's -Wrestrict false positive at -O3.
  std::string tag(1, '"');
  tag.append(sha256_hex(body), 0, 16);
  tag += '"';
  return tag;
}

std::string gzip_compress(std::string_view data, int level) {
  z_stream zs{};
  // windowBits 15 + 16 selects the gzip wrapper.
  if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out;
  out.resize(deflateBound(&zs, static_cast<uLong>(data.size())) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

bool accepts_gzip(std::string_view accept_encoding) {
  size_t pos = 0;
  while (pos < accept_encoding.size()) {
    size_t comma = accept_encoding.find(',', pos);
    if (comma == std::string_view::npos) comma = accept_encoding.size();
    std::string_view item = trim(accept_encoding.substr(pos, comma - pos));
    pos = comma + 1;
    std::string_view coding = item;
    std::string_view params;
    if (const size_t semi = item.find(';'); semi != std::string_view::npos) {
      coding = trim(item.substr(0, semi));
      params = item.substr(semi + 1);
    }
    if (!iequals(coding, "gzip") && !iequals(coding, "x-gzip") && coding != "*") continue;
    // q=0 (or 0.0, 0.000) refuses the coding.
    if (const size_t q = params.find("q="); q != std::string_view::npos) {
      std::string_view value = trim(params.substr(q + 2));
      if (!value.empty() && value.front() == '0' && value.find_first_of("123456789") == std::string_view::npos)
        continue;
    }
    return true;
  }
  return false;
}

std::string_view reason_phrase(int status) {
  std::string_view r = http_reason_phrase(status);
  return r.empty() ? "Unknown" : r;
}

std::string status_page(int status, std::string_view detail) {
  const std::string title = std::to_string(status) + " " + std::string(reason_phrase(status));
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + title +
                     "</title></head>\n<body><h1>" + title + "</h1>";
  if (!detail.empty()) page += "\n<p>" + std::string(detail) + "</p>";
  page += "</body>\n</html>\n";
  return page;
}

void finalize_response(const Request& request, Response& response) {
  if (request.method != "GET" && request.method != "HEAD") return;
  if (response.status != 200) return;
  const bool compressible = response.header("Content-Encoding").empty() && response.body.size() > k_gzip_min_bytes;
  const bool zip = compressible && accepts_gzip(request.header("Accept-Encoding"));
  const std::string tag(response.header("ETag"));

  bool not_modified = false;
  if (const auto inm = request.header("If-None-Match"); !inm.empty()) {
    not_modified = !tag.empty() && none_match_hits(inm, tag);
  } else if (const auto ims = request.header("If-Modified-Since"); !ims.empty()) {
    const auto since = parse_datetime(ims);
    const auto modified = parse_datetime(response.header("Last-Modified"));
    not_modified = since && modified && *modified <= *since;
  }
  if (zip && !tag.empty()) response.set_header("ETag", gzip_tag(tag));
  if (compressible && response.header("Vary").empty()) response.set_header("Vary", "Accept-Encoding");

  if (not_modified) {
    // RFC 9110 §15.4.5: keep the validators and caching headers, drop the content.
    static constexpr std::array<std::string_view, 6> k_kept{"ETag",          "Last-Modified", "Cache-Control",
                                                            "Vary",          "Expires",       "Content-Location"};
    response.status = 304;
    response.body.clear();
    std::erase_if(response.headers, [](const auto& h) {
      return std::none_of(k_kept.begin(), k_kept.end(), [&](std::string_view k) { return iequals(h.first, k); });
    });
    return;
  }
  if (zip) {
    response.body = gzip_compress(response.body);
    response.set_header("Content-Encoding", "gzip");
  }
}

}  // namespace exposcan::samples::server
