// rules/pack_source.h — a rule pack's text and where it came from.
#pragma once

#include <string>

namespace exposcan {

struct PackSource {
  std::string name;  // file path or "builtin:<file>"; error messages start with it
  std::string text;  // YAML
};

}  // namespace exposcan
