// rules/site_files.h — the two site-wide AI files besides robots.txt: TDMRep's tdmrep.json and
// Spawning's ai.txt.
//
// TDMRep (W3C CG Final Report, May 2024): /.well-known/tdmrep.json is a JSON array of
// {"location": "/path/*", "tdm-reservation": 0|1, "tdm-policy": "URL"}; locations are path
// patterns with `*` and `$` (robots.txt syntax, matched from the first octet of the path); the
// first rule whose location matches wins. Spawning ai.txt (2023): robots.txt grammar
// (`User-agent`, `Allow`, `Disallow`) over path and file-name patterns (`Disallow: *.jpg`,
// `Disallow: /`), evaluated with the RFC 9309 engine (longest match wins, Allow wins a tie).
// Other files named ai.txt exist (Markdown guides, "Training: deny" policies): a body with any
// line that is not a comment, a User-agent/Allow/Disallow record or Spawning's stray "/" is
// reported as not recognised and ignored. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace exposcan {

struct TdmRule {
  bool file_valid = true;          // the body parsed as a TDMRep JSON array
  bool found = false;              // a rule's location matched the path
  std::optional<int> reservation;  // 1 reserved, 0 not reserved; nullopt when the rule has none
  std::string policy;
  std::string location;  // the matching rule's location pattern
};
// `path_and_query` as in the URL ("/a/b?c").
TdmRule tdmrep_lookup(std::string_view tdmrep_json, std::string_view path_and_query);

struct AiTxtVerdict {
  bool recognised = false;  // the body is Spawning's robots-style format
  bool matched = false;     // a rule matched the path
  bool allowed = true;      // when matched
  std::string rule;         // "Disallow: *.jpg"
  int line = 0;
};
bool ai_txt_recognised(std::string_view body);
// Evaluates `path_and_query` for `agent` (its own group, else `*`).
AiTxtVerdict ai_txt_lookup(std::string_view body, std::string_view agent, std::string_view path_and_query);

}  // namespace exposcan
