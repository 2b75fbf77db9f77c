#include "scanner/http_client.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <cstring>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "core/text.h"

namespace exposcan {
namespace {

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

void ensure_curl_global() {
  static CurlGlobal g;  // thread-safe static init; never cleaned up (process lifetime)
  (void)g;
}

bool ipv4_non_public(uint32_t a) {  // host byte order
  auto in = [&](uint32_t net, int bits) { return (a >> (32 - bits)) == (net >> (32 - bits)); };
  return in(0x00000000, 8) || in(0x0A000000, 8) || in(0x7F000000, 8) || in(0xA9FE0000, 16) ||
         in(0xAC100000, 12) || in(0xC0A80000, 16) || in(0x64400000, 10) || in(0xC0000000, 24) ||
         in(0xC6120000, 15) || in(0xE0000000, 4) || in(0xF0000000, 4);
}

bool ipv6_non_public(const in6_addr& a) {
  const uint8_t* b = a.s6_addr;
  static const uint8_t k_zero[16] = {};
  if (std::memcmp(b, k_zero, 15) == 0 && (b[15] == 0 || b[15] == 1)) return true;  // :: and ::1
  if ((b[0] & 0xFE) == 0xFC) return true;                                         // fc00::/7 ULA
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return true;                         // fe80::/10
  if (b[0] == 0xFF) return true;                                                  // multicast
  static const uint8_t k_mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  if (std::memcmp(b, k_mapped, 12) == 0) {
    uint32_t v4 = (uint32_t(b[12]) << 24) | (uint32_t(b[13]) << 16) | (uint32_t(b[14]) << 8) | b[15];
    return ipv4_non_public(v4);
  }
  return false;
}

std::string http_version_string(long v) {
  switch (v) {
    case CURL_HTTP_VERSION_1_0: return "1.0";
    case CURL_HTTP_VERSION_1_1: return "1.1";
    case CURL_HTTP_VERSION_2_0: return "2";
    case CURL_HTTP_VERSION_3: return "3";
    default: return "";
  }
}

}  // namespace

bool is_non_public_address(const std::string& ip) {
  in_addr a4{};
  if (inet_pton(AF_INET, ip.c_str(), &a4) == 1) return ipv4_non_public(ntohl(a4.s_addr));
  in6_addr a6{};
  if (inet_pton(AF_INET6, ip.c_str(), &a6) == 1) return ipv6_non_public(a6);
  return false;
}

struct HttpClient::Impl {
  struct Job {
    HttpRequest request;
    Callback done;
    HttpResponse response;
    CURL* easy = nullptr;
    curl_slist* header_list = nullptr;
    char error_buffer[CURL_ERROR_SIZE] = {};
    bool over_cap = false;
    bool blocked_address = false;
  };

  static constexpr size_t k_max_idle_handles = 64;
  static constexpr size_t k_initial_body_capacity = 64 * 1024;

  HttpClientOptions options;
  Poster post;
  CURLM* multi = nullptr;
  curl_slist* connect_to = nullptr;  // shared by every easy handle (read-only)
  std::vector<CURL*> idle;           // reset easy handles for reuse; curl thread only
  std::mutex mutex;
  std::vector<std::unique_ptr<Job>> inbox;
  std::unordered_set<Job*> active;  // curl thread only
  std::atomic<bool> stopping{false};
  std::atomic<size_t> in_flight{0};
  std::thread thread;

