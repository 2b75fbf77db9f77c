#include "scanner/charset.h"

#include <iconv.h>

#include <cerrno>

#include "core/text.h"

namespace exposcan {
namespace {

std::string_view head(std::string_view body, size_t n) { return body.substr(0, std::min(n, body.size())); }

// Value of `name=` inside a tag-ish string, quoted or bare.
std::string attr_value_after(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '=')) ++pos;
  if (pos >= s.size()) return {};
  char q = s[pos];
  if (q == '"' || q == '\'') {
    size_t end = s.find(q, pos + 1);
    return end == std::string_view::npos ? std::string() : std::string(s.substr(pos + 1, end - pos - 1));
  }
  size_t end = pos;
  while (end < s.size() && !is_ascii_space(s[end]) && s[end] != '>' && s[end] != '"' && s[end] != '\'' &&
         s[end] != ';' && s[end] != '/')
    ++end;
  return std::string(s.substr(pos, end - pos));
}

std::string html_meta_charset(std::string_view body) {
  std::string lower = ascii_lower(head(body, 2048));
  size_t pos = 0;
  while ((pos = lower.find("<meta", pos)) != std::string::npos) {
    size_t end = lower.find('>', pos);
    std::string_view tag = std::string_view(lower).substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    size_t c = tag.find("charset");
    if (c != std::string_view::npos) {
      std::string v = std::string(trim(attr_value_after(tag, c + 7)));
      if (!v.empty()) return v;
    }
    pos += 5;
  }
  return {};
}

std::string xml_encoding(std::string_view body) {
  std::string lower = ascii_lower(head(body, 256));
  if (lower.rfind("<?xml", 0) != 0) return {};
  size_t end = lower.find("?>");
  size_t e = lower.find("encoding");
  if (e == std::string::npos || (end != std::string::npos && e > end)) return {};
  return attr_value_after(lower, e + 8);
}

std::string canonical_charset(std::string cs) {
  cs = ascii_lower(trim(cs));
  if (cs == "utf8" || cs == "unicode-1-1-utf-8") return "utf-8";
  if (cs == "latin1" || cs == "iso-8859-1" || cs == "us-ascii" || cs == "ascii") return "windows-1252";
  if (cs == "sjis" || cs == "x-sjis" || cs == "shift-jis" || cs == "ms_kanji") return "shift_jis";
  if (cs == "cp1251" || cs == "x-cp1251") return "windows-1251";
  return cs;
}

bool iconv_convert(std::string_view in, const std::string& from, DecodedText& out) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::string result;
  result.reserve(in.size() * 2);
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char buf[16384];
  while (src_left > 0) {
    char* dst = buf;
    size_t dst_left = sizeof buf;
    size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
    result.append(buf, sizeof buf - dst_left);
    if (rc == static_cast<size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ / EINVAL: replace one byte and go on
      result += "\xEF\xBF\xBD";
      out.had_errors = true;
      ++src;
      --src_left;
    }
  }
  iconv_close(cd);
  out.text = std::move(result);
  return true;
}

}  // namespace

std::string media_type_of(std::string_view header) {
  size_t semi = header.find(';');
  return ascii_lower(trim(header.substr(0, semi)));
}

std::string charset_param(std::string_view header) {
  std::string lower = ascii_lower(header);
  size_t pos = lower.find("charset=");
  if (pos == std::string::npos) return {};
  return canonical_charset(attr_value_after(lower, pos + 8));
}

bool is_text_media_type(std::string_view mt) {
  return mt.rfind("text/", 0) == 0 || mt.find("json") != std::string_view::npos ||
         mt.find("xml") != std::string_view::npos || mt.find("javascript") != std::string_view::npos ||
         mt.empty();
}

FeedFormat sniff_feed(std::string_view body) {
  std::string_view head = body.substr(0, 16384);
  size_t pos = head.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (pos < head.size() && is_ascii_space(head[pos])) ++pos;
  if (pos < head.size() && head[pos] == '{') {
    std::string_view json_head = body.substr(0, 65536);
    for (std::string_view marker : {"jsonfeed.org/version", "jsonfeed.org\\/version"})
      if (json_head.find(marker) != std::string_view::npos) return FeedFormat::json_feed;
    return FeedFormat::none;
  }
  while ((pos = head.find('<', pos)) != std::string_view::npos) {
    if (head.substr(pos, 2) == "<?" || head.substr(pos, 2) == "<!") {
      size_t end = head.substr(pos, 4) == "<!--" ? head.find("-->", pos) : head.find('>', pos);
      if (end == std::string_view::npos) return FeedFormat::none;
      pos = end + 1;
      continue;
    }
    std::string_view tag = head.substr(pos + 1);
    tag = tag.substr(0, tag.find_first_of(" \t\r\n/>"));
    if (size_t colon = tag.find(':'); colon != std::string_view::npos) tag.remove_prefix(colon + 1);
    std::string name = ascii_lower(tag);
    if (name == "rss") return FeedFormat::rss;
    if (name == "feed") return FeedFormat::atom;
    // An Atom Entry Document (RFC 4287 §4.1.2); "entry" alone is too common a name to sniff.
    if (name == "entry" && head.find("http://www.w3.org/2005/Atom", pos) != std::string_view::npos) return FeedFormat::atom;
    if (name == "rdf") return FeedFormat::rdf;
    return FeedFormat::none;
  }
  return FeedFormat::none;
}

