#include "core/fs.h"

#include <utility>

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
  PrivateFileWriter out(path);
  out.append(data);
  return out.commit();
}

PrivateFileWriter::PrivateFileWriter(std::filesystem::path path) : m_path(std::move(path)) {
  if (m_path.has_parent_path())
    if (auto s = create_private_dirs(m_path.parent_path()); !s) {
      m_error = s.error().message;
      return;
    }
  m_tmp = m_path.string() + ".tmp-" + std::to_string(::getpid());
  m_fd = ::open(m_tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (m_fd < 0) {
    fail(errno);
    return;
  }
  ::fchmod(m_fd, 0600);  // an existing file keeps its mode otherwise
}

PrivateFileWriter::~PrivateFileWriter() {
  if (m_fd >= 0) {
    ::close(m_fd);
    ::unlink(m_tmp.c_str());
  }
}

void PrivateFileWriter::fail(int err) {
  if (m_error.empty()) m_error = "cannot write " + m_path.string() + ": " + std::strerror(err);
  if (m_fd >= 0) {
    ::close(m_fd);
    ::unlink(m_tmp.c_str());
    m_fd = -1;
  }
}

void PrivateFileWriter::append(std::string_view data) {
  const char* p = data.data();
  size_t left = data.size();
  while (left > 0 && m_fd >= 0) {
    ssize_t n = ::write(m_fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
}

Status PrivateFileWriter::commit() {
  if (m_fd >= 0) {
    int fd = std::exchange(m_fd, -1);
    if (::close(fd) != 0 || ::rename(m_tmp.c_str(), m_path.c_str()) != 0) {
      int err = errno;
      ::unlink(m_tmp.c_str());
      if (m_error.empty()) m_error = "cannot write " + m_path.string() + ": " + std::strerror(err);
    }
  } else if (m_error.empty()) {
    m_error = "cannot write " + m_path.string() + ": already written";
  }
  if (!m_error.empty()) return make_error("io", m_error);
  return {};
}

Expected<std::filesystem::path> make_temp_dir(std::string_view tag) {
  std::string templ = (std::filesystem::temp_directory_path() / ("exposcan-" + std::string(tag) + "-XXXXXX")).string();
  if (::mkdtemp(templ.data()) == nullptr)
    return make_error("io", std::string("cannot create a temporary folder: ") + std::strerror(errno));
  return std::filesystem::path(templ);
}

Expected<std::FILE*> open_anonymous_temp_file() {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) dir = "/tmp";  // $TMPDIR names no folder
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {  // no O_TMPFILE there
    std::string templ = (dir / "exposcan-XXXXXX").string();
    fd = ::mkostemp(templ.data(), O_CLOEXEC);  // mode 0600
    if (fd >= 0) ::unlink(templ.c_str());
  }
  if (fd < 0) return make_error("io", "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno));
  std::FILE* file = ::fdopen(fd, "w+b");
  if (!file) {
    const int err = errno;
    ::close(fd);
    return make_error("io", std::string("cannot open a temporary file: ") + std::strerror(err));
  }
  return file;
}

}  // namespace exposcan
