#include "parsers/platforms/platform_common.h"

#include "core/url.h"

namespace exposcan {

Item platform_item(const Page& page, const ParseOutput& out, std::string platform) {
  Item it;
  it.platform = std::move(platform);
  it.source_url = page.final_url.empty() ? page.url : page.final_url;
  it.source_sha256 = page.sha256;
  it.provenance = std::string(to_string(page.origin));
  it.signals = out.signals;
  it.visibility = page.ok() ? Visibility::public_ : Visibility::unknown;
  return it;
}

std::string last_path_segment(std::string_view url) {
  auto u = Url::parse(url);
  std::string_view path = u ? std::string_view(u->path()) : url;
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace exposcan
