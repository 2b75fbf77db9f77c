// store/suppressions.h — `.exposcan-ignore.yaml`: findings the person has looked at and accepts.
//
//   suppressions:
//     - fingerprint: 9f86d081884c7d65…      # exactly one finding (as in the JSON report), or
//       reason: Published on purpose
//     - rule: ai-training.third-party      # a rule id ('*' wildcards) …
//       url: https://jane.example/posts/*  # … on URLs matching this pattern (default '*')
//       reason: My blog is meant to be read
//       expires: 2027-01-31                # optional: applies through that day (UTC), then stops
//
// A reason is required. A suppressed finding is still stored and still diffed (so it does not come
// back as "new" later), but reports and the exit code leave it out. An expired entry no longer
// applies and the scan says so on stderr. Errors read "<file>:<line>: <message>" (code "config").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "core/time.h"
#include "rules/finding.h"

namespace exposcan {

inline constexpr const char* k_ignore_file_name = ".exposcan-ignore.yaml";

struct Suppression {
  std::string fingerprint;
  std::string rule;  // pattern; empty when `fingerprint` is given
  std::string url;   // pattern; "*" when not given
  std::string reason;
  std::optional<TimePoint> expires;  // the first instant it no longer applies (day after the date)
  std::string expires_text;          // as written
  int line = 0;                      // 1-based, in the file
};

class Suppressions {
 public:
  static Expected<Suppressions> parse(std::string_view yaml, const std::string& file_name);
  static Expected<Suppressions> load(const std::filesystem::path& path);

  // The reason of the first entry that applies to `finding` at `now`, or nullopt.
  std::optional<std::string> match(const Finding& finding, TimePoint now) const;
  // match() for each of `findings`: its reason, or "" when none applies.
  std::vector<std::string> reasons(const std::vector<Finding>& findings, TimePoint now) const;
  // Entries whose expiry has passed at `now`.
  std::vector<Suppression> expired(TimePoint now) const;
  // Says on stderr (a warning) that each entry expired by `now` no longer applies.
  void warn_expired(TimePoint now) const;

  const std::vector<Suppression>& entries() const { return m_entries; }
  const std::string& file_name() const { return m_file; }
  bool empty() const { return m_entries.empty(); }

 private:
  std::vector<Suppression> m_entries;
  std::string m_file;
};

// '*' matches any run of characters (also none); every other character matches itself.
bool wildcard_match(std::string_view pattern, std::string_view text);

}  // namespace exposcan
