#include "store/schema.h"

#include <string>

#include "store/sqlite_db.h"

namespace exposcan {
namespace {

// Version 1: scans, pages, items and findings; bodies, headers and the JSON of items and findings
// are compressed blobs (store/blob_codec.h) shared by content (an unchanged page adds rows, not bytes).
constexpr std::string_view k_v1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE scans (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  status TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  targets TEXT NOT NULL,
  targets_key TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  robots_mode TEXT NOT NULL,
  packs TEXT NOT NULL,
  pages_fetched INTEGER NOT NULL DEFAULT 0,
  bytes_fetched INTEGER NOT NULL DEFAULT 0,
  info TEXT,
  compared_with TEXT,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL
);
CREATE INDEX scans_targets ON scans(targets_key, status, id);
CREATE TABLE blobs (
  id INTEGER PRIMARY KEY,
  sha256 BLOB NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE TABLE pages (
  id INTEGER PRIMARY KEY,
  scan_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  final_url TEXT NOT NULL,
  redirects TEXT,
  target TEXT,
  origin TEXT NOT NULL,
  status INTEGER NOT NULL,
  error_code TEXT,
  error_message TEXT,
  etag TEXT,
  last_modified TEXT,
  content_type TEXT,
  charset TEXT,
  sha256 TEXT,
  truncated INTEGER NOT NULL DEFAULT 0,
  http_version TEXT,
  fetched_at TEXT NOT NULL,
  depth INTEGER NOT NULL DEFAULT 0,
  headers_blob INTEGER,
  body_blob INTEGER
);
CREATE INDEX pages_scan ON pages(scan_id);
CREATE TABLE items (
  scan_id INTEGER NOT NULL,
  page_id INTEGER,
  item_id TEXT NOT NULL,
  provenance TEXT,
  blob INTEGER NOT NULL
);
CREATE INDEX items_scan ON items(scan_id, item_id);
CREATE TABLE findings (
  scan_id INTEGER NOT NULL,
  page_id INTEGER,
  item_id TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  severity TEXT NOT NULL,
  verdict TEXT NOT NULL,
  diff TEXT,
  fetched_at TEXT,
  blob INTEGER NOT NULL
);
CREATE INDEX findings_scan ON findings(scan_id);
)sql";

// Version 2: which fingerprint key and config made a scan; which copy of an item seen on several
// pages the report showed (`reported`), and why a finding was suppressed; the URL index the
// conditional-GET cache reads. Version 1 scans showed every row: they are marked reported.
constexpr std::string_view k_v2 = R"sql(
ALTER TABLE scans ADD COLUMN config_hash TEXT;
ALTER TABLE scans ADD COLUMN key_id TEXT;
ALTER TABLE items ADD COLUMN reported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE findings ADD COLUMN reported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE findings ADD COLUMN suppressed TEXT;
UPDATE items SET reported = 1 WHERE scan_id IN (SELECT id FROM scans WHERE finished_at IS NOT NULL);
UPDATE findings SET reported = 1 WHERE scan_id IN (SELECT id FROM scans WHERE finished_at IS NOT NULL);
CREATE INDEX pages_url ON pages(final_url, id);
CREATE INDEX items_page ON items(page_id);
CREATE INDEX findings_page ON findings(page_id);
)sql";

// v3: what the end of a scan needs to choose each item's report copy in SQL (store/item_findings.h
// copy_rank), so the choice costs no memory per item.
constexpr std::string_view k_v3 = R"sql(
ALTER TABLE items ADD COLUMN own_page INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN richness INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN source_url TEXT;
)sql";

// v4: the site files of each origin whose pages back a finding (robots.txt, tdmrep.json, ai.txt),
// so a bundle made later from the store (`evidence SCAN`) has the site records a live one has.
// The remote IP and the request and response heads as sent travel in the page's headers blob.
constexpr std::string_view k_v4 = R"sql(
CREATE TABLE site_files (
  scan_id INTEGER NOT NULL,
  origin TEXT NOT NULL,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  status INTEGER NOT NULL,
  fetched INTEGER NOT NULL,
  error_code TEXT,
  error_message TEXT,
  fetched_at TEXT,
  body_blob INTEGER,
  PRIMARY KEY (scan_id, origin, name)
);
)sql";

constexpr std::string_view k_migrations[] = {k_v1, k_v2, k_v3, k_v4};
static_assert(std::size(k_migrations) == k_schema_version);

}  // namespace

Status migrate(sql::Db& db, int target) {
  auto version = db.query_int("PRAGMA user_version");
  if (!version) return version.error();
  if (*version >= target) return {};
  sql::Transaction tx(db);
  if (auto s = tx.begin(); !s) return s;
  version = db.query_int("PRAGMA user_version");  // another process may have migrated meanwhile
  if (!version) return version.error();
  for (int64_t v = *version; v < target; ++v) {
    if (auto s = db.exec(k_migrations[v]); !s)
      return make_error("store", "migration to schema version " + std::to_string(v + 1) + " failed: " + s.error().message);
  }
  if (*version == 0)
    if (auto s = db.exec("PRAGMA application_id = " + std::to_string(k_application_id)); !s) return s;
  if (auto s = db.exec("PRAGMA user_version = " + std::to_string(target)); !s) return s;
  return tx.commit();
}

}  // namespace exposcan
