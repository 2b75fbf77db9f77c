// parsers/mime_words.h — RFC 2047 encoded-words in mail header text, as git format-patch writes
// them for non-ASCII names and subjects ("=?UTF-8?q?J=C3=B6rg?= <j@example.org>").
//
// Decodes "=?charset?Q|B?text?=" (charset case-insensitive, an RFC 2231 "*lang" suffix ignored);
// whitespace between two adjacent encoded-words is dropped (RFC 2047 §6.2). Departures, all
// lenient: an encoded-word is decoded wherever it stands (also inside a quoted string or a word,
// as some mailers write it), and a malformed one is kept as written. Charsets other than UTF-8 and
// US-ASCII go through iconv (scanner/charset.h); invalid UTF-8 becomes U+FFFD. Pure; no errors.
#pragma once

#include <string>
#include <string_view>

namespace exposcan {

std::string decode_encoded_words(std::string_view header_value);

}  // namespace exposcan
