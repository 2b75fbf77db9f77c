#include "reports/warc_writer.h"

#include <fmt/format.h>
#include <zlib.h>

#include "core/hash.h"

namespace exposcan {

std::string make_warc_record_id() {
  std::string b = random_bytes(16);
  b[6] = static_cast<char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<char>((b[8] & 0x3F) | 0x80);
  std::string h = to_hex(b);
  return fmt::format("<urn:uuid:{}-{}-{}-{}-{}>", h.substr(0, 8), h.substr(8, 4), h.substr(12, 4), h.substr(16, 4),
                     h.substr(20, 12));
}

std::string warc_date(TimePoint t) { return format_rfc3339(t); }

std::string warc_sha256(std::string_view data) { return "sha256:" + sha256_hex(data); }

std::string serialize_warc_record(const WarcRecord& r) {
  std::string out = "WARC/1.1\r\n";
  auto field = [&out](std::string_view name, std::string_view value) {
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  };
  field("WARC-Type", r.type);
  field("WARC-Record-ID", r.id);
  field("WARC-Date", warc_date(r.date));
  if (!r.target_uri.empty() && r.type != "warcinfo") field("WARC-Target-URI", r.target_uri);
  for (const auto& [k, v] : r.fields) field(k, v);
  if (!r.content_type.empty()) field("Content-Type", r.content_type);
  field("WARC-Block-Digest", warc_sha256(r.block));
  if (r.payload_offset && *r.payload_offset <= r.block.size())
    field("WARC-Payload-Digest", warc_sha256(std::string_view(r.block).substr(*r.payload_offset)));
  field("Content-Length", std::to_string(r.block.size()));
  out += "\r\n";
  out += r.block;
  out += "\r\n\r\n";
  return out;
}

Expected<std::string> gzip_member(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return make_error("io", "zlib: cannot start a gzip member");
  std::string out;
  out.resize(deflateBound(&z, static_cast<uLong>(data.size())) + 32);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  size_t produced = z.total_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return make_error("io", "zlib: cannot compress a WARC record");
  out.resize(produced);
  return out;
}

Expected<WarcWriter::Written> WarcWriter::add(WarcRecord record) {
  if (record.id.empty()) record.id = m_make_id();
  Written w;
  w.id = record.id;
  w.block_digest = warc_sha256(record.block);
  if (record.payload_offset && *record.payload_offset <= record.block.size())
    w.payload_digest = warc_sha256(std::string_view(record.block).substr(*record.payload_offset));
  auto gz = gzip_member(serialize_warc_record(record));
  if (!gz) return gz.error();
  w.offset = m_bytes.size();
  w.length = gz->size();
  m_bytes += *gz;
  ++m_count;
  return w;
}

}  // namespace exposcan
