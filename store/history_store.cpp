// HistoryStore: opening, validating and migrating the state file; the fingerprint key.
#include "store/history_store.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <chrono>
#include <set>
#include <thread>

#include "core/hash.h"
#include "store/schema.h"
#include "store/store_impl.h"

namespace exposcan {
namespace fs = std::filesystem;
namespace {

// Creates the missing folders of `dir`, each 0700 (XDG base directory spec).
Status make_private_dirs(const fs::path& dir) {
  if (dir.empty() || fs::is_directory(dir)) return {};
  if (auto s = make_private_dirs(dir.parent_path()); !s) return s;
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    return make_error("store", "cannot create " + dir.string() + ": " + std::strerror(errno));
  return {};
}

Status create_private_file(const fs::path& path) {
  if (auto s = make_private_dirs(path.parent_path()); !s) return s;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST) return make_error("store", "cannot create " + path.string() + ": " + std::strerror(errno));
  if (fd >= 0) ::close(fd);
  return {};
}

// Refuses files exposcan must not touch; reads only (no header change before this passes).
Status validate(sql::Db& db, const HistoryStore::Impl& impl, bool& fresh) {
  // The three reads in one read transaction: a file another exposcan is creating at this moment is
  // seen before its schema commit (fresh) or after it, never half way (tables counted before the
  // commit and the version read after it looked like another application's database).
  if (auto s = db.exec("BEGIN"); !s) return impl.describe(db, s.error());
  struct EndRead {
    sql::Db& db;
    ~EndRead() { (void)db.exec("COMMIT"); }
  } end_read{db};
  auto tables = db.query_int("SELECT count(*) FROM sqlite_master");
  if (!tables) return impl.describe(db, tables.error());
  auto app = db.query_int("PRAGMA application_id");
  auto version = db.query_int("PRAGMA user_version");
  if (!app || !version) return impl.describe(db, app ? version.error() : app.error());
  fresh = *app == 0 && *version == 0 && *tables == 0;
  if (fresh) return {};
  const std::string where = impl.path.string();
  if (*app != k_application_id)
    return make_error("store", where + " is not an exposcan state file (it is another application's SQLite database); "
                                       "it was left untouched");
  if (*version > k_schema_version)
    return make_error("store", where + " was written by a newer exposcan (schema version " + std::to_string(*version) +
                                   "; this one knows up to " + std::to_string(k_schema_version) +
                                   "); it was left untouched");
  return {};
}

Status mark_abandoned_scans(sql::Db& db) {
  auto st = db.prepare("SELECT id, pid, host FROM scans WHERE status = 'running'");
  if (!st) return st.error();
  std::vector<int64_t> dead;
  const std::string me = host_name();
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    if (st->text(2) == me && !process_alive(st->int64(1))) dead.push_back(st->int64(0));
  }
  for (int64_t id : dead) {
    auto up = db.prepare("UPDATE scans SET status = 'interrupted' WHERE id = ? AND status = 'running'");
    if (!up) return up.error();
    if (auto s = up->bind(1, id).run(); !s) return s;
  }
  return {};
}

Expected<std::string> load_or_make_key(sql::Db& db) {
  auto ins = db.prepare("INSERT INTO meta(key, value) VALUES ('fingerprint_key', ?) ON CONFLICT(key) DO NOTHING");
  if (!ins) return ins.error();
  if (auto s = ins->bind(1, to_hex(random_bytes(32))).run(); !s) return s.error();
  auto key = db.query_text("SELECT value FROM meta WHERE key = 'fingerprint_key'");
  if (!key) return key.error();
  if (key->empty()) return make_error("store", "the state file has an empty fingerprint key");
  return key;
}

}  // namespace

std::string host_name() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
  return buf;
}

bool process_alive(int64_t pid) {
  if (pid <= 0) return false;
  if (pid == getpid()) return true;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

bool HistoryStore::Impl::has_blob(const std::string& sha) {
  std::lock_guard lock(read_mutex);
  auto st = reader.prepare("SELECT 1 FROM blobs WHERE sha256 = ?");
  if (!st) return false;
  st->bind_blob(1, sha);
  auto row = st->step();
  return row && *row;
}

Error HistoryStore::Impl::describe(const sql::Db& db, const Error& e) const {
  const std::string where = path.string();
  switch (db.last_code()) {
    case SQLITE_NOTADB:
      return make_error("store", where + " is not an exposcan state file (" + e.message + "); it was left untouched");
    case SQLITE_CORRUPT:
      return make_error("store", where + " is damaged (" + e.message +
                                     "); it was left untouched: move it away or restore a backup");
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return make_error("busy", where + ": " + e.message);
    default: return make_error(e.code, where + ": " + e.message);
  }
}

HistoryStore::HistoryStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
std::shared_ptr<HistoryStore> HistoryStore::from_impl(std::unique_ptr<Impl> impl) {
  return std::shared_ptr<HistoryStore>(new HistoryStore(std::move(impl)));
}
HistoryStore::~HistoryStore() = default;

fs::path HistoryStore::default_path() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "exposcan" / "history.db";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : ".") / ".local" / "share" / "exposcan" / "history.db";
}

