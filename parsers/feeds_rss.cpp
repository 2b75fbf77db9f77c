// RSS 2.0 (RSS Advisory Board), RSS 0.9x and RSS 1.0 (RDF) items as Items, with the content,
// Dublin Core, Media RSS, iTunes, GeoRSS, FeedBurner and Atom-in-RSS elements feeds carry.
#include <algorithm>

#include "core/text.h"
#include "parsers/feeds_internal.h"
#include "parsers/html_dates.h"
#include "parsers/html_fragment.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan::feeds {

namespace {

// RSS 2.0 <author> and <managingEditor> hold "an email address" and, by custom, the name in
// parentheses: "jane@example.org (Jane Example)". The name becomes the author; the address stays on
// the item (field "author_email"), where the rules see it.
Person rss_person(std::string_view value, std::string* email) {
  std::string_view v = trim(value);
  // "jane@example.org" alone, or "Jane Example <jane@example.org>": an address is no name.
  // A handle ("@jane") is not an address.
  if (const size_t at = v.find('@');
      at != std::string_view::npos && at > 0 && v.find(' ') == std::string_view::npos && v.find('(') == std::string_view::npos) {
    if (email) *email = std::string(v.substr(v.rfind(':') == std::string_view::npos ? 0 : v.rfind(':') + 1));
    return {};
  }
  if (size_t lt = v.rfind('<'); lt != std::string_view::npos && v.back() == '>' && v.find('@', lt) != std::string_view::npos) {
    if (email) *email = std::string(v.substr(lt + 1, v.size() - lt - 2));
    return {"", std::string(trim(v.substr(0, lt))), ""};
  }
  size_t open = v.find('(');
  if (open != std::string_view::npos && v.back() == ')' && open > 0) {
    std::string_view addr = trim(v.substr(0, open));
    std::string_view name = trim(v.substr(open + 1, v.size() - open - 2));
    if (addr.find('@') != std::string_view::npos && !name.empty()) {
      if (email) *email = std::string(addr);
      return {"", std::string(name), ""};
    }
    // The other way round, as many feeds (and Dublin Core creators) write it: "Jane Example (jane@example.org)".
    if (name.find('@') != std::string_view::npos && name.find(' ') == std::string_view::npos && !addr.empty() &&
        addr.find('@') == std::string_view::npos) {
      if (email) *email = std::string(name.substr(name.rfind(':') == std::string_view::npos ? 0 : name.rfind(':') + 1));
      return {"", std::string(addr), ""};
    }
  }
  return {"", std::string(v), ""};
}

void set_rss_author(Item& it, std::string_view value) {
  std::string email;
  it.author = rss_person(value, &email);
  if (!email.empty()) it.fields.emplace_back("author_email", email);
}

// An RSS title is plain text (RSS Best Practices Profile 3.1): "Styling the &lt;dialog&gt; element"
// keeps its "<dialog>". Many feeds escape inline markup into titles all the same, and some write it
// unescaped; the HTML inline formatting elements are read as markup in both cases.
std::string rss_title(const XmlElement& item, std::string_view item_ns, std::string_view source) {
  const XmlElement* t = item.child(item_ns, "title");
  if (!t) return {};
  if (!t->children.empty() && t->inner_end > t->inner_begin) return html_to_text(inner_source(*t, source));
  std::string text(trim(t->text));
  static constexpr std::string_view k_inline[] = {"a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "ins",
                                                  "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u"};
  for (size_t lt = text.find('<'); lt != std::string::npos; lt = text.find('<', lt + 1)) {
    size_t n = lt + 1 + (lt + 1 < text.size() && text[lt + 1] == '/');
    size_t end = n;
    while (end < text.size() && is_ascii_alpha(text[end])) ++end;
    if (end == n || end >= text.size() || (text[end] != '>' && text[end] != ' ' && text[end] != '/')) continue;
    const std::string name = ascii_lower(text.substr(n, end - n));
    if (std::find(std::begin(k_inline), std::end(k_inline), name) != std::end(k_inline)) return html_to_text(text);
  }
  return collapse_whitespace(decode_xml_entities(text));  // double-escaped "&amp;amp;" is still a reference
}

bool declares_base(const XmlElement& e) { return !e.attr("base", ns::xml).empty(); }

// The item's author as Dublin Core gives it: dc:creator, else dc:author, which DCMI does not
// define but feeds write (feedparser reads it as dc:creator).
std::string dc_author(const XmlElement& e) {
  std::string creator = e.child_text(ns::dc, "creator");
  return creator.empty() ? e.child_text(ns::dc, "author") : creator;
}

// `base_in_scope`: an xml:base is declared on the item or an element around it.
void parse_rss_item(const XmlElement& e, FeedContext& ctx, std::string_view item_ns, std::string_view source, bool base_in_scope) {
  Item it = entry_item(ctx);
  it.title = rss_title(e, item_ns, source);
  std::string link = e.child_text(item_ns, "link");
  std::string guid;
  if (const XmlElement* g = e.child(item_ns, "guid")) {
    guid = std::string(trim(g->text));
    std::string perma = ascii_lower(g->attr("isPermaLink"));
    if (link.empty() && perma != "false" && (istarts_with(guid, "http://") || istarts_with(guid, "https://"))) link = guid;
  }
  // An item with no <link> may give its address as an atom:link (what .NET's SyndicationFeed writes as
  // a10:link), else RSS 1.0's rdf:about.
  if (link.empty())
    for (const XmlElement* l : e.children_named(ns::atom, "link"))
      if (const std::string rel(trim(l->attr("rel"))); (rel.empty() || rel == "alternate") && !trim(l->attr("href")).empty()) {
        link = resolve(base_of(*l, ctx.base), l->attr("href"));
        break;
      }
  if (link.empty()) link = e.attr("about", ns::rdf);
  if (!link.empty()) it.url = resolve(ctx.base, link);
  use_feedburner_orig_link(e, it, ctx.base);
  std::string encoded = e.child_text(ns::content, "encoded");
  std::string description = e.child_text(item_ns, "description");
  // HTML written into <description> without escaping is invalid RSS but common: read its markup.
  if (const XmlElement* d = e.child(item_ns, "description"); d && !d->children.empty() && d->inner_end > d->inner_begin)
    description = std::string(inner_source(*d, source));
  // Mastodon writes a content warning as "<p><strong>Content warning:</strong> …</p><hr />" before
  // the post (FormattingHelper#rss_content_preroll), the label in the server's language. Its
  // sanitizer keeps no <hr> in posts, so the first <hr> is that separator in any language.
  if (ctx.platform == "mastodon") {
    const size_t hr = ascii_lower(description).find("<hr");
    const size_t hr_end = hr == std::string::npos ? hr : description.find('>', hr);
    if (hr_end != std::string::npos) {
      std::string cw = html_to_text(description.substr(0, hr));
      // "Content warning: health" / "Inhaltswarnung: health": the label is the text up to ':'.
      if (size_t colon = cw.find(':'); colon != std::string::npos && colon < 40) cw = std::string(trim(std::string_view(cw).substr(colon + 1)));
      it.fields.emplace_back("content_warning", cw);
      description.erase(0, hr_end + 1);
    }
  }
  // Relative references in the HTML of content:encoded and description resolve alike: against the
  // xml:base in scope, the element's own included (XML Base; feedparser does so for both), else
  // against the item's link, the page the HTML was written for.
  const std::string html_fallback = base_in_scope || it.url.empty() ? ctx.base : it.url;
  const auto html_base = [&](const XmlElement* el) { return el && declares_base(*el) ? base_of(*el, ctx.base) : html_fallback; };
  if (!encoded.empty()) apply_html(it, encoded, html_base(e.child(ns::content, "encoded")));
  if (!description.empty()) {
    Item tmp;
    apply_html(tmp, description, html_base(e.child(item_ns, "description")));
    if (it.text.empty()) it.text = tmp.text;
    else if (!tmp.text.empty() && it.text.find(tmp.text.substr(0, 40)) == std::string::npos) it.fields.emplace_back("summary", tmp.text);
    for (auto& m : tmp.media) add_media(it.media, m.url, m.type, m.alt);
    for (auto& l : tmp.links)
      if (std::find(it.links.begin(), it.links.end(), l) == it.links.end()) it.links.push_back(l);
    for (auto& t : tmp.tags) add_tag(it, t);
  }
  // Podcasts: an episode may describe itself only in itunes:summary / itunes:subtitle.
  for (const char* key : {"summary", "subtitle"})
    if (it.text.empty() || it.text == it.title)
      if (std::string s = html_to_text(e.child_text(ns::itunes, key)); !s.empty()) it.text = s;
  if (const XmlElement* img = e.child(ns::itunes, "image")) {
    // href, as Apple specifies; some feeds write url, or the address as content.
    std::string href = !img->attr("href").empty() ? img->attr("href") : !img->attr("url").empty() ? img->attr("url") : std::string(trim(img->text));
    if (!href.empty()) add_media(it.media, resolve(ctx.base, href), "image", "");
  }
  if (it.text.empty()) it.text = it.title;
  // atom:updated (Medium), else DCMI Terms' modified.
  for (const std::string& date : {e.child_text(ns::atom, "updated"), e.child_text(ns::dcterms, "modified")})
    if (auto t = normalize_datetime(date)) {
      it.updated_at = t;
      break;
    }
  // pubDate, else (absent or unreadable) dc:date, dcterms:issued, dcterms:created; an unreadable
  // one is recorded.
  for (const std::string& date : {e.child_text(item_ns, "pubDate"), e.child_text(ns::dc, "date"),
                                  e.child_text(ns::dcterms, "issued"), e.child_text(ns::dcterms, "created")}) {
    if (trim(date).empty()) continue;
    if (auto t = normalize_datetime(date)) {
      it.published_at = t;
      break;
    }
    ctx.out.errors.push_back("rss: unreadable date '" + std::string(trim(date)).substr(0, 64) + "'");
  }
  if (std::string creator = dc_author(e); !creator.empty()) {
    // Written like an RSS author as often as not: "Jane Example (jane@example.org)", or an address alone.
    set_rss_author(it, creator);
    // Further creators are co-authors (as Atom's further authors); an <author> beside dc:creator
    // still gives the address.
    const auto creators = e.children_named(ns::dc, "creator");
    for (size_t i = 1; i < creators.size(); ++i)
      if (std::string more(trim(creators[i]->text)); !more.empty()) it.fields.emplace_back("co_author", more);
    if (std::string author = e.child_text(item_ns, "author"); !author.empty()) {
      std::string email;
      rss_person(author, &email);
      const bool known = std::any_of(it.fields.begin(), it.fields.end(), [&](const auto& f) { return f.first == "author_email" && f.second == email; });
      if (!email.empty() && !known) it.fields.emplace_back("author_email", email);
    }
  } else if (std::string author = e.child_text(item_ns, "author"); !author.empty()) {
    set_rss_author(it, author);
  } else if (const XmlElement* a = e.child(ns::atom, "author")) {  // .NET's SyndicationFeed: a10:author
    it.author = atom_person(*a, ctx.base);
    if (std::string email(trim(a->child_text(ns::atom, "email"))); !email.empty()) it.fields.emplace_back("author_email", email);
  } else if (std::string itunes = e.child_text(ns::itunes, "author"); !itunes.empty()) {
    it.author.name = std::string(trim(itunes));
  }
  if (std::string comments = std::string(trim(e.child_text(item_ns, "comments"))); !comments.empty())
    if (std::string c = resolve(ctx.base, comments); std::find(it.links.begin(), it.links.end(), c) == it.links.end()) it.links.push_back(c);
  for (const XmlElement* c : e.children_named(item_ns, "category")) add_tag(it, c->text);
  for (const XmlElement* c : e.children_named(ns::dc, "subject")) add_tag(it, c->text);
  for (const XmlElement* enc : e.children_named(item_ns, "enclosure"))
    add_media(it.media, resolve(ctx.base, enc->attr("url")), media_type_of(enc->attr("type"), "", enc->attr("url")), "");
  read_media_rss(e, it, ctx.base);
  read_georss(e, it);
  if (std::string lang = e.child_text(ns::dc, "language"); !lang.empty()) it.language = lang;
  finish(it, ctx, guid, "rss");
}

}  // namespace

