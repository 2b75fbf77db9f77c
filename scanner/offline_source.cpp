#include "scanner/offline_source.h"

#include <brotli/decode.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <system_error>

#include "core/hash.h"
#include "core/text.h"
#include "core/url.h"
#include "scanner/charset.h"
#include "scanner/offline_internal.h"

namespace exposcan {
namespace offline {

std::optional<RedirectHop> redirect_hop(const std::string& url, int status, const std::vector<HttpHeader>& headers,
                                        std::string_view redirect_url) {
  if (status < 300 || status > 399 || status == 304) return std::nullopt;
  std::string location(trim(redirect_url));
  for (const auto& h : headers)
    if (location.empty() && iequals(h.name, "location")) location = std::string(trim(h.value));
  if (location.empty()) return std::nullopt;
  auto base = Url::parse(url);
  if (!base) return std::nullopt;
  auto to = base->resolve(location);
  if (!to) return std::nullopt;
  return RedirectHop{base->normalized().str(), to->normalized().str()};
}

bool page_type(std::string_view content_type) {
  std::string m = ascii_lower(content_type);
  if (m.rfind("image/", 0) == 0) return false;  // image/svg+xml is XML, and no page
  return m.find("html") != std::string::npos || m.find("json") != std::string::npos || m.find("xml") != std::string::npos ||
         m.find("rss") != std::string::npos || m.find("atom") != std::string::npos;
}

bool failed_requisite(std::string_view url, int status, std::string_view har_type) {
  if (status < 400) return false;
  for (std::string_view t : {"stylesheet", "script", "image", "font", "media", "manifest", "texttrack", "ping"})
    if (iequals(har_type, t)) return true;
  std::string_view path = url.substr(0, url.find_first_of("?#"));
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return false;
  const std::string ext = ascii_lower(path.substr(dot + 1));
  for (std::string_view e : {"css", "js", "mjs", "map", "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp",
                             "woff", "woff2", "ttf", "otf", "eot", "mp4", "webm", "mp3", "ogg", "webmanifest"})
    if (ext == e) return true;
  return false;
}

void fold_redirects(std::vector<Page>& pages, size_t first, const std::vector<RedirectHop>& hops) {
  if (hops.empty()) return;
  std::map<std::string, std::string> came_from;  // target -> the first address that led there
  for (const auto& h : hops)
    if (h.from != h.to) came_from.emplace(h.to, h.from);
  for (size_t i = first; i < pages.size(); ++i) {
    Page& page = pages[i];
    auto u = Url::parse(page.final_url.empty() ? page.url : page.final_url);
    if (!u) continue;
    std::string at = u->normalized().str();
    std::vector<std::string> chain;
    std::set<std::string> seen{at};
    while (chain.size() < 10) {
      auto it = came_from.find(at);
      if (it == came_from.end() || !seen.insert(it->second).second) break;
      chain.push_back(it->second);
      at = it->second;
    }
    if (chain.empty()) continue;
    std::reverse(chain.begin(), chain.end());
    page.url = chain.front();
    page.redirects = std::move(chain);
  }
}

void finish_page(Page& page, std::string raw_body, std::string_view content_type_header, PageOrigin origin,
                 const std::string& target, size_t max_body_bytes) {
  if (raw_body.size() > max_body_bytes) {
    raw_body.resize(max_body_bytes);
    page.truncated = true;
  }
  page.sha256 = sha256_hex(raw_body);  // of the bytes as captured, as for a live page
  std::string declared = media_type_of(content_type_header);
  page.content_type = sniff_media_type(declared, raw_body);
  if (is_text_media_type(page.content_type) || page.content_type.find("json") != std::string::npos ||
      page.content_type.find("xml") != std::string::npos) {
    DecodedText d = decode_to_utf8(raw_body, page.content_type, charset_param(content_type_header));
    page.body = std::move(d.text);
    page.charset = d.charset;
  } else {
    page.body = std::move(raw_body);
  }
  page.origin = origin;
  page.user_directed = true;
  page.target = target;
  if (page.final_url.empty()) page.final_url = page.url;
}

bool brotli_bytes(std::string_view in, std::string& out, size_t max_out, bool* truncated) {
  std::unique_ptr<BrotliDecoderState, decltype(&BrotliDecoderDestroyInstance)> state(
      BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), BrotliDecoderDestroyInstance);
  if (!state) return false;
  const auto* next_in = reinterpret_cast<const uint8_t*>(in.data());
  size_t avail_in = in.size();
  uint8_t buf[16384];
  for (;;) {
    uint8_t* next_out = buf;
    size_t avail_out = sizeof buf;
    BrotliDecoderResult r = BrotliDecoderDecompressStream(state.get(), &avail_in, &next_in, &avail_out, &next_out, nullptr);
    const size_t produced = sizeof buf - avail_out;
    if (out.size() + produced > max_out) {  // a bomb is cut off at the cap, never buffered whole
      out.append(reinterpret_cast<const char*>(buf), max_out - out.size());
      if (truncated) *truncated = true;
      return true;
    }
    out.append(reinterpret_cast<const char*>(buf), produced);
    if (r == BROTLI_DECODER_RESULT_SUCCESS) return true;
    if (r == BROTLI_DECODER_RESULT_ERROR) return false;
    if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {  // the stream ends early: keep what it gave
      if (truncated) *truncated = true;
      return !out.empty();
    }
    if (produced == 0) return false;  // NEEDS_MORE_OUTPUT that produced nothing: never loop on it
  }
}

bool zstd_bytes(std::string_view in, std::string& out, size_t max_out, bool* truncated) {
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> ctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (!ctx) return false;
  // RFC 8878 §7.2: a decoder of the content coding needs at most an 8 MB window.
  ZSTD_DCtx_setParameter(ctx.get(), ZSTD_d_windowLogMax, 23);
  ZSTD_inBuffer input{in.data(), in.size(), 0};
  char buf[16384];
  size_t rc = 0;
  for (;;) {
    ZSTD_outBuffer output{buf, sizeof buf, 0};
    rc = ZSTD_decompressStream(ctx.get(), &output, &input);
    if (ZSTD_isError(rc)) return false;
    if (out.size() + output.pos > max_out) {  // a bomb is cut off at the cap, never buffered whole
      out.append(buf, max_out - out.size());
      if (truncated) *truncated = true;
      return true;
    }
    out.append(buf, output.pos);
    if (input.pos == input.size && output.pos < sizeof buf) break;
  }
  if (rc != 0) {  // the stream ends early: keep what it gave
    if (truncated) *truncated = true;
    return !out.empty();
  }
  return true;
}

bool inflate_bytes(std::string_view in, std::string& out, size_t max_out, bool* truncated) {
  z_stream zs{};
  // 15 + 32: zlib or gzip header, detected automatically.
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
  char buf[16384];
  int rc = Z_OK;
  bool raw_tried = false;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc == Z_DATA_ERROR && !raw_tried && zs.total_out == 0) {
      // "deflate" content coding is sometimes raw deflate without the zlib header.
      raw_tried = true;
      inflateEnd(&zs);
      zs = z_stream{};
      if (inflateInit2(&zs, -15) != Z_OK) return false;
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
      zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
      continue;
    }
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_out) {
      out.resize(max_out);
      if (truncated) *truncated = true;
      break;
    }
    if (rc == Z_STREAM_END || rc != Z_OK) break;
    if (zs.avail_in == 0 && zs.avail_out != 0) break;
  }
  inflateEnd(&zs);
  // A stream cut short (a truncated capture) keeps what it inflated to, marked as cut.
  const bool cut_short = (rc == Z_OK || rc == Z_BUF_ERROR) && !out.empty();
  if (rc != Z_STREAM_END && cut_short && truncated) *truncated = true;
  return rc == Z_STREAM_END || cut_short || (truncated && *truncated);
}

