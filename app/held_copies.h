// app/held_copies.h — the report's copy of each item that no history holds, kept on disk.
//
// Several pages can show one item, and the report shows one copy of it (preferred_copy). Without
// a history (--no-history), and for the pages a history could not record, the pipeline keeps each
// item's best copy so far here: its JSON model (item and findings, values unredacted), written as
// MessagePack to an anonymous temporary file (std::tmpfile: mode 0600, unlinked at once, gone with
// the process); memory keeps its rank and place, about a hundred bytes an item, so it does not grow
// with the items' text. A copy replaced by a better one stays in the file, unread. Not thread-safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <string>

#include "core/expected.h"
#include "store/item_findings.h"

namespace exposcan {

class HeldCopies {
 public:
  HeldCopies() = default;
  ~HeldCopies();
  HeldCopies(const HeldCopies&) = delete;
  HeldCopies& operator=(const HeldCopies&) = delete;

  // Keeps `copy` (without its suppressions: the caller applies them) when no copy of its item is
  // held or it is preferred to the one that is.
  void offer(const ItemFindings& copy);
  size_t size() const { return m_slots.size(); }

  // Reads each held copy back, in item id order, and hands it to `out`. Error (code "io"): the
  // temporary file could not be made, written or read; the copies read before it were handed over.
  Status each(const std::function<void(ItemFindings&)>& out);

 private:
  struct Slot {
    CopyRank rank;
    std::string source_url;
    uint64_t offset = 0;
    uint64_t size = 0;
  };
  std::map<std::string, Slot> m_slots;  // by item id
  std::FILE* m_file = nullptr;
  uint64_t m_end = 0;
  std::string m_error;  // the first write error; offer() then keeps nothing more
};

}  // namespace exposcan
