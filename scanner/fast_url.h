// scanner/fast_url.h — URL normalisation and resolution on the crawl's hot path.
//
// Every link a page yields is normalised (core/url.h, on libcurl's curl_url API) before the
// frontier's dedup; with ~30 links per page that parse was a large share of the fetch stage. Most
// links are already in normal form ("https://host/a/b?c", lower-case host, no default port, no
// percent-encoding, no dot segments): these functions recognise that with one pass over the
// characters and fall back to Url::parse + Url::normalized for everything else, so the result is
// always what core/url would give (tests/scanner/fast_url_test.cpp checks the two agree).
// Thread-safe: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace exposcan {

class Url;

// An absolute http(s) URL in RFC 3986 normal form, with the split point between origin and
// path+query.
struct NormalUrl {
  std::string text;        // "https://host:8443/a?b"
  size_t origin_size = 0;  // "https://host:8443"

  std::string_view origin() const { return std::string_view(text).substr(0, origin_size); }
  std::string_view path_and_query() const { return std::string_view(text).substr(origin_size); }
  std::string_view host() const;  // without port; IPv6 in brackets
};

// When `url` (fragment removed) is already an http(s) URL in normal form, its origin length;
// nullopt when it is not plainly normal (the caller must use the slow path).
std::optional<size_t> plain_normal_origin(std::string_view url);

// Normalises an absolute URL; nullopt for non-http(s) or invalid URLs.
std::optional<NormalUrl> normalize_http_url(std::string_view url);
// Same, taking the text over when it is already normal (no copy).
std::optional<NormalUrl> normalize_owned_http_url(std::string&& url);

// Resolves `ref` (an href value as written) against `base` (a normalised http(s) URL) and
// normalises the result; nullopt for references to the page itself (empty, "#..."), non-http(s)
// schemes (mailto:, javascript:, ...) and invalid references.
std::optional<NormalUrl> resolve_http_link(const NormalUrl& base, std::string_view ref);

}  // namespace exposcan
