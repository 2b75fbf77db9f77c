#include "store/scan_diff.h"

#include <algorithm>
#include <set>

namespace exposcan {
namespace {

int state_order(const std::string& s) {
  static const char* const k_order[] = {diff_state::k_new, diff_state::k_changed, diff_state::k_resolved,
                                        diff_state::k_unchecked, diff_state::k_unchanged};
  for (int i = 0; i < 5; ++i)
    if (s == k_order[i]) return i;
  return 5;
}

}  // namespace

Expected<ScanDiff> diff_scans(HistoryStore& store, int64_t from, int64_t to) {
  auto earlier = store.comparable_findings(from);
  if (!earlier) return earlier.error();
  auto all = store.load(to, true);
  if (!all) return all.error();
  auto shown = store.load(to, false);
  if (!shown) return shown.error();
  auto outcomes = store.page_outcomes(to);
  if (!outcomes) return outcomes.error();

  std::multiset<std::string> visible;
  for (const auto& f : shown->findings) visible.insert(f.fingerprint);
  std::vector<Finding> current;
  for (auto& f : all->findings)
    if (f.diff != diff_state::k_resolved && f.diff != diff_state::k_unchecked) current.push_back(std::move(f));

  FindingDiffer differ(std::move(*earlier));
  differ.label(current);
  ScanDiff out;
  out.from = from;
  out.to = to;
  for (auto& f : current) {
    auto v = visible.find(f.fingerprint);
    if (v == visible.end()) continue;  // suppressed in B
    visible.erase(v);
    DiffEntry e;
    e.previous = differ.previous_of(f);
    e.worsened = differ.worsened(f);
    e.finding = std::move(f);
    out.entries.push_back(std::move(e));
  }
  for (auto& f : differ.leftovers(*outcomes)) out.entries.push_back(DiffEntry{std::move(f), std::nullopt, false});
  std::stable_sort(out.entries.begin(), out.entries.end(), [](const DiffEntry& a, const DiffEntry& b) {
    return std::make_pair(state_order(a.finding.diff), a.finding.url) < std::make_pair(state_order(b.finding.diff), b.finding.url);
  });
  for (const auto& e : out.entries) ++out.counts[e.finding.diff];
  return out;
}

}  // namespace exposcan
