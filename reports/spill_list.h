// reports/spill_list.h — report parts kept on disk until they are written out in order.
//
// A streamed report (JSON) must write its parts sorted, but receives them one item at a time. Each
// part (its sort key and its text) goes to an anonymous temporary file (open_anonymous_temp_file:
// in $TMPDIR, mode 0600, unlinked at once, gone when the process ends); memory keeps one offset per
// part. Parts that arrive in key order (the pipeline delivers items by id) are copied out as they
// are; otherwise the keys are read back and sorted at the end.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <initializer_list>
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

  // Parts with equal keys keep the order they were added in.
  void add(std::string_view key, std::string_view text);
  size_t size() const { return m_offsets.size(); }
  // Calls `out` with every part's text in key order. Error (code "io"): the temporary file failed.
  Status each_sorted(const std::function<void(std::string_view)>& out);

 private:
  bool read_at(uint64_t offset, std::string& into, size_t size) const;

  std::FILE* m_file = nullptr;
  uint64_t m_end = 0;
  std::vector<uint64_t> m_offsets;  // of each part's header
  std::string m_last_key;
  bool m_in_order = true;
  std::string m_error;
};

// A key that sorts like the tuple of its fields (fields must not contain '\0').
std::string sort_key(std::initializer_list<std::string_view> fields);

}  // namespace exposcan
