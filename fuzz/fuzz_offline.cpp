// Fuzzes the HAR (EXPOSCAN_FUZZ_HAR), .har.zip (EXPOSCAN_FUZZ_HAR_ZIP) or WARC (EXPOSCAN_FUZZ_WARC)
// reader on in-memory files.
#include <cstddef>
#include <cstdint>
#include <string>

#include "scanner/offline_internal.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  exposcan::OfflineOptions options;
  options.max_body_bytes = 1u << 20;
  exposcan::OfflineLoad out;
#if defined(EXPOSCAN_FUZZ_HAR)
  exposcan::offline::load_har("fuzz.har", in, options, out);
#elif defined(EXPOSCAN_FUZZ_HAR_ZIP)
  exposcan::offline::load_har_zip("fuzz.har.zip", in, options, out);
#else
  exposcan::offline::load_warc("fuzz.warc", in, options, out);
#endif
  return out.pages.size() > 100000000 ? 1 : 0;
}
