// WARC 1.0 / 1.1 (ISO 28500) records: response (application/http; msgtype=response), resource and
// revisit (identical-payload-digest, resolved against an earlier record of the same file); a record
// written in segments is joined with its continuation records first. A damaged
// record is skipped to the next "WARC/" line.
// A .warc.gz is a sequence of gzip members, normally one per record; it is inflated whole, member
// after member, with the output capped. A .warc.zst (the IIPC "WARC zstd" format that wget-at and
// Archive Team write) is a sequence of Zstandard frames, one per record, optionally preceded by a
// skippable frame (magic 0x184D2A5D) holding the dictionary every frame was compressed with, itself
// plain or zstd-compressed.
#include <zlib.h>
#include <zstd.h>

#include <charconv>
#include <map>
#include <memory>
#include <set>

#include "core/text.h"
#include "core/time.h"
#include "scanner/charset.h"
#include "scanner/offline_internal.h"

namespace exposcan::offline {
namespace {

constexpr size_t k_max_inflated = 1024ull << 20;

// Inflates every gzip member of `in` in turn. A damaged member (one record, in a .warc.gz written a
// record per member) is dropped and reading resumes at the next gzip header.
bool inflate_members(std::string_view in, std::string& out, std::string& error) {
  size_t pos = 0;
  while (pos < in.size()) {
    const size_t member_start = out.size();
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 16) != Z_OK) return false;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + pos));
    zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size() - pos, UINT32_MAX));
    char buf[65536];
    int rc;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      rc = inflate(&zs, Z_NO_FLUSH);
      out.append(buf, sizeof buf - zs.avail_out);
      if (out.size() > k_max_inflated) {
        inflateEnd(&zs);
        error = "decompressed size over 1 GiB; the rest is skipped";
        return true;
      }
    } while (rc == Z_OK && (zs.avail_in > 0 || zs.avail_out == 0));
    size_t used = (in.size() - pos) - zs.avail_in;
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) {
      size_t next = in.find("\x1f\x8b\x08", pos + 1);
      error += std::string(error.empty() ? "" : "; ") + "damaged gzip data at byte " + std::to_string(pos) +
               (next == std::string_view::npos ? "" : ", skipped to the next member at byte " + std::to_string(next));
      if (next == std::string_view::npos) return !out.empty();  // a cut-off file: keep what inflated
      out.resize(member_start);
      pos = next;
      continue;
    }
    pos += used;
    while (pos < in.size() && in[pos] == '\0') ++pos;  // padding between members
    if (used == 0) break;
  }
  return true;
}

struct HeaderBlock {
  std::vector<HttpHeader> headers;
  size_t end = 0;  // offset after the blank line
  std::string first_line;
};

// Parses "first line CRLF (name: value CRLF)* CRLF" at `pos` (LF alone accepted).
std::optional<HeaderBlock> read_headers(std::string_view s, size_t pos) {
  HeaderBlock b;
  bool first = true;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) return std::nullopt;
    std::string_view line = s.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (first) {
      b.first_line = std::string(line);
      first = false;
      continue;
    }
    if (line.empty()) {
      b.end = pos;
      return b;
    }
    if ((line[0] == ' ' || line[0] == '\t') && !b.headers.empty()) {
      b.headers.back().value += " " + std::string(trim(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    b.headers.push_back({std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1)))});
  }
  return std::nullopt;
}

std::string header_of(const std::vector<HttpHeader>& hs, std::string_view name) {
  for (const auto& h : hs)
    if (iequals(h.name, name)) return h.value;
  return {};
}

std::optional<std::string> dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) return std::nullopt;
    std::string size_line(trim(body.substr(pos, nl - pos)));
    size_line = size_line.substr(0, size_line.find(';'));
    size_t n = 0;
    for (char c : size_line) {
      if (!is_hex_digit(c)) return std::nullopt;
      n = n * 16 + static_cast<size_t>(hex_value(c));
      if (n > body.size()) return std::nullopt;
    }
    pos = nl + 1;
    if (n == 0) break;
    if (pos + n > body.size()) return std::nullopt;
    out.append(body.substr(pos, n));
    pos += n;
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
  return out;
}

// Where the next record starts: the next line that begins with "WARC/" (data.size() if none).
size_t next_record(std::string_view data, size_t from) {
  for (size_t at = data.find("WARC/", from); at != std::string_view::npos; at = data.find("WARC/", at + 1))
    if (at == 0 || data[at - 1] == '\n') return at;
  return data.size();
}

