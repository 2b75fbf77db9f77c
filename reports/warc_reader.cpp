#include "reports/warc_reader.h"

#include <openssl/evp.h>
#include <zlib.h>

#include <fmt/format.h>

#include "core/hash.h"
#include "core/text.h"

namespace exposcan {
namespace {

Expected<std::string> inflate_member(std::string_view in, size_t& consumed) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return make_error("warc", "zlib: cannot start");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char buf[65536];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      std::string msg = z.msg ? z.msg : (rc == Z_BUF_ERROR ? "truncated data" : "inflate error " + std::to_string(rc));
      inflateEnd(&z);
      return make_error("warc", msg);
    }
    out.append(buf, sizeof buf - z.avail_out);
    if (rc != Z_STREAM_END && z.avail_in == 0 && z.avail_out != 0) {
      inflateEnd(&z);
      return make_error("warc", "truncated data");
    }
  }
  consumed = z.total_in;
  inflateEnd(&z);
  return out;
}

// Parses every record in `data` (uncompressed bytes of one member or of a whole .warc file).
Status parse_records(std::string_view data, size_t member, size_t base_offset, std::vector<WarcRecordView>& out) {
  size_t pos = 0;
  while (pos < data.size()) {
    size_t start = pos;
    std::string where = member ? fmt::format("gzip member {} at byte {}", member, base_offset)
                               : fmt::format("record at byte {}", base_offset + start);
    size_t eol = data.find("\r\n", pos);
    if (eol == std::string_view::npos) return make_error("warc", where + ": no WARC version line");
    WarcRecordView r;
    r.version = std::string(data.substr(pos, eol - pos));
    if (r.version != "WARC/1.1" && r.version != "WARC/1.0")
      return make_error("warc", where + ": not a WARC record (starts with '" + std::string(utf8_prefix(r.version, 20)) + "')");
    pos = eol + 2;
    while (true) {
      eol = data.find("\r\n", pos);
      if (eol == std::string_view::npos) return make_error("warc", where + ": header not terminated");
      if (eol == pos) {
        pos += 2;
        break;
      }
      std::string_view line = data.substr(pos, eol - pos);
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) return make_error("warc", where + ": malformed header line");
      r.fields.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
      pos = eol + 2;
    }
    std::string length_text = r.field("Content-Length");
    size_t length = 0;
    if (length_text.empty() || length_text.find_first_not_of("0123456789") != std::string::npos || length_text.size() > 15)
      return make_error("warc", where + ": missing or invalid Content-Length");
    length = std::stoull(length_text);
    if (data.size() - pos < length) return make_error("warc", where + ": block shorter than Content-Length");
    r.block = std::string(data.substr(pos, length));
    pos += length;
    if (data.substr(pos, 4) != "\r\n\r\n") return make_error("warc", where + ": record not followed by CRLF CRLF");
    pos += 4;
    r.member = member;
    r.offset = member ? base_offset : base_offset + start;
    out.push_back(std::move(r));
  }
  return {};
}

std::string base32_encode(std::string_view bytes) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint64_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += k[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += k[(buffer << (5 - bits)) & 31];
  return out;
}

std::string sha1_raw(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha1(), nullptr);
  return std::string(reinterpret_cast<char*>(md), len);
}

}  // namespace

std::string WarcRecordView::field(std::string_view name) const {
  for (const auto& [k, v] : fields)
    if (iequals(k, name)) return v;
  return {};
}

bool WarcRecordView::has(std::string_view name) const {
  for (const auto& [k, v] : fields)
    if (iequals(k, name)) return true;
  return false;
}

Expected<std::vector<WarcRecordView>> read_warc(std::string_view bytes) {
  std::vector<WarcRecordView> out;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b) {
    size_t pos = 0, member = 0;
    while (pos < bytes.size()) {
      ++member;
      size_t consumed = 0;
      auto data = inflate_member(bytes.substr(pos), consumed);
      if (!data) return make_error("warc", fmt::format("gzip member {} at byte {}: {}", member, pos, data.error().message));
      if (auto s = parse_records(*data, member, pos, out); !s) return s.error();
      pos += consumed;
    }
  } else {
    if (auto s = parse_records(bytes, 0, 0, out); !s) return s.error();
  }
  if (out.empty()) return make_error("warc", "no WARC records");
  return out;
}

