#include "parsers/platforms/activitypub.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/html_dates.h"
#include "parsers/html_fragment.h"
#include "parsers/platforms/platform_common.h"
#include "parsers/registry.h"

namespace exposcan {
namespace {

using nlohmann::json;

constexpr size_t k_max_objects = 2000;

bool is_public_address(const json& v) {
  if (!v.is_string()) return false;
  const std::string& s = v.get_ref<const std::string&>();
  return s == "https://www.w3.org/ns/activitystreams#Public" || s == "as:Public" || s == "Public";
}

std::vector<json> as_list(const json& v) {
  if (v.is_array()) return std::vector<json>(v.begin(), v.end());
  if (v.is_null()) return {};
  return {v};
}

bool addressed_public(const json& list) {
  for (const auto& v : as_list(list))
    if (is_public_address(v)) return true;
  return false;
}

// A string or {"href"/"url"} object or an array of them: the first URL.
std::string first_url(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) {
    if (std::string h = jstr(v, "href"); !h.empty()) return h;
    if (v.contains("url")) return first_url(v["url"]);
  }
  if (v.is_array())
    for (const auto& x : v)
      if (std::string u = first_url(x); !u.empty()) return u;
  return {};
}

std::string type_of(const json& v) {
  if (!v.is_object() || !v.contains("type")) return {};
  if (v["type"].is_string()) return v["type"].get<std::string>();
  if (v["type"].is_array() && !v["type"].empty() && v["type"][0].is_string()) return v["type"][0].get<std::string>();
  return {};
}

bool is_actor_type(std::string_view t) {
  return t == "Person" || t == "Service" || t == "Application" || t == "Group" || t == "Organization";
}

bool is_object_type(std::string_view t) {
  return t == "Note" || t == "Article" || t == "Page" || t == "Question" || t == "Image" || t == "Video" ||
         t == "Audio" || t == "Event";
}

std::string host_of(std::string_view url) {
  auto u = Url::parse(url);
  return u ? u->host() : std::string();
}

// Text content: `content`, else the first value of `contentMap`.
std::string content_html(const json& o) {
  if (std::string c = jstr(o, "content"); !c.empty()) return c;
  const json& map = jobj(o, "contentMap");
  for (auto it = map.begin(); it != map.end(); ++it)
    if (it->is_string()) return it->get<std::string>();
  return {};
}

struct Ctx {
  const Page& page;
  ParseOutput& out;
  std::string platform;
};

Item actor_item(const json& a, Ctx& ctx) {
  Item p = platform_item(ctx.page, ctx.out, ctx.platform);
  p.kind = ItemKind::profile;
  std::string id = jstr(a, "id");
  std::string user = jstr(a, "preferredUsername");
  std::string host = host_of(id);
  p.id = ctx.platform + ":" + host + ":account:" + (user.empty() ? id : user);
  p.url = first_url(a.contains("url") ? a["url"] : json(id));
  if (p.url.empty()) p.url = id;
  p.extractor = "activitypub";
  p.title = jstr(a, "name");
  p.author = {user.empty() ? std::string() : "@" + user + "@" + host, p.title, p.url};
  HtmlFragment bio = parse_html_fragment(jstr(a, "summary"), p.url);
  p.text = bio.text;
  for (const auto& l : bio.links) p.links.push_back(l);
  for (const auto& att : as_list(a.contains("attachment") ? a["attachment"] : json())) {
    if (type_of(att) != "PropertyValue") continue;
    std::string name = jstr(att, "name");
    HtmlFragment v = parse_html_fragment(jstr(att, "value"), p.url);
    if (!name.empty()) p.fields.emplace_back(name, v.text);
    for (const auto& l : v.links) p.links.push_back(l);
  }
  if (a.contains("icon")) add_media(p, first_url(a["icon"]), "image", "avatar");
  if (a.contains("image")) add_media(p, first_url(a["image"]), "image", "header");
  if (auto t = normalize_datetime(jstr(a, "published"))) p.published_at = t;
  if (a.contains("discoverable") && a["discoverable"].is_boolean())
    p.fields.emplace_back("discoverable", a["discoverable"].get<bool>() ? "true" : "false");
  if (a.contains("indexable") && a["indexable"].is_boolean())
    p.fields.emplace_back("indexable", a["indexable"].get<bool>() ? "true" : "false");
  if (jbool(a, "manuallyApprovesFollowers")) p.fields.emplace_back("locked", "true");
  return p;
}

Item object_item(const json& o, const json& activity, Ctx& ctx) {
  Item it = platform_item(ctx.page, ctx.out, ctx.platform);
  std::string type = type_of(o);
  it.kind = type == "Video" ? ItemKind::video : type == "Image" ? ItemKind::photo
            : type == "Article" ? ItemKind::article : ItemKind::post;
  std::string id = jstr(o, "id");
  it.url = first_url(o.contains("url") ? o["url"] : json(id));
  if (it.url.empty()) it.url = id;
  it.id = ctx.platform + ":" + host_of(id) + ":status:" + (id.empty() ? it.url : last_path_segment(id));
  it.extractor = "activitypub";
  it.title = jstr(o, "name");
  std::string cw = jstr(o, "summary");
  if (!cw.empty()) it.fields.emplace_back("content_warning", html_to_text(cw));
  HtmlFragment f = parse_html_fragment(content_html(o), it.url);
  it.text = f.text;
  it.links = f.links;
  for (auto& m : f.images) add_media(it, m.url, m.type, m.alt);
  for (const auto& att : as_list(o.contains("attachment") ? o["attachment"] : json())) {
    std::string mt = jstr(att, "mediaType");
    std::string kind = istarts_with(mt, "video/") ? "video" : istarts_with(mt, "audio/") ? "audio" : "image";
    add_media(it, first_url(att.contains("url") ? att["url"] : json()), kind, jstr(att, "name"));
  }
  for (const auto& tag : as_list(o.contains("tag") ? o["tag"] : json())) {
    std::string name = jstr(tag, "name");
    if (type_of(tag) == "Hashtag" && !name.empty()) it.tags.push_back(name[0] == '#' ? name.substr(1) : name);
    if (type_of(tag) == "Mention" && !name.empty()) it.fields.emplace_back("mention", name);
  }
  if (o.contains("location") && o["location"].is_object()) {
    const json& loc = o["location"];
    Geo g;
    g.name = jstr(loc, "name");
    if (loc.contains("latitude") && loc["latitude"].is_number()) {
      g.lat = loc["latitude"].get<double>();
      if (loc.contains("longitude") && loc["longitude"].is_number()) g.lon = loc["longitude"].get<double>();
    }
    it.geo = g;
  }
  if (auto t = normalize_datetime(jstr(o, "published"))) it.published_at = t;
  if (auto t = normalize_datetime(jstr(o, "updated"))) it.updated_at = t;
  std::string actor = jstr(o, "attributedTo");
  if (actor.empty()) actor = jstr(activity, "actor");
  it.author.url = actor;
  if (!actor.empty()) it.author.handle = "@" + last_path_segment(actor) + "@" + host_of(actor);
  it.parent_id = jstr(o, "inReplyTo");
  if (it.visibility == Visibility::public_) it.visibility = activitypub_visibility(o.contains("to") ? o : activity);
  if (std::string lang = [&] {
        const json& map = jobj(o, "contentMap");
        return map.empty() ? std::string() : map.begin().key();
      }();
      !lang.empty())
    it.language = lang;
  if (jbool(o, "sensitive")) it.fields.emplace_back("sensitive", "true");
  return it;
}

void add_next(const json& v, Ctx& ctx) {
  std::string next = v.is_string() ? v.get<std::string>() : jstr(v, "id");
  if (!next.empty()) ctx.out.links.push_back({next, "next", "next"});
}

void read_collection(const json& c, Ctx& ctx) {
  for (const char* key : {"orderedItems", "items"}) {
    for (const auto& entry : jarr(c, key)) {
      if (ctx.out.items.size() >= k_max_objects) return;
      std::string t = type_of(entry);
      if (t == "Create" || t == "Update") {
        const json& o = jobj(entry, "object");
        if (!o.is_null() && is_object_type(type_of(o))) ctx.out.items.push_back(object_item(o, entry, ctx));
      } else if (t == "Announce") {
        // A boost: someone else's post shared by this actor; the link is what is exposed.
        std::string obj = entry.contains("object") && entry["object"].is_string() ? entry["object"].get<std::string>() : std::string();
        Item it = platform_item(ctx.page, ctx.out, ctx.platform);
        it.kind = ItemKind::link;
        it.id = ctx.platform + ":announce:" + jstr(entry, "id");
        it.url = obj;
        it.extractor = "activitypub";
        it.links.push_back(obj);
        if (auto ts = normalize_datetime(jstr(entry, "published"))) it.published_at = ts;
        it.visibility = activitypub_visibility(entry);
        if (!obj.empty()) ctx.out.items.push_back(std::move(it));
      } else if (is_object_type(t)) {
        ctx.out.items.push_back(object_item(entry, json::object(), ctx));
      }
    }
  }
  if (c.contains("first") && !c.contains("orderedItems") && !c.contains("items")) {
    if (c["first"].is_object()) read_collection(c["first"], ctx);
    else add_next(c["first"], ctx);
  }
  if (c.contains("next")) add_next(c["next"], ctx);
}

}  // namespace

