// app/held_copies.h — the report's copy of each item that no history holds, kept on disk.
//
// Several pages can show one item, and the report shows one copy of it (preferred_copy). Without
// a history (--no-history), and for the pages a history could not record, the pipeline keeps each
// item's best copy so far here: its JSON model (item and findings, values unredacted), written as
// MessagePack to an anonymous temporary file (open_anonymous_temp_file: in $TMPDIR, mode 0600,
// unlinked at once, gone with the process); memory keeps its rank and place, about a hundred bytes
// an item, so it does not grow with the items' text. A copy replaced by a better one stays in the
// file, unread. When the file cannot be made or written (no temporary folder, a full disk), the
// copies' bytes from then on are kept in memory instead (so memory then grows with them), with one
// warning; either way a copy is read back through the same JSON model, and a copy that cannot be
// read back is an error each() reports, not a silent loss. Not thread-safe; prepare() is, so
// threads sharing one can encode their copies outside their lock (after asking wants() under it).
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/expected.h"
#include "core/fs.h"
#include "store/item_findings.h"

namespace exposcan {

class HeldCopies {
 public:
  // `open_file` makes the temporary file (tests give one that fails).
  using FileOpener = std::function<Expected<std::FILE*>()>;
  explicit HeldCopies(FileOpener open_file = open_anonymous_temp_file) : m_open_file(std::move(open_file)) {}
  ~HeldCopies();
  HeldCopies(const HeldCopies&) = delete;
  HeldCopies& operator=(const HeldCopies&) = delete;

  // A copy encoded for offer(): its rank and its bytes. Built without touching the held set, so
  // callers that share one HeldCopies between threads can build it before taking their lock.
  struct Offer {
    CopyRank rank;
    std::string item_id;
    std::string source_url;
    std::string bytes;  // the copy's JSON model (item and findings) as MessagePack
  };
  static Offer prepare(const ItemFindings& copy);

  // False when a copy preferred to `item`'s is already held: offering it would change nothing, so
  // callers need not encode it. Another copy may still be offered in between; offer() checks again.
  bool wants(const Item& item) const;
  // Keeps the copy (without its suppressions: the caller applies them) when no copy of its item
  // is held or it is preferred to the one that is.
  void offer(Offer copy);
  void offer(const ItemFindings& copy) { offer(prepare(copy)); }
  size_t size() const { return m_slots.size(); }

  // Hands each held copy to `out`, in item id order. A copy that cannot be read back from the file
  // is skipped and makes the result an error (code "io") naming it; the others are still handed over.
  Status each(const std::function<void(ItemFindings&)>& out);

 private:
  struct Slot {
    CopyRank rank;
    std::string source_url;
    uint64_t offset = 0;  // in the file, when `memory` is empty
    uint64_t size = 0;
    std::optional<std::string> memory;  // the copy's bytes, once the file failed
  };
  bool write(const std::string& bytes);  // appends to the file; false (and warns once) when it fails
  static Expected<ItemFindings> decode(std::string_view bytes, const std::string& id);

  FileOpener m_open_file;
  std::map<std::string, Slot> m_slots;  // by item id
  std::FILE* m_file = nullptr;
  uint64_t m_end = 0;
  bool m_file_failed = false;
};

}  // namespace exposcan
