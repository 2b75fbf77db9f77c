// Saved feed files (RSS, Atom, JSON Feed): a person who downloaded /@user.rss or a blog's feed can
// scan it like a live one. The page URL is the feed's own self link when it names one (Atom
// <link rel="self">, RSS <atom:link rel="self">, JSON Feed "feed_url"), so the platform is told by
// its host; else the file:// URL.
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "scanner/charset.h"
#include "scanner/offline_internal.h"

namespace exposcan::offline {
namespace {

// The feed's own absolute http(s) URL, or "".
std::string self_url(std::string_view body, FeedFormat format) {
  if (format == FeedFormat::json_feed) {
    auto doc = nlohmann::json::parse(body, nullptr, false);
    auto it = doc.is_object() ? doc.find("feed_url") : doc.end();
    return it != doc.end() && it->is_string() && is_absolute_http(it->get<std::string>()) ? it->get<std::string>() : std::string();
  }
  std::string_view head = body.substr(0, 64u << 10);
  std::string lower = ascii_lower(head);
  for (size_t pos = lower.find('<'); pos != std::string::npos; pos = lower.find('<', pos + 1)) {
    std::string_view name = std::string_view(lower).substr(pos + 1, 10);
    if (name.rfind("link", 0) != 0 && name.rfind("atom:link", 0) != 0) continue;
    size_t end = lower.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag = head.substr(pos, end - pos + 1);
    auto rel = tag_attr(tag, "rel");
    if (!rel || ascii_lower(trim(*rel)) != "self") continue;
    if (auto href = tag_attr(tag, "href")) {
      std::string url = unescape_attr(*href);
      if (is_absolute_http(url)) return url;
    }
  }
  return {};
}

}  // namespace

void load_saved_feed(const std::filesystem::path& path, const OfflineOptions& o, OfflineLoad& out) {
  // No declared type: the body tells (scanner/charset.h sniffs RSS and Atom, and JSON).
  auto page = read_saved_file(path, o, out, "", path.string());
  if (!page) return;
  if (std::string self = self_url(page->body, sniff_feed(page->body)); !self.empty()) page->url = page->final_url = self;
  out.pages.push_back(std::move(*page));
}

}  // namespace exposcan::offline
