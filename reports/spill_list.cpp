#include "reports/spill_list.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace exposcan {

SpillList::~SpillList() {
  if (m_file) std::fclose(m_file);
}

void SpillList::add(std::string key, std::string_view text) {
  if (!m_error.empty()) return;
  if (!m_file && !(m_file = std::tmpfile())) {
    m_error = std::string("cannot create a temporary file for the report: ") + std::strerror(errno);
    return;
  }
  if (std::fwrite(text.data(), 1, text.size(), m_file) != text.size()) {
    m_error = std::string("cannot write the report's temporary file: ") + std::strerror(errno);
    return;
  }
  m_parts.push_back({std::move(key), m_end, text.size()});
  m_end += static_cast<long>(text.size());
}

Status SpillList::each_sorted(const std::function<void(std::string_view)>& out) {
  if (!m_error.empty()) return make_error("io", m_error);
  if (m_parts.empty()) return {};
  if (std::fflush(m_file) != 0) return make_error("io", std::string("cannot write the report's temporary file: ") + std::strerror(errno));
  std::stable_sort(m_parts.begin(), m_parts.end(), [](const Part& a, const Part& b) { return a.key < b.key; });
  std::string buffer;
  const int fd = ::fileno(m_file);
  for (const auto& p : m_parts) {
    buffer.resize(p.size);
    size_t got = 0;
    while (got < p.size) {
      ssize_t n = ::pread(fd, buffer.data() + got, p.size - got, p.offset + static_cast<long>(got));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return make_error("io", "cannot read the report's temporary file back");
      got += static_cast<size_t>(n);
    }
    out(buffer);
  }
  return {};
}

std::string sort_key(std::initializer_list<std::string_view> fields) {
  std::string key;
  for (auto f : fields) {
    key.append(f);
    key.push_back('\0');
  }
  return key;
}

}  // namespace exposcan
