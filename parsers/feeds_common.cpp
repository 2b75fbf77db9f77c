// The entry helpers the feed readers share (parsers/feeds_internal.h): media, links, tags, the
// base URI in scope, and the Item each entry becomes.
#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/feeds_internal.h"
#include "parsers/html_fragment.h"
#include "parsers/links.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan::feeds {
namespace {

constexpr size_t k_max_entries = 2000;

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
void read_media_rss_in(const XmlElement& e, Item& it, const std::string& base, const MediaScope& outer) {
  const MediaScope scope = outer.within(e);
  for (const auto& c : e.children) {
    if (c.ns != ns::media) continue;
    if (c.name == "group") {
      read_media_rss_in(c, it, base, scope);
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

}  // namespace

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

std::string media_type_of(std::string_view mime, std::string_view medium, std::string_view url) {
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

void apply_html(Item& it, std::string_view html, const std::string& base) {
  HtmlFragment f = parse_html_fragment(html, base);
  if (it.text.empty()) it.text = std::move(f.text);
  for (auto& m : f.images) add_media(it.media, m.url, m.type, m.alt);
  for (auto& l : f.links)
    if (std::find(it.links.begin(), it.links.end(), l) == it.links.end()) it.links.push_back(l);
  for (auto& t : f.hashtags)
    if (std::find(it.tags.begin(), it.tags.end(), t) == it.tags.end()) it.tags.push_back(t);
}

std::string resolve(const std::string& base, std::string_view ref) {
  if (trim(ref).empty()) return {};
  std::string r = resolve_link(base, ref);
  return r.empty() ? std::string(trim(ref)) : r;
}

std::string base_of(const XmlElement& e, const std::string& parent_base) {
  const std::string base = e.attr("base", ns::xml);
  return base.empty() ? parent_base : resolve(parent_base, base);
}

Person atom_person(const XmlElement& p, const std::string& base) {
  std::string uri = p.child_text(ns::atom, "uri");
  if (uri.empty()) uri = p.child_text(ns::atom, "url");
  return {"", p.child_text(ns::atom, "name"), resolve(base_of(p, base), uri)};
}

std::string_view inner_source(const XmlElement& e, std::string_view source) {
  return e.inner_end > e.inner_begin ? source.substr(e.inner_begin, e.inner_end - e.inner_begin) : std::string_view{};
}

void read_media_rss(const XmlElement& e, Item& it, const std::string& base) { read_media_rss_in(e, it, base, {}); }

void add_tag(Item& it, std::string t) {
  t = std::string(trim(t));
  if (!t.empty() && std::find(it.tags.begin(), it.tags.end(), t) == it.tags.end()) it.tags.push_back(std::move(t));
}

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

bool entries_full(FeedContext& ctx) {
  if (ctx.out.items.size() < k_max_entries) return false;
  ctx.out.errors.push_back("feed: more than " + std::to_string(k_max_entries) + " entries; the rest are not read");
  return true;
}

}  // namespace exposcan::feeds
