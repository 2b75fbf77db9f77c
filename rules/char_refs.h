// rules/char_refs.h — HTML character references decoded before detection, with a map back.
//
// People hide addresses from scrapers as "jane&#64;example.org" or "jane&#x40;example&#46;org",
// and text copied out of HTML sources, JSON and feeds keeps references like "&amp;" or "&nbsp;".
// The detectors run once over the decoded text; every output byte keeps the source span it came
// from (a reference maps to all of its bytes), so match offsets are reported in the original
// input. Decoded: decimal and hexadecimal references (&#64; &#x40;, the ';' may be missing before
// a character that cannot continue the number), and the named references that matter for
// contact data and spacing (&commat; &period; &amp; &nbsp; &lpar; &lsqb; &hyphen; …). A
// reference to NUL, a surrogate or a code point above U+10FFFF decodes as U+FFFD, as HTML
// (WHATWG §13.2.5.80) does. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "rules/text_fold.h"

namespace exposcan {

// The decoded text with per-byte source spans, or nullopt when `text` holds no reference (the
// common case: no copy is made).
std::optional<fold::FoldedText> decode_char_refs(std::string_view text);

}  // namespace exposcan
