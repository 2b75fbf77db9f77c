// A HAR inside a ZIP archive (PKWARE APPNOTE), as Playwright's `recordHar` writes it when the path
// ends in .zip: the HAR as `har.har` and each body it kept apart (content._file) as an entry of
// its own. Read with libzip; entries are inflated into memory up to the caps, never extracted.
#include <zip.h>

#include <memory>

#include "core/text.h"
#include "scanner/offline_internal.h"

namespace exposcan::offline {
namespace {

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Archive = std::unique_ptr<zip_t, ZipDiscard>;

std::string open_error(int code) {
  zip_error_t e;
  zip_error_init_with_code(&e, code);
  std::string message = zip_error_strerror(&e);
  zip_error_fini(&e);
  return message;
}

// Entry `index` inflated, at most `max_bytes` + 1 bytes (so a caller sees the cut); a damaged or
// encrypted entry sets `error`.
std::optional<std::string> read_entry(zip_t* zip, zip_uint64_t index, size_t max_bytes, std::string& error) {
  zip_file_t* f = zip_fopen_index(zip, index, 0);
  if (!f) {
    error = zip_strerror(zip);
    return std::nullopt;
  }
  std::string out;
  char buffer[65536];
  for (;;) {
    const size_t room = max_bytes + 1 - out.size();
    if (room == 0) break;
    const zip_int64_t n = zip_fread(f, buffer, std::min(sizeof buffer, room));
    if (n < 0) {
      error = zip_file_strerror(f);
      zip_fclose(f);
      return std::nullopt;
    }
    if (n == 0) break;
    out.append(buffer, static_cast<size_t>(n));
  }
  zip_fclose(f);
  return out;
}

// The HAR's entry: "har.har" (Playwright's name), else the first entry whose name ends in .har.
std::optional<zip_uint64_t> har_entry(zip_t* zip) {
  const zip_int64_t named = zip_name_locate(zip, "har.har", 0);
  if (named >= 0) return static_cast<zip_uint64_t>(named);
  const zip_int64_t count = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(zip, static_cast<zip_uint64_t>(i), 0);
    if (name && iends_with(name, ".har")) return static_cast<zip_uint64_t>(i);
  }
  return std::nullopt;
}

// The pages of an opened archive (`path` names it in messages).
void load_archive(const std::filesystem::path& path, Archive zip, const OfflineOptions& o, OfflineLoad& out) {
  const auto entry = har_entry(zip.get());
  if (!entry) {
    out.errors.push_back(path.string() + ": the archive holds no HAR (no entry named har.har or ending in .har)");
    return;
  }
  std::string error;
  const auto har = read_entry(zip.get(), *entry, o.max_file_bytes, error);
  const std::string har_name = zip_get_name(zip.get(), *entry, 0);
  if (!har) {
    out.errors.push_back(path.string() + ": its " + har_name + " cannot be read (" + error + ")");
    return;
  }
  if (har->size() > o.max_file_bytes) {
    out.errors.push_back(path.string() + ": its " + har_name + " is larger than " + std::to_string(o.max_file_bytes) +
                         " bytes; it is not read");
    return;
  }
  const HarBodyFiles in_archive{[&](const std::string& name) -> std::optional<std::string> {
                                  const zip_int64_t i = zip_name_locate(zip.get(), name.c_str(), 0);
                                  if (i < 0) return std::nullopt;
                                  std::string ignored;
                                  return read_entry(zip.get(), static_cast<zip_uint64_t>(i), o.max_body_bytes, ignored);
                                },
                                "in the archive"};
  load_har(path, *har, o, out, in_archive);
}

}  // namespace

bool is_zip_start(std::string_view data) {
  return data.rfind(std::string_view("PK\x03\x04", 4), 0) == 0 || data.rfind(std::string_view("PK\x05\x06", 4), 0) == 0;
}

void load_har_zip(const std::filesystem::path& path, const OfflineOptions& o, OfflineLoad& out) {
  int code = 0;
  Archive zip(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (!zip) {
    out.errors.push_back(path.string() + ": not a readable ZIP archive (" + open_error(code) + ")");
    return;
  }
  load_archive(path, std::move(zip), o, out);
}

void load_har_zip(const std::filesystem::path& name, std::string_view data, const OfflineOptions& o, OfflineLoad& out) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(data.data(), data.size(), 0, &error);
  zip_t* opened = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (!opened) {
    out.errors.push_back(name.string() + ": not a readable ZIP archive (" + zip_error_strerror(&error) + ")");
    if (source) zip_source_free(source);
    zip_error_fini(&error);
    return;
  }
  zip_error_fini(&error);
  load_archive(name, Archive(opened), o, out);  // the archive owns the source now
}

}  // namespace exposcan::offline