Expected<std::string> http_payload(std::string_view block) {
  size_t end = block.find("\r\n\r\n");
  if (end == std::string_view::npos) return make_error("warc", "HTTP head not terminated");
  std::string_view head = block.substr(0, end);
  std::string_view body = block.substr(end + 4);
  bool chunked = false;
  for (auto line : split(head, '\n')) {
    line = trim(line);
    size_t colon = line.find(':');
    if (colon != std::string_view::npos && iequals(trim(line.substr(0, colon)), "Transfer-Encoding") &&
        icontains(line.substr(colon + 1), "chunked"))
      chunked = true;
  }
  if (!chunked) return std::string(body);
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t eol = body.find("\r\n", pos);
    if (eol == std::string_view::npos) return make_error("warc", "malformed chunked body");
    std::string_view size_line = body.substr(pos, eol - pos);
    size_t semi = size_line.find(';');
    if (semi != std::string_view::npos) size_line = size_line.substr(0, semi);
    size_line = trim(size_line);
    if (size_line.empty() || size_line.size() > 15) return make_error("warc", "malformed chunk size");
    size_t n = 0;
    for (char c : size_line) {
      if (!is_hex_digit(c)) return make_error("warc", "malformed chunk size");
      n = n * 16 + static_cast<size_t>(hex_value(c));
    }
    pos = eol + 2;
    if (n == 0) break;  // trailers (if any) are not payload
    if (body.size() - pos < n + 2) return make_error("warc", "chunk longer than the body");
    out.append(body.substr(pos, n));
    pos += n + 2;
  }
  return out;
}

Expected<bool> digest_matches(std::string_view label, std::string_view data) {
  size_t colon = label.find(':');
  if (colon == std::string_view::npos) return make_error("warc", "malformed digest '" + std::string(label) + "'");
  std::string algo = ascii_lower(label.substr(0, colon));
  std::string_view value = label.substr(colon + 1);
  std::string raw;
  if (algo == "sha256" || algo == "sha-256") raw = sha256_raw(data);
  else if (algo == "sha1" || algo == "sha-1") raw = sha1_raw(data);
  else return make_error("warc", "unsupported digest algorithm '" + algo + "'");
  if (value.size() == raw.size() * 2) return ascii_lower(value) == to_hex(raw);
  std::string b32 = base32_encode(raw);
  std::string v(value);
  for (char& c : v) c = ascii_upper_char(c);
  while (!v.empty() && v.back() == '=') v.pop_back();
  if (v.size() == b32.size()) return v == b32;
  return make_error("warc", "malformed " + algo + " digest value");
}

std::vector<std::string> check_warc_record(const WarcRecordView& r) {
  std::vector<std::string> problems;
  for (const char* f : {"WARC-Type", "WARC-Record-ID", "WARC-Date", "Content-Length"})
    if (!r.has(f)) problems.push_back(std::string("missing ") + f);
  std::string type = r.field("WARC-Type");
  bool needs_target = type == "request" || type == "response" || type == "resource" || type == "revisit";
  if (needs_target && !r.has("WARC-Target-URI")) problems.push_back("missing WARC-Target-URI");
  if (type == "warcinfo" && r.has("WARC-Target-URI")) problems.push_back("WARC-Target-URI on a warcinfo record");
  if (std::string d = r.field("WARC-Block-Digest"); !d.empty()) {
    auto ok = digest_matches(d, r.block);
    if (!ok) problems.push_back("WARC-Block-Digest: " + ok.error().message);
    else if (!*ok) problems.push_back("WARC-Block-Digest does not match the block");
  }
  if (std::string d = r.field("WARC-Payload-Digest"); !d.empty()) {
    bool http = icontains(r.field("Content-Type"), "application/http");
    Expected<std::string> payload = http ? http_payload(r.block) : Expected<std::string>(r.block);
    if (!payload) {
      problems.push_back("WARC-Payload-Digest: " + payload.error().message);
    } else {
      auto ok = digest_matches(d, *payload);
      if (!ok) problems.push_back("WARC-Payload-Digest: " + ok.error().message);
      else if (!*ok) problems.push_back("WARC-Payload-Digest does not match the payload");
    }
  }
  return problems;
}

}  // namespace exposcan