Visibility activitypub_visibility(const json& o) {
  json to = o.contains("to") ? o["to"] : json();
  json cc = o.contains("cc") ? o["cc"] : json();
  if (addressed_public(to)) return Visibility::public_;
  if (addressed_public(cc)) return Visibility::unlisted;
  return Visibility::followers;  // followers-only or direct: not public either way
}

bool looks_like_activitypub(const json& doc) {
  if (!doc.is_object()) return false;
  if (doc.contains("@context")) {
    std::string ctx = doc["@context"].dump();
    if (ctx.find("activitystreams") != std::string::npos) return true;
  }
  std::string t = type_of(doc);
  return is_actor_type(t) || t == "OrderedCollection" || t == "OrderedCollectionPage" || t == "Collection" ||
         t == "CollectionPage";
}

ParseOutput parse_activitypub_json(const Page& page) {
  ParseOutput out;
  json doc = parse_json_page(page, out);
  if (doc.is_discarded() || !doc.is_object()) return out;
  std::string url = page.final_url.empty() ? page.url : page.final_url;
  std::string platform = platform_for_host(host_of(url));
  Ctx ctx{page, out, platform == "web" ? "activitypub" : platform};
  std::string t = type_of(doc);
  if (is_actor_type(t)) {
    out.items.push_back(actor_item(doc, ctx));
    if (std::string outbox = jstr(doc, "outbox"); !outbox.empty()) out.links.push_back({outbox, "api", "outbox"});
  } else if (t == "Create" || t == "Announce") {
    json wrapper = {{"orderedItems", json::array({doc})}};
    read_collection(wrapper, ctx);
  } else if (is_object_type(t)) {
    out.items.push_back(object_item(doc, json::object(), ctx));
  } else {
    read_collection(doc, ctx);
  }
  return out;
}

}  // namespace exposcan
