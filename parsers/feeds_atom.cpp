// Atom 1.0 (RFC 4287) entries as Items, and Atom 0.3 documents read as Atom 1.0.
#include <algorithm>

#include "core/hash.h"
#include "core/text.h"
#include "parsers/feeds_internal.h"
#include "parsers/html_dates.h"
#include "parsers/html_fragment.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan::feeds {

namespace {

// XHTML written with a namespace prefix (RFC 4287 §3.1.1.3 allows any: "<xhtml:div><xhtml:img …/>")
// as the HTML parser reads it: the prefix of the XHTML elements dropped from their tags.
std::string unprefixed_xhtml(const XmlElement& e, std::string_view inner) {
  std::set<std::string> prefixes;
  std::function<void(const XmlElement&, int)> collect = [&](const XmlElement& x, int depth) {
    if (x.ns == ns::xhtml && x.qname.find(':') != std::string::npos) prefixes.insert(x.qname.substr(0, x.qname.find(':') + 1));
    if (depth < 64)
      for (const auto& c : x.children) collect(c, depth + 1);
  };
  for (const auto& c : e.children) collect(c, 0);
  if (prefixes.empty()) return std::string(inner);
  std::string out;  // one pass: copy, dropping a known prefix right after "<" or "</"
  out.reserve(inner.size());
  for (size_t i = 0; i < inner.size();) {
    out += inner[i];
    if (inner[i++] != '<') continue;
    if (i < inner.size() && inner[i] == '/') out += inner[i++];
    for (const std::string& prefix : prefixes)
      if (inner.substr(i, prefix.size()) == prefix) {
        i += prefix.size();
        break;
      }
  }
  return out;
}

// XML source for the HTML parser, which reads "<![CDATA[" as a bogus comment: each CDATA section
// becomes the character data it stands for (XML 1.0 §2.7), escaped.
std::string cdata_as_text(std::string_view xml) {
  std::string out;
  size_t from = 0;
  for (size_t at = xml.find("<![CDATA["); at != std::string_view::npos; at = xml.find("<![CDATA[", from)) {
    out.append(xml.substr(from, at - from));
    const size_t begin = at + 9;
    const size_t end = std::min(xml.find("]]>", begin), xml.size());
    for (char c : xml.substr(begin, end - begin)) {
      if (c == '&') out += "&amp;";
      else if (c == '<') out += "&lt;";
      else if (c == '>') out += "&gt;";
      else out += c;
    }
    from = std::min(end + 3, xml.size());
  }
  if (from == 0) return std::string(xml);
  out.append(xml.substr(from));
  return out;
}

// RFC 4287 §4.1.3.3: a media type that is XML ("…+xml", "…/xml") holds child elements.
bool is_xml_media_type(std::string_view type) {
  return type.ends_with("+xml") || type.ends_with("/xml");
}

// Atom text constructs: type text (default), html (escaped HTML), xhtml (inline div).
std::string atom_text(const XmlElement& e, std::string_view source, bool as_html_source = false) {
  std::string type = ascii_lower(e.attr("type"));
  if (type == "xhtml" || type == "application/xhtml+xml") {
    std::string html = cdata_as_text(unprefixed_xhtml(e, inner_source(e, source)));
    return as_html_source ? html : html_to_text(html);
  }
  if (type == "html" || type == "text/html") return as_html_source ? e.text : html_to_text(e.text);
  return as_html_source ? e.text : collapse_whitespace(e.text);
}

// A link's relation with the IANA registry's IRI form reduced to the registered name (RFC 4287
// §4.2.7.2: "alternate" and "http://www.iana.org/assignments/relation/alternate" are the same);
// registered names compare case-insensitively (RFC 8288 §2.1.1). No rel means "alternate".
std::string atom_rel(const XmlElement& link) {
  std::string rel(trim(link.attr("rel")));
  constexpr std::string_view k_iana = "http://www.iana.org/assignments/relation/";
  if (istarts_with(rel, k_iana)) rel.erase(0, k_iana.size());
  if (rel.empty()) return "alternate";
  return rel.find(':') == std::string::npos ? ascii_lower(rel) : rel;
}

void parse_atom_entry(const XmlElement& e, FeedContext& ctx, std::string_view source) {
  // xml:base on the entry changes what its relative references resolve against (RFC 4287 §2).
  struct BaseScope {
    std::string& base;
    std::string saved;
    ~BaseScope() { base = std::move(saved); }
  } scope{ctx.base, ctx.base};
  if (std::string base = e.attr("base", ns::xml); !base.empty()) ctx.base = resolve(scope.saved, base);
  Item it = entry_item(ctx);
  if (const XmlElement* t = e.child(ns::atom, "title")) it.title = atom_text(*t, source);
  // The entry's address: its alternate link, the first one that is a web page when several are
  // given (a PDF or another language's version may come first).
  bool url_is_page = false;
  for (const XmlElement* l : e.children_named(ns::atom, "link")) {
    const std::string rel = atom_rel(*l);
    // A link with its address as content instead of href (RSS habits in hand-written Atom) is read as
    // readers read it.
    const std::string href = resolve(base_of(*l, ctx.base), l->has_attr("href") ? l->attr("href") : l->text);
    if (rel == "alternate") {
      const std::string type = ascii_lower(trim(l->attr("type")));
      const bool page = type.empty() || type == "text/html" || type == "application/xhtml+xml";
      if (!url_is_page && (it.url.empty() || page)) {
        it.url = href;
        url_is_page = page;
      }
    } else if (rel == "enclosure") {
      add_media(it.media, href, media_type_of(l->attr("type"), "", l->attr("href")), l->attr("title"));
    } else if (rel == "related" || rel == "via") {
      if (!href.empty() && std::find(it.links.begin(), it.links.end(), href) == it.links.end()) it.links.push_back(href);
    }
  }
  use_feedburner_orig_link(e, it, ctx.base);
  std::string id = e.child_text(ns::atom, "id");
  const XmlElement* content = e.child(ns::atom, "content");
  // Relative references in content resolve against the base in scope, not the entry's link
  // (RFC 4287 §2, RFC 3986 §5.1).
  const std::string content_base = content ? base_of(*content, ctx.base) : ctx.base;
  if (content && content->has_attr("src")) {
    it.links.push_back(resolve(content_base, content->attr("src")));
  } else if (content) {
    const std::string type = ascii_lower(trim(content->attr("type")));
    if (type == "html" || type == "xhtml" || type == "text/html" || type == "application/xhtml+xml")
      apply_html(it, atom_text(*content, source, true), content_base);
    else if (is_xml_media_type(type))  // other XML: its character data
      it.text = html_to_text(cdata_as_text(inner_source(*content, source)));
    else if (type.empty() || type == "text" || type.starts_with("text/"))
      it.text = collapse_whitespace(content->text);
    // any other media type is Base64 (§4.1.3.3): not text
  }
  if (const XmlElement* s = e.child(ns::atom, "summary")) {
    std::string summary = atom_text(*s, source);
    if (it.text.empty()) it.text = summary;
    else if (!summary.empty() && it.text.find(summary.substr(0, 40)) == std::string::npos) it.fields.emplace_back("summary", summary);
  }
  read_media_rss(e, it, ctx.base);
  // YouTube: media:group/media:description is the video's description (and its links).
  if (const XmlElement* g = e.child(ns::media, "group"); g && it.text.empty()) {
    it.text = g->child_text(ns::media, "description");
    for (std::string& l : urls_in_text(it.text))
      if (std::find(it.links.begin(), it.links.end(), l) == it.links.end()) it.links.push_back(std::move(l));
  }
  if (std::string vid = e.child_text(ns::youtube, "videoId"); !vid.empty()) {
    it.kind = ItemKind::video;
    id = "video:" + vid;
  }
  if (it.text.empty()) it.text = it.title;
  const XmlElement* published = e.child(ns::atom, "published");
  if (published) {
    if (auto t = normalize_datetime(published->text)) it.published_at = t;
    else ctx.out.errors.push_back("atom: unreadable published date '" + std::string(trim(published->text)).substr(0, 64) + "'");
  }
  if (auto t = normalize_datetime(e.child_text(ns::atom, "updated"))) {
    it.updated_at = t;
    if (!published) it.published_at = t;  // no publication date: the last change is the best known
  }
  if (auto authors = e.children_named(ns::atom, "author"); !authors.empty()) {
    it.author = atom_person(*authors[0], ctx.base);
    for (const XmlElement* a : authors)
      if (std::string email = std::string(trim(a->child_text(ns::atom, "email"))); !email.empty())
        it.fields.emplace_back(a == authors[0] ? "author_email" : "co_author_email", email);
    for (size_t k = 1; k < authors.size(); ++k)  // co-authors (RFC 4287 allows several)
      if (Person p = atom_person(*authors[k], ctx.base); !p.name.empty()) it.fields.emplace_back("co_author", p.name);
  } else if (const XmlElement* src = e.child(ns::atom, "source")) {  // an aggregated entry (RFC 4287 §4.2.11)
    if (const XmlElement* sa = src->child(ns::atom, "author")) it.author = atom_person(*sa, base_of(*src, ctx.base));
  }
  // The term identifies the category; the label is only its display form (RFC 4287 §4.2.2).
  for (const XmlElement* c : e.children_named(ns::atom, "category")) add_tag(it, c->attr("term").empty() ? c->attr("label") : c->attr("term"));
  read_georss(e, it);
  if (std::string lang = e.attr("lang"); !lang.empty()) it.language = lang;
  if (it.kind == ItemKind::video) {
    it.id = ctx.platform + ":" + id;
    it.extractor = "atom";
    if (it.author.name.empty()) it.author = ctx.feed_author;
    if (!it.url.empty()) ctx.out.links.push_back({it.url, "anchor", ""});
    ctx.out.items.push_back(std::move(it));
    return;
  }
  finish(it, ctx, id, "atom");
}

}  // namespace

