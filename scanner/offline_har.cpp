// HAR 1.2 (W3C Web Performance WG draft "HTTP Archive (HAR) format"): log.entries[] with
// request.url, response.status/headers/content{mimeType,text,encoding}, startedDateTime.
#include <nlohmann/json.hpp>

#include <optional>

#include "core/text.h"
#include "core/time.h"
#include "scanner/charset.h"
#include "scanner/offline_internal.h"

namespace exposcan::offline {
namespace {

using nlohmann::json;

// An integer member in int range, else `fallback` (HAR files are user input).
int int_of(const json& j, const char* k, int fallback) {
  if (!j.is_object() || !j.contains(k) || !j[k].is_number()) return fallback;
  double d = j[k].get<double>();
  return d >= -1e9 && d <= 1e9 ? static_cast<int>(d) : fallback;
}

std::string str(const json& j, const char* k) {
  return j.is_object() && j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
}

}  // namespace

void load_har(const std::filesystem::path& path, std::string_view data, const OfflineOptions& o, OfflineLoad& out) {
  // A body file named by content._file: a plain name in the HAR's folder (no path, no "..").
  const HarBodyFiles beside{[&](const std::string& name) -> std::optional<std::string> {
                              if (name.find_first_of("/\\") != std::string::npos || name == "." || name == "..")
                                return std::nullopt;
                              return read_body_file(path.parent_path() / name, o.max_body_bytes);
                            },
                            "beside the HAR"};
  load_har(path, data, o, out, beside);
}

void load_har(const std::filesystem::path& path, std::string_view data, const OfflineOptions& o, OfflineLoad& out,
              const HarBodyFiles& body_files) {
  json doc = json::parse(data, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("log") || !doc["log"].is_object()) {
    out.errors.push_back(path.string() + ": not a HAR file (no \"log\" object)");
    return;
  }
  const json& entries = doc["log"].contains("entries") ? doc["log"]["entries"] : json::array();
  if (!entries.is_array()) {
    out.errors.push_back(path.string() + ": log.entries is not an array");
    return;
  }
  size_t index = 0;
  const size_t first = out.pages.size();
  std::vector<RedirectHop> hops;
  for (const auto& e : entries) {
    ++index;
    if (out.pages.size() >= o.max_pages) {
      out.errors.push_back(path.string() + ": more than " + std::to_string(o.max_pages) + " pages; the rest is skipped");
      break;
    }
    if (!e.is_object() || !e.contains("request") || !e.contains("response")) continue;
    const json& req = e["request"];
    const json& resp = e["response"];
    const json& content = resp.contains("content") && resp["content"].is_object() ? resp["content"] : json::object();
    // The server's Content-Type, else the browser's mimeType: Chrome gives a feed it displayed as
    // text "text/plain" there, while the header still says application/rss+xml.
    std::string content_type;
    std::vector<HttpHeader> headers;
    if (resp.contains("headers") && resp["headers"].is_array())
      for (const auto& h : resp["headers"]) {
        headers.push_back({str(h, "name"), str(h, "value")});
        if (iequals(headers.back().name, "content-type") && content_type.empty()) content_type = headers.back().value;
      }
    if (trim(content_type).empty()) content_type = str(content, "mimeType");
    const std::string url = str(req, "url");
    const int status = int_of(resp, "status", 0);
    if (auto hop = redirect_hop(url, status, headers, str(resp, "redirectURL"))) {
      hops.push_back(std::move(*hop));  // folded into the page it led to
      continue;
    }
    if (!page_type(content_type) || failed_requisite(url, status, str(e, "_resourceType"))) continue;
    const std::string where = path.string() + ": entry " + std::to_string(index) + " (" + url + ")";
    std::optional<std::string> sidecar;
    if (!content.contains("text") || !content["text"].is_string()) {
      // Playwright's "attach" mode keeps the body in a file beside the HAR or in its archive
      // (content._file).
      const std::string file = str(content, "_file");
      if (!file.empty()) {
        sidecar = body_files.read(file);
        if (!sidecar) out.errors.push_back(where + ": its body file '" + file + "' cannot be read " + body_files.place);
      }
      // Chrome leaves out bodies it did not keep; the entry still says the page was seen.
      if (!sidecar && status < 300) {
        if (file.empty()) out.errors.push_back(where + " has no response body");
        continue;
      }
    }
    std::string text = str(content, "text");
    // HAR 1.2 §content: text is the decoded body; only with encoding "base64" is it the raw bytes.
    // Decoded text is Unicode already (a JSON string), whatever charset the page declared, so it
    // must not be decoded again as that charset. A body file holds the bytes as received.
    const bool base64 = iequals(str(content, "encoding"), "base64");
    std::string raw = sidecar ? std::move(*sidecar) : base64 ? base64_decode(text) : text;
    if (!base64 && !sidecar) content_type = media_type_of(content_type) + "; charset=utf-8";
    Page page;
    page.url = page.final_url = url;
    page.status = status;
    // A browser shows a revalidated document as 304 with the cached body it displayed.
    if (page.status == 304 && !raw.empty()) page.status = 200;
    page.http_version = str(resp, "httpVersion");
    page.headers = std::move(headers);
    if (auto t = parse_datetime(str(e, "startedDateTime"))) page.fetched_at = *t;
    page.remote_ip = str(e, "serverIPAddress");
    if (page.status >= 400) page.error = FetchError{"http_status", "HTTP " + std::to_string(page.status) + " (from " + path.filename().string() + ")"};
    finish_page(page, std::move(raw), content_type, PageOrigin::har, path.string(), o.max_body_bytes);
    out.pages.push_back(std::move(page));
  }
  fold_redirects(out.pages, first, hops);
}

}  // namespace exposcan::offline
