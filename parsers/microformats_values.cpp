// Text, class-name and value-class-pattern rules of the mf2 parsing specification.
#include <algorithm>

#include "core/text.h"
#include "parsers/microformats.h"
#include "parsers/microformats_internal.h"

namespace exposcan {
namespace {

bool is_lower_alpha(char c) { return c >= 'a' && c <= 'z'; }

// The part after "h-" / "p-": an optional vendor segment of [a-z0-9]+, then [a-z]+ segments.
bool valid_mf2_name(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  std::vector<std::string_view> segs = split(s, '-');
  for (size_t i = 0; i < segs.size(); ++i) {
    std::string_view seg = segs[i];
    if (seg.empty()) return false;
    bool vendor_ok = i == 0 && segs.size() > 1;
    for (char c : seg)
      if (!(is_lower_alpha(c) || (vendor_ok && is_ascii_digit(c)))) return false;
  }
  return true;
}

std::string_view trim_html_space(std::string_view s) {
  auto sp = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (!s.empty() && sp(s.front())) s.remove_prefix(1);
  while (!s.empty() && sp(s.back())) s.remove_suffix(1);
  return s;
}

size_t count_digits(std::string_view s, size_t i) {
  size_t n = 0;
  while (i + n < s.size() && is_ascii_digit(s[i + n])) ++n;
  return n;
}

int two_digits(std::string_view v, size_t i) { return (v[i] - '0') * 10 + (v[i + 1] - '0'); }

// YYYY-MM-DD (month 01-12, day 01-31) or the ordinal YYYY-DDD (day 001-366); the VCP ignores
// value parts that are not valid dates, times or timezones.
bool is_date(std::string_view v) {
  if (v.size() == 10) {
    if (!(count_digits(v, 0) == 4 && v[4] == '-' && count_digits(v, 5) == 2 && v[7] == '-' && count_digits(v, 8) == 2))
      return false;
    int month = two_digits(v, 5), day = two_digits(v, 8);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }
  if (v.size() == 8 && count_digits(v, 0) == 4 && v[4] == '-' && count_digits(v, 5) == 3) {
    int day = (v[5] - '0') * 100 + two_digits(v, 6);
    return day >= 1 && day <= 366;
  }
  return false;
}

// Timezone: Z, +HH, +HHMM, +HH:MM (and one-digit hours).
bool is_tz(std::string_view v) {
  if (v == "Z" || v == "z") return true;
  if (v.size() < 2 || (v[0] != '+' && v[0] != '-')) return false;
  size_t h = count_digits(v, 1);
  if (h < 1 || h > 4) return false;
  if (1 + h == v.size()) return h != 3;
  if (h == 2 && v[3] == ':' && count_digits(v, 4) == 2 && v.size() == 6) return true;
  return false;
}

struct TimeParts {
  std::string time;  // normalised
  std::string tz;    // as written
};

// H[H][:MM[:SS[.fff]]][ ][am|pm|a.m.|p.m.][tz]; needs ':' or am/pm to count as a time.
std::optional<TimeParts> parse_time(std::string_view v) {
  size_t i = 0;
  size_t hd = count_digits(v, 0);
  if (hd < 1 || hd > 2) return std::nullopt;
  i = hd;
  std::string_view hh = v.substr(0, hd), mm, ss;
  bool colon = false;
  if (i < v.size() && v[i] == ':' && count_digits(v, i + 1) == 2) {
    colon = true;
    mm = v.substr(i + 1, 2);
    i += 3;
    if (i < v.size() && v[i] == ':' && count_digits(v, i + 1) == 2) {
      ss = v.substr(i + 1, 2);
      i += 3;
      if (i < v.size() && v[i] == '.' && count_digits(v, i + 1) > 0) i += 1 + count_digits(v, i + 1);
    }
  }
  std::string_view time_written = v.substr(0, i);
  size_t j = i;
  while (j < v.size() && v[j] == ' ') ++j;
  int ampm = 0;  // 1 am, 2 pm
  std::string rest = ascii_lower(v.substr(j));
  for (std::string_view m : {"a.m.", "p.m.", "am", "pm"}) {
    if (rest.rfind(m, 0) == 0) {
      ampm = m[0] == 'a' ? 1 : 2;
      j += m.size();
      break;
    }
  }
  if (!ampm) j = i;
  std::string_view tz = v.substr(j);
  if (!tz.empty() && !is_tz(tz)) return std::nullopt;
  if (!colon && !ampm) return std::nullopt;
  // Ranges: minutes 00-59, seconds 00-60 (a leap second), 24-hour hours 00-23.
  if (!mm.empty() && two_digits(mm, 0) > 59) return std::nullopt;
  if (!ss.empty() && two_digits(ss, 0) > 60) return std::nullopt;
  if (!ampm && std::stoi(std::string(hh)) > 23) return std::nullopt;
  TimeParts p;
  p.tz = std::string(tz);
  if (ampm) {
    int h = std::stoi(std::string(hh));
    if (h < 1 || h > 12) return std::nullopt;
    if (ampm == 1 && h == 12) h = 0;
    if (ampm == 2 && h != 12) h += 12;
    p.time = (h < 10 ? "0" : "") + std::to_string(h) + ":" + (mm.empty() ? "00" : std::string(mm));
    if (!ss.empty()) p.time += ":" + std::string(ss);
  } else {
    p.time = std::string(time_written);
  }
  return p;
}

bool is_property_or_root(HtmlNode e) {
  if (!e.has_attr("class")) return false;
  auto classes = mf2::class_list(e);
  for (auto c : classes)
    if (mf2_is_root_class(c) || mf2_is_property_class(c)) return true;
  return !mf2::backcompat_root_types(classes).empty();
}

// The value elements of the value-class pattern: descendants with class "value" / "value-title"
// that are not inside nested properties or microformats (and not inside another value element).
void collect_value_elements(HtmlNode e, std::vector<std::pair<HtmlNode, bool>>& out) {
  walk_tree(e, [&](HtmlNode n) {
    if (n == e) return true;
    if (!n.is_element() || n.is("template")) return false;
    if (!n.has_attr("class")) return true;
    if (mf2::has_class_token(n, "value-title")) {
      out.emplace_back(n, true);
      return false;
    }
    if (mf2::has_class_token(n, "value")) {
      out.emplace_back(n, false);
      return false;
    }
    return !is_property_or_root(n);
  });
}

std::string value_of(HtmlNode v, bool title, bool datetime) {
  static const mf2::Resolver k_no_resolve{};
  if (title) return std::string(v.attr_or("title"));
  std::string_view t = v.tag();
  if ((t == "img" || t == "area") && v.has_attr("alt")) return std::string(*v.attr("alt"));
  if (t == "data" && v.has_attr("value")) return std::string(*v.attr("value"));
  if (t == "abbr" && v.has_attr("title")) return std::string(*v.attr("title"));
  if (datetime && one_of(t, {"del", "ins", "time"}) && v.has_attr("datetime"))
    return std::string(*v.attr("datetime"));
  return mf2::text_value(v, false, k_no_resolve, datetime);
}

}  // namespace

bool mf2_is_root_class(std::string_view cls) { return cls.size() > 2 && cls.substr(0, 2) == "h-" && valid_mf2_name(cls.substr(2)); }

bool mf2_is_property_class(std::string_view cls) {
  for (std::string_view p : {"p-", "u-", "dt-", "e-"})
    if (cls.size() > p.size() && cls.substr(0, p.size()) == p) return valid_mf2_name(cls.substr(p.size()));
  return false;
}

namespace mf2 {

std::string_view trim_space(std::string_view s) { return trim_html_space(s); }

// RFC 3986 scheme ":" at the start: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
static bool has_url_scheme(std::string_view r) {
  if (r.empty() || !((r[0] >= 'a' && r[0] <= 'z') || (r[0] >= 'A' && r[0] <= 'Z'))) return false;
  for (size_t i = 1; i < r.size(); ++i) {
    char c = r[i];
    if (c == ':') return true;
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_ascii_digit(c) || c == '+' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return false;
}

ClassList class_list(HtmlNode e) {
  auto attr = e.attr("class");
  return attr ? html_tokens(*attr) : ClassList{};
}


bool has_class_token(HtmlNode e, std::string_view name) {
  for (auto c : class_list(e))
    if (c == name) return true;
  return false;
}

std::string Resolver::operator()(std::string_view ref) const {
  // WHATWG URL parsing first removes leading and trailing C0 controls and spaces.
  std::string_view r = ref;
  while (!r.empty() && static_cast<unsigned char>(r.front()) <= 0x20) r.remove_prefix(1);
  while (!r.empty() && static_cast<unsigned char>(r.back()) <= 0x20) r.remove_suffix(1);
  // RFC 3986 5.2.2: an empty reference is the base URI itself (without its fragment), kept as
  // written like any absolute URL ("http://example.test" stays without a trailing slash).
  if (r.empty()) return std::string(base.substr(0, std::min(base.find('#'), base.size())));
  // A relative reference is prepared as the WHATWG URL parser does for HTML: tab, LF and CR are
  // removed, spaces, other control characters and non-ASCII bytes are percent-encoded (with
  // uppercase hex digits, RFC 3986 2.1). Absolute references stay as written.
  if (!has_url_scheme(r)) {
    std::string prepared;
    bool changed = false;
    for (char ch : r) {
      auto b = static_cast<unsigned char>(ch);
      if (b == '\t' || b == '\n' || b == '\r') {
        changed = true;
      } else if (b <= 0x20 || b >= 0x7F) {
        static constexpr char k_hex[] = "0123456789ABCDEF";
        prepared += '%';
        prepared += k_hex[b >> 4];
        prepared += k_hex[b & 0xF];
        changed = true;
      } else {
        prepared += ch;
      }
    }
    if (changed) {
      if (prepared.empty()) return std::string(base.substr(0, std::min(base.find('#'), base.size())));
      std::string out = resolver.resolve(prepared);
      return out.empty() ? prepared : out;
    }
  }
  std::string out = resolver.resolve(r);
  return out.empty() && !r.empty() ? std::string(r) : out;
}

std::vector<std::string> root_types(const ClassList& classes) {
  std::vector<std::string> out;
  for (auto c : classes)
    if (mf2_is_root_class(c)) out.emplace_back(c);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<PropertyClass> property_classes(const ClassList& classes) {
  std::vector<PropertyClass> out;
  for (auto c : classes) {
    if (!mf2_is_property_class(c)) continue;
    size_t dash = c.find('-');
    // Not deduplicated: the spec parses each property class name, so "p-a p-a" gives two values
    // (as the suite's tentative-names-properties-multi documents for current parsers).
    out.push_back(PropertyClass{std::string(c.substr(0, dash)), std::string(c.substr(dash + 1)), false});
  }
  return out;
}

std::string text_value(HtmlNode e, bool replace_img, const Resolver& resolve, bool trim_result) {
  std::string out;
  walk_tree(e, [&](HtmlNode n) {
    if (n.is_text()) {
      out += n.text();
      return false;
    }
    if (!n.is_element()) return false;
    std::string_view t = n.tag();
    if (t == "script" || t == "style" || t == "template") return n == e ? false : false;
    // The element's own textContent: an <img> property or root has none (only nested images
    // are replaced by their alt or src).
    if (replace_img && t == "img" && n != e) {
      if (auto alt = n.attr("alt")) out += *alt;
      else if (auto src = n.attr("src")) out += " " + resolve(*src) + " ";
      return false;
    }
    return true;
  });
  return trim_result ? std::string(trim_html_space(out)) : out;
}

std::optional<std::string> value_class_text(HtmlNode e) {
  std::vector<std::pair<HtmlNode, bool>> values;
  collect_value_elements(e, values);
  if (values.empty()) return std::nullopt;
  std::string out;
  for (auto& [v, title] : values) out += value_of(v, title, false);
  return out;
}

std::optional<std::string> value_class_datetime(HtmlNode e) {
  std::vector<std::pair<HtmlNode, bool>> values;
  collect_value_elements(e, values);
  if (values.empty()) return std::nullopt;
  std::string date, time, tz;
  for (auto& [v, title] : values) {
    std::string raw(trim_html_space(value_of(v, title, true)));
    std::string_view s = raw;
    if (date.empty() && time.empty() && s.size() > 11 && is_date(s.substr(0, 10)) && (s[10] == 'T' || s[10] == ' ')) {
      if (auto t = parse_time(s.substr(11))) {
        date = std::string(s.substr(0, 10));
        time = t->time;
        if (tz.empty()) tz = t->tz;
        continue;
      }
    }
    if (date.empty() && is_date(s)) {
      date = raw;
    } else if (auto t = time.empty() ? parse_time(s) : std::nullopt; t && (t->tz.empty() || tz.empty())) {
      // A time written with its own timezone fills both slots; once a timezone has been found
      // it cannot be replaced, so such a part is ignored as a whole (first value wins).
      time = t->time;
      if (tz.empty()) tz = t->tz;
    } else if (tz.empty() && is_tz(s)) {
      tz = raw;
    }
  }
  if (!date.empty() && !time.empty()) return date + " " + time + tz;
  if (!date.empty()) return date;
  if (!time.empty()) return time + tz;
  // No value part is a date or a time: the pattern yields nothing and the dt-* rules go on to
  // datetime / title / value attributes and the text (VCP: invalid parts are ignored).
  return std::nullopt;
}

bool has_date_part(std::string_view v) {
  return (v.size() >= 10 && is_date(v.substr(0, 10))) || (v.size() == 8 && is_date(v));
}

std::string date_part(std::string_view v) {
  if (v.size() >= 10 && is_date(v.substr(0, 10))) return std::string(v.substr(0, 10));
  return std::string(v.substr(0, 8));
}

bool is_time_only(std::string_view v) { return parse_time(trim_html_space(v)).has_value(); }

std::string normalize_time(std::string_view v) {
  auto t = parse_time(trim_html_space(v));
  return t ? t->time + t->tz : std::string(v);
}

}  // namespace mf2
}  // namespace exposcan
