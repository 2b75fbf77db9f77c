// tests/scanner/sample_client.h — a blocking libcurl client for tests against the sample server.
// Every request is pinned to 127.0.0.1:<port> with CURLOPT_CONNECT_TO (any host), so URLs keep their
// real host names, SNI and certificate checks; the test CA comes from SampleServer::ca_pem().
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "samples/sample_server.h"

namespace exposcan::test {

struct FetchOptions {
  std::vector<std::string> headers;  // extra request headers, "Name: value"
  std::string user_agent = "exposcan-tests/1.0";
  bool follow = false;
  long max_redirs = 5;
  long timeout_ms = 4000;
  long low_speed_limit = 0;  // bytes/s; 0 = off
  long low_speed_time = 0;   // s
  std::string accept_encoding;  // "" = don't send; "gzip" / "identity" / "*" (curl decodes)
  bool decode = true;           // HTTP_CONTENT_DECODING
  size_t cap = 0;               // write-callback cap in bytes (0 = none) -> CURLE_WRITE_ERROR
  bool head = false;
  bool trust_ca = true;
};

struct FetchResult {
  CURLcode rc = CURLE_OK;
  long status = 0;
  std::string body;
  std::multimap<std::string, std::string> headers;  // lower-cased names, last response only
  long redirects = 0;
  curl_off_t retry_after = -1;
  curl_off_t content_length = -1;
  long connects = 0;  // new connections made for this transfer
  std::chrono::milliseconds elapsed{0};
  std::string error;

  std::string header(const std::string& lower_name) const {
    const auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class SampleClient {
 public:
  explicit SampleClient(const samples::SampleServer& server) : m_server(server), m_easy(curl_easy_init()) {}
  ~SampleClient() { curl_easy_cleanup(m_easy); }
  SampleClient(const SampleClient&) = delete;
  SampleClient& operator=(const SampleClient&) = delete;

  // Reuses one easy handle, so consecutive fetches may share a keep-alive connection.
  FetchResult fetch(const std::string& url, const FetchOptions& o = {}) {
    FetchResult r;
    curl_easy_reset(m_easy);
    struct Sink {
      FetchResult* r;
      size_t cap;
    } sink{&r, o.cap};
    const std::string connect_to = "::127.0.0.1:" + std::to_string(m_server.port());
    curl_slist* connect = curl_slist_append(nullptr, connect_to.c_str());
    curl_slist* headers = nullptr;
    for (const auto& h : o.headers) headers = curl_slist_append(headers, h.c_str());
    const std::string ca = m_server.ca_pem();
    curl_blob blob{const_cast<char*>(ca.data()), ca.size(), CURL_BLOB_COPY};
    char error[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(m_easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(m_easy, CURLOPT_CONNECT_TO, connect);
    curl_easy_setopt(m_easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
    if (o.trust_ca) curl_easy_setopt(m_easy, CURLOPT_CAINFO_BLOB, &blob);
    else curl_easy_setopt(m_easy, CURLOPT_CAINFO, nullptr);
    curl_easy_setopt(m_easy, CURLOPT_CAPATH, nullptr);
    curl_easy_setopt(m_easy, CURLOPT_USERAGENT, o.user_agent.c_str());
    curl_easy_setopt(m_easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(m_easy, CURLOPT_FOLLOWLOCATION, o.follow ? 1L : 0L);
    curl_easy_setopt(m_easy, CURLOPT_MAXREDIRS, o.max_redirs);
    curl_easy_setopt(m_easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(m_easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(m_easy, CURLOPT_TIMEOUT_MS, o.timeout_ms);
    curl_easy_setopt(m_easy, CURLOPT_CONNECTTIMEOUT_MS, 2000L);
    if (o.low_speed_limit > 0) {
      curl_easy_setopt(m_easy, CURLOPT_LOW_SPEED_LIMIT, o.low_speed_limit);
      curl_easy_setopt(m_easy, CURLOPT_LOW_SPEED_TIME, o.low_speed_time);
    }
    if (!o.accept_encoding.empty()) curl_easy_setopt(m_easy, CURLOPT_ACCEPT_ENCODING, o.accept_encoding.c_str());
    curl_easy_setopt(m_easy, CURLOPT_HTTP_CONTENT_DECODING, o.decode ? 1L : 0L);
    if (o.head) curl_easy_setopt(m_easy, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(m_easy, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(m_easy, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(m_easy, CURLOPT_WRITEFUNCTION, +[](char* p, size_t, size_t n, void* ud) -> size_t {
      auto* s = static_cast<Sink*>(ud);
      if (s->cap && s->r->body.size() + n > s->cap) return CURL_WRITEFUNC_ERROR;
      s->r->body.append(p, n);
      return n;
    });
    curl_easy_setopt(m_easy, CURLOPT_HEADERDATA, &r);
    curl_easy_setopt(m_easy, CURLOPT_HEADERFUNCTION, +[](char* p, size_t, size_t n, void* ud) -> size_t {
      auto* res = static_cast<FetchResult*>(ud);
      std::string line(p, n);
      if (line.rfind("HTTP/", 0) == 0) res->headers.clear();  // a new response (redirect hop)
      const auto colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(0, 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) value.pop_back();
        res->headers.emplace(std::move(name), std::move(value));
      }
      return n;
    });

    const auto start = std::chrono::steady_clock::now();
    r.rc = curl_easy_perform(m_easy);
    r.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    r.error = error;
    curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &r.status);
    curl_easy_getinfo(m_easy, CURLINFO_REDIRECT_COUNT, &r.redirects);
    curl_easy_getinfo(m_easy, CURLINFO_RETRY_AFTER, &r.retry_after);
    curl_easy_getinfo(m_easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &r.content_length);
    curl_easy_getinfo(m_easy, CURLINFO_NUM_CONNECTS, &r.connects);
    curl_slist_free_all(connect);
    curl_slist_free_all(headers);
    return r;
  }

 private:
  const samples::SampleServer& m_server;
  CURL* m_easy;
};

// A started TLS server on a free port (REQUIREs success).
inline std::unique_ptr<samples::SampleServer> start_sample_server(samples::SampleServerOptions options = {}) {
  auto server = std::make_unique<samples::SampleServer>(std::move(options));
  const auto status = server->start();
  if (!status) throw std::runtime_error("sample server: " + status.error().message);
  return server;
}

}  // namespace exposcan::test
