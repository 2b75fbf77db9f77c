#include "parsers/xml_reader.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "core/text.h"
#include "parsers/html_fragment.h"

namespace exposcan {
namespace {

// Namespace names compare as strings (Namespaces in XML 1.0 §2.3); the aliases feeds still write,
// which readers accept, are Media RSS without its trailing slash (its name before version 1.1.2,
// 2008) and the iTunes podcast namespace in another case ("http://www.itunes.com/DTDs/Podcast-1.0.dtd",
// from Apple's early examples).
std::string canonical_namespace(std::string uri) {
  if (uri == "http://search.yahoo.com/mrss") uri += '/';
  else if (uri != xmlns::itunes && iequals(uri, xmlns::itunes)) uri = xmlns::itunes;
  return uri;
}

// General entities declared in the document's internal DTD subset (XML 1.0 §4.2: a non-validating
// processor must read them, §5.1) and what is left of the document's expansion budget: each
// declared value is expanded once, when declared, so nesting cannot multiply it, and every use
// spends its size, so a "billion laughs" stops at the budget (the rest stays as written and the
// document records an error).
struct DeclaredEntities {
  std::unordered_map<std::string, std::string> values;
  size_t budget = 1u << 20;
  bool over_budget = false;
  bool bad_char_ref = false;  // a character reference to a code point XML does not allow
};

std::string decode_entities(std::string_view s, DeclaredEntities* declared);

// Entities feeds use although XML does not define them (HTML leaking into RSS).
const std::map<std::string_view, unsigned long>& named_entities() {
  static const std::map<std::string_view, unsigned long> k = {
      {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
      {"nbsp", 0xA0},    {"copy", 0xA9},    {"reg", 0xAE},     {"hellip", 0x2026}, {"mdash", 0x2014},
      {"ndash", 0x2013}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
      {"eacute", 0xE9},  {"egrave", 0xE8},  {"uuml", 0xFC},    {"ouml", 0xF6},    {"auml", 0xE4},
      {"szlig", 0xDF},   {"middot", 0xB7},  {"bull", 0x2022},  {"trade", 0x2122}, {"euro", 0x20AC},
  };
  return k;
}

// Any other HTML named reference ("&uacute;", "&ntilde;": feeds use them without declaring them)
// through gumbo, which knows the whole WHATWG table; cached per thread. nullopt when unknown.
std::optional<std::string> html_named_reference(std::string_view name) {
  if (name.empty() || name.size() > 32 || !std::all_of(name.begin(), name.end(), [](char c) { return is_ascii_alnum(c); }))
    return std::nullopt;
  thread_local std::unordered_map<std::string, std::string> cache;
  if (cache.size() > 4096) cache.clear();
  auto [it, inserted] = cache.try_emplace(std::string(name));
  if (inserted) {
    const std::string ref = "&" + std::string(name) + ";";
    std::string text = html_to_text(ref);
    // Unknown, or only a prefix known ("&param;" reads as "&para" + "m;" in HTML): not a reference.
    const bool whole = text != ref && (name == "semi" || text.empty() || text.back() != ';');
    it->second = whole ? std::move(text) : std::string();
  }
  if (it->second.empty()) return std::nullopt;
  return it->second;
}

bool is_name_char(char c) {
  return is_ascii_alnum(c) || c == ':' || c == '_' || c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

struct OpenElement {
  XmlElement* element;
  std::map<std::string, std::string> ns_decls;  // prefix ("" = default) -> URI declared here
};

class XmlParser {
 public:
  XmlParser(std::string_view in, const XmlLimits& limits) : m_in(in), m_limits(limits) {}

  XmlDocument run() {
    XmlDocument doc;
    m_errors = &doc.errors;
    if (m_in.size() > m_limits.max_input_bytes) {
      m_in = m_in.substr(0, m_limits.max_input_bytes);
      error("input larger than " + std::to_string(m_limits.max_input_bytes) + " bytes was cut");
    }
    if (m_in.substr(0, 3) == "\xEF\xBB\xBF") m_in.remove_prefix(3);
    m_stack.push_back({&doc.root, {{"xml", "http://www.w3.org/XML/1998/namespace"}}});
    while (m_pos < m_in.size()) {
      size_t lt = m_in.find('<', m_pos);
      if (lt == std::string_view::npos) {
        text(m_in.substr(m_pos));
        break;
      }
      if (lt > m_pos) text(m_in.substr(m_pos, lt - m_pos));
      m_pos = lt;
      if (starts("<!--")) skip_to("-->", "unterminated comment");
      else if (starts("<![CDATA[")) cdata();
      else if (starts("<?")) skip_to("?>", "unterminated processing instruction");
      else if (starts("<!")) doctype();
      else if (starts("</")) end_tag();
      else if (m_pos + 1 < m_in.size() && (is_ascii_alpha(m_in[m_pos + 1]) || m_in[m_pos + 1] == '_' ||
                                            static_cast<unsigned char>(m_in[m_pos + 1]) >= 0x80))
        start_tag();
      else {
        text("<");  // a stray '<' in text
        ++m_pos;
        error_once("stray '<' in character data");
      }
      if (m_stopped) break;
    }
    if (m_stack.size() > 1) error("unclosed element <" + m_stack.back().element->qname + "> at end of input");
    return doc;
  }

 private:
  bool starts(std::string_view s) const { return m_in.substr(m_pos, s.size()) == s; }

  void error(std::string msg) {
    if (m_errors->size() < 20) m_errors->push_back("XML: " + std::move(msg));
  }
  void error_once(const std::string& msg) {
    if (std::find(m_errors->begin(), m_errors->end(), "XML: " + msg) == m_errors->end()) error(msg);
  }

  void skip_to(std::string_view end, const char* what) {
    size_t e = m_in.find(end, m_pos + 2);
    if (e == std::string_view::npos) {
      error(what);
      m_pos = m_in.size();
    } else {
      m_pos = e + end.size();
    }
  }

  // <!DOCTYPE ...> possibly with an internal subset [...], whose general entity declarations
  // (<!ENTITY name "value">) are read; parameter and external entities are not.
  void doctype() {
    size_t i = m_pos + 2;
    int bracket = 0;
    size_t subset = std::string_view::npos;
    char quote = 0;
    for (; i < m_in.size(); ++i) {
      const char c = m_in[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (bracket > 0 && m_in.compare(i, 4, "<!--") == 0) {  // a comment's "don't" opens no quote
        size_t end = m_in.find("-->", i + 4);
        i = end == std::string_view::npos ? m_in.size() - 1 : end + 2;
      } else if (bracket > 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == '[') {
        if (bracket++ == 0) subset = i + 1;
      } else if (c == ']') {
        if (--bracket == 0 && subset != std::string_view::npos) read_entity_declarations(m_in.substr(subset, i - subset));
      } else if (c == '>' && bracket <= 0) {
        break;
      }
    }
    m_pos = i < m_in.size() ? i + 1 : m_in.size();
  }

  void read_entity_declarations(std::string_view subset) {
    constexpr size_t k_max_value = 64 * 1024;
    for (size_t at = subset.find("<!ENTITY"); at != std::string_view::npos; at = subset.find("<!ENTITY", at + 1)) {
      size_t p = at + 8;
      const auto space = [&] {
        while (p < subset.size() && is_ascii_space(subset[p])) ++p;
      };
      space();
      if (p < subset.size() && subset[p] == '%') continue;  // a parameter entity: DTD-internal only
      size_t name_start = p;
      while (p < subset.size() && is_name_char(subset[p])) ++p;
      std::string name(subset.substr(name_start, p - name_start));
      space();
      if (name.empty() || p >= subset.size()) continue;
      if (subset[p] != '"' && subset[p] != '\'') {
        error_once("external entity &" + name + "; is not fetched");
        continue;
      }
      const char q = subset[p++];
      size_t end = subset.find(q, p);
      if (end == std::string_view::npos) break;
      std::string_view literal = subset.substr(p, end - p);
      at = end;
      if (m_declared.values.count(name)) continue;  // the first declaration binds (XML 1.0 §4.2)
      std::string value = decode_entities(literal, &m_declared);
      if (value.size() > k_max_value) {
        error_once("entity &" + name + "; is larger than 64 KiB; not expanded");
        continue;
      }
      if (value.find('<') != std::string::npos) error_once("entity &" + name + "; holds markup; read as text");
      m_declared.values.emplace(std::move(name), std::move(value));
    }
    note_budget();
  }

  // Entity references in text and attribute values: predefined, numeric, declared, HTML's.
  std::string decode(std::string_view s) {
    std::string out = decode_entities(s, &m_declared);
    note_budget();
    return out;
  }

  void note_budget() {
    if (m_declared.over_budget) error_once("entity expansion over 1 MiB; further references left as written");
    if (m_declared.bad_char_ref) error_once("character reference to a code point XML does not allow; read as U+FFFD");
  }

  void cdata() {
    size_t start = m_pos + 9;
    size_t e = m_in.find("]]>", start);
    if (e == std::string_view::npos) {
      error("unterminated CDATA section");
      append_text(m_in.substr(start));
      m_pos = m_in.size();
      return;
    }
    append_text(m_in.substr(start, e - start));
    m_pos = e + 3;
  }

  void append_text(std::string_view s) {
    XmlElement* e = m_stack.back().element;
    if (m_stack.size() == 1) return;  // text outside the document element
    e->text.append(s);
  }

  void text(std::string_view s) {
    if (m_stack.size() == 1) return;
    if (s.find('&') == std::string_view::npos) append_text(s);
    else append_text(decode(s));
  }

  std::string read_name() {
    size_t start = m_pos;
    while (m_pos < m_in.size() && is_name_char(m_in[m_pos])) ++m_pos;
    return std::string(m_in.substr(start, m_pos - start));
  }

  void skip_space() {
    while (m_pos < m_in.size() && is_ascii_space(m_in[m_pos])) ++m_pos;
  }

  std::string resolve_prefix(const std::string& prefix) const {
    for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it) {
      auto f = it->ns_decls.find(prefix);
      if (f != it->ns_decls.end()) return f->second;
    }
    return {};
  }

  static std::pair<std::string, std::string> split_qname(const std::string& q) {
    size_t colon = q.find(':');
    if (colon == std::string::npos) return {"", q};
    return {q.substr(0, colon), q.substr(colon + 1)};
  }

  void start_tag() {
    ++m_pos;  // '<'
    XmlElement el;
    el.qname = read_name();
    std::map<std::string, std::string> decls;
    std::vector<std::pair<std::string, std::string>> raw_attrs;
    bool self_closing = false;
    while (m_pos < m_in.size()) {
      skip_space();
      if (m_pos >= m_in.size()) break;
      char c = m_in[m_pos];
      if (c == '>') {
        ++m_pos;
        break;
      }
      if (c == '/' && m_pos + 1 < m_in.size() && m_in[m_pos + 1] == '>') {
        self_closing = true;
        m_pos += 2;
        break;
      }
      if (c == '<') {  // a tag that never closed; let the next iteration read the '<'
        error_once("unterminated start tag");
        break;
      }
      std::string name = read_name();
      if (name.empty()) {
        ++m_pos;  // junk inside a tag
        error_once("unexpected character in a start tag");
        continue;
      }
      skip_space();
      std::string value;
      if (m_pos < m_in.size() && m_in[m_pos] == '=') {
        ++m_pos;
        skip_space();
        if (m_pos < m_in.size() && (m_in[m_pos] == '"' || m_in[m_pos] == '\'')) {
          char q = m_in[m_pos++];
          size_t e = m_in.find(q, m_pos);
          if (e == std::string_view::npos) {
            error("unterminated attribute value");
            e = m_in.size();
          }
          value = decode(m_in.substr(m_pos, e - m_pos));
          m_pos = std::min(e + 1, m_in.size());
        } else {
          size_t s = m_pos;
          while (m_pos < m_in.size() && !is_ascii_space(m_in[m_pos]) && m_in[m_pos] != '>') ++m_pos;
          value = decode(m_in.substr(s, m_pos - s));
          error_once("unquoted attribute value");
        }
      }
      if (name == "xmlns") decls[""] = canonical_namespace(value);
      else if (name.rfind("xmlns:", 0) == 0) decls[name.substr(6)] = canonical_namespace(value);
      if (raw_attrs.size() < m_limits.max_attributes) raw_attrs.emplace_back(std::move(name), std::move(value));
    }
    if (m_elements >= m_limits.max_elements) {
      error_once("too many elements; the rest is ignored");
      m_stopped = true;
      return;
    }
    ++m_elements;
    m_stack.push_back({nullptr, std::move(decls)});  // scope for prefix resolution
    auto [prefix, local] = split_qname(el.qname);
    el.name = local;
    el.ns = resolve_prefix(prefix);
    for (auto& [qn, v] : raw_attrs) {
      XmlAttribute a;
      auto [ap, al] = split_qname(qn);
      a.qname = qn;
      a.name = al;
      a.ns = ap.empty() ? std::string() : resolve_prefix(ap);
      a.value = std::move(v);
      el.attrs.push_back(std::move(a));
    }
    std::map<std::string, std::string> scope = std::move(m_stack.back().ns_decls);
    m_stack.pop_back();
    XmlElement* parent = m_stack.back().element;
    if (m_stack.size() - 1 >= m_limits.max_depth) {
      error_once("nesting deeper than " + std::to_string(m_limits.max_depth) + "; deeper elements are flattened");
      if (!self_closing) skip_element(el.qname);
      return;
    }
    parent->children.push_back(std::move(el));
    XmlElement* child = &parent->children.back();
    child->inner_begin = child->inner_end = m_pos;
    if (self_closing) return;
    if (child->qname == "script" || child->qname == "style") {
      raw_text_until_end(child);
      return;
    }
    m_stack.push_back({child, std::move(scope)});
  }

  // Skips an element nested too deep (its content is dropped, its end tag consumed when found).
  void skip_element(const std::string& qname) {
    size_t e = m_in.find("</" + qname, m_pos);
    m_pos = e == std::string_view::npos ? m_in.size() : e;
  }

  void raw_text_until_end(XmlElement* el) {
    size_t e = m_in.find("</" + el->qname, m_pos);
    if (e == std::string_view::npos) e = m_in.size();
    el->text.append(m_in.substr(m_pos, e - m_pos));
    el->inner_end = e;
    m_pos = e;
    if (m_pos < m_in.size()) {
      size_t gt = m_in.find('>', m_pos);
      m_pos = gt == std::string_view::npos ? m_in.size() : gt + 1;
    }
  }

  void end_tag() {
    size_t lt = m_pos;
    m_pos += 2;
    std::string name = read_name();
    size_t gt = m_in.find('>', m_pos);
    m_pos = gt == std::string_view::npos ? m_in.size() : gt + 1;
    // Close up to the matching open element; an end tag matching nothing is ignored.
    for (size_t i = m_stack.size(); i-- > 1;) {
      if (m_stack[i].element->qname != name) continue;
      if (i != m_stack.size() - 1) error_once("mismatched end tag </" + name + ">");
      m_stack[i].element->inner_end = lt;
      m_stack.resize(i);
      return;
    }
    error_once("end tag </" + name + "> without a start tag");
  }

  std::string_view m_in;
  const XmlLimits& m_limits;
  size_t m_pos = 0;
  size_t m_elements = 0;
  bool m_stopped = false;
  std::vector<OpenElement> m_stack;
  std::vector<std::string>* m_errors = nullptr;
  DeclaredEntities m_declared;
};

std::string trimmed(std::string_view s) { return std::string(trim(s)); }

}  // namespace

std::string decode_xml_entities(std::string_view s) { return decode_entities(s, nullptr); }

namespace {

std::string decode_entities(std::string_view s, DeclaredEntities* declared) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 33) {
      out += '&';
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (!ent.empty() && ent[0] == '#') {
      unsigned long cp = 0;
      bool ok = ent.size() > 1;
      bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
      for (size_t k = hex ? 2 : 1; k < ent.size() && ok; ++k) {
        char c = ent[k];
        if (hex ? !is_hex_digit(c) : !is_ascii_digit(c)) ok = false;
        else cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(hex ? hex_value(c) : c - '0');
        if (cp > 0x10FFFF) cp = 0x110000;
      }
      if (ok && (!hex || ent.size() > 2)) {
        // XML 1.0 §4.1: a reference must name a Char (#x9 | #xA | #xD | [#x20-#xD7FF] |
        // [#xE000-#xFFFD] | [#x10000-#x10FFFF]); any other becomes U+FFFD, and is recorded.
        const bool is_char = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                             (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!is_char && declared) declared->bad_char_ref = true;
        append_utf8(out, is_char ? static_cast<char32_t>(cp) : U'\uFFFD');
        i = semi;
        continue;
      }
    } else {
      if (declared && !declared->values.empty()) {
        if (auto d = declared->values.find(std::string(ent)); d != declared->values.end()) {
          if (d->second.size() <= declared->budget) {
            declared->budget -= d->second.size();
            out += d->second;
            i = semi;
            continue;
          }
          declared->over_budget = true;  // left as written
          out += '&';
          continue;
        }
      }
      auto f = named_entities().find(ent);
      if (f != named_entities().end()) {
        append_utf8(out, f->second);
        i = semi;
        continue;
      }
      if (auto text = html_named_reference(ent)) {
        out += *text;
        i = semi;
        continue;
      }
    }
    out += '&';
  }
  return out;
}

}  // namespace

std::string XmlElement::attr(std::string_view local, std::string_view ns_uri) const {
  for (const auto& a : attrs)
    if (a.name == local && (ns_uri.empty() || a.ns == ns_uri)) return a.value;
  return {};
}

bool XmlElement::has_attr(std::string_view local) const {
  for (const auto& a : attrs)
    if (a.name == local) return true;
  return false;
}

const XmlElement* XmlElement::child(std::string_view ns_uri, std::string_view local) const {
  for (const auto& c : children)
    if (c.ns == ns_uri && c.name == local) return &c;
  return nullptr;
}

std::vector<const XmlElement*> XmlElement::children_named(std::string_view ns_uri, std::string_view local) const {
  std::vector<const XmlElement*> out;
  for (const auto& c : children)
    if (c.ns == ns_uri && c.name == local) out.push_back(&c);
  return out;
}

std::string XmlElement::child_text(std::string_view ns_uri, std::string_view local) const {
  const XmlElement* c = child(ns_uri, local);
  return c ? trimmed(c->text) : std::string();
}

std::string XmlElement::deep_text() const {
  std::string out;
  std::vector<std::pair<const XmlElement*, size_t>> stack{{this, 0}};
  out += text;
  while (!stack.empty()) {
    auto& [el, idx] = stack.back();
    if (idx >= el->children.size()) {
      stack.pop_back();
      continue;
    }
    const XmlElement* c = &el->children[idx++];
    out += c->text;
    stack.push_back({c, 0});
  }
  return out;
}

XmlDocument parse_xml(std::string_view xml, const XmlLimits& limits) { return XmlParser(xml, limits).run(); }

}  // namespace exposcan
