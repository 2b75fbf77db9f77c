// store/store_impl.h — HistoryStore's shared state, private to store/ (split over store_*.cpp).
#pragma once

#include <mutex>
#include <string>
#include <unordered_set>

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

  // SHA-256 (raw) of blobs known to be stored: a hint that lets writers skip compressing content
  // the file already has. The database stays the authority (INSERT … ON CONFLICT).
  std::mutex blob_mutex;
  std::unordered_set<std::string> known_blobs;

  // "<path>: <what went wrong>", in plain words when the file itself is damaged or foreign.
  Error describe(const sql::Db& db, const Error& e) const;
};

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
