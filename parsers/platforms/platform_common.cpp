#include "parsers/platforms/platform_common.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "core/hash.h"
#include "core/text.h"
#include "core/url.h"
#include "parsers/html_dates.h"
#include "parsers/html_scan.h"
#include "parsers/links.h"
#include "parsers/page_signals.h"

namespace exposcan {

using nlohmann::json;

Item platform_item(const Page& page, const ParseOutput& out, std::string platform) {
  Item it;
  it.platform = std::move(platform);
  it.source_url = page.final_url.empty() ? page.url : page.final_url;
  it.source_sha256 = page.sha256;
  it.provenance = std::string(to_string(page.origin));
  it.signals = out.signals;
  it.visibility = page.ok() ? Visibility::public_ : Visibility::unknown;
  return it;
}

std::string last_path_segment(std::string_view url) {
  auto u = Url::parse(url);
  std::string_view path = u ? std::string_view(u->path()) : url;
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

json parse_json_page(const Page& page, ParseOutput& out) {
  std::string url = page.final_url.empty() ? page.url : page.final_url;
  if (!out.signals) out.signals = std::make_shared<PageSignals>(extract_page_signals(HtmlScan{}, page.headers, url, &out.errors));
  std::string_view body = page.body;
  // JSONP / anti-hijacking prefixes: ")]}'" and "for (;;);".
  for (std::string_view prefix : {std::string_view(")]}'"), std::string_view("for (;;);")})
    if (body.substr(0, prefix.size()) == prefix) body.remove_prefix(prefix.size());
  try {
    return json::parse(body);
  } catch (const json::parse_error& e) {
    out.errors.push_back("invalid JSON from " + url + ": byte " + std::to_string(e.byte) +
                         (page.truncated ? " (body truncated at the size cap)" : ""));
    return json(json::value_t::discarded);
  } catch (const json::exception& e) {  // e.g. out_of_range: a number too large (found by fuzz_json_github)
    out.errors.push_back("invalid JSON from " + url + ": " + e.what());
    return json(json::value_t::discarded);
  }
}

std::optional<double> jcoordinate(const json& j, std::string_view key) {
  if (!j.is_object()) return std::nullopt;
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  std::optional<double> v;
  if (it->is_number()) {
    v = it->get<double>();
  } else if (it->is_string()) {
    const std::string& s = it->get_ref<const std::string&>();
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size()) v = d;
  }
  if (!v || !std::isfinite(*v) || *v < -180 || *v > 180) return std::nullopt;
  return v;
}

std::string jstr(const json& j, std::string_view key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

long long jint(const json& j, std::string_view key, long long fallback) {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  if (it == j.end()) return fallback;
  if (it->is_number_integer()) return it->get<long long>();
  if (it->is_number()) {
    double d = it->get<double>();
    return d > -9.2e18 && d < 9.2e18 ? static_cast<long long>(d) : fallback;  // NaN fails both
  }
  return fallback;
}

bool jbool(const json& j, std::string_view key, bool fallback) {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

const json& jobj(const json& j, std::string_view key) {
  static const json k_null;
  if (!j.is_object()) return k_null;
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? *it : k_null;
}

const json& jarr(const json& j, std::string_view key) {
  static const json k_empty = json::array();
  if (!j.is_object()) return k_empty;
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : k_empty;
}

std::string jid(const json& j, std::string_view key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  if (it->is_number_unsigned()) return std::to_string(it->get<unsigned long long>());
  return {};
}

std::optional<TimePoint> from_epoch(const json& v) {
  double secs = 0;
  if (v.is_number()) secs = v.get<double>();
  else if (v.is_string()) {
    try {
      secs = std::stod(v.get<std::string>());
    } catch (...) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  // Before 1970, or after what a TimePoint holds (2262): not a date worth keeping.
  if (!(secs > 0) || secs > 9'000'000'000.0) return std::nullopt;
  return std::chrono::system_clock::time_point(std::chrono::seconds(static_cast<long long>(secs)));
}

std::string link_header_target(const Page& page, std::string_view rel) {
  auto targets = link_header_targets(page.headers, rel);
  if (targets.empty()) return {};
  std::string resolved = resolve_link(page.final_url.empty() ? page.url : page.final_url, targets.front());
  return resolved.empty() ? targets.front() : resolved;
}

namespace {
std::string percent_encode_component(std::string_view s) {
  static const char* k_hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (is_ascii_alnum(static_cast<char>(c)) || c == '-' || c == '_' || c == '.' || c == '~' || c == ':') out += static_cast<char>(c);
    else {
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 15];
    }
  }
  return out;
}
}  // namespace

std::string with_query_param(std::string_view url, std::string_view name, std::string_view value) {
  std::string_view frag;
  if (size_t h = url.find('#'); h != std::string_view::npos) {
    frag = url.substr(h);
    url = url.substr(0, h);
  }
  size_t q = url.find('?');
  std::string base(url.substr(0, q));
  std::string out_query;
  if (q != std::string_view::npos) {
    for (auto part : split(url.substr(q + 1), '&')) {
      if (part.empty()) continue;
      std::string_view key = part.substr(0, part.find('='));
      if (key == name) continue;
      if (!out_query.empty()) out_query += '&';
      out_query += part;
    }
  }
  if (!out_query.empty()) out_query += '&';
  out_query += std::string(name) + "=" + percent_encode_component(value);
  return base + "?" + out_query + std::string(frag);
}

std::string query_param(std::string_view url, std::string_view name) {
  size_t q = url.find('?');
  if (q == std::string_view::npos) return {};
  std::string_view query = url.substr(q + 1, url.find('#', q) == std::string_view::npos ? std::string_view::npos : url.find('#', q) - q - 1);
  for (auto part : split(query, '&')) {
    size_t eq = part.find('=');
    if (part.substr(0, eq) == name) return eq == std::string_view::npos ? std::string() : percent_decode(part.substr(eq + 1));
  }
  return {};
}

std::pair<std::string, std::string> name_and_handle(std::string_view s) {
  s = trim(s);
  size_t at = s.rfind(" (@");
  if (at == std::string_view::npos || s.back() != ')') return {"", std::string(s)};
  return {std::string(trim(s.substr(0, at))), std::string(s.substr(at + 3, s.size() - at - 4))};
}

std::string largest_candidate(const json& candidates) {
  std::string url;
  long long best = -1;
  if (!candidates.is_array()) return url;
  for (const json& c : candidates) {
    std::string u = jstr(c, "url");
    // Sizes are clamped: the product of two hostile values must not overflow.
    long long area = std::clamp(jint(c, "width"), 0LL, 1LL << 20) * std::clamp(jint(c, "height"), 0LL, 1LL << 20);
    if (!u.empty() && area > best) best = area, url = std::move(u);
  }
  return url;
}

void add_media(Item& item, std::string url, std::string type, std::string alt) {
  url = std::string(trim(url));
  if (url.empty()) return;
  for (auto& m : item.media)
    if (m.url == url) {
      if (m.alt.empty()) m.alt = std::move(alt);
      return;
    }
  item.media.push_back({std::move(url), std::move(type), std::move(alt)});
}

void add_field_once(Item& item, std::string name, std::string value) {
  std::pair<std::string, std::string> field{std::move(name), std::move(value)};
  if (!field.second.empty() && std::find(item.fields.begin(), item.fields.end(), field) == item.fields.end())
    item.fields.push_back(std::move(field));
}

std::vector<Item> jsonld_comment_items(const JsonLdResult& ld, const Page& page, const ParseOutput& out, const Item& post,
                                       const std::function<Person(const JsonLdRef&)>& person) {
  constexpr size_t k_max_comments = 1000;
  std::vector<Item> items;
  std::set<std::string> seen;
  for (const JsonLdNode& n : ld.nodes) {
    if (items.size() >= k_max_comments) break;
    if (!n.is("Comment") || n.body.empty()) continue;
    Item c = platform_item(page, out, post.platform);
    c.kind = ItemKind::comment;
    c.extractor = post.extractor;
    c.url = post.url;
    c.parent_id = post.id;
    c.text = n.body;
    c.visibility = post.visibility;
    if (!n.authors.empty()) c.author = person(n.authors[0]);
    if (auto ts = normalize_datetime(n.date_published)) c.published_at = ts;
    // Not the author's URL: its host varies with the visitor's country (uk.linkedin.com).
    c.id = post.platform + ":comment:" + sha256_hex(c.author.name + "\n" + c.author.handle + "\n" + n.date_published + "\n" + n.body).substr(0, 16);
    if (seen.insert(c.id).second) items.push_back(std::move(c));
  }
  return items;
}

void add_meta_media(Item& item, const json& media) {
  const std::string alt = jstr(media, "accessibility_caption");
  add_media(item, largest_candidate(jarr(jobj(media, "image_versions2"), "candidates")), "image", alt);
  for (const json& v : jarr(media, "video_versions"))
    if (std::string u = jstr(v, "url"); !u.empty()) {
      add_media(item, std::move(u), "video", alt);
      break;  // the same video in several encodings
    }
}

namespace {

// The code point at `text[pos]` (a UTF-8 lead byte) and its length; {0xFFFD, 1} when malformed.
std::pair<char32_t, size_t> code_point_at(std::string_view text, size_t pos) {
  const auto b = static_cast<unsigned char>(text[pos]);
  const size_t n = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
  if (n == 0 || pos + n > text.size()) return {0xFFFD, 1};
  char32_t cp = b & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(text[pos + k]);
    if ((c & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (c & 0x3F);
  }
  return {cp, n};
}

// Non-ASCII characters that end a URL written in text: spaces (no-break, thin, ideographic),
// quotation marks and ellipsis, and CJK / full-width punctuation ("请看https://a.example/，谢谢").
bool ends_url(char32_t cp) {
  return cp == 0xA0 || cp == 0xAB || cp == 0xBB || (cp >= 0x2000 && cp <= 0x200B) || (cp >= 0x2018 && cp <= 0x201F) ||
         cp == 0x2026 || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || (cp >= 0x3000 && cp <= 0x3011) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFFFD;
}

}  // namespace

std::vector<std::string> urls_in_text(std::string_view text) {
  std::vector<std::string> out;
  const std::string lowered = ascii_lower(text);
  // One left-to-right pass: every "http" is looked at once.
  for (size_t start = lowered.find("http"); start != std::string::npos; start = lowered.find("http", start + 1)) {
    std::string_view rest = std::string_view(lowered).substr(start);
    if (rest.rfind("https://", 0) != 0 && rest.rfind("http://", 0) != 0) continue;
    // Part of a longer word ("xhttp://") is no link.
    if (start > 0 && is_ascii_alnum(text[start - 1])) continue;
    size_t end = start;
    int open_parens = 0, open_brackets = 0;
    while (end < text.size()) {
      const char c = text[end];
      if (static_cast<unsigned char>(c) >= 0x80) {
        auto [cp, len] = code_point_at(text, end);
        if (ends_url(cp)) break;
        end += len;
        continue;
      }
      if (is_ascii_space(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`') break;
      if (c == '(') ++open_parens;
      if (c == '[') ++open_brackets;
      if (c == ')' && --open_parens < 0) break;
      if (c == ']' && --open_brackets < 0) break;
      ++end;
    }
    const size_t scanned_to = end;
    while (end > start && std::string_view(".,;:!?*_~").find(text[end - 1]) != std::string_view::npos) --end;
    std::string candidate(text.substr(start, end - start));
    auto url = Url::parse(candidate);
    if (url && !url->host().empty() && std::find(out.begin(), out.end(), candidate) == out.end()) out.push_back(std::move(candidate));
    start = scanned_to > start ? scanned_to - 1 : start;
  }
  return out;
}

}  // namespace exposcan