std::string base64_decode(std::string_view in) {
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  out.reserve(in.size() * 3 / 4);
  unsigned int acc = 0;
  int bits = 0;
  for (char c : in) {
    int v = val(c);
    if (v < 0) continue;  // padding, whitespace
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

}  // namespace offline

namespace {

Expected<std::string> read_capped(const std::filesystem::path& p, size_t cap) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return make_error("io", "cannot read " + p.string());
  std::string data;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<size_t>(in.gcount()));
    if (data.size() > cap) return make_error("io", p.string() + " is larger than " + std::to_string(cap >> 20) + " MiB");
  }
  return data;
}

}  // namespace

OfflineFormat offline_format(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return OfflineFormat::html_folder;
  if (!std::filesystem::is_regular_file(path, ec)) return OfflineFormat::unknown;
  std::string name = path.filename().string();
  if (iends_with(name, ".har")) return OfflineFormat::har;
  if (iends_with(name, ".zip")) return OfflineFormat::har_zip;  // .har.zip; a .zip without a HAR says so
  if (iends_with(name, ".warc") || iends_with(name, ".warc.gz") || iends_with(name, ".warc.zst")) return OfflineFormat::warc;
  if (iends_with(name, ".html") || iends_with(name, ".htm") || iends_with(name, ".xhtml")) return OfflineFormat::html_file;
  if (iends_with(name, ".rss") || iends_with(name, ".atom")) return OfflineFormat::feed_file;
  // No telling extension: look at the first bytes (feeds may start with a long prolog).
  std::ifstream in(path, std::ios::binary);
  std::string buffer(16384, '\0');
  in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.resize(static_cast<size_t>(in.gcount()));
  std::string_view h = std::string_view(buffer).substr(0, 512);
  // WARC, gzip members, a zstd frame or the WARC zstd dictionary frame (.warc.zst).
  if (h.rfind("WARC/", 0) == 0 || h.rfind("\x1f\x8b", 0) == 0 || offline::is_zstd_start(h)) return OfflineFormat::warc;
  if (offline::is_zip_start(h)) return OfflineFormat::har_zip;
  std::string lower = ascii_lower(h);
  if (lower.find("\"log\"") != std::string::npos && lower.find('{') < 8) return OfflineFormat::har;
  if (sniff_feed(buffer) != FeedFormat::none) return OfflineFormat::feed_file;
  if (lower.find("<html") != std::string::npos || lower.find("<!doctype html") != std::string::npos) return OfflineFormat::html_file;
  return OfflineFormat::unknown;
}

