// reports/timestamp_request.h — RFC 3161 time-stamp requests (TimeStampReq, DER), made locally
// with OpenSSL's TS API; the person sends the .tsq to any time-stamping authority (e.g.
// `curl -H 'Content-Type: application/timestamp-query' --data-binary @timestamp.tsq <TSA URL>`)
// and keeps the reply next to the bundle. exposcan itself never contacts a TSA.
//
// The request is version 1, messageImprint SHA-256 over the given digest, certReq true, and a
// 64-bit nonce derived from the digest (SHA-256 of "exposcan-tsq-nonce" ‖ digest) so the same
// digest always gives the same bytes: `evidence verify` rebuilds the request and compares it
// byte for byte, which catches a change to any byte of the file. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/expected.h"

namespace exposcan {

// `sha256_digest`: 32 raw bytes. Errors (code "tsq") only when OpenSSL fails.
Expected<std::string> make_timestamp_request(std::string_view sha256_digest);

struct TimestampRequestInfo {
  int version = 0;
  std::string hash_algorithm;  // OpenSSL short name, e.g. "SHA256"
  std::string imprint_hex;     // message imprint, lower-case hex
  std::string nonce_hex;       // empty when absent
  bool cert_req = false;
};

// Decodes a DER TimeStampReq. Errors (code "tsq"): "not an RFC 3161 time-stamp request".
Expected<TimestampRequestInfo> parse_timestamp_request(std::string_view der);

}  // namespace exposcan
