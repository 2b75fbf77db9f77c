// scanner/robots_parser.cpp — see robots_parser.h.
#include "scanner/robots_parser.h"

#include <array>

#include "core/text.h"

namespace exposcan {
namespace {

constexpr bool is_ws(char c) {
  return c == ' ' || c == '\t';
}

// Splits "<key>: <value>" (or "<key> <value>" when the colon is missing). False when the line
// holds no record.
bool split_key_value(std::string_view line, std::string_view& key, std::string_view& value) {
  std::size_t sep = line.find(':');
  std::size_t value_start = 0;
  if (sep == std::string_view::npos) {
    // google/robotstxt: accept whitespace instead of the colon when there are exactly two words.
    sep = line.find_first_of(" \t");
    if (sep == std::string_view::npos) return false;
    value_start = line.find_first_not_of(" \t", sep);
    if (value_start == std::string_view::npos) return false;
    if (line.find_first_of(" \t", value_start) != std::string_view::npos) return false;
  } else {
    value_start = sep + 1;
  }
  key = trim(line.substr(0, sep));
  value = trim(line.substr(value_start));
  return !key.empty();
}

// "# Content-Signal: ..." → the value; false for any other comment.
bool comment_content_signal(std::string_view comment, std::string_view& value) {
  std::size_t i = 0;
  while (i < comment.size() && (comment[i] == '#' || is_ws(comment[i]))) ++i;
  comment.remove_prefix(i);
  constexpr std::string_view k_key = "content-signal";
  if (!istarts_with(comment, k_key)) return false;
  comment.remove_prefix(k_key.size());
  i = 0;
  while (i < comment.size() && is_ws(comment[i])) ++i;
  if (i == comment.size() || comment[i] != ':') return false;
  value = trim(comment.substr(i + 1));
  return true;
}

void parse_line(int number, std::string_view line, RobotsParseHandler& handler) {
  if (line.size() > k_robots_max_line_bytes) {
    line = line.substr(0, k_robots_max_line_bytes);
    handler.on_line_too_long(number);
  }
  std::string_view text = trim(line);
  if (text.empty()) return;
  if (text.front() == '#') {
    std::string_view signal;
    if (comment_content_signal(text.substr(1), signal)) {
      handler.on_record(number, text);
      handler.on_content_signal(number, signal, true);
    }
    return;
  }
  if (const std::size_t hash = text.find('#'); hash != std::string_view::npos)
    text = trim(text.substr(0, hash));

  std::string_view key, value;
  if (!split_key_value(text, key, value)) return;
  handler.on_record(number, text);
  switch (classify_robots_key(key)) {
    case RobotsKey::user_agent:
      handler.on_user_agent(number, value);
      break;
    case RobotsKey::allow:
      handler.on_allow(number, value);
      break;
    case RobotsKey::disallow:
      handler.on_disallow(number, value);
      break;
    case RobotsKey::sitemap:
      handler.on_sitemap(number, value);
      break;
    case RobotsKey::content_usage:
      handler.on_content_usage(number, value);
      break;
    case RobotsKey::content_signal:
      handler.on_content_signal(number, value, false);
      break;
    case RobotsKey::unknown:
      handler.on_unknown(number, key, value);
      break;
  }
}

}  // namespace

RobotsKey classify_robots_key(std::string_view key) {
  constexpr std::array<std::string_view, 3> k_user_agent = {"user-agent", "useragent", "user agent"};
  constexpr std::array<std::string_view, 6> k_disallow = {"disallow", "dissallow", "dissalow",
                                                          "disalow",  "diasllow",  "disallaw"};
  constexpr std::array<std::string_view, 2> k_sitemap = {"sitemap", "site-map"};
  auto any_prefix = [key](const auto& prefixes) {
    for (std::string_view p : prefixes) {
      if (istarts_with(key, p)) return true;
    }
    return false;
  };
  if (any_prefix(k_user_agent)) return RobotsKey::user_agent;
  if (istarts_with(key, "allow")) return RobotsKey::allow;
  if (any_prefix(k_disallow)) return RobotsKey::disallow;
  if (any_prefix(k_sitemap)) return RobotsKey::sitemap;
  if (iequals(key, "content-usage")) return RobotsKey::content_usage;
  if (iequals(key, "content-signal")) return RobotsKey::content_signal;
  return RobotsKey::unknown;
}

void parse_robots_txt(std::string_view body, RobotsParseHandler& handler) {
  handler.on_start();

  if (body.size() > k_robots_parse_limit_bytes) {
    const bool cut_on_line_end =
        body[k_robots_parse_limit_bytes] == '\n' || body[k_robots_parse_limit_bytes] == '\r';
    body = body.substr(0, k_robots_parse_limit_bytes);
    if (!cut_on_line_end) {
      // Drop the line the limit falls in: half a rule could mean something else entirely.
      const std::size_t last_end = body.find_last_of("\r\n");
      body = last_end == std::string_view::npos ? std::string_view{} : body.substr(0, last_end + 1);
    }
    handler.on_truncated(body.size());
  }

  // Skip a UTF-8 byte order mark, or the part of one that is there (google/robotstxt does too).
  constexpr std::string_view k_bom = "\xEF\xBB\xBF";
  std::size_t start = 0;
  while (start < k_bom.size() && start < body.size() && body[start] == k_bom[start]) ++start;

  int number = 0;
  for (std::size_t i = start; i < body.size(); ++i) {
    const char c = body[i];
    if (c != '\n' && c != '\r') continue;
    parse_line(++number, body.substr(start, i - start), handler);
    if (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < body.size()) parse_line(++number, body.substr(start), handler);

  handler.on_end();
}

}  // namespace exposcan
