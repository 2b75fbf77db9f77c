#include "parsers/platforms/instagram.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "core/url.h"
#include "parsers/generic_html.h"
#include "parsers/html_dates.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan {
namespace {

using nlohmann::json;

const std::string k_base = "https://www.instagram.com";

std::string str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// og:description of a post: `143 likes, 19 comments - jane on May 17, 2026: "Caption". `
std::string caption_from_description(const std::string& d) {
  size_t open = d.find(": \"");
  size_t close = d.rfind('"');
  if (open == std::string::npos || close == std::string::npos || close <= open + 3) return {};
  return d.substr(open + 3, close - open - 3);
}

std::string date_from_description(const std::string& d) {
  size_t on = d.find(" on ");
  size_t colon = d.find(": \"");
  if (on == std::string::npos || colon == std::string::npos || colon < on) return {};
  return d.substr(on + 4, colon - on - 4);
}

Item media_item(const json& node, const Page& page, const ParseOutput& out, const std::string& username) {
  Item it = platform_item(page, out, "instagram");
  std::string code = str(node, "shortcode");
  bool video = jbool(node, "is_video");
  it.kind = video ? ItemKind::video : ItemKind::post;
  it.id = "instagram:post:" + code;
  it.url = k_base + "/p/" + code + "/";
  it.extractor = "instagram-json";
  it.author = {username, "", k_base + "/" + username + "/"};
  if (node.contains("edge_media_to_caption"))
    for (const auto& e : jarr(jobj(node, "edge_media_to_caption"), "edges"))
      if (e.contains("node")) it.text += (it.text.empty() ? "" : "\n") + str(e["node"], "text");
  it.media.push_back({str(node, "display_url"), video ? "video" : "image", str(node, "accessibility_caption")});
  if (node.contains("taken_at_timestamp")) it.published_at = from_epoch(node["taken_at_timestamp"]);
  if (node.contains("location") && node["location"].is_object()) {
    Geo g;
    g.name = str(node["location"], "name");
    if (node["location"].contains("lat") && node["location"]["lat"].is_number()) {
      g.lat = node["location"]["lat"].get<double>();
      if (node["location"].contains("lng") && node["location"]["lng"].is_number()) g.lon = node["location"]["lng"].get<double>();
    }
    it.geo = g;
  }
  if (node.contains("edge_media_to_tagged_user"))
    for (const auto& e : jarr(jobj(node, "edge_media_to_tagged_user"), "edges"))
      if (e.contains("node") && e["node"].contains("user"))
        it.fields.emplace_back("tagged_user", str(e["node"]["user"], "username"));
  return it;
}

}  // namespace

ParseOutput parse_instagram_json(const Page& page) {
  ParseOutput out;
  json doc = parse_json_page(page, out);
  if (doc.is_discarded()) return out;
  const json* user = nullptr;
  if (doc.contains("data") && doc["data"].is_object() && doc["data"].contains("user") && doc["data"]["user"].is_object())
    user = &doc["data"]["user"];
  if (!user) return out;
  std::string username = str(*user, "username");
  Item p = platform_item(page, out, "instagram");
  p.kind = ItemKind::profile;
  p.id = "instagram:account:" + username;
  p.url = k_base + "/" + username + "/";
  p.extractor = "instagram-json";
  p.author = {username, str(*user, "full_name"), p.url};
  p.title = str(*user, "full_name");
  p.text = str(*user, "biography");
  for (const char* key : {"external_url", "business_email", "business_phone_number", "category_name", "pronouns"}) {
    if ((*user).contains(key) && (*user)[key].is_string() && !(*user)[key].get<std::string>().empty())
      p.fields.emplace_back(key, (*user)[key].get<std::string>());
  }
  if (!str(*user, "profile_pic_url").empty()) p.media.push_back({str(*user, "profile_pic_url"), "image", ""});
  if (jbool(*user, "is_private")) p.visibility = Visibility::followers;
  out.items.push_back(std::move(p));
  for (const char* edge : {"edge_owner_to_timeline_media", "edge_felix_video_timeline"}) {
    if (!user->contains(edge) || !(*user)[edge].is_object()) continue;
    for (const auto& e : jarr((*user)[edge], "edges"))
      if (e.contains("node") && e["node"].is_object()) {
        Item it = media_item(e["node"], page, out, username);
        if (jbool(*user, "is_private")) it.visibility = Visibility::followers;
        out.items.push_back(std::move(it));
      }
  }
  return out;
}

