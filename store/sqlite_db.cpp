#include "store/sqlite_db.h"

#include <sqlite3.h>

namespace exposcan::sql {

// ---- Stmt ----------------------------------------------------------------------------------

Stmt::~Stmt() { give_back(); }

void Stmt::give_back() {
  if (!m_stmt) return;
  if (m_db) {
    m_db->keep_idle(m_stmt);
  } else {
    sqlite3_finalize(m_stmt);
  }
  m_stmt = nullptr;
}

Stmt::Stmt(Stmt&& other) noexcept
    : m_stmt(other.m_stmt), m_db(other.m_db), m_bind_status(std::move(other.m_bind_status)) {
  other.m_stmt = nullptr;
}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    give_back();
    m_stmt = other.m_stmt;
    m_db = other.m_db;
    m_bind_status = std::move(other.m_bind_status);
    other.m_stmt = nullptr;
  }
  return *this;
}

namespace {
Status bind_result(int rc, Db* db) {
  if (rc == SQLITE_OK) return {};
  return db->error();
}
}  // namespace

Stmt& Stmt::bind(int index, int64_t value) {
  if (m_bind_status) m_bind_status = bind_result(sqlite3_bind_int64(m_stmt, index, value), m_db);
  return *this;
}

Stmt& Stmt::bind(int index, std::string_view text) {
  if (m_bind_status)
    m_bind_status = bind_result(
        sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), m_db);
  return *this;
}

Stmt& Stmt::bind_opt(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Stmt& Stmt::bind_blob(int index, std::string_view bytes) {
  if (m_bind_status)
    m_bind_status = bind_result(sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT), m_db);
  return *this;
}

Stmt& Stmt::bind_null(int index) {
  if (m_bind_status) m_bind_status = bind_result(sqlite3_bind_null(m_stmt, index), m_db);
  return *this;
}

Expected<bool> Stmt::step() {
  if (!m_bind_status) return m_bind_status.error();
  int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error e = m_db->error();
  sqlite3_reset(m_stmt);
  return e;
}

Status Stmt::run() {
  for (;;) {
    auto r = step();
    if (!r) return r.error();
    if (!*r) break;
  }
  reset();
  return {};
}

void Stmt::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
  m_bind_status = {};
}

int64_t Stmt::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }

std::string Stmt::text(int column) const {
  const auto* p = sqlite3_column_text(m_stmt, column);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::optional<std::string> Stmt::opt_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::string Stmt::blob(int column) const {
  const void* p = sqlite3_column_blob(m_stmt, column);
  if (!p) return {};
  return std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)));
}

bool Stmt::is_null(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

// ---- Db --------------------------------------------------------------------------------------

Db::~Db() { close(); }

void Db::close() {
  for (auto& [sql, stmt] : m_idle) sqlite3_finalize(stmt);
  m_idle.clear();
  if (m_db) sqlite3_close_v2(m_db);
  m_db = nullptr;
}

Db::Db(Db&& other) noexcept : m_db(other.m_db), m_idle(std::move(other.m_idle)) {
  other.m_db = nullptr;
  other.m_idle.clear();
}

Db& Db::operator=(Db&& other) noexcept {
  if (this != &other) {
    close();
    m_db = other.m_db;
    m_idle = std::move(other.m_idle);
    other.m_db = nullptr;
    other.m_idle.clear();
  }
  return *this;
}

Expected<Db> Db::open(const std::string& path, bool create, bool read_only) {
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE;
  flags |= read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create && !read_only) flags |= SQLITE_OPEN_CREATE;
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    if (handle) sqlite3_close_v2(handle);
    return make_error("store", "cannot open " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(handle, 0);
  return Db(handle);
}

Status Db::exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return {};
  std::string msg = err ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  return make_error("store", msg);
}

Expected<Stmt> Db::prepare(std::string_view sql) {
  if (auto it = m_idle.find(sql); it != m_idle.end()) {
    sqlite3_stmt* stmt = it->second;
    m_idle.erase(it);
    return Stmt(stmt, this);
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                              nullptr);
  if (rc != SQLITE_OK) return error();
  if (!stmt) return make_error("store", "no SQL statement in \"" + std::string(sql) + "\"");
  return Stmt(stmt, this);
}

void Db::keep_idle(sqlite3_stmt* stmt) {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  const char* text = sqlite3_sql(stmt);
  // One idle statement per SQL text; a second one (the same SQL prepared while the first was in
  // use) is finalized.
  if (!text || !m_idle.emplace(text, stmt).second) sqlite3_finalize(stmt);
}

Expected<int64_t> Db::query_int(std::string_view sql) {
  auto st = prepare(sql);
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  return *row ? st->int64(0) : int64_t{0};
}

Expected<std::string> Db::query_text(std::string_view sql) {
  auto st = prepare(sql);
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  return *row ? st->text(0) : std::string();
}

int64_t Db::last_insert_id() const { return sqlite3_last_insert_rowid(m_db); }
int Db::changes() const { return sqlite3_changes(m_db); }
void Db::busy_timeout(int ms) { sqlite3_busy_timeout(m_db, ms); }

Error Db::error() const {
  return make_error("store", m_db ? sqlite3_errmsg(m_db) : "no database");
}

int Db::last_code() const { return m_db ? (sqlite3_errcode(m_db) & 0xff) : SQLITE_MISUSE; }

// ---- Transaction ---------------------------------------------------------------------------

Transaction::~Transaction() {
  if (m_open) (void)m_db.exec("ROLLBACK");
}

Status Transaction::begin() {
  if (auto s = m_db.exec("BEGIN IMMEDIATE"); !s) return s;
  m_open = true;
  return {};
}

Status Transaction::commit() {
  if (auto s = m_db.exec("COMMIT"); !s) return s;
  m_open = false;
  return {};
}

}  // namespace exposcan::sql
