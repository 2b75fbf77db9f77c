// reports/text_escape.h — escaping for the text formats (HTML, Markdown, CSV). Pure.
#pragma once

#include <string>
#include <string_view>

namespace exposcan {

// &, <, >, " and ' as character references: safe in element content and quoted attributes.
std::string html_escape(std::string_view s);

// Markdown inline text: backslash-escapes the characters that start markup (\ ` * _ [ ] < > | #
// ! ~) and turns line breaks into spaces, so a value cannot break out of a table cell or
// inject a link or HTML.
std::string markdown_escape(std::string_view s);

// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled). A field
// starting with = + - @ TAB or CR gets a leading apostrophe so spreadsheets do not run it as a
// formula (OWASP "CSV injection").
std::string csv_field(std::string_view s);

// "https://jane.example/posts/x/" for display: the URL without scheme, capped at `max` chars.
std::string short_url(std::string_view url, size_t max = 80);

}  // namespace exposcan
