#include "parsers/gumbo_arena.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <set>
#include <string>

#include "parsers/html_document.h"

using namespace exposcan;

namespace {

bool aligned(const void* p) { return reinterpret_cast<std::uintptr_t>(p) % alignof(std::max_align_t) == 0; }

}  // namespace

TEST_CASE("GumboArena hands out aligned disjoint blocks", "[gumbo_arena]") {
  GumboArena arena;
  std::set<std::pair<std::uintptr_t, size_t>> spans;
  size_t total = 0;
  for (size_t i = 0; i < 5000; ++i) {
    const size_t size = 1 + (i * 37) % 700;
    auto* p = static_cast<unsigned char*>(arena.allocate(size));
    REQUIRE(p != nullptr);
    REQUIRE(aligned(p));
    std::memset(p, static_cast<int>(i & 0xff), size);
    spans.emplace(reinterpret_cast<std::uintptr_t>(p), size);
    total += size;
  }
  std::uintptr_t previous_end = 0;
  for (const auto& [start, size] : spans) {
    CHECK(start >= previous_end);
    previous_end = start + size;
  }
  CHECK(arena.reserved_bytes() >= total);
}

TEST_CASE("GumboArena gives the most recent block back and keeps the others", "[gumbo_arena]") {
  GumboArena arena;
  void* a = arena.allocate(64);
  void* b = arena.allocate(64);
  arena.deallocate(a);  // not the last one: kept
  CHECK(arena.allocate(64) != a);
  void* c = arena.allocate(100);
  arena.deallocate(c);
  CHECK(arena.allocate(100) == c);
  arena.deallocate(nullptr);
  CHECK(b != c);
}

TEST_CASE("GumboArena serves a large request from a block of its own", "[gumbo_arena]") {
  GumboArena arena;
  void* small = arena.allocate(16);
  auto* big = static_cast<char*>(arena.allocate(3u << 20));
  REQUIRE(big != nullptr);
  big[0] = 'a';
  big[(3u << 20) - 1] = 'z';
  CHECK(arena.reserved_bytes() >= (3u << 20));
  // The current block still has room: the next small request lands next to the first.
  auto* next = static_cast<char*>(arena.allocate(16));
  CHECK(next == static_cast<char*>(small) + alignof(std::max_align_t));
  CHECK(arena.allocate(0) != nullptr);
}

TEST_CASE("Documents above the arena size limit parse the same as small ones", "[gumbo_arena]") {
  std::string item = "<li><a href=\"/p\">x</a> caf\xC3\xA9</li>";
  std::string small = "<html><body><ul>" + item + "</ul></body></html>";
  std::string big = "<html><body><ul>";
  size_t items = 0;
  for (; big.size() < (1u << 20) + 1000; ++items) big += item;
  big += "</ul></body></html>";
  auto s = HtmlDocument::parse(small);
  auto b = HtmlDocument::parse(big);
  REQUIRE(s);
  REQUIRE(b);
  CHECK(b->input_bytes() > (1u << 20));
  CHECK(s->find_all("li").size() == 1);
  CHECK(b->find_all("li").size() == items);
  CHECK(b->find_first("a").attr_or("href") == "/p");
  CHECK(s->find_first("a").attr_or("href") == "/p");
}
