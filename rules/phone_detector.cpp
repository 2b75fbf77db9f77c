#include "rules/phone_detector.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <optional>

#include "core/text.h"
#include "rules/phone_candidates.h"
#include "rules/phone_context.h"
#include "rules/phone_reading.h"
#include "rules/validators.h"

namespace exposcan {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;
using phone::Digits;
using phone::Reading;
using phone::Region;
using phone::Window;
namespace points = phone::points;

constexpr size_t k_min_digits = 7;
constexpr size_t k_max_digits = 17;  // 15 (E.164) plus an IDD "00" or a trunk prefix
constexpr int k_max_windows_per_region = 32;
constexpr size_t k_id_run_digits = 13;  // see Evaluator::evaluate
// libphonenumber needs ~0.2 ms to read a national number against all default plans. Past this
// many national readings in one text (a data dump, not prose), only numbers with a phone word,
// emoji or tel: URI nearby are still read nationally, and past four times as many none are;
// international ones always are.
constexpr int k_max_national_reads = 5000;
// How much worse than the longest window a split into two numbers may score (RegionSearch::at).
constexpr int k_longer_window_margin = 15;

std::string upper(std::string s) {
  for (char& c : s) c = ascii_upper_char(c);
  return s;
}

const PhoneNumberUtil& util() {
  return *PhoneNumberUtil::GetInstance();
}

// Digits inside a URL, e-mail address or handle (the scanner's neighbour checks catch most;
// this also covers "www.example.org:8080"-like tokens). A tel:/callto: URI is a phone number.
bool in_url(std::string_view text, const Region& r) {
  const size_t end = r.ext_end != 0 ? r.ext_end : r.end;
  return inside_url(text, r.start, end) && !phone::context_of(text, r.start, end).tel_uri;
}

}  // namespace

struct PhoneDetector::Plans {
  std::vector<phone::Plan> plans;
  mutable phone::ReadingCache readings;  // shared by every find() on this detector
};

const std::vector<std::string>& PhoneDetector::default_regions() {
  // NANP is one plan: "US" finds Canadian and Caribbean numbers too (validity is checked for
  // the whole +1 plan), so "CA" is not tried separately.
  static const std::vector<std::string> k_regions{"US", "GB", "DE", "FR", "IN", "ES", "IT",
                                                  "NL", "AU", "BR", "JP", "CH", "AT", "BE"};
  return k_regions;
}

bool PhoneDetector::region_supported(std::string_view region) {
  return phone::region_known(upper(std::string(region)));
}

PhoneDetector::PhoneDetector(std::vector<std::string> regions, double min_score) : m_min_score(min_score) {
  for (std::string& r : regions) {
    r = upper(std::move(r));
    if (region_supported(r) && std::find(m_regions.begin(), m_regions.end(), r) == m_regions.end())
      m_regions.push_back(r);
  }
  m_configured = !m_regions.empty();
  if (!m_configured) m_regions = default_regions();
  auto plans = std::make_shared<Plans>();
  plans->plans = phone::make_plans(m_regions, m_configured);
  m_plans = std::move(plans);
}

namespace {

// Scores windows of one text: the reading plus context and shape.
struct Evaluator {
  std::string_view text;
  bool configured;
  phone::Reader reader;
  std::vector<std::string> hints;  // regions of international numbers seen earlier in the text
  int national_reads = 0;

  // The most a window could score before asking libphonenumber (prunes ID-like digit runs).
  int ceiling(const Digits& d, int bonus) const {
    int top = (configured ? points::valid_configured : points::valid) + bonus;
    if (d.international) return top + points::international + points::grouping_exact + points::style_match;
    if (d.digits[0] == '0' || d.digits[0] == '1') top += points::trunk_written;
    return top +
           (d.boundaries.empty() ? points::grouping_against : points::grouping_exact + points::style_match);
  }

