// HistoryStore: reading scans back (history listing, scan references, records, diffs).
#include <nlohmann/json.hpp>

#include <charconv>
#include <set>

#include "reports/json_model.h"
#include "store/blob_codec.h"
#include "store/store_impl.h"

namespace exposcan {
namespace {

using json = nlohmann::json;

std::vector<std::string> json_strings(const std::string& text) {
  std::vector<std::string> out;
  auto j = json::parse(text, nullptr, false);
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

Expected<json> blob_json(const sql::Stmt& st, int size_col, int data_col) {
  auto text = blob_decompress(st.blob(data_col), static_cast<size_t>(st.int64(size_col)));
  if (!text) return text.error();
  auto j = json::parse(*text, nullptr, false);
  if (j.is_discarded()) return make_error("store", "a stored record is not valid JSON");
  return j;
}

// Runs `st` to the end, calling `row` for each row; stops at the first error.
template <class F>
Status each_row(sql::Stmt& st, F&& row) {
  for (;;) {
    auto r = st.step();
    if (!r) return r.error();
    if (!*r) return {};
    if (auto s = row(st); !s) return s;
  }
}

std::optional<int64_t> parse_id(std::string_view ref) {
  int64_t id = 0;
  auto [p, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), id);
  if (ec != std::errc() || p != ref.data() + ref.size() || id <= 0) return std::nullopt;
  return id;
}

Expected<Item> item_from_row(const sql::Stmt& st) {
  // columns: provenance, size, data
  auto j = blob_json(st, 1, 2);
  if (!j) return j.error();
  auto item = item_from_json(*j);
  if (!item) return item.error();
  item->provenance = st.text(0);
  return item;
}

Expected<Finding> finding_from_row(const sql::Stmt& st) {
  // columns: diff, fetched_at, size, data
  auto j = blob_json(st, 2, 3);
  if (!j) return j.error();
  auto f = finding_from_json(*j);
  if (!f) return f.error();
  f->diff = st.text(0);
  if (auto t = st.opt_text(1)) f->evidence.fetched_at = parse_datetime(*t);
  return f;
}

// Rows of a scan as its report showed them: the `reported` ones once the scan finished; for a scan
// that never finished (killed), one row per item (and per item and rule), the first recorded.
constexpr const char* k_shown_items =
    "(i.reported = 1 OR (?2 = 0 AND i.rowid IN (SELECT min(rowid) FROM items WHERE scan_id = ?1 GROUP BY item_id)))";
constexpr const char* k_shown_findings =
    "(f.reported = 1 OR (?2 = 0 AND f.rowid IN (SELECT min(rowid) FROM findings WHERE scan_id = ?1 "
    "GROUP BY item_id, rule_id)))";

// 1 when the scan recorded its report (finish_scan ran), else 0; error when there is no such scan.
Expected<int64_t> finished(sql::Db& db, int64_t scan_id, const std::string& where) {
  auto st = db.prepare("SELECT finished_at IS NOT NULL FROM scans WHERE id = ?");
  if (!st) return st.error();
  st->bind(1, scan_id);
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return make_error("usage", "no scan '" + std::to_string(scan_id) + "' in " + where);
  return st->int64(0);
}

}  // namespace

Expected<std::vector<ScanSummary>> HistoryStore::scans() {
  std::lock_guard lock(m_impl->read_mutex);
  sql::Db& db = m_impl->reader;
  std::vector<ScanSummary> out;
  std::map<int64_t, size_t> index;
  auto st = db.prepare(
      "SELECT s.id, s.status, s.started_at, s.finished_at, s.targets, s.tool_version, coalesce(s.compared_with, ''), "
      "s.bytes_fetched, (SELECT count(*) FROM pages p WHERE p.scan_id = s.id), "
      "(SELECT count(DISTINCT item_id) FROM items i WHERE i.scan_id = s.id) FROM scans s ORDER BY s.id");
  if (!st) return m_impl->describe(db, st.error());
  auto s = each_row(*st, [&](const sql::Stmt& r) -> Status {
    ScanSummary x;
    x.id = r.int64(0);
    x.status = r.text(1);
    x.started = parse_datetime(r.text(2)).value_or(TimePoint{});
    if (auto t = r.opt_text(3)) x.finished = parse_datetime(*t);
    x.targets = json_strings(r.text(4));
    x.tool_version = r.text(5);
    x.compared_with = r.text(6);
    x.bytes_fetched = static_cast<size_t>(r.int64(7));
    x.pages = static_cast<size_t>(r.int64(8));
    x.items = static_cast<size_t>(r.int64(9));
    index[x.id] = out.size();
    out.push_back(std::move(x));
    return {};
  });
  if (!s) return m_impl->describe(db, s.error());
  auto counts = db.prepare(
      "SELECT f.scan_id, coalesce(f.diff, ''), f.suppressed IS NOT NULL, count(DISTINCT f.item_id || char(10) || "
      "f.rule_id || char(10) || coalesce(f.diff, '')) FROM findings f JOIN scans s ON s.id = f.scan_id "
      "WHERE f.reported = 1 OR s.finished_at IS NULL GROUP BY 1, 2, 3");
  if (!counts) return m_impl->describe(db, counts.error());
  s = each_row(*counts, [&](const sql::Stmt& r) -> Status {
    auto it = index.find(r.int64(0));
    if (it == index.end()) return {};
    ScanSummary& x = out[it->second];
    const std::string diff = r.text(1);
    const auto n = static_cast<size_t>(r.int64(3));
    if (r.int64(2)) {
      x.suppressed += n;
    } else if (diff != diff_state::k_resolved && diff != diff_state::k_unchecked) {
      x.findings += n;
    }
    if (!diff.empty()) x.diff[diff] += n;
    return {};
  });
  if (!s) return m_impl->describe(db, s.error());
  return out;
}

Expected<int64_t> HistoryStore::resolve(std::string_view ref) {
  std::lock_guard lock(m_impl->read_mutex);
  sql::Db& db = m_impl->reader;
  const std::string where = m_impl->path.string();
  auto last = db.query_int("SELECT coalesce(max(id), 0) FROM scans WHERE status != 'running'");
  if (!last) return m_impl->describe(db, last.error());
  if (ref == "last") {
    if (*last == 0) return make_error("usage", "no finished scan in " + where);
    return *last;
  }
  if (ref == "previous") {
    if (*last == 0) return make_error("usage", "no finished scan in " + where);
    auto st = db.prepare(
        "SELECT id FROM scans WHERE status != 'running' AND id < ?1 AND targets_key = "
        "(SELECT targets_key FROM scans WHERE id = ?1) ORDER BY id DESC LIMIT 1");
    if (!st) return st.error();
    st->bind(1, *last);
    auto row = st->step();
    if (!row) return m_impl->describe(db, row.error());
    if (!*row)
      return make_error("usage", "no scan before scan " + std::to_string(*last) + " with the same targets in " + where);
    return st->int64(0);
  }
  auto id = parse_id(ref);
  if (!id) return make_error("usage", "'" + std::string(ref) + "' is not a scan: expected a scan id, last or previous");
  auto st = db.prepare("SELECT id FROM scans WHERE id = ?");
  if (!st) return st.error();
  st->bind(1, *id);
  auto row = st->step();
  if (!row) return m_impl->describe(db, row.error());
  if (!*row) return make_error("usage", "no scan '" + std::string(ref) + "' in " + where);
  return *id;
}

Expected<std::optional<int64_t>> HistoryStore::last_complete(const std::vector<std::string>& targets, int64_t before) {
  std::lock_guard lock(m_impl->read_mutex);
  sql::Db& db = m_impl->reader;
  auto st = db.prepare(
      "SELECT id FROM scans WHERE targets_key = ? AND status = 'complete' AND (?2 = 0 OR id < ?2) "
      "ORDER BY id DESC LIMIT 1");
  if (!st) return st.error();
  st->bind(1, targets_key(targets)).bind(2, before);
  auto row = st->step();
  if (!row) return m_impl->describe(db, row.error());
  if (!*row) return std::optional<int64_t>{};
  return std::optional<int64_t>{st->int64(0)};
}

Expected<ScanRecord> HistoryStore::load(int64_t scan_id, bool with_suppressed) {
  std::lock_guard lock(m_impl->read_mutex);
  sql::Db& db = m_impl->reader;
  ScanRecord record;
  auto head = db.prepare(
      "SELECT status, started_at, finished_at, targets, tool_version, robots_mode, packs, pages_fetched, "
      "bytes_fetched, info FROM scans WHERE id = ?");
  if (!head) return m_impl->describe(db, head.error());
  head->bind(1, scan_id);
  auto found = head->step();
  if (!found) return m_impl->describe(db, found.error());
  if (!*found) return make_error("usage", "no scan '" + std::to_string(scan_id) + "' in " + m_impl->path.string());
  ScanInfo& info = record.scan;
  if (auto text = head->opt_text(9)) {
    auto parsed = record_from_json(json{{"schema_version", k_report_schema_version}, {"scan", json::parse(*text, nullptr, false)}});
    if (parsed) info = parsed->scan;
  }
  info.id = std::to_string(scan_id);
  info.status = head->text(0);
  info.started = parse_datetime(head->text(1)).value_or(TimePoint{});
  if (auto t = head->opt_text(2)) info.finished = parse_datetime(*t);
  info.targets = json_strings(head->text(3));
  info.tool_version = head->text(4);
  info.robots_mode = head->text(5);
  if (info.packs.empty()) {
    auto packs = json::parse(head->text(6), nullptr, false);
    if (packs.is_array())
      for (const auto& p : packs) info.packs.push_back({p.value("id", ""), p.value("version", ""), p.value("sha256", ""), ""});
  }
  info.pages_fetched = static_cast<size_t>(head->int64(7));
  info.bytes_fetched = static_cast<size_t>(head->int64(8));

  auto done = finished(db, scan_id, m_impl->path.string());
  if (!done) return done.error();
  auto items = db.prepare(std::string("SELECT i.provenance, b.size, b.data FROM items i JOIN blobs b ON b.id = i.blob "
                                      "WHERE i.scan_id = ?1 AND ") +
                          k_shown_items + " ORDER BY i.rowid");
  if (!items) return m_impl->describe(db, items.error());
  items->bind(1, scan_id).bind(2, *done);
  auto s = each_row(*items, [&](const sql::Stmt& r) -> Status {
    auto item = item_from_row(r);
    if (!item) return item.error();
    record.items.push_back(std::move(*item));
    return {};
  });
  if (!s) return m_impl->describe(db, s.error());

  auto findings = db.prepare(std::string("SELECT f.diff, f.fetched_at, b.size, b.data FROM findings f JOIN blobs b ON "
                                         "b.id = f.blob WHERE f.scan_id = ?1 AND ") +
                             k_shown_findings + " AND (?3 OR f.suppressed IS NULL) ORDER BY f.rowid");
  if (!findings) return m_impl->describe(db, findings.error());
  findings->bind(1, scan_id).bind(2, *done).bind(3, int64_t{with_suppressed ? 1 : 0});
  s = each_row(*findings, [&](const sql::Stmt& r) -> Status {
    auto f = finding_from_row(r);
    if (!f) return f.error();
    record.findings.push_back(std::move(*f));
    return {};
  });
  if (!s) return m_impl->describe(db, s.error());
  return record;
}

Expected<std::vector<Finding>> HistoryStore::comparable_findings(int64_t scan_id) {
  std::lock_guard lock(m_impl->read_mutex);
  sql::Db& db = m_impl->reader;
  auto done = finished(db, scan_id, m_impl->path.string());
  if (!done) return done.error();
  auto st = db.prepare(std::string("SELECT f.diff, f.fetched_at, b.size, b.data FROM findings f JOIN blobs b ON "
                                   "b.id = f.blob WHERE f.scan_id = ?1 AND ") +
                       k_shown_findings + " AND coalesce(f.diff, '') != 'resolved' ORDER BY f.rowid");
  if (!st) return m_impl->describe(db, st.error());
  st->bind(1, scan_id).bind(2, *done);
  std::vector<Finding> out;
  auto s = each_row(*st, [&](const sql::Stmt& r) -> Status {
    auto f = finding_from_row(r);
    if (!f) return f.error();
    out.push_back(std::move(*f));
    return {};
  });
  if (!s) return m_impl->describe(db, s.error());
  return out;
}

Expected<std::vector<Item>> HistoryStore::items(int64_t scan_id, const std::vector<std::string>& item_ids) {
  std::lock_guard lock(m_impl->read_mutex);
  sql::Db& db = m_impl->reader;
  auto st = db.prepare(
      "SELECT i.provenance, b.size, b.data FROM items i JOIN blobs b ON b.id = i.blob WHERE i.scan_id = ? AND "
      "i.item_id = ? ORDER BY i.reported DESC, i.rowid DESC LIMIT 1");
  if (!st) return m_impl->describe(db, st.error());
  std::vector<Item> out;
  for (const auto& id : item_ids) {
    st->bind(1, scan_id).bind(2, id);
    auto row = st->step();
    if (!row) return m_impl->describe(db, row.error());
    if (*row) {
      auto item = item_from_row(*st);
      if (!item) return item.error();
      out.push_back(std::move(*item));
    }
    st->reset();
  }
  return out;
}

Expected<std::vector<HistoryStore::ChosenCopy>> HistoryStore::chosen_copies(int64_t scan_id, const std::string& after,
                                                                           size_t limit) {
  std::lock_guard lock(m_impl->read_mutex);
  sql::Db& db = m_impl->reader;
  auto st = db.prepare(
      "SELECT item_id, page_id, own_page, richness, source_url FROM items WHERE scan_id = ? AND item_id > ? AND "
      "reported = 0 AND page_id IS NOT NULL ORDER BY item_id, rowid");
  if (!st) return m_impl->describe(db, st.error());
  st->bind(1, scan_id).bind(2, after);
  std::vector<ChosenCopy> out;
  for (;;) {
    auto row = st->step();
    if (!row) return m_impl->describe(db, row.error());
    if (!*row) break;
    ChosenCopy c{st->text(0), st->int64(1), {st->int64(2) != 0, static_cast<size_t>(st->int64(3))}, st->text(4)};
    if (!out.empty() && out.back().item_id == c.item_id) {
      if (preferred_copy(c.rank, c.source_url, out.back().rank, out.back().source_url)) out.back() = std::move(c);
      continue;
    }
    if (out.size() == limit) break;  // the last item's rows are all read
    out.push_back(std::move(c));
  }
  return out;
}

Expected<std::optional<ItemFindings>> HistoryStore::recorded_copy(int64_t scan_id, int64_t page_id,
                                                                  const std::string& item_id) {
  std::lock_guard lock(m_impl->read_mutex);
  sql::Db& db = m_impl->reader;
  auto item = db.prepare(
      "SELECT i.provenance, b.size, b.data FROM items i JOIN blobs b ON b.id = i.blob WHERE i.scan_id = ? AND "
      "i.page_id = ? AND i.item_id = ? AND i.reported = 0 ORDER BY i.rowid LIMIT 1");
  if (!item) return m_impl->describe(db, item.error());
  item->bind(1, scan_id).bind(2, page_id).bind(3, item_id);
  auto row = item->step();
  if (!row) return m_impl->describe(db, row.error());
  if (!*row) return std::optional<ItemFindings>();
  ItemFindings out;
  auto parsed = item_from_row(*item);
  if (!parsed) return parsed.error();
  out.item = std::move(*parsed);
  auto findings = db.prepare(
      "SELECT f.diff, f.fetched_at, b.size, b.data FROM findings f JOIN blobs b ON b.id = f.blob WHERE f.scan_id = ? "
      "AND f.page_id = ? AND f.item_id = ? AND f.reported = 0 ORDER BY f.rowid");
  if (!findings) return m_impl->describe(db, findings.error());
  findings->bind(1, scan_id).bind(2, page_id).bind(3, item_id);
  std::set<std::pair<std::string, std::string>> seen;  // an item shown twice on its page: one copy
  auto s = each_row(*findings, [&](const sql::Stmt& r) -> Status {
    auto f = finding_from_row(r);
    if (!f) return f.error();
    if (seen.emplace(f->rule_id, f->fingerprint).second) out.findings.push_back(std::move(*f));
    return {};
  });
  if (!s) return m_impl->describe(db, s.error());
  return std::optional<ItemFindings>(std::move(out));
}

Expected<std::optional<int64_t>> HistoryStore::page_id(int64_t scan_id, const std::string& url) {
  std::lock_guard lock(m_impl->read_mutex);
  sql::Db& db = m_impl->reader;
  auto st = db.prepare("SELECT max(id) FROM pages WHERE scan_id = ? AND (final_url = ?2 OR url = ?2)");
  if (!st) return m_impl->describe(db, st.error());
  st->bind(1, scan_id).bind(2, url);
  auto row = st->step();
  if (!row) return m_impl->describe(db, row.error());
  if (!*row || st->is_null(0)) return std::optional<int64_t>();
  return std::optional<int64_t>(st->int64(0));
}

Expected<PageOutcomes> HistoryStore::page_outcomes(int64_t scan_id) {
  std::lock_guard lock(m_impl->read_mutex);
  sql::Db& db = m_impl->reader;
  auto st = db.prepare("SELECT url, final_url, status, error_code, origin FROM pages WHERE scan_id = ? ORDER BY id");
  if (!st) return m_impl->describe(db, st.error());
  st->bind(1, scan_id);
  PageOutcomes out;
  auto s = each_row(*st, [&](const sql::Stmt& r) -> Status {
    const std::string error = r.text(3);
    PageOutcome o = page_outcome(static_cast<int>(r.int64(2)), !error.empty() && error != "http_status",
                                 r.text(4) == "not_modified");
    out[r.text(0)] = o;
    out[r.text(1)] = o;
    return {};
  });
  if (!s) return m_impl->describe(db, s.error());
  return out;
}

Expected<std::string> HistoryStore::scan_key_id(int64_t scan_id) {
  std::lock_guard lock(m_impl->read_mutex);
  sql::Db& db = m_impl->reader;
  auto st = db.prepare("SELECT coalesce(key_id, '') FROM scans WHERE id = ?");
  if (!st) return m_impl->describe(db, st.error());
  st->bind(1, scan_id);
  auto row = st->step();
  if (!row) return m_impl->describe(db, row.error());
  return *row ? st->text(0) : std::string();
}

}  // namespace exposcan
