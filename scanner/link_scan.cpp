#include "scanner/link_scan.h"

#include <zlib.h>

#include <cstring>

#include "core/text.h"

namespace exposcan {
namespace {

bool name_is(std::string_view name, std::string_view lower) { return iequals(name, lower); }

// The "</name" that closes a raw-text element (script, style, ...), from `pos`.
size_t find_end_tag(std::string_view s, std::string_view name, size_t pos) {
  while (pos < s.size()) {
    const void* hit = std::memchr(s.data() + pos, '<', s.size() - pos);
    if (!hit) return std::string_view::npos;
    size_t i = static_cast<size_t>(static_cast<const char*>(hit) - s.data());
    size_t after = i + 2 + name.size();
    if (after <= s.size() && s[i + 1] == '/' && iequals(s.substr(i + 2, name.size()), name) &&
        (after == s.size() || s[after] == '>' || s[after] == '/' || s[after] == ' ' || s[after] == '\t' ||
         s[after] == '\n' || s[after] == '\r' || s[after] == '\f'))
      return i;
    pos = i + 1;
  }
  return std::string_view::npos;
}

struct Tag {
  std::string_view name;
  std::string_view href, src, rel, type;
  size_t end = 0;         // index after '>'
  bool complete = false;  // false when the input ended inside the tag (the tag is dropped)
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Reads a start tag whose name begins at `pos` (just after '<'); collects the attributes we use.
Tag read_tag(std::string_view s, size_t pos) {
  Tag t;
  size_t i = pos;
  while (i < s.size() && !is_space(s[i]) && s[i] != '>' && s[i] != '/') ++i;
  t.name = s.substr(pos, i - pos);
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == '/')) ++i;
    if (i >= s.size()) break;
    if (s[i] == '>') {
      t.end = i + 1;
      t.complete = true;
      return t;
    }
    size_t name_start = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
    std::string_view attr = s.substr(name_start, i - name_start);
    while (i < s.size() && is_space(s[i])) ++i;
    std::string_view value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && is_space(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        size_t close = s.find(q, i);
        if (close == std::string_view::npos) close = s.size();
        value = s.substr(i, close - i);
        i = close + 1;
      } else {
        size_t v = i;
        while (i < s.size() && !is_space(s[i]) && s[i] != '>') ++i;
        value = s.substr(v, i - v);
      }
    }
    if (attr.size() == 4 && name_is(attr, "href")) t.href = value;
    else if (attr.size() == 3 && name_is(attr, "src")) t.src = value;
    else if (attr.size() == 3 && name_is(attr, "rel")) t.rel = value;
    else if (attr.size() == 4 && name_is(attr, "type")) t.type = value;
  }
  t.end = s.size();
  return t;
}

// The tag name at `pos` ends here.
size_t tag_name_end(std::string_view s, size_t pos) {
  while (pos < s.size() && is_ascii_alnum(s[pos])) ++pos;
  return pos;
}

// Tags whose attributes or content matter: a, area, link, base, frame, iframe and the raw-text
// elements. Everything else (div, span, svg, ...) is skipped without reading its attributes.
bool wanted_tag(std::string_view s, size_t pos) {
  std::string_view n = s.substr(pos, tag_name_end(s, pos) - pos);
  switch (n.size()) {
    case 1: return n[0] == 'a' || n[0] == 'A';
    case 3: return name_is(n, "xmp");
    case 4: return name_is(n, "area") || name_is(n, "link") || name_is(n, "base");
    case 5: return name_is(n, "frame") || name_is(n, "style") || name_is(n, "title");
    case 6: return name_is(n, "iframe") || name_is(n, "script");
    case 8: return name_is(n, "textarea");
    default: return false;
  }
}

