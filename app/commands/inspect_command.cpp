// `exposcan inspect URL|FILE [--platform P] [--base-url U] [--format json|mf2]`: what one page yields.
//
// URL: fetched once as a user-directed request (no robots.txt check, redirects followed up to 10,
// body capped like a scan). FILE: a saved page, API response or feed (the base URL is --base-url,
// else the page's own canonical / og:url / "saved from" URL, else its file:// URL), or a HAR/WARC
// file / saved folder (every page in it). `--format json` (default) prints the parse result:
// items (visibility included), page signals, discovered links and parse errors — one object, or
// an array for multi-page sources. `--format mf2` prints exactly the microformats2 JSON of the page
// (keys items, rels, rel-urls; relative URLs resolved against --base-url), as the mf2 parsing
// specification defines it.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/commands/commands.h"
#include "app/commands/scan_flags.h"
#include "app/exit_codes.h"
#include "core/fs.h"
#include "core/hash.h"
#include "core/text.h"
#include "core/url.h"
#include "core/version.h"
#include "parsers/microformats.h"
#include "parsers/registry.h"
#include "reports/json_model.h"
#include "scanner/charset.h"
#include "scanner/http_client.h"
#include "scanner/offline_source.h"

namespace exposcan {
namespace {

using nlohmann::json;

struct InspectArgs {
  std::string source;
  std::string platform;
  std::string base_url;
  std::string format = "json";
  std::vector<std::string> connect_to;
  std::string cacert;
};

constexpr int k_max_redirects = 10;

// Fetches `url`, following redirects; the Page records the chain like the crawler does.
Page fetch_page(const InspectArgs& a, const std::string& url) {
  HttpClientOptions options;
  options.user_agent = k_user_agent;
  options.connect_to = a.connect_to;
  options.ca_file = a.cacert;
  Page page;
  page.url = url;
  page.user_directed = true;
  page.target = a.source;
  std::string current = url;
  for (int hop = 0;; ++hop) {
    HttpRequest req;
    req.url = current;
    req.allow_private_addresses = true;  // the user named this page
    HttpResponse r = HttpClient::fetch_sync(options, req);
    page.fetched_at = std::chrono::system_clock::now();
    if (r.status >= 300 && r.status < 400 && !r.redirect_url.empty() && hop < k_max_redirects) {
      page.redirects.push_back(current);
      current = r.redirect_url;
      continue;
    }
    page.final_url = current;
    page.status = r.status;
    page.http_version = r.http_version;
    page.remote_ip = r.remote_ip;
    page.headers = r.headers;
    page.truncated = r.truncated;
    page.error = r.error;
    std::string ct_header = page.header("content-type");
    page.content_type = sniff_media_type(media_type_of(ct_header), r.body);
    page.sha256 = sha256_hex(r.body);  // of the bytes as received, as the crawler does
    DecodedText d = decode_to_utf8(r.body, page.content_type, charset_param(ct_header));
    page.body = std::move(d.text);
    page.charset = d.charset;
    if (!page.error && (page.status < 200 || page.status >= 300))
      page.error = FetchError{"http_status", "HTTP " + std::to_string(page.status)};
    return page;
  }
}

std::string media_type_for_file(const std::filesystem::path& p) {
  std::string ext = ascii_lower(p.extension().string());
  if (ext == ".json") return "application/json";
  if (ext == ".xml" || ext == ".rss" || ext == ".atom") return "application/xml";
  if (ext == ".html" || ext == ".htm") return "text/html";
  return "";
}

Expected<std::vector<Page>> load_pages(const InspectArgs& a) {
  auto url = Url::parse(a.source);
  if (url && url->is_http() && !std::filesystem::exists(a.source)) return std::vector<Page>{fetch_page(a, url->str())};
  std::filesystem::path path(a.source);
  OfflineFormat format = offline_format(path);
  if (format == OfflineFormat::har || format == OfflineFormat::har_zip || format == OfflineFormat::warc ||
      format == OfflineFormat::html_folder) {
    auto load = load_offline(path);
    if (!load) return load.error();
    for (const auto& e : load->errors) fmt::print(stderr, "exposcan: {}\n", e);
    return std::move(load->pages);
  }
  auto text = read_file(path);
  if (!text) return make_error("usage", "inspect: cannot read " + a.source);
  Page page;
  page.status = 200;
  page.origin = PageOrigin::file;
  page.user_directed = true;
  page.target = a.source;
  page.content_type = sniff_media_type(media_type_for_file(path), *text);
  page.sha256 = sha256_hex(*text);  // of the file's bytes, as for `scan FILE`
  DecodedText d = decode_to_utf8(*text, page.content_type, "");
  page.body = std::move(d.text);
  page.charset = d.charset;
  std::string original = page.content_type == "text/html" ? saved_page_url(page.body) : std::string();
  std::error_code ec;
  page.url = !a.base_url.empty() ? a.base_url : !original.empty() ? original : "file://" + std::filesystem::absolute(path, ec).generic_string();
  page.final_url = page.url;
  return std::vector<Page>{std::move(page)};
}

json page_json(const Page& page, const ParseOutput& out) {
  json items = json::array();
  for (const auto& it : out.items) items.push_back(item_to_json(it));
  json links = json::array();
  for (const auto& l : out.links) links.push_back({{"url", l.url}, {"kind", l.kind}, {"rel", l.rel}});
  Item holder;
  holder.signals = out.signals;
  return {{"url", page.url},
          {"final_url", page.final_url},
          {"status", page.status},
          {"content_type", page.content_type},
          {"provenance", std::string(to_string(page.origin))},
          {"fetch_error", page.error ? json{{"code", page.error->code}, {"message", page.error->message}} : json(nullptr)},
          {"items", items},
          {"signals", item_to_json(holder)["signals"]},
          {"links", links},
          {"errors", out.errors}};
}

int run_inspect(const InspectArgs& a) {
  if (a.format != "json" && a.format != "mf2") return usage_error("inspect: --format must be json or mf2 (got '" + a.format + "')");
  if (!a.platform.empty()) {
    auto names = known_platforms();
    if (std::find(names.begin(), names.end(), a.platform) == names.end()) {
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
      return usage_error("inspect: unknown platform '" + a.platform + "' (known: " + list + ")");
    }
  }
  auto pages = load_pages(a);
  if (!pages) return usage_error(pages.error().message);
  if (a.format == "mf2") {
    if (pages->empty()) return usage_error("inspect: " + a.source + " holds no page");
    const Page& p = pages->front();
    std::string base = !a.base_url.empty() ? a.base_url : (p.final_url.rfind("file://", 0) == 0 ? std::string() : p.final_url);
    fmt::print("{}\n", mf2_json(p.body, base));
    return exit_code::k_ok;
  }
  json all = json::array();
  bool any_response = false;
  for (Page& page : *pages) {
    if (!a.base_url.empty() && page.origin != PageOrigin::live) page.url = page.final_url = a.base_url;
    any_response = any_response || page.status > 0;
    ParseOutput out = a.platform.empty() ? parse_page(page) : *parse_page_as(page, a.platform);
    all.push_back(page_json(page, out));
  }
  fmt::print("{}\n", pretty_json(all.size() == 1 ? all[0] : all));
  return any_response ? exit_code::k_ok : exit_code::k_incomplete;
}

}  // namespace

void register_inspect(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("inspect", "Show what one page (URL, saved file, HAR or WARC) yields: items, signals, visibility, parse errors (values as parsed, not redacted)");
  auto a = std::make_shared<InspectArgs>();
  cmd->add_option("source", a->source, "A URL, or a saved HTML/JSON/feed file, folder, HAR or WARC file")->required();
  cmd->add_option("--platform", a->platform, "Parse with this platform's adapter (mastodon, bluesky, reddit, ... or web)");
  cmd->add_option("--base-url", a->base_url, "The page's URL, for resolving relative links in a file");
  cmd->add_option("--format", a->format, "json (items, signals, errors) or mf2 (the microformats2 JSON)");
  cmd->add_option("--connect-to", a->connect_to, "HOST:PORT:ADDR:PORT, like curl --connect-to")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--cacert", a->cacert, "Trust only this CA bundle (PEM)");
  cmd->callback([a, &action] { action = [a] { return run_inspect(*a); }; });
}

}  // namespace exposcan
