// rules/pack_info.h — which rule pack produced a finding: recorded in every scan report.
//
// Owned by rules (the loader fills it); reports/scan_record.h includes it to list the packs a
// scan used. `sha256` is the hash of the pack's text exactly as loaded.
#pragma once

#include <string>

namespace exposcan {

struct PackInfo {
  std::string id;       // the pack's `pack:` id, e.g. "pii"
  std::string version;  // semver from `version:`
  std::string sha256;   // hex SHA-256 of the pack file's bytes
  std::string source;   // file path or "builtin:<file>"
};

}  // namespace exposcan
