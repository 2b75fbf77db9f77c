// reports/http_wire.h — a fetched Page as the HTTP/1.1 messages a WARC request/response record
// holds, honestly.
//
// What libcurl hands the scanner is not always the bytes on the wire: it removes chunked
// transfer-coding, decodes Content-Encoding (gzip, br, ...; the crawler asks for every encoding
// curl supports) and the scanner converts text to UTF-8. exposcan records what it kept — the
// decoded body — and makes the message say so instead of pretending: the head loses
// Transfer-Encoding and Content-Encoding, Content-Length is set to the stored body, each changed
// header survives as "X-Exposcan-Orig-<Name>", and `transformations` lists every change in words
// (the bundle writes them into the record's metadata and an "Exposcan-Transform" field). A head
// received over HTTP/2 or HTTP/3 is written as HTTP/1.1 with `protocol` "h2"/"h3" for the
// WARC-Protocol field. When the crawler did not capture the head (offline sources, capture off),
// the head is rebuilt from the status and headers, which is also listed. Pure.
#pragma once

#include "core/http_status.h"  // http_reason_phrase, used with the wire form

#include <string>
#include <vector>

#include "scanner/page.h"

namespace exposcan {

struct HttpWire {
  std::string request;   // request head as sent, HTTP/1.1 form; empty when not captured
  std::string response;  // response head + stored body
  size_t payload_offset = 0;  // where the body starts in `response`
  std::string protocol;       // "h2", "h3"; empty for HTTP/1.x
  std::vector<std::string> transformations;
};

HttpWire http_wire(const Page& page);

}  // namespace exposcan
