#include "core/fs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace exposcan {

Expected<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("io", "cannot read " + path.string() + ": " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return make_error("io", "cannot read " + path.string());
  return ss.str();
}

Status create_private_dirs(const std::filesystem::path& dir) {
  // Folders this call creates are 0700 (create_directories would use 0777 & ~umask).
  std::error_code ec;
  std::filesystem::path prefix;
  for (const auto& part : dir) {
    prefix /= part;
    if (prefix.empty() || std::filesystem::exists(prefix, ec)) continue;
    if (::mkdir(prefix.c_str(), 0700) != 0 && errno != EEXIST)
      return make_error("io", "cannot create " + prefix.string() + ": " + std::strerror(errno));
  }
  return {};
}

Status write_private_file(const std::filesystem::path& path, std::string_view data) {
  if (path.has_parent_path())
    if (auto s = create_private_dirs(path.parent_path()); !s) return s;
  std::string tmp = path.string() + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return make_error("io", "cannot write " + path.string() + ": " + std::strerror(errno));
  ::fchmod(fd, 0600);
  const char* p = data.data();
  size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      return make_error("io", "cannot write " + path.string() + ": " + std::strerror(err));
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::close(fd) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return make_error("io", "cannot write " + path.string() + ": " + std::strerror(err));
  }
  return {};
}

Expected<std::filesystem::path> make_temp_dir(std::string_view tag) {
  std::string templ = (std::filesystem::temp_directory_path() / ("exposcan-" + std::string(tag) + "-XXXXXX")).string();
  if (::mkdtemp(templ.data()) == nullptr)
    return make_error("io", std::string("cannot create a temporary folder: ") + std::strerror(errno));
  return std::filesystem::path(templ);
}

}  // namespace exposcan
