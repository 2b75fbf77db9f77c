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

// The native id of an object from its IRI: the last path segment ("https://h/users/jane/statuses/1"
// -> "1"), or the whole IRI when its query identifies it (WordPress: "https://blog/?p=12") or
// there is no path segment.
std::string native_id(const std::string& iri) {
  auto u = Url::parse(iri);
  if (!u) return iri;
  if (!u->query().empty()) return iri;
  std::string last = last_path_segment(iri);
  return last.empty() ? iri : last;
}

// An actor reference: a string, an object with "id", or (PeerTube) a list of them, the Person first.
std::string actor_ref(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) return jstr(v, "id");
  if (v.is_array()) {
    std::string first;
    for (const auto& x : v) {
      std::string id = actor_ref(x);
      if (first.empty()) first = id;
      if (!id.empty() && x.is_object() && jstr(x, "type") == "Person") return id;
    }
    return first;
  }
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

// Text content: `content`, else the first value of `contentMap`.
std::string content_html(const json& o) {
  if (std::string c = jstr(o, "content"); !c.empty()) return c;
  const json& map = jobj(o, "contentMap");
  for (auto it = map.begin(); it != map.end(); ++it)
    if (it->is_string()) return it->get<std::string>();
  return {};
}

// "@user@host" from an actor IRI whose last path segment is the user name: Mastodon, Pleroma,
// Akkoma, GoToSocial, Pixelfed (/users/jane), PeerTube (/accounts/jane). WordPress names its
// actors by a query (/?author=1): no handle can be read from that, so none is made up. (Misskey
// and its forks use an internal id there; only the actor document has the preferredUsername:
// see author_handle.)
std::string actor_handle(const std::string& actor) {
  auto u = Url::parse(actor);
  if (!u || !u->query().empty()) return {};
  std::string user = last_path_segment(actor);
  if (user.empty() || user == u->host()) return {};
  return "@" + user + "@" + u->host();
}

// The handle of an embedded actor object (its preferredUsername), else as actor_handle().
std::string actor_handle(const json& ref) {
  std::string id = actor_ref(ref);
  if (ref.is_object())
    if (std::string user = jstr(ref, "preferredUsername"); !user.empty()) {
      std::string host = host_of(id);
      return host.empty() ? std::string() : "@" + user + "@" + host;
    }
  return actor_handle(id);
}

struct Ctx {
  const Page& page;
  ParseOutput& out;
  std::string platform;
  bool actor_ids = false;  // actor IRIs end in an internal id, not the user name (Misskey and forks)
};

// Misskey and its forks (Firefish, Sharkey, Iceshrimp) write _misskey_content/_misskey_summary and
// define their own terms in @context (the "misskey" prefix, _misskey_content, isCat); their actor
// IRIs are /users/<internal id>. Mastodon 4.4+ also names misskey-hub.net/ns in every Note's
// @context (only for "_misskey_quote", ContextHelper :quotes) and may write _misskey_quote, so
// neither of those says Misskey.
bool misskey_shaped(const json& j) {
  if (!j.is_object()) return false;
  if (j.contains("_misskey_content") || j.contains("_misskey_summary")) return true;
  if (!j.contains("@context")) return false;
  const std::string context = j["@context"].dump();
  return context.find("\"_misskey_content\"") != std::string::npos || context.find("\"isCat\"") != std::string::npos ||
         context.find("\"misskey\":") != std::string::npos;
}

// The author's "@user@host", unless the IRI names the actor by an internal id (then only an
// embedded preferredUsername gives the name; a made-up handle would be wrong).
std::string author_handle(const json& by, bool actor_ids) {
  if (actor_ids && !(by.is_object() && !jstr(by, "preferredUsername").empty())) return {};
  return actor_handle(by);
}

