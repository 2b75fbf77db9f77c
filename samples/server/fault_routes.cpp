// faults.example: endpoints that misbehave on purpose, so crawler tests can exercise every failure
// path against a real socket. Paths are matched on the request path; parameters come from the query.
// "curl rc" is what libcurl 7.88 (Debian 12) reports to a client with the options named; see
// TECH-NOTES §6 and tests/scanner/sample_server_test.cpp, which checks each row.
//
// | path                                    | server does                                              | curl rc / status            |
// |-----------------------------------------|----------------------------------------------------------|-----------------------------|
// | /slow?bytes=N&delay_ms=M[&chunk=K]      | 200, Content-Length N; K bytes (default 1) every M ms    | 28 with TIMEOUT/LOW_SPEED   |
// | /stall                                  | 200 headers (Content-Length 1024), then silence (≤ 60 s) | 28 with TIMEOUT/LOW_SPEED   |
// | /status/<code>[?retry_after=S]          | that status (200-599); Retry-After: S seconds            | <code>                      |
// |   [&retry_after_date=1]                 |   ... as an HTTP-date S seconds ahead (S default 120)    |                             |
// | /flaky/<id>?fail=K[&code=C]             | the first K requests for <id> answer C (default 503,     | C ×K, then 200              |
// |   [&retry_after=S]                      |   with Retry-After S if given), then 200; per server      |                             |
// | /redirect/loop                          | 302 to itself                                            | 47 with MAXREDIRS           |
// | /redirect/chain/<n>                     | 302 to /redirect/chain/<n-1>; /redirect/chain/0 is 200   | 200 after n hops; 47 if >max|
// | /redirect/to?location=URL[&code=3xx]    | redirect (default 302) to any URL, e.g. file:///etc/passwd| 1 for file: (REDIR_PROTOCOLS)|
// | /big?mb=N                               | N MiB (≤ 1024) of text, chunked, no Content-Length       | 0; 23 from a write-cb cap   |
// | /gzip-bomb?mb=N                         | gzip body inflating to N MiB (≤ 1024) of zeros,          | 23 from a write-cb cap      |
// |                                         |   Content-Encoding: gzip; built once per N and cached    |                             |
// | /short-body                             | Content-Length 1000, 100 bytes, then a clean close       | 18                          |
// | /reset                                  | reads the request, then RST (SO_LINGER {1,0})            | 56                          |
// | /bad-status                             | status line "HTTP/1.1 2OO OK" (letters O)                | 1 ("Unsupported response    |
// |                                         |                                                          |   code in HTTP response")   |
// | /bad-header                             | a header line without a colon                            | 8                           |
// | /huge-headers?kb=N                      | 200 with N (≤ 4096) 1-KiB header lines                   | 0; 56 beyond 300 KiB total  |
// | /deep-html?depth=N                      | HTML with N (≤ 100000) nested <div>s                     | 200                         |
// | /charset/windows-1251                   | Cyrillic page, charset=windows-1251 in Content-Type      | 200                         |
// | /charset/windows-1251-meta              | same text; charset only in <meta charset>, not the header| 200                         |
// | /charset/shift_jis                      | Japanese page, charset=Shift_JIS in Content-Type         | 200                         |
// | /charset/shift_jis-meta                 | same text; charset only in <meta charset>, not the header| 200                         |
//
// | /links?n=N[&to=PATH]                    | HTML page linking to PATH?i=1..N (default /status/200),  | 200                         |
// |                                         |   N ≤ 1000: cheap discovered links for crawler tests      |                             |
// | /sitemap-test/                          | HTML page with <link rel="sitemap"> to index.xml only    | 200                         |
// | /sitemap-test/index.xml                 | sitemap index naming sitemap.xml.gz                      | 200 application/xml         |
// | /sitemap-test/sitemap.xml.gz            | gzip urlset (application/gzip, no Content-Encoding) with | 200                         |
// |                                         |   /sitemap-test/page/1..3, linked from nowhere else      |                             |
// | /sitemap-test/page/<n>                  | small HTML page without links                            | 200                         |
//
// Robots sub-hosts (every other path behaves as on faults.example):
// | robots500.faults.example/robots.txt     | 500                                                      |
// | robots404.faults.example/robots.txt     | 404                                                      |
// | robots429.faults.example/robots.txt     | 429 with Retry-After: 30                                 |
// | robotsbig.faults.example/robots.txt     | exactly 600 KiB: `User-agent: *`, 13,000+ harmless       |
// |                                         |   `Disallow: /archive/...` lines, last line `Disallow: /`|
// | robotsbigplain.faults.example/robots.txt| the same, never compressed: its Content-Length is 600 KiB|
#include "samples/server/fault_routes.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <limits>

