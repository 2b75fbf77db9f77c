#include "parsers/gumbo_arena.h"

#include <algorithm>
#include <cstddef>

namespace exposcan {
namespace {

constexpr size_t k_align = alignof(std::max_align_t);
constexpr size_t k_first_block = 32u << 10;
constexpr size_t k_max_block = 1u << 20;

size_t aligned(size_t n) { return (n + k_align - 1) & ~(k_align - 1); }

}  // namespace

void* GumboArena::allocate(size_t size) {
  const size_t need = aligned(size == 0 ? 1 : size);
  if (static_cast<size_t>(m_end - m_next) < need) {
    // A request larger than a quarter block gets a block of its own, so the current block's
    // free space is not thrown away for it.
    const size_t next_block = m_block_size == 0 ? k_first_block : std::min(m_block_size * 2, k_max_block);
    if (need > next_block / 4) {
      m_blocks.push_back(std::make_unique_for_overwrite<std::byte[]>(need));
      m_reserved += need;
      return m_blocks.back().get();
    }
    m_block_size = next_block;
    m_blocks.push_back(std::make_unique_for_overwrite<std::byte[]>(m_block_size));
    m_reserved += m_block_size;
    m_next = m_blocks.back().get();
    m_end = m_next + m_block_size;
  }
  m_last = m_next;
  m_next += need;
  return m_last;
}

void GumboArena::deallocate(void* p) {
  if (p != nullptr && p == m_last) {
    m_next = m_last;
    m_last = nullptr;
  }
}

void* GumboArena::gumbo_allocate(void* userdata, size_t size) { return static_cast<GumboArena*>(userdata)->allocate(size); }

void GumboArena::gumbo_deallocate(void* userdata, void* p) { static_cast<GumboArena*>(userdata)->deallocate(p); }

}  // namespace exposcan
