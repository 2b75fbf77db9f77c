#include "rules/phone_detector.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <optional>
#include <set>

#include "core/text.h"
#include "rules/phone_candidates.h"
#include "rules/phone_context.h"

namespace exposcan {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;
using phone::Region;
using phone::Window;

constexpr size_t k_min_digits = 7;
constexpr size_t k_max_digits = 17;  // 15 (E.164) plus an IDD "00" or a trunk prefix
constexpr int k_max_windows_per_region = 32;

// Score parts in points (100 = 1.0), see the header comment. Integers, so ties are exact.
constexpr int k_valid_configured = 70;
constexpr int k_valid = 60;
constexpr int k_possible = 30;
constexpr int k_local_only = 20;
constexpr int k_international = 20;
constexpr int k_tel_uri = 40;
constexpr int k_parenthesised = 10;
constexpr int k_trunk_written = 10;
constexpr int k_grouping_exact = 20;
constexpr int k_style_match = 2;
constexpr int k_grouping_strict = 15;
constexpr int k_grouping_area = 5;
constexpr int k_grouping_against = -15;
constexpr int k_trunk_missing = -10;
// Plans whose national numbers are practically always written with their trunk prefix: without
// it (and without +CC) a digit run is unlikely to be one of their numbers.
constexpr int k_trunk_missing_strict = -30;
constexpr std::array<std::string_view, 12> k_trunk_always_written{"GB", "DE", "FR", "NL", "AU", "JP",
                                                                  "CH", "AT", "BE", "NZ", "SE", "IE"};
constexpr int k_positive_context = 30;
constexpr int k_negative_context = -40;
// A longer window wins unless a shorter one scores this much more ("+49 30 1234 5678" is one
// number even though "+49 30 1234" alone is valid too).
constexpr int k_longer_window_margin = 15;
constexpr int k_region_hint = 5;  // the text already has an international number of that region
constexpr int k_none = -1000;

const PhoneNumberUtil& util() { return *PhoneNumberUtil::GetInstance(); }

// Numbers reserved for fiction (see the header comment), as E.164 prefixes of 13-digit GB
// numbers; NANP 555-01xx is checked separately.
constexpr std::array<std::string_view, 19> k_fictional_gb{
    "+447700900", "+442079460", "+441134960", "+441144960", "+441154960", "+441164960", "+441174960",
    "+441184960", "+441214960", "+441314960", "+441414960", "+441514960", "+441614960", "+442896496",
    "+442920180", "+441632960", "+448081570", "+449098790", "+443069990"};

bool fictional(const std::string& e164) {
  if (e164.size() == 12 && e164.compare(0, 2, "+1") == 0 && e164.compare(5, 5, "55501") == 0) return true;
  if (e164.size() != 13) return false;
  for (std::string_view prefix : k_fictional_gb)
    if (e164.compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

// Digits of a window as libphonenumber should read them, with the group boundaries.
struct Digits {
  std::string separators;           // the window's separator characters, normalised
  std::string digits;               // international: from the country code on
  std::vector<size_t> boundaries;   // positions in `digits` where a written group starts
  bool international = false;
  bool parenthesised = false;  // some group is written in parentheses: "(202)", "(0)"
};

Digits window_digits_of(const Region& r, const Window& w) {
  Digits d;
  d.international = r.plus && w.first == 0;
  size_t first = w.first;
  std::string head = r.groups[first].digits;
  if (!d.international) {
    size_t total = phone::window_digits(r, w);
    if (head.rfind("00", 0) == 0 && head.rfind("000", 0) != 0 && total >= 10) {
      d.international = true;  // "0049 30 …", "00 44 …"
    } else if (head.rfind("011", 0) == 0 && total >= 12) {
      d.international = true;  // NANP exit code
    }
    if (d.international) {
      const size_t idd = head[1] == '0' ? 2 : 3;
      if (head.size() == idd) {
        if (++first >= w.last) return {};
        head = r.groups[first].digits;
      } else {
        head.erase(0, idd);
      }
    }
  }
  for (size_t k = first; k < w.last; ++k) {
    const phone::Group& g = r.groups[k];
    // "+49 (0)30": the trunk prefix in parentheses is not dialled from abroad.
    if (d.international && k > w.first && k == first + 1 && g.digits == "0" && g.lead < g.start && g.trail > g.end)
      continue;
    if (g.lead < g.start && g.trail > g.end) d.parenthesised = true;
    if (!d.digits.empty()) {
      d.boundaries.push_back(d.digits.size());
      d.separators += r.seps[k - 1];
    }
    d.digits += (k == first) ? head : g.digits;
  }
  return d;
}

enum class Level { none, local_only, possible, valid };

struct Reading {
  std::string region;
  std::string e164;
  int points = k_none;
  bool international = false;
};

std::vector<size_t> boundaries_of_formatted(const std::string& formatted, std::string& digits) {
  std::vector<size_t> b;
  digits.clear();
  bool gap = false;
  for (char c : formatted) {
    if (is_ascii_digit(c)) {
      if (gap && !digits.empty()) b.push_back(digits.size());
      gap = false;
      digits.push_back(c);
    } else {
      gap = true;
    }
  }
  return b;
}

// Written groups against the plan's format: strict (every written break is one the plan makes),
// area (only the first break matches), against (anything else, or no break at all in a
// national number). Digits are aligned at the end, so a written or missing trunk prefix and
// NANP's leading "1" do not matter.
int grouping_points(const PhoneNumber& n, const Digits& d, size_t cc_digits) {
  std::string formatted;
  util().Format(n, d.international ? PhoneNumberUtil::INTERNATIONAL : PhoneNumberUtil::NATIONAL, &formatted);
  std::string f_digits;
  const std::vector<size_t> f_bounds = boundaries_of_formatted(formatted, f_digits);
  const std::string& c = d.digits;
  const bool aligned = c.size() >= f_digits.size()
                           ? c.compare(c.size() - f_digits.size(), f_digits.size(), f_digits) == 0
                           : f_digits.compare(f_digits.size() - c.size(), c.size(), c) == 0;
  if (!aligned) return 0;
  const long shift = static_cast<long>(c.size()) - static_cast<long>(f_digits.size());
  const long national_from = d.international ? static_cast<long>(cc_digits) : 0;
  std::vector<long> mine;
  for (size_t b : d.boundaries) {
    const long m = static_cast<long>(b) - shift;
    if (m > national_from && m < static_cast<long>(f_digits.size())) mine.push_back(m);
  }
  if (mine.empty()) return d.international ? 0 : k_grouping_against;
  // No breaks in the plan's own format (libphonenumber leaves numbers it cannot place unbroken):
  // the written grouping can be neither confirmed nor contradicted.
  if (std::none_of(f_bounds.begin(), f_bounds.end(), [&](size_t fb) { return static_cast<long>(fb) > national_from; }))
    return 0;
  auto in_plan = [&](long m) {
    return std::find(f_bounds.begin(), f_bounds.end(), static_cast<size_t>(m)) != f_bounds.end();
  };
  if (std::all_of(mine.begin(), mine.end(), in_plan)) {
    size_t plan_breaks = 0;
    for (size_t fb : f_bounds) plan_breaks += static_cast<long>(fb) > national_from ? 1 : 0;
    if (mine.size() != plan_breaks) return k_grouping_strict;
    // Same breaks; written with the plan's own punctuation too ("03-1234-5678" is Japanese
    // style, "(03) 1234 5678" Australian): a tie-breaker between plans.
    auto kinds = [](std::string_view s) {
      std::string k;
      for (char c : std::string_view(" -./()"))
        if (s.find(c) != std::string_view::npos) k.push_back(c);
      return k;
    };
    const size_t first_digit = formatted.find_first_of("0123456789");
    const std::string_view plan_seps = std::string_view(formatted).substr(first_digit == std::string::npos ? 0 : first_digit);
    return k_grouping_exact + (kinds(d.separators) == kinds(plan_seps) ? k_style_match : 0);
  }
  for (size_t fb : f_bounds) {
    if (static_cast<long>(fb) <= national_from) continue;
    return static_cast<long>(fb) == mine.front() ? k_grouping_area : k_grouping_against;
  }
  return k_grouping_against;
}

Level level_of(const PhoneNumber& n, std::string& e164) {
  const PhoneNumberUtil::ValidationResult possible = util().IsPossibleNumberWithReason(n);
  if (possible != PhoneNumberUtil::IS_POSSIBLE && possible != PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY)
    return Level::none;
  util().Format(n, PhoneNumberUtil::E164, &e164);
  if (util().IsValidNumber(n) || fictional(e164)) return Level::valid;
  return possible == PhoneNumberUtil::IS_POSSIBLE ? Level::possible : Level::local_only;
}

int level_points(Level level, bool configured) {
  switch (level) {
    case Level::valid:
      return configured ? k_valid_configured : k_valid;
    case Level::possible:
      return k_possible;
    case Level::local_only:
      return k_local_only;
    case Level::none:
      break;
  }
  return k_none;
}

std::string region_of(const PhoneNumber& n) {
  std::string region;
  util().GetRegionCodeForNumber(n, &region);
  if (region == "ZZ") util().GetRegionCodeForCountryCode(n.country_code(), &region);
  return region;
}

size_t digit_count(int value) {
  size_t n = 1;
  while (value >= 10) value /= 10, ++n;
  return n;
}

}  // namespace

const std::vector<std::string>& PhoneDetector::default_regions() {
  // NANP is one plan: "US" finds Canadian and Caribbean numbers too (validity is checked for
  // the whole +1 plan), so "CA" is not tried separately.
  static const std::vector<std::string> k_regions{"US", "GB", "DE", "FR", "IN", "ES", "IT",
                                                  "NL", "AU", "BR", "JP", "CH", "AT", "BE"};
  return k_regions;
}

bool PhoneDetector::region_supported(std::string_view region) {
  std::set<std::string> supported;
  util().GetSupportedRegions(&supported);
  std::string upper(region);
  for (char& c : upper) c = ascii_upper_char(c);
  return supported.count(upper) != 0;
}

PhoneDetector::PhoneDetector(std::vector<std::string> regions, double min_score) : m_min_score(min_score) {
  for (std::string& r : regions) {
    for (char& c : r) c = ascii_upper_char(c);
    if (region_supported(r) && std::find(m_regions.begin(), m_regions.end(), r) == m_regions.end())
      m_regions.push_back(r);
  }
  m_configured = !m_regions.empty();
  if (!m_configured) m_regions = default_regions();
}

namespace {

struct Evaluator {
  const std::vector<std::string>& regions;
  bool configured;
  std::string_view text;
  std::vector<std::string> hints;  // regions of international numbers seen earlier in the text

  bool is_configured(const std::string& region) const {
    return configured && std::find(regions.begin(), regions.end(), region) != regions.end();
  }

  Reading international(const Digits& d, int bonus) const {
    PhoneNumber n;
    if (util().Parse("+" + d.digits, "ZZ", &n) != PhoneNumberUtil::NO_PARSING_ERROR) return {};
    Digits used = d;
    std::string e164;
    Level level = level_of(n, e164);
    const size_t cc = digit_count(n.country_code());
    if (level != Level::valid && d.digits.size() > cc + 1 && d.digits[cc] == '0') {
      // "+49 030 …": a trunk prefix written after the country code.
      Digits without = d;
      without.digits.erase(cc, 1);
      for (size_t& b : without.boundaries)
        if (b > cc) --b;
      PhoneNumber m;
      std::string e;
      if (util().Parse("+" + without.digits, "ZZ", &m) == PhoneNumberUtil::NO_PARSING_ERROR &&
          level_of(m, e) == Level::valid) {
        n = m, used = without, e164 = e, level = Level::valid;
      }
    }
    if (level == Level::none) return {};
    const std::string region = region_of(n);
    const int points = level_points(level, is_configured(region)) + k_international + bonus;
    int grouping = grouping_points(n, used, cc);
    // A number the plan does not know yet is formatted unreliably: "+CC" and groups suffice.
    if (level != Level::valid) grouping = std::max(grouping, 0);
    return {region, e164, points + grouping, true};
  }

  Reading national(const Digits& d, int bonus) const {
    Reading best;
    for (const std::string& region : regions) {
      PhoneNumber n;
      if (util().Parse(d.digits, region, &n) != PhoneNumberUtil::NO_PARSING_ERROR) continue;
      if (n.country_code() != util().GetCountryCodeForRegion(region)) continue;
      std::string e164;
      const Level level = level_of(n, e164);
      if (level == Level::none) continue;
      const std::string number_region = level == Level::valid ? region_of(n) : region;
      int points = level_points(level, is_configured(number_region) || is_configured(region)) + bonus;
      if (level == Level::valid && std::find(hints.begin(), hints.end(), number_region) != hints.end())
        points += k_region_hint;
      if (points + k_trunk_written + k_grouping_exact + k_style_match <= best.points) continue;  // cannot win
      std::string nsn, ndd, formatted;
      util().GetNationalSignificantNumber(n, &nsn);
      util().GetNddPrefixForRegion(region, true, &ndd);
      util().Format(n, PhoneNumberUtil::NATIONAL, &formatted);
      const bool trunk_written = !ndd.empty() && nsn.size() < d.digits.size() && d.digits.rfind(ndd, 0) == 0;
      const size_t first_digit = formatted.find_first_of("0123456789");
      const bool plan_writes_trunk = !ndd.empty() && first_digit != std::string::npos &&
                                     formatted.compare(first_digit, ndd.size(), ndd) == 0;
      if (trunk_written) points += k_trunk_written;
      const bool trunk_required = std::find(k_trunk_always_written.begin(), k_trunk_always_written.end(),
                                            region) != k_trunk_always_written.end();
      int grouping = grouping_points(n, d, 0);
      if (!trunk_written && plan_writes_trunk) {
        // Written without the prefix its plan always shows: its grouping is no evidence either.
        points += trunk_required ? k_trunk_missing_strict : k_trunk_missing;
        if (trunk_required) grouping = std::min(grouping, 0);
      }
      points += grouping;
      if (points > best.points) best = {number_region, e164, points, false};
    }
    return best;
  }

  // The most a window could score, before asking libphonenumber (prunes ID-like digit runs).
  int ceiling(const Digits& d, int bonus) const {
    int top = (configured ? k_valid_configured : k_valid) + bonus;
    if (d.international) return top + k_international + k_grouping_exact;
    if (d.digits[0] == '0' || d.digits[0] == '1') top += k_trunk_written;
    return top + (d.boundaries.empty() ? k_grouping_against : k_grouping_exact);
  }

  // Points for window `w` of region `r`; `floor`: below it the caller has no use for the reading.
  Reading evaluate(const Region& r, const Window& w, int floor) const {
    const Digits d = window_digits_of(r, w);
    if (d.digits.size() < k_min_digits) return {};
    // Context is the region's: a number in the middle of a run shares the words before the run.
    const phone::Context ctx = phone::context_of(text, r.start, phone::window_end(r, w));
    int bonus = 0;
    if (ctx.tel_uri) bonus += k_tel_uri;
    if (d.parenthesised) bonus += k_parenthesised;
    if (ctx.positive) bonus += k_positive_context;
    if (ctx.negative) bonus += k_negative_context;
    if (ceiling(d, bonus) < floor) return {};
    return d.international ? international(d, bonus) : national(d, bonus);
  }
};

}  // namespace

namespace {

struct Scored {
  Window window;
  Reading reading;
};

// Chooses the windows of one region, left to right.
class RegionSearch {
 public:
  RegionSearch(const Evaluator& evaluator, const Region& region, int min_points)
      : m_evaluator(evaluator), m_region(region), m_min_points(min_points) {}

  // The number starting at group `i`, if any. Longest first; a shorter window wins when it
  // scores clearly more, or about as much while the groups it leaves out make a number about as
  // good ("030 1234567 030 7654321" is two numbers although "030 1234567 030" is valid).
  std::optional<Scored> at(size_t i) {
    std::vector<Scored> found = candidates(i, false);
    if (found.empty()) return std::nullopt;
    const Scored* shorter = nullptr;
    for (size_t k = 1; k < found.size(); ++k)
      if (!shorter || found[k].reading.points > shorter->reading.points) shorter = &found[k];
    if (!shorter) return found.front();
    const int longest = found.front().reading.points;
    if (shorter->reading.points > longest + k_longer_window_margin) return *shorter;
    if (shorter->reading.points >= longest - k_longer_window_margin) {
      const std::vector<Scored> rest = candidates(shorter->window.last, true);
      if (!rest.empty() && rest.front().reading.points >= longest - k_longer_window_margin) return *shorter;
    }
    return found.front();
  }

 private:
  std::vector<Scored> candidates(size_t i, bool first_only) {
    std::vector<Scored> found;
    const size_t n = m_region.groups.size();
    for (size_t j = n; j > i && m_budget > 0; --j) {
      const Window w{i, j};
      const size_t digits = phone::window_digits(m_region, w);
      if (digits < k_min_digits) break;
      if (digits > k_max_digits || !phone::window_bounded(m_region, w) || phone::window_excluded(m_region, w))
        continue;
      --m_budget;
      Reading reading = m_evaluator.evaluate(m_region, w, m_min_points);
      if (reading.points == k_none || reading.points < m_min_points) continue;
      found.push_back({w, std::move(reading)});
      if (first_only) break;
    }
    return found;
  }

  const Evaluator& m_evaluator;
  const Region& m_region;
  int m_min_points;
  int m_budget = k_max_windows_per_region;
};

}  // namespace

std::vector<PhoneMatch> PhoneDetector::find(std::string_view text) const {
  std::vector<PhoneMatch> matches;
  Evaluator evaluator{m_regions, m_configured, text, {}};
  const int min_points = static_cast<int>(m_min_score * 100.0 + 0.5);
  for (const Region& r : phone::find_regions(text)) {
    if (phone::region_excluded(text, r)) continue;
    RegionSearch search(evaluator, r, min_points);
    for (size_t i = 0; i < r.groups.size();) {
      std::optional<Scored> best = search.at(i);
      if (!best) {
        ++i;
        continue;
      }
      PhoneMatch m;
      m.start = phone::window_start(r, best->window);
      m.end = phone::window_end(r, best->window);
      m.raw = std::string(text.substr(m.start, m.end - m.start));
      m.e164 = std::move(best->reading.e164);
      if (best->window.last == r.groups.size()) m.extension = r.extension;
      m.score = std::clamp(best->reading.points, 0, 100) / 100.0;
      m.region = std::move(best->reading.region);
      if (best->reading.international &&
          std::find(evaluator.hints.begin(), evaluator.hints.end(), m.region) == evaluator.hints.end())
        evaluator.hints.push_back(m.region);
      matches.push_back(std::move(m));
      i = best->window.last;
    }
  }
  return matches;
}

std::optional<std::string> to_e164(std::string_view number, std::string_view default_region) {
  std::string s(trim(number));
  for (std::string_view scheme : {"tel:", "callto:", "sms:"})
    if (istarts_with(s, scheme)) s.erase(0, scheme.size());
  const size_t params = s.find(';');
  if (params != std::string::npos) s.erase(params);
  if (s.rfind("+", 0) == 0 || s.rfind("00", 0) == 0) {
    for (std::string_view trunk : {"(0)", "( 0 )"}) {
      const size_t at = s.find(trunk);
      if (at != std::string::npos) s.erase(at, trunk.size());
    }
  }
  std::string region(default_region.empty() ? "ZZ" : default_region);
  for (char& c : region) c = ascii_upper_char(c);
  PhoneNumber n;
  if (util().Parse(s, region, &n) != PhoneNumberUtil::NO_PARSING_ERROR) return std::nullopt;
  if (!util().IsPossibleNumber(n)) return std::nullopt;
  std::string e164;
  util().Format(n, PhoneNumberUtil::E164, &e164);
  return e164;
}

}  // namespace exposcan