namespace {
Expected<std::shared_ptr<HistoryStore>> open_once(const fs::path& path, OpenMode mode);
}

// Two processes opening one file at once (two scheduled scans) can meet in the steps that take
// the whole file (a new file's auto_vacuum, the switch to WAL), where SQLite answers "database is
// locked" at once instead of waiting in the busy handler: the opening is tried again until the
// busy timeout has passed.
Expected<std::shared_ptr<HistoryStore>> HistoryStore::open(const fs::path& path, OpenMode mode) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(k_busy_timeout_ms);
  for (int attempt = 0;; ++attempt) {
    auto store = open_once(path, mode);
    if (store || store.error().code != "busy" || std::chrono::steady_clock::now() >= deadline) return store;
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(10 + 10 * attempt, 200)));
  }
}

namespace {
Expected<std::shared_ptr<HistoryStore>> open_once(const fs::path& path, OpenMode mode) {
  using Impl = HistoryStore::Impl;
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  std::error_code ec;
  if (fs::is_directory(path, ec)) return make_error("store", path.string() + " is a folder, not a state file");
  if (!fs::exists(path, ec)) {
    if (mode == OpenMode::read)
      return make_error("usage", "no history at " + path.string() + " (run a scan first, or pass --state FILE)");
    if (auto s = create_private_file(path); !s) return s.error();
  }

  auto writer = sql::Db::open(path.string(), false);
  if (!writer) return writer.error();
  impl->writer = std::move(*writer);
  sql::Db& db = impl->writer;
  db.busy_timeout(k_busy_timeout_ms);
  bool fresh = false;
  if (auto s = validate(db, *impl, fresh); !s) return s.error();
  if (mode == OpenMode::read && fresh)
    return make_error("usage", "no history at " + path.string() + " (the file is empty)");

  // auto_vacuum only takes effect on a file with no pages yet (before WAL mode writes the header);
  // it lets `forget` give the space back.
  if (fresh)
    if (auto s = db.exec("PRAGMA auto_vacuum = INCREMENTAL"); !s) return impl->describe(db, s.error());
  auto journal = db.query_text("PRAGMA journal_mode = WAL");
  if (!journal) return impl->describe(db, journal.error());
  for (const char* pragma : {"PRAGMA synchronous = NORMAL", "PRAGMA secure_delete = ON", "PRAGMA foreign_keys = OFF"})
    if (auto s = db.exec(pragma); !s) return impl->describe(db, s.error());
  if (auto s = migrate(db); !s) return impl->describe(db, s.error());
  auto version = db.query_int("PRAGMA user_version");
  if (!version) return impl->describe(db, version.error());
  impl->version = static_cast<int>(*version);
  auto key = load_or_make_key(db);
  if (!key) return impl->describe(db, key.error());
  impl->key = std::move(*key);
  if (auto s = mark_abandoned_scans(db); !s) return impl->describe(db, s.error());

  auto reader = sql::Db::open(path.string(), false);
  if (!reader) return reader.error();
  impl->reader = std::move(*reader);
  impl->reader.busy_timeout(k_busy_timeout_ms);
  return HistoryStore::from_impl(std::move(impl));
}
}  // namespace

const fs::path& HistoryStore::path() const { return m_impl->path; }
const std::string& HistoryStore::fingerprint_key() const { return m_impl->key; }
int HistoryStore::schema_version() const { return m_impl->version; }

Expected<std::string> HistoryStore::integrity_check() {
  std::lock_guard lock(m_impl->read_mutex);
  auto st = m_impl->reader.prepare("PRAGMA integrity_check");
  if (!st) return st.error();
  std::string out;
  for (;;) {
    auto row = st->step();
    if (!row) return m_impl->describe(m_impl->reader, row.error());
    if (!*row) break;
    if (!out.empty()) out += '\n';
    out += st->text(0);
  }
  return out;
}

std::string targets_key(const std::vector<std::string>& targets) {
  std::set<std::string> sorted(targets.begin(), targets.end());
  std::string joined;
  for (const auto& t : sorted) joined += t + "\n";
  return sha256_hex(joined);
}

std::string key_id(std::string_view fingerprint_key) { return sha256_hex(fingerprint_key).substr(0, 16); }

}  // namespace exposcan
