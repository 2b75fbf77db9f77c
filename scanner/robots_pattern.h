// scanner/robots_pattern.h — RFC 9309 §2.2.2/§2.2.3 path patterns: percent-encoding equivalence,
// `*` and `$`, and anchored matching. Used by the robots.txt matcher (scanner/robots.h).
//
// Both the URL path and a rule's pattern are brought to one canonical octet form before they are
// compared, so that every spelling RFC 9309 §2.2.2 calls equivalent compares equal:
//   - octets outside printable ASCII (non-ASCII UTF-8, controls, space) are percent-encoded;
//   - "%xx" escapes are upper-cased, and decoded when they stand for a printable ASCII character
//     that is not reserved (RFC 3986 §2.2): "%62%61%7A" is "baz", but in the path "%2F" is not
//     "/", "%3F" not "?" and "%3B" not ";", as RFC 9309 §2.2.2 requires (so "Allow: /pub/" does
//     not cover "/pub%2F..%2Fsecret"). In the URL's query (after its first raw "?") a reserved
//     character and its escape match each other, so that "/foo/bar?baz=https://foo.bar" and
//     "/foo/bar?baz=https%3A%2F%2Ffoo.bar" compare equal, as the RFC's table in §2.2.2 has them,
//     and so do "/*url=http%3A" and "/go?url=http%3A" (the matcher compares escapes as units);
//   - the octets that would change meaning stay (or become) encoded: "%" (%25), "#" (%23), the
//     robots.txt operators "*" (%2A) and "$" (%24), and the characters RFC 3986 never allows raw
//     (" < > \ ^ ` { | }). A literal "*" or "$" in a URL therefore matches "%2A"/"%24" in a rule
//     (RFC 9309 §2.2.3), and a "$" inside a pattern (not at its end) is a literal dollar.
// Matching starts at the first octet of the path, is case-sensitive, `*` matches any run of
// octets (including "/"; an escape is one unit, never split), and a final `$` anchors at the end; otherwise the pattern need only match
// a prefix. Matching allocates nothing and is linear in practice (backtracking on `*` only).
// Thread-safe: pure functions and immutable values.
#pragma once

#include <string>
#include <string_view>

namespace exposcan {

// The canonical form of a URL path (with query) for comparison; see the header comment.
std::string canonical_robots_path(std::string_view path_and_query);
// True when `path_and_query` is already in canonical form (the common case; lets callers skip
// the allocation of canonical_robots_path).
bool is_canonical_robots_path(std::string_view path_and_query);

// A compiled Allow/Disallow/Content-Usage path pattern.
class RobotsPattern {
 public:
  RobotsPattern() = default;
  explicit RobotsPattern(std::string_view written);

  // The canonical pattern, including any `*` and the final `$`.
  const std::string& text() const { return m_text; }
  // Specificity for the longest-match rule (RFC 9309 §2.2.2): the canonical pattern's octet count.
  std::size_t length() const { return m_text.size(); }
  // An empty pattern ("Disallow:") matches nothing; neither does one that cannot match a path
  // (it must start with "/" or "*").
  bool usable() const { return m_usable; }

  // `canonical_path` must come from canonical_robots_path (or pass is_canonical_robots_path).
  bool matches(std::string_view canonical_path) const;

 private:
  std::string m_text;  // canonical; m_anchored patterns keep their '$'
  bool m_anchored = false;
  bool m_has_wildcard = false;
  bool m_usable = false;
};

}  // namespace exposcan
