#include "core/url.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <idn2.h>

#include <array>
#include <memory>

#include "core/text.h"

namespace exposcan {
namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

std::string get_part(CURLU* h, CURLUPart part, unsigned flags = 0) {
  char* out = nullptr;
  if (curl_url_get(h, part, &out, flags) != CURLUE_OK || out == nullptr) return {};
  std::string s(out);
  curl_free(out);
  return s;
}

bool has_part(CURLU* h, CURLUPart part) {
  char* out = nullptr;
  CURLUcode rc = curl_url_get(h, part, &out, 0);
  if (out) curl_free(out);
  return rc == CURLUE_OK;
}

int default_port(const std::string& scheme) {
  if (scheme == "http") return 80;
  if (scheme == "https") return 443;
  if (scheme == "ftp") return 21;
  return -1;
}

Error url_error(std::string_view text, CURLUcode rc) {
  std::string shown(text.substr(0, 200));
  return make_error("url", "invalid URL '" + shown + "': " + curl_url_strerror(rc));
}

}  // namespace

std::string host_of(std::string_view url) {
  auto u = Url::parse(url);
  return u ? u->host() : std::string();
}

bool has_scheme(std::string_view ref) {
  if (ref.empty() || !is_ascii_alpha(ref[0])) return false;
  for (size_t i = 1; i < ref.size(); ++i) {
    char c = ref[i];
    if (c == ':') return true;
    if (!(is_ascii_alnum(c) || c == '+' || c == '-' || c == '.')) return false;
  }
  return false;
}

std::string host_to_ascii(std::string_view host) {
  if (is_ascii(host)) return ascii_lower(host);
  const std::string in(host);
  char* out = nullptr;
  int rc = idn2_to_ascii_8z(in.c_str(), &out, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
  if (rc != IDN2_OK) rc = idn2_to_ascii_8z(in.c_str(), &out, IDN2_NFC_INPUT | IDN2_TRANSITIONAL);
  std::string result = rc == IDN2_OK && out ? ascii_lower(out) : std::string();
  idn2_free(out);
  return result;
}

class UrlBuilder {
 public:
  static Expected<Url> from_handle(CURLU* h) {
    Url u;
    u.m_scheme = ascii_lower(get_part(h, CURLUPART_SCHEME));
    const std::string host = get_part(h, CURLUPART_HOST);
    u.m_host = host_to_ascii(host);
    if (u.m_host.empty() && !host.empty()) return make_error("url", "invalid international host name '" + host + "'");
    if (!is_ascii(host) && curl_url_set(h, CURLUPART_HOST, u.m_host.c_str(), 0) != CURLUE_OK)
      return make_error("url", "could not set host '" + u.m_host + "'");
    std::string port = get_part(h, CURLUPART_PORT);
    u.m_explicit_port = !port.empty();
    u.m_port = port.empty() ? default_port(u.m_scheme) : std::atoi(port.c_str());
    u.m_path = get_part(h, CURLUPART_PATH);
    u.m_has_query = has_part(h, CURLUPART_QUERY);
    u.m_query = get_part(h, CURLUPART_QUERY);
    u.m_fragment = get_part(h, CURLUPART_FRAGMENT);
    u.m_full = get_part(h, CURLUPART_URL);
    if (u.m_full.empty()) return make_error("url", "could not render URL");
    return u;
  }
};

Expected<Url> Url::parse(std::string_view text) {
  // The same few URLs are parsed over and over while one page is handled (its URL for each
  // item's host, exposure and links), and curl's parse and eight part reads cost far more than a
  // copy: each thread remembers its last few successful parses.
  struct Memo {
    std::string text;
    Url url;
  };
  constexpr size_t k_memo_size = 8;
  thread_local std::array<Memo, k_memo_size> memo;
  thread_local size_t next_slot = 0;
  for (const Memo& m : memo)
    if (!m.text.empty() && m.text == text) return m.url;
  UrlHandle h(curl_url());
  std::string s(trim(text));
  CURLUcode rc = curl_url_set(h.get(), CURLUPART_URL, s.c_str(), CURLU_URLENCODE | CURLU_ALLOW_SPACE);
  if (rc != CURLUE_OK) return url_error(text, rc);
  auto url = UrlBuilder::from_handle(h.get());
  if (url && !text.empty() && text.size() <= 2048) {
    memo[next_slot] = Memo{std::string(text), *url};
    next_slot = (next_slot + 1) % k_memo_size;
  }
  return url;
}

Expected<Url> Url::resolve(std::string_view ref) const {
  UrlHandle h(curl_url());
  if (curl_url_set(h.get(), CURLUPART_URL, m_full.c_str(), 0) != CURLUE_OK)
    return make_error("url", "invalid base URL");
  std::string r(trim(ref));
  // RFC 3986 §5.2.2: an empty reference, or a fragment alone, keeps the base's path and query.
  // curl 7.88 resolves both against the base's directory ("#s" on http://a/b/c/d;p?q gave
  // http://a/b/c/#s), which turned every same-page anchor into a link to the parent folder.
  // The fragment is percent-encoded as a relative reference's would be (space, controls, non-ASCII,
  // and "<>`, the WHATWG fragment set); an empty fragment ("#") is dropped, as curl drops it.
  // Not curl_url_set(CURLUPART_FRAGMENT, CURLU_URLENCODE): curl 7.88 encodes '%' there too, so an
  // escape already written ("#%41") became "#%2541".
  if (r.empty() || r[0] == '#') {
    std::string out = m_full.substr(0, m_full.find('#'));
    if (r.size() > 1) {
      out += '#';
      for (unsigned char c : std::string_view(r).substr(1)) {
        if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '`')
          out += fmt::format("%{:02X}", c);
        else
          out += static_cast<char>(c);
      }
    }
    return parse(out);
  }
  CURLUcode rc = curl_url_set(h.get(), CURLUPART_URL, r.c_str(), CURLU_URLENCODE | CURLU_ALLOW_SPACE);
  if (rc != CURLUE_OK) return url_error(ref, rc);
  return UrlBuilder::from_handle(h.get());
}

