// store/history_store.h — the SQLite history: every scan, its pages, items and findings.
//
// One plain SQLite file (default $XDG_DATA_HOME/exposcan/history.db, folder 0700, file 0600) in
// WAL mode with a busy timeout, so several exposcan processes may read and write it at once.
// A scan is written while it runs, one transaction per page, so a crash loses at most the page in
// flight; a scan left "running" by a process that no longer exists is marked "interrupted" the
// next time the file is opened. Bodies, headers and the JSON of items and findings are zstd blobs (older files: zlib)
// shared by content: an unchanged rescan adds rows, not copies. A body is kept only for a page that
// supports a finding (for conditional rescans and evidence). The file also keeps the fingerprint
// key, so fingerprints stay stable from run to run.
//
// A file that is not an exposcan state file (another SQLite database, not SQLite at all, damaged, or
// from a newer exposcan) is refused with a clear message and never written to.
//
// Thread-safety: every method may be called from any thread (one writer and one reader connection,
// each behind its own mutex). Errors: code "store" (SQLite, I/O) or "usage" (unknown scan).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "reports/scan_record.h"
#include "scanner/crawl_types.h"
#include "scanner/page.h"
#include "store/finding_diff.h"
#include "store/item_findings.h"

namespace exposcan {

struct ScanSummary {
  int64_t id = 0;
  std::string status;  // running, complete, incomplete, interrupted
  TimePoint started{};
  std::optional<TimePoint> finished;
  std::vector<std::string> targets;
  std::string tool_version;
  std::string compared_with;  // "scan 12", "baseline report.json", "" (no diff)
  size_t pages = 0;
  size_t items = 0;
  size_t findings = 0;  // reported now: excludes resolved, unchecked and suppressed
  size_t bytes_fetched = 0;
  std::map<std::string, size_t> diff;  // "new" -> n, ... (labelled scans only)
  size_t suppressed = 0;
};

struct ForgetResult {
  std::vector<int64_t> scans;
  size_t pages = 0;
  size_t blobs = 0;  // bodies and JSON no remaining scan refers to
};

enum class OpenMode { read, write };

class HistoryStore {
 public:
  // `read` needs an existing file; `write` creates it (and its folder, 0700) when missing.
  static Expected<std::shared_ptr<HistoryStore>> open(const std::filesystem::path& path, OpenMode mode);
  // $XDG_DATA_HOME/exposcan/history.db, else ~/.local/share/exposcan/history.db.
  static std::filesystem::path default_path();

  ~HistoryStore();
  HistoryStore(const HistoryStore&) = delete;
  HistoryStore& operator=(const HistoryStore&) = delete;

  const std::filesystem::path& path() const;
  const std::string& fingerprint_key() const;  // hex; made once when the file is created
  int schema_version() const;

  // ---- reading ----
  Expected<std::vector<ScanSummary>> scans();
  // "last" (newest finished scan), "previous" (the finished scan before it with the same
  // targets) or a scan id. Error (code "usage"): "no scan 'x' in <path>".
  Expected<int64_t> resolve(std::string_view ref);
  // The newest complete scan with the same target set, older than `before` (0 = any).
  Expected<std::optional<int64_t>> last_complete(const std::vector<std::string>& targets, int64_t before = 0);
  // The scan as a record: scan info, items and findings as reported (diff labels kept; suppressed
  // findings only with `with_suppressed`). A scan that never finished (killed) has no report:
  // every item it recorded, one copy per id.
  Expected<ScanRecord> load(int64_t scan_id, bool with_suppressed = false);
  // A scan's findings to diff against: all of them but the ones it reported resolved.
  Expected<std::vector<Finding>> comparable_findings(int64_t scan_id);
  // The copy of an item recorded with a page (record_page) and not yet reported, with its
  // findings in the order they were recorded; nullopt when there is none.
  Expected<std::optional<ItemFindings>> recorded_copy(int64_t scan_id, int64_t page_id, const std::string& item_id);
  // The copy of each item the report shows (copy_rank, preferred_copy) among those recorded with
  // a page and not yet reported: up to `limit` items with ids after `after`, in id order. Paged
  // so the end of a scan holds a page of choices, not one per item.
  struct ChosenCopy {
    std::string item_id;
    int64_t page_id = 0;
    CopyRank rank;
    std::string source_url;
  };
  Expected<std::vector<ChosenCopy>> chosen_copies(int64_t scan_id, const std::string& after, size_t limit);
  // The newest page row of a scan whose requested or final URL is `url`; nullopt when none.
  Expected<std::optional<int64_t>> page_id(int64_t scan_id, const std::string& url);
  // Items of a scan by id (the newest row per id).
  Expected<std::vector<Item>> items(int64_t scan_id, const std::vector<std::string>& item_ids);
  Expected<PageOutcomes> page_outcomes(int64_t scan_id);
  // The pages of a scan whose body was kept (the ones that support a finding: the same set an
  // EvidenceCollector gathers during the scan), with headers and body, ordered by final URL.
  // Not kept, so absent: the request heads as sent, the remote IP and the site files (robots.txt,
  // tdmrep.json, ai.txt); http_wire() rebuilds the response head from status and headers.
  Expected<std::vector<Page>> evidence_pages(int64_t scan_id);
  // key_id() of the fingerprint key a scan was made with ("" when not recorded).
  Expected<std::string> scan_key_id(int64_t scan_id);
  // "ok" or SQLite's list of problems.
  Expected<std::string> integrity_check();

  // ---- recording (ScanRecorder) ----
  // Inserts a "running" scan; sets scan.id.
  Status begin_scan(ScanInfo& scan, const std::string& config_hash, const std::string& key_id,
                    const std::string& compared_with);
  // One transaction: the page and every item seen on it with its findings (before any choice of
  // which copy the report shows). The body is kept when any item has a finding. Returns the page's
  // row id.
  Expected<int64_t> record_page(int64_t scan_id, const Page& page, std::span<const ItemFindings> items);
  // One transaction: marks the copies the report showed (the rows recorded for `page_id`, with
  // their diff labels and suppressions), inserts those without a page row and the `carried` ones
  // (resolved and unchecked, from an earlier scan), and records the scan's end.
  struct ReportedItem {
    std::optional<int64_t> page_id;  // the page the copy was recorded with; nullopt: insert it
    const ItemFindings* item = nullptr;
  };
  Status finish_scan(const ScanInfo& scan, std::span<const ReportedItem> reported, std::span<const ItemFindings> carried);
  // The marking part of finish_scan() for a batch of the report's copies, in its own transaction
  // (a long report is recorded in batches; finish_scan() then gets the rest).
  Status report_items(int64_t scan_id, std::span<const ReportedItem> reported);
  // The conditional-GET cache: validators of the newest stored copy of each URL whose body is
  // kept. Snapshot taken now; the returned object reads bodies lazily and is thread-safe.
  Expected<std::unique_ptr<ConditionalCache>> make_cache();

  // ---- forgetting ----
  Expected<ForgetResult> forget(const std::vector<int64_t>& scan_ids);
  Expected<ForgetResult> forget_before(TimePoint before);

  struct Impl;
  // The store made by open() (store/history_store.cpp) from its opened connections.
  static std::shared_ptr<HistoryStore> from_impl(std::unique_ptr<Impl> impl);

 private:
  explicit HistoryStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

// sha256 of the sorted, de-duplicated targets: scans with the same key compare with each other.
std::string targets_key(const std::vector<std::string>& targets);
// A short, non-secret name for a fingerprint key (first 16 hex of its SHA-256).
std::string key_id(std::string_view fingerprint_key);

}  // namespace exposcan
