// The loopback sample server: listener, I/O threads, request log and dispatch (see sample_server.h).
#include "samples/sample_server.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/strand.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "samples/sample_files.h"
#include "samples/server/fault_routes.h"
#include "samples/server/http_util.h"
#include "samples/server/session.h"
#include "samples/server/site_router.h"

namespace exposcan::samples {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using server::Reply;
using server::Request;
using server::Response;

Expected<std::unique_ptr<asio::ssl::context>> make_tls_context() {
  const auto cert = file("tls/server.pem");
  const auto key = file("tls/server.key");
  if (!cert || !key) return make_error("tls", "the embedded samples lack tls/server.pem or tls/server.key");
  auto ctx = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
  boost::system::error_code ec;
  ctx->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                       asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1,
                   ec);
  if (!ec) ctx->use_certificate_chain(asio::buffer(cert->data(), cert->size()), ec);
  if (!ec) ctx->use_private_key(asio::buffer(key->data(), key->size()), asio::ssl::context::pem, ec);
  if (ec) return make_error("tls", "cannot load the sample server certificate: " + ec.message());
  return ctx;
}

}  // namespace

struct SampleServer::Impl {
  explicit Impl(SampleServerOptions o)
      : options(std::move(o)), router(files(), options.overlay_dir), faults(router) {}

  Reply dispatch(const Request& request) {
    record(request);
    try {
      Reply reply = route(request);
      if (auto* response = std::get_if<Response>(&reply)) server::finalize_response(request, *response);
      return reply;
    } catch (const std::exception& e) {
      Response r;
      r.status = 500;
      r.body = server::status_page(500, e.what());
      r.set_header("Content-Type", "text/html; charset=utf-8");
      return r;
    }
  }

  Reply route(const Request& request) {
    if (!server::FaultRoutes::is_fault_host(request.host)) return router.route(request);
    if (auto reply = faults.handle(request)) return std::move(*reply);
    // Other paths on a robots sub-host behave as on faults.example.
    Request as_fault_host = request;
    as_fault_host.host = std::string(server::k_fault_host);
    return router.route(as_fault_host);
  }

  void record(const Request& request) {
    ServedRequest r;
    r.host = request.host;
    r.target = request.target;
    r.method = request.method;
    r.user_agent = std::string(request.header("User-Agent"));
    r.at = std::chrono::steady_clock::now();
    r.headers = request.headers;
    std::lock_guard lock(log_mutex);
    log.push_back(std::move(r));
  }

  void accept() {
    acceptor->async_accept(asio::make_strand(*io), [this](boost::system::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted || !acceptor->is_open()) return;
      if (!ec) {
        if (tls)
          server::start_tls_session(std::move(socket), *tls, handler);
        else
          server::start_plain_session(std::move(socket), handler);
      }
      accept();
    });
  }

  SampleServerOptions options;
  server::SiteRouter router;
  server::FaultRoutes faults;

  mutable std::mutex log_mutex;
  std::vector<ServedRequest> log;

  std::mutex state_mutex;  // start/stop
  std::unique_ptr<asio::ssl::context> tls;
  std::shared_ptr<const server::Handler> handler;
  std::unique_ptr<asio::io_context> io;
  std::unique_ptr<tcp::acceptor> acceptor;
  std::vector<std::thread> threads;
  std::atomic<uint16_t> port{0};
};

SampleServer::SampleServer(SampleServerOptions options) : m_impl(std::make_unique<Impl>(std::move(options))) {}

SampleServer::~SampleServer() { stop(); }

Status SampleServer::start() {
  auto& d = *m_impl;
  std::lock_guard lock(d.state_mutex);
  if (d.io) return make_error("state", "the sample server is already running");
  if (d.options.tls) {
    auto ctx = make_tls_context();
    if (!ctx) return ctx.error();
    d.tls = std::move(*ctx);
  }
  d.handler = std::make_shared<const server::Handler>([impl = &d](const Request& r) { return impl->dispatch(r); });
  d.io = std::make_unique<asio::io_context>(std::max(1, d.options.threads));

  boost::system::error_code ec;
  const auto address = asio::ip::make_address(d.options.bind_address, ec);
  if (ec) {
    d.io.reset();
    return make_error("bind", "invalid bind address '" + d.options.bind_address + "': " + ec.message());
  }
  auto acceptor = std::make_unique<tcp::acceptor>(*d.io);
  const tcp::endpoint endpoint(address, d.options.port);
  acceptor->open(endpoint.protocol(), ec);
  if (!ec) acceptor->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor->bind(endpoint, ec);
  if (!ec) acceptor->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    acceptor.reset();
    d.io.reset();
    return make_error("bind", "cannot listen on " + d.options.bind_address + ":" + std::to_string(d.options.port) +
                                  ": " + ec.message());
  }
  d.port = acceptor->local_endpoint().port();
  d.acceptor = std::move(acceptor);
  d.accept();
  for (int i = 0; i < std::max(1, d.options.threads); ++i) d.threads.emplace_back([io = d.io.get()] { io->run(); });
  return {};
}

void SampleServer::stop() {
  auto& d = *m_impl;
  std::lock_guard lock(d.state_mutex);
  if (!d.io) return;
  d.io->stop();
  for (auto& t : d.threads) t.join();
  d.threads.clear();
  d.acceptor.reset();
  d.io.reset();  // destroys the pending handlers, and with them every session and its socket
  d.handler.reset();
  d.tls.reset();
}

uint16_t SampleServer::port() const { return m_impl->port; }

std::vector<ServedRequest> SampleServer::requests() const {
  std::lock_guard lock(m_impl->log_mutex);
  return m_impl->log;
}

void SampleServer::clear_requests() {
  std::lock_guard lock(m_impl->log_mutex);
  m_impl->log.clear();
}

std::string SampleServer::ca_pem() const { return std::string(file("tls/ca.pem").value_or("")); }

std::vector<std::string> SampleServer::hostnames() const {
  std::set<std::string> hosts;
  for (auto& h : m_impl->router.hosts()) hosts.insert(std::move(h));
  for (auto& h : server::FaultRoutes::hosts()) hosts.insert(std::move(h));
  return {hosts.begin(), hosts.end()};
}

}  // namespace exposcan::samples
