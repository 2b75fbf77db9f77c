#include "parsers/feeds.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <set>

#include "core/hash.h"
#include "core/text.h"
#include "core/url.h"
#include "parsers/html_dates.h"
#include "parsers/html_fragment.h"
#include "parsers/links.h"
#include "parsers/page_signals.h"
#include "parsers/platforms/platform_common.h"
#include "parsers/registry.h"
#include "parsers/xml_reader.h"

namespace exposcan {
namespace {

using nlohmann::json;
namespace ns = xmlns;

constexpr size_t k_max_entries = 2000;

void add_media(std::vector<Media>& media, std::string url, std::string type, std::string alt) {
  url = std::string(trim(url));
  if (url.empty()) return;
  for (auto& m : media)
    if (m.url == url) {
      if (m.alt.empty()) m.alt = std::move(alt);
      return;
    }
  media.push_back({std::move(url), std::move(type), std::string(trim(alt))});
}

std::string media_type_of(std::string_view mime, std::string_view medium, std::string_view url = {}) {
  if (medium == "video" || istarts_with(mime, "video/") || mime == "application/x-shockwave-flash") return "video";
  if (medium == "audio" || istarts_with(mime, "audio/")) return "audio";
  if (medium == "document") return "document";
  // A type that names something else (a PDF, a torrent, an archive) is a file, not a picture.
  if (!mime.empty() && !istarts_with(mime, "image/")) return "file";
  if (mime.empty() && medium.empty()) {  // neither says: the file name may
    const std::string path = ascii_lower(url.substr(0, url.find_first_of("?#")));
    for (std::string_view ext : {".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi"})
      if (std::string_view(path).ends_with(ext)) return "video";
    for (std::string_view ext : {".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav", ".flac", ".aac"})
      if (std::string_view(path).ends_with(ext)) return "audio";
  }
  return "image";
}

struct FeedContext {
  const Page& page;
  ParseOutput& out;
  std::string platform;
  std::string base;  // feed URL (relative links in entries resolve against it)
  Person feed_author;
  std::string feed_email;  // managingEditor / itunes:owner / the feed's atom:author e-mail
  std::string language;
  std::set<std::string> entry_urls;  // entry URLs seen in this feed
  bool medium = false;               // medium.com, or a feed whose generator is Medium
};

// Fills text/media/links/tags from an HTML (or plain) content string.
void apply_html(Item& it, std::string_view html, const std::string& base) {
  HtmlFragment f = parse_html_fragment(html, base);
  if (it.text.empty()) it.text = std::move(f.text);
  for (auto& m : f.images) add_media(it.media, m.url, m.type, m.alt);
  for (auto& l : f.links)
    if (std::find(it.links.begin(), it.links.end(), l) == it.links.end()) it.links.push_back(l);
  for (auto& t : f.hashtags)
    if (std::find(it.tags.begin(), it.tags.end(), t) == it.tags.end()) it.tags.push_back(t);
}

// A reference resolved against the entry's base. An absent or empty attribute (a media:content that
// has only a media:player, an Atom link without href, an enclosure url="") names nothing here, not
// the feed itself.
std::string resolve(const std::string& base, std::string_view ref) {
  if (trim(ref).empty()) return {};
  std::string r = resolve_link(base, ref);
  return r.empty() ? std::string(trim(ref)) : r;
}

// The base URI in effect for an element: its own xml:base resolved against its parent's (XML Base
// §4.2; RFC 4287 §2 lets any Atom element carry one, and XML Base applies to RSS as to any XML).
std::string base_of(const XmlElement& e, const std::string& parent_base) {
  const std::string base = e.attr("base", ns::xml);
  return base.empty() ? parent_base : resolve(parent_base, base);
}

// An Atom Person construct (RFC 4287 §3.2). Its uri is an IRI reference, resolved against the base
// in scope; "url", the Atom 0.3 name that some Atom 1.0 writers still use, stands in when there is no uri.
Person atom_person(const XmlElement& p, const std::string& base) {
  std::string uri = p.child_text(ns::atom, "uri");
  if (uri.empty()) uri = p.child_text(ns::atom, "url");
  return {"", p.child_text(ns::atom, "name"), resolve(base_of(p, base), uri)};
}

// The source between an element's tags.
std::string_view inner_source(const XmlElement& e, std::string_view source) {
  return e.inner_end > e.inner_begin ? source.substr(e.inner_begin, e.inner_end - e.inner_begin) : std::string_view{};
}

// media:description / media:title text; type="html" means the text is HTML (Media RSS 1.5).
std::string media_text(const XmlElement& parent, std::string_view name) {
  const XmlElement* t = parent.child(ns::media, name);
  if (!t) return {};
  return ascii_lower(t->attr("type")) == "html" ? html_to_text(t->text) : std::string(trim(t->text));
}

// An author's avatar that WordPress writes as a media:content of every item (gravatar.com): it is
// not part of the post.
bool is_avatar_service(std::string_view url) {
  auto u = Url::parse(url);
  if (!u) return false;
  const std::string& h = u->host();
  return h == "gravatar.com" || (h.size() > 13 && h.compare(h.size() - 13, 13, ".gravatar.com") == 0);
}

// What a picture is described by: its own media:description or media:title, else the nearest
// enclosing group's or item's (Media RSS 1.5.1, "Optional Elements": an element at a shallower level
// applies to every media object in its scope; content, then group, then item).
struct MediaScope {
  std::string description, title;
  MediaScope within(const XmlElement& e) const {
    MediaScope s{media_text(e, "description"), media_text(e, "title")};
    if (s.description.empty()) s.description = description;
    if (s.title.empty()) s.title = title;
    return s;
  }
};

// Media RSS: media:content / media:thumbnail / media:group. A media:content's description (or
// title), its own or inherited, is its alternative text, as Mastodon writes it. A group's
// description also describes the whole entry (YouTube: the video's description) and becomes the
// entry's text when it has none. A thumbnail of a picture is the same picture; of a video, its
// poster frame, described by the title. media:rating "adult" marks the entry sensitive.
void read_media_rss(const XmlElement& e, Item& it, const std::string& base, const MediaScope& outer = {}) {
  const MediaScope scope = outer.within(e);
  for (const auto& c : e.children) {
    if (c.ns != ns::media) continue;
    if (c.name == "group") {
      read_media_rss(c, it, base, scope);
    } else if (c.name == "content") {
      std::string url = resolve(base, c.attr("url"));
      if (is_avatar_service(url)) continue;
      const std::string type = media_type_of(c.attr("type"), c.attr("medium"), c.attr("url"));
      // A video's or a sound's inherited description is the entry's text (YouTube), not an alt.
      const MediaScope own = type == "image" ? scope.within(c) : MediaScope{}.within(c);
      std::string alt = own.description.empty() ? own.title : own.description;
      add_media(it.media, url, type, alt);
      if (type == "video")  // optional elements may sit inside content
        for (const XmlElement* t : c.children_named(ns::media, "thumbnail")) add_media(it.media, resolve(base, t->attr("url")), "image", "");
      if (ascii_lower(trim(c.child_text(ns::media, "rating"))) == "adult") it.fields.emplace_back("sensitive", "true");
    } else if (c.name == "thumbnail") {
      const bool has_picture = std::any_of(it.media.begin(), it.media.end(), [](const Media& m) { return m.type == "image"; });
      if (!has_picture) add_media(it.media, resolve(base, c.attr("url")), "image", scope.title);
    } else if (c.name == "rating" && ascii_lower(trim(c.text)) == "adult") {
      it.fields.emplace_back("sensitive", "true");
    }
  }
}

void add_tag(Item& it, std::string t) {
  t = std::string(trim(t));
  if (!t.empty() && std::find(it.tags.begin(), it.tags.end(), t) == it.tags.end()) it.tags.push_back(std::move(t));
}

// GeoRSS simple: <georss:point>lat lon</georss:point>.
void read_georss(const XmlElement& e, Item& it) {
  std::string place = std::string(trim(e.child_text(ns::georss, "featurename")));  // Blogger writes the place's name here
  if (!place.empty()) it.geo = Geo{std::nullopt, std::nullopt, place};
  std::string point = e.child_text(ns::georss, "point");
  if (point.empty()) return;
  std::string collapsed = collapse_whitespace(point);
  auto parts = split(collapsed, ' ');
  if (parts.size() != 2) return;
  try {
    Geo g;
    g.lat = std::stod(std::string(parts[0]));
    g.lon = std::stod(std::string(parts[1]));
    g.name = place;
    it.geo = g;
  } catch (...) {
  }
}

Item entry_item(FeedContext& ctx) {
  Item it = platform_item(ctx.page, ctx.out, ctx.platform);
  it.kind = ItemKind::post;
  it.language = ctx.language;
  return it;
}

// The id the platform's own adapter gives the same post, so a post seen in a feed and through the
// API or its page is one item: Mastodon statuses, Bluesky posts, Tumblr and WordPress.com posts.
std::string platform_entry_id(const FeedContext& ctx, const Item& it, const std::string& native_id) {
  auto u = Url::parse(it.url);
  if (!u) return {};
  std::vector<std::string> segs;
  for (auto s : split(u->path(), '/'))
    if (!s.empty()) segs.emplace_back(s);
  auto digits = [](const std::string& s) { return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_ascii_digit(c); }); };
  if (ctx.platform == "mastodon" && segs.size() == 2 && segs[0][0] == '@' && digits(segs[1]))
    return "mastodon:" + u->host() + ":status:" + segs[1];
  if (ctx.platform == "bluesky" && native_id.rfind("at://", 0) == 0) return "bluesky:post:" + native_id;
  if (ctx.platform == "tumblr" && segs.size() >= 2 && segs[0] == "post" && digits(segs[1]))
    return "tumblr:" + u->host().substr(0, u->host().find('.')) + ":post:" + segs[1];
  if (ctx.platform == "wordpress") {
    std::string p = query_param(native_id, "p");
    if (digits(p)) return "wordpress:" + u->host() + ":post:" + p;
  }
  return {};
}

