#include "parsers/platforms/instagram.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <set>

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
    add_field_once(it, "tagged_user", str(jobj(jobj(e, "node"), "user"), "username"));
}

// Collaboration posts name their other authors (`coauthor_producers`, in both node shapes).
void add_coauthors(Item& it, const json& node) {
  for (const json& co : jarr(node, "coauthor_producers")) add_field_once(it, "coauthor", str(co, "username"));
}

// A GraphQL media node (web_profile_info's timeline, `shortcode_media`). `username` is the account
// whose timeline lists it: the node's owner when it names none. A collaboration post in someone's
// grid is its owner's.
Item media_item(const json& node, const Page& page, const ParseOutput& out, const std::string& username) {
  Item it = platform_item(page, out, "instagram");
  std::string code = str(node, "shortcode");
  bool video = jbool(node, "is_video");
  it.kind = video ? ItemKind::video : ItemKind::post;
  it.id = "instagram:post:" + code;
  it.url = k_instagram_origin + "/p/" + code + "/";
  it.extractor = "instagram-json";
  const json& owner = jobj(node, "owner");
  std::string author = str(owner, "username");
  if (author.empty()) author = username;
  it.author = {author, str(owner, "full_name"), k_instagram_origin + "/" + author + "/"};
  add_coauthors(it, node);
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

// One api/v1 media part (the post itself, or one of its carousel_media): the largest picture with
// its accessibility caption, the video file, the users tagged in it.
void add_v1_part(Item& it, const json& m) {
  add_meta_media(it, m);
  for (const json& tag : jarr(jobj(m, "usertags"), "in")) add_field_once(it, "tagged_user", jstr(jobj(tag, "user"), "username"));
}

// An api/v1 media object (/api/v1/feed/user/, /api/v1/media/<id>/info/ and the web's xdt_api__v1__*
// GraphQL answers): credited to its `user`; a private account's media need an accepted follow.
Item v1_media_item(const json& m, const Page& page, const ParseOutput& out) {
  Item it = platform_item(page, out, "instagram");
  std::string code = jstr(m, "code");
  if (code.empty()) code = jid(m, "pk");
  it.id = "instagram:post:" + code;
  it.url = k_instagram_origin + "/p/" + code + "/";
  it.extractor = "instagram-json";
  it.kind = jint(m, "media_type") == 2 ? ItemKind::video : ItemKind::post;
  const json& user = jobj(m, "user");
  if (std::string username = jstr(user, "username"); !username.empty())
    it.author = {username, jstr(user, "full_name"), k_instagram_origin + "/" + username + "/"};
  it.text = jstr(jobj(m, "caption"), "text");
  if (m.contains("taken_at")) it.published_at = from_epoch(m["taken_at"]);
  const json& carousel = jarr(m, "carousel_media");
  for (const json& part : carousel) add_v1_part(it, part);
  if (carousel.empty()) add_v1_part(it, m);
  add_coauthors(it, m);
  // The place: its name and point, the point also on the media item itself.
  const json& loc = jobj(m, "location");
  auto lat = jcoordinate(loc, "lat"), lng = jcoordinate(loc, "lng");
  if (!lat || !lng) lat = jcoordinate(m, "lat"), lng = jcoordinate(m, "lng");
  if (!lat || !lng) lat = lng = std::nullopt;
  if (std::string name = jstr(loc, "name"); !name.empty() || lat) it.geo = Geo{lat, lng, name};
  if (jbool(user, "is_private")) it.visibility = Visibility::followers;
  return it;
}

// One comment under a post: GraphQL's {id, text, created_at, owner{username}} or api/v1's {pk,
// text, created_at, user{username, full_name}}; an item of its writer answering `parent_id`, as
// visible as the post.
struct PostRef {
  std::string id, url;
  Visibility visibility;
};

std::optional<Item> ig_comment_item(const json& c, const PostRef& post, const std::string& parent_id, const Page& page,
                                 const ParseOutput& out) {
  std::string id = jid(c, "id");
  if (id.empty()) id = jid(c, "pk");
  const std::string text = jstr(c, "text");
  if (id.empty() || text.empty()) return std::nullopt;
  Item it = platform_item(page, out, "instagram");
  it.kind = ItemKind::comment;
  it.id = "instagram:comment:" + id;
  it.url = post.url + "c/" + id + "/";
  it.extractor = "instagram-json";
  it.text = text;
  it.parent_id = parent_id;
  const json& user = c.contains("owner") ? jobj(c, "owner") : jobj(c, "user");
  if (std::string username = jstr(user, "username"); !username.empty())
    it.author = {username, jstr(user, "full_name"), k_instagram_origin + "/" + username + "/"};
  if (c.contains("created_at")) it.published_at = from_epoch(c["created_at"]);
  it.visibility = post.visibility;
  return it;
}

// The comments of one post, each once, at most k_max_comments of them.
constexpr size_t k_max_comments = 1000;

class CommentReader {
 public:
  CommentReader(const PostRef& post, const Page& page, ParseOutput& out) : m_post(post), m_page(page), m_out(out) {}

  // Adds the comment (and the replies api/v1 previews under it); returns its item id, "" if none.
  std::string add(const json& c, const std::string& parent) {
    if (m_seen.size() >= k_max_comments) return {};
    std::optional<Item> it = ig_comment_item(c, m_post, parent, m_page, m_out);
    if (!it || !m_seen.insert(it->id).second) return {};
    std::string id = it->id;
    m_out.items.push_back(std::move(*it));
    for (const json& r : jarr(c, "preview_child_comments")) add(r, id);
    return id;
  }

  // GraphQL's edge_media_to_parent_comment (older: edge_media_to_comment,
  // edge_media_preview_comment) with edge_threaded_comments; api/v1's preview_comments and
  // comments; the web's comments connection (edges of api/v1 comments).
  void add_all(const json& m) {
    for (const char* edge : {"edge_media_to_parent_comment", "edge_media_to_comment", "edge_media_preview_comment"})
      for (const json& e : jarr(jobj(m, edge), "edges")) {
        const json& node = jobj(e, "node");
        const std::string id = add(node, m_post.id);
        for (const json& r : jarr(jobj(node, "edge_threaded_comments"), "edges"))
          if (!id.empty()) add(jobj(r, "node"), id);
      }
    for (const char* list : {"preview_comments", "comments"})
      for (const json& c : jarr(m, list)) add(c, m_post.id);
    for (const json& e : jarr(jobj(m, "xdt_api__v1__media__media_id__comments__connection"), "edges")) add(jobj(e, "node"), m_post.id);
  }

 private:
  const PostRef& m_post;
  const Page& m_page;
  ParseOutput& m_out;
  std::set<std::string> m_seen;
};

void add_comments(const json& m, const PostRef& post, const Page& page, ParseOutput& out) {
  CommentReader(post, page, out).add_all(m);
}

bool is_v1_media(const json& m) {
  return m.is_object() && (m.contains("code") || m.contains("pk")) &&
         (m.contains("image_versions2") || m.contains("carousel_media") || m.contains("video_versions") || m.contains("media_type"));
}

// The media lists a GraphQL `data` object or an api/v1 answer carries, in order.
std::vector<const json*> v1_media_of(const json& doc) {
  std::vector<const json*> found;
  auto take = [&](const json& m) {
    // XDTFeedItem and reels connections wrap the media one level deeper.
    const json& media = jobj(m, "media");
    if (is_v1_media(media)) found.push_back(&media);
    else if (is_v1_media(m)) found.push_back(&m);
  };
  const json& data = jobj(doc, "data");
  for (const char* key : {"xdt_api__v1__feed__user_timeline_graphql_connection", "xdt_api__v1__clips__user__connection_v2"})
    for (const json& e : jarr(jobj(data, key), "edges")) take(jobj(e, "node"));
  for (const json& m : jarr(jobj(data, "xdt_api__v1__media__shortcode__web_info"), "items")) take(m);
  for (const json& m : jarr(doc, "items")) take(m);
  return found;
}

// A GraphQL post answer: ?__a=1's graphql.shortcode_media, PolarisPostRootQuery's xdt_shortcode_media.
const json* shortcode_media_of(const json& doc) {
  const json& data = jobj(doc, "data");
  for (const json* m : {&jobj(jobj(doc, "graphql"), "shortcode_media"), &jobj(data, "xdt_shortcode_media"), &jobj(data, "shortcode_media")})
    if (m->contains("shortcode")) return m;
  return nullptr;
}

// The `data` objects of the GraphQL answers a post page embeds (data-sjs scripts), found by walking
// (the post query's answer sits ~12 deep).
void embedded_answers(const json& root, std::vector<const json*>& found) {
  auto is_answer = [](const json& j) {
    return j.is_object() && (j.contains("xdt_api__v1__media__shortcode__web_info") || j.contains("xdt_shortcode_media") ||
                             j.contains("xdt_api__v1__media__media_id__comments__connection"));
  };
  if (is_answer(root)) {
    found.push_back(&root);
    return;
  }
  walk_json(root, [&](std::string_view, const json& j) {
    if (!is_answer(j)) return true;
    found.push_back(&j);
    return false;
  });
}

// The account and the timeline it lists (web_profile_info's data.user, or the api/v1 user).
void add_account(const json* user, const Page& page, ParseOutput& out) {
  std::string username = str(*user, "username");
  Item p = platform_item(page, out, "instagram");
  p.kind = ItemKind::profile;
  p.id = "instagram:account:" + username;
  p.url = k_instagram_origin + "/" + username + "/";
  p.extractor = "instagram-json";
  p.author = {username, str(*user, "full_name"), p.url};
  p.title = str(*user, "full_name");
  p.text = str(*user, "biography");
  // Public contact options: GraphQL names (business_*) and api/v1 names (public_*, contact_*).
  for (const char* key : {"external_url", "business_email", "business_phone_number", "public_email", "contact_phone_number",
                          "category_name", "pronouns"})
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
  } else {
    std::string joined;
    for (const char* key : {"address_street", "zip", "city_name"})
      if (std::string v = str(*user, key); !v.empty()) joined += (joined.empty() ? "" : ", ") + v;
    if (!joined.empty()) p.fields.emplace_back("business_address", joined);
  }
  if (std::string number = str(*user, "public_phone_number"); !number.empty()) {
    std::string country = jid(*user, "public_phone_country_code");
    p.fields.emplace_back("public_phone_number", country.empty() ? number : "+" + country + " " + number);
  }
  for (const char* edge : {"edge_followed_by", "edge_follow"})
    if (const json& count = jobj(*user, edge); count.contains("count") && count["count"].is_number())
      p.fields.emplace_back(std::string(edge) == "edge_follow" ? "following" : "followers", std::to_string(jint(count, "count")));
  for (const char* key : {"follower_count", "following_count"})
    if (user->contains(key) && (*user)[key].is_number())
      p.fields.emplace_back(std::string(key) == "following_count" ? "following" : "followers", std::to_string(jint(*user, key)));
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
}

}  // namespace

