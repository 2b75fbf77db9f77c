// HistoryStore: stored pages read back whole (headers and body inflated), for the conditional-GET
// cache and for evidence bundles made after the scan.
#include <nlohmann/json.hpp>

#include <map>
#include <memory>

#include "core/url.h"
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
  // Schema v4 writes {"headers": [...], "remote_ip", "request_head", "response_head"}; earlier
  // files hold the headers array alone.
  auto hj = json::parse(*headers, nullptr, false);
  auto text = [&hj](const char* key) {
    auto it = hj.find(key);
    return it != hj.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const json* list = &hj;
  if (hj.is_object()) {
    p.remote_ip = text("remote_ip");
    p.request_block = text("request_head");
    p.response_head = text("response_head");
    auto it = hj.find("headers");
    list = it != hj.end() ? &*it : nullptr;
  }
  if (list && list->is_array())
    for (const auto& h : *list)
      if (h.is_array() && h.size() == 2 && h[0].is_string() && h[1].is_string())
        p.headers.push_back({h[0].get<std::string>(), h[1].get<std::string>()});
  p.body = std::move(*body);
  p.fetched_at = parse_datetime(st.text(13)).value_or(TimePoint{});
  p.origin = origin_from(st.text(14));
  p.target = st.text(15);
  p.depth = static_cast<int>(st.int64(16));
  return p;
}

namespace {

// The site files recorded for a scan, per origin (schema v4; none in scans recorded before).
Expected<std::map<std::string, std::shared_ptr<const SiteSignals>>> site_signals(sql::Db& db, int64_t scan_id) {
  auto st = db.prepare(
      "SELECT s.origin, s.name, s.url, s.status, s.fetched, s.error_code, s.error_message, s.fetched_at, b.size, b.data "
      "FROM site_files s LEFT JOIN blobs b ON b.id = s.body_blob WHERE s.scan_id = ? ORDER BY s.origin, s.name");
  if (!st) return st.error();
  st->bind(1, scan_id);
  std::map<std::string, std::shared_ptr<SiteSignals>> sites;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    auto& site = sites[st->text(0)];
    if (!site) {
      site = std::make_shared<SiteSignals>();
      site->origin = st->text(0);
    }
    const std::string name = st->text(1);
    SiteFile* f = nullptr;
    for (const auto& [stored, member] : k_site_files)
      if (name == stored) f = &((*site).*member);
    if (!f) continue;  // a file a newer exposcan records
    f->url = st->text(2);
    f->status = static_cast<int>(st->int64(3));
    f->fetched = st->int64(4) != 0;
    if (auto code = st->opt_text(5)) f->error = FetchError{*code, st->opt_text(6).value_or("")};
    if (auto at = st->opt_text(7)) f->fetched_at = parse_datetime(*at).value_or(TimePoint{});
    if (!st->is_null(9)) {
      auto body = blob_decompress(st->blob(9), static_cast<size_t>(st->int64(8)));
      if (!body) return body.error();
      f->body = std::move(*body);
    }
  }
  return std::map<std::string, std::shared_ptr<const SiteSignals>>(sites.begin(), sites.end());
}

}  // namespace

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
  auto sites = site_signals(db, scan_id);
  if (!sites) return m_impl->describe(db, sites.error());
  for (auto& page : out)  // the crawler fetches site files for the origin of the URL it requested
    for (const std::string& url : {page.url, page.final_url})
      if (auto u = Url::parse(url); u && !page.site)
        if (auto it = sites->find(u->origin()); it != sites->end()) page.site = it->second;
  return out;
}

}  // namespace exposcan
