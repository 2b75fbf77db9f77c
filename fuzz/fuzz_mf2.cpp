// Fuzzes the microformats2 parser as `exposcan inspect --format mf2` runs it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parsers/microformats.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string html(reinterpret_cast<const char*>(data), size);
  std::string out = exposcan::mf2_json(html, "http://example.com/");
  return out.empty() ? 1 : 0;
}
