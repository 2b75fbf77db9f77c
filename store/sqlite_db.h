// store/sqlite_db.h — a thin RAII layer over the SQLite C API, private to store/.
//
// Db owns one connection and a cache of prepared statements: Db::prepare hands out an idle statement
// of the same SQL text when it has one, and a Stmt going out of scope is reset and returned to it
// (the history writes the same few statements for every page; compiling them each time was 4 % of
// a scan's CPU). Errors come back as Error values with code
// "store" and SQLite's own words ("database is locked", "file is not a database"); nothing throws.
// A connection is used by one thread at a time (callers hold a mutex); SQLite's serialized mode is
// not relied on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/expected.h"

struct sqlite3;
struct sqlite3_stmt;

namespace exposcan::sql {

class Db;

class Stmt {
 public:
  Stmt() = default;
  ~Stmt();
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Bind by 1-based index; chainable. An empty optional binds NULL.
  Stmt& bind(int index, int64_t value);
  Stmt& bind(int index, std::string_view text);
  Stmt& bind_opt(int index, const std::optional<std::string>& text);
  Stmt& bind_blob(int index, std::string_view bytes);
  Stmt& bind_null(int index);

  // Expected<true> = a row is ready, Expected<false> = done.
  Expected<bool> step();
  // Steps to the end (statements without rows).
  Status run();
  void reset();

  int64_t int64(int column) const;
  std::string text(int column) const;  // "" for NULL
  std::optional<std::string> opt_text(int column) const;
  std::string blob(int column) const;
  bool is_null(int column) const;

 private:
  friend class Db;
  Stmt(sqlite3_stmt* stmt, Db* db) : m_stmt(stmt), m_db(db) {}
  void give_back();
  sqlite3_stmt* m_stmt = nullptr;
  Db* m_db = nullptr;
  Status m_bind_status;
};

class Db {
 public:
  Db() = default;
  ~Db();
  Db(Db&& other) noexcept;
  Db& operator=(Db&& other) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Opens (or with `create`, creates) a database file; never truncates an existing file.
  static Expected<Db> open(const std::string& path, bool create, bool read_only = false);

  Status exec(std::string_view sql);
  // One SQL statement. The Stmt must not outlive the Db (nor be held across a move of it).
  Expected<Stmt> prepare(std::string_view sql);
  // The first column of the first row as an integer (0 when there is no row).
  Expected<int64_t> query_int(std::string_view sql);
  Expected<std::string> query_text(std::string_view sql);
  int64_t last_insert_id() const;
  int changes() const;
  void busy_timeout(int ms);

  Error error() const;  // code "store", SQLite's message for the last failure
  int last_code() const;                     // primary result code of the last failure
  sqlite3* handle() const { return m_db; }
  bool is_open() const { return m_db != nullptr; }

 private:
  friend class Stmt;
  explicit Db(sqlite3* db) : m_db(db) {}
  void keep_idle(sqlite3_stmt* stmt);
  void close();

  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  sqlite3* m_db = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> m_idle;
};

// BEGIN IMMEDIATE … COMMIT; rolls back in the destructor unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Db& db) : m_db(db) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Status begin();
  Status commit();

 private:
  Db& m_db;
  bool m_open = false;
};

}  // namespace exposcan::sql
