// rules/semver.h — Semantic Versioning 2.0.0 (semver.org) versions of rule packs and exposcan.
//
// Parses MAJOR.MINOR.PATCH with optional -pre-release and +build; compares by §11 precedence
// (build metadata ignored, a pre-release sorts before its release). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exposcan {

struct SemVer {
  unsigned long major = 0, minor = 0, patch = 0;
  std::vector<std::string> pre;  // dot-separated pre-release identifiers
  std::string build;

  static std::optional<SemVer> parse(std::string_view text);
  std::string str() const;
};

int compare(const SemVer& a, const SemVer& b);  // <0, 0, >0 by semver precedence

}  // namespace exposcan
