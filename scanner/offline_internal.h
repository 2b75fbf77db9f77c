// scanner/offline_internal.h — pieces shared by the offline readers (not a public API).
#pragma once

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
std::string base64_decode(std::string_view in);

void load_har(const std::filesystem::path& path, std::string_view data, const OfflineOptions& o, OfflineLoad& out);
void load_warc(const std::filesystem::path& path, std::string_view data, const OfflineOptions& o, OfflineLoad& out);
void load_saved_html(const std::filesystem::path& path, const OfflineOptions& o, OfflineLoad& out);
void load_saved_feed(const std::filesystem::path& path, const OfflineOptions& o, OfflineLoad& out);

// "file:///abs/path" of a local file.
std::string file_url(const std::filesystem::path& p);
// The media type of a saved feed from its first bytes (application/rss+xml, application/atom+xml,
// application/feed+json), or "" when it is not a feed.
std::string saved_feed_type(std::string_view head);
// The feed's own URL (Atom/RSS rel="self" link, JSON Feed feed_url), or "".
std::string saved_feed_url(std::string_view body, std::string_view content_type);

}  // namespace exposcan::offline