// True at the end of the data or where, after the CRLFs that end a record, a record header starts.
bool at_record_start(std::string_view data, size_t pos) {
  while (pos < data.size() && (data[pos] == '\r' || data[pos] == '\n')) ++pos;
  return pos >= data.size() || data.substr(pos, 5) == "WARC/";
}

uint32_t le32(std::string_view s, size_t pos) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[pos])) | static_cast<uint32_t>(static_cast<unsigned char>(s[pos + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[pos + 2])) << 16 | static_cast<uint32_t>(static_cast<unsigned char>(s[pos + 3])) << 24;
}

constexpr uint32_t k_zstd_magic = 0xFD2FB528;
constexpr uint32_t k_warc_zstd_dictionary = 0x184D2A5D;  // the skippable frame the WARC zstd spec reserves

// Decompresses a .warc.zst: the dictionary frame (if any), then every frame in turn, output capped.
// A damaged frame costs its record: its output is dropped and reading resumes at the next frame's
// magic number (the format never lets a record span frames). A file cut inside its last frame keeps
// what came before.
bool unzstd_frames(std::string_view in, std::string& out, std::string& error) {
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> ctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (!ctx) return false;
  size_t pos = 0;
  std::string dictionary;
  if (in.size() >= 8 && le32(in, 0) == k_warc_zstd_dictionary) {
    const size_t size = le32(in, 4);
    if (size > in.size() - 8) {
      error = "the dictionary frame is cut off";
      return false;
    }
    std::string_view dict = in.substr(8, size);
    if (dict.size() >= 4 && le32(dict, 0) == k_zstd_magic) {  // a compressed dictionary
      const unsigned long long n = ZSTD_getFrameContentSize(dict.data(), dict.size());
      if (n == ZSTD_CONTENTSIZE_ERROR || n == ZSTD_CONTENTSIZE_UNKNOWN || n > (64ull << 20)) {
        error = "the dictionary frame cannot be read";
        return false;
      }
      dictionary.resize(static_cast<size_t>(n));
      const size_t got = ZSTD_decompress(dictionary.data(), dictionary.size(), dict.data(), dict.size());
      if (ZSTD_isError(got)) {
        error = std::string("the dictionary frame cannot be read (zstd: ") + ZSTD_getErrorName(got) + ")";
        return false;
      }
      dictionary.resize(got);
    } else {
      dictionary.assign(dict);
    }
    if (ZSTD_isError(ZSTD_DCtx_loadDictionary(ctx.get(), dictionary.data(), dictionary.size()))) {
      error = "the dictionary frame is not a zstd dictionary";
      return false;
    }
    pos = 8 + size;
  }
  ZSTD_inBuffer input{in.data(), in.size(), pos};
  char buf[65536];
  size_t rc = 0;
  size_t frame_in = pos, frame_out = out.size();  // where the current frame started
  auto note = [&](const std::string& e) { error += (error.empty() ? "" : "; ") + e; };
  for (;;) {
    ZSTD_outBuffer output{buf, sizeof buf, 0};
    rc = ZSTD_decompressStream(ctx.get(), &output, &input);
    if (ZSTD_isError(rc)) {
      out.resize(frame_out);
      static constexpr char k_magic[] = {'\x28', '\xb5', '\x2f', '\xfd'};
      const size_t next = in.find(std::string_view(k_magic, 4), frame_in + 1);
      note("damaged zstd frame at byte " + std::to_string(frame_in) + " (" + ZSTD_getErrorName(rc) + ")" +
           (next == std::string_view::npos ? "; the rest is skipped" : ", skipped to the next frame at byte " + std::to_string(next)));
      if (next == std::string_view::npos) return !out.empty();
      ZSTD_DCtx_reset(ctx.get(), ZSTD_reset_session_only);  // the dictionary stays loaded
      input.pos = frame_in = next;
      continue;
    }
    out.append(buf, output.pos);
    if (out.size() > k_max_inflated) {
      note("decompressed size over 1 GiB; the rest is skipped");
      return true;
    }
    if (rc == 0) frame_in = input.pos, frame_out = out.size();             // a frame ended here
    if (input.pos == input.size && output.pos < sizeof buf) break;  // all read, nothing left to flush
  }
  if (rc != 0) note("the last zstd frame is cut off");
  return true;
}

