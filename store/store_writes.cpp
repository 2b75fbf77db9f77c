// HistoryStore: recording scans (one transaction per page) and forgetting them.
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/hash.h"
#include "reports/json_model.h"
#include "store/blob_codec.h"
#include "store/store_impl.h"

namespace exposcan {
namespace {

using json = nlohmann::json;

std::string now_text() { return format_rfc3339(std::chrono::system_clock::now(), true); }

std::optional<std::string> opt(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

// One blob to store: its content hash, size and (unless the file is known to have it) its
// compressed bytes.
struct PendingBlob {
  std::string sha;  // raw SHA-256 of `content`
  std::string content;
  std::string compressed;
  int64_t id = 0;
};

json item_blob_json(const Item& item) {
  json j = item_to_json(item);
  j.erase("provenance");  // per scan (live / not_modified): a column, so the blob is shared
  return j;
}

json finding_blob_json(const Finding& f) {
  json j = finding_to_json(f, true);
  j.erase("diff");                           // per scan: a column
  j["evidence"]["fetched_at"] = nullptr;     // per fetch: a column
  return j;
}

// The response headers, and what the evidence bundle needs of the exchange: the remote IP and the
// request and response heads as sent (when the scan captured them). stored_page() reads it.
json headers_json(const Page& page) {
  json headers = json::array();
  for (const auto& h : page.headers) headers.push_back({h.name, h.value});
  json out = {{"headers", std::move(headers)}};
  if (!page.remote_ip.empty()) out["remote_ip"] = page.remote_ip;
  if (!page.request_block.empty()) out["request_head"] = page.request_block;
  if (!page.response_head.empty()) out["response_head"] = page.response_head;
  return out;
}


bool supports_a_finding(std::span<const ItemFindings> items) {
  for (const auto& it : items)
    if (!it.findings.empty()) return true;
  return false;
}

}  // namespace

bool HistoryStore::Impl::site_recorded(int64_t scan_id, const std::string& origin) {
  std::lock_guard lock(site_mutex);
  return sites.count({scan_id, origin}) > 0;
}

void HistoryStore::Impl::mark_site_recorded(int64_t scan_id, const std::string& origin) {
  std::lock_guard lock(site_mutex);
  sites.insert({scan_id, origin});
}

// ---- blobs -------------------------------------------------------------------------------

namespace {

class BlobWriter {
 public:
  explicit BlobWriter(HistoryStore::Impl& impl) : m_impl(impl) {}

  // Outside the write lock: hash, and compress unless the file already has it.
  PendingBlob prepare(std::string content) {
    PendingBlob b;
    b.sha = sha256_raw(content);
    if (!m_impl.has_blob(b.sha)) b.compressed = blob_compress(content);
    b.content = std::move(content);
    return b;
  }

  // Inside the write transaction.
  Status store(sql::Db& db, PendingBlob& b) {
    auto find = db.prepare("SELECT id FROM blobs WHERE sha256 = ?");
    if (!find) return find.error();
    find->bind_blob(1, b.sha);
    auto row = find->step();
    if (!row) return row.error();
    if (*row) {
      b.id = find->int64(0);
    } else {
      if (b.compressed.empty()) b.compressed = blob_compress(b.content);
      auto ins = db.prepare("INSERT INTO blobs(sha256, size, data) VALUES (?, ?, ?)");
      if (!ins) return ins.error();
      ins->bind_blob(1, b.sha).bind(2, static_cast<int64_t>(b.content.size())).bind_blob(3, b.compressed);
      if (auto s = ins->run(); !s) return s;
      b.id = db.last_insert_id();
    }
    return {};
  }