void parse_atom(const XmlElement& root, FeedContext& ctx, std::string_view source) {
  if (std::string base = root.attr("base", ns::xml); !base.empty()) ctx.base = resolve(ctx.base, base);
  if (const XmlElement* a = root.child(ns::atom, "author")) {
    ctx.feed_author = atom_person(*a, ctx.base);
    ctx.feed_email = std::string(trim(a->child_text(ns::atom, "email")));
  }
  ctx.language = root.attr("lang");
  for (const XmlElement* l : root.children_named(ns::atom, "link"))
    if (atom_rel(*l) == "next") ctx.out.links.push_back({resolve(base_of(*l, ctx.base), l->attr("href")), "next", "next"});
  for (const auto& c : root.children) {
    if (!c.is(ns::atom, "entry")) continue;
    if (entries_full(ctx)) break;
    parse_atom_entry(c, ctx, source);
  }
}

namespace {

// Atom 0.3 (the 2003 draft, namespace http://purl.org/atom/ns#, which old Blogger and other
// feeds still serve) rewritten in place into the Atom 1.0 shape parse_atom() reads: issued becomes
// published (created when an entry has no issued), modified updated, tagline subtitle, copyright
// rights, a person's url its uri. Text and content constructs carry a MIME type (default
// text/plain) and a mode (xml, escaped, base64) where 1.0 has text, html and xhtml: escaped HTML
// becomes html, inline (mode xml) HTML or XHTML becomes xhtml, base64 is decoded when its type is
// textual and otherwise stays a binary type, which is not read as text.
void upgrade_atom03_construct(XmlElement& e, std::vector<std::string>& errors) {
  std::string type = ascii_lower(trim(e.attr("type")));
  const std::string mode = ascii_lower(trim(e.attr("mode")));
  if (type.empty()) type = "text/plain";
  const bool html = type == "text/html" || type == "application/xhtml+xml";
  std::string now = type;
  if (mode == "base64") {
    if (type.starts_with("text/") || html) {
      std::optional<std::string> decoded = base64_decode(e.text);
      if (decoded && is_valid_utf8(*decoded)) {
        e.text = std::move(*decoded);
        now = html ? "html" : "text";
      } else {
        errors.push_back("atom 0.3: undecodable base64 " + e.name);
        e.text.clear();
      }
    }
  } else if (mode == "escaped") {
    now = html ? "html" : "text";
  } else if (html) {
    now = "xhtml";
  } else if (type == "text/plain") {
    now = "text";
  }
  std::erase_if(e.attrs, [](const XmlAttribute& a) { return a.ns.empty() && (a.name == "type" || a.name == "mode"); });
  e.attrs.push_back({"", "type", "type", now});
}

}  // namespace

