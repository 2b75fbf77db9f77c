// tests/reports/golden.h — golden-file comparison: tests/reports/golden/<name> holds the expected
// output; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). On a mismatch the
// actual output is saved under the build folder and the first differing line is shown.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/test_support.h"

namespace exposcan::test {

inline std::filesystem::path golden_dir() { return source_dir() / "tests" / "reports" / "golden"; }

// Where tests leave files for a person to look at (screenshots, mismatching outputs).
inline std::filesystem::path test_output_dir() {
  auto dir = std::filesystem::path(EXPOSCAN_BINARY_DIR) / "test-output" / "reports";
  std::filesystem::create_directories(dir);
  return dir;
}

inline void check_golden(const std::string& name, const std::string& actual) {
  auto path = golden_dir() / name;
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    WARN("golden file rewritten: " << path.string());
    return;
  }
  REQUIRE(std::filesystem::exists(path));
  std::string expected = read_text(path);
  if (expected == actual) {
    SUCCEED();
    return;
  }
  auto out = test_output_dir() / (name + ".actual");
  std::filesystem::create_directories(out.parent_path());
  std::ofstream(out, std::ios::binary) << actual;
  std::istringstream a(actual), e(expected);
  std::string la, le;
  size_t line = 0;
  while (true) {
    ++line;
    bool ga = static_cast<bool>(std::getline(a, la));
    bool ge = static_cast<bool>(std::getline(e, le));
    if (!ga && !ge) break;
    if (la != le || ga != ge) {
      FAIL_CHECK(name << " differs from the golden file at line " << line << "\n  expected: " << le << "\n  actual:   "
                      << la << "\n(actual output saved to " << out.string() << "; UPDATE_GOLDEN=1 regenerates)");
      return;
    }
  }
  FAIL_CHECK(name << " differs from the golden file (line endings?); actual saved to " << out.string());
}

}  // namespace exposcan::test