Item actor_item(const json& a, Ctx& ctx) {
  Item p = platform_item(ctx.page, ctx.out, ctx.platform);
  p.kind = ItemKind::profile;
  std::string id = jstr(a, "id");
  std::string user = jstr(a, "preferredUsername");
  std::string host = host_of(id);
  p.id = ctx.platform + ":" + host + ":account:" + (user.empty() ? id : user);
  // Threads' fediverse actor (threads.net/ap/users/<id>) is the same account its pages show.
  if (ctx.platform == "threads" && !user.empty()) p.id = "threads:account:" + user;
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
  if (jbool(a, "suspended")) {
    p.fields.emplace_back("suspended", "true");
    p.visibility = Visibility::blocked;
  }
  // The account's other homes: where it moved to, and the aliases it claims.
  if (std::string moved = actor_ref(a.contains("movedTo") ? a["movedTo"] : json()); !moved.empty()) {
    p.fields.emplace_back("moved_to", moved);
    p.links.push_back(moved);
  }
  for (const auto& alias : as_list(a.contains("alsoKnownAs") ? a["alsoKnownAs"] : json()))
    if (std::string aka = actor_ref(alias); !aka.empty()) {
      p.fields.emplace_back("also_known_as", aka);
      if (std::find(p.links.begin(), p.links.end(), aka) == p.links.end()) p.links.push_back(aka);
    }
  // Misskey and friends: vcard:bday / vcard:Address; Mobilizon / Streams: a location (Place or PostalAddress).
  if (std::string bday = jstr(a, "vcard:bday"); !bday.empty()) p.fields.emplace_back("birthday", bday);
  if (std::string address = jstr(a, "vcard:Address"); !address.empty()) p.fields.emplace_back("address", address);
  if (const json& loc = jobj(a, "location"); !loc.is_null()) {
    std::string place = jstr(loc, "name");
    const json& addr = jobj(loc, "address");
    std::string written;
    for (const char* key : {"streetAddress", "postalCode", "addressLocality", "addressRegion", "addressCountry"})
      if (std::string v = jstr(addr, key); !v.empty()) written += (written.empty() ? "" : ", ") + v;
    if (!place.empty()) p.fields.emplace_back("location", place);
    if (!written.empty()) p.fields.emplace_back("address", written);
  }
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
  it.id = ctx.platform + ":" + host_of(id) + ":status:" + (id.empty() ? it.url : native_id(id));
  it.extractor = "activitypub";
  it.title = jstr(o, "name");
  // `summary` is a content warning on a Note (Mastodon shows it instead of the text); on an Article
  // or Page (WordPress, Plume, WriteFreely) it is the excerpt, a warning only when "sensitive".
  if (std::string summary = jstr(o, "summary"); !summary.empty()) {
    const bool warning = type == "Note" || type == "Question" || jbool(o, "sensitive");
    it.fields.emplace_back(warning ? "content_warning" : "summary", html_to_text(summary));
  }
  HtmlFragment f = parse_html_fragment(content_html(o), it.url);
  it.text = f.text;
  it.links = f.links;
  for (auto& m : f.images) add_media(it, m.url, m.type, m.alt);
  for (const auto& att : as_list(o.contains("attachment") ? o["attachment"] : json())) {
    if (type_of(att) == "PropertyValue" || type_of(att) == "Link") continue;
    std::string mt = jstr(att, "mediaType");
    std::string kind = istarts_with(mt, "video/") ? "video" : istarts_with(mt, "audio/") ? "audio" : "image";
    add_media(it, first_url(att.contains("url") ? att["url"] : json()), kind, jstr(att, "name"));
  }
  // PeerTube videos: the thumbnail in `icon`, the files in `url` (Link objects with a mediaType).
  if (type == "Video") {
    for (const auto& icon : as_list(o.contains("icon") ? o["icon"] : json()))
      if (std::string u = first_url(icon); !u.empty()) {
        add_media(it, u, "image", "");
        break;
      }
    for (const auto& link : as_list(o.contains("url") ? o["url"] : json()))
      if (istarts_with(jstr(link, "mediaType"), "video/")) {
        add_media(it, jstr(link, "href"), "video", "");
        break;
      }
  }
  // A poll (Question): its options.
  for (const char* key : {"oneOf", "anyOf"})
    for (const auto& option : as_list(o.contains(key) ? o[key] : json()))
      if (std::string name = jstr(option, "name"); !name.empty()) it.fields.emplace_back("poll.option", name);
  for (const auto& tag : as_list(o.contains("tag") ? o["tag"] : json())) {
    std::string name = jstr(tag, "name");
    if (type_of(tag) == "Hashtag" && !name.empty()) it.tags.push_back(name[0] == '#' ? name.substr(1) : name);
    if (type_of(tag) == "Mention" && !name.empty()) it.fields.emplace_back("mention", name);
  }
  if (const json& loc = jobj(o, "location"); !loc.is_null()) {
    Geo g{jcoordinate(loc, "latitude"), jcoordinate(loc, "longitude"), jstr(loc, "name")};
    if (!g.lat || !g.lon) g.lat = g.lon = std::nullopt;  // a point needs both
    it.geo = g;
  }
  if (auto t = normalize_datetime(jstr(o, "published"))) it.published_at = t;
  if (auto t = normalize_datetime(jstr(o, "updated"))) it.updated_at = t;
  const json& by = o.contains("attributedTo") ? o["attributedTo"] : activity.is_object() && activity.contains("actor") ? activity["actor"] : json();
  it.author.url = actor_ref(by);
  it.author.handle = author_handle(by, ctx.actor_ids || misskey_shaped(o));
  // The post it answers, named as that server's objects are (the same id its own outbox or API
  // gives it); a comment unless it continues the author's own thread (the parent is theirs).
  if (std::string parent = actor_ref(o.contains("inReplyTo") ? o["inReplyTo"] : json()); !parent.empty()) {
    std::string platform = platform_for_host(host_of(parent));
    it.parent_id = (platform == "web" ? "activitypub" : platform) + ":" + host_of(parent) + ":status:" + native_id(parent);
    // Someone else's: on another server, or (Mastodon, GoToSocial, Pixelfed: /users/NAME/statuses/ID)
    // under another actor. Pleroma's /objects/UUID and Misskey's /notes/ID do not say whose they
    // are, so a reply there on the same server stays a post.
    const bool other_server = host_of(parent) != host_of(it.author.url);
    const bool other_actor = parent.find("/users/") != std::string::npos && !it.author.url.empty() &&
                             parent.rfind(it.author.url + "/", 0) != 0;
    if (it.kind == ItemKind::post && (other_server || other_actor)) it.kind = ItemKind::comment;
  }
  if (it.visibility == Visibility::public_) it.visibility = activitypub_visibility(o.contains("to") ? o : activity);
  if (std::string lang = [&] {
        const json& map = jobj(o, "contentMap");
        return map.empty() ? std::string() : map.begin().key();
      }();
      !lang.empty())
    it.language = lang;
  if (it.language.empty()) it.language = jstr(jobj(o, "language"), "identifier");  // PeerTube
  // A quote post: FEP-044f `quote` (Mastodon 4.5), `quoteUrl` (Pleroma, Akkoma), `quoteUri`
  // (Fedibird) or `_misskey_quote`, each the quoted object's IRI.
  for (const char* key : {"quote", "quoteUrl", "quoteUri", "_misskey_quote"})
    if (std::string quoted = actor_ref(o.contains(key) ? o[key] : json()); !quoted.empty()) {
      it.fields.emplace_back("quotes", quoted);
      break;
    }
  if (jbool(o, "sensitive")) it.fields.emplace_back("sensitive", "true");
  return it;
}

