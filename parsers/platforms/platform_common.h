// parsers/platforms/platform_common.h — helpers the platform adapters share: the base Item of a
// page, JSON field access that never throws, RFC 8288 Link headers, query rewriting for paging.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "parsers/item.h"
#include "parsers/jsonld.h"
#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

// An Item carrying the page's provenance, source hash and signals; the adapter fills the rest.
Item platform_item(const Page& page, const ParseOutput& out, std::string platform);

// The last non-empty path segment of a URL ("https://x/@jane/123" -> "123").
std::string last_path_segment(std::string_view url);

// Output with the page's header-level signals (X-Robots-Tag, Content-Usage, TDMRep headers) and
// the JSON body parsed; a parse failure is recorded ("invalid JSON from <url>: <reason>") and the
// returned value is discarded (check `is_discarded()`).
nlohmann::json parse_json_page(const Page& page, ParseOutput& out);

// Depth-first over `root` without recursion (platform answers nest as deep as they like): calls
// `visit(key, value)` for every object or array below it — `key` is the member name, "" for an
// array element — in order (object members in key order: nlohmann keeps them sorted); `visit`
// returns false to leave that value's contents out. Stops after `max_values` values.
template <typename Visit>
void walk_json(const nlohmann::json& root, Visit&& visit, size_t max_values = 2'000'000) {
  struct Step {
    std::string_view key;
    const nlohmann::json* value;
  };
  std::vector<Step> stack{{{}, &root}};
  size_t visited = 0;
  while (!stack.empty() && ++visited <= max_values) {
    const Step s = stack.back();
    stack.pop_back();
    if (s.value != &root && !visit(s.key, *s.value)) continue;
    const size_t mark = stack.size();
    if (s.value->is_object()) {
      for (auto it = s.value->begin(); it != s.value->end(); ++it)
        if (it.value().is_structured()) stack.push_back({it.key(), &it.value()});
    } else {
      for (const auto& v : *s.value)
        if (v.is_structured()) stack.push_back({{}, &v});
    }
    std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(mark), stack.end());
  }
}

// JSON accessors: the value when present and of the right type, else the fallback.
std::string jstr(const nlohmann::json& j, std::string_view key);
long long jint(const nlohmann::json& j, std::string_view key, long long fallback = 0);
bool jbool(const nlohmann::json& j, std::string_view key, bool fallback = false);
const nlohmann::json& jobj(const nlohmann::json& j, std::string_view key);  // null json when absent
const nlohmann::json& jarr(const nlohmann::json& j, std::string_view key);  // empty array when absent
// Numbers and numeric strings ("123") as text; "" otherwise.
std::string jid(const nlohmann::json& j, std::string_view key);

// A latitude or longitude given as a number or a numeric string (Pixelfed), finite and within
// [-180, 180]; nullopt otherwise.
std::optional<double> jcoordinate(const nlohmann::json& j, std::string_view key);

// Seconds since the epoch (number or numeric string) as a TimePoint.
std::optional<TimePoint> from_epoch(const nlohmann::json& v);

// The target of the first Link header entry with rel=`rel` (RFC 8288), resolved against `base`.
std::string link_header_target(const Page& page, std::string_view rel);

// `url` with query parameter `name` set to `value` (added or replaced; value percent-encoded).
std::string with_query_param(std::string_view url, std::string_view name, std::string_view value);
// The value of query parameter `name` in `url` (percent-decoded), or "".
std::string query_param(std::string_view url, std::string_view name);

// The http(s) URLs written in plain text or Markdown ("see https://jane.example/cv.", "[cv](https://…)"),
// in order, unique: a URL ends at whitespace, a quote or an angle bracket, at a closing bracket it
// did not open, and before trailing punctuation. Only what curl_url parses with a host is kept.
std::vector<std::string> urls_in_text(std::string_view text);

// "National Geographic (@natgeo)" -> {"National Geographic", "natgeo"}; a bare "natgeo" is a
// handle (Instagram and Threads titles and descriptions write people this way).
std::pair<std::string, std::string> name_and_handle(std::string_view s);

// The URL of the largest picture in a Meta candidates list (Instagram and Threads
// `image_versions2.candidates`, `hd_profile_pic_versions`: objects with url, width, height); "" if none.
std::string largest_candidate(const nlohmann::json& candidates);

// Adds the field (name, value) unless the value is empty or the item already has that pair.
void add_field_once(Item& item, std::string name, std::string value);

// Adds a media entry unless its URL is already there (then fills a missing alt).
void add_media(Item& item, std::string url, std::string type, std::string alt);

// One Meta api/v1 media object (Instagram and Threads posts and their carousel_media parts): its
// largest picture and its video file, both with the part's accessibility caption as alt text.
void add_meta_media(Item& item, const nlohmann::json& media);

// The Comment nodes of a page's JSON-LD (a posting's `comment`: text, author, date, no ids) as
// comment items answering `post`, each once and as visible as it, at most 1000. `person` names a
// comment's author in the platform's terms. The id is "<post.platform>:comment:" and a digest of
// the author's name and handle, the date and the text, so a comment keeps it whatever its place
// in the list and whichever country host the page was read on.
std::vector<Item> jsonld_comment_items(const JsonLdResult& ld, const Page& page, const ParseOutput& out, const Item& post,
                                       const std::function<Person(const JsonLdRef&)>& person);

}  // namespace exposcan
