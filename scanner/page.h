// scanner/page.h — what the scanner hands downstream: one fetched (or loaded) document.
//
// The scanner owns this type (STYLE.md §2); parsers and rules only read it. A Page is a value:
// once delivered it is never mutated, so it can be shared across worker threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace exposcan {

class RobotsTxt;  // scanner/robots.h

struct HttpHeader {
  std::string name;
  std::string value;
};

// How the document was obtained (DESIGN §2).
enum class PageOrigin { live, not_modified, file, har, warc };
std::string_view to_string(PageOrigin origin);

// A recorded failure; the scan goes on. Codes are stable strings used in reports:
// "dns", "connect", "tls", "timeout", "too_large", "too_many_redirects", "redirect_refused",
// "http_status", "robots_disallowed", "bad_response", "io", "interrupted", "out_of_scope".
struct FetchError {
  std::string code;
  std::string message;
};

// The result of fetching one well-known site file (robots.txt, tdmrep.json, ai.txt).
struct SiteFile {
  std::string url;
  int status = 0;  // HTTP status; 0 when unreachable
  bool fetched = false;
  std::string body;  // capped; empty unless 2xx
  std::optional<FetchError> error;
  TimePoint fetched_at{};
};

// Site-level signals observed once per origin and shared by every Page of that origin.
struct SiteSignals {
  std::string origin;  // "https://mastodon.social"
  SiteFile robots_file;
  std::shared_ptr<const RobotsTxt> robots;  // RFC 9309 status semantics already applied
  SiteFile tdmrep_file;                     // /.well-known/tdmrep.json
  SiteFile ai_txt_file;                     // /ai.txt
};

struct Page {
  std::string url;        // the URL requested (normalised)
  std::string final_url;  // after redirects
  std::vector<std::string> redirects;  // intermediate URLs, in order
  int status = 0;                      // HTTP status; 0 when no response
  std::string http_version;            // "1.1", "2"; empty for offline sources
  std::string remote_ip;
  std::vector<HttpHeader> headers;  // final response's headers, in order
  std::string body;                 // content-decoded, UTF-8 for text types, capped
  bool truncated = false;           // body hit the size cap
  std::string content_type;         // lower-case media type without parameters
  std::string charset;              // declared or detected charset of the original bytes
  TimePoint fetched_at{};
  std::string sha256;  // of the body as received (content-decoded), before any charset conversion
  PageOrigin origin = PageOrigin::live;
  std::optional<FetchError> error;
  std::shared_ptr<const SiteSignals> site;
  int depth = 0;               // link distance from the target
  bool user_directed = false;  // a listed target (fetched as user-directed, DESIGN §6)
  std::string target;          // the target, as the user wrote it, this page was reached from
  std::string request_block;   // raw request head as sent (for WARC); may be empty
  std::string response_head;   // raw response status line + headers (for WARC); may be empty

  // First header value with this name (ASCII case-insensitive), or empty.
  std::string header(std::string_view name) const;
  std::vector<std::string> header_values(std::string_view name) const;
  bool ok() const { return !error && status >= 200 && status < 300; }
};

}  // namespace exposcan
