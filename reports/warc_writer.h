// reports/warc_writer.h — WARC 1.1 records (ISO 28500:2017, iipc warc-specifications 1.1), one
// gzip member per record (".warc.gz").
//
// Each record gets WARC-Record-ID, WARC-Date, Content-Length and SHA-256 digests written here:
// WARC-Block-Digest over the exact block bytes; WARC-Payload-Digest (for request/response
// records with an HTTP message) over the entity body after the HTTP head — the writer's callers
// (reports/http_wire.h) never store a transfer-encoded body, so no de-chunking applies. Digests
// are "sha256:" + lower-case base16 (TECH-NOTES §7). Not thread-safe; one writer per file.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/expected.h"
#include "core/time.h"

namespace exposcan {

struct WarcRecord {
  std::string type;  // "warcinfo", "request", "response", "resource", "metadata"
  std::string target_uri;  // required for request/response/resource; never on warcinfo
  TimePoint date{};
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> fields;  // further named fields, in order
  std::string block;
  // Byte offset of the payload inside `block` for HTTP messages; nullopt: no payload digest.
  std::optional<size_t> payload_offset;
  std::string id;  // "<urn:uuid:...>"; filled by the writer when empty
};

// "<urn:uuid:xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx>" from 16 random bytes (RFC 4122 v4).
std::string make_warc_record_id();
// "2026-11-26T07:14:38Z" (W3C-DTF, UTC; the same for a request/response pair).
std::string warc_date(TimePoint t);
// "sha256:<hex>".
std::string warc_sha256(std::string_view data);

// The uncompressed bytes of one record: version line, fields, CRLF, block, CRLF CRLF.
std::string serialize_warc_record(const WarcRecord& record);
// One gzip member (RFC 1952) holding `data`.
Expected<std::string> gzip_member(std::string_view data);

// Accumulates gzip-per-record WARC bytes in memory.
class WarcWriter {
 public:
  explicit WarcWriter(std::function<std::string()> make_id = make_warc_record_id) : m_make_id(std::move(make_id)) {}

  struct Written {
    std::string id;
    std::string block_digest;
    std::string payload_digest;  // empty when none
    size_t offset = 0;           // of the gzip member in the file
    size_t length = 0;           // compressed bytes
  };
  // Fills record.id when empty; the first record should be the warcinfo.
  Expected<Written> add(WarcRecord record);
  const std::string& bytes() const { return m_bytes; }
  size_t records() const { return m_count; }

 private:
  std::function<std::string()> m_make_id;
  std::string m_bytes;
  size_t m_count = 0;
};

}  // namespace exposcan