void upgrade_atom03(XmlElement& root, std::vector<std::string>& errors) {
  std::vector<XmlElement*> todo{&root};
  while (!todo.empty()) {
    XmlElement& e = *todo.back();
    todo.pop_back();
    if (e.ns != ns::atom03) continue;  // XHTML content and extensions keep their namespace
    e.ns = ns::atom;
    const bool person = e.name == "author" || e.name == "contributor";
    if (e.name == "entry" && !e.child(ns::atom03, "issued"))
      for (auto& c : e.children)
        if (c.is(ns::atom03, "created")) c.name = "published";
    static const std::pair<std::string_view, std::string_view> k_renames[] = {
        {"issued", "published"}, {"modified", "updated"}, {"tagline", "subtitle"}, {"copyright", "rights"}};
    for (const auto& [from, to] : k_renames)
      if (e.name == from) e.name = to;
    if (e.name == "title" || e.name == "subtitle" || e.name == "rights" || e.name == "info" || e.name == "summary" ||
        e.name == "content") {
      upgrade_atom03_construct(e, errors);
      continue;  // inline content is XHTML or HTML, not Atom
    }
    for (auto& c : e.children) {
      if (person && c.is(ns::atom03, "url")) c.name = "uri";
      todo.push_back(&c);
    }
  }
}

// An Atom Entry Document (RFC 4287 §4.1.2): one entry as the root element.
void parse_atom_entry_document(const XmlElement& root, FeedContext& ctx, std::string_view source) {
  if (std::string base = root.attr("base", ns::xml); !base.empty()) ctx.base = resolve(ctx.base, base);
  parse_atom_entry(root, ctx, source);
}

}  // namespace exposcan::feeds