  Impl(HttpClientOptions o, Poster p) : options(std::move(o)), post(std::move(p)) {
    ensure_curl_global();
    multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, options.max_total_connections);
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, options.max_host_connections);
    // The idle-connection cache defaults to 4 × the easy handles currently added, which drops to
    // a handful whenever the crawl waits on parsing and closes keep-alive connections it will need
    // again (measured: 174 connections for 5,004 requests); size it for the connection cap.
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, std::max(16L, options.max_total_connections * 2));
    curl_multi_setopt(multi, CURLMOPT_PIPELINING, options.http2 ? CURLPIPE_MULTIPLEX : CURLPIPE_NOTHING);
    for (const auto& c : options.connect_to) connect_to = curl_slist_append(connect_to, c.c_str());
    thread = std::thread([this] { loop(); });
  }

  ~Impl() {
    stop();
    for (CURL* e : idle) curl_easy_cleanup(e);
    curl_multi_cleanup(multi);
    curl_slist_free_all(connect_to);
  }

  void stop() {
    if (!thread.joinable()) return;
    stopping = true;
    curl_multi_wakeup(multi);
    thread.join();
  }

  static size_t on_write(char* data, size_t size, size_t n, void* user) {
    auto* job = static_cast<Job*>(user);
    size_t len = size * n;
    std::string& body = job->response.body;
    if (body.capacity() == 0)  // most pages fit: one allocation instead of a doubling series of copies
      body.reserve(std::min(job->request.max_body_bytes, k_initial_body_capacity));
    size_t room = job->request.max_body_bytes - std::min(job->request.max_body_bytes, body.size());
    if (len > room) {
      job->response.body.append(data, room);
      job->over_cap = true;
      return CURL_WRITEFUNC_ERROR;
    }
    job->response.body.append(data, len);
    return len;
  }

  static size_t on_header(char* data, size_t size, size_t n, void* user) {
    auto* job = static_cast<Job*>(user);
    size_t len = size * n;
    std::string_view line(data, len);
    if (line.substr(0, 5) == "HTTP/") {  // a new response (after 1xx): start over
      job->response.headers.clear();
      job->response.response_head.clear();
    }
    job->response.response_head.append(line);
    size_t colon = line.find(':');
    if (colon != std::string_view::npos && line.substr(0, 5) != "HTTP/") {
      job->response.headers.push_back(
          {std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1)))});
    }
    return len;
  }

  static int on_debug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
    auto* job = static_cast<Job*>(user);
    if (type == CURLINFO_HEADER_OUT) job->response.request_head.append(data, size);
    return 0;
  }

  static curl_socket_t on_open_socket(void* user, curlsocktype, curl_sockaddr* address) {
    auto* job = static_cast<Job*>(user);
    if (!job->request.allow_private_addresses) {
      bool blocked = false;
      if (address->family == AF_INET) {
        const auto* sa = reinterpret_cast<const sockaddr_in*>(&address->addr);
        blocked = ipv4_non_public(ntohl(sa->sin_addr.s_addr));
      } else if (address->family == AF_INET6) {
        const auto* sa = reinterpret_cast<const sockaddr_in6*>(&address->addr);
        blocked = ipv6_non_public(sa->sin6_addr);
      }
      if (blocked) {
        job->blocked_address = true;
        return CURL_SOCKET_BAD;
      }
    }
    return ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
  }

  void configure(Job& job) {
    CURL* e = nullptr;
    if (!idle.empty()) {
      e = idle.back();
      idle.pop_back();
    } else {
      e = curl_easy_init();
    }
    job.easy = e;
    const HttpRequest& r = job.request;
    job.response.url = r.url;
    curl_easy_setopt(e, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, &job);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_USERAGENT, options.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);  // the crawler follows redirects hop by hop
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, r.connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, r.timeout_ms);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, r.low_speed_limit);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, r.low_speed_time_s);
    if (!r.keep_prefix) curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(r.max_body_bytes));
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Impl::on_write);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &job);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Impl::on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &job);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &Impl::on_open_socket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, &job);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, job.error_buffer);
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, options.http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1);
    curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, 0L);
    if (!options.ca_file.empty()) {
      curl_easy_setopt(e, CURLOPT_CAINFO, options.ca_file.c_str());
      curl_easy_setopt(e, CURLOPT_CAPATH, nullptr);
    }
    if (!options.proxy.empty()) curl_easy_setopt(e, CURLOPT_PROXY, options.proxy.c_str());
    if (connect_to) curl_easy_setopt(e, CURLOPT_CONNECT_TO, connect_to);
    for (const auto& h : r.headers) job.header_list = curl_slist_append(job.header_list, h.c_str());
    if (!r.if_none_match.empty())
      job.header_list = curl_slist_append(job.header_list, ("If-None-Match: " + r.if_none_match).c_str());
    if (!r.if_modified_since.empty())
      job.header_list =
          curl_slist_append(job.header_list, ("If-Modified-Since: " + r.if_modified_since).c_str());
    if (job.header_list) curl_easy_setopt(e, CURLOPT_HTTPHEADER, job.header_list);
    if (r.capture_wire) {
      curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
      curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, &Impl::on_debug);
      curl_easy_setopt(e, CURLOPT_DEBUGDATA, &job);
    }
  }

  static FetchError classify(const Job& job, CURLcode rc) {
    std::string detail = job.error_buffer[0] ? job.error_buffer : curl_easy_strerror(rc);
    switch (rc) {
      case CURLE_WRITE_ERROR:
      case CURLE_FILESIZE_EXCEEDED:
        if (job.over_cap || rc == CURLE_FILESIZE_EXCEEDED)
          return {"too_large", "body larger than the " + std::to_string(job.request.max_body_bytes >> 10) +
                                   " KiB cap (cut off)"};
        return {"io", detail};
      case CURLE_OPERATION_TIMEDOUT: return {"timeout", detail};
      case CURLE_COULDNT_RESOLVE_HOST:
      case CURLE_COULDNT_RESOLVE_PROXY: return {"dns", detail};
      case CURLE_COULDNT_CONNECT:
        if (job.blocked_address)
          return {"blocked_address", "refused to connect to a loopback/private address (not a listed target)"};
        return {"connect", detail};
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CIPHER:
      case CURLE_SSL_CACERT_BADFILE: return {"tls", detail};
      case CURLE_UNSUPPORTED_PROTOCOL:
        // Requests are http(s) only, so this is curl refusing a non-HTTP reply ("HTTP/0.9").
        if (job.request.url.rfind("http", 0) == 0) return {"bad_response", detail};
        return {"unsupported_scheme", detail};
      case CURLE_RECV_ERROR:
      case CURLE_SEND_ERROR: return {"connection_reset", detail};
      case CURLE_PARTIAL_FILE:
      case CURLE_WEIRD_SERVER_REPLY:
      case CURLE_GOT_NOTHING:
      case CURLE_BAD_CONTENT_ENCODING:
      case CURLE_HTTP2:
      case CURLE_HTTP2_STREAM: return {"bad_response", detail};
      default: return {"network", detail};
    }
  }

  void finish(Job* job, CURLcode rc) {
    CURL* e = job->easy;
    HttpResponse& r = job->response;
    long status = 0, version = 0;
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(e, CURLINFO_HTTP_VERSION, &version);
    r.status = static_cast<int>(status);
    r.http_version = http_version_string(version);
    char* ip = nullptr;
    if (curl_easy_getinfo(e, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip) r.remote_ip = ip;
    char* redirect = nullptr;
    if (curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &redirect) == CURLE_OK && redirect) r.redirect_url = redirect;
    curl_off_t retry_after = -1;
    if (curl_easy_getinfo(e, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0)
      r.retry_after_s = static_cast<long>(retry_after);  // 7.88 can report negatives: clamp
    curl_off_t downloaded = 0;
    curl_easy_getinfo(e, CURLINFO_SIZE_DOWNLOAD_T, &downloaded);
    r.bytes_downloaded = static_cast<uint64_t>(downloaded);
    curl_easy_getinfo(e, CURLINFO_TOTAL_TIME, &r.total_time_s);
    curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &r.new_connections);
    r.curl_code = rc;
    if (rc != CURLE_OK) {
      r.error = classify(*job, rc);
      r.truncated = job->over_cap;
    }
    deliver(job);
  }

  void deliver(Job* job) {
    curl_multi_remove_handle(multi, job->easy);
    if (idle.size() < k_max_idle_handles && !stopping) {
      curl_easy_reset(job->easy);  // keeps nothing of this transfer; the multi keeps the caches
      idle.push_back(job->easy);
    } else {
      curl_easy_cleanup(job->easy);
    }
    curl_slist_free_all(job->header_list);
    active.erase(job);
    std::unique_ptr<Job> owned(job);
    --in_flight;
    auto fn = [done = std::move(owned->done), resp = std::move(owned->response)]() mutable {
      done(std::move(resp));
    };
    if (post) {
      post(std::move(fn));
    } else {
      fn();
    }
  }

  void loop() {
    while (true) {
      std::vector<std::unique_ptr<Job>> incoming;
      {
        std::lock_guard lock(mutex);
        incoming.swap(inbox);
      }
      for (auto& job : incoming) {
        configure(*job);
        curl_multi_add_handle(multi, job->easy);
        active.insert(job.release());
      }
      if (stopping) break;
      int running = 0;
      curl_multi_perform(multi, &running);
      int left = 0;
      while (CURLMsg* m = curl_multi_info_read(multi, &left)) {
        if (m->msg != CURLMSG_DONE) continue;
        Job* job = nullptr;
        curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&job));
        finish(job, m->data.result);
      }
      curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
    }
    // Stopping: abort what is in flight.
    std::vector<Job*> pending(active.begin(), active.end());
    for (Job* job : pending) {
      job->response.error = FetchError{"interrupted", "scan interrupted before the response completed"};
      deliver(job);
    }
    std::lock_guard lock(mutex);
    for (auto& job : inbox) {
      job->response.url = job->request.url;
      job->response.error = FetchError{"interrupted", "scan interrupted before the request was sent"};
      --in_flight;
      auto fn = [done = std::move(job->done), resp = std::move(job->response)]() mutable { done(std::move(resp)); };
      if (post) post(std::move(fn)); else fn();
    }
    inbox.clear();
  }
};

HttpClient::HttpClient(HttpClientOptions options, Poster post)
    : m_impl(std::make_unique<Impl>(std::move(options), std::move(post))) {}

HttpClient::~HttpClient() { stop(); }

void HttpClient::submit(HttpRequest request, Callback done) {
  auto job = std::make_unique<Impl::Job>();
  job->request = std::move(request);
  job->done = std::move(done);
  ++m_impl->in_flight;
  {
    std::lock_guard lock(m_impl->mutex);
    m_impl->inbox.push_back(std::move(job));
  }
  curl_multi_wakeup(m_impl->multi);
}

void HttpClient::stop() { m_impl->stop(); }

size_t HttpClient::in_flight() const { return m_impl->in_flight.load(); }

HttpResponse HttpClient::fetch_sync(const HttpClientOptions& options, HttpRequest request) {
  std::promise<HttpResponse> promise;
  auto future = promise.get_future();
  HttpClient client(options);
  client.submit(std::move(request), [&promise](HttpResponse r) { promise.set_value(std::move(r)); });
  HttpResponse r = future.get();
  client.stop();
  return r;
}

}  // namespace exposcan
