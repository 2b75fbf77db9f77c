// scanner/offline_internal.h — pieces shared by the offline readers (not a public API).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/offline_source.h"

namespace exposcan::offline {

// Fills content type (sniffed), charset, UTF-8 body (capped), sha256 and the common fields.
void finish_page(Page& page, std::string raw_body, std::string_view content_type_header, PageOrigin origin,
                 const std::string& target, size_t max_body_bytes);

// Decodes gzip / zlib / raw deflate data (capped at `max_out`); false on a damaged stream.
bool inflate_bytes(std::string_view in, std::string& out, size_t max_out, bool* truncated = nullptr);
// Brotli (RFC 7932), with the same cap: at most `max_out` bytes are produced, `*truncated` is set
// when there was more. False when the stream is damaged.
bool brotli_bytes(std::string_view in, std::string& out, size_t max_out, bool* truncated = nullptr);
// Zstandard (RFC 8878, the "zstd" content coding), with the same cap and the same answers.
bool zstd_bytes(std::string_view in, std::string& out, size_t max_out, bool* truncated = nullptr);
std::string base64_decode(std::string_view in);
// A zstd frame's or the WARC zstd dictionary frame's magic number at the start of `data` (.warc.zst).
bool is_zstd_start(std::string_view data);

// A 3xx answer read from a capture: `from` redirected to `to` (its Location, resolved).
struct RedirectHop {
  std::string from, to;
};
// Folds the redirects of one capture file into the pages they led to (pages[first..]): such a
// page's url becomes the first address of its chain and `redirects` the addresses that
// redirected, in order, as a live fetch records them (so a capture that was sent to a sign-in page
// reads as a login wall). Chains are followed back at most 10 hops; loops end them.
void fold_redirects(std::vector<Page>& pages, size_t first, const std::vector<RedirectHop>& hops);
// The hop of a 3xx answer for `url` with a Location header (or HAR's redirectURL), if any.
std::optional<RedirectHop> redirect_hop(const std::string& url, int status, const std::vector<HttpHeader>& headers,
                                        std::string_view redirect_url = {});

// Where a HAR's body files (content._file, Playwright's "attach" mode) are read from: `read`
// returns a body (at most max_body_bytes + 1 bytes) or nullopt; `place` ends the error message
// ("beside the HAR").
struct HarBodyFiles {
  std::function<std::optional<std::string>(const std::string& name)> read;
  std::string place;
};
// A HAR's pages; body files are read from the HAR's folder.
void load_har(const std::filesystem::path& path, std::string_view data, const OfflineOptions& o, OfflineLoad& out);
void load_har(const std::filesystem::path& path, std::string_view data, const OfflineOptions& o, OfflineLoad& out,
              const HarBodyFiles& body_files);
// A ZIP archive holding a HAR and its body files (Playwright's recordHar to a .zip path): the
// entry named har.har, else the first one ending in .har. Entries are read capped, never extracted.
void load_har_zip(const std::filesystem::path& path, const OfflineOptions& o, OfflineLoad& out);
// The same from an archive in memory; `name` stands for it in messages (fuzzing, tests).
void load_har_zip(const std::filesystem::path& name, std::string_view data, const OfflineOptions& o, OfflineLoad& out);
// True when `data` starts like a ZIP archive (a local file header, or the end record of an empty one).
bool is_zip_start(std::string_view data);
void load_warc(const std::filesystem::path& path, std::string_view data, const OfflineOptions& o, OfflineLoad& out);
void load_saved_html(const std::filesystem::path& path, const OfflineOptions& o, OfflineLoad& out);
void load_saved_feed(const std::filesystem::path& path, const OfflineOptions& o, OfflineLoad& out);

// Whether a captured response of this media type is a page to read: HTML, XML (but not an SVG
// image), feeds, JSON.
bool page_type(std::string_view content_type);
// An error answer (a 404 or 403 page) to a request for a stylesheet, script, image, font or icon:
// the browser's or archiver's fetch of a page's requisites, which a scan never makes. `har_type`
// is a HAR entry's `_resourceType` (Chrome, Playwright), when it has one.
bool failed_requisite(std::string_view url, int status, std::string_view har_type = {});

// A body read from a file: at most max_bytes + 1 bytes (finish_page records the cut), nullopt when
// the file cannot be opened.
std::optional<std::string> read_body_file(const std::filesystem::path& p, size_t max_bytes);

// "file:///abs/path" of a local file.
std::string file_url(const std::filesystem::path& p);
// A saved file as a Page (body capped and decoded, fetched_at from its mtime, URL file_url(p)); a
// file that cannot be read is an error in `out` and nullopt.
std::optional<Page> read_saved_file(const std::filesystem::path& p, const OfflineOptions& o, OfflineLoad& out,
                                    std::string_view content_type, const std::string& target);

// Value of attribute `name` in one tag's text ("<link rel=canonical href='x'>"), or nullopt.
std::optional<std::string> tag_attr(std::string_view tag, std::string_view name);
// The common character references of attribute values undone, and trimmed.
std::string unescape_attr(std::string s);
bool is_absolute_http(const std::string& u);

}  // namespace exposcan::offline
