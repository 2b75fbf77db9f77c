// The ScanRecorder on a HistoryStore: diff labels, suppressions, incremental writes.
#include <atomic>
#include <map>
#include <mutex>
#include <unordered_set>

#include "core/log.h"
#include "store/scan_recorder.h"

namespace exposcan {

std::vector<Finding> ItemFindings::reported() const {
  std::vector<Finding> out;
  for (size_t i = 0; i < findings.size(); ++i)
    if (i >= suppressed.size() || suppressed[i].empty()) out.push_back(findings[i]);
  return out;
}

CopyRank copy_rank(const Item& i) {
  CopyRank r;
  r.own_page = i.source_url == i.url.substr(0, i.url.find('#'));
  r.richness = i.text.size() + i.title.size();
  for (const auto& m : i.media) r.richness += m.alt.size();
  for (const auto& [k, v] : i.fields) r.richness += v.size();
  if (i.geo) r.richness += i.geo->name.size() + 1;
  if (i.published_at) r.richness += 1;
  return r;
}

bool preferred_copy(const CopyRank& ra, const std::string& source_a, const CopyRank& rb, const std::string& source_b) {
  if (ra.own_page != rb.own_page) return ra.own_page;
  if (ra.richness != rb.richness) return ra.richness > rb.richness;
  return source_a < source_b;
}

namespace {

class StoreRecorder final : public ScanRecorder {
 public:
  StoreRecorder(std::shared_ptr<HistoryStore> store, RecorderOptions options)
      : m_store(std::move(store)), m_options(std::move(options)) {
    m_key = m_options.fingerprint_key.empty() ? m_store->fingerprint_key() : m_options.fingerprint_key;
  }

  const std::string& fingerprint_key() const override { return m_key; }
  const ConditionalCache* cache() const override { return m_cache.get(); }
  std::string compared_with() const override { return m_compared_with; }

  Status begin_scan(ScanInfo& scan) override {
    if (auto s = choose_comparison(scan); !s) return s;
    m_options.suppressions.warn_expired(now());
    if (m_options.conditional_get) {
      auto cache = m_store->make_cache();
      if (!cache) return cache.error();
      m_cache = std::move(*cache);
    }
    if (auto s = m_store->begin_scan(scan, m_options.config_hash, key_id(m_key), m_compared_with); !s) return s;
    m_scan_id = std::stoll(scan.id);
    return {};
  }

  std::optional<int64_t> record_page(const Page& page, const std::vector<ItemFindings>& items) override {
    auto id = m_store->record_page(m_scan_id, page, items);
    if (!id) {
      write_failed(id.error());
      return std::nullopt;
    }
    return *id;
  }

  void finish_scan(ScanInfo& scan, std::map<std::string, ItemFindings> held, const ItemSink& sink) override {
    std::lock_guard lock(m_mutex);
    Finisher f(*this, sink);
    std::string after;
    for (;;) {
      auto page = m_store->chosen_copies(m_scan_id, after, k_batch);
      if (!page) {
        log::error("history: cannot read the scan's items back ({}); the report is incomplete", page.error().message);
        break;
      }
      if (page->empty()) break;
      after = page->back().item_id;
      std::vector<ShownCopy> batch;
      for (auto& c : *page) {
        // copies held in memory with smaller ids go first; one with the same id competes
        bool shown_from_memory = false;
        for (auto h = held.begin(); h != held.end() && h->first <= c.item_id; h = held.erase(h)) {
          const bool same = h->first == c.item_id;
          if (same && !preferred_copy(copy_rank(h->second.item), h->second.item.source_url, c.rank, c.source_url)) continue;
          shown_from_memory = shown_from_memory || same;
          batch.push_back({h->first, std::nullopt, std::make_unique<ItemFindings>(std::move(h->second))});
        }
        if (!shown_from_memory) batch.push_back({c.item_id, c.page_id, nullptr});
      }
      f.add(batch);
    }
    std::vector<ShownCopy> rest;
    for (auto& [id, x] : held) rest.push_back({id, std::nullopt, std::make_unique<ItemFindings>(std::move(x))});
    f.add(rest);
    f.finish(scan);
  }

