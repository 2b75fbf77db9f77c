// reports/spill_list.h — report parts kept on disk until they are written out in order.
//
// A streamed report (JSON) receives items in any order but must write them sorted. Each part's
// text goes to an anonymous temporary file (std::tmpfile: mode 0600, unlinked at once, gone when
// the process ends) and only its sort key and place stay in memory, so memory grows by a key per
// part, not by the report.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"

namespace exposcan {

class SpillList {
 public:
  SpillList() = default;
  ~SpillList();
  SpillList(const SpillList&) = delete;
  SpillList& operator=(const SpillList&) = delete;

  // Parts with equal keys keep the order they were added in. The key must not contain '\0'
  // unless it is used as a field separator (sort_key).
  void add(std::string key, std::string_view text);
  size_t size() const { return m_parts.size(); }
  // Calls `out` with every part's text in key order. Error (code "io"): the temporary file failed.
  Status each_sorted(const std::function<void(std::string_view)>& out);

 private:
  struct Part {
    std::string key;
    long offset;
    size_t size;
  };
  std::FILE* m_file = nullptr;
  long m_end = 0;
  std::vector<Part> m_parts;
  std::string m_error;
};

// A key that sorts like the tuple of its fields.
std::string sort_key(std::initializer_list<std::string_view> fields);

}  // namespace exposcan
