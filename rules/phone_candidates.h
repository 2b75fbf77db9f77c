// rules/phone_candidates.h — the text side of phone detection (internal to PhoneDetector).
//
// A hand scanner finds "digit regions": runs of digit groups joined by the separators people
// put in phone numbers (spaces incl. U+00A0/U+202F and raw HTML's "&nbsp;", dashes, '.', '/',
// parentheses), with an
// optional leading '+', and an extension after them ("ext. 12", "x12", "#12", "Durchwahl 12",
// ";ext=12"). It records how the region touches its neighbours (glued to a word, a price, a
// path…) so the detector can try the whole region or a space-bounded part of it. It knows no
// numbering plan; PhoneDetector asks libphonenumber about each window. Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace exposcan::phone {

struct Group {
  size_t start = 0;  // byte offsets of the digits in the text
  size_t end = 0;
  size_t lead = 0;     // start, or the '(' directly before the digits
  size_t trail = 0;    // end, or past the ')' directly after them
  std::string digits;  // ASCII
};

struct Region {
  size_t start = 0;  // first byte: '+', '(' or the first digit
  size_t end = 0;    // one past the last digit (or a closing ')')
  bool plus = false;
  std::vector<Group> groups;
  std::vector<std::string> seps;  // seps[k] joins groups[k] and groups[k+1], normalised to " -./()"
  bool left_attached = false;     // glued to a word, '#', '@', a price or a longer token
  bool glued_to_word = false;     // letters directly before the first digit
  bool right_attached = false;
  std::string extension;  // digits, empty when none
  size_t ext_end = 0;     // one past the extension, when there is one
};

// All digit regions in `text` with at least one digit, in order, non-overlapping.
std::vector<Region> find_regions(std::string_view text);

// True when the whole region is something else: the digits continue a word ("AA1 01 2345",
// "ID12 345 678"), part of an IBAN-shaped run ("DE89 3704 …"), a ZIP+4 after a state code, a
// valid payment card number, shaped like one or like a parcel number (three or more 4-digit
// groups not starting with a trunk 0, Amex's 4-6-5) or a complete ISBN-13.
bool region_excluded(std::string_view text, const Region& r);

// A contiguous run of groups [first, last) of a region, the unit the detector scores.
struct Window {
  size_t first = 0;
  size_t last = 0;
};
// Byte span of a window: includes the region's '+' or an opening '(' that belongs to it, a
// closing ')' and, when the window ends the region, the extension.
size_t window_start(const Region& r, const Window& w);
size_t window_end(const Region& r, const Window& w);
// True when the window may stand alone: it does not start or end in the middle of a token
// (inner boundaries must be spaces or '/') and the region is not glued to its neighbour there.
bool window_bounded(const Region& r, const Window& w);
// Number of digits in the window.
size_t window_digits(const Region& r, const Window& w);
// True when the window is, or contains, something that is not a phone number by its shape
// alone: a date, a year range, an IPv4 address, an ISBN, a payment card number, a dotted
// thousands figure or a decimal fraction.
bool window_excluded(const Region& r, const Window& w);

}  // namespace exposcan::phone
