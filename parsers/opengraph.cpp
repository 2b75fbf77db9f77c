#include "parsers/opengraph.h"

#include "core/text.h"

namespace exposcan {
namespace {

bool is_opengraph_key(std::string_view key) {
  for (std::string_view p : {"og:", "article:", "profile:", "book:", "music:", "video:", "twitter:", "fb:"})
    if (key.substr(0, p.size()) == p && key.size() > p.size()) return true;
  return false;
}

}  // namespace

std::string OpenGraph::first(std::string_view key) const {
  for (const auto& [k, v] : properties)
    if (k == key) return v;
  return {};
}

std::vector<std::string> OpenGraph::all(std::string_view key) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : properties)
    if (k == key) out.push_back(v);
  return out;
}

std::vector<OpenGraphImage> OpenGraph::images() const {
  std::vector<OpenGraphImage> out;
  for (const std::string_view prefix : {"og:image", "twitter:image"}) {
    std::string base(prefix);
    std::string previous_key;
    for (const auto& [k, v] : properties) {
      if (k == base) {
        out.push_back({v, {}});
      } else if (k == base + ":url" || k == base + ":src" || k == base + ":secure_url") {
        // Structured properties describe the image declared just before them.
        bool same_image = !out.empty() && (out.back().url == v || previous_key == base);
        if (!same_image && k != base + ":secure_url") out.push_back({v, {}});
        else if (out.empty()) out.push_back({v, {}});
      } else if (k == base + ":alt" && !out.empty() && out.back().alt.empty()) {
        out.back().alt = v;
      }
      if (k.rfind(base, 0) == 0) previous_key = k;
    }
    if (!out.empty()) break;
  }
  return out;
}

std::string OpenGraph::title() const {
  std::string t = first("og:title");
  return t.empty() ? first("twitter:title") : t;
}

std::string OpenGraph::description() const {
  std::string t = first("og:description");
  return t.empty() ? first("twitter:description") : t;
}

OpenGraph extract_opengraph(const HtmlScan& scan) {
  OpenGraph og;
  for (const auto& m : scan.metas) {
    const std::string& key = !m.property.empty() && is_opengraph_key(m.property) ? m.property : m.name;
    if (!is_opengraph_key(key)) continue;
    og.properties.emplace_back(key, std::string(trim(m.content)));
  }
  return og;
}

}  // namespace exposcan
