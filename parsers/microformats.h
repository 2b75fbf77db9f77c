// parsers/microformats.h — microformats2 parsing (microformats.org/wiki/microformats2-parsing).
//
// Implements the mf2 parsing specification: h-* roots, p-/u-/dt-/e- properties, nested
// microformats with "value", implied name/photo/url (including the "no other properties and no
// nested microformats" conditions and the {"value","alt"} img form), the value-class pattern with
// the dt date/time combination rules, `id`, rels and rel-urls, <template> ignored, and the
// backward-compatible parsing of classic microformats (vcard, hentry, hfeed, adr, geo, vevent,
// hreview, hproduct, hrecipe, hresume, hnews; rel=bookmark / rel=tag) per the backcompat tables;
// classic items keep img u-* values as plain URLs and an hreview "item" without a root class is an
// h-item (fn, url, photo), as the suite's microformats-v1 cases and microformats-parser do.
// Deliberate choices: `dt-*` values keep their authored form (only value-class times written
// with am/pm become 24-hour, as the spec says); `lang` is not emitted; `u-*` values taken from text
// (value class, abbr title, data value, text content) are resolved like URLs (an empty value is the
// base URL); the implied name is blocked by p-/e- properties and by nested items that are not
// property values (a `u-in-reply-to h-cite` does not block it). Where the public test suite
// (microformats/tests) disagrees with the current spec we follow the spec: types sorted
// alphabetically (h-card/nested expects source order), no "value" on children and no top-level
// "alternates" (h-feed/implied-title, rel/rel-urls), value-class values concatenated without a
// separator (h-card/p-property expects "John Doe"), authored dt-* form (h-feed/simple), HTML
// serialisation escaping text in e-* "html" (h-entry/encoding), no implied url when other u-*
// properties or nested items exist (h-entry/impliedvalue-nested), no implied name next to a nested
// child item (h-card/impliedurlempty, which contradicts h-card/impliedurl and impliedname).
// Output JSON has exactly the keys "items", "rels" and "rel-urls". Relative URLs are resolved
// against the document URL after <base href>; absolute URLs are kept as written.
// Pure and thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "core/url.h"
#include "parsers/html_document.h"

namespace exposcan {

// `document_url` is the page's URL; a <base href> in the document takes precedence (HTML rules).
nlohmann::json mf2_parse(const HtmlDocument& doc, const Url& document_url);
// Same, for a document URL that may be missing or invalid (then relative URLs stay relative).
nlohmann::json mf2_parse(const HtmlDocument& doc, std::string_view document_url);

// Parses `html` and returns the mf2 JSON (2-space indent). Used by `exposcan inspect --format mf2`.
std::string mf2_json(std::string_view html, std::string_view base_url);

// Exposed for tests: class-name validation per the spec ("h-card" -> true, "h-" -> false).
bool mf2_is_root_class(std::string_view cls);
bool mf2_is_property_class(std::string_view cls);

}  // namespace exposcan
