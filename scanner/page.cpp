#include "scanner/page.h"

#include "core/text.h"

namespace exposcan {

std::string_view to_string(PageOrigin origin) {
  switch (origin) {
    case PageOrigin::live: return "live";
    case PageOrigin::not_modified: return "not_modified";
    case PageOrigin::file: return "file";
    case PageOrigin::har: return "har";
    case PageOrigin::warc: return "warc";
  }
  return "live";
}

std::string Page::header(std::string_view name) const {
  for (const auto& h : headers)
    if (iequals(h.name, name)) return h.value;
  return {};
}

std::vector<std::string> Page::header_values(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& h : headers)
    if (iequals(h.name, name)) out.push_back(h.value);
  return out;
}

}  // namespace exposcan