  std::vector<ItemFindings> finish_scan(ScanInfo& scan, std::vector<ItemFindings>& shown) override {
    std::lock_guard lock(m_mutex);
    std::vector<ShownCopy> copies;
    for (auto& it : shown) {
      std::optional<int64_t> page;
      if (auto p = m_store->page_id(m_scan_id, it.item.source_url); p && *p) page = **p;
      std::string id = it.item.id;
      copies.push_back({std::move(id), page, std::make_unique<ItemFindings>(std::move(it))});
    }
    std::vector<ItemFindings> kept, carried;
    Finisher f(*this, [&](ItemFindings& x, bool is_carried) { (is_carried ? carried : kept).push_back(std::move(x)); });
    for (size_t start = 0; start < copies.size(); start += k_batch) {
      std::vector<ShownCopy> batch(std::make_move_iterator(copies.begin() + static_cast<std::ptrdiff_t>(start)),
                                   std::make_move_iterator(copies.begin() + static_cast<std::ptrdiff_t>(std::min(copies.size(), start + k_batch))));
      f.add(batch);
    }
    f.finish(scan);
    shown = std::move(kept);
    return carried;
  }

  bool worsened(const Finding& f) const override { return m_differ && m_differ->worsened(f); }

 private:
  TimePoint now() const { return m_options.clock ? m_options.clock->now() : std::chrono::system_clock::now(); }

  Status choose_comparison(const ScanInfo& scan) {
    if (m_options.baseline) {
      std::vector<Finding> earlier;
      for (const auto& f : m_options.baseline->findings)
        if (f.diff != diff_state::k_resolved) earlier.push_back(f);
      m_differ = std::make_unique<FindingDiffer>(std::move(earlier));
      m_compared_with = "baseline " + m_options.baseline_name;
      return {};
    }
    if (m_options.since.empty()) return {};
    std::optional<int64_t> id;
    if (m_options.since == "last") {
      auto last = m_store->last_complete(scan.targets);
      if (!last) return last.error();
      id = *last;
    } else {
      auto resolved = m_store->resolve(m_options.since);
      if (!resolved) return make_error("usage", "--since: " + resolved.error().message);
      id = *resolved;
    }
    if (!id) {
      m_differ = std::make_unique<FindingDiffer>(std::vector<Finding>{});
      m_compared_with = "no earlier scan";
      return {};
    }
    auto findings = m_store->comparable_findings(*id);
    if (!findings) return findings.error();
    auto earlier_key = m_store->scan_key_id(*id);
    if (earlier_key && !earlier_key->empty() && *earlier_key != key_id(m_key))
      log::warn("scan {} was made with another fingerprint key, so every finding will show as new "
                "(EXPOSCAN_FINGERPRINT_KEY differs from the one used then)",
                *id);
    m_previous_scan = *id;
    m_differ = std::make_unique<FindingDiffer>(std::move(*findings));
    m_compared_with = "scan " + std::to_string(*id);
    return {};
  }

  std::vector<ItemFindings> group_by_item(std::vector<Finding> findings) {
    std::map<std::string, std::vector<Finding>> by_item;
    for (auto& f : findings) by_item[f.item_id].push_back(std::move(f));
    std::map<std::string, Item> items;
    if (m_previous_scan) {
      std::vector<std::string> ids;
      for (const auto& [id, _] : by_item) ids.push_back(id);
      if (auto loaded = m_store->items(*m_previous_scan, ids))
        for (auto& i : *loaded) items.emplace(i.id, std::move(i));
    } else if (m_options.baseline) {
      for (const auto& i : m_options.baseline->items) items.emplace(i.id, i);
    }
    const TimePoint t = now();
    std::vector<ItemFindings> out;
    for (auto& [id, fs] : by_item) {
      ItemFindings x;
      if (auto it = items.find(id); it != items.end()) {
        x.item = it->second;
      } else {  // a baseline without its items: what the finding itself says
        x.item.id = id;
        x.item.platform = fs.front().platform;
        x.item.url = fs.front().url;
      }
      x.suppressed = m_options.suppressions.reasons(fs, t);
      x.findings = std::move(fs);
      out.push_back(std::move(x));
    }
    return out;
  }

  static constexpr size_t k_batch = 256;

  // One copy the report shows: recorded with page `page_id` (read back from the history), or
  // `held` in memory.
  struct ShownCopy {
    std::string item_id;
    std::optional<int64_t> page_id;
    std::unique_ptr<ItemFindings> held;
  };

  // The end of a scan, a batch of shown copies at a time (caller holds m_mutex): reads each copy
  // back, labels it, records the batch as reported, hands it to the sink; then the carried ones.
  class Finisher {
   public:
    Finisher(StoreRecorder& r, ItemSink sink)
        : m_r(r), m_sink(std::move(sink)), m_now(r.now()), m_own_page_items(r.seen_on_own_page()) {
      if (!m_r.m_differ) return;  // the pages' outcomes matter only to a comparison
      auto outcomes = m_r.m_store->page_outcomes(m_r.m_scan_id);
      if (outcomes) m_r.m_outcomes = std::move(*outcomes);
      else log::error("history: cannot read the scan's pages back ({}); findings may read as resolved", outcomes.error().message);
    }