// Index after the '>' that ends the tag starting at `pos`, skipping quoted attribute values.
size_t skip_tag(std::string_view s, size_t pos) {
  for (size_t i = pos; i < s.size(); ++i) {
    char c = s[i];
    if (c == '>') return i + 1;
    if ((c == '"' || c == '\'') && i > 0 && (s[i - 1] == '=' || is_space(s[i - 1]))) {
      size_t close = s.find(c, i + 1);
      if (close == std::string_view::npos) return s.size();
      i = close;
    }
  }
  return s.size();
}

bool has_token(std::string_view list, std::string_view token) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && is_space(list[i])) ++i;
    size_t start = i;
    while (i < list.size() && !is_space(list[i])) ++i;
    if (i > start && iequals(list.substr(start, i - start), token)) return true;
  }
  return false;
}

bool is_feed_type(std::string_view type) {
  std::string t = ascii_lower(trim(type));
  return t == "application/rss+xml" || t == "application/atom+xml" || t == "application/feed+json" ||
         t == "application/json+feed";
}

bool is_raw_text(std::string_view name) {
  return name_is(name, "script") || name_is(name, "style") || name_is(name, "textarea") || name_is(name, "title") ||
         name_is(name, "xmp");
}

void add(std::vector<LinkCandidate>& out, const NormalUrl& base, std::string_view value, const char* kind) {
  std::optional<NormalUrl> u;
  if (value.find('&') != std::string_view::npos) {
    u = resolve_http_link(base, decode_char_refs(value));
  } else {
    u = resolve_http_link(base, value);
  }
  if (u) out.push_back({std::move(u->text), kind});
}

std::string_view skip_prolog(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (true) {
    s = trim(s);
    if (s.substr(0, 2) == "<?" || s.substr(0, 2) == "<!") {
      size_t end = s.substr(0, 4) == "<!--" ? s.find("-->") : s.find('>');
      if (end == std::string_view::npos) return {};
      s.remove_prefix(end + (s.substr(0, 4) == "<!--" ? 3 : 1));
      continue;
    }
    return s;
  }
}

}  // namespace

std::string decode_char_refs(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    long code = -1;
    if (ent == "amp") code = '&';
    else if (ent == "lt") code = '<';
    else if (ent == "gt") code = '>';
    else if (ent == "quot") code = '"';
    else if (ent == "apos") code = '\'';
    else if (ent.size() > 1 && ent[0] == '#') {
      bool hex = ent[1] == 'x' || ent[1] == 'X';
      std::string_view digits = ent.substr(hex ? 2 : 1);
      code = digits.empty() ? -1 : 0;
      for (char c : digits) {
        if (hex ? !is_hex_digit(c) : !is_ascii_digit(c)) {
          code = -1;
          break;
        }
        code = code * (hex ? 16 : 10) + (hex ? hex_value(c) : c - '0');
        if (code > 0x10FFFF) {
          code = -1;
          break;
        }
      }
    }
    if (code < 0) {
      out += s[i];
      continue;
    }
    append_utf8(out, static_cast<char32_t>(code));
    i = semi;
  }
  return out;
}

