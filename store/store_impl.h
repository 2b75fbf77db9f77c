// store/store_impl.h — HistoryStore's shared state, private to store/ (split over store_*.cpp).
#pragma once

#include <mutex>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>

#include "store/history_store.h"
#include "store/sqlite_db.h"

namespace exposcan {

inline constexpr int k_busy_timeout_ms = 60'000;

struct HistoryStore::Impl {
  std::filesystem::path path;
  std::string key;
  int version = 0;

  std::mutex write_mutex;  // guards `writer`
  sql::Db writer;
  std::mutex read_mutex;  // guards `reader`
  sql::Db reader;

  // True when the file already has a blob with this SHA-256 (raw): lets writers skip compressing
  // content stored before (by this scan or an earlier one) without a set in memory that grows with
  // the scan. A hint read on the reader connection; the writer's transaction stays the authority.
  bool has_blob(const std::string& sha);

  // Origins whose site files this process has recorded, per scan (a few per scan; two pages of one
  // origin racing both insert, and the table's key keeps one).
  bool site_recorded(int64_t scan_id, const std::string& origin);
  void mark_site_recorded(int64_t scan_id, const std::string& origin);
  std::mutex site_mutex;
  std::set<std::pair<int64_t, std::string>> sites;

  // "<path>: <what went wrong>", in plain words when the file itself is damaged or foreign.
  Error describe(const sql::Db& db, const Error& e) const;
};

// The site files a scan records per origin (table site_files), by the name stored in its rows.
inline constexpr std::pair<const char*, SiteFile SiteSignals::*> k_site_files[] = {
    {"robots.txt", &SiteSignals::robots_file}, {"tdmrep.json", &SiteSignals::tdmrep_file}, {"ai.txt", &SiteSignals::ai_txt_file}};

// Columns stored_page() reads, in this order: pages `p`, its headers blob `h` and body blob `b`.
inline constexpr const char* k_stored_page_columns =
    "p.url, p.final_url, p.redirects, p.status, p.content_type, p.charset, p.sha256, p.truncated, p.http_version, "
    "h.size, h.data, b.size, b.data, p.fetched_at, p.origin, p.target, p.depth";
// A stored page (headers and body inflated) from a row of k_stored_page_columns.
Expected<Page> stored_page(const sql::Stmt& row);

std::string host_name();
// True when `pid` names a live process on this host (this process included).
bool process_alive(int64_t pid);

}  // namespace exposcan
