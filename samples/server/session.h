// samples/server/session.h — one client connection of the sample server (internal).
//
// Boost.Beast reads requests (HTTP/1.1, keep-alive) and writes Responses; a RawScript reply is
// executed step by step on the raw stream (through TLS when the session uses it) and then the
// connection is closed. Each session runs on its own strand; it owns itself through shared_ptr
// captured by its pending handlers, so destroying the io_context ends every session.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <functional>
#include <memory>

#include "samples/server/http_message.h"

namespace exposcan::samples::server {

// Answers one request; must not throw. Called on the session's strand, concurrently across sessions.
using Handler = std::function<Reply(const Request&)>;

void start_plain_session(boost::asio::ip::tcp::socket socket, std::shared_ptr<const Handler> handler);
void start_tls_session(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context& tls,
                       std::shared_ptr<const Handler> handler);

}  // namespace exposcan::samples::server
