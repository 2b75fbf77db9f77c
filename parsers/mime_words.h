// parsers/mime_words.h — mail header text as git writes it: RFC 2047 encoded-words (non-ASCII
// names and subjects, "=?UTF-8?q?J=C3=B6rg?= <j@example.org>") and name-addr mailboxes.
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

// A mailbox: `Jane Example <jane@example.org>`, `"Example, Jane" <…>` (quotes and backslash
// escapes removed), `=?UTF-8?q?…?= <…>` (decoded), or a bare address (no name). The name's
// whitespace is collapsed; both parts are trimmed.
struct Mailbox {
  std::string name;
  std::string address;
};
Mailbox parse_mailbox(std::string_view value);

}  // namespace exposcan
