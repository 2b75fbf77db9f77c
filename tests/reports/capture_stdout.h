// tests/reports/capture_stdout.h — runs a function with stdout redirected to a temp file and
// returns what it wrote (reporters write to stdout when they have no output path).
#pragma once

#include <unistd.h>

#include <cstdio>
#include <functional>
#include <string>

#include "tests/support/test_support.h"

namespace exposcan::test {

inline std::string capture_stdout(const std::function<void()>& fn) {
  TempDir dir;
  std::string path = (dir / "stdout.txt").string();
  std::fflush(stdout);
  int saved = ::dup(STDOUT_FILENO);
  std::FILE* f = std::fopen(path.c_str(), "w");
  ::dup2(::fileno(f), STDOUT_FILENO);
  fn();
  std::fflush(stdout);
  ::dup2(saved, STDOUT_FILENO);
  ::close(saved);
  std::fclose(f);
  return read_text(path);
}

}  // namespace exposcan::test
