// tests/reports/warcio.h — runs the independent WARC reader (npm `warcio`, Webrecorder's
// warcio.js; tests/reports/warc_check.mjs) on a file. The package is installed once per build
// folder with `npm ci` from tests/reports/package-lock.json (npm registry needed the first time),
// under a file lock so parallel tests share one install.
#pragma once

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/support/test_support.h"

namespace exposcan::test {

// The absolute path of a program on PATH (run_process does not search PATH); "" when absent.
inline std::string find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string p = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find(':', start);
    if (end == std::string::npos) end = p.size();
    std::filesystem::path cand = std::filesystem::path(p.substr(start, end - start)) / name;
    if (!cand.parent_path().empty() && ::access(cand.c_str(), X_OK) == 0) return cand.string();
    start = end + 1;
  }
  return {};
}

inline std::filesystem::path warcio_dir() {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(EXPOSCAN_BINARY_DIR) / "tests" / "reports-node";
  fs::create_directories(dir);
  int lock = ::open((dir / ".lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  REQUIRE(lock >= 0);
  ::flock(lock, LOCK_EX);
  fs::path src = source_dir() / "tests" / "reports";
  for (const char* f : {"package.json", "package-lock.json", "warc_check.mjs"})
    fs::copy_file(src / f, dir / f, fs::copy_options::overwrite_existing);
  if (!fs::exists(dir / "node_modules" / "warcio" / "package.json")) {
    std::string npm = find_program("npm");
    INFO("npm is not installed (scripts/install-deps.sh --test installs it)");
    REQUIRE(!npm.empty());
    RunResult r = run_process({npm, "ci", "--no-audit", "--no-fund", "--prefix", dir.string()});
    INFO("npm ci failed (the npm registry is needed once per build folder):\n" << r.out << r.err);
    REQUIRE(r.exit_code == 0);
  }
  ::flock(lock, LOCK_UN);
  ::close(lock);
  return dir;
}

// {"reader": "warcio", "records": [{type, id, uri, status, blockOk, payloadOk, ...}]}
inline nlohmann::json warcio_check(const std::filesystem::path& warc) {
  auto dir = warcio_dir();
  std::string node = find_program("node");
  INFO("node is not installed (scripts/install-deps.sh --test installs it)");
  REQUIRE(!node.empty());
  RunResult r = run_process({node, (dir / "warc_check.mjs").string(), std::filesystem::absolute(warc).string()});
  INFO("warcio: " << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace exposcan::test
