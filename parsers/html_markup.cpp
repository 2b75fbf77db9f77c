// Scans of raw HTML markup, before gumbo or without it (see html_markup.h).
#include "parsers/html_markup.h"

#include <algorithm>
#include <optional>

#include "core/text.h"

namespace exposcan {

namespace {

// What the raw-markup scans need to know of a tag name, looked up once per tag: each scan meets a
// couple of hundred tags a page, and binary searches of name lists (memcmp calls) were a third of
// their time.
enum TagFlag : uint8_t { k_tag_void = 1, k_tag_auto_closing = 2, k_tag_raw_text = 4 };

// A name of up to 8 bytes as one integer (its bytes in order, zero-padded); 0 for a longer one and
// for one holding a NUL byte, which the padding would hide ("br\0" is not "br": the tokenizer reads
// that NUL as U+FFFD, another name).
constexpr uint64_t short_name_key(std::string_view name) {
  if (name.empty() || name.size() > 8 || name.find('\0') != std::string_view::npos) return 0;
  uint64_t key = 0;
  for (char c : name) key = key << 8 | static_cast<unsigned char>(c);
  return key << 8 * (8 - name.size());
}

struct TagEntry {
  uint64_t key;
  uint8_t flags;
};

// Void elements; elements whose end tags are optional (the tree builder closes them itself, so they
// do not add up into depth the way unclosed <div>s do); raw-text elements. Every name but
// "plaintext" fits a key.
constexpr auto k_tag_table = [] {
  constexpr std::pair<std::string_view, uint8_t> names[] = {
      {"area", k_tag_void}, {"base", k_tag_void}, {"br", k_tag_void}, {"col", k_tag_void}, {"embed", k_tag_void},
      {"hr", k_tag_void}, {"img", k_tag_void}, {"input", k_tag_void}, {"link", k_tag_void}, {"meta", k_tag_void},
      {"param", k_tag_void}, {"source", k_tag_void}, {"track", k_tag_void}, {"wbr", k_tag_void},
      {"keygen", k_tag_void}, {"basefont", k_tag_void}, {"bgsound", k_tag_void}, {"frame", k_tag_void},
      {"p", k_tag_auto_closing}, {"li", k_tag_auto_closing}, {"dt", k_tag_auto_closing}, {"dd", k_tag_auto_closing},
      {"tr", k_tag_auto_closing}, {"td", k_tag_auto_closing}, {"th", k_tag_auto_closing},
      {"option", k_tag_auto_closing}, {"optgroup", k_tag_auto_closing}, {"rb", k_tag_auto_closing},
      {"rp", k_tag_auto_closing}, {"rt", k_tag_auto_closing}, {"rtc", k_tag_auto_closing},
      {"tbody", k_tag_auto_closing}, {"thead", k_tag_auto_closing}, {"tfoot", k_tag_auto_closing},
      {"caption", k_tag_auto_closing}, {"colgroup", k_tag_auto_closing}, {"html", k_tag_auto_closing},
      {"head", k_tag_auto_closing}, {"body", k_tag_auto_closing}, {"script", k_tag_raw_text},
      {"style", k_tag_raw_text}, {"textarea", k_tag_raw_text}, {"title", k_tag_raw_text}, {"xmp", k_tag_raw_text},
      {"iframe", k_tag_raw_text}, {"noembed", k_tag_raw_text}, {"noframes", k_tag_raw_text}};
  std::array<TagEntry, std::size(names)> table{};
  for (size_t i = 0; i < std::size(names); ++i) table[i] = {short_name_key(names[i].first), names[i].second};
  std::sort(table.begin(), table.end(), [](const TagEntry& a, const TagEntry& b) { return a.key < b.key; });
  return table;
}();

uint8_t markup_tag_flags(std::string_view lower_name) {
  if (lower_name == "plaintext") return k_tag_raw_text;
  const uint64_t key = short_name_key(lower_name);
  if (key == 0) return 0;
  auto it = std::lower_bound(k_tag_table.begin(), k_tag_table.end(), key,
                             [](const TagEntry& e, uint64_t k) { return e.key < k; });
  return it != k_tag_table.end() && it->key == key ? it->flags : 0;
}

}  // namespace

bool is_void_tag(std::string_view t) { return (markup_tag_flags(t) & k_tag_void) != 0; }

size_t ifind(std::string_view hay, std::string_view needle, size_t from) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  if (!is_ascii_alpha(needle[0])) {  // "</script", "-->": memchr to each candidate
    for (size_t i = hay.find(needle[0], from); i != std::string_view::npos && i + needle.size() <= hay.size();
         i = hay.find(needle[0], i + 1)) {
      size_t k = 1;
      while (k < needle.size() && ascii_lower_char(hay[i + k]) == needle[k]) ++k;
      if (k == needle.size()) return i;
    }
    return std::string_view::npos;
  }
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && ascii_lower_char(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

namespace {

bool is_raw_text_tag(std::string_view t) { return (markup_tag_flags(t) & k_tag_raw_text) != 0; }

// A tag name as read_tag_name() reads it, held in place (no allocation per tag).
class TagName {
 public:
  std::string_view view() const { return {m_chars.data(), m_size}; }
  void push(char c) {
    if (m_size < m_chars.size()) m_chars[m_size++] = c;
  }

 private:
  std::array<char, 33> m_chars{};
  size_t m_size = 0;
};

// Reads a tag name at s[i] as the HTML tokenizer does (tag name state): everything up to
// whitespace, '/' or '>', ASCII lower-cased. "<script.x>" and "<style%>" name other elements, not
// raw-text ones. Only the first 33 characters are kept: no name compared against is that long, so
// a longer one matches nothing.
TagName read_tag_name(std::string_view s, size_t& i) {
  TagName name;
  while (i < s.size() && !is_html_space(s[i]) && s[i] != '/' && s[i] != '>') {
    name.push(ascii_lower_char(s[i]));
    ++i;
  }
  return name;
}

// Skips attributes up to and including '>'; returns true when the tag ended with "/>".
bool skip_tag_rest(std::string_view s, size_t& i) {
  bool self_closing = false;
  while (i < s.size()) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      size_t e = s.find(c, i + 1);
      i = e == std::string_view::npos ? s.size() : e + 1;
      self_closing = false;
      continue;
    }
    if (c == '>') {
      ++i;
      return self_closing;
    }
    self_closing = c == '/';
    ++i;
  }
  return self_closing;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Pre-scan

HtmlPrescan prescan_html(std::string_view s) {
  HtmlPrescan r;
  size_t depth = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t lt = s.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= s.size()) break;
    i = lt + 1;
    char c = s[i];
    if (c == '!') {
      if (s.substr(i, 3) == "!--") {
        size_t e = s.find("-->", i + 3);
        i = e == std::string_view::npos ? s.size() : e + 3;
      } else {
        size_t e = s.find('>', i);
        i = e == std::string_view::npos ? s.size() : e + 1;
      }
      continue;
    }
    if (c == '?') {
      size_t e = s.find('>', i);
      i = e == std::string_view::npos ? s.size() : e + 1;
      continue;
    }
    if (c == '/') {
      ++i;
      if (i >= s.size() || !is_ascii_alpha(s[i])) continue;
      const uint8_t flags = markup_tag_flags(read_tag_name(s, i).view());
      skip_tag_rest(s, i);
      if (flags & (k_tag_void | k_tag_auto_closing)) continue;
      ++r.end_tags;
      if (depth > 0) --depth;
      continue;
    }
    if (!is_ascii_alpha(c)) continue;
    const size_t name_start = i;
    const TagName tag_name = read_tag_name(s, i);
    const std::string_view name = tag_name.view();
    const uint8_t flags = markup_tag_flags(name);
    if (!r.upper_case_names)
      r.upper_case_names = std::any_of(s.begin() + name_start, s.begin() + i, [](char k) { return k >= 'A' && k <= 'Z'; });
    bool self_closing = skip_tag_rest(s, i);
    if (flags & k_tag_raw_text) {
      size_t e = ifind(s, "</" + std::string(name), i);
      i = e == std::string_view::npos ? s.size() : e;
      continue;
    }
    if (self_closing || (flags & (k_tag_void | k_tag_auto_closing))) continue;
    ++r.start_tags;
    ++depth;
    r.max_depth = std::max(r.max_depth, depth);
  }
  return r;
}

