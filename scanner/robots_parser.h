// scanner/robots_parser.h — the robots.txt line parser (RFC 9309 §2.2), emitting callbacks.
//
// The parser knows the syntax only: it splits the body into lines, strips comments and
// whitespace, recognises the keys and hands each record to a RobotsParseHandler. What the records
// mean (groups, matching, signals) is the handler's business, so the matcher (scanner/robots.h)
// and any linter or reporter are just handlers. Design after google/robotstxt.
//
// Accepted beyond RFC 9309, as google/robotstxt does (RFC 9309 §2.2.4 allows leniency):
//   - a UTF-8 byte order mark (or a prefix of one) at the start is skipped;
//   - keys are matched case-insensitively by prefix, with the common typos "useragent",
//     "user agent", "dissallow", "dissalow", "disalow", "diasllow", "disallaw", "site-map";
//   - a missing colon is accepted when the line is exactly "<key> <value>";
//   - a line longer than k_robots_max_line_bytes is cut there (the rest of the line is dropped).
// Extensions: `Content-Usage` (draft-ietf-aipref-attach) and Cloudflare's `Content-Signal`, the
// latter also when it is written inside a whole-line comment ("# Content-Signal: ...").
//
// Limit (RFC 9309 §2.5): the first k_robots_parse_limit_bytes octets are parsed; content after that
// is ignored, including the incomplete line the limit falls in, and on_truncated() is called.
//
// Values are passed as written (trimmed, comment removed, not percent-normalised); line numbers are
// 1-based and count CR, LF and CRLF each as one line end. The handler's string_views are valid only
// during the call. Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace exposcan {

// RFC 9309 §2.5 asks for at least 500 KiB; this is exactly 500 KiB.
inline constexpr std::size_t k_robots_parse_limit_bytes = 500 * 1024;
// Bytes kept per line (google/robotstxt: 8 × 2083, the classic URL limit, less its terminator).
inline constexpr std::size_t k_robots_max_line_bytes = 2083 * 8 - 1;

class RobotsParseHandler {
 public:
  virtual ~RobotsParseHandler() = default;

  virtual void on_start() {}
  virtual void on_end() {}
  // Called for every record just before its own hook: the record as written, trimmed, without its
  // trailing comment (for a comment-borne Content-Signal: the whole comment line).
  virtual void on_record(int /*line*/, std::string_view /*text*/) {}
  virtual void on_user_agent(int /*line*/, std::string_view /*value*/) {}
  virtual void on_allow(int /*line*/, std::string_view /*value*/) {}
  virtual void on_disallow(int /*line*/, std::string_view /*value*/) {}
  virtual void on_sitemap(int /*line*/, std::string_view /*value*/) {}
  // `Content-Usage: [/path ]<preferences>` (aipref); value is everything after the colon.
  virtual void on_content_usage(int /*line*/, std::string_view /*value*/) {}
  // `Content-Signal: search=yes, ai-train=no`; from_comment when written as "# Content-Signal: ...".
  virtual void on_content_signal(int /*line*/, std::string_view /*value*/, bool /*from_comment*/) {}
  // Any other key/value line, e.g. "Crawl-delay: 10". `key` is as written.
  virtual void on_unknown(int /*line*/, std::string_view /*key*/, std::string_view /*value*/) {}
  // The body was longer than k_robots_parse_limit_bytes; only `parsed_bytes` were parsed.
  virtual void on_truncated(std::size_t /*parsed_bytes*/) {}
  // A line was cut at k_robots_max_line_bytes.
  virtual void on_line_too_long(int /*line*/) {}
};

// Parses `body` and calls `handler` for each record, in order, between on_start() and on_end().
void parse_robots_txt(std::string_view body, RobotsParseHandler& handler);

// Kinds of keys the parser recognises (exposed for tests and linters).
enum class RobotsKey { user_agent, allow, disallow, sitemap, content_usage, content_signal, unknown };
RobotsKey classify_robots_key(std::string_view key);

}  // namespace exposcan