std::vector<LinkCandidate> html_links(std::string_view s, const NormalUrl& page_url) {
  std::vector<LinkCandidate> out;
  NormalUrl base = page_url;
  bool base_seen = false;
  size_t pos = 0;
  while (pos < s.size()) {
    const void* hit = std::memchr(s.data() + pos, '<', s.size() - pos);
    if (!hit) break;
    size_t lt = static_cast<const char*>(hit) - s.data();
    pos = lt + 1;
    if (pos >= s.size()) break;
    char c = s[pos];
    if (c == '!') {
      if (s.substr(pos, 3) == "!--") {
        size_t end = s.find("-->", pos + 3);
        pos = end == std::string_view::npos ? s.size() : end + 3;
      } else {
        size_t end = s.find('>', pos);
        pos = end == std::string_view::npos ? s.size() : end + 1;
      }
      continue;
    }
    if (c == '/' || c == '?') {
      size_t end = s.find('>', pos);
      pos = end == std::string_view::npos ? s.size() : end + 1;
      continue;
    }
    if (!is_ascii_alpha(c)) continue;
    if (!wanted_tag(s, pos)) {
      pos = skip_tag(s, pos);
      continue;
    }
    Tag t = read_tag(s, pos);
    pos = t.end;
    if (!t.complete) break;
    const std::string_view n = t.name;
    if (is_raw_text(n)) {
      size_t end = find_end_tag(s, n, pos);
      pos = end == std::string_view::npos ? s.size() : end;
      continue;
    }
    if (n.size() == 1 && (n[0] == 'a' || n[0] == 'A')) {
      if (t.href.empty()) continue;
      const char* kind = has_token(t.rel, "me") ? "rel_me" : has_token(t.rel, "next") ? "next" : "anchor";
      add(out, base, t.href, kind);
    } else if (name_is(n, "area")) {
      if (!t.href.empty()) add(out, base, t.href, "anchor");
    } else if (name_is(n, "link")) {
      if (t.href.empty()) continue;
      if (has_token(t.rel, "me")) add(out, base, t.href, "rel_me");
      else if ((has_token(t.rel, "alternate") && is_feed_type(t.type)) || has_token(t.rel, "feed"))
        add(out, base, t.href, "feed");
      else if (has_token(t.rel, "next")) add(out, base, t.href, "next");
      else if (has_token(t.rel, "sitemap")) add(out, base, t.href, "sitemap");
    } else if (name_is(n, "frame") || name_is(n, "iframe")) {
      if (!t.src.empty()) add(out, base, t.src, "anchor");
    } else if (name_is(n, "base") && !base_seen && !t.href.empty()) {
      base_seen = true;
      std::string decoded = decode_char_refs(t.href);
      if (auto b = resolve_http_link(page_url, decoded)) base = std::move(*b);
    }
  }
  return out;
}

bool is_sitemap(std::string_view body) {
  std::string_view s = skip_prolog(body);
  return s.substr(0, 7) == "<urlset" || s.substr(0, 13) == "<sitemapindex" ||
         (s.substr(0, 1) == "<" && (s.substr(0, 40).find(":urlset") != std::string_view::npos ||
                                    s.substr(0, 40).find(":sitemapindex") != std::string_view::npos));
}

std::vector<LinkCandidate> sitemap_links(std::string_view xml, const NormalUrl& base, size_t max_urls) {
  std::vector<LinkCandidate> out;
  std::string_view root = skip_prolog(xml);
  bool index = root.substr(0, 60).find("sitemapindex") != std::string_view::npos;
  size_t pos = 0;
  while (out.size() < max_urls) {
    size_t open = xml.find("<loc>", pos);
    if (open == std::string_view::npos) break;
    size_t start = open + 5;
    size_t close = xml.find("</loc>", start);
    if (close == std::string_view::npos) break;
    std::string_view value = trim(xml.substr(start, close - start));
    if (value.substr(0, 9) == "<![CDATA[" && value.size() >= 12 && value.substr(value.size() - 3) == "]]>") {
      value = trim(value.substr(9, value.size() - 12));
    }
    if (!value.empty()) add(out, base, value, index ? "sitemap" : "anchor");
    pos = close + 6;
  }
  return out;
}

std::optional<std::string> gunzip_capped(std::string_view body, size_t max_bytes) {
  if (body.size() < 2 || static_cast<unsigned char>(body[0]) != 0x1f || static_cast<unsigned char>(body[1]) != 0x8b)
    return std::nullopt;
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return std::nullopt;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  zs.avail_in = static_cast<uInt>(body.size());
  std::string out;
  char buf[64 * 1024];
  int rc = Z_OK;
  while (rc == Z_OK && out.size() < max_bytes) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    size_t n = sizeof buf - zs.avail_out;
    out.append(buf, std::min(n, max_bytes - out.size()));
    if (rc == Z_BUF_ERROR && n == 0) break;
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END && rc != Z_OK && out.empty()) return std::nullopt;
  return out;
}

}  // namespace exposcan