  // Points for window `w` of region `r`; `floor`: below it the caller has no use for the reading.
  Reading evaluate(const Region& r, const Window& w, int floor) {
    const Digits d = phone::digits_of(r, w);
    if (d.digits.size() < k_min_digits) return {};
    // Context is the region's: a number in the middle of a run shares the words before the run.
    const phone::Context ctx = phone::context_of(text, r.start, phone::window_end(r, w));
    int bonus = 0;
    if (ctx.tel_uri) bonus += points::tel_uri;
    if (d.parenthesised) bonus += points::parenthesised;
    if (ctx.positive) bonus += points::positive_context;
    if (ctx.negative) bonus += points::negative_context;
    if (ceiling(d, bonus) < floor) return {};
    // 13 or more digits in one unbroken run, not starting with a trunk 0 and with no phone word
    // or tel: URI near them: an id (a post's, an order's, an IMEI), never written so as a national
    // number. libphonenumber would read it against every plan whose numbers may be that long (DE,
    // AT): on the benchmark's item texts these ids were 94 % of all national readings.
    if (!d.international && d.boundaries.empty() && d.digits.size() >= k_id_run_digits && d.digits[0] != '0' &&
        !ctx.positive && !ctx.tel_uri)
      return {};
    if (!d.international) {
      const bool phone_word = ctx.positive || ctx.tel_uri;
      if (++national_reads > (phone_word ? 4 : 1) * k_max_national_reads) return {};
    }
    Reading reading = reader.best(d, hints);
    if (reading.points != points::none) reading.points += bonus;
    return reading;
  }
};

struct Scored {
  Window window;
  Reading reading;
};

// Chooses the windows of one region, left to right.
class RegionSearch {
 public:
  RegionSearch(Evaluator& evaluator, const Region& region, int min_points)
      : m_evaluator(evaluator), m_region(region), m_min_points(min_points) {}

  // The number starting at group `i`, if any: the longest window read as a valid number (else
  // the longest possible one), so "+49 30 1234 5678-0" is not cut to the also valid
  // "+49 30 1234". A shorter valid window wins only when the groups it leaves out start a number
  // about as good: "030 1234567 030 7654321" is two numbers although "030 1234567 030" is valid.
  std::optional<Scored> at(size_t i) {
    std::vector<Scored> found = candidates(i, true);
    if (found.empty()) return std::nullopt;
    const bool any_valid =
        std::any_of(found.begin(), found.end(), [](const Scored& s) { return s.reading.valid; });
    if (any_valid)
      found.erase(
          std::remove_if(found.begin(), found.end(), [](const Scored& s) { return !s.reading.valid; }),
          found.end());
    const int longest = found.front().reading.points;
    for (size_t k = 1; k < found.size(); ++k) {
      const Scored& shorter = found[k];
      if (shorter.reading.points < longest - k_longer_window_margin) continue;
      int rest = points::none;
      for (const Scored& next : candidates(shorter.window.last, false))
        if (next.reading.valid) rest = std::max(rest, next.reading.points);
      if (rest >= longest - k_longer_window_margin) return shorter;
    }
    return found.front();
  }

 private:
  // Windows starting at group `i` that reach the threshold, longest first. With `for_at`, once a
  // valid window is found, a shorter one is not read when the groups it leaves out hold too few
  // digits to start a number: at() could not choose it (its rest check finds nothing), so
  // libphonenumber is not asked about it. The window budget is spent as if it were read.
  std::vector<Scored> candidates(size_t i, bool for_at) {
    std::vector<Scored> found;
    bool valid_found = false;
    const size_t n = m_region.groups.size();
    for (size_t j = n; j > i && m_budget > 0; --j) {
      const Window w{i, j};
      const size_t digits = phone::window_digits(m_region, w);
      if (digits < k_min_digits) break;
      if (digits > k_max_digits || !phone::window_bounded(m_region, w) || phone::window_excluded(m_region, w))
        continue;
      --m_budget;
      if (for_at && valid_found && (j == n || phone::window_digits(m_region, Window{j, n}) < k_min_digits)) continue;
      Reading reading = m_evaluator.evaluate(m_region, w, m_min_points);
      if (reading.points == points::none || reading.points < m_min_points) continue;
      valid_found = valid_found || reading.valid;
      found.push_back({w, std::move(reading)});
    }
    return found;
  }

  Evaluator& m_evaluator;
  const Region& m_region;
  int m_min_points;
  int m_budget = k_max_windows_per_region;
};

}  // namespace

std::vector<PhoneMatch> PhoneDetector::find(std::string_view text) const {
  std::vector<PhoneMatch> matches;
  Evaluator evaluator{text, m_configured, phone::Reader(m_plans->plans, &m_plans->readings), {}};
  const int min_points = static_cast<int>(m_min_score * 100.0 + 0.5);
  for (const Region& r : phone::find_regions(text)) {
    if (phone::region_excluded(text, r) || in_url(text, r)) continue;
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
  const std::string region = default_region.empty() ? "ZZ" : upper(std::string(default_region));
  PhoneNumber n;
  if (util().Parse(s, region, &n) != PhoneNumberUtil::NO_PARSING_ERROR) return std::nullopt;
  if (!util().IsPossibleNumber(n)) return std::nullopt;
  std::string e164;
  util().Format(n, PhoneNumberUtil::E164, &e164);
  return e164;
}

}  // namespace exposcan
