#include "rules/phone_reading.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <set>

#include "core/text.h"

namespace exposcan::phone {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr size_t k_cache_limit = 4096;
constexpr size_t k_shared_cache_limit = 1 << 16;

const PhoneNumberUtil& util() {
  return *PhoneNumberUtil::GetInstance();
}

// Plans whose national numbers are practically always written with their trunk prefix: without
// it (and without +CC) a digit run is unlikely to be one of their numbers.
constexpr std::array<std::string_view, 12> k_trunk_always_written{"GB", "DE", "FR", "NL", "AU", "JP",
                                                                  "CH", "AT", "BE", "NZ", "SE", "IE"};

// Numbers reserved for fiction (see phone_detector.h): E.164 prefixes of 13-digit GB numbers;
// NANP 555-01xx is checked separately.
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

enum class Level { none, local_only, possible, valid };

// The region whose plan the number belongs to: GetRegionCodeForNumber, else the country code's
// main region ("ZZ" for numbers no region claims, e.g. fictional ones).
std::string region_for(const PhoneNumber& n, std::string region) {
  if (region == "ZZ") util().GetRegionCodeForCountryCode(n.country_code(), &region);
  return region;
}

// `region` receives the number's region (region_for) when the result is Level::valid.
// IsValidNumber(n) is IsValidNumberForRegion(n, GetRegionCodeForNumber(n)); asking for the region
// once here spares a second walk over every region of the country code (NANP has 25).
Level level_of(const PhoneNumber& n, std::string& e164, std::string& region) {
  const PhoneNumberUtil::ValidationResult possible = util().IsPossibleNumberWithReason(n);
  if (possible != PhoneNumberUtil::IS_POSSIBLE && possible != PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY)
    return Level::none;
  util().Format(n, PhoneNumberUtil::E164, &e164);
  std::string code;
  util().GetRegionCodeForNumber(n, &code);
  if (util().IsValidNumberForRegion(n, code) || fictional(e164)) {
    region = region_for(n, std::move(code));
    return Level::valid;
  }
  return possible == PhoneNumberUtil::IS_POSSIBLE ? Level::possible : Level::local_only;
}

int level_points(Level level, bool configured) {
  switch (level) {
    case Level::valid:
      return configured ? points::valid_configured : points::valid;
    case Level::possible:
      return points::possible;
    case Level::local_only:
      return points::local_only;
    case Level::none:
      break;
  }
  return points::none;
}

size_t digit_count(int value) {
  size_t n = 1;
  while (value >= 10) value /= 10, ++n;
  return n;
}

std::vector<size_t> boundaries_of_formatted(std::string_view formatted, std::string& digits) {
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

std::string separator_kinds(std::string_view s) {
  std::string kinds;
  for (char c : std::string_view(" -./()"))
    if (s.find(c) != std::string_view::npos) kinds.push_back(c);
  return kinds;
}

// Written groups against the plan's format (`formatted`, NATIONAL or INTERNATIONAL): exact
// (the same breaks), strict (every written break is one the plan makes), area (only the first
// break matches), against (anything else, or no break at all in a national number). Digits are
// aligned at the end, so a written or missing trunk prefix and NANP's leading "1" do not matter.
int grouping_points(std::string_view formatted, const Digits& d, size_t cc_digits) {
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
  if (mine.empty()) return d.international ? 0 : points::grouping_against;
  std::vector<long> plan;
  for (size_t fb : f_bounds)
    if (static_cast<long>(fb) > national_from) plan.push_back(static_cast<long>(fb));
  // No breaks in the plan's own format (libphonenumber leaves numbers it cannot place unbroken):
  // the written grouping can be neither confirmed nor contradicted.
  if (plan.empty()) return 0;
  auto in_plan = [&](long m) { return std::find(plan.begin(), plan.end(), m) != plan.end(); };
  if (std::all_of(mine.begin(), mine.end(), in_plan)) {
    if (mine.size() != plan.size()) return points::grouping_strict;
    // Same breaks; written with the plan's own punctuation too ("03-1234-5678" is Japanese
    // style, "(03) 1234 5678" Australian): a tie-breaker between plans.
    const size_t first_digit = formatted.find_first_of("0123456789");
    const std::string_view plan_seps =
        formatted.substr(first_digit == std::string_view::npos ? 0 : first_digit);
    return points::grouping_exact +
           (separator_kinds(d.separators) == separator_kinds(plan_seps) ? points::style_match : 0);
  }
  return plan.front() == mine.front() ? points::grouping_area : points::grouping_against;
}

bool fits(const Plan& plan, size_t nsn_length) {
  return nsn_length < 32 && (plan.possible_lengths >> nsn_length & 1u) != 0;
}

}  // namespace

bool region_known(std::string_view upper_region) {
  static const std::set<std::string> k_supported = [] {
    std::set<std::string> s;
    util().GetSupportedRegions(&s);
    return s;
  }();
  return k_supported.count(std::string(upper_region)) != 0;
}

std::vector<Plan> make_plans(const std::vector<std::string>& regions, bool configured) {
  std::vector<Plan> plans;
  for (const std::string& region : regions) {
    Plan p;
    p.region = region;
    p.country_code = util().GetCountryCodeForRegion(region);
    util().GetNddPrefixForRegion(region, true, &p.ndd);
    for (size_t length = 1; length <= 17; ++length) {
      PhoneNumber n;
      n.set_country_code(p.country_code);
      uint64_t value = 2;
      for (size_t k = 1; k < length; ++k) value = value * 10 + 3;
      n.set_national_number(value);
      const PhoneNumberUtil::ValidationResult r = util().IsPossibleNumberWithReason(n);
      if (r == PhoneNumberUtil::IS_POSSIBLE || r == PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY)
        p.possible_lengths |= 1u << length;
    }
    p.trunk_required = std::find(k_trunk_always_written.begin(), k_trunk_always_written.end(), region) !=
                       k_trunk_always_written.end();
    p.configured = configured;
    plans.push_back(std::move(p));
  }
  return plans;
}

Digits digits_of(const Region& r, const Window& w) {
  Digits d;
  d.international = r.plus && w.first == 0;
  size_t first = w.first;
  std::string head = r.groups[first].digits;
  if (!d.international) {
    const size_t total = window_digits(r, w);
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
    const Group& g = r.groups[k];
    const bool in_parens = g.lead < g.start && g.trail > g.end;
    // "+49 (0)30": the trunk prefix in parentheses is not dialled from abroad.
    if (d.international && k == first + 1 && g.digits == "0" && in_parens) continue;
    if (in_parens) d.parenthesised = true;
    if (!d.digits.empty()) {
      d.boundaries.push_back(d.digits.size());
      d.separators += r.seps[k - 1];
    }
    d.digits += (k == first) ? head : g.digits;
  }
  return d;
}

Reading Reader::best(const Digits& d, const std::vector<std::string>& hints) {
  // Without hints the first plan reaching the top score wins; with hints a later plan may gain.
  // A hint only chooses between readings: it does not lift a reading's points.
  const Reading* best = nullptr;
  int best_rank = points::none;
  for (const Reading& r : readings(d, !hints.empty())) {
    int rank = r.points;
    if (r.valid && !r.international && std::find(hints.begin(), hints.end(), r.region) != hints.end())
      rank += points::region_hint;
    if (rank > best_rank) best = &r, best_rank = rank;
  }
  return best ? *best : Reading{};
}

bool ReadingCache::get(const std::string& key, std::vector<Reading>& out) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_map.find(key);
  if (it == m_map.end()) return false;
  out = it->second;
  return true;
}