// The media type of a payload no header labels (WARC 1.1 §5.6: Content-Type is only a SHOULD):
// what the bytes look like (feed, XML, JSON, HTML), markup of any other kind taken as HTML.
std::string unlabelled_type(std::string_view payload) {
  std::string sniffed = sniff_media_type("", payload);
  if (sniffed != "application/octet-stream") return sniffed;
  std::string_view start = trim(payload.substr(0, 512));
  return !start.empty() && start.front() == '<' ? "text/html" : std::string();
}

}  // namespace

bool is_zstd_start(std::string_view data) {
  if (data.size() < 4) return false;
  const uint32_t magic = le32(data, 0);
  return magic == k_zstd_magic || magic == k_warc_zstd_dictionary;
}

namespace {
void read_records(const std::filesystem::path& path, std::string_view data, const OfflineOptions& o, OfflineLoad& out,
                  std::vector<RedirectHop>& hops);
}  // namespace

void load_warc(const std::filesystem::path& path, std::string_view data, const OfflineOptions& o, OfflineLoad& out) {
  // A .warc.gz or .warc.zst is decompressed whole first (capped).
  std::string inflated;
  bool (*decompress)(std::string_view, std::string&, std::string&) = data.substr(0, 2) == "\x1f\x8b" ? inflate_members
                                                                    : is_zstd_start(data)          ? unzstd_frames
                                                                                                   : nullptr;
  if (decompress) {
    std::string error;
    if (!decompress(data, inflated, error)) {
      out.errors.push_back(path.string() + ": " + (error.empty() ? "cannot decompress" : error));
      return;
    }
    if (!error.empty()) out.errors.push_back(path.string() + ": " + error);
    data = inflated;
  }
  const size_t first = out.pages.size();
  std::vector<RedirectHop> hops;
  read_records(path, data, o, out, hops);
  fold_redirects(out.pages, first, hops);
}

namespace {

// Reads one record into `out` (a segmented one after its continuations were joined to it).
struct RecordReader {
  const std::filesystem::path& path;
  const OfflineOptions& o;
  OfflineLoad& out;
  std::vector<RedirectHop>& hops;
  std::map<std::string, size_t> by_payload;  // WARC-Payload-Digest -> index in out.pages (for revisits)
  std::set<std::string> skipped_payloads;    // digests of responses not read (images, scripts)

