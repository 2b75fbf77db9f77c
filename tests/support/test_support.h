// tests/support/test_support.h — shared helpers: temp folders, repo paths, running the binary.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace exposcan::test {

// A fresh folder removed when the object goes out of scope (kept when EXPOSCAN_KEEP_TEMP is set).
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }
  // Writes `content` (bytes as given) to the file `name` in this folder; returns its path.
  std::filesystem::path write(const std::string& name, std::string_view content) const;

 private:
  std::filesystem::path m_path;
};

std::filesystem::path source_dir();  // the repository root
std::filesystem::path shared_dir();  // ../shared
std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, std::string_view content);  // bytes as given; makes folders

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs argv[0] with args (no shell), capturing stdout/stderr; `env` entries "K=V" are added.
RunResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
                      const std::string& stdin_data = {});

// argv[0] (no shell) running in the background, stdout to `out` and stderr to `err` (one file when
// the paths are equal), `env` entries "K=V" added, so a test can signal it while it works. The
// destructor kills (SIGKILL) and reaps it when it is still running.
class BackgroundProcess {
 public:
  BackgroundProcess(const std::vector<std::string>& argv, const std::filesystem::path& out,
                    const std::filesystem::path& err, const std::vector<std::string>& env = {});
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;
  void signal(int sig) const;
  int wait();  // exit code, 128 + signal when a signal ended it
  int wait(std::chrono::milliseconds limit);  // the same, or -1 when it is still running after `limit`

 private:
  int m_pid = -1;
};

}  // namespace exposcan::test
