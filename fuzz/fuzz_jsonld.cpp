// Fuzzes JSON-LD extraction on raw script contents (split on a NUL byte into several blocks).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parsers/jsonld.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> scripts;
  size_t start = 0;
  for (size_t i = 0; i <= in.size(); ++i)
    if (i == in.size() || in[i] == '\0') {
      scripts.emplace_back(in.substr(start, i - start));
      start = i + 1;
    }
  auto r = exposcan::extract_jsonld(scripts);
  return r.nodes.size() > 100000000 ? 1 : 0;
}