Expected<Url> Url::with_path_and_query(std::string_view path_and_query) const {
  return resolve(std::string(path_and_query.empty() || path_and_query[0] != '/' ? "/" : "") +
                 std::string(path_and_query));
}

Url Url::normalized() const {
  // Setting parts one by one makes curl lower-case percent-encodings, so render the normal
  // form as one string and let curl parse it once (which also removes dot segments).
  std::string text = m_scheme + "://" + authority() + normalize_percent_encoding(m_path.empty() ? "/" : m_path);
  if (m_has_query) text += "?" + normalize_percent_encoding(m_query);
  UrlHandle h(curl_url());
  if (curl_url_set(h.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) return *this;
  auto out = UrlBuilder::from_handle(h.get());
  return out ? *out : *this;
}

std::string Url::authority() const {
  if (m_explicit_port && m_port != default_port(m_scheme)) return m_host + ":" + std::to_string(m_port);
  return m_host;
}

std::string Url::origin() const { return m_scheme + "://" + authority(); }

std::string Url::path_and_query() const {
  std::string s = m_path.empty() ? "/" : m_path;
  if (m_has_query) s += "?" + m_query;
  return s;
}

std::string normalize_percent_encoding(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && is_hex_digit(s[i + 1]) && is_hex_digit(s[i + 2])) {
      int v = hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]);
      char c = static_cast<char>(v);
      if (is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
        out += c;
      } else {
        out += '%';
        out += ascii_upper_char(s[i + 1]);
        out += ascii_upper_char(s[i + 2]);
      }
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && is_hex_digit(s[i + 1]) && is_hex_digit(s[i + 2])) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace exposcan
