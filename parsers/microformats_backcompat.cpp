// Backward-compatible parsing tables: classic microformats roots and properties mapped to mf2
// (microformats.org/wiki/microformats2-parsing#parsing_for_backcompat and the per-vocabulary
// backcompat sections of h-card, h-entry, h-feed, h-adr, h-geo, h-event, h-review, h-product,
// h-recipe, h-resume, h-news).
#include <algorithm>

#include "core/text.h"
#include "parsers/microformats_internal.h"

namespace exposcan::mf2 {
namespace {

struct RootMap {
  std::string_view classic, mf2;
};
constexpr RootMap k_roots[] = {
    {"adr", "h-adr"},         {"vcard", "h-card"},     {"hentry", "h-entry"},   {"vevent", "h-event"},
    {"hfeed", "h-feed"},      {"geo", "h-geo"},        {"hproduct", "h-product"}, {"hrecipe", "h-recipe"},
    {"hresume", "h-resume"},  {"hreview", "h-review"}, {"hreview-aggregate", "h-review-aggregate"},
    {"hnews", "h-news"},
};

struct PropMap {
  std::string_view type;     // mf2 type of the parent item
  std::string_view classic;  // classic class name
  std::string_view prefix;
  std::string_view name;
};
constexpr PropMap k_props[] = {
    // h-card (vcard)
    {"h-card", "fn", "p", "name"}, {"h-card", "honorific-prefix", "p", "honorific-prefix"},
    {"h-card", "given-name", "p", "given-name"}, {"h-card", "additional-name", "p", "additional-name"},
    {"h-card", "family-name", "p", "family-name"}, {"h-card", "honorific-suffix", "p", "honorific-suffix"},
    {"h-card", "nickname", "p", "nickname"}, {"h-card", "email", "u", "email"}, {"h-card", "logo", "u", "logo"},
    {"h-card", "photo", "u", "photo"}, {"h-card", "url", "u", "url"}, {"h-card", "uid", "u", "uid"},
    {"h-card", "category", "p", "category"}, {"h-card", "adr", "p", "adr"},
    {"h-card", "extended-address", "p", "extended-address"}, {"h-card", "street-address", "p", "street-address"},
    {"h-card", "locality", "p", "locality"}, {"h-card", "region", "p", "region"},
    {"h-card", "postal-code", "p", "postal-code"}, {"h-card", "country-name", "p", "country-name"},
    {"h-card", "label", "p", "label"}, {"h-card", "geo", "p", "geo"}, {"h-card", "latitude", "p", "latitude"},
    {"h-card", "longitude", "p", "longitude"}, {"h-card", "tel", "p", "tel"}, {"h-card", "note", "p", "note"},
    {"h-card", "bday", "dt", "bday"}, {"h-card", "key", "u", "key"}, {"h-card", "org", "p", "org"},
    {"h-card", "organization-name", "p", "organization-name"},
    {"h-card", "organization-unit", "p", "organization-unit"}, {"h-card", "title", "p", "job-title"},
    {"h-card", "role", "p", "role"}, {"h-card", "tz", "p", "tz"}, {"h-card", "rev", "dt", "rev"},
    {"h-card", "sort-string", "p", "sort-string"}, {"h-card", "sound", "u", "sound"},
    {"h-card", "agent", "p", "agent"}, {"h-card", "mailer", "p", "mailer"}, {"h-card", "class", "p", "class"},
    // h-entry (hentry)
    {"h-entry", "entry-title", "p", "name"}, {"h-entry", "entry-summary", "p", "summary"},
    {"h-entry", "entry-content", "e", "content"}, {"h-entry", "published", "dt", "published"},
    {"h-entry", "updated", "dt", "updated"}, {"h-entry", "author", "p", "author"},
    {"h-entry", "category", "p", "category"}, {"h-entry", "geo", "p", "geo"},
    {"h-entry", "latitude", "p", "latitude"}, {"h-entry", "longitude", "p", "longitude"},
    // h-feed (hfeed)
    {"h-feed", "author", "p", "author"}, {"h-feed", "photo", "u", "photo"}, {"h-feed", "url", "u", "url"},
    {"h-feed", "category", "p", "category"},
    // h-adr (adr)
    {"h-adr", "post-office-box", "p", "post-office-box"}, {"h-adr", "extended-address", "p", "extended-address"},
    {"h-adr", "street-address", "p", "street-address"}, {"h-adr", "locality", "p", "locality"},
    {"h-adr", "region", "p", "region"}, {"h-adr", "postal-code", "p", "postal-code"},
    {"h-adr", "country-name", "p", "country-name"},
    // h-geo (geo)
    {"h-geo", "latitude", "p", "latitude"}, {"h-geo", "longitude", "p", "longitude"},
    // h-event (vevent)
    {"h-event", "summary", "p", "name"}, {"h-event", "dtstart", "dt", "start"}, {"h-event", "dtend", "dt", "end"},
    {"h-event", "duration", "dt", "duration"}, {"h-event", "description", "p", "description"},
    {"h-event", "url", "u", "url"}, {"h-event", "category", "p", "category"},
    {"h-event", "location", "p", "location"}, {"h-event", "geo", "p", "location"},
    {"h-event", "attendee", "p", "attendee"}, {"h-event", "contact", "p", "contact"},
    {"h-event", "organizer", "p", "organizer"},
    // h-review (hreview)
    {"h-review", "summary", "p", "name"}, {"h-review", "description", "e", "content"},
    {"h-review", "item", "p", "item"}, {"h-review", "reviewer", "p", "author"},
    {"h-review", "dtreviewed", "dt", "published"}, {"h-review", "rating", "p", "rating"},
    {"h-review", "best", "p", "best"}, {"h-review", "worst", "p", "worst"}, {"h-review", "category", "p", "category"},
    {"h-review", "url", "u", "url"},
    {"h-review-aggregate", "summary", "p", "name"}, {"h-review-aggregate", "item", "p", "item"},
    {"h-review-aggregate", "rating", "p", "rating"}, {"h-review-aggregate", "average", "p", "average"},
    {"h-review-aggregate", "best", "p", "best"}, {"h-review-aggregate", "worst", "p", "worst"},
    {"h-review-aggregate", "count", "p", "count"}, {"h-review-aggregate", "votes", "p", "votes"},
    // h-item (an hreview's "item" without a root class)
    {"h-item", "fn", "p", "name"}, {"h-item", "photo", "u", "photo"}, {"h-item", "url", "u", "url"},
    // h-product (hproduct)
    {"h-product", "fn", "p", "name"}, {"h-product", "photo", "u", "photo"}, {"h-product", "brand", "p", "brand"},
    {"h-product", "category", "p", "category"}, {"h-product", "description", "p", "description"},
    {"h-product", "identifier", "u", "identifier"}, {"h-product", "url", "u", "url"},
    {"h-product", "review", "p", "review"}, {"h-product", "price", "p", "price"},
    // h-recipe (hrecipe)
    {"h-recipe", "fn", "p", "name"}, {"h-recipe", "ingredient", "p", "ingredient"},
    {"h-recipe", "yield", "p", "yield"}, {"h-recipe", "instructions", "e", "instructions"},
    {"h-recipe", "duration", "dt", "duration"}, {"h-recipe", "photo", "u", "photo"},
    {"h-recipe", "summary", "p", "summary"}, {"h-recipe", "author", "p", "author"},
    {"h-recipe", "nutrition", "p", "nutrition"}, {"h-recipe", "category", "p", "category"},
    // h-resume (hresume)
    {"h-resume", "summary", "p", "summary"}, {"h-resume", "contact", "p", "contact"},
    {"h-resume", "education", "p", "education"}, {"h-resume", "experience", "p", "experience"},
    {"h-resume", "skill", "p", "skill"}, {"h-resume", "affiliation", "p", "affiliation"},
    // h-news (hnews)
    {"h-news", "entry", "p", "entry"}, {"h-news", "source-org", "p", "source-org"},
    {"h-news", "dateline", "p", "dateline"}, {"h-news", "geo", "p", "geo"},
};

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void add_unique(std::vector<PropertyClass>& out, std::string_view prefix, std::string_view name, bool rel_tag) {
  for (const auto& p : out)
    if (p.prefix == prefix && p.name == name) return;
  out.push_back({std::string(prefix), std::string(name), rel_tag});
}

}  // namespace

std::vector<std::string> backcompat_root_types(const ClassList& classes) {
  std::vector<std::string> out;
  for (auto c : classes)
    for (const auto& r : k_roots)
      if (c == r.classic) out.emplace_back(r.mf2);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool is_classic_review_item(const ClassList& classes, const std::vector<std::string>& parent_types) {
  if (!contains(parent_types, "h-review") && !contains(parent_types, "h-review-aggregate")) return false;
  return std::find(classes.begin(), classes.end(), "item") != classes.end();
}

std::vector<PropertyClass> backcompat_property_classes(HtmlNode e, const ClassList& classes,
                                                       const std::vector<std::string>& parent_types) {
  std::vector<PropertyClass> out;
  for (auto c : classes)
    for (const auto& p : k_props)
      if (c == p.classic && contains(parent_types, p.type)) add_unique(out, p.prefix, p.name, false);
  // rel=bookmark -> u-url and rel=tag -> p-category (hentry, hreview and friends).
  auto rel = e.attr("rel");
  if (rel && (e.is("a") || e.is("area") || e.is("link")) && e.has_attr("href")) {
    bool entryish = contains(parent_types, "h-entry") || contains(parent_types, "h-review") ||
                    contains(parent_types, "h-feed") || contains(parent_types, "h-news");
    for (auto r : html_tokens(*rel)) {
      std::string v = ascii_lower(r);
      if (v == "bookmark" && entryish) add_unique(out, "u", "url", false);
      if (v == "tag" && (entryish || contains(parent_types, "h-card") || contains(parent_types, "h-event")))
        add_unique(out, "p", "category", true);
    }
  }
  return out;
}

}  // namespace exposcan::mf2