// The posts of an answer (api/v1 media lists, a GraphQL post), each followed by its comments.
void add_posts(const json& doc, const Page& page, ParseOutput& out) {
  auto add = [&](const json& m, Item post) {
    const PostRef ref{post.id, post.url, post.visibility};
    out.items.push_back(std::move(post));
    add_comments(m, ref, page, out);
  };
  for (const json* m : v1_media_of(doc)) add(*m, v1_media_item(*m, page, out));
  if (const json* m = shortcode_media_of(doc)) add(*m, media_item(*m, page, out, ""));
}

ParseOutput parse_instagram_json(const Page& page) {
  ParseOutput out;
  json doc = parse_json_page(page, out);
  if (doc.is_discarded()) return out;
  // The account: web_profile_info and the profile query under data.user, /api/v1/users/<id>/info/ at the top.
  if (const json& u = jobj(jobj(doc, "data"), "user"); u.contains("username")) add_account(&u, page, out);
  else if (const json& v1 = jobj(doc, "user"); v1.contains("username")) add_account(&v1, page, out);
  add_posts(doc, page, out);
  return out;
}

// An Instagram person in JSON-LD: {"alternateName": "@jane", "mainEntityofPage": {"@id": profile URL}}.
Person jsonld_person(const JsonLdRef& r) {
  std::string handle = r.alternate_name.rfind('@', 0) == 0 ? r.alternate_name.substr(1) : r.alternate_name;
  std::string url = r.url;
  if (url.empty() && !handle.empty()) url = k_instagram_origin + "/" + handle + "/";
  return {handle, r.name, url};
}