  void read(const std::vector<HttpHeader>& headers, std::string_view block, const std::string& where, bool cut) {
    if (out.pages.size() >= o.max_pages) return;
    std::string type = ascii_lower(header_of(headers, "WARC-Type"));
    std::string digest(trim(header_of(headers, "WARC-Payload-Digest")));
    std::string uri(trim(header_of(headers, "WARC-Target-URI")));
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);  // WARC 1.0 errata form
    std::string record_ct = header_of(headers, "Content-Type");
    Page page;
    page.url = page.final_url = uri;
    if (auto t = parse_datetime(header_of(headers, "WARC-Date"))) page.fetched_at = *t;
    page.remote_ip = header_of(headers, "WARC-IP-Address");
    std::string body;
    std::string content_type;
    // A response record should say application/http, but some writers leave Content-Type out.
    const bool http_block = ascii_lower(record_ct).find("application/http") != std::string::npos ||
                            (record_ct.empty() && block.substr(0, 5) == "HTTP/");
    if (type == "revisit") {
      // A revisit (WARC 1.1 §6.7) repeats an earlier capture: with the identical-payload-digest
      // profile, the page is the earlier record's payload at this URI and date.
      auto it = by_payload.find(digest);
      const Page* earlier = it != by_payload.end() ? &out.pages[it->second] : nullptr;
      if (!earlier && o.payloads && !digest.empty())
        if (auto in_other = o.payloads->pages.find(digest); in_other != o.payloads->pages.end()) earlier = &in_other->second;
      if (digest.empty() || !earlier) {
        // A revisit of something not read (an image, a script, by its digest or by the type its
        // own HTTP header gives) is not worth a word.
        const auto http = read_headers(block, 0);
        const std::string revisit_type = http ? header_of(http->headers, "Content-Type") : std::string();
        const bool no_page = skipped_payloads.count(digest) || (o.payloads && o.payloads->skipped.count(digest)) ||
                             (!trim(revisit_type).empty() && !page_type(revisit_type));
        if (!no_page)
          out.errors.push_back(where + ": revisit of " + uri + " refers to a payload not in this file" +
                               (o.payloads ? " or an earlier one" : "") + "; skipped");
        return;
      }
      Page copy = *earlier;
      copy.url = copy.final_url = uri;
      copy.target = path.string();
      copy.fetched_at = page.fetched_at;
      copy.remote_ip = page.remote_ip;
      if (auto http = read_headers(block, 0); http && http->first_line.rfind("HTTP/", 0) == 0) {
        auto parts = split(http->first_line, ' ');
        if (parts.size() >= 2) copy.status = std::atoi(std::string(parts[1]).c_str());
        if (!http->headers.empty()) copy.headers = http->headers;
      }
      if (out.pages.size() >= o.max_pages) return;
      out.pages.push_back(std::move(copy));
      return;
    }
    if (type == "response" && http_block) {
      auto http = read_headers(block, 0);
      if (!http) {
        out.errors.push_back(where + ": response record without a complete HTTP header");
        return;
      }
      // "HTTP/1.1 200 OK"
      auto parts = split(http->first_line, ' ');
      if (parts.size() >= 2 && parts[0].rfind("HTTP/", 0) == 0) {
        page.http_version = std::string(parts[0].substr(5));
        page.status = std::atoi(std::string(parts[1]).c_str());
      }
      page.headers = http->headers;
      if (auto hop = redirect_hop(uri, page.status, page.headers)) {  // folded into the page it led to
        hops.push_back(std::move(*hop));
        return;
      }
      content_type = header_of(http->headers, "Content-Type");
      if (content_type.empty()) content_type = unlabelled_type(block.substr(std::min(http->end, block.size())));
      if (!page_type(content_type) || failed_requisite(uri, page.status)) {
        if (!digest.empty()) {
          if (o.payloads) o.payloads->skipped.insert(digest);
          skipped_payloads.insert(digest);
        }
        return;
      }
      std::string_view payload = block.substr(std::min(http->end, block.size()));
      body = std::string(payload);
      if (iequals(trim(header_of(http->headers, "Transfer-Encoding")), "chunked")) {
        if (auto d = dechunk(payload)) body = std::move(*d);
        else out.errors.push_back(where + ": damaged chunked encoding; read as is");
      }
      std::string ce = ascii_lower(trim(header_of(http->headers, "Content-Encoding")));
      if (ce == "gzip" || ce == "x-gzip" || ce == "deflate") {
        std::string decoded;
        bool truncated = false;
        if (!inflate_bytes(body, decoded, o.max_body_bytes, &truncated)) {  // compressed bytes are no page
          out.errors.push_back(where + ": cannot decode " + ce + " content; skipped");
          return;
        }
        body = std::move(decoded);
        page.truncated = truncated;
      } else if (ce == "br" || ce == "zstd") {
        std::string decoded;
        bool truncated = false;
        if (!(ce == "br" ? brotli_bytes : zstd_bytes)(body, decoded, o.max_body_bytes, &truncated)) {
          out.errors.push_back(where + ": cannot decode " + ce + " content; skipped");
          return;
        }
        body = std::move(decoded);
        page.truncated = truncated;
      } else if (!ce.empty() && ce != "identity") {
        out.errors.push_back(where + ": content coding '" + ce + "' is not supported; skipped");
        return;
      }
    } else if (type == "resource") {
      // Archivers' own records (Browsertrix "urn:pageinfo:…", "urn:text:…") are not pages.
      if (!istarts_with(uri, "http://") && !istarts_with(uri, "https://")) return;
      page.status = 200;
      content_type = trim(record_ct).empty() ? unlabelled_type(block) : record_ct;
      if (!page_type(content_type)) return;
      body = std::string(block);
    } else {
      return;  // warcinfo, request, metadata, revisit, conversion, continuation
    }
    if (page.status >= 400) page.error = FetchError{"http_status", "HTTP " + std::to_string(page.status) + " (from " + path.filename().string() + ")"};
    if (cut) page.truncated = true;
    finish_page(page, std::move(body), content_type, PageOrigin::warc, path.string(), o.max_body_bytes);
    if (!digest.empty()) {
      by_payload.emplace(digest, out.pages.size());
      if (o.payloads && o.payloads->bytes + page.body.size() <= o.payloads->max_bytes &&
          o.payloads->pages.emplace(digest, page).second)
        o.payloads->bytes += page.body.size();
    }
    out.pages.push_back(std::move(page));
  }
};

