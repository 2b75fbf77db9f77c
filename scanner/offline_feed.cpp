// Saved feed files (RSS, Atom, JSON Feed): a person who downloaded /@user.rss or a blog's feed can
// scan it like a live one. The page URL is the feed's own self link when it names one (Atom
// <link rel="self">, RSS <atom:link rel="self">, JSON Feed "feed_url"), so the platform is told by
// its host; else the file:// URL.
#include <nlohmann/json.hpp>

#include <fstream>

#include "core/text.h"
#include "scanner/offline_internal.h"

namespace exposcan::offline {
namespace {

// &amp; &lt; &gt; &quot; &apos; in an attribute value.
std::string decode_xml_attribute(std::string_view value) {
  static constexpr std::pair<std::string_view, char> k_entities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t i = 0; i < value.size();) {
    bool decoded = false;
    for (const auto& [entity, ch] : k_entities)
      if (value.substr(i, entity.size()) == entity) {
        out += ch;
        i += entity.size();
        decoded = true;
        break;
      }
    if (!decoded) out += value[i++];
  }
  return out;
}

// The value of attribute `name` in one start tag's text, or "".
std::string attribute(std::string_view tag, std::string_view name) {
  std::string lower = ascii_lower(tag);
  for (size_t at = lower.find(name); at != std::string::npos; at = lower.find(name, at + 1)) {
    if (at == 0 || !is_ascii_space(lower[at - 1])) continue;
    size_t eq = at + name.size();
    while (eq < lower.size() && is_ascii_space(lower[eq])) ++eq;
    if (eq >= lower.size() || lower[eq] != '=') continue;
    size_t q = eq + 1;
    while (q < lower.size() && is_ascii_space(lower[q])) ++q;
    if (q >= lower.size() || (lower[q] != '"' && lower[q] != '\'')) continue;
    size_t end = lower.find(lower[q], q + 1);
    if (end == std::string::npos) return {};
    return decode_xml_attribute(tag.substr(q + 1, end - q - 1));
  }
  return {};
}

}  // namespace

std::string saved_feed_type(std::string_view head) {
  size_t i = head.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < head.size() && is_ascii_space(head[i])) ++i;
  if (i < head.size() && head[i] == '{')
    return head.find("jsonfeed.org/version") != std::string_view::npos || head.find("jsonfeed.org\\/version") != std::string_view::npos
               ? "application/feed+json"
               : "";
  // The root element after the prolog; any namespace prefix.
  size_t pos = i;
  while ((pos = head.find('<', pos)) != std::string_view::npos) {
    if (head.substr(pos, 2) == "<?" || head.substr(pos, 2) == "<!") {
      size_t end = head.substr(pos, 4) == "<!--" ? head.find("-->", pos) : head.find('>', pos);
      if (end == std::string_view::npos) return "";
      pos = end + 1;
      continue;
    }
    std::string_view tag = head.substr(pos + 1);
    tag = tag.substr(0, tag.find_first_of(" \t\r\n/>"));
    if (size_t colon = tag.find(':'); colon != std::string_view::npos) tag.remove_prefix(colon + 1);
    if (tag == "rss" || tag == "RDF") return "application/rss+xml";
    if (tag == "feed") return "application/atom+xml";
    return "";
  }
  return "";
}

std::string saved_feed_url(std::string_view body, std::string_view content_type) {
  if (content_type == "application/feed+json") {
    auto doc = nlohmann::json::parse(body, nullptr, false);
    if (doc.is_object() && doc.contains("feed_url") && doc["feed_url"].is_string()) return doc["feed_url"].get<std::string>();
    return {};
  }
  std::string_view head = body.substr(0, 64u << 10);
  std::string lower = ascii_lower(head);
  for (size_t at = lower.find("link"); at != std::string::npos; at = lower.find("link", at + 1)) {
    if (at == 0 || (lower[at - 1] != '<' && lower[at - 1] != ':')) continue;
    size_t end = lower.find('>', at);
    if (end == std::string::npos) break;
    std::string_view tag = head.substr(at + 4, end - at - 4);
    if (ascii_lower(attribute(tag, "rel")) != "self") continue;
    std::string href(trim(attribute(tag, "href")));
    if (istarts_with(href, "https://") || istarts_with(href, "http://")) return href;
  }
  return {};
}

void load_saved_feed(const std::filesystem::path& path, const OfflineOptions& o, OfflineLoad& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.errors.push_back(path.string() + ": cannot read");
    return;
  }
  std::string raw(o.max_body_bytes + 1, '\0');
  in.read(raw.data(), static_cast<std::streamsize>(raw.size()));
  raw.resize(static_cast<size_t>(in.gcount()));
  std::string type = saved_feed_type(std::string_view(raw).substr(0, 64u << 10));
  Page page;
  page.status = 200;
  std::error_code ec;
  if (auto mtime = std::filesystem::last_write_time(path, ec); !ec)
    page.fetched_at = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
        mtime - std::filesystem::file_time_type::clock::now() + std::chrono::system_clock::now());
  finish_page(page, std::move(raw), type.empty() ? "application/xml" : type, PageOrigin::file, path.string(), o.max_body_bytes);
  std::string self = saved_feed_url(page.body, type);
  page.url = page.final_url = self.empty() ? file_url(path) : self;
  page.headers.push_back({"X-Exposcan-Saved-File", path.string()});
  out.pages.push_back(std::move(page));
}

}  // namespace exposcan::offline
