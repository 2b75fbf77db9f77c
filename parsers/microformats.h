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
// Value-class dt-* parts that are not valid dates (month 01-12, day 01-31, ordinal 001-366), times
// (hour 00-23, minute 00-59, second 00-60) or timezones are ignored; when none is valid the other
// dt-* rules apply (microformats-v2-unit value/value-dt passes). Known differences with the suite's
// newer unit tests (microformats-v2-unit), kept because other suite files expect the opposite or the
// spec does not say it: timezone offsets keep their written form (value-date/value-date-formats
// wants "+04:30" -> "+0430" and "+04" -> "+0400", value/value-dt wants "+00:00" kept); an img alt in
// text is not padded with spaces (implied/implied-name wants "<img alt=A>B" -> "A B", v2
// h-card/impliedname wants "Doe <img alt=Jr.>" -> "Doe Jr."); a nested item that is a dt-*/u-*
// property value does not block the implied name (nested/nested-implied-name blocks it, v2
// h-entry/nestedvalue and impliedvalue-nested do not).
// Measured with `python3 /work/mf2-suite/tools/compare.py DIR /nonexistent BIN` (strict JSON
// equality, base http://example.com/; the unit folder with base http://example.test/): suite files
// from the stored index of microformats/tests, microformats-v2 28/40 (h-card 12/16, h-entry 5/9,
// h-event 0/1, h-feed 0/2, mixed 5/5, rel 6/7), microformats-v2-unit 6/9 (id 1/1, implied 0/1,
// nested 3/4, properties 1/1, value 1/1, value-date 0/1); the older npm release 0.1.23 of the suite:
// v1 17/39, v2 37/76, mixed 1/4 (microformats-parser: 21/39, 35/76, 1/4).
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
