// store/finding_diff.h — what changed between two scans, by finding fingerprint.
//
// Every current finding is labelled against the findings of an earlier scan (or a baseline report):
//   unchanged  same fingerprint (rule ‖ item), same substance
//   changed    same fingerprint with another verdict, severity, set of AI agents that may take the
//              item, first-party policy or kinds of personal data; or, failing a fingerprint match,
//              another rule of the same pack on the same item (a verdict rule replaced by another)
//   new        nothing earlier matches
// One item can be seen on several pages (a post on its own page, in the list, in the feed), each
// giving a finding with the same fingerprint, so findings are matched page by page first (the
// evidence URL), then by fingerprint alone. Earlier findings nothing matched, whose fingerprint no
// current finding has, are reported back as
//   resolved   their page was fetched this time (so the item or the finding is gone) or answered
//              404/410
//   unchecked  their page failed or was not reached this time, so nobody knows.
// A change is *worsened* when the severity rose, the verdict moved up trainable > unknown >
// not_public > not_trainable (could_not_check says nothing either way), an AI agent was added or a
// new kind of personal data appeared; `--fail-on` with `--new-only` counts new and worsened
// findings only. Pure and thread-safe (label() locks).
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rules/finding.h"
#include "scanner/page.h"

namespace exposcan {

namespace diff_state {
inline constexpr const char* k_new = "new";
inline constexpr const char* k_unchanged = "unchanged";
inline constexpr const char* k_changed = "changed";
inline constexpr const char* k_resolved = "resolved";
inline constexpr const char* k_unchecked = "unchecked";
}  // namespace diff_state

// How each page of the current scan went, by requested and final URL.
enum class PageOutcome { ok, gone, failed };
PageOutcome page_outcome(const Page& page);
PageOutcome page_outcome(int status, bool has_error, bool not_modified);
using PageOutcomes = std::unordered_map<std::string, PageOutcome>;

class FindingDiffer {
 public:
  // `previous`: the earlier scan's findings, without the ones it already reported resolved.
  explicit FindingDiffer(std::vector<Finding> previous);

  // Sets `diff` on each finding; remembers which earlier findings were matched.
  void label(std::vector<Finding>& findings);
  // The earlier finding a current "changed" or "unchanged" finding was matched with.
  std::optional<Finding> previous_of(const Finding& current) const;
  bool worsened(const Finding& current) const;
  // Earlier findings no current finding matched, labelled "resolved" or "unchecked".
  std::vector<Finding> leftovers(const PageOutcomes& outcomes) const;

  const std::vector<Finding>& previous() const { return m_previous; }

 private:
  std::optional<size_t> match(const Finding& f, bool& consume) const;

  std::vector<Finding> m_previous;
  std::unordered_map<std::string, std::vector<size_t>> m_by_fingerprint;
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> m_by_item_pack;

  mutable std::mutex m_mutex;
  std::vector<bool> m_matched;                       // consumed by a current finding
  std::unordered_set<std::string> m_seen;            // fingerprints of current findings
  std::unordered_map<std::string, size_t> m_pair;    // current finding key -> previous index
  std::unordered_set<std::string> m_worsened;        // current finding keys
};

// True when `now` is worse than `before` (see above).
bool is_worsened(const Finding& before, const Finding& now);
// Exposure rank of a verdict: trainable 3, unknown 2, not_public 1, not_trainable 0;
// could_not_check has none (nullopt).
std::optional<int> exposure_rank(Verdict v);

}  // namespace exposcan
