// Saved HTML pages and folders (see scanner/offline_source.h).
#include <algorithm>
#include <fstream>
#include <optional>
#include <system_error>

#include "core/text.h"
#include "core/url.h"
#include "scanner/offline_internal.h"

namespace exposcan {

std::string saved_page_url(std::string_view html) {
  std::string_view head = html.substr(0, 512u << 10);
  std::string lower = ascii_lower(head);
  std::string canonical, og;
  size_t pos = 0;
  while ((pos = lower.find('<', pos)) != std::string::npos) {
    size_t end = lower.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag = head.substr(pos, end - pos + 1);
    std::string_view ltag = std::string_view(lower).substr(pos, end - pos + 1);
    if (canonical.empty() && ltag.rfind("<link", 0) == 0) {
      auto rel = offline::tag_attr(tag, "rel");
      if (rel) {
        const std::string rels = ascii_lower(*rel);  // named: split() returns views into it
        for (auto t : split(rels, ' '))
          if (t == "canonical")
            if (auto href = offline::tag_attr(tag, "href")) canonical = offline::unescape_attr(*href);
      }
    } else if (og.empty() && ltag.rfind("<meta", 0) == 0) {
      auto prop = offline::tag_attr(tag, "property");
      if (prop && ascii_lower(*prop) == "og:url")
        if (auto c = offline::tag_attr(tag, "content")) og = offline::unescape_attr(*c);
    }
    if (ltag.rfind("<body", 0) == 0) break;
    pos = end + 1;
  }
  if (offline::is_absolute_http(canonical)) return canonical;
  if (offline::is_absolute_http(og)) return og;
  // <!-- saved from url=(0042)https://www.instagram.com/janeexample/ -->
  size_t saved = lower.find("saved from url=(");
  if (saved != std::string::npos) {
    size_t close = lower.find(')', saved);
    if (close != std::string::npos) {
      size_t start = close + 1;
      size_t stop = start;
      while (stop < head.size() && !is_ascii_space(head[stop]) && head[stop] != '-') ++stop;
      std::string u(head.substr(start, stop - start));
      if (offline::is_absolute_http(u)) return u;
    }
  }
  return {};
}

namespace offline {
namespace {

void load_file(const std::filesystem::path& p, const OfflineOptions& o, OfflineLoad& out, const std::string& target) {
  auto page = read_saved_file(p, o, out, "text/html", target);
  if (!page) return;
  if (std::string original = saved_page_url(page->body); !original.empty()) page->url = page->final_url = original;
  out.pages.push_back(std::move(*page));
}

}  // namespace

void load_saved_html(const std::filesystem::path& path, const OfflineOptions& o, OfflineLoad& out) {
  std::error_code ec;
  std::string target = path.string();
  if (!std::filesystem::is_directory(path, ec)) {
    load_file(path, o, out, target);
    return;
  }
  std::vector<std::filesystem::path> files;
  auto it = std::filesystem::recursive_directory_iterator(path, std::filesystem::directory_options::skip_permission_denied, ec);
  for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    const auto& p = it->path();
    std::string name = p.filename().string();
    if (it->is_directory(ec)) {
      // Browsers save a page's images, scripts and frames next to it in "<name>_files".
      if (name.size() > 6 && name.compare(name.size() - 6, 6, "_files") == 0) it.disable_recursion_pending();
      continue;
    }
    std::string lower = ascii_lower(name);
    if (lower.size() > 5 && (lower.compare(lower.size() - 5, 5, ".html") == 0 || lower.compare(lower.size() - 4, 4, ".htm") == 0)) files.push_back(p);
    if (files.size() >= o.max_pages) {
      out.errors.push_back(path.string() + ": more than " + std::to_string(o.max_pages) + " pages; the rest is skipped");
      break;
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) load_file(f, o, out, target);
}

// Value of attribute `name` in one tag's text ("<link rel=canonical href='x'>"), or nullopt.
std::optional<std::string> tag_attr(std::string_view tag, std::string_view name) {
  std::string lower = ascii_lower(tag);
  size_t pos = 0;
  while ((pos = lower.find(name, pos)) != std::string::npos) {
    bool boundary = pos > 0 && (is_ascii_space(lower[pos - 1]) || lower[pos - 1] == '"' || lower[pos - 1] == '\'');
    size_t i = pos + name.size();
    pos = i;
    if (!boundary) continue;
    while (i < lower.size() && is_ascii_space(lower[i])) ++i;
    if (i >= lower.size() || lower[i] != '=') continue;
    ++i;
    while (i < lower.size() && is_ascii_space(lower[i])) ++i;
    if (i >= lower.size()) return std::string();
    char q = lower[i];
    if (q == '"' || q == '\'') {
      size_t end = lower.find(q, i + 1);
      return std::string(tag.substr(i + 1, (end == std::string::npos ? tag.size() : end) - i - 1));
    }
    size_t end = i;
    while (end < tag.size() && !is_ascii_space(tag[end]) && tag[end] != '>') ++end;
    return std::string(tag.substr(i, end - i));
  }
  return std::nullopt;
}

std::string unescape_attr(std::string s) {
  for (auto [from, to] : {std::pair{"&amp;", "&"}, std::pair{"&quot;", "\""}, std::pair{"&#39;", "'"}, std::pair{"&#x2F;", "/"}})
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + 1)) s.replace(p, std::string_view(from).size(), to);
  return std::string(trim(s));
}

bool is_absolute_http(const std::string& u) {
  auto p = Url::parse(u);
  return p && p->is_http();
}

std::string file_url(const std::filesystem::path& p) {
  std::error_code ec;
  auto abs = std::filesystem::absolute(p, ec);
  return "file://" + (ec ? p : abs).generic_string();
}

std::optional<std::string> read_body_file(const std::filesystem::path& p, size_t max_bytes) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  // Read in chunks up to one byte past the cap: sizing the buffer to the cap zero-filled megabytes
  // per file and kept them as the body's capacity.
  std::string raw;
  const size_t limit = max_bytes + 1;
  char chunk[64 * 1024];
  while (raw.size() < limit) {
    in.read(chunk, static_cast<std::streamsize>(std::min(sizeof chunk, limit - raw.size())));
    if (in.gcount() <= 0) break;
    raw.append(chunk, static_cast<size_t>(in.gcount()));
  }
  return raw;
}

std::optional<Page> read_saved_file(const std::filesystem::path& p, const OfflineOptions& o, OfflineLoad& out,
                                    std::string_view content_type, const std::string& target) {
  std::optional<std::string> raw = read_body_file(p, o.max_body_bytes);
  if (!raw) {
    out.errors.push_back(p.string() + ": cannot read");
    return std::nullopt;
  }
  Page page;
  page.status = 200;
  std::error_code ec;
  auto mtime = std::filesystem::last_write_time(p, ec);
  if (!ec)
    page.fetched_at = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
        mtime - std::filesystem::file_time_type::clock::now() + std::chrono::system_clock::now());
  finish_page(page, std::move(*raw), content_type, PageOrigin::file, target, o.max_body_bytes);
  page.url = page.final_url = file_url(p);
  page.headers.push_back({"X-Exposcan-Saved-File", p.string()});
  return page;
}

}  // namespace offline
}  // namespace exposcan
