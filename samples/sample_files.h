// samples/sample_files.h — the bundled samples, compiled into the binary (cmake/Embed.cmake):
// "identity.yaml", "tls/ca.pem", "sites/<host>/<path>", ...
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "core/embedded.h"

namespace exposcan::samples {

std::span<const EmbeddedFile> files();
std::optional<std::string_view> file(std::string_view path);

}  // namespace exposcan::samples
