// parsers/gumbo_arena.h — the memory of one gumbo parse, handed out from a few large blocks.
//
// gumbo 0.10.1 mallocs every node, attribute, string and vector separately and frees the tree
// node by node (recursively); on the benchmark corpus that was ~20% of gumbo's time plus the
// whole of gumbo_destroy_output. A document instead gives gumbo this bump allocator
// (GumboOptions::allocator/deallocator) and drops the tree by dropping the arena. Freed blocks
// are not reused (except the most recent one), so a parse holds every byte gumbo ever asked for:
// ~18x the input on the benchmark corpus (35 KB pages), which is why HtmlDocument uses it only
// for inputs up to 1 MiB. Not thread-safe: one arena per parse.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace exposcan {

class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;

  void* allocate(size_t size);
  void deallocate(void* p);
  size_t reserved_bytes() const { return m_reserved; }  // bytes taken from the system

  // The GumboOptions callbacks; `userdata` is the arena.
  static void* gumbo_allocate(void* userdata, size_t size);
  static void gumbo_deallocate(void* userdata, void* p);

 private:
  std::vector<std::unique_ptr<std::byte[]>> m_blocks;
  std::byte* m_next = nullptr;  // free space of the current block
  std::byte* m_end = nullptr;
  std::byte* m_last = nullptr;  // the most recent allocation (given back by deallocate)
  size_t m_block_size = 0;
  size_t m_reserved = 0;
};

}  // namespace exposcan