void add_next(const json& v, Ctx& ctx) {
  std::string next = v.is_string() ? v.get<std::string>() : jstr(v, "id");
  if (!next.empty()) ctx.out.links.push_back({next, "next", "next"});
}

void read_collection(const json& c, Ctx& ctx) {
  for (const char* key : {"orderedItems", "items"}) {
    // GoToSocial writes a one-element list as the element itself.
    if (!c.is_object() || !c.contains(key)) continue;
    const json& list = c[key];
    const json single = list.is_array() ? json() : json::array({list});
    for (const auto& entry : list.is_array() ? list : single) {
      if (ctx.out.items.size() >= k_max_objects) return;
      std::string t = type_of(entry);
      if (t == "Create" || t == "Update") {
        const json& o = jobj(entry, "object");
        if (!o.is_null() && is_object_type(type_of(o))) {
          ctx.out.items.push_back(object_item(o, entry, ctx));
        } else if (entry.contains("object") && entry["object"].is_string() && t == "Create") {
          // The object by reference only (AS2 allows it): the actor's post is known by its address.
          const std::string iri = entry["object"].get<std::string>();
          Item it = platform_item(ctx.page, ctx.out, ctx.platform);
          it.kind = ItemKind::post;
          it.id = ctx.platform + ":" + host_of(iri) + ":status:" + native_id(iri);
          it.url = iri;
          it.extractor = "activitypub";
          const json& actor = entry.contains("actor") ? entry["actor"] : json();
          it.author.url = actor_ref(actor);
          it.author.handle = author_handle(actor, ctx.actor_ids || misskey_shaped(entry));
          it.links.push_back(iri);
          it.fields.emplace_back("content", "not embedded in the activity");
          if (auto ts = normalize_datetime(jstr(entry, "published"))) it.published_at = ts;
          it.visibility = activitypub_visibility(entry);
          if (!iri.empty()) ctx.out.items.push_back(std::move(it));
        }
      } else if (t == "Announce") {
        // A boost: someone else's post shared by this actor. Like the Mastodon API's reblogs, the
        // post is credited to its author and the booster is recorded as "reblogged_by".
        const json& object = entry.contains("object") ? entry["object"] : json();
        std::string obj = actor_ref(object);
        const json& actor = entry.contains("actor") ? entry["actor"] : json();
        std::string booster = author_handle(actor, ctx.actor_ids || misskey_shaped(entry));
        if (booster.empty()) booster = actor_ref(actor);
        if (object.is_object() && is_object_type(type_of(object))) {  // the post embedded
          Item it = object_item(object, json::object(), ctx);
          if (!booster.empty()) it.fields.emplace_back("reblogged_by", booster);
          ctx.out.items.push_back(std::move(it));
          continue;
        }
        // Only its address: what is exposed is the link. Its author is known when the address
        // says (Mastodon, GoToSocial, Pixelfed: /users/NAME/statuses/ID), else left unknown.
        Item it = platform_item(ctx.page, ctx.out, ctx.platform);
        if (size_t at = obj.find("/statuses/"); at != std::string::npos && obj.find("/users/") < at) {
          it.author.url = obj.substr(0, at);
          it.author.handle = actor_handle(it.author.url);
        }
        if (!booster.empty()) it.fields.emplace_back("reblogged_by", booster);
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
  if (c.is_object() && c.contains("first") && !c.contains("orderedItems") && !c.contains("items")) {
    if (c["first"].is_object()) read_collection(c["first"], ctx);
    else add_next(c["first"], ctx);
  }
  if (c.is_object() && c.contains("next")) add_next(c["next"], ctx);
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
  Ctx ctx{page, out, platform == "web" ? "activitypub" : platform, misskey_shaped(doc)};
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
