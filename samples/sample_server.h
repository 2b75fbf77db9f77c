// samples/sample_server.h — the loopback HTTP(S) server that serves the bundled sample sites as if it
// were the real hosts (www.instagram.com, mastodon.social, jane.example, ...), plus a fault host
// (faults.example) for crawler robustness tests.
//
// Key decision: one listener for every host. The request's Host header picks `sites/<host>/`, and one
// certificate (samples/tls/server.pem, signed by the test CA from ca_pem()) names every host, so a
// client keeps real URLs and only redirects the connection, e.g. with libcurl
// CURLOPT_CONNECT_TO "www.instagram.com:443:127.0.0.1:<port()>". See samples/README.md for the
// hosts, the `_routes.yaml` format, the overlay folder and the fault endpoints.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/expected.h"

namespace exposcan::samples {

// One request as the server saw it (recorded before it is answered).
struct ServedRequest {
  std::string host;        // Host header, port stripped, lower-cased ("" when missing)
  std::string target;      // origin-form target, e.g. "/api/v1/accounts/lookup?acct=x"
  std::string method;      // "GET", "HEAD", ...
  std::string user_agent;  // "" when missing
  std::chrono::steady_clock::time_point at;
  std::vector<std::pair<std::string, std::string>> headers;  // as received, in order
};

struct SampleServerOptions {
  std::string bind_address = "127.0.0.1";
  uint16_t port = 0;  // 0 = pick a free port (read it back with port())
  bool tls = true;    // false serves plain HTTP/1.1 on the same routes
  // Optional folder with the same layout as samples/ (`sites/<host>/<path>`): its files override or
  // extend the embedded sites and are read at request time. A file `_deleted` at its top lists
  // embedded paths ("sites/<host>/<file>", one per line, '#' comments) that answer 404.
  std::filesystem::path overlay_dir;
  int threads = 1;  // I/O threads
};

// Thread-safe: every method may be called from any thread. The destructor stops the server.
class SampleServer {
 public:
  explicit SampleServer(SampleServerOptions options = {});
  ~SampleServer();
  SampleServer(const SampleServer&) = delete;
  SampleServer& operator=(const SampleServer&) = delete;

  // Binds and starts the I/O threads. Errors: "tls" (bad embedded key/cert), "bind", "state"
  // (already running).
  Status start();
  // Closes the listener and every open connection; waits for the I/O threads. Idempotent.
  void stop();
  uint16_t port() const;  // the bound port; 0 before start()

  std::vector<ServedRequest> requests() const;  // snapshot, in arrival order
  void clear_requests();

  std::string ca_pem() const;                  // the test CA certificate (PEM) clients must trust
  std::vector<std::string> hostnames() const;  // every host served, sorted

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace exposcan::samples