std::string sniff_media_type(std::string_view declared, std::string_view body) {
  std::string mt(declared);
  std::string_view start = trim(head(body, 512));
  if (start.substr(0, 3) == "\xEF\xBB\xBF") start.remove_prefix(3);
  start = trim(start);
  std::string lower = ascii_lower(start);
  bool generic = mt.empty() || mt == "text/plain" || mt == "application/octet-stream" ||
                 mt == "binary/octet-stream";
  bool xml = mt == "application/xml" || mt == "text/xml";
  bool looks_html = lower.rfind("<!doctype html", 0) == 0 || lower.rfind("<html", 0) == 0 ||
                    (lower.rfind("<!--", 0) == 0 && lower.find("<html") != std::string::npos);
  if (generic && looks_html) return "text/html";
  if (generic || xml) {
    FeedFormat feed = lower.empty() || lower[0] != '<' ? FeedFormat::none : sniff_feed(body);
    if (feed == FeedFormat::rss) return "application/rss+xml";
    if (feed == FeedFormat::atom) return "application/atom+xml";
  }
  if (generic) {
    if (lower.rfind("<?xml", 0) == 0 || lower.rfind("<rss", 0) == 0 || lower.rfind("<feed", 0) == 0) return "application/xml";
    if (!lower.empty() && (lower[0] == '{' || lower[0] == '[')) return "application/json";
    return mt.empty() ? "application/octet-stream" : mt;
  }
  return mt;
}

namespace {

// XML 1.0 Appendix F: without a byte-order mark, UTF-16 shows in the first two characters, '<'
// and an ASCII one ("<?xml", "<rss"), each beside a zero byte. No ASCII-compatible text starts so.
std::string utf16_without_bom(std::string_view body) {
  if (body.size() < 4) return {};
  if (body[0] == '<' && body[1] == '\0' && body[2] != '\0' && body[3] == '\0') return "utf-16le";
  if (body[0] == '\0' && body[1] == '<' && body[2] == '\0' && body[3] != '\0') return "utf-16be";
  return {};
}

// The charset the bytes are in (BOM first), and how many BOM bytes to skip.
std::string detect_charset(std::string_view body, std::string_view media_type, std::string_view header_charset,
                           size_t& bom) {
  bom = 0;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") {
    bom = 3;
    return "utf-8";
  }
  if (body.substr(0, 2) == "\xFF\xFE") {
    bom = 2;
    return "utf-16le";
  }
  if (body.substr(0, 2) == "\xFE\xFF") {
    bom = 2;
    return "utf-16be";
  }
  std::string cs;
  if (!header_charset.empty()) cs = canonical_charset(std::string(header_charset));
  const bool html = media_type.find("html") != std::string_view::npos;
  if (cs.empty() && html) cs = canonical_charset(html_meta_charset(body));
  if (cs.empty() && !html) cs = utf16_without_bom(body);  // HTML does not sniff it (WHATWG)
  if (cs.empty() && media_type.find("xml") != std::string_view::npos) cs = canonical_charset(xml_encoding(body));
  return cs;
}

}  // namespace

DecodedText decode_owned_to_utf8(std::string&& body, std::string_view media_type, std::string_view header_charset) {
  size_t bom = 0;
  std::string cs = detect_charset(body, media_type, header_charset, bom);
  if (bom == 0 && (cs.empty() || cs == "utf-8") && is_valid_utf8(body)) {
    DecodedText out;
    out.charset = "utf-8";
    out.text = std::move(body);
    return out;
  }
  return decode_to_utf8(std::string_view(body), media_type, header_charset);
}

DecodedText decode_to_utf8(std::string_view body, std::string_view media_type, std::string_view header_charset) {
  DecodedText out;
  size_t bom = 0;
  std::string cs = detect_charset(body, media_type, header_charset, bom);
  body.remove_prefix(bom);
  if (cs.empty()) cs = is_valid_utf8(body) ? "utf-8" : "windows-1252";
  out.charset = cs;
  if (cs == "utf-8") {
    if (is_valid_utf8(body)) {
      out.text = std::string(body);
    } else {
      out.text = sanitize_utf8(body);
      out.had_errors = true;
    }
    return out;
  }
  if (!iconv_convert(body, cs, out)) {  // unknown charset name: keep what is valid
    out.text = sanitize_utf8(body);
    out.had_errors = !is_valid_utf8(body);
    return out;
  }
  out.converted = true;
  return out;
}

}  // namespace exposcan
