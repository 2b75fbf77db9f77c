// scanner/robots.h — the robots.txt engine: RFC 9309 (Robots Exclusion Protocol) verdicts per
// crawler agent, plus the AI-use signals carried in robots.txt (aipref Content-Usage, Cloudflare
// Content-Signal).
//
// A RobotsTxt is built once per origin (parse() or from_fetch()) and then only read: groups are
// merged and patterns compiled at build time, so check() is a binary search for the agent's merged
// group and a scan of its compiled rules: no regex, and no allocation beyond the result unless the
// path must be re-encoded (raw non-ASCII, lower-case escapes) first. Immutable; every const method is
// thread-safe; share it as std::shared_ptr<const RobotsTxt> (SiteSignals::robots).
//
// RFC 9309 as implemented:
//   §2.2.1 groups: the agent's product token ([a-zA-Z0-9_-]+ prefix) matches user-agent values
//     case-insensitively; a user-agent value is cut at its first character outside [a-zA-Z0-9_-]
//     ("Foo Bar" and "FooBot/1.0" name Foo and FooBot), and "* anything" is the global group. The
//     RFC's tokens have no digits; real AI agents do ("AI2Bot", "Crawl4AI"), so digits are kept
//     (google/robotstxt cuts "AI2Bot" to "AI" and then matches no agent to it). All
//     groups naming the agent are merged; only when none does, the "*" groups (merged) apply; with
//     neither, everything is allowed. A group naming the agent does not inherit from "*".
//   §2.2.2 rules: longest match in octets of the canonical pattern wins; Allow wins a tie; empty
//     Disallow matches nothing; /robots.txt is always allowed; rules outside any group are ignored;
//     percent-encoding equivalence as described in scanner/robots_pattern.h.
//   §2.2.3 `*` and `$`. §2.2.4 other records: a Sitemap (or Crawl-delay, unknown, Content-Usage,
//     Content-Signal) line never ends a group — rules after it still belong to the group — and is
//     not a rule. Sitemap, Crawl-delay, Content-Signal and unknown records do not end a *run* of
//     user-agent lines either (they must not interfere with the defined records; google/robotstxt
//     agrees), so "User-agent: *", "Crawl-delay: 5", "User-agent: GPTBot", "Disallow: /" is one
//     group for both. Content-Usage, which the aipref attachment draft makes a group member, does
//     end a run.
//     Blank lines and comments change nothing.
//   §2.3.1 status codes: see from_fetch(). §2.5 limit: see scanner/robots_parser.h and cut_at_limit().
// Deliberate departures from google/robotstxt: percent-encoded unreserved (and reserved) octets
// are decoded in rules and URLs, as RFC 9309 §2.2.2 requires ("/%62az" matches "/baz"), and raw
// non-ASCII in the URL is encoded before comparison; no "index.html means directory" rule; the
// checked agent is reduced to its product token ("GPTBot/1.1" → "GPTBot").
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scanner/content_usage.h"

namespace exposcan {

class Url;

struct RobotsDecision {
  bool allowed = true;
  std::optional<std::string> rule;  // the deciding line as written, trimmed, without comment
  std::optional<int> line;          // 1-based line of `rule`
  std::string group;                // the user-agent token as written that selected the group, "*", or ""
  bool agent_named = false;         // a group names this agent specifically
};

// A robots.txt Content-Usage rule that applies to a path (draft-ietf-aipref-attach).
struct ContentUsage {
  std::string path;   // the rule's path as written; "/" when the rule has none
  std::string value;  // the preference expression as written, e.g. "train-ai=n"
  int line = 0;
  std::string rule;  // the whole line as written, trimmed, without comment
  // Every rule with the same winning path (usually just this one); vocab §7.1 combines them.
  std::vector<std::string> values;
  UsagePreferences preferences() const;  // parsed and combined `values`
};

// A Cloudflare Content-Signal line: "search=yes, ai-input=no, ai-train=no".
struct ContentSignal {
  std::string value;  // as written
  int line = 0;
  bool from_comment = false;                                 // written as "# Content-Signal: ..."
  std::vector<std::pair<std::string, std::string>> entries;  // trimmed key/value pairs, as written
};

class RobotsTxt {
 public:
  // A 2xx body. Never fails: unparseable lines are skipped (RFC 9309 §2.3.1.5).
  static RobotsTxt parse(std::string_view body);

  // RFC 9309 §2.3.1 status semantics:
  //   2xx            → parse(body);
  //   3xx            → the fetcher gave up on redirects (more than five): "unavailable", allow all
  //                    (§2.3.1.2; a 304 must be resolved to the cached 200 by the caller);
  //   429            → treated as unreachable for now: disallow all, retry_later() (the project's
  //                    choice — §2.3.1.3 would allow all — as Google treats 429 like 5xx);
  //   other 4xx      → "unavailable": allow all (§2.3.1.3);
  //   5xx, network error, or any other status → "unreachable": disallow all, retry_later() (§2.3.1.4).
  static RobotsTxt from_fetch(int http_status, std::string_view body, bool network_error);

  // `agent`: a product token ("GPTBot"); anything after the [a-zA-Z0-9_-] prefix is ignored, so
  // "GPTBot/1.1" works too. `path_and_query`: "/a/b?c" as in the URL (see robots_path()).
  RobotsDecision check(std::string_view agent, std::string_view path_and_query) const;
  bool allowed(std::string_view agent, std::string_view path_and_query) const {
    return check(agent, path_and_query).allowed;
  }

  // True when a group names `agent` (not counting "*").
  bool names_agent(std::string_view agent) const;

  const std::vector<std::string>& sitemaps() const;

  // The Content-Usage rule for `path` in the agent's group(s): longest matching path wins; none
  // when no rule matches or the path may not be fetched (usage preferences apply only to fetchable
  // resources).
  std::optional<ContentUsage> content_usage(std::string_view agent, std::string_view path_and_query) const;

  // Content-Signal lines for the agent: those outside any group (e.g. in the header comment block)
  // and those in the agent's group(s), in file order.
  std::vector<ContentSignal> content_signals(std::string_view agent) const;

  bool cut_at_limit() const;  // the body was longer than 500 KiB; the rest was ignored
  bool retry_later() const;   // unreachable (429, 5xx, network): fetch again later
  int http_status() const;    // as given to from_fetch(); 200 for parse()
  // Why the file means what it means when not (only) its rules decide, e.g.
  // "robots.txt answered 404: no restrictions (RFC 9309 §2.3.1.3)"; empty for a plain 2xx file.
  const std::string& status_note() const;

  struct Data;  // compiled groups (robots.cpp)

 private:
  explicit RobotsTxt(std::shared_ptr<const Data> data) : m_data(std::move(data)) {}
  std::shared_ptr<const Data> m_data;
};

// The [a-zA-Z0-9_-]+ prefix of a User-Agent string or robots.txt value ("GPTBot/1.1" → "GPTBot").
std::string product_token(std::string_view user_agent);

// What the matcher compares: the URL's path and query as written, "?" included ("/" when empty).
std::string robots_path(const Url& url);

// Splits a Content-Signal value into trimmed "key=value" pairs.
std::vector<std::pair<std::string, std::string>> parse_content_signal(std::string_view value);

// One JSON line for `exposcan robots`:
// {"agent":…,"url":…,"allowed":true|false,"rule":"<rule>"|null,"line":N|null}
std::string robots_decision_json(std::string_view agent, std::string_view url,
                                 const RobotsDecision& decision);

}  // namespace exposcan