void parse_rss(const XmlElement& root, FeedContext& ctx, std::string_view source) {
  bool rdf = root.name == "RDF";
  // RSS 2.0 has no namespace; RSS 1.0 uses its own, RSS 0.90 (also RDF) "http://my.netscape.com/rdf/simple/0.9/":
  // take the channel's.
  std::string_view item_ns = root.ns;
  if (rdf) {
    item_ns = ns::rss1;
    for (const auto& c : root.children)
      if (c.name == "channel" || c.name == "item") {
        item_ns = c.ns;
        break;
      }
  }
  const XmlElement* channel = root.child(item_ns, "channel");
  ctx.base = base_of(root, ctx.base);
  if (channel) {
    ctx.language = channel->child_text(item_ns, "language");
    if (ctx.language.empty()) ctx.language = channel->child_text(ns::dc, "language");
    // A Mastodon account's RSS (/@user.rss) from any server: "Public posts from @user@host".
    const std::string description = collapse_whitespace(channel->child_text(item_ns, "description"));
    const bool mastodon = istarts_with(trim(channel->child_text(item_ns, "generator")), "Mastodon") ||
                          description.rfind("Public posts from @", 0) == 0;
    if (mastodon && ctx.platform == "web") ctx.platform = "mastodon";
    ctx.medium = ctx.platform == "medium" || istarts_with(trim(channel->child_text(item_ns, "generator")), "Medium");
    if (mastodon && description.rfind("Public posts from @", 0) == 0) ctx.feed_author.handle = description.substr(18);
    // dc:creator names a person; an address written there is an address, as in <author>.
    ctx.feed_author.name = rss_person(dc_author(*channel), &ctx.feed_email).name;
    if (std::string editor = channel->child_text(item_ns, "managingEditor"); !editor.empty()) {
      Person p = rss_person(editor, &ctx.feed_email);
      if (ctx.feed_author.name.empty()) ctx.feed_author.name = p.name;
    }
    if (const XmlElement* owner = channel->child(ns::itunes, "owner"); owner && ctx.feed_email.empty())
      ctx.feed_email = std::string(trim(owner->child_text(ns::itunes, "email")));
    if (ctx.feed_author.name.empty()) ctx.feed_author.name = channel->child_text(ns::itunes, "author");
    ctx.feed_author.url = channel->child_text(item_ns, "link");
    // A platform's per-account feed (Mastodon, Bluesky, Tumblr) is titled with the account's name.
    if (ctx.feed_author.name.empty() && ctx.platform != "web") ctx.feed_author.name = html_to_text(channel->child_text(item_ns, "title"));
    for (const auto& c : channel->children)
      if (c.is(ns::atom, "link") && c.attr("rel") == "next") ctx.out.links.push_back({resolve(ctx.base, c.attr("href")), "next", "next"});
  }
  // RSS 2.0: items inside <channel>; RSS 1.0 (RDF): items are siblings of <channel>. An xml:base on
  // the channel or the item changes what the item's relative references resolve against.
  const XmlElement& holder = channel && !rdf ? *channel : root;
  const std::string holder_base = base_of(holder, ctx.base);
  const bool holder_declares = declares_base(root) || declares_base(holder);
  for (const auto& c : holder.children) {
    if (c.ns != item_ns || c.name != "item") continue;
    if (entries_full(ctx)) break;
    ctx.base = base_of(c, holder_base);
    parse_rss_item(c, ctx, item_ns, source, holder_declares || declares_base(c));
  }
}

