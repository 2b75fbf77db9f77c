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

std::string host_name();
// True when `pid` names a live process on this host (this process included).
bool process_alive(int64_t pid);

}  // namespace exposcan
