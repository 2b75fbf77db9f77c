// rules/builtin_packs.cpp — the packs embedded from rules/packs/ (cmake/Embed.cmake).
#include <algorithm>

#include "core/embedded.h"
#include "rules/engine.h"

namespace exposcan {

namespace embedded_packs {
std::span<const EmbeddedFile> files();
}

std::vector<PackSource> builtin_packs() {
  std::vector<PackSource> out;
  for (const auto& f : embedded_packs::files())
    if (f.path.ends_with(".yaml") || f.path.ends_with(".yml"))
      out.push_back({"builtin:" + std::string(f.path), std::string(f.data)});
  std::sort(out.begin(), out.end(), [](const PackSource& a, const PackSource& b) { return a.name < b.name; });
  return out;
}

}  // namespace exposcan
