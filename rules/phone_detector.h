// rules/phone_detector.h — phone numbers in free text, any country, with or without a region.
//
// Two stages. A hand scanner (phone_candidates.h) finds digit runs shaped like phone numbers —
// "+CC", "(0)" trunk prefixes, area codes in parentheses, spaces/dashes/dots/slashes, extensions
// — and drops what has the shape of something else (dates, year ranges, IPv4, ISBN, card
// numbers, decimals, thousands, digits glued to words, prices, JSON number values, URLs, e-mail
// addresses). libphonenumber then reads each candidate (phone_reading.h): as an international
// number when it starts with '+', "00" or "011", else as a national number of each configured
// region, or, with none configured, of default_regions(). The score (0–1) adds up the evidence:
//
//   valid number (configured region 0.7, any other 0.6) | possible only 0.3 | local-only 0.2
//   + 0.2 international prefix   + 0.4 tel:/callto:/sms: URI   + 0.1 area code or (0) in ( )
//   + 0.1 national trunk prefix written ("030 …", "07700 …"); − 0.1 when the plan writes one
//     and it is missing. Plans whose numbers are always written with it (GB, DE, FR, NL, AU, JP,
//     CH, AT, BE, …) do not read digits without it at all.
//   + 0.2 groups exactly as the plan formats them (+0.02 with its punctuation, a tie-breaker),
//     + 0.15 when every written break is one the plan makes, + 0.05 when only the area code is
//     split off, − 0.15 when grouped against the plan or, nationally, not at all (bare digit
//     strings are how IDs look)
//   + 0.3 a phone word or emoji nearby ("Tel.", "Handy", "portable", "móvil", "☎", "T:")
//   − 0.4 an ID word nearby ("order", "Rechnung", "facture", "ISBN", "tracking", "version")
//
// Between plans the highest score wins, then a region of an international number seen earlier
// in the same text, then the order of the region list. Matches at or above `min_score` (default
// 0.5) are returned.
//
// Decision on fictional numbers: numbers reserved for fiction — NANP 555-0100…555-0199 with any
// area code and Ofcom's drama ranges (07700 900xxx, 020 7946 0xxx, 0113/0114/0115/0116/0117/
// 0118/0121/0131/0141/0151/0161 496 0xxx, 028 9649 6xxx, 029 2018 0xxx, 01632 960xxx,
// 0808 157 0xxx, 0909 879 0xxx, 03069 990xxx) — score as valid numbers: they are what
// documentation, samples and test data use, and libphonenumber 8.12 rejects some of them
// (07700 900xxx) as unallocated. Other possible-but-invalid numbers ("(555) 123-4567",
// "+64 9 123 4567") still reach the threshold with "+CC", a phone-like format or a phone word.
//
// libphonenumber's PhoneNumberMatcher is not used: it reads the text once per region, accepts or
// rejects without a score and knows no context. (Its start() is a UTF-8 byte offset — checked on
// text with multi-byte characters before the number.) Offsets here are UTF-8 byte offsets.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exposcan {

struct PhoneMatch {
  size_t start = 0;  // byte offsets into the searched text; the extension is included
  size_t end = 0;
  std::string raw;        // the text of [start, end)
  std::string e164;       // "+12025550147" (no extension)
  std::string extension;  // "12" for "… ext. 12"; empty when none
  double score = 0.0;     // 0–1, see the header comment
  std::string region;     // region whose plan the number fits ("US", "GB"; "001" non-geographic)
};

class PhoneDetector {
 public:
  static constexpr double k_default_min_score = 0.5;
  // Regions most texts we scan come from, tried in this order when none is configured.
  static const std::vector<std::string>& default_regions();
  // True for a region code libphonenumber knows ("US", "de"); callers validate --region values
  // with it, since the constructor ignores unknown codes.
  static bool region_supported(std::string_view region);

  // `regions` (ISO 3166-1 alpha-2, any case) narrow national-format numbers to those regions;
  // empty means default_regions(). International-format numbers are found either way.
  explicit PhoneDetector(std::vector<std::string> regions = {}, double min_score = k_default_min_score);

  // All phone numbers in `text`, in order, non-overlapping. Const and thread-safe. Cost is
  // bounded: after 5000 national-format readings in one text, national numbers without a phone
  // word nearby are no longer read, after 20000 none are (a table of figures is not a contact
  // page); international ones always are.
  std::vector<PhoneMatch> find(std::string_view text) const;

  const std::vector<std::string>& regions() const { return m_regions; }

 private:
  struct Plans;  // numbering-plan data prepared once (phone_reading.h)
  std::vector<std::string> m_regions;
  bool m_configured = false;
  double m_min_score = k_default_min_score;
  std::shared_ptr<const Plans> m_plans;
};

// E.164 form of one phone number as a person would write it in a profile or config
// ("+49 (0)30 1234567", "(202) 555-0147 ext. 9", "tel:+1-202-555-0147"), read as national for
// `default_region` when it has no international prefix. nullopt unless libphonenumber can parse
// it and its length is possible for the country. The extension is dropped.
std::optional<std::string> to_e164(std::string_view number, std::string_view default_region);

}  // namespace exposcan
