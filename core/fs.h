// core/fs.h — file helpers with the project's privacy rule: report files are created 0600.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/expected.h"

namespace exposcan {

Expected<std::string> read_file(const std::filesystem::path& path);
// Creates `dir` and its missing parents with mode 0700 (existing folders keep their mode).
Status create_private_dirs(const std::filesystem::path& dir);
// Writes atomically (temp file + rename) with mode 0600; creates parent folders (0700).
Status write_private_file(const std::filesystem::path& path, std::string_view data);

// The same, in pieces: for reports too large to build in memory. Nothing appears at `path` until
// commit(); a writer destroyed without commit() leaves no file behind. The first error sticks:
// later append() calls do nothing and commit() returns it.
class PrivateFileWriter {
 public:
  explicit PrivateFileWriter(std::filesystem::path path);
  ~PrivateFileWriter();
  PrivateFileWriter(const PrivateFileWriter&) = delete;
  PrivateFileWriter& operator=(const PrivateFileWriter&) = delete;

  void append(std::string_view data);
  Status commit();

 private:
  void fail(int err);

  std::filesystem::path m_path;
  std::string m_tmp;
  int m_fd = -1;
  std::string m_error;
};
// Creates a fresh folder under the system temp dir ("exposcan-<tag>-XXXXXX"), mode 0700.
Expected<std::filesystem::path> make_temp_dir(std::string_view tag);
// An anonymous file in the system temp dir ($TMPDIR when it names a folder, else /tmp; std::tmpfile
// ignores TMPDIR), mode 0600, opened "w+b" and already unlinked (O_TMPFILE, else mkstemp then
// unlink), so nothing is left behind however the process ends. For data too large for memory.
Expected<std::FILE*> open_anonymous_temp_file();

}  // namespace exposcan
