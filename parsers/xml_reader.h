// parsers/xml_reader.h — a small, lenient, bounded XML reader for feeds (RSS, Atom, RDF).
//
// Decision: no libxml2. Feeds only need elements, attributes, text, CDATA, the five predefined
// entities, numeric character references and namespace prefixes; real feeds are often not
// well-formed (stray '&', unclosed or mismatched tags, HTML entities such as &nbsp;), and a
// recovering reader that keeps what it could read is what a scanner wants. It is iterative
// (no recursion while parsing); it expands the general entities declared in the internal DTD
// subset as text, within a 1 MiB budget per document (no "billion laughs"), never fetches external
// ones, and caps input size, depth, element count and attribute count; every repair is recorded
// in `errors`.
// Namespaces: each element and attribute carries its namespace URI (xmlns / xmlns:prefix scoping);
// unknown prefixes keep an empty URI and their prefix in `qname`. Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace exposcan {

struct XmlLimits {
  size_t max_input_bytes = 16u << 20;
  size_t max_depth = 256;
  size_t max_elements = 200000;
  size_t max_attributes = 64;  // per element
};

struct XmlAttribute {
  std::string ns;     // namespace URI ("" for unprefixed attributes)
  std::string name;   // local name
  std::string qname;  // as written ("xml:lang")
  std::string value;  // entities decoded
};

struct XmlElement {
  std::string ns;     // namespace URI of the element
  std::string name;   // local name
  std::string qname;  // as written ("content:encoded")
  std::vector<XmlAttribute> attrs;
  std::vector<XmlElement> children;
  std::string text;  // character data directly inside this element (CDATA included), decoded
  // Byte range of the element's content in the input given to parse_xml (for XHTML content).
  size_t inner_begin = 0, inner_end = 0;

  // Attribute by local name (any namespace unless `ns` is given); "" when absent.
  std::string attr(std::string_view local, std::string_view ns = {}) const;
  bool has_attr(std::string_view local) const;
  // First child element with this namespace and local name, or nullptr.
  const XmlElement* child(std::string_view ns, std::string_view local) const;
  std::vector<const XmlElement*> children_named(std::string_view ns, std::string_view local) const;
  // Text of the first such child ("" when absent), whitespace-trimmed.
  std::string child_text(std::string_view ns, std::string_view local) const;
  // All character data in this subtree, in document order (XHTML content of Atom).
  std::string deep_text() const;
  bool is(std::string_view ns_uri, std::string_view local) const { return ns == ns_uri && name == local; }
};

struct XmlDocument {
  XmlElement root;  // synthetic; its children are the top-level element(s)
  std::vector<std::string> errors;
  const XmlElement* document_element() const { return root.children.empty() ? nullptr : &root.children.front(); }
};

// Never fails: malformed input yields whatever elements could be read plus `errors`.
XmlDocument parse_xml(std::string_view xml, const XmlLimits& limits = {});

// Decodes XML character/entity references in `s` (and the common HTML ones such as &nbsp;).
std::string decode_xml_entities(std::string_view s);

// Well-known namespace URIs.
namespace xmlns {
inline constexpr std::string_view atom = "http://www.w3.org/2005/Atom";
inline constexpr std::string_view atom03 = "http://purl.org/atom/ns#";  // Atom 0.3 (2003 draft)
inline constexpr std::string_view xml = "http://www.w3.org/XML/1998/namespace";  // xml:base, xml:lang
inline constexpr std::string_view content = "http://purl.org/rss/1.0/modules/content/";
inline constexpr std::string_view dc = "http://purl.org/dc/elements/1.1/";
inline constexpr std::string_view dcterms = "http://purl.org/dc/terms/";
inline constexpr std::string_view media = "http://search.yahoo.com/mrss/";
inline constexpr std::string_view rss1 = "http://purl.org/rss/1.0/";
inline constexpr std::string_view rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view youtube = "http://www.youtube.com/xml/schemas/2015";
inline constexpr std::string_view itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
inline constexpr std::string_view xhtml = "http://www.w3.org/1999/xhtml";
inline constexpr std::string_view georss = "http://www.georss.org/georss";
inline constexpr std::string_view feedburner = "http://rssnamespace.org/feedburner/ext/1.0";
}  // namespace xmlns

}  // namespace exposcan
