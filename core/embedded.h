// core/embedded.h — files compiled into the binary (rule packs, samples, schemas).
// Generated sources (cmake/Embed.cmake) expose `std::span<const EmbeddedFile> <ns>::files()`.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace exposcan {

struct EmbeddedFile {
  std::string_view path;  // relative to the embedded folder, '/'-separated
  std::string_view data;  // bytes; lives for the whole program
};

inline std::optional<std::string_view> find_embedded(std::span<const EmbeddedFile> files,
                                                     std::string_view path) {
  for (const auto& f : files)
    if (f.path == path) return f.data;
  return std::nullopt;
}

}  // namespace exposcan
