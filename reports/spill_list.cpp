#include "reports/spill_list.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <numeric>

#include "core/fs.h"

namespace exposcan {
namespace {

// Each part on disk: key size and text size (4 bytes each, host order), key, text.
constexpr size_t k_header = 8;

}  // namespace

SpillList::~SpillList() {
  if (m_file) std::fclose(m_file);
}

void SpillList::add(std::string_view key, std::string_view text) {
  if (!m_error.empty()) return;
  if (!m_file) {
    auto file = open_anonymous_temp_file();
    if (!file) {
      m_error = "the report's parts: " + file.error().message;
      return;
    }
    m_file = *file;
  }
  if (key.size() > UINT32_MAX || text.size() > UINT32_MAX) {
    m_error = "a report part is larger than 4 GiB";
    return;
  }
  const uint32_t sizes[2] = {static_cast<uint32_t>(key.size()), static_cast<uint32_t>(text.size())};
  if (std::fwrite(sizes, 1, k_header, m_file) != k_header || std::fwrite(key.data(), 1, key.size(), m_file) != key.size() ||
      std::fwrite(text.data(), 1, text.size(), m_file) != text.size()) {
    m_error = std::string("cannot write the report's temporary file: ") + std::strerror(errno);
    return;
  }
  if (m_in_order && !m_offsets.empty() && key < m_last_key) m_in_order = false;
  if (m_in_order) m_last_key.assign(key);
  m_offsets.push_back(m_end);
  m_end += k_header + key.size() + text.size();
}

bool SpillList::read_at(uint64_t offset, std::string& into, size_t size) const {
  into.resize(size);
  size_t got = 0;
  while (got < size) {
    ssize_t n = ::pread(::fileno(m_file), into.data() + got, size - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    got += static_cast<size_t>(n);
  }
  return true;
}

Status SpillList::each_sorted(const std::function<void(std::string_view)>& out) {
  if (!m_error.empty()) return make_error("io", m_error);
  if (m_offsets.empty()) return {};
  if (std::fflush(m_file) != 0)
    return make_error("io", std::string("cannot write the report's temporary file: ") + std::strerror(errno));
  const Error read_error{"io", "cannot read the report's temporary file back"};
  std::string header, buffer;
  auto sizes_at = [&](uint64_t offset, uint32_t (&sizes)[2]) {
    if (!read_at(offset, header, k_header)) return false;
    std::memcpy(sizes, header.data(), k_header);
    return true;
  };
  std::vector<size_t> order(m_offsets.size());
  std::iota(order.begin(), order.end(), size_t{0});
  if (!m_in_order) {  // read the keys back and sort by them
    std::vector<std::string> keys(m_offsets.size());
    for (size_t i = 0; i < m_offsets.size(); ++i) {
      uint32_t sizes[2];
      if (!sizes_at(m_offsets[i], sizes) || !read_at(m_offsets[i] + k_header, keys[i], sizes[0])) return read_error;
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  }
  for (size_t i : order) {
    uint32_t sizes[2];
    if (!sizes_at(m_offsets[i], sizes) || !read_at(m_offsets[i] + k_header + sizes[0], buffer, sizes[1])) return read_error;
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
