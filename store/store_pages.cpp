// HistoryStore: stored pages read back whole (headers and body inflated), for the conditional-GET
// cache and for evidence bundles made after the scan.
#include <nlohmann/json.hpp>

#include "store/blob_codec.h"
#include "store/store_impl.h"

namespace exposcan {
namespace {

using json = nlohmann::json;

PageOrigin origin_from(const std::string& text) {
  for (PageOrigin o : {PageOrigin::live, PageOrigin::not_modified, PageOrigin::file, PageOrigin::har, PageOrigin::warc})
    if (to_string(o) == text) return o;
  return PageOrigin::live;
}

}  // namespace

Expected<Page> stored_page(const sql::Stmt& st) {
  Page p;
  p.url = st.text(0);
  p.final_url = st.text(1);
  if (auto r = st.opt_text(2)) {
    auto j = json::parse(*r, nullptr, false);
    if (j.is_array())
      for (const auto& u : j)
        if (u.is_string()) p.redirects.push_back(u.get<std::string>());
  }
  p.status = static_cast<int>(st.int64(3));
  p.content_type = st.text(4);
  p.charset = st.text(5);
  p.sha256 = st.text(6);
  p.truncated = st.int64(7) != 0;
  p.http_version = st.text(8);
  auto headers = blob_decompress(st.blob(10), static_cast<size_t>(st.int64(9)));
  if (!headers) return headers.error();
  auto body = blob_decompress(st.blob(12), static_cast<size_t>(st.int64(11)));
  if (!body) return body.error();
  auto hj = json::parse(*headers, nullptr, false);
  if (hj.is_array())
    for (const auto& h : hj)
      if (h.is_array() && h.size() == 2 && h[0].is_string() && h[1].is_string())
        p.headers.push_back({h[0].get<std::string>(), h[1].get<std::string>()});
  p.body = std::move(*body);
  p.fetched_at = parse_datetime(st.text(13)).value_or(TimePoint{});
  p.origin = origin_from(st.text(14));
  p.target = st.text(15);
  p.depth = static_cast<int>(st.int64(16));
  return p;
}

Expected<std::vector<Page>> HistoryStore::evidence_pages(int64_t scan_id) {
  std::lock_guard lock(m_impl->read_mutex);
  sql::Db& db = m_impl->reader;
  auto st = db.prepare(std::string("SELECT ") + k_stored_page_columns +
                       " FROM pages p JOIN blobs h ON h.id = p.headers_blob JOIN blobs b ON b.id = p.body_blob "
                       "WHERE p.scan_id = ? ORDER BY p.final_url, p.id");
  if (!st) return m_impl->describe(db, st.error());
  st->bind(1, scan_id);
  std::vector<Page> out;
  for (;;) {
    auto row = st->step();
    if (!row) return m_impl->describe(db, row.error());
    if (!*row) break;
    auto page = stored_page(*st);
    if (!page) return m_impl->describe(db, page.error());
    out.push_back(std::move(*page));
  }
  return out;
}

}  // namespace exposcan