#include "core/time.h"
#include "core/url.h"
#include "samples/server/http_util.h"

namespace exposcan::samples::server {
namespace {

using std::chrono::milliseconds;

constexpr long k_max_mebibytes = 1024;
constexpr size_t k_big_robots_bytes = 600 * 1024;
constexpr std::array<std::string_view, 5> k_robots_hosts{"robots500.faults.example", "robots404.faults.example",
                                                         "robots429.faults.example", "robotsbig.faults.example",
                                                         "robotsbigplain.faults.example"};

Response page(int status, std::string_view detail = {}) {
  Response r;
  r.status = status;
  r.body = status_page(status, detail);
  r.set_header("Content-Type", "text/html; charset=utf-8");
  r.set_header("Cache-Control", "no-store");
  return r;
}

Response redirect(int status, std::string location) {
  Response r = page(status);
  r.set_header("Location", std::move(location));
  return r;
}

std::string head(int status, std::string_view extra_headers) {
  return "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason_phrase(status)) + "\r\n" +
         "Date: " + format_http_date(std::chrono::system_clock::now()) + "\r\n" + std::string(extra_headers) +
         "\r\n";
}

// A script from a fixed list of steps.
RawScript steps(std::vector<RawStep> list) {
  auto queue = std::make_shared<std::vector<RawStep>>(std::move(list));
  auto next = std::make_shared<size_t>(0);
  return [queue, next]() -> std::optional<RawStep> {
    if (*next >= queue->size()) return std::nullopt;
    return (*queue)[(*next)++];
  };
}

RawStep write(std::string bytes) { return {RawStep::Kind::write, std::move(bytes), milliseconds(0)}; }

RawScript slow(long bytes, long delay_ms, long chunk) {
  struct State {
    long left;
    bool sleep_next = false;
  };
  auto state = std::make_shared<State>(State{bytes});
  std::string first = head(200, "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " +
                                    std::to_string(bytes) + "\r\nCache-Control: no-store\r\n");
  auto header = std::make_shared<std::optional<std::string>>(std::move(first));
  return [state, header, delay_ms, chunk]() -> std::optional<RawStep> {
    if (*header) {
      RawStep s = write(std::move(**header));
      header->reset();
      return s;
    }
    if (state->left <= 0) return std::nullopt;
    if (state->sleep_next) {
      state->sleep_next = false;
      return RawStep{RawStep::Kind::sleep, {}, milliseconds(delay_ms)};
    }
    const long n = std::min(chunk, state->left);
    state->left -= n;
    state->sleep_next = true;
    return write(std::string(static_cast<size_t>(n), '.'));
  };
}

RawScript big(long mebibytes) {
  static constexpr size_t k_chunk = 64 * 1024;
  auto left = std::make_shared<size_t>(static_cast<size_t>(mebibytes) << 20);
  auto started = std::make_shared<bool>(false);
  // One 64 KiB text block ("big body line NNNN ...\n"), reused for every chunk.
  auto block = std::make_shared<std::string>();
  for (int i = 0; block->size() < k_chunk; ++i) *block += "big body line " + std::to_string(i) + " ....................\n";
  block->resize(k_chunk);
  return [left, started, block]() -> std::optional<RawStep> {
    if (!*started) {
      *started = true;
      return write(head(200, "Content-Type: text/plain; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
                             "Cache-Control: no-store\r\n"));
    }
    if (*left == std::numeric_limits<size_t>::max()) return std::nullopt;
    if (*left == 0) {
      *left = std::numeric_limits<size_t>::max();
      return write("0\r\n\r\n");
    }
    const size_t n = std::min(k_chunk, *left);
    *left -= n;
    char size_line[32];
    std::snprintf(size_line, sizeof size_line, "%zx\r\n", n);
    return write(size_line + block->substr(0, n) + "\r\n");
  };
}

std::string deep_html(long depth) {
  std::string out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Deep</title></head><body>\n";
  out.reserve(out.size() + static_cast<size_t>(depth) * 11 + 64);
  for (long i = 0; i < depth; ++i) out += "<div>";
  out += "deep";
  for (long i = 0; i < depth; ++i) out += "</div>";
  out += "\n</body></html>\n";
  return out;
}

// "/a/b/c" -> segments {"a","b","c"}.
std::vector<std::string> segments(std::string_view path) {
  std::vector<std::string> out;
  size_t pos = 1;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(percent_decode(path.substr(pos, slash - pos)));
    pos = slash + 1;
  }
  return out;
}

std::string gzip_bytes(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(static_cast<uLong>(data.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

Response html(std::string body) {
  Response r;
  r.body = std::move(body);
  r.set_header("Content-Type", "text/html; charset=utf-8");
  r.set_header("Cache-Control", "no-store");
  return r;
}

std::optional<Reply> sitemap_test(const std::vector<std::string>& seg) {
  const std::string_view base = "https://faults.example/sitemap-test/";
  if (seg.size() == 2 && seg[1].empty()) {
    return Reply{html("<!DOCTYPE html><html><head><title>Sitemap test</title>\n"
                      "<link rel=\"sitemap\" type=\"application/xml\" href=\"/sitemap-test/index.xml\">\n"
                      "</head><body><p>Pages are listed only in the sitemap.</p></body></html>\n")};
  }
  if (seg.size() == 2 && seg[1] == "index.xml") {
    Response r;
    r.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
             "  <sitemap><loc>" + std::string(base) + "sitemap.xml.gz</loc></sitemap>\n</sitemapindex>\n";
    r.set_header("Content-Type", "application/xml");
    return Reply{r};
  }
  if (seg.size() == 2 && seg[1] == "sitemap.xml.gz") {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (int i = 1; i <= 3; ++i) xml += "  <url><loc>" + std::string(base) + "page/" + std::to_string(i) + "</loc></url>\n";
    xml += "</urlset>\n";
    Response r;
    r.body = gzip_bytes(xml);
    r.set_header("Content-Type", "application/gzip");
    return Reply{r};
  }
  if (seg.size() == 3 && seg[1] == "page") {
    return Reply{html("<!DOCTYPE html><html><head><title>Sitemap page " + seg[2] +
                      "</title></head><body><p>Listed in the sitemap only.</p></body></html>\n")};
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> FaultRoutes::hosts() {
  std::vector<std::string> out{std::string(k_fault_host)};
  for (auto h : k_robots_hosts) out.emplace_back(h);
  return out;
}

bool FaultRoutes::is_fault_host(std::string_view host) {
  return host == k_fault_host || std::find(k_robots_hosts.begin(), k_robots_hosts.end(), host) != k_robots_hosts.end();
}

std::shared_ptr<const std::string> FaultRoutes::gzip_bomb(long mebibytes) {
  std::lock_guard lock(m_mutex);
  auto& slot = m_gzip_bombs[mebibytes];
  if (slot) return slot;
  const std::string zeros(1 << 20, '\0');
  z_stream zs{};
  deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::string out;
  std::array<char, 64 * 1024> buffer{};
  const auto pump = [&](int flush) {
    int rc = Z_OK;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buffer.data());
      zs.avail_out = static_cast<uInt>(buffer.size());
      rc = deflate(&zs, flush);
      out.append(buffer.data(), buffer.size() - zs.avail_out);
    } while (zs.avail_out == 0 || (flush == Z_FINISH && rc == Z_OK));
  };
  for (long i = 0; i < mebibytes; ++i) {
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
    zs.avail_in = static_cast<uInt>(zeros.size());
    pump(Z_NO_FLUSH);
  }
  pump(Z_FINISH);
  deflateEnd(&zs);
  slot = std::make_shared<const std::string>(std::move(out));
  return slot;
}

std::shared_ptr<const std::string> FaultRoutes::big_robots() {
  std::lock_guard lock(m_mutex);
  if (m_big_robots) return m_big_robots;
  const std::string last = "Disallow: /\n";
  std::string text = "# robots.txt larger than the 500 KiB RFC 9309 parsers must read; only its last line\n"
                     "# disallows everything.\nUser-agent: *\n";
  for (int i = 0;; ++i) {
    char line[64];
    std::snprintf(line, sizeof line, "Disallow: /archive/%06d/\n", i);
    if (text.size() + std::strlen(line) + last.size() + 3 > k_big_robots_bytes) break;
    text += line;
  }
  // Pad with one comment line so the file is exactly 600 KiB.
  const size_t pad = k_big_robots_bytes - text.size() - last.size();
  text += "#" + std::string(pad - 2, ' ') + "\n";
  text += last;
  m_big_robots = std::make_shared<const std::string>(std::move(text));
  return m_big_robots;
}

std::optional<Reply> FaultRoutes::handle(const Request& request) {
  const auto query = parse_query(request.query);
  const std::string path = percent_decode(request.path);

  if (request.host != k_fault_host && path == "/robots.txt") {
    if (request.host == "robots500.faults.example") return Reply{page(500)};
    if (request.host == "robots404.faults.example") return Reply{page(404)};
    if (request.host == "robots429.faults.example") {
      Response r = page(429);
      r.set_header("Retry-After", "30");
      return Reply{r};
    }
    Response r;
    r.body = *big_robots();
    r.set_header("Content-Type", "text/plain; charset=utf-8");
    // A client that refuses a body by its announced length before reading it gets nothing here.
    if (request.host == "robotsbigplain.faults.example") r.set_header("Content-Encoding", "identity");
    return Reply{r};
  }

  const auto seg = segments(request.path);
  if (seg.empty()) return std::nullopt;
  const std::string& first = seg[0];

  if (path == "/links") {
    const long n = query_int(query, "n", 3, 0, 1000);
    const auto to = query.find("to");
    const std::string target = to == query.end() || to->second.empty() || to->second[0] != '/' ? "/status/200" : to->second;
    std::string body = "<!DOCTYPE html><html><head><title>Links</title></head><body><ul>\n";
    for (long i = 1; i <= n; ++i)
      body += "<li><a href=\"" + target + "?i=" + std::to_string(i) + "\">link " + std::to_string(i) + "</a></li>\n";
    body += "</ul></body></html>\n";
    return Reply{html(std::move(body))};
  }
  if (first == "sitemap-test") {
    if (auto r = sitemap_test(seg)) return r;
    return Reply{page(404)};
  }
  if (path == "/slow") {
    const long bytes = query_int(query, "bytes", 100, 0, 10L << 20);
    return Reply{slow(bytes, query_int(query, "delay_ms", 100, 0, 60'000), query_int(query, "chunk", 1, 1, 1L << 20))};
  }
  if (path == "/stall") {
    return Reply{steps({write(head(200, "Content-Type: text/html; charset=utf-8\r\nContent-Length: 1024\r\n")),
                        RawStep{RawStep::Kind::hold_open, {}, milliseconds(60'000)}})};
  }
  if (first == "status" && seg.size() == 2) {
    const long code = query_int({{"c", seg[1]}}, "c", 0, 0, 999);
    if (code < 200 || code > 599) return Reply{page(400, "Use /status/<code> with 200-599.")};
    Response r = page(static_cast<int>(code));
    if (query.count("retry_after") || query.count("retry_after_date")) {
      const long seconds = query_int(query, "retry_after", 120, 0, 10L * 365 * 86400);
      if (query_int(query, "retry_after_date", 0, 0, 1) == 1)
        r.set_header("Retry-After", format_http_date(std::chrono::system_clock::now() + std::chrono::seconds(seconds)));
      else
        r.set_header("Retry-After", std::to_string(seconds));
    }
    return Reply{r};
  }
  if (first == "flaky" && seg.size() == 2) {
    const long fail = query_int(query, "fail", 1, 0, 1'000'000);
    const long code = query_int(query, "code", 503, 200, 599);
    long seen = 0;
    {
      std::lock_guard lock(m_mutex);
      seen = m_flaky_counts[seg[1]]++;
    }
    if (seen < fail) {
      Response r = page(static_cast<int>(code), "Failure " + std::to_string(seen + 1) + " of " + std::to_string(fail) + ".");
      if (query.count("retry_after")) r.set_header("Retry-After", std::to_string(query_int(query, "retry_after", 1, 0, 86400)));
      return Reply{r};
    }
    return Reply{page(200, "Recovered after " + std::to_string(fail) + " failures.")};
  }
  if (path == "/redirect/loop") return Reply{redirect(302, "/redirect/loop")};
  if (first == "redirect" && seg.size() == 3 && seg[1] == "chain") {
    const long n = query_int({{"n", seg[2]}}, "n", -1, -1, 1000);
    if (n < 0) return Reply{page(400, "Use /redirect/chain/<n>.")};
    if (n == 0) return Reply{page(200, "End of the redirect chain.")};
    return Reply{redirect(302, "/redirect/chain/" + std::to_string(n - 1))};
  }
  if (path == "/redirect/to") {
    const auto it = query.find("location");
    if (it == query.end()) return Reply{page(400, "Use /redirect/to?location=URL.")};
    const long code = query_int(query, "code", 302, 300, 399);
    return Reply{redirect(static_cast<int>(code), it->second)};
  }
  if (path == "/big") return Reply{big(query_int(query, "mb", 1, 0, k_max_mebibytes))};
  if (path == "/gzip-bomb") {
    Response r;
    r.body = *gzip_bomb(query_int(query, "mb", 10, 0, k_max_mebibytes));
    r.set_header("Content-Type", "text/html; charset=utf-8");
    r.set_header("Content-Encoding", "gzip");
    r.set_header("Cache-Control", "no-store");
    return Reply{r};
  }
  if (path == "/short-body") {
    return Reply{steps({write(head(200, "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 1000\r\n"
                                        "Connection: close\r\n") +
                              std::string(100, 's'))})};
  }
  if (path == "/reset") return Reply{steps({RawStep{RawStep::Kind::reset, {}, milliseconds(0)}})};
  if (path == "/bad-status") {
    return Reply{steps({write("HTTP/1.1 2OO OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                              "Connection: close\r\n\r\nok")})};
  }
  if (path == "/bad-header") {
    return Reply{steps({write(head(200, "Content-Type: text/plain\r\nThis line has no colon\r\nContent-Length: 2\r\n"
                                        "Connection: close\r\n") +
                              "ok")})};
  }
  if (path == "/huge-headers") {
    const long kb = query_int(query, "kb", 128, 0, 4096);
    std::string extra = "Content-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n";
    for (long i = 0; i < kb; ++i) {
      std::string line = "X-Padding-" + std::to_string(i) + ": ";
      line += std::string(1024 - line.size() - 2, 'p') + "\r\n";
      extra += line;
    }
    return Reply{steps({write(head(200, extra) + "ok")})};
  }
  if (path == "/deep-html") {
    Response r;
    r.body = deep_html(query_int(query, "depth", 6000, 0, 100'000));
    r.set_header("Content-Type", "text/html; charset=utf-8");
    return Reply{r};
  }
  if (first == "charset" && seg.size() == 2) {
    struct Variant {
      std::string_view name, file, content_type;
    };
    static constexpr std::array<Variant, 4> k_variants{{
        {"windows-1251", "_charset/windows-1251.html", "text/html; charset=windows-1251"},
        {"windows-1251-meta", "_charset/windows-1251-meta.html", "text/html"},
        {"shift_jis", "_charset/shift_jis.html", "text/html; charset=Shift_JIS"},
        {"shift_jis-meta", "_charset/shift_jis-meta.html", "text/html"},
    }};
    for (const auto& v : k_variants) {
      if (seg[1] != v.name) continue;
      auto file = m_sites.read(k_fault_host, v.file);
      if (!file) return Reply{page(500, "Missing sample file " + std::string(v.file) + ".")};
      Response r;
      r.body = std::move(file->data);
      r.set_header("Content-Type", std::string(v.content_type));
      return Reply{r};
    }
    return Reply{page(404)};
  }
  return std::nullopt;
}

}  // namespace exposcan::samples::server