// Medium's feeds add "?source=rss-<id>------2" (or "rss----<id>---4") to every entry link: a
// tracking parameter that is not part of the post's address (its page's canonical URL has none),
// dropped so that the entry meets the same post's page.
std::string without_medium_tracking(const std::string& url) {
  auto u = Url::parse(url);
  if (!u || !u->has_query()) return url;
  std::string kept;
  for (auto part : split(u->query(), '&'))
    if (!part.starts_with("source=rss")) kept += (kept.empty() ? "" : "&") + std::string(part);
  if (kept == u->query()) return url;
  std::string out = u->origin() + u->path();
  if (!kept.empty()) out += "?" + kept;
  if (!u->fragment().empty()) out += "#" + u->fragment();
  return out;
}

// A FeedBurner feed points every entry at a feedproxy redirect and gives the post's own address as
// feedburner:origLink: that is the entry's URL.
void use_feedburner_orig_link(const XmlElement& e, Item& it, const std::string& base) {
  if (std::string orig = resolve(base, e.child_text(ns::feedburner, "origLink")); !orig.empty()) it.url = std::move(orig);
}

void finish(Item& it, FeedContext& ctx, const std::string& native_id, const char* extractor) {
  it.extractor = extractor;
  if (ctx.medium && !it.url.empty()) it.url = without_medium_tracking(it.url);
  if (it.author.name.empty() && it.author.handle.empty() && it.author.url.empty()) {
    it.author = ctx.feed_author;
    const bool has_email = std::any_of(it.fields.begin(), it.fields.end(), [](const auto& f) { return f.first == "author_email"; });
    if (!ctx.feed_email.empty() && !has_email) it.fields.emplace_back("author_email", ctx.feed_email);
  }
  std::string platform_id = platform_entry_id(ctx, it, native_id);
  // An entry is known by its URL (so it meets the same post's page), unless an earlier entry of this
  // feed has that URL (podcasts and link blogs often point every entry at one page): then by its
  // guid / atom:id, else by its position.
  const bool url_taken = !it.url.empty() && !ctx.entry_urls.insert(it.url).second;
  it.id = !platform_id.empty()         ? platform_id
          : !it.url.empty() && !url_taken ? it.url
          : native_id.empty()            ? ctx.base + "#" + std::to_string(ctx.out.items.size())
                                         : ctx.platform + ":entry:" + native_id;
  if (!it.url.empty()) ctx.out.links.push_back({it.url, "anchor", ""});
  ctx.out.items.push_back(std::move(it));
}

