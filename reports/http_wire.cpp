#include "reports/http_wire.h"

#include <fmt/format.h>

#include <cstring>

#include "core/hash.h"
#include "core/text.h"

namespace exposcan {
namespace {

struct Head {
  std::string status_line;
  std::vector<HttpHeader> headers;
};

Head parse_head(std::string_view raw) {
  Head h;
  bool first = true;
  for (auto line : split(raw, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (first) {
      h.status_line = std::string(line);
      first = false;
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    h.headers.push_back({std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1)))});
  }
  return h;
}

const HttpHeader* find(const std::vector<HttpHeader>& hs, std::string_view name) {
  for (const auto& h : hs)
    if (iequals(h.name, name)) return &h;
  return nullptr;
}

void erase_header(std::vector<HttpHeader>& hs, std::string_view name) {
  std::erase_if(hs, [&](const HttpHeader& h) { return iequals(h.name, name); });
}

// The last request in a captured head block (curl may retry on a reused connection).
std::string last_request(std::string_view raw) {
  std::string_view r = raw;
  while (!r.empty()) {
    size_t end = r.find("\r\n\r\n");
    if (end == std::string_view::npos || end + 4 >= r.size()) break;
    r.remove_prefix(end + 4);
  }
  return std::string(r);
}

}  // namespace

HttpWire http_wire(const Page& page) {
  HttpWire w;
  Head head;
  if (!page.response_head.empty()) {
    head = parse_head(page.response_head);
  } else {
    head.headers = page.headers;
    w.transformations.push_back("response head rebuilt from the recorded status and headers (not captured byte for byte)");
  }

  // Status line, always HTTP/1.x form.
  std::string version = "1.1";
  int status = page.status;
  if (!head.status_line.empty()) {
    auto parts = split(head.status_line, ' ');
    if (!parts.empty() && istarts_with(parts[0], "HTTP/")) version = std::string(parts[0].substr(5));
  } else if (!page.http_version.empty()) {
    version = page.http_version;
  }
  if (version == "2" || version == "2.0" || version == "3" || version == "3.0") {
    w.protocol = version[0] == '2' ? "h2" : "h3";
    w.transformations.push_back("received over HTTP/" + std::string(1, version[0]) + ", written in HTTP/1.1 form");
    head.status_line.clear();
    version = "1.1";
  }
  if (head.status_line.empty()) {
    std::string_view reason = http_reason_phrase(status);
    head.status_line = fmt::format("HTTP/{} {}{}{}", version, status, reason.empty() ? "" : " ", reason);
  }

  // Body: what the scanner kept. page.sha256 is the hash of the content-decoded bytes before
  // charset conversion; a different hash means the text was converted.
  auto& hs = head.headers;
  bool body_changed = false;
  if (const auto* te = find(hs, "Transfer-Encoding")) {
    std::string v = te->value;
    erase_header(hs, "Transfer-Encoding");
    hs.push_back({"X-Exposcan-Orig-Transfer-Encoding", v});
    w.transformations.push_back("transfer-coding '" + v + "' removed by libcurl; the stored body is de-chunked");
    body_changed = true;
  }
  if (const auto* ce = find(hs, "Content-Encoding"); ce && !iequals(trim(ce->value), "identity")) {
    std::string v = ce->value;
    erase_header(hs, "Content-Encoding");
    hs.push_back({"X-Exposcan-Orig-Content-Encoding", v});
    w.transformations.push_back("content-coding '" + v + "' decoded by libcurl; the stored payload is the decoded entity");
    body_changed = true;
  }
  if (!page.sha256.empty() && sha256_hex(page.body) != page.sha256) {
    if (const auto* ct = find(hs, "Content-Type")) {
      std::string v = ct->value;
      erase_header(hs, "Content-Type");
      hs.push_back({"X-Exposcan-Orig-Content-Type", v});
      hs.push_back({"Content-Type", (page.content_type.empty() ? std::string("text/plain") : page.content_type) + "; charset=utf-8"});
    }
    w.transformations.push_back("text converted from " + (page.charset.empty() ? std::string("its charset") : page.charset) +
                                " to UTF-8; the original bytes had SHA-256 " + page.sha256);
    body_changed = true;
  }
  if (page.truncated) w.transformations.push_back("body cut off at the scanner's size cap");
  const auto* cl = find(hs, "Content-Length");
  std::string stored = std::to_string(page.body.size());
  if (!cl || cl->value != stored) {
    if (cl) {
      std::string v = cl->value;
      erase_header(hs, "Content-Length");
      hs.push_back({"X-Exposcan-Orig-Content-Length", v});
      if (!body_changed && !page.truncated)
        w.transformations.push_back("Content-Length " + v + " did not match the " + stored + " bytes received");
    } else if (!body_changed) {
      w.transformations.push_back("Content-Length added (the response had none)");
    }
    hs.push_back({"Content-Length", stored});
  }

  w.response = head.status_line + "\r\n";
  for (const auto& h : hs) w.response += h.name + ": " + h.value + "\r\n";
  w.response += "\r\n";
  w.payload_offset = w.response.size();
  w.response += page.body;

  if (!page.request_block.empty()) {
    std::string req = last_request(page.request_block);
    size_t eol = req.find("\r\n");
    if (eol != std::string::npos) {
      std::string line = req.substr(0, eol);
      for (const char* v : {" HTTP/2", " HTTP/3"}) {
        size_t at = line.rfind(v);
        if (at != std::string::npos && at + std::strlen(v) == line.size()) {
          line = line.substr(0, at) + " HTTP/1.1";
          w.transformations.push_back("request line written as HTTP/1.1 (sent as " + std::string(v + 1) + ")");
        }
      }
      req = line + req.substr(eol);
    }
    if (req.size() < 4 || req.compare(req.size() - 4, 4, "\r\n\r\n") != 0) req += "\r\n";
    w.request = std::move(req);
  }
  return w;
}

}  // namespace exposcan
