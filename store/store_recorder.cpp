// The ScanRecorder on a HistoryStore: diff labels, suppressions, incremental writes.
#include <atomic>
#include <map>
#include <mutex>
#include <unordered_map>
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
    for (const auto& s : m_options.suppressions.expired(now()))
      log::warn("{}:{}: suppression expired on {} ({}); its findings are reported again",
                m_options.suppressions.file_name(), s.line, s.expires_text, s.reason);
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
    std::lock_guard lock(m_mutex);
    const PageOutcome o = page_outcome(page);
    for (const std::string* url : {&page.url, &page.final_url}) {
      if (url->empty()) continue;
      m_outcomes[*url] = o;
      if (id) m_page_ids[*url] = *id;
    }
    if (!id) {
      write_failed(id.error());
      return std::nullopt;
    }
    return *id;
  }

  void finish_scan(ScanInfo& scan, std::vector<ShownCopy> shown, const ItemSink& sink) override {
    std::lock_guard lock(m_mutex);
    finish(scan, shown, sink);
  }

  std::vector<ItemFindings> finish_scan(ScanInfo& scan, std::vector<ItemFindings>& shown) override {
    std::lock_guard lock(m_mutex);
    std::vector<ShownCopy> copies;
    for (auto& it : shown) {
      std::optional<int64_t> page;
      if (auto p = m_page_ids.find(it.item.source_url); p != m_page_ids.end()) page = p->second;
      std::string id = it.item.id;
      copies.push_back({std::move(id), page, std::make_shared<ItemFindings>(std::move(it))});
    }
    std::vector<ItemFindings> kept, carried;
    finish(scan, copies, [&](ItemFindings& x, bool is_carried) { (is_carried ? carried : kept).push_back(std::move(x)); });
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
      for (const auto& f : fs) {
        auto reason = m_options.suppressions.match(f, t);
        x.suppressed.push_back(reason.value_or(""));
      }
      x.findings = std::move(fs);
      out.push_back(std::move(x));
    }
    return out;
  }

  // Caller holds m_mutex. Reads the shown copies back a batch at a time (so memory holds a batch,
  // not the scan), labels them, records them as reported and hands them to `sink`.
  void finish(ScanInfo& scan, std::vector<ShownCopy>& shown, const ItemSink& sink) {
    constexpr size_t k_batch = 256;
    const TimePoint t = now();
    const std::unordered_set<std::string> own_page_items = seen_on_own_page();
    std::vector<ItemFindings> batch;
    std::vector<HistoryStore::ReportedItem> reported;
    for (size_t start = 0; start < shown.size(); start += k_batch) {
      batch.clear();
      reported.clear();
      std::vector<std::optional<int64_t>> pages;
      for (size_t i = start; i < std::min(shown.size(), start + k_batch); ++i) {
        ShownCopy& c = shown[i];
        ItemFindings x;
        if (c.held) {
          x = std::move(*c.held);
          c.held.reset();
        } else if (c.page_id) {
          auto loaded = m_store->recorded_copy(m_scan_id, *c.page_id, c.item_id);
          if (!loaded) {
            read_failed(c.item_id, loaded.error());
            continue;
          }
          if (!*loaded) continue;
          x = std::move(**loaded);
        } else {
          continue;
        }
        if (m_differ && stand_in(x, own_page_items)) continue;
        if (m_differ) m_differ->label(x.findings);
        x.suppressed.assign(x.findings.size(), std::string());
        for (size_t k = 0; k < x.findings.size(); ++k)
          if (auto reason = m_options.suppressions.match(x.findings[k], t)) x.suppressed[k] = *reason;
        batch.push_back(std::move(x));
        pages.push_back(c.page_id);
      }
      for (size_t i = 0; i < batch.size(); ++i) reported.push_back({pages[i], &batch[i]});
      if (auto s = m_store->report_items(m_scan_id, reported); !s) write_failed(s.error());
      for (auto& x : batch) sink(x, false);
    }
    std::vector<ItemFindings> carried;
    if (m_differ) carried = group_by_item(m_differ->leftovers(m_outcomes));
    if (auto s = m_store->finish_scan(scan, {}, carried); !s) write_failed(s.error());
    for (auto& x : carried) sink(x, true);
  }

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
  std::mutex m_mutex;  // guards m_outcomes and m_page_ids
  PageOutcomes m_outcomes;
  std::unordered_map<std::string, int64_t> m_page_ids;  // page URL (requested and final) -> row id
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
