// store/scan_recorder.h — what the pipeline tells the history while a scan runs.
//
// The pipeline calls begin_scan() before crawling, record_page() for every delivered page (from
// the crawler's worker threads: each page with every item seen on it, one transaction, so a crash
// loses at most the page in flight) and finish_scan() once the crawl is over, with the one copy of
// each item the report shows. finish_scan() is the diff step: it labels each finding's `diff`
// against the scan it compares with, marks the suppressed ones, records which copies the report
// showed, and hands back the earlier findings now resolved or unchecked for the report to show.
// The streaming form takes references to copies recorded with their page and reads them back one
// batch at a time, so the end of a large scan needs memory for a batch, not for the scan.
// The recorder also supplies the fingerprint key the rules engine must use and the
// conditional-GET cache.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/expected.h"
#include "reports/scan_record.h"
#include "scanner/crawl_types.h"
#include "store/history_store.h"
#include "store/item_findings.h"
#include "store/suppressions.h"

namespace exposcan {

class ScanRecorder {
 public:
  virtual ~ScanRecorder() = default;

  // The key fingerprints must be made with (EngineOptions::fingerprint_key).
  virtual const std::string& fingerprint_key() const = 0;
  // For CrawlOptions::cache; valid after begin_scan() and while the recorder lives; may be null.
  virtual const ConditionalCache* cache() const = 0;

  // Records the scan as running and sets scan.id. Errors are start-up errors (exit 2).
  virtual Status begin_scan(ScanInfo& scan) = 0;
  // Records the page with the items seen on it; returns the page's row id. Thread-safe. A write
  // failure is logged once, returns nullopt, and the scan goes on (the caller keeps those items).
  virtual std::optional<int64_t> record_page(const Page& page, const std::vector<ItemFindings>& items) = 0;

  // Receives each labelled copy (`carried`: an earlier finding now resolved or unchecked).
  using ItemSink = std::function<void(ItemFindings& item, bool carried)>;
  // The streaming end of a scan: chooses the copy of each item the report shows (copy_rank) among
  // those record_page() recorded and `held` (copies whose page could not be recorded), labels it
  // (`diff`, `suppressed`), records it as reported and passes it to `sink`, in item id order;
  // then the earlier findings now "resolved" or "unchecked" with their items (recorded too); and
  // records the end of the scan. Memory: a batch of copies, not the scan.
  virtual void finish_scan(ScanInfo& scan, std::map<std::string, ItemFindings> held, const ItemSink& sink) = 0;
  // The same when the caller has chosen the copies (`shown`, held in memory): labels them in place
  // (dropping stand-ins, see the implementation) and returns the carried ones.
  virtual std::vector<ItemFindings> finish_scan(ScanInfo& scan, std::vector<ItemFindings>& shown) = 0;

  // True when `finding` ("changed") is worse than the finding it was matched with.
  virtual bool worsened(const Finding& finding) const = 0;
  // What the labels compare with ("scan 12", "baseline FILE", "no earlier scan"); "" = no labels.
  virtual std::string compared_with() const = 0;
};

struct RecorderOptions {
  std::string since;                    // "" (no labels), "last" or a scan id
  std::optional<ScanRecord> baseline;   // an earlier JSON report (--baseline); excludes `since`
  std::string baseline_name;            // its file name, for compared_with()
  Suppressions suppressions;
  std::string fingerprint_key;  // overrides the store's key (EXPOSCAN_FINGERPRINT_KEY); "" = the store's
  std::string config_hash;
  bool conditional_get = true;  // offer the crawler stored validators
  Clock* clock = nullptr;       // for suppression expiry; null = the system clock
};

// A recorder writing to `store`. Errors (code "usage"): an unknown --since scan.
Expected<std::unique_ptr<ScanRecorder>> make_store_recorder(std::shared_ptr<HistoryStore> store,
                                                            RecorderOptions options);

}  // namespace exposcan
