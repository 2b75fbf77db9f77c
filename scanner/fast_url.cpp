#include "scanner/fast_url.h"

#include "core/text.h"
#include "core/url.h"

namespace exposcan {
namespace {

// Characters a normal path or query may hold as they are: unreserved, sub-delims, ':' '@' '/'
// (and '?' in the query). '%' is excluded on purpose: escapes need case and unreserved-decoding
// normalisation, which the slow path does.
constexpr bool is_plain_path_char(char c) {
  return is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '!' || c == '$' || c == '&' ||
         c == '\'' || c == '(' || c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '=' || c == ':' ||
         c == '@' || c == '/';
}

bool is_plain_host(std::string_view host) {
  if (host.empty() || host.size() > 253 || host.front() == '.' || host.back() == '.' || host.front() == '-')
    return false;
  bool all_numeric = true;
  char prev = 0;
  for (char c : host) {
    bool ok = (c >= 'a' && c <= 'z') || is_ascii_digit(c) || c == '-' || c == '.';
    if (!ok || (c == '.' && prev == '.')) return false;
    if (!is_ascii_digit(c) && c != '.') all_numeric = false;
    prev = c;
  }
  if (host.find("0x") != std::string_view::npos) return false;  // maybe a hex IPv4 form: slow path
  if (host.find("xn--") != std::string_view::npos) return false;  // IDNA: slow path
  if (!all_numeric) return true;
  // Numeric hosts must be a plain dotted quad (curl normalises "127.1", "010.0.0.1", ...).
  int parts = 0;
  size_t pos = 0;
  while (pos <= host.size()) {
    size_t dot = host.find('.', pos);
    if (dot == std::string_view::npos) dot = host.size();
    std::string_view part = host.substr(pos, dot - pos);
    if (part.empty() || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return false;
    int v = 0;
    for (char c : part) v = v * 10 + (c - '0');
    if (v > 255) return false;
    ++parts;
    pos = dot + 1;
  }
  return parts == 4;
}

constexpr bool is_upper_hex(char c) { return is_ascii_digit(c) || (c >= 'A' && c <= 'F'); }

// A "%XX" at s[i] as normal form writes it: upper-case hex of an octet outside the unreserved set.
bool is_normal_escape(std::string_view s, size_t i) {
  if (i + 2 >= s.size()) return false;
  if (!is_upper_hex(s[i + 1]) || !is_upper_hex(s[i + 2])) return false;
  char c = static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
  return !(is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~');
}

bool plain_chars(std::string_view s, bool query) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (is_plain_path_char(c) || (query && c == '?')) continue;
    if (c == '%' && is_normal_escape(s, i)) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

bool is_plain_path_and_query(std::string_view pq) {
  if (pq.empty() || pq[0] != '/') return false;
  size_t q = pq.find('?');
  std::string_view path = pq.substr(0, q);
  if (!plain_chars(path, false)) return false;
  // No dot segments and no empty segments ("//" is kept by curl but is a common mistake to dedup).
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '/') continue;
    std::string_view rest = path.substr(i + 1);
    size_t end = rest.find('/');
    std::string_view seg = rest.substr(0, end);
    if (seg == "." || seg == "..") return false;
    if (end == 0) return false;  // "//"
  }
  if (q == std::string_view::npos) return true;
  std::string_view query = pq.substr(q + 1);
  return !query.empty() && plain_chars(query, true);
}

std::string_view without_fragment(std::string_view s) {
  size_t hash = s.find('#');
  return hash == std::string_view::npos ? s : s.substr(0, hash);
}

std::optional<NormalUrl> slow_normalize(std::string_view url) {
  auto u = Url::parse(url);
  if (!u || !u->is_http() || u->host().empty()) return std::nullopt;
  Url n = u->normalized();
  NormalUrl out;
  out.origin_size = n.scheme().size() + 3 + n.authority().size();
  out.text = n.str();
  if (out.text.size() < out.origin_size) return std::nullopt;
  return out;
}

std::optional<NormalUrl> make(std::string_view text) {
  if (auto origin = plain_normal_origin(text)) return NormalUrl{std::string(text), *origin};
  // "https://host" (no path): the normal form adds "/".
  if (text.find('/', text.find("://") == std::string_view::npos ? 0 : text.find("://") + 3) ==
      std::string_view::npos) {
    std::string with_slash = std::string(text) + "/";
    if (auto origin = plain_normal_origin(with_slash)) return NormalUrl{std::move(with_slash), *origin};
  }
  return std::nullopt;
}

}  // namespace

std::string_view NormalUrl::host() const {
  std::string_view o = origin();
  size_t start = o.find("://");
  std::string_view authority = start == std::string_view::npos ? o : o.substr(start + 3);
  if (!authority.empty() && authority[0] == '[') return authority.substr(0, authority.find(']') + 1);
  return authority.substr(0, authority.rfind(':'));
}

std::optional<size_t> plain_normal_origin(std::string_view url) {
  size_t scheme_len = 0;
  int default_port = 0;
  if (url.substr(0, 7) == "http://") {
    scheme_len = 7;
    default_port = 80;
  } else if (url.substr(0, 8) == "https://") {
    scheme_len = 8;
    default_port = 443;
  } else {
    return std::nullopt;
  }
  size_t slash = url.find('/', scheme_len);
  if (slash == std::string_view::npos) return std::nullopt;  // normal form has a path
  std::string_view authority = url.substr(scheme_len, slash - scheme_len);
  std::string_view host = authority;
  size_t colon = authority.find(':');
  if (colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    std::string_view port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port[0] == '0') return std::nullopt;
    int v = 0;
    for (char c : port) {
      if (!is_ascii_digit(c)) return std::nullopt;
      v = v * 10 + (c - '0');
    }
    if (v > 65535 || v == default_port) return std::nullopt;
  }
  if (!is_plain_host(host)) return std::nullopt;
  if (!is_plain_path_and_query(url.substr(slash))) return std::nullopt;
  return slash;
}