 private:
  HistoryStore::Impl& m_impl;
};

struct PreparedItem {
  const ItemFindings* source;
  PendingBlob item;
  std::vector<PendingBlob> findings;
};

PreparedItem prepare_item(BlobWriter& blobs, const ItemFindings& it) {
  PreparedItem p{&it, blobs.prepare(compact_json(item_blob_json(it.item))), {}};
  for (const auto& f : it.findings) p.findings.push_back(blobs.prepare(compact_json(finding_blob_json(f))));
  return p;
}

std::vector<PreparedItem> prepare_items(BlobWriter& blobs, std::span<const ItemFindings> items) {
  std::vector<PreparedItem> out;
  out.reserve(items.size());
  for (const auto& it : items) out.push_back(prepare_item(blobs, it));
  return out;
}

std::optional<std::string> suppression_of(const ItemFindings& it, size_t i) {
  if (i < it.suppressed.size() && !it.suppressed[i].empty()) return it.suppressed[i];
  return std::nullopt;
}

// Inserts items with their findings. `reported`: rows the report shows (labels and suppressions
// kept); else raw rows of a page, labelled at the end of the scan.
Status insert_items(sql::Db& db, BlobWriter& blobs, int64_t scan_id, std::optional<int64_t> page_id,
                    std::vector<PreparedItem>& items, bool reported) {
  auto ins_item =
      db.prepare("INSERT INTO items(scan_id, page_id, item_id, provenance, blob, reported, own_page, richness, source_url) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto ins_finding = db.prepare(
      "INSERT INTO findings(scan_id, page_id, item_id, rule_id, fingerprint, severity, verdict, diff, fetched_at, "
      "blob, suppressed, reported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins_item) return ins_item.error();
  if (!ins_finding) return ins_finding.error();
  for (auto& p : items) {
    const ItemFindings& src = *p.source;
    if (auto s = blobs.store(db, p.item); !s) return s;
    ins_item->bind(1, scan_id).bind(3, src.item.id).bind_opt(4, opt(src.item.provenance)).bind(5, p.item.id);
    ins_item->bind(6, int64_t{reported ? 1 : 0});
    const CopyRank rank = copy_rank(src.item);
    ins_item->bind(7, int64_t{rank.own_page ? 1 : 0}).bind(8, static_cast<int64_t>(rank.richness)).bind(9, src.item.source_url);
    page_id ? ins_item->bind(2, *page_id) : ins_item->bind_null(2);
    if (auto s = ins_item->run(); !s) return s;
    for (size_t i = 0; i < src.findings.size(); ++i) {
      const Finding& f = src.findings[i];
      if (auto s = blobs.store(db, p.findings[i]); !s) return s;
      std::optional<std::string> fetched;
      if (f.evidence.fetched_at) fetched = format_rfc3339(*f.evidence.fetched_at, true);
      ins_finding->bind(1, scan_id)
          .bind(3, f.item_id)
          .bind(4, f.rule_id)
          .bind(5, f.fingerprint)
          .bind(6, to_string(f.severity))
          .bind(7, to_string(f.verdict))
          .bind_opt(8, reported ? opt(f.diff) : std::nullopt)
          .bind_opt(9, fetched)
          .bind(10, p.findings[i].id)
          .bind_opt(11, reported ? suppression_of(src, i) : std::nullopt)
          .bind(12, int64_t{reported ? 1 : 0});
      page_id ? ins_finding->bind(2, *page_id) : ins_finding->bind_null(2);
      if (auto s = ins_finding->run(); !s) return s;
    }
  }
  return {};
}

}  // namespace

// ---- scans -------------------------------------------------------------------------------

Status HistoryStore::begin_scan(ScanInfo& scan, const std::string& config_hash, const std::string& key,
                                const std::string& compared_with) {
  json packs = json::array();
  for (const auto& p : scan.packs) packs.push_back({{"id", p.id}, {"version", p.version}, {"sha256", p.sha256}});
  std::lock_guard lock(m_impl->write_mutex);
  sql::Db& db = m_impl->writer;
  auto st = db.prepare(
      "INSERT INTO scans(status, started_at, targets, targets_key, tool_version, robots_mode, packs, pid, host, "
      "config_hash, key_id, compared_with) VALUES ('running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!st) return m_impl->describe(db, st.error());
  st->bind(1, format_rfc3339(scan.started, true))
      .bind(2, compact_json(json(scan.targets)))
      .bind(3, targets_key(scan.targets))
      .bind(4, scan.tool_version)
      .bind(5, scan.robots_mode)
      .bind(6, compact_json(packs))
      .bind(7, static_cast<int64_t>(getpid()))
      .bind(8, host_name())
      .bind_opt(9, opt(config_hash))
      .bind_opt(10, opt(key))
      .bind_opt(11, opt(compared_with));
  if (auto s = st->run(); !s) return m_impl->describe(db, s.error());
  scan.id = std::to_string(db.last_insert_id());
  return {};
}

Expected<int64_t> HistoryStore::record_page(int64_t scan_id, const Page& page, std::span<const ItemFindings> items) {
  BlobWriter blobs(*m_impl);
  const bool keep_body = supports_a_finding(items) && !page.body.empty();
  std::optional<PendingBlob> headers, body;
  if (keep_body) {
    headers = blobs.prepare(compact_json(headers_json(page)));
    body = blobs.prepare(page.body);
  }
  std::vector<PreparedItem> prepared = prepare_items(blobs, items);
  std::string redirects = page.redirects.empty() ? std::string() : compact_json(json(page.redirects));
  // The origin's site files, once per scan, with the first page of that origin that is kept.
  const SiteSignals* site = keep_body && page.site && !page.site->origin.empty() &&
                                    !m_impl->site_recorded(scan_id, page.site->origin)
                                ? page.site.get()
                                : nullptr;
  std::vector<std::optional<PendingBlob>> site_bodies;
  if (site)
    for (const auto& [name, member] : k_site_files) {
      const SiteFile& f = site->*member;
      site_bodies.push_back(f.body.empty() ? std::nullopt : std::optional(blobs.prepare(f.body)));
    }

  std::lock_guard lock(m_impl->write_mutex);
  sql::Db& db = m_impl->writer;
  sql::Transaction tx(db);
  auto fail = [&](const Error& e) -> Error { return m_impl->describe(db, e); };
  if (auto s = tx.begin(); !s) return fail(s.error());
  for (auto* b : {headers ? &*headers : nullptr, body ? &*body : nullptr}) {
    if (!b) continue;
    if (auto s = blobs.store(db, *b); !s) return fail(s.error());
  }
  auto st = db.prepare(
      "INSERT INTO pages(scan_id, url, final_url, redirects, target, origin, status, error_code, error_message, etag, "
      "last_modified, content_type, charset, sha256, truncated, http_version, fetched_at, depth, headers_blob, "
      "body_blob) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!st) return fail(st.error());
  st->bind(1, scan_id)
      .bind(2, page.url)
      .bind(3, page.final_url.empty() ? page.url : page.final_url)
      .bind_opt(4, opt(redirects))
      .bind_opt(5, opt(page.target))
      .bind(6, to_string(page.origin))
      .bind(7, static_cast<int64_t>(page.status))
      .bind_opt(8, page.error ? opt(page.error->code) : std::nullopt)
      .bind_opt(9, page.error ? opt(page.error->message) : std::nullopt)
      .bind_opt(10, opt(page.header("ETag")))
      .bind_opt(11, opt(page.header("Last-Modified")))
      .bind_opt(12, opt(page.content_type))
      .bind_opt(13, opt(page.charset))
      .bind_opt(14, opt(page.sha256))
      .bind(15, int64_t{page.truncated ? 1 : 0})
      .bind_opt(16, opt(page.http_version))
      .bind(17, format_rfc3339(page.fetched_at, true))
      .bind(18, static_cast<int64_t>(page.depth));
  headers ? st->bind(19, headers->id) : st->bind_null(19);
  body ? st->bind(20, body->id) : st->bind_null(20);
  if (auto s = st->run(); !s) return fail(s.error());
  const int64_t page_id = db.last_insert_id();
  if (auto s = insert_items(db, blobs, scan_id, page_id, prepared, false); !s) return fail(s.error());
  if (site) {
    for (size_t i = 0; i < std::size(k_site_files); ++i) {
      const SiteFile& f = site->*k_site_files[i].second;
      if (site_bodies[i])
        if (auto s = blobs.store(db, *site_bodies[i]); !s) return fail(s.error());
      auto ins = db.prepare(
          "INSERT OR IGNORE INTO site_files(scan_id, origin, name, url, status, fetched, error_code, error_message, "
          "fetched_at, body_blob) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      if (!ins) return fail(ins.error());
      ins->bind(1, scan_id)
          .bind(2, site->origin)
          .bind(3, std::string(k_site_files[i].first))
          .bind(4, f.url)
          .bind(5, static_cast<int64_t>(f.status))
          .bind(6, int64_t{f.fetched ? 1 : 0})
          .bind_opt(7, f.error ? opt(f.error->code) : std::nullopt)
          .bind_opt(8, f.error ? opt(f.error->message) : std::nullopt)
          .bind_opt(9, f.fetched ? std::optional(format_rfc3339(f.fetched_at, true)) : std::nullopt);
      site_bodies[i] ? ins->bind(10, site_bodies[i]->id) : ins->bind_null(10);
      if (auto s = ins->run(); !s) return fail(s.error());
    }
  }
  if (auto s = tx.commit(); !s) return fail(s.error());
  if (site) m_impl->mark_site_recorded(scan_id, site->origin);
  return page_id;
}

namespace {

// Marks the rows recorded for a page as the copy the report showed; false when they are not there.
Expected<bool> mark_reported(sql::Db& db, int64_t scan_id, int64_t page_id, const ItemFindings& it) {
  auto item = db.prepare(
      "UPDATE items SET reported = 1 WHERE rowid = (SELECT rowid FROM items WHERE scan_id = ? AND page_id = ? AND "
      "item_id = ? AND reported = 0 LIMIT 1)");
  if (!item) return item.error();
  if (auto s = item->bind(1, scan_id).bind(2, page_id).bind(3, it.item.id).run(); !s) return s.error();
  if (db.changes() == 0) return false;
  auto finding = db.prepare(
      "UPDATE findings SET reported = 1, diff = ?, suppressed = ? WHERE rowid = (SELECT rowid FROM findings WHERE "
      "scan_id = ? AND page_id = ? AND item_id = ? AND rule_id = ? AND fingerprint = ? AND reported = 0 LIMIT 1)");
  if (!finding) return finding.error();
  for (size_t i = 0; i < it.findings.size(); ++i) {
    const Finding& f = it.findings[i];
    finding->bind_opt(1, opt(f.diff))
        .bind_opt(2, suppression_of(it, i))
        .bind(3, scan_id)
        .bind(4, page_id)
        .bind(5, f.item_id)
        .bind(6, f.rule_id)
        .bind(7, f.fingerprint);
    if (auto s = finding->run(); !s) return s.error();
    if (db.changes() == 0) return false;
  }
  return true;
}

// Marks the reported copies recorded with a page; the others (and `extra`) get rows of their own.
Status insert_reported(sql::Db& db, BlobWriter& blobs, int64_t scan_id, std::span<const HistoryStore::ReportedItem> reported,
                       std::vector<PreparedItem>& extra) {
  for (const auto& r : reported) {
    if (r.page_id) {
      if (auto s = db.exec("SAVEPOINT mark"); !s) return s;
      auto marked = mark_reported(db, scan_id, *r.page_id, *r.item);
      if (!marked) return marked.error();
      if (!*marked)
        if (auto s = db.exec("ROLLBACK TO mark"); !s) return s;
      if (auto s = db.exec("RELEASE mark"); !s) return s;
      if (*marked) continue;
    }
    extra.push_back(prepare_item(blobs, *r.item));  // not recorded with a page: rows of its own
  }
  return insert_items(db, blobs, scan_id, std::nullopt, extra, true);
}

// One transaction: the reported copies, the `carried` items, and with `finished` the scan's end.
Status write_report(HistoryStore::Impl& impl, int64_t scan_id, std::span<const HistoryStore::ReportedItem> reported,
                    std::span<const ItemFindings> carried, const ScanInfo* finished) {
  BlobWriter blobs(impl);
  std::vector<PreparedItem> extra = prepare_items(blobs, carried);
  std::lock_guard lock(impl.write_mutex);
  sql::Db& db = impl.writer;
  sql::Transaction tx(db);
  auto fail = [&](const Error& e) -> Status { return impl.describe(db, e); };
  if (auto s = tx.begin(); !s) return fail(s.error());
  if (auto s = insert_reported(db, blobs, scan_id, reported, extra); !s) return fail(s.error());
  if (finished) {
    auto st = db.prepare(
        "UPDATE scans SET status = ?, finished_at = ?, pages_fetched = ?, bytes_fetched = ?, info = ? WHERE id = ?");
    if (!st) return fail(st.error());
    st->bind(1, finished->status)
        .bind(2, finished->finished ? format_rfc3339(*finished->finished, true) : now_text())
        .bind(3, static_cast<int64_t>(finished->pages_fetched))
        .bind(4, static_cast<int64_t>(finished->bytes_fetched))
        .bind(5, compact_json(scan_info_to_json(*finished)))
        .bind(6, scan_id);
    if (auto s = st->run(); !s) return fail(s.error());
  }
  if (auto s = tx.commit(); !s) return fail(s.error());
  return {};
}

}  // namespace

Status HistoryStore::report_items(int64_t scan_id, std::span<const ReportedItem> reported) {
  return write_report(*m_impl, scan_id, reported, {}, nullptr);
}

Status HistoryStore::finish_scan(const ScanInfo& scan, std::span<const ReportedItem> reported,
                                 std::span<const ItemFindings> carried) {
  return write_report(*m_impl, std::stoll(scan.id), reported, carried, &scan);
}

// ---- forgetting ----------------------------------------------------------------------------

Expected<ForgetResult> HistoryStore::forget(const std::vector<int64_t>& scan_ids) {
  ForgetResult result;
  {
    std::lock_guard lock(m_impl->write_mutex);
    sql::Db& db = m_impl->writer;
    sql::Transaction tx(db);
    if (auto s = tx.begin(); !s) return m_impl->describe(db, s.error());
    for (int64_t id : scan_ids) {
      auto who = db.prepare("SELECT status, pid, host FROM scans WHERE id = ?");
      if (!who) return who.error();
      who->bind(1, id);
      auto found = who->step();
      if (!found) return m_impl->describe(db, found.error());
      if (!*found) return make_error("usage", "no scan '" + std::to_string(id) + "' in " + m_impl->path.string());
      if (who->text(0) == "running" && (who->text(2) != host_name() || process_alive(who->int64(1))))
        return make_error("usage", "scan " + std::to_string(id) + " is still running (process " +
                                       std::to_string(who->int64(1)) + " on " + who->text(2) + "); stop it first");
      auto pages = db.prepare("SELECT count(*) FROM pages WHERE scan_id = ?");
      if (!pages) return pages.error();
      pages->bind(1, id);
      if (auto r = pages->step(); r && *r) result.pages += static_cast<size_t>(pages->int64(0));
      for (const char* table : {"findings", "items", "pages", "site_files", "scans"}) {
        auto del = db.prepare(std::string("DELETE FROM ") + table + (std::string(table) == "scans" ? " WHERE id = ?" : " WHERE scan_id = ?"));
        if (!del) return del.error();
        if (auto s = del->bind(1, id).run(); !s) return m_impl->describe(db, s.error());
      }
      result.scans.push_back(id);
    }
    if (auto s = db.exec(
            "DELETE FROM blobs WHERE id NOT IN (SELECT body_blob FROM pages WHERE body_blob IS NOT NULL "
            "UNION SELECT headers_blob FROM pages WHERE headers_blob IS NOT NULL "
            "UNION SELECT body_blob FROM site_files WHERE body_blob IS NOT NULL "
            "UNION SELECT blob FROM items UNION SELECT blob FROM findings)");
        !s)
      return m_impl->describe(db, s.error());
    result.blobs = static_cast<size_t>(db.changes());
    if (auto s = tx.commit(); !s) return m_impl->describe(db, s.error());
    // Give the space back and push the zeroed pages (secure_delete) out of the WAL into the file.
    (void)db.exec("PRAGMA incremental_vacuum");
    (void)db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  return result;
}

Expected<ForgetResult> HistoryStore::forget_before(TimePoint before) {
  std::vector<int64_t> ids;
  {
    std::lock_guard lock(m_impl->read_mutex);
    auto st = m_impl->reader.prepare("SELECT id FROM scans WHERE started_at < ? AND status != 'running' ORDER BY id");
    if (!st) return st.error();
    st->bind(1, format_rfc3339(before, true));
    for (;;) {
      auto row = st->step();
      if (!row) return m_impl->describe(m_impl->reader, row.error());
      if (!*row) break;
      ids.push_back(st->int64(0));
    }
  }
  return forget(ids);
}

}  // namespace exposcan