ParseOutput parse_instagram_html(const Page& page) {
  HtmlAnalysis a = analyze_html(page);
  ParseOutput out = std::move(a.output);
  if (!a.document) return out;
  std::string og_type = a.og.first("og:type");
  std::string og_url = a.og.first("og:url").empty() ? a.page_url : a.og.first("og:url");
  auto u = Url::parse(og_url);
  std::string path = u ? u->path() : "";
  if (og_type == "profile" || (path.size() > 1 && path.rfind("/p/", 0) != 0 && og_type.empty())) {
    std::string username = last_path_segment(og_url);
    Item p = platform_item(page, out, "instagram");
    p.kind = ItemKind::profile;
    p.id = "instagram:account:" + username;
    p.url = og_url;
    p.extractor = "instagram-html";
    p.title = a.og.title();
    p.author = {username, "", og_url};
    if (const JsonLdNode* person = a.ld.first_of("Person")) {
      p.author.name = person->name;
      p.text = person->description;
    }
    if (p.text.empty()) p.text = a.og.description();
    p.fields.emplace_back("counts", a.og.description());
    for (const auto& img : a.og.images()) p.media.push_back({img.url, "image", img.alt});
    out.items.push_back(std::move(p));
    // Post tiles: /p/<code>/ anchors with the image's accessibility caption.
    for (const auto& anchor : a.links.anchors) {
      auto au = Url::parse(anchor.url);
      if (!au || au->path().rfind("/p/", 0) != 0) continue;
      std::string code = last_path_segment(anchor.url);
      Item t = platform_item(page, out, "instagram");
      t.kind = ItemKind::photo;
      t.id = "instagram:post:" + code;
      t.url = k_base + "/p/" + code + "/";
      t.extractor = "instagram-html";
      t.author = {username, "", og_url};
      out.items.push_back(std::move(t));
    }
    // Pair tiles with the tile images (same document order).
    std::vector<const PageImage*> tile_images;
    for (const auto& img : a.links.images)
      if (img.url.find("/t51.29350-15/") != std::string::npos || img.alt.rfind("Photo by", 0) == 0) tile_images.push_back(&img);
    size_t k = 0;
    for (auto& it : out.items)
      if (it.kind == ItemKind::photo && k < tile_images.size()) {
        it.media.push_back({tile_images[k]->url, "image", tile_images[k]->alt});
        ++k;
      }
    return out;
  }
  // A post page.
  std::string code = last_path_segment(og_url);
  Item it = platform_item(page, out, "instagram");
  it.kind = og_type == "video" || path.rfind("/reel/", 0) == 0 ? ItemKind::video : ItemKind::post;
  it.id = "instagram:post:" + code;
  it.url = og_url;
  it.extractor = "instagram-html";
  std::string desc = a.og.description();
  it.text = caption_from_description(desc);
  if (it.text.empty()) it.text = desc;
  if (auto t = normalize_datetime(date_from_description(desc))) it.published_at = t;
  for (const auto& img : a.og.images()) it.media.push_back({img.url, "image", img.alt});
  size_t dash = desc.find(" - ");
  size_t on = desc.find(" on ");
  if (dash != std::string::npos && on != std::string::npos && on > dash) it.author.handle = desc.substr(dash + 3, on - dash - 3);
  out.items.push_back(std::move(it));
  return out;
}

}  // namespace exposcan