namespace {

// Steps over a tag's attributes as the HTML tokenizer does (quotes only open a value after '=');
// returns the position after '>', or npos when the tag never ends.
size_t end_of_tag(std::string_view s, size_t i) {
  while (i < s.size()) {
    const char c = s[i];
    if (c == '>') return i + 1;
    if (is_html_space(c) || c == '/') {
      ++i;
      continue;
    }
    ++i;  // the attribute name's first character may be '=' or a quote
    while (i < s.size() && !is_html_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') ++i;
    while (i < s.size() && is_html_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && is_html_space(s[i])) ++i;
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
      size_t close = s.find(s[i], i + 1);
      if (close == std::string_view::npos) return close;
      i = close + 1;
    } else {
      while (i < s.size() && !is_html_space(s[i]) && s[i] != '>') ++i;
    }
  }
  return std::string_view::npos;
}

// Where the raw text started at `from` ends: the next "</name" followed by space, '/' or '>'
// (HTML's appropriate end tag), or npos.
size_t raw_text_end(std::string_view s, size_t from, std::string_view name) {
  const std::string close = "</" + std::string(name);
  for (size_t e = ifind(s, close, from); e != std::string_view::npos; e = ifind(s, close, e + 1)) {
    const size_t after = e + close.size();
    if (after < s.size() && (is_html_space(s[after]) || s[after] == '/' || s[after] == '>')) return e;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> head_style_text(std::string_view s) {
  std::vector<std::pair<size_t, size_t>> spans;
  size_t i = s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < s.size()) {
    if (is_html_space(s[i])) {
      ++i;
      continue;
    }
    if (s[i] != '<' || i + 1 >= s.size()) break;  // text: the body has begun
    const char c = s[i + 1];
    if (s.substr(i, 4) == "<!--") {
      size_t e = s.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    if (c == '!' || c == '?') {  // doctype, bogus comment
      size_t e = s.find('>', i + 2);
      if (e == std::string_view::npos) break;
      i = e + 1;
      continue;
    }
    const bool end_tag = c == '/';
    size_t j = i + (end_tag ? 2 : 1);
    if (j >= s.size() || !is_ascii_alpha(s[j])) break;
    const TagName tag_name = read_tag_name(s, j);
    const std::string_view name = tag_name.view();
    if (end_tag ? !one_of(name, {"head", "noscript", "template", "title", "script", "style"})
                : !one_of(name, {"html", "head", "meta", "link", "title", "script", "style", "noscript", "base",
                                 "template", "basefont", "bgsound"}))
      break;
    j = end_of_tag(s, j);
    if (j == std::string_view::npos) break;
    i = j;
    if (end_tag || !one_of(name, {"title", "script", "style"})) continue;
    const size_t e = raw_text_end(s, i, name);
    if (e == std::string_view::npos) break;
    // "<!--" in a script opens its escaped states, where "</script>" may not end it: stop here.
    if (name == "script" && s.substr(i, e - i).find("<!--") != std::string_view::npos) break;
    if (name == "style" && e > i) spans.emplace_back(i, e);
    i = e;
  }
  return spans;
}

namespace {

// Drawing elements of SVG 1.1/2 (lower-cased) that hold no text and nothing the extractors read.
bool is_svg_graphic_tag(std::string_view t) {
  return one_of(t, {"svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "defs", "use",
                    "symbol", "clippath", "mask", "lineargradient", "radialgradient", "stop", "pattern", "marker",
                    "filter", "feblend", "fecolormatrix", "fecomponenttransfer", "fecomposite", "feconvolvematrix",
                    "fediffuselighting", "fedisplacementmap", "fedistantlight", "fedropshadow", "feflood",
                    "fefunca", "fefuncb", "fefuncg", "fefuncr", "fegaussianblur", "femerge", "femergenode",
                    "femorphology", "feoffset", "fepointlight", "fespecularlighting", "fespotlight", "fetile",
                    "feturbulence"});
}

// Calls fn(name, value) for each attribute of a tag as the HTML tokenizer reads it (`tag` from
// its name's end to '>'; no value: empty). Values are raw: character references undecoded.
template <typename Fn>
void for_each_raw_attribute(std::string_view tag, Fn&& fn) {
  size_t i = 0;
  while (i < tag.size()) {
    const char c = tag[i];
    if (c == '>') return;
    if (is_html_space(c) || c == '/') {
      ++i;
      continue;
    }
    const size_t name_start = i++;  // the attribute name's first character may be '=' or a quote
    while (i < tag.size() && !is_html_space(tag[i]) && tag[i] != '/' && tag[i] != '>' && tag[i] != '=') ++i;
    const std::string_view name = tag.substr(name_start, i - name_start);
    while (i < tag.size() && is_html_space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') {
      fn(name, std::string_view{});
      continue;
    }
    ++i;
    while (i < tag.size() && is_html_space(tag[i])) ++i;
    size_t v_start = i, v_end;
    if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
      v_start = i + 1;
      v_end = tag.find(tag[i], v_start);
      if (v_end == std::string_view::npos) return;  // never closed: the tag never ends
      i = v_end + 1;
    } else {
      while (i < tag.size() && !is_html_space(tag[i]) && tag[i] != '>') ++i;
      v_end = i;
    }
    fn(name, tag.substr(v_start, v_end - v_start));
  }
}

// The value of attribute `name` (lower-case) in a tag (see for_each_raw_attribute; the first of
// duplicates wins); nullopt when absent.
std::optional<std::string_view> raw_attribute(std::string_view tag, std::string_view name) {
  std::optional<std::string_view> out;
  for_each_raw_attribute(tag, [&](std::string_view n, std::string_view v) {
    if (!out && n.size() == name.size() && ifind(n, name, 0) == 0) out = v;
  });
  return out;
}

// A tag inside an svg that might mean something to an extractor: a class that could hold a
// microformat root or property (any "h-", "p-", "u-", "e-", "dt-" or classic name in its value), a
// role or microdata (item*). `rest` is the tag after its name.
bool tag_may_carry_meaning(std::string_view rest) {
  bool meaningful = false;
  for_each_raw_attribute(rest, [&](std::string_view name, std::string_view value) {
    if (meaningful) return;
    if (name.size() == 4 && ifind(name, "role", 0) == 0) meaningful = true;
    if (name.size() >= 4 && ifind(name, "item", 0) == 0) meaningful = true;
    if (name.size() == 5 && ifind(name, "class", 0) == 0)
      for (std::string_view k : {"h-", "p-", "u-", "e-", "dt-", "vcard", "hentry", "hfeed", "vevent", "hre",
                                 "hproduct", "adr", "geo", "hnews", "entry", "author", "fn", "url", "photo"})
        if (ifind(value, k, 0) != std::string_view::npos) meaningful = true;
  });
  return meaningful;
}

// A script the browser runs as JavaScript (HTML's JavaScript MIME type essences, "module", or no
// type): its text is code, which no extractor reads. Data blocks (JSON-LD, application/json, any
// other or unclear type) keep their text.
bool is_classic_script(std::string_view tag_rest) {
  const auto type = raw_attribute(tag_rest, "type");
  if (!type) return true;
  std::string_view t = *type;
  while (!t.empty() && is_html_space(t.front())) t.remove_prefix(1);
  while (!t.empty() && is_html_space(t.back())) t.remove_suffix(1);
  if (t.empty()) return true;
  if (t.find('&') != std::string_view::npos || t.size() > 32) return false;  // a reference: unclear
  std::string lower;
  for (char c : t) lower += ascii_lower_char(c);
  return one_of(lower, {"module", "text/javascript", "application/javascript", "application/ecmascript",
                        "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
                        "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
                        "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
                        "text/x-ecmascript", "text/x-javascript"});
}

// The tags and comments of the svg whose start tag ended at `from` when it is pure graphics (see
// droppable_markup), appended to `spans`; returns where its end tag starts, or npos (nothing
// appended) when anything else is in it or it never ends.
size_t graphic_svg_content(std::string_view s, size_t from, std::vector<std::pair<size_t, size_t>>& spans) {
  const size_t first = spans.size();
  auto fail = [&] {
    spans.resize(first);
    return std::string_view::npos;
  };
  int depth = 1;
  size_t k = from;
  while (true) {
    const size_t lt = s.find('<', k);
    if (lt == std::string_view::npos || lt + 1 >= s.size()) return fail();
    for (size_t i = k; i < lt; ++i)
      if (!is_html_space(s[i])) return fail();  // text (character references included)
    if (s[lt + 1] == '!' && s.compare(lt, 4, "<!--") == 0) {
      const size_t e = s.find("-->", lt + 4);
      if (e == std::string_view::npos) return fail();
      const std::string_view body = s.substr(lt + 4, e - lt - 4);
      // "<!-->", "<!--->" and "--!>" end a comment earlier than "-->" does: keep those as they are.
      if (body.find_first_of("<>") != std::string_view::npos || body.starts_with("-")) return fail();
      spans.emplace_back(lt, e + 3);
      k = e + 3;
      continue;
    }
    const bool end_tag = s[lt + 1] == '/';
    size_t j = lt + (end_tag ? 2 : 1);
    if (j >= s.size() || !is_ascii_alpha(s[j])) return fail();  // CDATA, bogus comments, a literal '<'
    const TagName tag_name = read_tag_name(s, j);
    const std::string_view name = tag_name.view();
    const size_t e = end_of_tag(s, j);
    if (e == std::string_view::npos || !is_svg_graphic_tag(name)) return fail();
    const std::string_view tag = s.substr(lt, e - lt);
    if (!end_tag && tag_may_carry_meaning(s.substr(j, e - j))) return fail();
    if (name == "svg") {
      if (end_tag && --depth == 0) return lt;
      if (!end_tag) {
        if (tag.ends_with("/>")) return fail();  // a nested self-closing svg: not worth the doubt
        ++depth;
      }
    }
    spans.emplace_back(lt, e);
    k = e;
  }
}

}  // namespace

std::vector<std::pair<size_t, size_t>> droppable_markup(std::string_view s, MarkupDrops what) {
  std::vector<std::pair<size_t, size_t>> spans;
  // Open svg and math start tags seen (their script elements are not raw text); an end tag closes
  // only its own kind ("</math>" inside an svg leaves it open).
  int open_svg = 0, open_math = 0;
  size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos && i + 1 < s.size()) {
    if (s[i + 1] == '!' && s.compare(i, 4, "<!--") == 0) {
      const size_t e = s.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    const char c = s[i + 1];
    if (c == '!' || c == '?' || (c == '/' && !(i + 2 < s.size() && is_ascii_alpha(s[i + 2])))) {
      const size_t e = s.find('>', i + 2);  // doctype, bogus comment
      if (e == std::string_view::npos) break;
      i = e + 1;
      continue;
    }
    const bool end_tag = c == '/';
    size_t j = i + (end_tag ? 2 : 1);
    if (!is_ascii_alpha(s[j])) {  // a literal '<'
      ++i;
      continue;
    }
    const TagName tag_name = read_tag_name(s, j);
    const std::string_view name = tag_name.view();
    const size_t name_end = j;
    j = end_of_tag(s, j);
    if (j == std::string_view::npos) break;
    const std::string_view tag = s.substr(i, j - i);
    i = j;
    const bool foreign_root = name == "svg" || name == "math";
    int* open_count = name == "svg" ? &open_svg : &open_math;
    const int foreign = open_svg + open_math;
    if (end_tag) {
      if (foreign_root && *open_count > 0) --*open_count;
      continue;
    }
    if (name == "plaintext") break;
    if (is_raw_text_tag(name)) {
      const size_t e = raw_text_end(s, i, name);
      if (e == std::string_view::npos) break;
      // "<!--" in a script opens its escaped states, where "</script>" may not end it: stop here.
      if (name == "script" && s.substr(i, e - i).find("<!--") != std::string_view::npos) break;
      if (what.script_text && name == "script" && foreign == 0 && e > i &&
          is_classic_script(s.substr(name_end, j - name_end)))
        spans.emplace_back(i, e);
      if (what.style_text && name == "style" && foreign == 0 && e > i) spans.emplace_back(i, e);
      i = e;
      continue;
    }
    if (!foreign_root || tag.ends_with("/>")) continue;
    if (name == "svg" && what.svg_graphics) {
      const size_t end = graphic_svg_content(s, i, spans);
      if (end != std::string_view::npos) {
        i = end;  // its end tag comes next
        ++open_svg;
        continue;
      }
    }
    ++*open_count;
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Tag stripping

std::string strip_tags(std::string_view s) {
  std::string raw;
  raw.reserve(s.size() / 2);
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c != '<') {
      raw += c;
      ++i;
      continue;
    }
    if (s.substr(i, 4) == "<!--") {
      size_t e = s.find("-->", i + 4);
      i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    size_t j = i + 1;
    bool end_tag = j < s.size() && s[j] == '/';
    if (end_tag) ++j;
    if (j >= s.size() || !(is_ascii_alpha(s[j]) || s[j] == '!' || s[j] == '?')) {
      raw += c;
      ++i;
      continue;
    }
    const TagName tag_name = read_tag_name(s, j);
    const std::string_view name = tag_name.view();
    skip_tag_rest(s, j);
    i = j;
    if (!end_tag && (name == "script" || name == "style" || name == "template")) {
      size_t e = ifind(s, "</" + std::string(name), i);
      i = e == std::string_view::npos ? s.size() : e;
      continue;
    }
    raw += ' ';
  }
  // Decode the entities that matter for readable text.
  static const std::pair<std::string_view, std::string_view> k_entities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"},
      {"&nbsp;", " "}};
  std::string decoded;
  decoded.reserve(raw.size());
  for (size_t k = 0; k < raw.size(); ++k) {
    bool matched = false;
    if (raw[k] == '&') {
      for (auto [from, to] : k_entities) {
        if (std::string_view(raw).substr(k, from.size()) == from) {
          decoded += to;
          k += from.size() - 1;
          matched = true;
          break;
        }
      }
    }
    if (!matched) decoded += raw[k];
  }
  return collapse_whitespace(decoded);
}

}  // namespace exposcan