// The JSON-LD a post page carries (ImageObject / VideoObject with `caption`, `uploadDate`,
// `contentLocation`, `accessibilityCaption`, the author): the whole caption where the
// og:description quotes the start of it, the exact time where it gives the day, the place.
void add_post_jsonld(const HtmlAnalysis& a, Item& it) {
  const JsonLdNode* n = nullptr;
  for (std::string_view type : {"ImageObject", "VideoObject", "SocialMediaPosting"})
    for (const JsonLdNode& node : a.ld.nodes)
      if (!n && !node.nested && node.is(type)) n = &node;
  if (!n) return;
  std::string caption = !n->caption.empty() ? n->caption : !n->body.empty() ? n->body : n->description;
  if (caption.size() > it.text.size()) it.text = std::move(caption);
  if (auto t = normalize_datetime(n->date_published)) it.published_at = t;
  if (!n->authors.empty() && it.author.handle.empty()) it.author = jsonld_person(n->authors[0]);
  if (n->location && !it.geo) it.geo = Geo{n->location->lat, n->location->lon, n->location->name};
  std::string alt;
  if (auto c = n->raw.find("accessibilityCaption"); c != n->raw.end() && c->is_string()) alt = c->get<std::string>();
  for (const JsonLdImage& img : n->images) add_media(it, img.url, "image", alt.empty() ? img.caption : alt);
  if (n->is("VideoObject") && !n->content_url.empty()) add_media(it, n->content_url, "video", alt);
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
  // A post page. Logged-out pages embed the post query's answer (data-sjs scripts): every picture
  // with its alt text, the place's point, tagged users and the exact time, which OpenGraph lacks.
  std::string code = last_path_segment(og_url);
  bool embedded_post = false;
  for (HtmlNode script : a.document->find_all("script")) {
    if (ascii_lower(script.attr_or("type")) != "application/json") continue;
    std::string text;
    for (HtmlNode c = script.first_child(); c; c = c.next_sibling())
      if (c.is_text()) text += c.text();
    if (text.find("shortcode") == std::string::npos && text.find("\"code\"") == std::string::npos &&
        text.find("comments__connection") == std::string::npos)
      continue;
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) continue;
    std::vector<const json*> answers;
    embedded_answers(doc, answers);
    for (const json* data : answers) {
      json wrapped = {{"data", *data}};
      add_posts(wrapped, page, out);
      // The comments come in an answer of their own (no post in it): they answer this page's post.
      if (data->contains("xdt_api__v1__media__media_id__comments__connection") && !code.empty()) {
        PostRef post{"instagram:post:" + code, std::string(k_instagram_origin) + "/p/" + code + "/", Visibility::public_};
        for (const Item& it : out.items)
          if (it.id == post.id) post = {it.id, it.url, it.visibility};
        add_comments(*data, post, page, out);
      }
    }
  }
  for (const Item& it : out.items) embedded_post = embedded_post || it.id == "instagram:post:" + code;
  if (embedded_post) return out;
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
  add_post_jsonld(a, it);
  std::vector<Item> comments = jsonld_comment_items(a.ld, page, out, it, jsonld_person);
  out.items.push_back(std::move(it));
  for (Item& c : comments) out.items.push_back(std::move(c));
  return out;
}

}  // namespace exposcan