bool is_offline_target(std::string_view target) {
  if (istarts_with(target, "http://") || istarts_with(target, "https://")) return false;
  std::string_view path = target;
  if (istarts_with(path, "file://")) path.remove_prefix(7);
  std::error_code ec;
  return !path.empty() && std::filesystem::exists(std::filesystem::path(std::string(path)), ec);
}

Expected<OfflineLoad> load_offline(const std::filesystem::path& path_in, const OfflineOptions& options) {
  std::filesystem::path path = path_in;
  if (std::string s = path.string(); istarts_with(s, "file://")) path = s.substr(7);
  OfflineLoad out;
  switch (offline_format(path)) {
    case OfflineFormat::html_file:
    case OfflineFormat::html_folder: offline::load_saved_html(path, options, out); break;
    case OfflineFormat::feed_file: offline::load_saved_feed(path, options, out); break;
    case OfflineFormat::har: {
      auto data = read_capped(path, options.max_file_bytes);
      if (!data) return data.error();
      offline::load_har(path, *data, options, out);
      break;
    }
    case OfflineFormat::har_zip: offline::load_har_zip(path, options, out); break;
    case OfflineFormat::warc: {
      auto data = read_capped(path, options.max_file_bytes);
      if (!data) return data.error();
      offline::load_warc(path, *data, options, out);
      break;
    }
    case OfflineFormat::unknown:
      std::error_code ec;
      if (!std::filesystem::exists(path, ec)) return make_error("io", "cannot read " + path.string() + ": no such file or folder");
      return make_error("usage", path.string() + ": not a saved HTML page, feed, folder, HAR (or .har.zip) or WARC file");
  }
  return out;
}

}  // namespace exposcan
