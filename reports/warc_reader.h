// reports/warc_reader.h — reads WARC files (gzip per record, or uncompressed) and checks them:
// the `evidence verify` half of the evidence bundle, usable on any WARC 1.0/1.1 file.
//
// read_warc() inflates member by member (a corrupt member — bad header, data or CRC — is an
// error naming the member and its byte offset) and parses each record's named fields and block.
// check_warc_record() re-computes WARC-Block-Digest and WARC-Payload-Digest (payload: the HTTP
// entity body with any chunked transfer-encoding removed, content-encoding kept) for sha256
// (base16 or base32) and sha1 (base32) labels. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/expected.h"

namespace exposcan {

struct WarcRecordView {
  std::string version;  // "WARC/1.1"
  std::vector<std::pair<std::string, std::string>> fields;
  std::string block;
  size_t member = 0;  // 1-based gzip member (0: uncompressed file)
  size_t offset = 0;  // byte offset of the member (or record) in the file

  std::string field(std::string_view name) const;  // first value, case-insensitive; "" if absent
  bool has(std::string_view name) const;
};

// Errors (code "warc"): "gzip member 3 at byte 1234: <zlib message>", "record 2 at byte 99: ...".
Expected<std::vector<WarcRecordView>> read_warc(std::string_view file_bytes);

// Problems with one record, in words ("WARC-Block-Digest does not match the block"); empty: ok.
std::vector<std::string> check_warc_record(const WarcRecordView& record);

// The HTTP entity body of an application/http block (after the head; chunked coding removed).
// Error when the head is incomplete or the chunked coding is malformed.
Expected<std::string> http_payload(std::string_view block);

// Checks a digest label "sha256:<hex|base32>" / "sha1:<base32|hex>" against data.
// Errors: unsupported algorithm or malformed value.
Expected<bool> digest_matches(std::string_view label, std::string_view data);

}  // namespace exposcan