void ReadingCache::put(const std::string& key, const std::vector<Reading>& readings) {
  std::lock_guard lock(m_mutex);
  if (m_map.size() >= k_shared_cache_limit) m_map.clear();
  m_map.emplace(key, readings);
}

const std::vector<Reading>& Reader::readings(const Digits& d, bool complete) {
  std::string key = complete ? "*" : "";
  key += d.international ? "+" : "";
  key += d.digits;
  for (size_t b : d.boundaries) key += "|" + std::to_string(b);
  key += "|" + d.separators;
  const auto it = m_cache.find(key);
  if (it != m_cache.end()) return it->second;
  if (m_cache.size() >= k_cache_limit) m_cache.clear();
  std::vector<Reading> found;
  if (!m_shared || !m_shared->get(key, found)) {
    found = d.international ? international(d) : national(d, complete);
    if (m_shared) m_shared->put(key, found);
  }
  return m_cache.emplace(std::move(key), std::move(found)).first->second;
}

std::vector<Reading> Reader::international(const Digits& d) const {
  PhoneNumber n;
  if (util().Parse("+" + d.digits, "ZZ", &n) != PhoneNumberUtil::NO_PARSING_ERROR) return {};
  Digits used = d;
  std::string e164, region;
  Level level = level_of(n, e164, region);
  const size_t cc = digit_count(n.country_code());
  if (level != Level::valid && d.digits.size() > cc + 1 && d.digits[cc] == '0') {
    // "+49 030 …": a trunk prefix written after the country code.
    Digits without = d;
    without.digits.erase(cc, 1);
    for (size_t& b : without.boundaries)
      if (b > cc) --b;
    PhoneNumber m;
    std::string e, r;
    if (util().Parse("+" + without.digits, "ZZ", &m) == PhoneNumberUtil::NO_PARSING_ERROR &&
        level_of(m, e, r) == Level::valid) {
      n = m, used = without, e164 = e, region = r, level = Level::valid;
    }
  }
  if (level == Level::none) return {};
  if (level != Level::valid) {
    util().GetRegionCodeForNumber(n, &region);
    region = region_for(n, std::move(region));
  }
  const bool configured = std::any_of(m_plans.begin(), m_plans.end(),
                                      [&](const Plan& p) { return p.configured && p.region == region; });
  std::string formatted;
  util().Format(n, PhoneNumberUtil::INTERNATIONAL, &formatted);
  int grouping = grouping_points(formatted, used, cc);
  // A number the plan does not know yet is formatted unreliably: "+CC" and groups suffice.
  if (level != Level::valid) grouping = std::max(grouping, 0);
  const int p = level_points(level, configured) + points::international + grouping;
  return {Reading{region, e164, p, true, level == Level::valid}};
}

