// tests/parsers/warc_fixture.h — WARC 1.1 records built in tests (offline source tests).
#pragma once

#include <string>
#include <string_view>

#include "core/hash.h"

namespace exposcan::test {

// One WARC/1.1 record of `type` with `block` as its content (and its trailing CRLF CRLF); the
// record id is made from the block, the date is fixed, `uri` and `content_type` may be empty.
inline std::string warc_record(std::string_view type, std::string_view uri, std::string_view content_type,
                               std::string_view block) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + std::string(type) + "\r\nWARC-Record-ID: <urn:uuid:" +
                  sha256_hex(block).substr(0, 8) + "-0000-4000-8000-000000000000>\r\nWARC-Date: 2026-10-30T09:00:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "Content-Type: " + std::string(content_type) + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

}  // namespace exposcan::test
