#include "parsers/feeds.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "core/url.h"
#include "parsers/feeds_internal.h"
#include "parsers/html_dates.h"
#include "parsers/page_signals.h"
#include "parsers/platforms/platform_common.h"
#include "parsers/registry.h"
#include "parsers/xml_reader.h"

// JSON Feed 1.1 (jsonfeed.org) here; RSS in feeds_rss.cpp, Atom in feeds_atom.cpp, what they share
// in feeds_common.cpp.
namespace exposcan {
namespace feeds {
namespace {

using nlohmann::json;

std::string jstr(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

Person json_feed_author(const json& j) {
  const json* a = nullptr;
  if (j.contains("authors") && j["authors"].is_array() && !j["authors"].empty()) a = &j["authors"][0];
  else if (j.contains("author") && j["author"].is_object()) a = &j["author"];
  if (!a) return {};
  return {"", jstr(*a, "name"), jstr(*a, "url")};
}

void parse_json_feed(const json& doc, FeedContext& ctx) {
  ctx.feed_author = json_feed_author(doc);
  ctx.language = jstr(doc, "language");
  if (std::string next = jstr(doc, "next_url"); !next.empty()) ctx.out.links.push_back({resolve(ctx.base, next), "next", "next"});
  if (!doc.contains("items") || !doc["items"].is_array()) {
    ctx.out.errors.push_back("JSON Feed without an items array (JSON Feed 1.1: required)");
    return;
  }
  for (const auto& j : doc["items"]) {
    if (!j.is_object()) continue;
    if (entries_full(ctx)) break;
    Item it = entry_item(ctx);
    it.title = jstr(j, "title");
    std::string url = jstr(j, "url");
    if (!url.empty()) it.url = resolve(ctx.base, url);
    if (std::string ext = jstr(j, "external_url"); !ext.empty()) it.links.push_back(resolve(ctx.base, ext));
    std::string html = jstr(j, "content_html");
    if (!html.empty()) apply_html(it, html, it.url.empty() ? ctx.base : it.url);
    if (it.text.empty()) it.text = jstr(j, "content_text");
    if (std::string summary = jstr(j, "summary"); !summary.empty()) {
      if (it.text.empty()) it.text = summary;
      else it.fields.emplace_back("summary", summary);
    }
    if (it.text.empty()) it.text = it.title;
    for (const char* k : {"image", "banner_image"})
      if (std::string img = jstr(j, k); !img.empty()) add_media(it.media, resolve(ctx.base, img), "image", "");
    if (j.contains("attachments") && j["attachments"].is_array())
      for (const auto& a : j["attachments"])
        add_media(it.media, resolve(ctx.base, jstr(a, "url")), media_type_of(jstr(a, "mime_type"), "", jstr(a, "url")), jstr(a, "title"));
    if (auto t = normalize_datetime(jstr(j, "date_published"))) it.published_at = t;
    if (auto t = normalize_datetime(jstr(j, "date_modified"))) it.updated_at = t;
    it.author = json_feed_author(j);
    if (j.contains("authors") && j["authors"].is_array())  // co-authors (the first is the author)
      for (size_t k = 1; k < j["authors"].size(); ++k)
        if (std::string who = jstr(j["authors"][k], "name").empty() ? jstr(j["authors"][k], "url") : jstr(j["authors"][k], "name");
            !who.empty())
          it.fields.emplace_back("co_author", who);
    if (j.contains("tags") && j["tags"].is_array())
      for (const auto& t : j["tags"])
        if (t.is_string()) add_tag(it, t.get<std::string>());
    if (std::string lang = jstr(j, "language"); !lang.empty()) it.language = lang;
    std::string id = j.contains("id") ? (j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump()) : std::string();
    finish(it, ctx, id, "jsonfeed");
  }
}

}  // namespace
}  // namespace feeds

const std::vector<std::string>& well_known_feed_paths() {
  static const std::vector<std::string> k = {"/feed", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json"};
  return k;
}

ParseOutput parse_feed(const Page& page, std::string_view platform) {
  using namespace feeds;
  ParseOutput out;
  std::string url = page.final_url.empty() ? page.url : page.final_url;
  out.signals = std::make_shared<PageSignals>(extract_page_signals(HtmlScan{}, page.headers, url, &out.errors));
  FeedContext ctx{page, out, platform.empty() ? platform_for_host(host_of(url)) : std::string(platform), url, {}, {}, {}, {}};
  if (page.truncated) out.errors.push_back("feed body is cut off (at the size cap or in the capture); later entries are missing");
  switch (sniff_feed(page.body)) {
    case FeedFormat::json_feed: {
      json doc = json::parse(page.body, nullptr, false);
      if (doc.is_discarded() || !doc.is_object()) {
        out.errors.push_back("invalid JSON Feed from " + url);
        return out;
      }
      parse_json_feed(doc, ctx);
      return out;
    }
    case FeedFormat::rss:
    case FeedFormat::atom:
    case FeedFormat::rdf: {
      XmlDocument doc = parse_xml(page.body);
      for (auto& e : doc.errors) out.errors.push_back(std::move(e));
      if (doc.root.children.empty()) return out;
      if (doc.root.children.front().is(ns::atom03, "feed")) upgrade_atom03(doc.root.children.front(), out.errors);
      const XmlElement* root = doc.document_element();
      if (root->is(ns::atom, "feed")) parse_atom(*root, ctx, page.body);
      else if (root->is(ns::atom, "entry")) parse_atom_entry_document(*root, ctx, page.body);
      else if (root->name == "feed") out.errors.push_back("feed format not supported (namespace '" + root->ns + "'): " + url);
      else {
        fold_rss_name_case(doc.root.children.front());
        parse_rss(*root, ctx, page.body);
      }
      return out;
    }
    case FeedFormat::none: out.errors.push_back("not a feed: " + url); return out;
  }
  return out;
}

}  // namespace exposcan
