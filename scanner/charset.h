// scanner/charset.h — turning response bytes into UTF-8 text with the right media type.
//
// Charset: BOM, then the Content-Type charset parameter, then (HTML) <meta charset> /
// http-equiv or (XML) the encoding declaration in the first 2 KiB, else UTF-8 when the bytes are
// valid UTF-8, else windows-1252 (the WHATWG default). Conversion uses iconv; invalid sequences
// become U+FFFD. Sniffing corrects mislabelled or missing media types for HTML, JSON and feeds.
#pragma once

#include <string>
#include <string_view>

namespace exposcan {

// "text/html; charset=UTF-8" -> "text/html"
std::string media_type_of(std::string_view content_type_header);
// "text/html; charset=UTF-8" -> "utf-8" (lower-case; empty when absent)
std::string charset_param(std::string_view content_type_header);

bool is_text_media_type(std::string_view media_type);

// The media type to parse the body as: the declared one unless it is missing/generic or clearly
// wrong for the bytes (e.g. HTML served as text/plain).
std::string sniff_media_type(std::string_view declared, std::string_view body);

enum class FeedFormat { none, rss, atom, rdf, json_feed };

// What feed the body is, from the bytes alone: the XML root element after the prolog (declaration,
// comments, processing instructions, DOCTYPE; first 16 KiB), whatever its namespace prefix: rss,
// feed (Atom), RDF (RSS 0.90 / 1.0); or a JSON object naming "jsonfeed.org/version" in its first
// 64 KiB (escaped slashes too, as PHP writes them).
FeedFormat sniff_feed(std::string_view body);

struct DecodedText {
  std::string text;     // UTF-8
  std::string charset;  // what the bytes were taken to be
  bool converted = false;
  bool had_errors = false;  // invalid sequences replaced
};

DecodedText decode_to_utf8(std::string_view body, std::string_view media_type, std::string_view header_charset);
// Same, taking the body over: a body that is already valid UTF-8 without a BOM (the common case)
// is moved into the result instead of copied.
DecodedText decode_owned_to_utf8(std::string&& body, std::string_view media_type, std::string_view header_charset);

}  // namespace exposcan
