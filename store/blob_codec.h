// store/blob_codec.h — zlib for stored bodies and JSON (private to store/).
#pragma once

#include <string>
#include <string_view>

#include "core/expected.h"

namespace exposcan {

// zlib stream (RFC 1950) at `level` (1 fast … 9 small).
std::string zlib_compress(std::string_view data, int level = 6);
// Inflates a zlib stream whose inflated size is `size` (stored beside it). Errors: code "store".
Expected<std::string> zlib_decompress(std::string_view data, size_t size);

}  // namespace exposcan
