#include "rules/char_refs.h"

#include "core/text.h"

#include <cstdint>
#include <cstring>

namespace exposcan {
namespace {

struct NamedRef {
  std::string_view name;  // without '&' and ';'
  char32_t cp;
};

// Named references (WHATWG HTML §13.5) that turn up around contact data, spacing and punctuation.
// Sorted by name for the binary search.
constexpr NamedRef k_named[] = {
    {"AMP", '&'},        {"GT", '>'},          {"LT", '<'},         {"QUOT", '"'},       {"amp", '&'},
    {"apos", '\''},      {"colon", ':'},       {"comma", ','},      {"commat", '@'},     {"dash", 0x2010},
    {"emsp", 0x2003},    {"ensp", 0x2002},     {"gt", '>'},         {"hyphen", 0x2010},  {"lbrack", '['},
    {"lcub", '{'},       {"lowbar", '_'},      {"lpar", '('},       {"lsqb", '['},       {"lt", '<'},
    {"mdash", 0x2014},   {"minus", 0x2212},    {"nbsp", 0xA0},      {"ndash", 0x2013},   {"num", '#'},
    {"percnt", '%'},     {"period", '.'},      {"plus", '+'},       {"quot", '"'},       {"rbrack", ']'},
    {"rcub", '}'},       {"rpar", ')'},        {"rsqb", ']'},       {"semi", ';'},       {"sol", '/'},
    {"thinsp", 0x2009},
};

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Reads the reference starting at s[pos] == '&'; returns its byte length (0 when there is none)
// and sets `cp`.
size_t read_ref(std::string_view s, size_t pos, char32_t& cp) {
  size_t p = pos + 1;
  if (p < s.size() && s[p] == '#') {
    ++p;
    const bool hex = p < s.size() && (s[p] == 'x' || s[p] == 'X');
    if (hex) ++p;
    const size_t digits_start = p;
    uint32_t value = 0;
    bool overflow = false;
    for (; p < s.size(); ++p) {
      const int d = hex ? (is_hex_digit(s[p]) ? hex_value(s[p]) : -1) : (is_ascii_digit(s[p]) ? s[p] - '0' : -1);
      if (d < 0) break;
      value = value * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      if (value > 0x10FFFF) overflow = true, value = 0x110000;
      if (p - digits_start > 8) return 0;  // not a plausible reference
    }
    if (p == digits_start) return 0;
    if (p < s.size() && s[p] == ';') {
      ++p;
    } else if (p < s.size() && is_alnum(s[p])) {
      return 0;  // "&#64abc" is not read as a reference
    }
    cp = (overflow || value == 0 || (value >= 0xD800 && value <= 0xDFFF)) ? 0xFFFD : value;
    return p - pos;
  }
  size_t q = p;
  while (q < s.size() && q - p < 8 && is_alnum(s[q])) ++q;
  if (q == p || q >= s.size() || s[q] != ';') return 0;
  const std::string_view name = s.substr(p, q - p);
  size_t lo = 0, hi = std::size(k_named);
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (k_named[mid].name < name) lo = mid + 1;
    else hi = mid;
  }
  if (lo == std::size(k_named) || k_named[lo].name != name) return 0;
  cp = k_named[lo].cp;
  return q + 1 - pos;
}

}  // namespace

std::optional<fold::FoldedText> decode_char_refs(std::string_view s) {
  size_t amp = s.find('&');
  char32_t cp = 0;
  while (amp != std::string_view::npos && read_ref(s, amp, cp) == 0) amp = s.find('&', amp + 1);
  if (amp == std::string_view::npos) return std::nullopt;

  fold::FoldedText out;
  out.text.reserve(s.size());
  out.src_start.reserve(s.size());
  out.src_end.reserve(s.size());
  auto copy = [&](size_t from, size_t to) {
    out.text.append(s.data() + from, to - from);
    for (size_t i = from; i < to; ++i) {
      out.src_start.push_back(static_cast<uint32_t>(i));
      out.src_end.push_back(static_cast<uint32_t>(i + 1));
    }
  };
  size_t done = 0;
  while (amp != std::string_view::npos) {
    const size_t len = read_ref(s, amp, cp);
    if (len == 0) {
      amp = s.find('&', amp + 1);
      continue;
    }
    copy(done, amp);
    const size_t before = out.text.size();
    append_utf8(out.text, cp);
    for (size_t i = before; i < out.text.size(); ++i) {
      out.src_start.push_back(static_cast<uint32_t>(amp));
      out.src_end.push_back(static_cast<uint32_t>(amp + len));
    }
    done = amp + len;
    amp = s.find('&', done);
  }
  copy(done, s.size());
  return out;
}

}  // namespace exposcan