std::vector<Reading> Reader::national(const Digits& d, bool complete) const {
  std::vector<Reading> out;
  int best = points::none;
  constexpr int k_most_extra =
      points::trunk_written + points::grouping_exact + points::style_match + points::region_hint;
  const bool any_trunk = d.digits[0] == '0' || d.digits[0] == '1';
  const int top =
      points::valid + (any_trunk ? points::trunk_written : 0) + points::grouping_exact + points::style_match;
  for (const Plan& plan : m_plans) {
    if (!complete && best >= top && !plan.configured) break;
    const bool trunk_candidate = !plan.ndd.empty() && d.digits.rfind(plan.ndd, 0) == 0;
    // Cheap rejections before libphonenumber's regular expressions: these plans' numbers are
    // written with their trunk prefix, and NANP numbers never start with 0.
    if (plan.trunk_required && !trunk_candidate) continue;
    if (plan.country_code == 1 && d.digits[0] == '0') continue;
    if (!fits(plan, d.digits.size()) && !(trunk_candidate && fits(plan, d.digits.size() - plan.ndd.size())))
      continue;
    PhoneNumber n;
    if (util().Parse(d.digits, plan.region, &n) != PhoneNumberUtil::NO_PARSING_ERROR) continue;
    if (static_cast<int>(n.country_code()) != plan.country_code) continue;
    std::string e164, valid_region;
    const Level level = level_of(n, e164, valid_region);
    if (level == Level::none) continue;
    const std::string number_region = level == Level::valid ? valid_region : plan.region;
    const bool configured =
        plan.configured || std::any_of(m_plans.begin(), m_plans.end(), [&](const Plan& p) {
          return p.configured && p.region == number_region;
        });
    int p = level_points(level, configured);
    if (p + k_most_extra < best) continue;  // cannot win
    std::string nsn, formatted;
    util().GetNationalSignificantNumber(n, &nsn);
    util().Format(n, PhoneNumberUtil::NATIONAL, &formatted);
    const bool trunk_written = trunk_candidate && nsn.size() < d.digits.size();
    const size_t first_digit = formatted.find_first_of("0123456789");
    const bool plan_writes_trunk = !plan.ndd.empty() && first_digit != std::string::npos &&
                                   formatted.compare(first_digit, plan.ndd.size(), plan.ndd) == 0;
    int grouping = grouping_points(formatted, d, 0);
    if (trunk_written) p += points::trunk_written;
    if (!trunk_written && plan_writes_trunk) p += points::trunk_missing;
    p += grouping;
    best = std::max(best, p);
    out.push_back({number_region, e164, p, false, level == Level::valid});
  }
  return out;
}

}  // namespace exposcan::phone
