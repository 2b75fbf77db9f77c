// reports/http_wire.h: pages as HTTP/1.1 messages for WARC records, with every change declared.
#include <catch2/catch.hpp>

#include "reports/http_wire.h"
#include "tests/reports/evidence_fixture.h"

using namespace exposcan;

namespace {
bool has(const std::vector<std::string>& v, const std::string& needle) {
  for (const auto& s : v)
    if (s.find(needle) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("http wire: decoded gzip and chunked bodies drop the codings and keep the originals as X-Exposcan-Orig", "[wire]") {
  auto pages = test::fixture_pages();
  HttpWire w = http_wire(pages[0]);
  std::string head = w.response.substr(0, w.payload_offset);
  CHECK(head.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
  CHECK(head.find("\r\nContent-Encoding:") == std::string::npos);
  CHECK(head.find("\r\nTransfer-Encoding:") == std::string::npos);
  CHECK(head.find("X-Exposcan-Orig-Content-Encoding: gzip\r\n") != std::string::npos);
  CHECK(head.find("X-Exposcan-Orig-Transfer-Encoding: chunked\r\n") != std::string::npos);
  CHECK(head.find("Content-Length: " + std::to_string(pages[0].body.size()) + "\r\n") != std::string::npos);
  CHECK(head.find("ETag: \"abc-gzip\"\r\n") != std::string::npos);
  CHECK(head.size() >= 4);
  CHECK(head.substr(head.size() - 4) == "\r\n\r\n");
  CHECK(w.response.substr(w.payload_offset) == pages[0].body);
  CHECK(has(w.transformations, "content-coding 'gzip' decoded by libcurl"));
  CHECK(has(w.transformations, "transfer-coding 'chunked' removed"));
  CHECK(w.protocol.empty());
  CHECK(w.request == pages[0].request_block);
}

TEST_CASE("http wire: an HTTP/2 exchange is written in HTTP/1.1 form with protocol h2", "[wire]") {
  auto pages = test::fixture_pages();
  HttpWire w = http_wire(pages[1]);
  CHECK(w.protocol == "h2");
  CHECK(w.response.rfind("HTTP/1.1 200 OK\r\ncontent-type: text/html\r\nx-robots-tag: noai\r\n", 0) == 0);
  CHECK(w.response.find("Content-Length: " + std::to_string(pages[1].body.size()) + "\r\n\r\n") != std::string::npos);
  CHECK(w.request.rfind("GET /posts/garden-notes/ HTTP/1.1\r\nHost: jane.example\r\n", 0) == 0);
  CHECK(has(w.transformations, "received over HTTP/2"));
  CHECK(has(w.transformations, "request line written as HTTP/1.1 (sent as HTTP/2)"));
}

TEST_CASE("http wire: a faithful HTTP/1.1 response is kept byte for byte", "[wire]") {
  auto pages = test::fixture_pages();
  HttpWire w = http_wire(pages[2]);
  CHECK(w.response == pages[2].response_head + pages[2].body);
  CHECK(w.transformations.empty());
}

TEST_CASE("http wire: a charset-converted body says so and labels itself UTF-8", "[wire]") {
  auto pages = test::fixture_pages();
  HttpWire w = http_wire(pages[3]);
  CHECK(w.response.find("X-Exposcan-Orig-Content-Type: text/html; charset=iso-8859-1\r\n") != std::string::npos);
  CHECK(w.response.find("\r\nContent-Type: text/html; charset=utf-8\r\n") != std::string::npos);
  CHECK(w.response.find("X-Exposcan-Orig-Content-Length: 37\r\n") != std::string::npos);
  CHECK(w.response.find("Content-Length: 38\r\n") != std::string::npos);
  CHECK(has(w.transformations, "text converted from iso-8859-1 to UTF-8; the original bytes had SHA-256 " + pages[3].sha256));
}

TEST_CASE("http wire: a head that was not captured is rebuilt and declared", "[wire]") {
  auto pages = test::fixture_pages();
  HttpWire w = http_wire(pages[4]);
  CHECK(w.response.rfind("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ", 0) == 0);
  CHECK(has(w.transformations, "response head rebuilt"));
  CHECK(w.request.empty());
}

TEST_CASE("http wire: reason phrases follow RFC 9110", "[wire]") {
  CHECK(http_reason_phrase(200) == "OK");
  CHECK(http_reason_phrase(404) == "Not Found");
  CHECK(http_reason_phrase(429) == "Too Many Requests");
  CHECK(http_reason_phrase(299).empty());
}