void read_records(const std::filesystem::path& path, std::string_view data, const OfflineOptions& o, OfflineLoad& out,
                  std::vector<RedirectHop>& hops) {
  size_t pos = 0;
  size_t record = 0;
  RecordReader reader{path, o, out, hops, {}, {}};
  struct Segmented {  // a segmented record waiting for its continuations
    std::vector<HttpHeader> headers;
    std::string block;
    std::string where;
    bool cut = false;
    int next = 2;  // the segment number due
    bool broken = false;
  };
  std::map<std::string, Segmented> segmented;  // by WARC-Record-ID
  while (pos < data.size()) {
    while (pos < data.size() && (data[pos] == '\r' || data[pos] == '\n')) ++pos;
    if (pos >= data.size()) break;
    ++record;
    std::string where = path.string() + ": record " + std::to_string(record);
    if (data.substr(pos, 5) != "WARC/") {
      size_t next = next_record(data, pos);
      out.errors.push_back(where + ": no WARC/ version line; skipped " + std::to_string(next - pos) + " bytes to the next record");
      pos = next;
      continue;
    }
    auto head = read_headers(data, pos);
    if (!head) {
      out.errors.push_back(where + ": unterminated record header; stopped reading");
      return;
    }
    // Content-Length is 1*DIGIT (WARC 1.1 §5.3): no sign, no spaces, no overflow.
    std::string cl(trim(header_of(head->headers, "Content-Length")));
    size_t length = 0;
    auto [end, ec] = std::from_chars(cl.data(), cl.data() + cl.size(), length);
    if (cl.empty() || ec != std::errc() || end != cl.data() + cl.size() || !is_ascii_digit(cl.front())) {
      size_t next = next_record(data, head->end);
      out.errors.push_back(where + ": bad Content-Length '" + cl + "'; skipped to the next record");
      pos = next;
      continue;
    }
    size_t block_start = head->end;
    bool cut = false;
    const bool past_end = length > data.size() - block_start;
    if (past_end) length = data.size() - block_start;
    // A Content-Length larger than the block swallows the records after it: when the block does
    // not end at a record boundary (or runs past the file's end), it ends at the first record
    // header inside it (records are separated by CRLF CRLF).
    if (size_t after = block_start + length; past_end || !at_record_start(data, after)) {
      std::string_view claimed = data.substr(block_start, length);
      if (size_t b = claimed.find("\r\n\r\nWARC/1."); b != std::string_view::npos) {
        length = b;
        out.errors.push_back(where + ": Content-Length runs past the record into the next one; cut at its header");
      } else if (past_end) {
        cut = true;
        out.errors.push_back(where + ": block shorter than its Content-Length (file truncated)");
      }
    }
    std::string_view block = data.substr(block_start, length);
    pos = block_start + length;
    if (out.pages.size() >= o.max_pages) {
      out.errors.push_back(path.string() + ": more than " + std::to_string(o.max_pages) + " pages; the rest is skipped");
      return;
    }
    // WARC 1.1 §5.8: a record written in segments is its first segment (WARC-Segment-Number 1)
    // followed by "continuation" records naming it in WARC-Segment-Origin-ID, numbered 2, 3, ...;
    // the last one carries WARC-Segment-Total-Length. The joined block is read as one record.
    const std::string type = ascii_lower(header_of(head->headers, "WARC-Type"));
    const std::string segment(trim(header_of(head->headers, "WARC-Segment-Number")));
    if (type == "continuation") {
      auto it = segmented.find(std::string(trim(header_of(head->headers, "WARC-Segment-Origin-ID"))));
      if (it == segmented.end()) {
        out.errors.push_back(where + ": continuation of a record not in this file (or already complete); skipped");
        continue;
      }
      Segmented& sg = it->second;
      if (!sg.broken && segment != std::to_string(sg.next)) {
        out.errors.push_back(where + ": segment " + segment + " where " + std::to_string(sg.next) + " was due; the record is read up to it");
        sg.broken = true;
      }
      if (!sg.broken) {
        sg.block.append(block);
        ++sg.next;
        sg.cut = sg.cut || cut;
      }
      if (!header_of(head->headers, "WARC-Segment-Total-Length").empty()) {
        reader.read(sg.headers, sg.block, sg.where, sg.cut || sg.broken);
        segmented.erase(it);
      }
      continue;
    }
    if (segment == "1") {
      std::string id(trim(header_of(head->headers, "WARC-Record-ID")));
      segmented.insert_or_assign(std::move(id), Segmented{head->headers, std::string(block), where, cut, 2, false});
      continue;
    }
    reader.read(head->headers, block, where, cut);
  }
  for (auto& [id, sg] : segmented) {
    out.errors.push_back(sg.where + ": segmented record without its last continuation in this file; read as cut");
    reader.read(sg.headers, sg.block, sg.where, true);
  }
}

}  // namespace

}  // namespace exposcan::offline
