// samples/server/http_message.h — the server's own request/response values (internal).
//
// Routing code (site_router, fault_routes) works on these plain values, with no Beast or Asio types,
// so it can be unit-tested without sockets; session.cpp converts to and from the wire. A route that
// must misbehave on the wire (trickle, stall, reset, malformed bytes) returns a RawScript instead of
// a Response: a generator of raw steps that the session executes in order, then closes.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace exposcan::samples::server {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// First value of a header, by case-insensitive name; "" when absent.
std::string_view find_header(const HeaderList& headers, std::string_view name);

struct Request {
  std::string method;  // "GET"
  std::string target;  // as sent: "/path?query"
  std::string host;    // Host header without port, lower-cased
  std::string path;    // target before '?', still percent-encoded
  std::string query;   // target after '?' ("" when none)
  HeaderList headers;
  bool keep_alive = true;

  std::string_view header(std::string_view name) const { return find_header(headers, name); }
};

struct Response {
  int status = 200;
  HeaderList headers;  // Content-Length/Date/Connection are added by the session
  std::string body;

  std::string_view header(std::string_view name) const { return find_header(headers, name); }
  void set_header(std::string name, std::string value);  // replaces any header with that name
};

struct RawStep {
  enum class Kind {
    write,      // send `bytes` as they are (already encrypted by TLS when the session uses it)
    sleep,      // wait `duration`
    hold_open,  // send nothing; keep the connection until the peer closes or `duration` passes
    reset,      // abort with a TCP RST (SO_LINGER {1,0}); ends the script
  };
  Kind kind = Kind::write;
  std::string bytes;
  std::chrono::milliseconds duration{0};
};

// Returns the next step, or nullopt when done (the session then closes the connection cleanly).
using RawScript = std::function<std::optional<RawStep>()>;

using Reply = std::variant<Response, RawScript>;

}  // namespace exposcan::samples::server
