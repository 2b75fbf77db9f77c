// parsers/microformats_internal.h — pieces shared by the mf2 parser's files (not a public API).
//
// microformats.cpp walks the tree; microformats_backcompat.cpp holds the classic-microformats
// tables; microformats_values.cpp holds text, value-class-pattern and date/time rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/url.h"
#include "parsers/link_resolver.h"
#include "parsers/html_document.h"

namespace exposcan::mf2 {

struct Resolver {
  explicit Resolver(std::string_view base_url = {}) : resolver(base_url), base(base_url) {}
  LinkResolver resolver;
  std::string base;  // as given: the document URL or the <base href> resolved against it
  // Relative references are resolved against the base; absolute ones are returned as written;
  // an empty one is the base (no fragment), as written.
  std::string operator()(std::string_view ref) const;
};

struct PropertyClass {
  std::string prefix;  // "p", "u", "dt", "e"
  std::string name;    // "name", "url", ...
  bool rel_tag = false;  // classic rel=tag: the value is the last path segment of href
};

using ClassList = std::vector<std::string_view>;  // an element's classes

// The class attribute's tokens (html_tokens(): HTML's ASCII whitespace; a vertical tab or any
// Unicode space is part of a class name, which then is not a valid mf2 name).
ClassList class_list(HtmlNode e);
bool has_class_token(HtmlNode e, std::string_view name);

// mf2 root types of an element ("h-card"), sorted and unique.
std::vector<std::string> root_types(const ClassList& classes);
inline std::vector<std::string> root_types(HtmlNode e) { return root_types(class_list(e)); }
// Properties declared by mf2 classes on an element, in class order (a repeated class repeats).
std::vector<PropertyClass> property_classes(const ClassList& classes);

// Classic roots mapped to mf2 types ("vcard" -> "h-card"), sorted and unique.
std::vector<std::string> backcompat_root_types(const ClassList& classes);
inline std::vector<std::string> backcompat_root_types(HtmlNode e) { return backcompat_root_types(class_list(e)); }
// True for class "item" inside a classic hreview / hreview-aggregate (`parent_types`): parsed as an
// h-item when the element has no root class of its own.
bool is_classic_review_item(const ClassList& classes, const std::vector<std::string>& parent_types);
// Classic property classes (and rel=bookmark/tag) of `e` that mean something inside an item of
// `parent_types`, mapped to mf2 properties.
std::vector<PropertyClass> backcompat_property_classes(HtmlNode e, const ClassList& classes,
                                                       const std::vector<std::string>& parent_types);

// Text per the spec's textContent rules: script/style/template dropped; with `replace_img`,
// <img> becomes its alt, else " <resolved src> "; then leading/trailing whitespace removed.
std::string text_value(HtmlNode e, bool replace_img, const Resolver& resolve, bool trim_result = true);

// Value-class pattern for p-/u- (values concatenated); nullopt when no value elements.
std::optional<std::string> value_class_text(HtmlNode e);
// Value-class pattern for dt- with the date/time/timezone combination rules; nullopt when no value
// element holds a valid date, time or date-time (then the other dt-* rules apply).
std::optional<std::string> value_class_datetime(HtmlNode e);

// Removes leading/trailing ASCII whitespace (space, tab, LF, FF, CR) - not NBSP or other Unicode spaces.
std::string_view trim_space(std::string_view s);

// Date helpers for the dt- implied-date rule.
bool has_date_part(std::string_view v);   // starts with YYYY-MM-DD or YYYY-DDD
std::string date_part(std::string_view v);
bool is_time_only(std::string_view v);
std::string normalize_time(std::string_view v);  // am/pm -> 24h, otherwise as written

}  // namespace exposcan::mf2
