// parsers/feeds_internal.h — what the feed readers of parsers/feeds*.cpp share (private to them):
// the state of one feed being read, the helpers that turn an entry into an Item, and each
// format's entry point (feeds_rss.cpp, feeds_atom.cpp; JSON Feed and the dispatch in feeds.cpp).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/item.h"
#include "parsers/parse_output.h"
#include "parsers/xml_reader.h"
#include "scanner/page.h"

namespace exposcan::feeds {

namespace ns = xmlns;

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

void add_media(std::vector<Media>& media, std::string url, std::string type, std::string alt);

std::string media_type_of(std::string_view mime, std::string_view medium, std::string_view url = {});

// Fills text/media/links/tags from an HTML (or plain) content string.
void apply_html(Item& it, std::string_view html, const std::string& base);

// A reference resolved against the entry's base. An absent or empty attribute (a media:content that
// has only a media:player, an Atom link without href, an enclosure url="") names nothing here, not
// the feed itself.
std::string resolve(const std::string& base, std::string_view ref);

// The base URI in effect for an element: its own xml:base resolved against its parent's (XML Base
// §4.2; RFC 4287 §2 lets any Atom element carry one, and XML Base applies to RSS as to any XML).
std::string base_of(const XmlElement& e, const std::string& parent_base);

// An Atom Person construct (RFC 4287 §3.2). Its uri is an IRI reference, resolved against the base
// in scope; "url", the Atom 0.3 name that some Atom 1.0 writers still use, stands in when there is no uri.
Person atom_person(const XmlElement& p, const std::string& base);

// The source between an element's tags.
std::string_view inner_source(const XmlElement& e, std::string_view source);

// Media RSS: media:content / media:thumbnail / media:group. A media:content's description (or
// title), its own or inherited, is its alternative text, as Mastodon writes it. A group's
// description also describes the whole entry (YouTube: the video's description) and becomes the
// entry's text when it has none. A thumbnail of a picture is the same picture; of a video, its
// poster frame, described by the title. media:rating "adult" marks the entry sensitive.
void read_media_rss(const XmlElement& e, Item& it, const std::string& base);

void add_tag(Item& it, std::string t);

// GeoRSS simple: <georss:point>lat lon</georss:point>.
void read_georss(const XmlElement& e, Item& it);

Item entry_item(FeedContext& ctx);

// A FeedBurner feed points every entry at a feedproxy redirect and gives the post's own address as
// feedburner:origLink: that is the entry's URL.
void use_feedburner_orig_link(const XmlElement& e, Item& it, const std::string& base);

void finish(Item& it, FeedContext& ctx, const std::string& native_id, const char* extractor);

// True, and the cut recorded, when the feed has given k_max_entries items and has another entry.
bool entries_full(FeedContext& ctx);

// XML names are case-sensitive, but feeds write <Title>, <PubDate>, <Item>; feedparser lower-cases
// every element name. An element of RSS (or of the Dublin Core and content modules) whose name
// matches one they define but for case is given that name, in place. Other names stay as written.
void fold_rss_name_case(XmlElement& e);
// RSS 2.0, 0.9x and 1.0 (RDF): every item of the channel.
void parse_rss(const XmlElement& root, FeedContext& ctx, std::string_view source);
// Atom 1.0 (RFC 4287): every entry of the feed.
void parse_atom(const XmlElement& root, FeedContext& ctx, std::string_view source);
// An Atom 0.3 document rewritten in place as Atom 1.0 (what could not be carried over goes to `errors`).
void upgrade_atom03(XmlElement& root, std::vector<std::string>& errors);
// A lone Atom <entry> document (RFC 4287 §4.1.2).
void parse_atom_entry_document(const XmlElement& root, FeedContext& ctx, std::string_view source);

}  // namespace exposcan::feeds