void fold_rss_name_case(XmlElement& e) {
  // The names RSS 2.0 / 0.9x / 1.0 and the Dublin Core and content modules define, as written in
  // their specifications.
  static constexpr std::string_view k_rss[] = {
      "rss", "channel", "item", "title", "link", "description", "pubDate", "guid", "author", "category", "comments",
      "enclosure", "source", "language", "managingEditor", "webMaster", "generator", "lastBuildDate", "image", "url",
      "copyright", "docs", "ttl", "textInput", "name", "width", "height", "cloud", "rating", "skipHours", "skipDays"};
  static constexpr std::string_view k_dc[] = {"creator", "author", "date", "subject", "language", "title",
                                              "description", "contributor", "publisher", "rights"};
  static constexpr std::string_view k_rdf[] = {"RDF"};
  static constexpr std::string_view k_content[] = {"encoded"};
  const auto fold = [&](const auto& names) {
    for (std::string_view n : names)
      if (e.name != n && iequals(e.name, n)) {
        e.name = std::string(n);
        return;
      }
  };
  if (e.ns.empty() || e.ns == ns::rss1 || e.ns == "http://my.netscape.com/rdf/simple/0.9/") fold(k_rss);
  else if (e.ns == ns::dc) fold(k_dc);
  else if (e.ns == ns::rdf) fold(k_rdf);
  else if (e.ns == ns::content) fold(k_content);
  for (auto& c : e.children) fold_rss_name_case(c);
}

}  // namespace exposcan::feeds
