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
// (value class, abbr title, data value, text content) are resolved like URLs; an empty reference
// is the base URL as written (RFC 3986 5.2.2: "http://example.test" stays without a slash).
// Text follows the spec's textContent rules: script/style dropped, nested <img> replaced by its
// alt or else " <src> " (an img's own textContent is empty), ASCII whitespace trimmed for p-/dt-,
// e- value and the implied name (whatever its source, alt and title included). Class names split
// on ASCII whitespace only (a vertical tab is part of the name). The implied name is blocked by
// p-/e- properties and by any nested microformat (spec text), property values included. A nested
// item's "value" is its first p-name (or implied name) for p-*, its first u-url (or implied url,
// an img u-url keeping its {"value","alt"} form) for u-*, else the element's own value. A repeated
// property class repeats the value ("p-a p-a"). Value-class dt-* parts that are not valid dates
// (month 01-12, day 01-31, ordinal 001-366), times (hour 00-23, minute 00-59, second 00-60) or
// timezones are ignored; a time written with a timezone is ignored once a timezone was found.
// The stored copies of some public suite files (microformats/tests) predate the suite's own
// corrections towards the current spec, which we follow: types sorted alphabetically (tests #102;
// h-card/nested), no "value" on plain children (issue #58) and no top-level "alternates" (#45),
// value-class values concatenated without a separator (#48; h-card/p-property), e-* "html" trimmed
// (#95), dt-* values as written (#107; h-feed/simple), text escaped in e-* "html" (h-entry/encoding),
// an empty string for a <br>/<hr> p-* value (#92). Where the suite still disagrees with the spec:
// no implied url when other u-* properties or nested items exist (h-entry/impliedvalue-nested), no
// implied name next to any nested item (h-card/impliedurlempty, h-entry/nestedvalue and
// impliedvalue-nested expect one; the unit file nested/nested-implied-name agrees with the spec).
// Known differences with the unit series (microformats-v2-unit): timezone offsets keep their
// written form (value-date/value-date-formats and the tentative -short/-utc files want "+04:30"
// -> "+0430", "+04" -> "+0400", "-0000" -> "+0000"; value/value-dt wants "+00:00" kept); ordinal
// dates stay ordinal and short times stay unpadded (tentative files); an img alt in text is not
// padded with spaces (implied/implied-name wants "<img alt=A>B" -> "A B"; text/text-img, the spec
// and v2 h-card/impliedname do not pad); value-title/value-title-dt wants a time-only value-class
// result with no date anywhere to fall back to the text and a date implied from a later dt-*
// (we imply only from earlier ones); nested/nested-microformat-mistyped wants the element's own
// u-* text unresolved ("Valid"), which the other u-* files contradict; text/tentative-text-img
// wants e-* html src="" resolved. Relative references are prepared as the WHATWG URL parser does
// (C0/space trimmed, tab/LF/CR removed, spaces, controls and non-ASCII percent-encoded with
// uppercase hex); absolute ones stay as written.
// Measured with `BASE=http://example.test python3 /work/mf2-suite/tools/compare_base.py
// /work/mf2-suite/full/microformats-v2-unit /nonexistent BIN CATEGORY` (strict JSON equality),
// microformats-v2-unit 32/40: id 1/1, implied 2/3, names 5/5, nested 8/9, properties 4/4, text 3/4,
// value 5/5, value-date 0/4, value-title 4/5 (19/40 before); with BASE=http://example.test/ 25/40
// (the files expect "http://example.test" for empty references). microformats-v2 (base
// http://example.com/) 28/40 (h-card 12/16, h-entry 5/9, h-event 0/1, h-feed 0/2, mixed 5/5, rel
// 6/7); the older npm release 0.1.23 of the suite: v1 17/39, v2 36/76 (37 before: its
// h-entry/impliedvalue-nested wants the implied name next to a nested item), mixed 1/4.
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
