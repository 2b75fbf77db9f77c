// rules/phone_reading.h — what libphonenumber says about one candidate window (internal to
// PhoneDetector).
//
// A window's digits are read as an international number ("+CC", "00", "011") or as a national
// number of each plan in turn; each reading gets points for validity, a written or missing
// trunk prefix and how the written groups match the plan's own format (see the scale in
// phone_detector.h). Context is not part of a reading, so readings are cached per window shape:
// for one find() call, and in a ReadingCache shared by every call on one detector (pages and
// items repeat their numbers; the cache holds pure results, so it never changes an answer).
// libphonenumber is slow (ICU regular expressions), so plans whose lengths cannot fit are skipped
// before parsing, and a reading is finished only while it can still beat the best one.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/phone_candidates.h"

namespace exposcan::phone {

// Points (100 = score 1.0). Integers, so ties are exact.
namespace points {
constexpr int none = -1000;
constexpr int valid_configured = 70;
constexpr int valid = 60;
constexpr int possible = 30;
constexpr int local_only = 20;
constexpr int international = 20;
constexpr int tel_uri = 40;
constexpr int parenthesised = 10;
constexpr int trunk_written = 10;
constexpr int grouping_exact = 20;
constexpr int style_match = 2;
constexpr int grouping_strict = 15;
constexpr int grouping_area = 5;
constexpr int grouping_against = -15;
constexpr int trunk_missing = -10;
constexpr int positive_context = 30;
constexpr int negative_context = -40;
constexpr int region_hint = 5;
}  // namespace points

// A numbering plan tried for national-format numbers.
struct Plan {
  std::string region;  // "DE"
  int country_code = 0;
  std::string ndd;                // national (trunk) prefix, "0"; empty when the plan has none
  uint32_t possible_lengths = 0;  // bit L: a national significant number of L digits can exist
  bool trunk_required = false;    // numbers are practically always written with the prefix, so
                                  // digits without it are not read in this plan at all
  bool configured = false;        // the user named this region
};
// Plans for `regions` (upper-case codes libphonenumber supports).
std::vector<Plan> make_plans(const std::vector<std::string>& regions, bool configured);
bool region_known(std::string_view upper_region);

// A window's digits as libphonenumber should read them.
struct Digits {
  std::string digits;              // international: from the country code on (IDD removed)
  std::vector<size_t> boundaries;  // positions in `digits` where a written group starts
  std::string separators;          // the separators between those groups, normalised
  bool international = false;
  bool parenthesised = false;  // some group is written in parentheses: "(202)", "(0)"
};
Digits digits_of(const Region& r, const Window& w);

struct Reading {
  std::string region;
  std::string e164;
  int points = points::none;  // without context
  bool international = false;
  bool valid = false;
};

// Readings by window shape, shared by the find() calls of one detector. Thread-safe; bounded
// (emptied when full).
class ReadingCache {
 public:
  bool get(const std::string& key, std::vector<Reading>& out) const;
  void put(const std::string& key, const std::vector<Reading>& readings);

 private:
  mutable std::mutex m_mutex;
  std::unordered_map<std::string, std::vector<Reading>> m_map;
};

// Reads windows for one find() call. Not thread-safe; make one per call.
class Reader {
 public:
  // `shared` (optional) outlives the reader.
  explicit Reader(const std::vector<Plan>& plans, ReadingCache* shared = nullptr)
      : m_plans(plans), m_shared(shared) {}
  // The best reading of `d` given the regions of international numbers seen so far (`hints`),
  // or a reading with points::none.
  Reading best(const Digits& d, const std::vector<std::string>& hints);

 private:
  const std::vector<Reading>& readings(const Digits& d, bool complete);
  std::vector<Reading> international(const Digits& d) const;
  // With `complete` false, stops once no later plan can score more (ties go to earlier plans).
  std::vector<Reading> national(const Digits& d, bool complete) const;

  const std::vector<Plan>& m_plans;
  ReadingCache* m_shared;
  std::unordered_map<std::string, std::vector<Reading>> m_cache;
};

}  // namespace exposcan::phone
