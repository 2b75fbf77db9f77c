// HistoryStore: the conditional-GET cache (scanner/crawl_types.h ConditionalCache) on stored pages.
//
// validators() answers from a snapshot taken when the cache is made (one query, then a hash
// lookup per request on the crawl thread); stored_page() reads and inflates one page's headers and
// body on demand through the store's reader connection.
#include <unordered_map>

#include "store/store_impl.h"

namespace exposcan {
namespace {

struct CacheEntry {
  int64_t page_id = 0;
  CachedResponse validators;
};

class StoreCache final : public ConditionalCache {
 public:
  StoreCache(HistoryStore::Impl& impl, std::unordered_map<std::string, CacheEntry> entries)
      : m_impl(impl), m_entries(std::move(entries)) {}

  std::optional<CachedResponse> validators(const std::string& url) const override {
    auto it = m_entries.find(url);
    if (it == m_entries.end()) return std::nullopt;
    return it->second.validators;
  }

  std::optional<Page> stored_page(const std::string& url) const override {
    auto it = m_entries.find(url);
    if (it == m_entries.end()) return std::nullopt;
    std::lock_guard lock(m_impl.read_mutex);
    sql::Db& db = m_impl.reader;
    auto st = db.prepare(std::string("SELECT ") + k_stored_page_columns +
                         " FROM pages p JOIN blobs h ON h.id = p.headers_blob JOIN blobs b ON b.id = p.body_blob "
                         "WHERE p.id = ?");
    if (!st) return std::nullopt;
    st->bind(1, it->second.page_id);
    auto row = st->step();
    if (!row || !*row) return std::nullopt;  // forgotten meanwhile: the crawler fetches in full
    auto page = exposcan::stored_page(*st);
    if (!page) return std::nullopt;
    return std::move(*page);
  }

 private:
  HistoryStore::Impl& m_impl;
  const std::unordered_map<std::string, CacheEntry> m_entries;
};

}  // namespace

Expected<std::unique_ptr<ConditionalCache>> HistoryStore::make_cache() {
  std::unordered_map<std::string, CacheEntry> entries;
  std::lock_guard lock(m_impl->read_mutex);
  sql::Db& db = m_impl->reader;
  // The newest row of each URL decides: a page that failed or lost its body last time is fetched
  // in full.
  auto st = db.prepare(
      "SELECT p.final_url, p.id, p.etag, p.last_modified FROM pages p "
      "JOIN (SELECT final_url, max(id) AS id FROM pages GROUP BY final_url) newest ON newest.id = p.id "
      "WHERE p.body_blob IS NOT NULL AND p.headers_blob IS NOT NULL AND p.status BETWEEN 200 AND 299 "
      "AND p.error_code IS NULL AND (p.etag IS NOT NULL OR p.last_modified IS NOT NULL)");
  if (!st) return m_impl->describe(db, st.error());
  for (;;) {
    auto row = st->step();
    if (!row) return m_impl->describe(db, row.error());
    if (!*row) break;
    CacheEntry e;
    e.page_id = st->int64(1);
    e.validators.etag = st->text(2);
    e.validators.last_modified = st->text(3);
    entries.emplace(st->text(0), std::move(e));
  }
  return std::unique_ptr<ConditionalCache>(std::make_unique<StoreCache>(*m_impl, std::move(entries)));
}

}  // namespace exposcan
