// tests/parsers/sample_pages.h — Pages built from samples/sites files, and a stable JSON view of
// a ParseOutput for golden files (tests/parsers/golden/<name>.json; UPDATE_GOLDEN=1 rewrites).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/time.h"
#include "parsers/parse_output.h"
#include "parsers/registry.h"
#include "scanner/page.h"
#include "tests/support/test_support.h"

namespace exposcan::test {

using nlohmann::json;

struct SampleSpec {
  std::string url;           // the URL the page is "fetched" from
  std::string file;          // relative to samples/sites/ ("" = use `body`)
  std::string content_type;  // media type without parameters
  int status = 200;
  std::vector<HttpHeader> headers;
  std::string body;
  std::string final_url;  // after redirects (default: url)
  bool user_directed = true;
};

inline Page sample_page(const SampleSpec& spec) {
  Page p;
  p.url = spec.url;
  p.final_url = spec.final_url.empty() ? spec.url : spec.final_url;
  if (!spec.final_url.empty() && spec.final_url != spec.url) p.redirects.push_back(spec.url);
  p.status = spec.status;
  p.headers = spec.headers;
  p.body = spec.file.empty() ? spec.body : read_text(source_dir() / "samples/sites" / spec.file);
  p.content_type = spec.content_type;
  p.charset = "utf-8";
  p.sha256 = sha256_hex(p.body);
  p.origin = PageOrigin::live;
  p.user_directed = spec.user_directed;
  p.fetched_at = std::chrono::system_clock::from_time_t(1793000000);
  return p;
}

namespace detail {
inline json opt_time(const std::optional<TimePoint>& t) { return t ? json(format_rfc3339(*t)) : json(nullptr); }
}  // namespace detail

inline json output_json(const ParseOutput& out) {
  json items = json::array();
  for (const auto& it : out.items) {
    json media = json::array();
    for (const auto& m : it.media) media.push_back({{"url", m.url}, {"type", m.type}, {"alt", m.alt}});
    json fields = json::array();
    for (const auto& [k, v] : it.fields) fields.push_back({k, v});
    items.push_back({{"id", it.id},
                     {"platform", it.platform},
                     {"kind", std::string(to_string(it.kind))},
                     {"url", it.url},
                     {"author", {{"handle", it.author.handle}, {"name", it.author.name}, {"url", it.author.url}}},
                     {"published_at", detail::opt_time(it.published_at)},
                     {"updated_at", detail::opt_time(it.updated_at)},
                     {"visibility", std::string(to_string(it.visibility))},
                     {"title", it.title},
                     {"text", it.text},
                     {"media", media},
                     {"geo", it.geo ? json{{"lat", it.geo->lat ? json(*it.geo->lat) : json(nullptr)},
                                                   {"lon", it.geo->lon ? json(*it.geo->lon) : json(nullptr)},
                                                   {"name", it.geo->name}}
                                             : json(nullptr)},
                     {"language", it.language},
                     {"links", it.links},
                     {"fields", fields},
                     {"tags", it.tags},
                     {"parent_id", it.parent_id},
                     {"extractor", it.extractor}});
  }
  json links = json::array();
  for (const auto& l : out.links)
    if (l.kind != "anchor") links.push_back({{"url", l.url}, {"kind", l.kind}});
  json robots = json::array();
  if (out.signals)
    for (const auto& d : out.signals->robots) robots.push_back(d.agent + ":" + d.name + "@" + d.source);
  return {{"items", items}, {"links", links}, {"errors", out.errors}, {"robots", robots}};
}

inline std::string compare_golden(const std::string& name, const ParseOutput& out) {
  auto path = source_dir() / "tests/parsers/golden" / (name + ".json");
  json got = output_json(out);
  if (std::getenv("UPDATE_GOLDEN")) {
    std::ofstream(path) << got.dump(1) << "\n";
    return {};
  }
  json want = json::parse(read_text(path), nullptr, false);
  if (want.is_discarded()) return "golden file missing or invalid: " + path.string() + " (run with UPDATE_GOLDEN=1)";
  if (want == got) return {};
  json patch = json::diff(want, got);
  return "differs from " + path.string() + ": " + patch.dump().substr(0, 2000);
}

// A feed body served from `url` as `content_type` (a Page, not parsed).
inline Page feed_page(std::string url, std::string body, std::string content_type = "application/rss+xml") {
  SampleSpec s;
  s.url = std::move(url);
  s.body = std::move(body);
  s.content_type = std::move(content_type);
  return sample_page(s);
}

// parse_page() on a body built in the test, served as `content_type` from `url`.
inline ParseOutput parse_as(std::string url, std::string content_type, std::string body) {
  SampleSpec s;
  s.url = std::move(url);
  s.content_type = std::move(content_type);
  s.body = std::move(body);
  return parse_page(sample_page(s));
}
inline ParseOutput parse_body(std::string url, std::string body) {
  return parse_as(std::move(url), "application/json", std::move(body));
}

inline bool has_field(const Item& it, std::string_view name, std::string_view value) {
  for (const auto& [k, v] : it.fields)
    if (k == name && v == value) return true;
  return false;
}

inline const Item* find_item(const ParseOutput& out, std::string_view id) {
  for (const auto& it : out.items)
    if (it.id == id) return &it;
  return nullptr;
}

inline bool any_text_contains(const Item& it, std::string_view needle) {
  bool found = false;
  for_each_text_field(it, [&](std::string_view, std::string_view text) {
    if (text.find(needle) != std::string_view::npos) found = true;
  });
  return found;
}

}  // namespace exposcan::test
