// core/url.h — absolute URLs (RFC 3986) parsed, resolved and normalised with libcurl's curl_url API.
//
// A Url is an immutable value holding the components curl parsed; no curl type leaks into this
// header. Only absolute URLs with a scheme libcurl knows (http, https, file, ...) are accepted.
// Thread-safe: values only.
#pragma once

#include <string>
#include <string_view>

#include "core/expected.h"

namespace exposcan {

class Url {
 public:
  // Parses an absolute URL. Errors: code "url" with curl's reason.
  static Expected<Url> parse(std::string_view text);

  // Resolves `ref` (absolute or relative, RFC 3986 §5) against this URL.
  Expected<Url> resolve(std::string_view ref) const;

  // RFC 3986 §6 normal form used for dedup: lower-case scheme and host, default port dropped,
  // dot segments removed, percent-encodings upper-cased, unreserved characters decoded,
  // fragment removed, empty path becomes "/", user information dropped (a logged-out visitor
  // sends none, and no password written into a URL reaches a report or the history).
  Url normalized() const;

  // Same URL with the path and query replaced ("/robots.txt", "/a?b").
  Expected<Url> with_path_and_query(std::string_view path_and_query) const;

  const std::string& str() const { return m_full; }
  const std::string& scheme() const { return m_scheme; }
  const std::string& host() const { return m_host; }  // lower-case; IPv6 in brackets
  int port() const { return m_port; }                 // explicit or the scheme's default; -1 unknown
  bool has_explicit_port() const { return m_explicit_port; }
  const std::string& path() const { return m_path; }  // starts with '/' for http(s)
  const std::string& query() const { return m_query; }      // without '?'
  const std::string& fragment() const { return m_fragment; }  // without '#'
  bool has_query() const { return m_has_query; }

  std::string origin() const;          // "https://host" or "https://host:8443"
  std::string authority() const;       // "host" or "host:8443"
  std::string path_and_query() const;  // "/a/b?c"
  bool is_http() const { return m_scheme == "http" || m_scheme == "https"; }

  friend bool operator==(const Url& a, const Url& b) { return a.m_full == b.m_full; }

 private:
  friend class UrlBuilder;
  std::string m_full, m_scheme, m_host, m_path, m_query, m_fragment;
  int m_port = -1;
  bool m_explicit_port = false;
  bool m_has_query = false;
};

// The lower-case host of `url`, or "" when it does not parse.
std::string host_of(std::string_view url);

// True when `ref` starts with an RFC 3986 scheme followed by ':'.
bool has_scheme(std::string_view ref);

// Upper-cases percent-encoding hex digits and decodes octets of the unreserved set
// (ALPHA / DIGIT / "-" / "." / "_" / "~"); used by Url::normalized and the robots matcher.
std::string normalize_percent_encoding(std::string_view s);

// A host name in its ASCII form: lower-cased, and an international name (IDNA2008 with UTS #46
// mapping, as browsers and libcurl resolve it) in punycode, so that "MÜNCHEN.example" and
// "xn--mnchen-3ya.example" compare equal. Empty when the name is not a valid IDN. Url::parse applies it.
std::string host_to_ascii(std::string_view host);

// Percent-decodes %XX sequences (invalid sequences are kept verbatim).
std::string percent_decode(std::string_view s);

}  // namespace exposcan
