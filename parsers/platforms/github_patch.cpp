// GitHub's commit patches (github.com/OWNER/REPO/commit/SHA.patch): git format-patch's mbox text,
// one "From <sha> Mon Sep 17 00:00:00 2001" record per commit. Only the headers and the message
// are read; the diff after the "---" line is never part of an Item.
#include <algorithm>
#include <optional>

#include "core/text.h"
#include "core/url.h"
#include "parsers/html_dates.h"
#include "parsers/html_scan.h"
#include "parsers/mime_words.h"
#include "parsers/page_signals.h"
#include "parsers/platforms/github.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan {
namespace {

struct PatchPath {
  std::string repo;  // "OWNER/REPO"
  std::string sha;   // as written in the URL (may be abbreviated)
};

bool is_hex(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_hex_digit); }

// "/OWNER/REPO/commit/SHA.patch"
std::optional<PatchPath> patch_path(std::string_view path) {
  auto parts = split(path, '/');  // "", OWNER, REPO, "commit", "SHA.patch"
  if (parts.size() != 5 || !parts[0].empty() || parts[1].empty() || parts[2].empty() || parts[3] != "commit" ||
      !parts[4].ends_with(".patch"))
    return std::nullopt;
  std::string_view sha = parts[4].substr(0, parts[4].size() - 6);
  if (!is_hex(sha)) return std::nullopt;
  return PatchPath{std::string(parts[1]) + "/" + std::string(parts[2]), std::string(sha)};
}

// git format-patch's record separator: "From <40 or 64 hex digits> Mon Sep 17 00:00:00 2001" (a
// fixed date, so mbox readers can tell a patch from a mail). The commit id, or "".
std::string_view record_sha(std::string_view line) {
  constexpr std::string_view magic_date = " Mon Sep 17 00:00:00 2001";
  if (!line.starts_with("From ") || !line.ends_with(magic_date)) return {};
  std::string_view sha = line.substr(5, line.size() - 5 - magic_date.size());
  return (sha.size() == 40 || sha.size() == 64) && is_hex(sha) ? sha : std::string_view();
}

std::vector<std::string_view> lines_of(std::string_view body) {
  std::vector<std::string_view> lines;
  for (std::string_view line : split(body, '\n')) lines.push_back(line.ends_with('\r') ? line.substr(0, line.size() - 1) : line);
  return lines;
}

// "[PATCH] x", "[PATCH 2/3] x", "[PATCH v2 1/4] x" -> "x"
std::string_view without_patch_prefix(std::string_view subject) {
  if (!subject.starts_with("[PATCH")) return subject;
  const size_t close = subject.find(']');
  return close == std::string_view::npos ? subject : trim(subject.substr(close + 1));
}

class PatchReader {
 public:
  PatchReader(const Page& page, const PatchPath& path, ParseOutput& out) : m_page(page), m_path(path), m_out(out) {
    m_url = page.final_url.empty() ? page.url : page.final_url;
  }

  // One record: lines [begin, end) of the body, the first being the "From <sha>" line.
  void read_record(const std::vector<std::string_view>& lines, size_t begin, size_t end) {
    const std::string sha(record_sha(lines[begin]));
    std::string from, date, subject;
    std::string* last = nullptr;  // the header a folded line continues
    size_t i = begin + 1;
    for (; i < end && !lines[i].empty(); ++i) {
      std::string_view line = lines[i];
      if ((line.front() == ' ' || line.front() == '\t') && last) {
        *last += line;  // RFC 5322 §2.2.3 unfolding: the line break goes, the whitespace stays
        continue;
      }
      const size_t colon = line.find(':');
      const std::string_view name = line.substr(0, colon);
      const std::string_view value = colon == std::string_view::npos ? std::string_view() : trim(line.substr(colon + 1));
      last = iequals(name, "from") ? &from : iequals(name, "date") ? &date : iequals(name, "subject") ? &subject : nullptr;
      if (last) *last = std::string(value);
    }
    if (i >= end) {
      error("commit " + sha + ": the patch ends inside its headers");
      return;
    }
    const Mailbox author = parse_mailbox(from);
    if (author.address.empty() && author.name.empty()) {
      error("commit " + sha + ": no From: header");
      return;
    }
    // The message runs to the "---" line before the diffstat; git am cuts it there too.
    std::string body;
    bool ended = false;
    for (++i; i < end; ++i) {
      if (lines[i] == "---" || lines[i].starts_with("diff --git ")) {
        ended = true;
        break;
      }
      body += lines[i];
      body += '\n';
    }
    if (!ended) error("commit " + sha + ": the patch ends before its diff (truncated?)");
    m_out.items.push_back(item(sha, author, date, std::string(without_patch_prefix(decode_encoded_words(subject))),
                               std::string(trim(body))));
  }

  void error(const std::string& message) { m_out.errors.push_back(message + " in " + m_url); }

 private:
  Item item(const std::string& sha, const Mailbox& author, const std::string& date, const std::string& subject,
            const std::string& body) const {
    const std::string web = "https://github.com/";
    Item it = platform_item(m_page, m_out, "github");
    it.kind = ItemKind::post;
    it.id = "github:commit:" + m_path.repo + "@" + sha;
    it.url = web + m_path.repo + "/commit/" + sha;
    it.extractor = "github-patch";
    it.title = "Commit " + m_path.repo + "@" + sha.substr(0, 7);
    it.author.name = author.name;
    if (std::string login = github_noreply_login(author.address); !login.empty()) it.author = {login, author.name, web + login};
    it.fields.emplace_back("repo", m_path.repo);
    add_commit_author_fields(it, author.name, author.address);
    const std::string message = take_coauthor_trailers(body, it);
    it.text = message.empty() ? subject : subject + "\n\n" + message;
    if (auto t = normalize_datetime(date)) it.published_at = t;
    it.links = urls_in_text(it.text);
    return it;
  }

  const Page& m_page;
  const PatchPath& m_path;
  ParseOutput& m_out;
  std::string m_url;
};

}  // namespace

bool is_github_commit_patch_path(std::string_view path) { return patch_path(path).has_value(); }

ParseOutput parse_github_patch(const Page& page) {
  ParseOutput out;
  const std::string url = page.final_url.empty() ? page.url : page.final_url;
  out.signals = std::make_shared<PageSignals>(extract_page_signals(HtmlScan{}, page.headers, url, &out.errors));
  auto u = Url::parse(url);
  auto path = u ? patch_path(u->path()) : std::nullopt;
  const std::vector<std::string_view> lines = lines_of(page.body);
  // A sign-in or error page served at the patch URL is not a patch: nothing is read from it.
  if (!path || lines.empty() || record_sha(lines[0]).empty()) {
    out.errors.push_back("not a git patch (" + (page.content_type.empty() ? std::string("no content type") : page.content_type) +
                         "): " + url);
    return out;
  }
  PatchReader reader(page, *path, out);
  size_t begin = 0;
  for (size_t i = 1; i <= lines.size(); ++i) {
    if (i < lines.size() && record_sha(lines[i]).empty()) continue;
    reader.read_record(lines, begin, i);
    begin = i;
  }
  if (page.truncated) out.errors.push_back("patch truncated at the size cap: " + url);
  return out;
}

}  // namespace exposcan
