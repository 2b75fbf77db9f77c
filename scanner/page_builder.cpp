#include "scanner/page_builder.h"

#include "core/hash.h"
#include "scanner/charset.h"

namespace exposcan {
namespace {

void place(Page& p, PageContext&& c) {
  p.url = std::move(c.url);
  p.final_url = std::move(c.final_url);
  p.redirects = std::move(c.redirects);
  p.depth = c.depth;
  p.user_directed = c.user_directed;
  p.target = std::move(c.target);
  p.site = std::move(c.site);
}

}  // namespace

std::optional<FetchError> status_error(int status, long retry_after_s) {
  if (status < 400) return std::nullopt;
  std::string message = "HTTP " + std::to_string(status);
  if (retry_after_s >= 0) message += " (Retry-After " + std::to_string(retry_after_s) + " s)";
  return FetchError{status == 429 ? "rate_limited" : "http_status", std::move(message)};
}

Page build_page(PageContext context, HttpResponse&& r) {
  Page p;
  place(p, std::move(context));
  p.status = r.status;
  p.http_version = std::move(r.http_version);
  p.remote_ip = std::move(r.remote_ip);
  p.headers = std::move(r.headers);
  p.truncated = r.truncated;
  p.fetched_at = std::chrono::system_clock::now();
  p.sha256 = sha256_hex(r.body);  // of the bytes as received (content-decoded), before charset conversion
  std::string content_type = p.header("Content-Type");
  p.content_type = sniff_media_type(media_type_of(content_type), r.body);
  if (is_text_media_type(p.content_type)) {
    DecodedText d = decode_owned_to_utf8(std::move(r.body), p.content_type, charset_param(content_type));
    p.body = std::move(d.text);
    p.charset = std::move(d.charset);
  } else {
    p.body = std::move(r.body);
  }
  p.origin = PageOrigin::live;
  p.error = std::move(r.error);
  if (!p.error) p.error = status_error(r.status, r.retry_after_s);
  p.request_block = std::move(r.request_head);
  p.response_head = std::move(r.response_head);
  return p;
}

Page failed_page(PageContext context, FetchError error) {
  Page p;
  place(p, std::move(context));
  p.fetched_at = std::chrono::system_clock::now();
  p.error = std::move(error);
  return p;
}

}  // namespace exposcan
