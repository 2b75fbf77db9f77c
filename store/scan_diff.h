// store/scan_diff.h — `exposcan diff A B`: two stored scans compared by fingerprint.
//
// The same rules as a scan run with --since (store/finding_diff.h): B's findings are labelled
// against A's, and A's findings B does not have are resolved or unchecked according to how B's
// fetch of their page went. Suppressed findings of B are left out.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/expected.h"
#include "store/history_store.h"

namespace exposcan {

struct DiffEntry {
  Finding finding;                  // B's finding, or A's for resolved/unchecked; `diff` is set
  std::optional<Finding> previous;  // A's finding a changed/unchanged one was matched with
  bool worsened = false;
};

struct ScanDiff {
  int64_t from = 0;
  int64_t to = 0;
  std::vector<DiffEntry> entries;  // ordered by state (new, changed, resolved, unchecked, unchanged), then URL
  std::map<std::string, size_t> counts;
};

Expected<ScanDiff> diff_scans(HistoryStore& store, int64_t from, int64_t to);

}  // namespace exposcan
