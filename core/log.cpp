#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace exposcan::log {
namespace {
std::atomic<Level> g_level{Level::warn};
std::mutex g_mutex;
const char* name(Level l) {
  switch (l) {
    case Level::debug: return "debug";
    case Level::info: return "info";
    case Level::warn: return "warning";
    case Level::error: return "error";
    case Level::off: break;
  }
  return "";
}
}  // namespace

void set_level(Level l) { g_level.store(l); }
Level level() { return g_level.load(std::memory_order_relaxed); }

void write(Level l, std::string_view message) {
  std::lock_guard lock(g_mutex);
  std::fprintf(stderr, "exposcan: %s: %.*s\n", name(l), static_cast<int>(message.size()), message.data());
}

}  // namespace exposcan::log