// True, and the cut recorded, when the feed has given k_max_entries items and has another entry.
bool entries_full(FeedContext& ctx) {
  if (ctx.out.items.size() < k_max_entries) return false;
  ctx.out.errors.push_back("feed: more than " + std::to_string(k_max_entries) + " entries; the rest are not read");
  return true;
}

// --- RSS 2.0 / 0.9x / RDF ---------------------------------------------------------------------

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

void parse_rss_item(const XmlElement& e, FeedContext& ctx, std::string_view item_ns, std::string_view source) {
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
  if (!encoded.empty()) apply_html(it, encoded, it.url.empty() ? ctx.base : it.url);
  if (!description.empty()) {
    Item tmp;
    apply_html(tmp, description, ctx.base);
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
  if (std::string creator = e.child_text(ns::dc, "creator"); !creator.empty()) {
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
    ctx.feed_author.name = rss_person(channel->child_text(ns::dc, "creator"), &ctx.feed_email).name;
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
  for (const auto& c : holder.children) {
    if (c.ns != item_ns || c.name != "item") continue;
    if (entries_full(ctx)) break;
    ctx.base = base_of(c, holder_base);
    parse_rss_item(c, ctx, item_ns, source);
  }
}

// --- Atom --------------------------------------------------------------------------------------

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

// --- JSON Feed ---------------------------------------------------------------------------------

std::string jstr(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

Person json_feed_author(const json& j) {
  const json* a = nullptr;
  if (j.contains("authors") && j["authors"].is_array() && !j["authors"].empty()) a = &j["authors"][0];
  else if (j.contains("author") && j["author"].is_object()) a = &j["author"];
  if (!a) return {};
  return {"", jstr(*a, "name"), jstr(*a, "url")};
}

void parse_json_feed(const json& doc, FeedContext& ctx) {
  ctx.feed_author = json_feed_author(doc);
  ctx.language = jstr(doc, "language");
  if (std::string next = jstr(doc, "next_url"); !next.empty()) ctx.out.links.push_back({resolve(ctx.base, next), "next", "next"});
  if (!doc.contains("items") || !doc["items"].is_array()) {
    ctx.out.errors.push_back("JSON Feed without an items array (JSON Feed 1.1: required)");
    return;
  }
  for (const auto& j : doc["items"]) {
    if (!j.is_object()) continue;
    if (entries_full(ctx)) break;
    Item it = entry_item(ctx);
    it.title = jstr(j, "title");
    std::string url = jstr(j, "url");
    if (!url.empty()) it.url = resolve(ctx.base, url);
    if (std::string ext = jstr(j, "external_url"); !ext.empty()) it.links.push_back(resolve(ctx.base, ext));
    std::string html = jstr(j, "content_html");
    if (!html.empty()) apply_html(it, html, it.url.empty() ? ctx.base : it.url);
    if (it.text.empty()) it.text = jstr(j, "content_text");
    if (std::string summary = jstr(j, "summary"); !summary.empty()) {
      if (it.text.empty()) it.text = summary;
      else it.fields.emplace_back("summary", summary);
    }
    if (it.text.empty()) it.text = it.title;
    for (const char* k : {"image", "banner_image"})
      if (std::string img = jstr(j, k); !img.empty()) add_media(it.media, resolve(ctx.base, img), "image", "");
    if (j.contains("attachments") && j["attachments"].is_array())
      for (const auto& a : j["attachments"])
        add_media(it.media, resolve(ctx.base, jstr(a, "url")), media_type_of(jstr(a, "mime_type"), "", jstr(a, "url")), jstr(a, "title"));
    if (auto t = normalize_datetime(jstr(j, "date_published"))) it.published_at = t;
    if (auto t = normalize_datetime(jstr(j, "date_modified"))) it.updated_at = t;
    it.author = json_feed_author(j);
    if (j.contains("authors") && j["authors"].is_array())  // co-authors (the first is the author)
      for (size_t k = 1; k < j["authors"].size(); ++k)
        if (std::string who = jstr(j["authors"][k], "name").empty() ? jstr(j["authors"][k], "url") : jstr(j["authors"][k], "name");
            !who.empty())
          it.fields.emplace_back("co_author", who);
    if (j.contains("tags") && j["tags"].is_array())
      for (const auto& t : j["tags"])
        if (t.is_string()) add_tag(it, t.get<std::string>());
    if (std::string lang = jstr(j, "language"); !lang.empty()) it.language = lang;
    std::string id = j.contains("id") ? (j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump()) : std::string();
    finish(it, ctx, id, "jsonfeed");
  }
}

}  // namespace

const std::vector<std::string>& well_known_feed_paths() {
  static const std::vector<std::string> k = {"/feed", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json"};
  return k;
}

ParseOutput parse_feed(const Page& page, std::string_view platform) {
  ParseOutput out;
  std::string url = page.final_url.empty() ? page.url : page.final_url;
  out.signals = std::make_shared<PageSignals>(extract_page_signals(HtmlScan{}, page.headers, url, &out.errors));
  FeedContext ctx{page, out, platform.empty() ? platform_for_host(host_of(url)) : std::string(platform), url, {}, {}, {}, {}};
  if (page.truncated) out.errors.push_back("feed body is cut off (at the size cap or in the capture); later entries are missing");
  switch (sniff_feed(page.body)) {
    case FeedFormat::json_feed: {
      json doc = json::parse(page.body, nullptr, false);
      if (doc.is_discarded() || !doc.is_object()) {
        out.errors.push_back("invalid JSON Feed from " + url);
        return out;
      }
      parse_json_feed(doc, ctx);
      return out;
    }
    case FeedFormat::rss:
    case FeedFormat::atom:
    case FeedFormat::rdf: {
      XmlDocument doc = parse_xml(page.body);
      for (auto& e : doc.errors) out.errors.push_back(std::move(e));
      if (doc.root.children.empty()) return out;
      if (doc.root.children.front().is(ns::atom03, "feed")) upgrade_atom03(doc.root.children.front(), out.errors);
      const XmlElement* root = doc.document_element();
      if (root->is(ns::atom, "feed")) parse_atom(*root, ctx, page.body);
      else if (root->is(ns::atom, "entry")) parse_atom_entry_document(*root, ctx, page.body);
      else if (root->name == "feed") out.errors.push_back("feed format not supported (namespace '" + root->ns + "'): " + url);
      else parse_rss(*root, ctx, page.body);
      return out;
    }
    case FeedFormat::none: out.errors.push_back("not a feed: " + url); return out;
  }
  return out;
}

}  // namespace exposcan
