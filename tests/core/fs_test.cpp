#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "core/fs.h"
#include "tests/support/test_support.h"

using namespace exposcan;

namespace {

// Sets TMPDIR for one scope (the tests of one binary run one at a time).
class ScopedTmpdir {
 public:
  explicit ScopedTmpdir(const std::string& value) {
    if (const char* old = std::getenv("TMPDIR")) m_old = old;
    ::setenv("TMPDIR", value.c_str(), 1);
  }
  ~ScopedTmpdir() { m_old ? ::setenv("TMPDIR", m_old->c_str(), 1) : ::unsetenv("TMPDIR"); }
  ScopedTmpdir(const ScopedTmpdir&) = delete;
  ScopedTmpdir& operator=(const ScopedTmpdir&) = delete;

 private:
  std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("anonymous temp file: in $TMPDIR, mode 0600, unlinked, readable back", "[fs]") {
  test::TempDir dir;
  ScopedTmpdir tmpdir(dir.path().string());
  auto file = open_anonymous_temp_file();
  REQUIRE(file);
  struct stat st {};
  REQUIRE(::fstat(::fileno(*file), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(st.st_nlink == 0);  // no name: gone when closed, however the process ends
  CHECK(std::filesystem::is_empty(dir.path()));
  struct stat dir_st {};
  REQUIRE(::stat(dir.path().c_str(), &dir_st) == 0);
  CHECK(st.st_dev == dir_st.st_dev);  // made on $TMPDIR's file system
  REQUIRE(std::fputs("abc", *file) >= 0);
  std::rewind(*file);
  char buf[4] = {};
  CHECK(std::fread(buf, 1, 3, *file) == 3);
  CHECK(std::string(buf) == "abc");
  std::fclose(*file);
}

TEST_CASE("anonymous temp file: a TMPDIR that names no folder falls back to /tmp", "[fs]") {
  test::TempDir dir;
  ScopedTmpdir tmpdir((dir.path() / "missing").string());
  auto file = open_anonymous_temp_file();
  REQUIRE(file);
  struct stat st {}, tmp_st {};
  REQUIRE(::fstat(::fileno(*file), &st) == 0);
  REQUIRE(::stat("/tmp", &tmp_st) == 0);
  CHECK(st.st_dev == tmp_st.st_dev);
  std::fclose(*file);
}
