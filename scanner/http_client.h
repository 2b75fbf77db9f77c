// scanner/http_client.h — asynchronous HTTP(S) fetching on libcurl's multi interface.
//
// Design (TECH-NOTES §1, option A): one worker thread owns the CURLM handle and runs
// curl_multi_poll; other threads submit requests (curl_multi_wakeup) and receive each response
// through a caller-supplied `post` function, which moves the completion onto the caller's
// executor (the crawler posts into its Boost.Asio io_context).
// Why A and not B (curl_multi_socket_action driven by Asio): A has no fd-lifetime hazards (the
// socket callback's REMOVE/close ordering, resolver socketpairs, edge-triggered re-arming), and
// it is not the bottleneck: on the bench (bench/README.md) the curl thread's own work —
// curl_multi_perform, TLS, inflate, copying bodies — is the cost, not the poll loop or the two
// thread hand-offs per transfer (submit → curl thread → Asio), which measured below 2 % of CPU at
// ~2,000 pages/s. B only pays off with thousands of sockets, and a crawl is bounded by politeness
// long before that.
// Sharing: one multi handle, so every transfer shares its DNS cache (60 s), connection pool
// (HTTP/1.1 keep-alive) and TLS session cache; HTTP/2 is negotiated by ALPN on https and
// transfers to one origin are multiplexed as streams on one connection (PIPEWAIT). Easy handles
// are reused (curl_easy_reset) rather than created per transfer.
//
// Limits enforced per transfer: connect/total/low-speed timeouts, a body cap that holds after
// content decoding (checked in the write callback, since libcurl 7.88 only checks the announced
// length), http/https only, and optionally no connections to loopback/private/link-local/ULA
// addresses (checked in the open-socket callback, so DNS answers cannot bypass it).
//
// Thread-safety: submit() and stop() may be called from any thread. Callbacks never run on the
// curl thread unless `post` runs them inline.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scanner/page.h"

namespace exposcan {

struct HttpRequest {
  std::string url;
  std::vector<std::string> headers;  // extra "Name: value" lines
  std::string if_none_match;         // conditional GET
  std::string if_modified_since;     // HTTP-date
  long connect_timeout_ms = 10'000;
  long timeout_ms = 30'000;
  long low_speed_limit = 100;  // bytes/s ...
  long low_speed_time_s = 10;  // ... for this long = stalled
  size_t max_body_bytes = 8u << 20;
  // Over the cap, keep the first max_body_bytes (the transfer is still cut there) instead of
  // refusing a body whose announced Content-Length is too large before reading any of it. For
  // files read up to a limit, such as robots.txt (RFC 9309 §2.5: parse at least 500 KiB).
  bool keep_prefix = false;
  bool allow_private_addresses = false;
  bool capture_wire = false;  // keep the raw request head (for WARC records)
};

struct HttpResponse {
  std::string url;  // as requested
  int status = 0;
  std::string http_version;  // "1.0", "1.1", "2", "3"
  std::vector<HttpHeader> headers;
  std::string body;  // content-decoded
  bool truncated = false;
  std::string redirect_url;  // absolute Location target for 3xx, empty otherwise
  long retry_after_s = -1;   // Retry-After (seconds; dates converted), -1 when absent
  std::string remote_ip;
  std::optional<FetchError> error;
  int curl_code = 0;
  double total_time_s = 0;
  uint64_t bytes_downloaded = 0;  // bytes of body on the wire (before decoding)
  long new_connections = 0;       // connections this transfer opened (0 = reused one)
  std::string request_head;       // when capture_wire
  std::string response_head;      // status line + header lines as received
};

struct HttpClientOptions {
  std::string user_agent;
  std::vector<std::string> connect_to;  // curl --connect-to entries "HOST:PORT:ADDR:PORT"
  std::string ca_file;                  // trust only this CA bundle (no system CApath)
  std::string proxy;                    // empty: libcurl honours HTTPS_PROXY / http_proxy
  long max_total_connections = 16;
  long max_host_connections = 4;
  bool http2 = true;
};

class HttpClient {
 public:
  using Callback = std::function<void(HttpResponse)>;
  // Runs a completion somewhere; the default runs it inline on the curl thread.
  using Poster = std::function<void(std::function<void()>)>;

  explicit HttpClient(HttpClientOptions options, Poster post = {});
  ~HttpClient();  // stop()s
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  void submit(HttpRequest request, Callback done);
  // Aborts transfers in flight (their callbacks get error "interrupted") and joins the thread.
  void stop();
  size_t in_flight() const;

  // Blocking convenience for commands that fetch one URL (inspect, robots URL).
  static HttpResponse fetch_sync(const HttpClientOptions& options, HttpRequest request);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// True for loopback, private (RFC 1918), link-local, CGNAT, ULA and unspecified addresses.
bool is_non_public_address(const std::string& ip);

}  // namespace exposcan
