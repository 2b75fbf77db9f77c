// scanner/page_builder.h — turning an HTTP response into the Page the scanner hands downstream.
//
// Runs on the crawler's worker threads (not the crawl thread): media type sniffing, charset
// detection and conversion to UTF-8 (scanner/charset.h), SHA-256 of the body, and the error a
// non-2xx status is recorded as. Bodies are moved, never copied, when they are UTF-8 already.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scanner/http_client.h"
#include "scanner/page.h"

namespace exposcan {

// Where the page sits in the crawl.
struct PageContext {
  std::string url;        // first URL of the redirect chain
  std::string final_url;  // the URL that answered
  std::vector<std::string> redirects;
  int depth = 0;
  bool user_directed = false;
  std::string target;
  std::shared_ptr<const SiteSignals> site;
};

// The error a final HTTP status is recorded as: "rate_limited" for 429, "http_status" for other
// 4xx/5xx; none for 1xx-3xx. `retry_after_s` (>= 0) is named in the message.
std::optional<FetchError> status_error(int status, long retry_after_s = -1);

Page build_page(PageContext context, HttpResponse&& response);
Page failed_page(PageContext context, FetchError error);

}  // namespace exposcan
