// store/blob_codec.h — compression of stored bodies and JSON (private to store/).
//
// New blobs are Zstandard frames (RFC 8878) at a fast level: page bodies are the bulk of what a
// scan stores, and zlib at its fastest level was 9% of the full pipeline's CPU; zstd level 1 does
// the same job in about a quarter of the time and fewer bytes. Blobs written by earlier versions
// are zlib streams (RFC 1950); blob_decompress tells the two apart by the zstd frame's magic
// number (28 B5 2F FD), which no zlib stream starts with (its first byte is 0x?8).
#pragma once

#include <string>
#include <string_view>

#include "core/expected.h"

namespace exposcan {

// A zstd frame of `data`.
std::string blob_compress(std::string_view data);
// Inflates a blob (zstd frame or zlib stream) whose inflated size is `size` (stored beside it).
// Errors: code "store" ("a stored blob is damaged …").
Expected<std::string> blob_decompress(std::string_view data, size_t size);

// zlib stream (RFC 1950) at `level` (1 fast … 9 small): the format of blobs before zstd.
std::string zlib_compress(std::string_view data, int level = 6);

}  // namespace exposcan
