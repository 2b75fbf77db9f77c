// parsers/item.h — the unit of exposure: one thing a person posted or shows publicly.
//
// Parsers own this type (STYLE.md §2): pure functions turn a Page into Items plus page-level
// signals. Items are values; rules and reports only read them.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/time.h"

namespace exposcan {

enum class ItemKind { profile, post, comment, photo, video, article, link, profile_field, page };
enum class Visibility { public_, unlisted, followers, login_wall, blocked, rate_limited, unknown };

std::string_view to_string(ItemKind kind);
std::string_view to_string(Visibility visibility);  // "public", "unlisted", "login-wall", ...
std::optional<ItemKind> item_kind_from_string(std::string_view s);
std::optional<Visibility> visibility_from_string(std::string_view s);

struct Person {
  std::string handle;  // "@jane@mastodon.social", "janeexample"
  std::string name;    // display name
  std::string url;     // profile URL
};

struct Media {
  std::string url;
  std::string type;  // "image", "video", "audio"
  std::string alt;   // alt text / accessibility caption
};

// A place: coordinates when the source gives them (a named place often has none), and its name.
struct Geo {
  std::optional<double> lat;
  std::optional<double> lon;
  std::string name;  // place name when given
};

// A robots-style directive from <meta name="robots|<agent>"> or X-Robots-Tag.
struct RobotsDirective {
  std::string agent;   // lower-case agent the directive targets; empty = all agents
  std::string name;    // lower-case directive: "noai", "noimageai", "noindex", "noarchive", ...
  std::string source;  // "meta" or "header"
};

// Page-level opt-out and usage signals, shared by every Item of a page.
struct PageSignals {
  std::vector<RobotsDirective> robots;
  std::optional<int> tdm_reservation;  // TDMRep: 1 reserved, 0 not reserved
  std::string tdm_policy;              // TDMRep policy URL
  std::string tdm_source;              // "meta", "header"
  std::vector<std::string> content_usage;  // aipref Content-Usage header values, raw
  std::vector<std::string> content_signal;  // Cloudflare Content-Signal header values, raw
  std::vector<std::string> licenses;        // rel=license URLs
  std::string canonical_url;
  std::string language;

  bool has_directive(std::string_view name) const;  // for any agent
};

struct Item {
  std::string id;        // stable: "<platform>:<kind>:<native id>", else the canonical URL
  std::string platform;  // "instagram", "mastodon", "web", ...
  ItemKind kind = ItemKind::page;
  std::string url;
  Person author;
  std::optional<TimePoint> published_at;
  std::optional<TimePoint> updated_at;
  Visibility visibility = Visibility::unknown;
  std::string title;
  std::string text;  // plain text (markup removed, entities decoded)
  std::vector<Media> media;
  std::optional<Geo> geo;
  std::string language;
  std::vector<std::string> links;
  std::vector<std::pair<std::string, std::string>> fields;  // profile fields: ("bio", ...), ("Phone", ...)
  std::vector<std::string> tags;                            // hashtags, categories
  std::string parent_id;                                    // the post a comment answers
  std::string source_url;                                   // the Page it came from
  std::string source_sha256;
  std::string extractor;   // "opengraph", "jsonld", "mf2", "mastodon-html", ...
  std::string provenance;  // "live", "not_modified", "file", "har", "warc"
  std::shared_ptr<const PageSignals> signals;
};

// Visits every text field rules scan for personal data, with the field name matches refer to:
// "title", "text", "author.name", "author.handle", "media[N].alt", "fields.<name>", "geo.name".
// The relation fields reposted_by, reblogged_by and reply_to, and GitHub's noreply commit address
// (commit.author.noreply), are not visited.
void for_each_text_field(const Item& item,
                         const std::function<void(std::string_view field, std::string_view text)>& fn);
// The two fields above that credit the item's author: "author.name" and "author.handle".
bool is_author_credit_field(std::string_view field);
// The relation fields (item.fields) that name who shared a post someone else wrote: reposted_by
// (Threads/Bluesky repost), reblogged_by (Mastodon boost, Tumblr reblog).
bool is_share_field(std::string_view name);
// The text of a named field (as above), or nullopt.
std::optional<std::string_view> text_field(const Item& item, std::string_view field);

}  // namespace exposcan
