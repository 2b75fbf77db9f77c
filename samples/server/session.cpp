// A sample-server connection: Beast for well-formed HTTP, raw steps for faults (see session.h).
#include "samples/server/session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <array>
#include <chrono>
#include <optional>
#include <type_traits>

#include "core/time.h"
#include "samples/server/http_util.h"

namespace exposcan::samples::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

constexpr auto k_handshake_timeout = 10s;
constexpr auto k_idle_timeout = 30s;
constexpr auto k_write_timeout = 30s;
constexpr auto k_close_timeout = 2s;
constexpr size_t k_body_limit = 1 << 20;
constexpr uint32_t k_header_limit = 64 * 1024;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

template <class Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
 public:
  template <class... StreamArgs>
  Session(std::shared_ptr<const Handler> handler, StreamArgs&&... args)
      : m_stream(std::forward<StreamArgs>(args)...), m_timer(m_stream.get_executor()), m_handler(std::move(handler)) {}

  void run() {
    // Start on the session's strand.
    asio::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] { self->begin(); });
  }

 private:
  static constexpr bool k_tls = std::is_same_v<Stream, TlsStream>;

  beast::tcp_stream& lowest() { return beast::get_lowest_layer(m_stream); }

  void begin() {
    if constexpr (k_tls) {
      lowest().expires_after(k_handshake_timeout);
      m_stream.async_handshake(asio::ssl::stream_base::server,
                               [self = this->shared_from_this()](beast::error_code ec) {
                                 if (!ec) self->read_request();
                               });
    } else {
      read_request();
    }
  }

  void read_request() {
    m_parser.emplace();
    m_parser->body_limit(k_body_limit);
    m_parser->header_limit(k_header_limit);
    lowest().expires_after(k_idle_timeout);
    http::async_read(m_stream, m_buffer, *m_parser,
                     [self = this->shared_from_this()](beast::error_code ec, size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream) return close();
    if (ec) return;  // timeout, reset, malformed request: drop the connection
    auto& msg = m_parser->get();
    HeaderList headers;
    for (const auto& field : msg) headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    const Request request = make_request(std::string(msg.method_string()), std::string(msg.target()),
                                         std::move(headers), msg.keep_alive());
    Reply reply = (*m_handler)(request);
    if (auto* response = std::get_if<Response>(&reply)) {
      send(request, std::move(*response));
    } else {
      m_script = std::move(std::get<RawScript>(reply));
      next_step();
    }
  }

  void send(const Request& request, Response response) {
    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(11);
    res->result(static_cast<unsigned>(response.status));
    res->reason(std::string(reason_phrase(response.status)));
    res->set(http::field::date, format_http_date(std::chrono::system_clock::now()));
    res->set(http::field::server, "exposcan-samples");
    for (auto& [name, value] : response.headers) res->insert(name, value);
    const bool keep_alive = request.keep_alive;
    res->keep_alive(keep_alive);
    const bool no_content = response.status == 204 || response.status == 304 || response.status < 200;
    if (!no_content) res->content_length(response.body.size());
    if (request.method != "HEAD" && !no_content) res->body() = std::move(response.body);
    m_response = res;
    lowest().expires_after(k_write_timeout);
    // Beast's serializer sends the fields as set: Content-Length stays the full size for HEAD.
    http::async_write(m_stream, *res, [self = this->shared_from_this(), keep_alive](beast::error_code ec, size_t) {
      self->m_response.reset();
      if (ec) return;
      if (!keep_alive) return self->close();
      self->read_request();
    });
  }

  void next_step() {
    auto step = m_script();
    if (!step) return close();
    auto self = this->shared_from_this();
    switch (step->kind) {
      case RawStep::Kind::write:
        m_raw = std::move(step->bytes);
        lowest().expires_after(k_write_timeout);
        asio::async_write(m_stream, asio::buffer(m_raw), [self](beast::error_code ec, size_t) {
          if (!ec) self->next_step();
        });
        return;
      case RawStep::Kind::sleep:
        m_timer.expires_after(step->duration);
        m_timer.async_wait([self](beast::error_code ec) {
          if (!ec) self->next_step();
        });
        return;
      case RawStep::Kind::hold_open:
        lowest().expires_after(step->duration);
        hold_open();
        return;
      case RawStep::Kind::reset: {
        beast::error_code ignored;
        auto& socket = lowest().socket();
        socket.set_option(asio::socket_base::linger(true, 0), ignored);
        socket.close(ignored);
        return;
      }
    }
  }

  // Reads and discards until the peer closes or the stream's deadline passes.
  void hold_open() {
    m_stream.async_read_some(asio::buffer(m_scratch), [self = this->shared_from_this()](beast::error_code ec, size_t) {
      if (!ec) self->hold_open();
    });
  }

  // Ends the connection cleanly: TLS close_notify (bounded wait for the peer's), then FIN.
  void close() {
    if constexpr (k_tls) {
      lowest().expires_after(k_close_timeout);
      m_stream.async_shutdown([self = this->shared_from_this()](beast::error_code) {
        beast::error_code ignored;
        self->lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
      });
    } else {
      beast::error_code ignored;
      lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
    }
  }

  Stream m_stream;
  asio::steady_timer m_timer;
  std::shared_ptr<const Handler> m_handler;
  beast::flat_buffer m_buffer;
  std::optional<http::request_parser<http::string_body>> m_parser;
  std::shared_ptr<http::response<http::string_body>> m_response;
  RawScript m_script;
  std::string m_raw;
  std::array<char, 4096> m_scratch{};
};

}  // namespace

void start_plain_session(tcp::socket socket, std::shared_ptr<const Handler> handler) {
  std::make_shared<Session<PlainStream>>(std::move(handler), std::move(socket))->run();
}

void start_tls_session(tcp::socket socket, asio::ssl::context& tls, std::shared_ptr<const Handler> handler) {
  std::make_shared<Session<TlsStream>>(std::move(handler), std::move(socket), tls)->run();
}

}  // namespace exposcan::samples::server
