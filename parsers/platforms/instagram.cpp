#include "parsers/platforms/instagram.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/generic_html.h"
#include "parsers/html_dates.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan {
namespace {

using nlohmann::json;

const std::string k_instagram_origin = "https://www.instagram.com";

std::string str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

// og:description of a post: `143 likes, 19 comments - jane on May 17, 2026: "Caption". `; older
// pages and the profile's <meta name=description> write `Jane (@jane) on Instagram: “Caption”`.
std::string caption_from_description(const std::string& d) {
  // Whichever opening quote comes first: a straight-quoted caption may contain curly quotes and
  // the other way round.
  const size_t straight = d.find(": \""), curly = d.find(": \u201c");
  const bool use_curly = curly != std::string::npos && (straight == std::string::npos || curly < straight);
  const std::string_view open_quote = use_curly ? ": \u201c" : ": \"";
  const std::string_view close_quote = use_curly ? "\u201d" : "\"";
  const size_t open = use_curly ? curly : straight;
  const size_t close = d.rfind(close_quote);
  if (open == std::string::npos || close == std::string::npos || close < open + open_quote.size()) return {};
  return d.substr(open + open_quote.size(), close - open - open_quote.size());
}

std::string date_from_description(const std::string& d) {
  size_t on = d.find(" on ");
  size_t colon = d.find(": \"");
  if (on == std::string::npos || colon == std::string::npos || colon < on) return {};
  return d.substr(on + 4, colon - on - 4);
}

// The part of `s` before `marker` ("" when it does not occur).
std::string text_before(std::string_view s, std::string_view marker) {
  size_t p = s.find(marker);
  return p == std::string_view::npos ? std::string() : std::string(s.substr(0, p));
}

// Post and reel permalinks: /p/CODE/, /reel/CODE/, /tv/CODE/, also under a user (/jane/p/CODE/).
bool is_post_path(std::string_view path) {
  auto parts = split(path, '/');
  for (size_t i = 1; i + 1 < parts.size(); ++i)
    if ((parts[i] == "p" || parts[i] == "reel" || parts[i] == "reels" || parts[i] == "tv") && !parts[i + 1].empty())
      return i <= 2;
  return false;
}

// One timeline node's picture (display_url, with its accessibility caption), its video file
// (video_url) and the users tagged in it; a carousel (GraphSidecar) lists its parts in
// edge_sidecar_to_children, each a node of the same shape.
void add_node_media(Item& it, const json& node) {
  add_media(it, str(node, "display_url"), "image", str(node, "accessibility_caption"));
  if (jbool(node, "is_video")) add_media(it, str(node, "video_url"), "video", str(node, "accessibility_caption"));
  for (const auto& e : jarr(jobj(node, "edge_media_to_tagged_user"), "edges"))
    if (std::string user = str(jobj(jobj(e, "node"), "user"), "username"); !user.empty())
      if (std::find(it.fields.begin(), it.fields.end(), std::pair<std::string, std::string>("tagged_user", user)) == it.fields.end())
        it.fields.emplace_back("tagged_user", user);
}

Item media_item(const json& node, const Page& page, const ParseOutput& out, const std::string& username) {
  Item it = platform_item(page, out, "instagram");
  std::string code = str(node, "shortcode");
  bool video = jbool(node, "is_video");
  it.kind = video ? ItemKind::video : ItemKind::post;
  it.id = "instagram:post:" + code;
  it.url = k_instagram_origin + "/p/" + code + "/";
  it.extractor = "instagram-json";
  it.author = {username, "", k_instagram_origin + "/" + username + "/"};
  for (const auto& e : jarr(jobj(node, "edge_media_to_caption"), "edges"))
    if (std::string text = str(jobj(e, "node"), "text"); !text.empty()) it.text += (it.text.empty() ? "" : "\n") + text;
  const json& children = jarr(jobj(node, "edge_sidecar_to_children"), "edges");
  if (children.empty()) add_node_media(it, node);
  for (const auto& e : children) add_node_media(it, jobj(e, "node"));
  if (it.media.empty()) add_media(it, str(node, "display_url"), "image", "");
  if (node.contains("taken_at_timestamp")) it.published_at = from_epoch(node["taken_at_timestamp"]);
  if (const json& loc = jobj(node, "location"); loc.is_object()) {
    // The timeline's location carries an id, name and slug only; coordinates when a shape has them.
    it.geo = Geo{jcoordinate(loc, "lat"), jcoordinate(loc, "lng"), str(loc, "name")};
    if (!it.geo->lat || !it.geo->lon) it.geo->lat = it.geo->lon = std::nullopt;
  }
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
  p.url = k_instagram_origin + "/" + username + "/";
  p.extractor = "instagram-json";
  p.author = {username, str(*user, "full_name"), p.url};
  p.title = str(*user, "full_name");
  p.text = str(*user, "biography");
  for (const char* key : {"external_url", "business_email", "business_phone_number", "category_name", "pronouns"})
    if (std::string v = str(*user, key); !v.empty()) p.fields.emplace_back(key, v);
  for (const json& pronoun : jarr(*user, "pronouns"))
    if (pronoun.is_string()) p.fields.emplace_back("pronouns", pronoun.get<std::string>());
  // business_address_json is a JSON document in a string: {"street_address", "zip_code", "city_name", ...}.
  if (std::string address = str(*user, "business_address_json"); !address.empty()) {
    json a = json::parse(address, nullptr, false);
    std::string joined;
    for (const char* key : {"street_address", "zip_code", "city_name", "region_name", "country_code"})
      if (std::string v = str(a, key); !v.empty()) joined += (joined.empty() ? "" : ", ") + v;
    if (!joined.empty()) p.fields.emplace_back("business_address", joined);
  }
  for (const char* edge : {"edge_followed_by", "edge_follow"})
    if (const json& count = jobj(*user, edge); count.contains("count") && count["count"].is_number())
      p.fields.emplace_back(std::string(edge) == "edge_follow" ? "following" : "followers", std::to_string(jint(count, "count")));
  if (std::string link = str(*user, "external_url"); !link.empty()) p.links.push_back(link);
  for (const json& link : jarr(*user, "bio_links"))
    if (std::string u = str(link, "url"); !u.empty() && std::find(p.links.begin(), p.links.end(), u) == p.links.end())
      p.links.push_back(u);
  std::string picture = str(*user, "profile_pic_url_hd");
  if (picture.empty()) picture = str(*user, "profile_pic_url");
  add_media(p, picture, "image", "");
  // A private account still shows its profile to everyone; only its posts need an accepted follow.
  if (jbool(*user, "is_private")) p.fields.emplace_back("is_private", "true");
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
  if (og_type == "profile" || (path.size() > 1 && !is_post_path(path) && og_type.empty())) {
    std::string username = last_path_segment(og_url);
    Item p = platform_item(page, out, "instagram");
    p.kind = ItemKind::profile;
    p.id = "instagram:account:" + username;
    p.url = og_url;
    p.extractor = "instagram-html";
    p.title = a.og.title();
    p.author = {username, name_and_handle(text_before(p.title, " \u2022 ")).first, og_url};
    if (const JsonLdNode* person = a.ld.first_of("Person")) {
      p.author.name = person->name;
      p.text = person->description;
    }
    // The bio is in <meta name=description>: `283M Followers, ... - Jane (@jane) on Instagram: "bio"`.
    if (p.text.empty()) p.text = caption_from_description(meta_named(a.scan, "description"));
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
      t.url = k_instagram_origin + "/p/" + code + "/";
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
  it.kind = og_type == "video" || path.find("/reel/") != std::string::npos || path.find("/reels/") != std::string::npos
                ? ItemKind::video
                : ItemKind::post;
  it.id = "instagram:post:" + code;
  it.url = og_url;
  it.extractor = "instagram-html";
  std::string desc = a.og.description();
  it.text = caption_from_description(desc);
  if (it.text.empty()) it.text = desc;
  if (auto t = normalize_datetime(date_from_description(desc))) it.published_at = t;
  for (const auto& img : a.og.images()) it.media.push_back({img.url, "image", img.alt});
  // `... - jane on May 17, 2026: "..."`, or (older pages) `Jane (@jane) on Instagram: “...”`.
  size_t dash = desc.find(" - ");
  size_t on = desc.find(" on ");
  std::string who;
  if (dash != std::string::npos && on != std::string::npos && on > dash) who = desc.substr(dash + 3, on - dash - 3);
  else if (size_t on_instagram = desc.find(" on Instagram"); on_instagram != std::string::npos) who = desc.substr(0, on_instagram);
  auto [name, handle] = name_and_handle(who);
  it.author.handle = handle;
  it.author.name = name;
  if (!handle.empty()) it.author.url = k_instagram_origin + "/" + handle + "/";
  out.items.push_back(std::move(it));
  return out;
}

}  // namespace exposcan