    void add(std::vector<ShownCopy>& copies) {
      std::vector<ItemFindings> batch;
      std::vector<std::optional<int64_t>> pages;
      for (ShownCopy& c : copies) {
        ItemFindings x;
        if (c.held) {
          x = std::move(*c.held);
          c.held.reset();
        } else if (c.page_id) {
          auto loaded = m_r.m_store->recorded_copy(m_r.m_scan_id, *c.page_id, c.item_id);
          if (!loaded) {
            m_r.read_failed(c.item_id, loaded.error());
            continue;
          }
          if (!*loaded) continue;
          x = std::move(**loaded);
        } else {
          continue;
        }
        if (m_r.m_differ && m_r.stand_in(x, m_own_page_items)) continue;
        if (m_r.m_differ) m_r.m_differ->label(x.findings);
        x.suppressed = m_r.m_options.suppressions.reasons(x.findings, m_now);
        batch.push_back(std::move(x));
        pages.push_back(c.page_id);
      }
      if (batch.empty()) return;
      std::vector<HistoryStore::ReportedItem> reported;
      for (size_t i = 0; i < batch.size(); ++i) reported.push_back({pages[i], &batch[i]});
      if (auto s = m_r.m_store->report_items(m_r.m_scan_id, reported); !s) m_r.write_failed(s.error());
      for (auto& x : batch) m_sink(x, false);
    }

    void finish(ScanInfo& scan) {
      std::vector<ItemFindings> carried;
      if (m_r.m_differ) carried = m_r.group_by_item(m_r.m_differ->leftovers(m_r.m_outcomes));
      if (auto s = m_r.m_store->finish_scan(scan, {}, carried); !s) m_r.write_failed(s.error());
      for (auto& x : carried) m_sink(x, true);
    }

   private:
    StoreRecorder& m_r;
    ItemSink m_sink;
    TimePoint m_now;
    std::unordered_set<std::string> m_own_page_items;
  };

  // Items the earlier scan saw on their own page (see stand_in).
  std::unordered_set<std::string> seen_on_own_page() const {
    std::unordered_set<std::string> out;
    if (!m_differ) return out;
    for (const auto& f : m_differ->previous())
      if (!f.url.empty() && f.evidence.url == own_page(f.url)) out.insert(f.item_id);
    return out;
  }

  static std::string own_page(const std::string& url) { return url.substr(0, url.find('#')); }

  // An item whose own page failed this time but that another page also shows (a post in the list
  // or the feed) would be reported from that copy, a partial view (a summary, without the page's
  // signals), and compared with what its own page said last time: a transient error would read as
  // a change. With a comparison, such an item is left out, so its earlier findings come back as
  // unchecked. Without one (a first scan) the other copy is the best there is.
  // Only items the earlier scan saw on their own page are left out: one seen elsewhere both times
  // (its own page a login wall, say) is compared like with like.
  bool stand_in(const ItemFindings& it, const std::unordered_set<std::string>& seen_on_own_page) const {
    const std::string own = own_page(it.item.url);
    if (own.empty() || it.item.source_url == own || !seen_on_own_page.count(it.item.id)) return false;
    auto o = m_outcomes.find(own);
    return o != m_outcomes.end() && o->second == PageOutcome::failed;
  }

  void read_failed(const std::string& item_id, const Error& e) {
    log::error("history: cannot read back item {} ({}); it is missing from the report", item_id, e.message);
  }

  void write_failed(const Error& e) {
    if (!m_write_failed.exchange(true))
      log::error("history: cannot record the scan ({}); the report is complete, the history is not", e.message);
  }

  std::shared_ptr<HistoryStore> m_store;
  RecorderOptions m_options;
  std::string m_key;
  std::unique_ptr<ConditionalCache> m_cache;
  int64_t m_scan_id = 0;
  std::optional<int64_t> m_previous_scan;
  std::unique_ptr<FindingDiffer> m_differ;
  std::string m_compared_with;
  std::mutex m_mutex;  // one finish_scan at a time
  PageOutcomes m_outcomes;  // this scan's pages (read back at the end of a compared scan)
  std::atomic<bool> m_write_failed{false};
};

}  // namespace

Expected<std::unique_ptr<ScanRecorder>> make_store_recorder(std::shared_ptr<HistoryStore> store,
                                                            RecorderOptions options) {
  if (!store) return make_error("store", "no history store");
  if (options.baseline && !options.since.empty())
    return make_error("usage", "--baseline and --since both say what to compare with: give one");
  return std::unique_ptr<ScanRecorder>(std::make_unique<StoreRecorder>(std::move(store), std::move(options)));
}

}  // namespace exposcan
