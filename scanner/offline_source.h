// scanner/offline_source.h — Pages from what a browser saved, for what a crawler cannot fetch.
//
// Three offline sources feed the same pipeline as live fetches (DESIGN §1, §6):
// - saved HTML files and folders ("Save page as…"): the original URL comes from
//   <link rel=canonical>, else og:url, else the browser's "saved from url=(NNNN)…" comment, else
//   the file:// URL; folders are read recursively (*.html, *.htm; the "<name>_files" asset folders
//   browsers create are skipped);
// - HAR 1.2 files exported from a browser's developer tools: every HTML, JSON, XML and feed
//   response in them (base64 bodies decoded), with its status, headers and startedDateTime; also
//   a HAR in a ZIP archive with its body files (.har.zip, Playwright's recordHar);
// - saved feeds (RSS, Atom, JSON Feed: .rss, .atom, or .xml/.json whose content is a feed), with the
//   feed's own self link as URL;
// - WARC 1.0/1.1 files, plain or gzip-compressed per record (.warc.gz): `response` records with
//   application/http (chunked transfer coding removed, gzip/deflate content coding decoded) and
//   `resource` records.
// Each Page has origin file / har / warc, is user-directed (the person chose to load it), and its
// text body is converted to UTF-8 like a live response. Bodies are capped; problems with single
// entries are collected in `errors` and loading goes on. Not thread-safe per call; pure otherwise.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "scanner/page.h"

namespace exposcan {

enum class OfflineFormat { html_file, html_folder, har, har_zip, warc, feed_file, unknown };

// What the WARC files read so far in one scan hold, by WARC-Payload-Digest, for the revisit records
// of later files (Wget's --warc-dedup points its revisits at the earlier file's records). Copies
// of pages are kept up to max_bytes of bodies; the digests of responses that were no page (images,
// scripts) are remembered so that their revisits pass quietly.
struct WarcPayloads {
  std::map<std::string, Page> pages;
  std::set<std::string> skipped;
  size_t bytes = 0;
  size_t max_bytes = 64u << 20;
};

struct OfflineOptions {
  size_t max_body_bytes = 8u << 20;  // per page
  size_t max_pages = 5000;           // per source
  size_t max_file_bytes = 2048ull << 20;
  // Shared by the WARC files of one scan (see WarcPayloads); without it each file stands alone.
  std::shared_ptr<WarcPayloads> payloads;
};

struct OfflineLoad {
  std::vector<Page> pages;
  std::vector<std::string> errors;  // "<file>: <what>" per skipped entry
};

// The kind of an existing path (by directory, extension, then content); unknown otherwise.
OfflineFormat offline_format(const std::filesystem::path& path);

// True when `target` is not an http(s) URL and names an existing file or folder.
bool is_offline_target(std::string_view target);

// Loads every page of a saved file, folder, HAR or WARC. Errors: "io" (cannot read) and
// "usage" (not a format exposcan reads) with the path in the message.
Expected<OfflineLoad> load_offline(const std::filesystem::path& path, const OfflineOptions& options = {});

// The original URL of a saved HTML document (canonical, og:url, "saved from" comment), or "".
std::string saved_page_url(std::string_view html);

}  // namespace exposcan