std::optional<NormalUrl> normalize_http_url(std::string_view url) {
  url = trim(url);
  if (auto fast = make(without_fragment(url))) return fast;
  return slow_normalize(url);
}

std::optional<NormalUrl> normalize_owned_http_url(std::string&& url) {
  if (auto origin = plain_normal_origin(url)) return NormalUrl{std::move(url), *origin};
  return normalize_http_url(std::string_view(url));
}

std::optional<NormalUrl> resolve_http_link(const NormalUrl& base, std::string_view ref) {
  ref = trim(ref);
  // As browsers do (WHATWG URL), ASCII tabs and newlines inside the value are dropped.
  std::string stripped;
  if (ref.find_first_of("\t\n\r") != std::string_view::npos) {
    for (char c : ref)
      if (c != '\t' && c != '\n' && c != '\r') stripped += c;
    ref = stripped;
  }
  if (ref.empty() || ref[0] == '#') return std::nullopt;
  bool controls = false;  // other control characters: only the slow path handles them
  for (char c : ref)
    if (static_cast<unsigned char>(c) < 0x20) controls = true;
  std::string_view plain = without_fragment(ref);
  if (controls) {
    // fall through to the slow path
  } else if (has_scheme(ref)) {
    if (!(istarts_with(ref, "http:") || istarts_with(ref, "https:"))) return std::nullopt;
    if (auto fast = make(plain)) return fast;
  } else if (plain.size() >= 1 && plain[0] == '/' && (plain.size() < 2 || plain[1] != '/')) {
    std::string text;
    text.reserve(base.origin_size + plain.size());
    text.append(base.origin()).append(plain);
    if (is_plain_path_and_query(plain)) return NormalUrl{std::move(text), base.origin_size};
  } else if (!plain.empty() && plain[0] != '/' && plain[0] != '?' && plain[0] != '.') {
    std::string_view bpq = base.path_and_query();
    std::string_view dir = bpq.substr(0, bpq.substr(0, bpq.find('?')).rfind('/') + 1);
    std::string text;
    text.reserve(base.origin_size + dir.size() + plain.size());
    text.append(base.origin()).append(dir).append(plain);
    if (is_plain_path_and_query(std::string_view(text).substr(base.origin_size)))
      return NormalUrl{std::move(text), base.origin_size};
  }
  auto b = Url::parse(base.text);
  if (!b) return std::nullopt;
  auto r = b->resolve(ref);
  if (!r || !r->is_http()) return std::nullopt;
  return slow_normalize(r->str());
}

}  // namespace exposcan
