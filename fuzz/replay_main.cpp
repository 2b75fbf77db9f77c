// Replays files through a libFuzzer target without libFuzzer: the ctest "fuzz replay" of every
// target runs its seeds (samples/, test fixtures, fuzz/seeds/) and deterministic variants of each
// (cut at eight points, one byte changed at sixteen), so CI exercises every fuzz target under the
// sanitizers without the fuzzing toolchain. fuzz/run-short.sh is the real (coverage-guided) run.
//
//   replay_<target> --ext .html,.htm PATH...   (directories are walked; files over 512 KiB skipped)
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

bool wanted(const std::filesystem::path& p, const std::vector<std::string>& exts) {
  if (exts.empty()) return true;
  const std::string name = p.filename().string();
  for (const auto& e : exts)
    if (name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) return true;
  return false;
}

void run(const std::string& data) { LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), data.size()); }

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> exts;
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--ext" && i + 1 < argc) {
      std::stringstream list(argv[++i]);
      for (std::string e; std::getline(list, e, ',');) exts.push_back(e);
      continue;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(arg, ec)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(arg, ec))
        if (entry.is_regular_file(ec) && wanted(entry.path(), exts) && entry.file_size(ec) <= 512 * 1024) files.push_back(entry.path());
    } else if (std::filesystem::is_regular_file(arg, ec)) {
      files.emplace_back(arg);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "replay: no input files\n");
    return 2;
  }
  size_t runs = 0;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    run(data);
    ++runs;
    for (size_t k = 1; k < 8 && data.size() > 8; ++k, ++runs) run(data.substr(0, data.size() * k / 8));
    for (size_t k = 0; k < 16 && !data.empty(); ++k, ++runs) {
      std::string changed = data;
      const size_t at = changed.size() * k / 16;
      static const char k_bytes[] = {'<', '"', '\0', '{', '\xff', '>', '&', '\n'};
      changed[at] = k_bytes[k % sizeof k_bytes] == changed[at] ? static_cast<char>(changed[at] ^ 0x20) : k_bytes[k % sizeof k_bytes];
      run(changed);
    }
  }
  std::printf("replay: %zu files, %zu inputs\n", files.size(), runs);
  return 0;
}
