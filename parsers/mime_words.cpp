#include "parsers/mime_words.h"

#include <optional>

#include "core/hash.h"
#include "core/text.h"
#include "scanner/charset.h"

namespace exposcan {
namespace {

struct EncodedWord {
  size_t length = 0;  // of "=?...?=" in the input
  std::string text;   // decoded, UTF-8
};

// "Q": '_' is a space, "=XX" a byte, anything else itself (RFC 2047 §4.2).
std::optional<std::string> decode_q(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      out += ' ';
    } else if (s[i] == '=') {
      if (i + 2 >= s.size() || !is_hex_digit(s[i + 1]) || !is_hex_digit(s[i + 2])) return std::nullopt;
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The encoded-word starting at `s` ("=?"), if it is one.
std::optional<EncodedWord> encoded_word_at(std::string_view s) {
  if (s.substr(0, 2) != "=?") return std::nullopt;
  const size_t q1 = s.find('?', 2);
  if (q1 == std::string_view::npos || q1 + 2 >= s.size() || s[q1 + 2] != '?') return std::nullopt;
  const size_t end = s.find("?=", q1 + 3);
  if (end == std::string_view::npos) return std::nullopt;
  std::string_view charset = s.substr(2, q1 - 2);
  charset = charset.substr(0, charset.find('*'));  // RFC 2231 language suffix
  const char encoding = ascii_lower_char(s[q1 + 1]);
  const std::string_view payload = s.substr(q1 + 3, end - q1 - 3);
  if (charset.empty() || payload.find_first_of(" \t\r\n") != std::string_view::npos) return std::nullopt;
  std::optional<std::string> bytes;
  if (encoding == 'q') bytes = decode_q(payload);
  else if (encoding == 'b') bytes = base64_decode(payload);
  if (!bytes) return std::nullopt;
  EncodedWord w;
  w.length = end + 2;
  if (iequals(charset, "utf-8") || iequals(charset, "us-ascii")) w.text = sanitize_utf8(*bytes);
  else w.text = decode_to_utf8(*bytes, "text/plain", ascii_lower(charset)).text;
  return w;
}

}  // namespace

std::string decode_encoded_words(std::string_view s) {
  std::string out;
  bool after_word = false;  // the last thing appended was an encoded-word
  size_t i = 0;
  while (i < s.size()) {
    if (auto w = encoded_word_at(s.substr(i))) {
      out += w->text;
      i += w->length;
      after_word = true;
      continue;
    }
    // Whitespace between two encoded-words is not part of the text.
    if (after_word && is_ascii_space(s[i])) {
      size_t j = i;
      while (j < s.size() && is_ascii_space(s[j])) ++j;
      if (encoded_word_at(s.substr(j))) {
        i = j;
        continue;
      }
    }
    out += s[i++];
    after_word = false;
  }
  return out;
}

Mailbox parse_mailbox(std::string_view value) {
  Mailbox m;
  const size_t lt = value.rfind('<');
  const size_t gt = value.rfind('>');
  if (lt == std::string_view::npos || gt == std::string_view::npos || gt < lt) {
    m.address = std::string(trim(value));
    return m;
  }
  m.address = std::string(trim(value.substr(lt + 1, gt - lt - 1)));
  std::string name = decode_encoded_words(trim(value.substr(0, lt)));
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
    std::string unquoted;
    for (size_t i = 1; i + 1 < name.size(); ++i) {
      if (name[i] == '\\' && i + 2 < name.size()) ++i;
      unquoted += name[i];
    }
    name = std::move(unquoted);
  }
  m.name = collapse_whitespace(name);
  return m;
}

}  // namespace exposcan
