// Access to the embedded sample files (see samples/sample_files.h).
#include "samples/sample_files.h"

namespace exposcan::embedded_samples {
std::span<const EmbeddedFile> files();
}

namespace exposcan::samples {

std::span<const EmbeddedFile> files() { return embedded_samples::files(); }

std::optional<std::string_view> file(std::string_view path) { return find_embedded(files(), path); }

}  // namespace exposcan::samples
