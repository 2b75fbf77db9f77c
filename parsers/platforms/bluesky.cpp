#include "parsers/platforms/bluesky.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/generic_html.h"
#include "parsers/html_dates.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan {
namespace {

using nlohmann::json;

const std::string k_app = "https://bsky.app";

std::string profile_url(const std::string& handle) { return k_app + "/profile/" + handle; }

// The name a profile URL uses: the handle, or the DID when the handle is missing or no longer
// verifies ("handle.invalid").
std::string profile_key(const json& actor) {
  std::string handle = jstr(actor, "handle");
  return handle.empty() || handle == "handle.invalid" ? jstr(actor, "did") : handle;
}

// How a feed credits an account that acted (reposted): "@handle", or the DID as profile_key gives it.
std::string credit(const json& actor) {
  std::string key = profile_key(actor);
  return key.empty() || key.rfind("did:", 0) == 0 ? key : "@" + key;
}

// Labels as field "label", once each. A view's labels (com.atproto.label.defs#label) are the
// labelers' and the author's own self-labels, which the AppView copies from the record; one with
// `neg` withdraws a label and is none. A record read alone carries only its self-labels
// (com.atproto.label.defs#selfLabels: {values: [{val}]}).
void add_labels(const json& labels, Item& it) {
  for (const auto& l : labels)
    if (!jbool(l, "neg")) add_field_once(it, "label", jstr(l, "val"));
}

// The account asked not to be shown to logged-out visitors (a self-label on its profile).
bool hides_from_logged_out(const json& actor) {
  for (const auto& l : jarr(actor, "labels"))
    if (jstr(l, "val") == "!no-unauthenticated" && !jbool(l, "neg")) return true;
  return false;
}

bool has_label(const Item& it, std::string_view val) {
  return std::any_of(it.fields.begin(), it.fields.end(), [&](const auto& f) { return f.first == "label" && f.second == val; });
}

Item profile_item(const json& p, const Page& page, ParseOutput& out) {
  Item it = platform_item(page, out, "bluesky");
  it.kind = ItemKind::profile;
  std::string handle = jstr(p, "handle");
  it.id = "bluesky:account:" + jstr(p, "did");
  it.url = profile_url(profile_key(p));
  it.extractor = "bluesky-api";
  it.title = jstr(p, "displayName");
  it.author = {handle.empty() || handle == "handle.invalid" ? std::string() : "@" + handle, it.title, it.url};
  it.text = jstr(p, "description");
  it.links = urls_in_text(it.text);
  add_media(it, jstr(p, "avatar"), "image", "avatar");
  add_media(it, jstr(p, "banner"), "image", "banner");
  for (const char* count : {"followersCount", "followsCount", "postsCount"})
    if (p.contains(count) && p[count].is_number()) it.fields.emplace_back(count, std::to_string(jint(p, count)));
  if (auto t = normalize_datetime(jstr(p, "createdAt"))) it.published_at = t;
  add_labels(jarr(p, "labels"), it);
  if (has_label(it, "!no-unauthenticated")) it.visibility = Visibility::login_wall;  // the person's own choice
  // profileViewDetailed.pinnedPost: a strong ref ({uri, cid}) to the post shown first on the profile.
  if (std::string pinned = jstr(jobj(p, "pinnedPost"), "uri"); !pinned.empty()) it.fields.emplace_back("pinned_post", pinned);
  return it;
}

// Facets index the UTF-8 bytes of the text (app.bsky.richtext.facet).
void apply_facets(const json& record, Item& it) {
  const std::string& text = it.text;
  for (const auto& f : jarr(record, "facets")) {
    const json& idx = jobj(f, "index");
    long long start = jint(idx, "byteStart", -1), end = jint(idx, "byteEnd", -1);
    // Offsets are UTF-8 bytes; clients that counted UTF-16 units write ranges that cut a character
    // (the reference client drops such facets: atproto #2933). Such a span is not used.
    auto boundary = [&](long long at) {
      return at == static_cast<long long>(text.size()) || (static_cast<unsigned char>(text[static_cast<size_t>(at)]) & 0xC0) != 0x80;
    };
    std::string span = start >= 0 && end > start && static_cast<size_t>(end) <= text.size() && boundary(start) && boundary(end)
                           ? text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)) : std::string();
    for (const auto& feat : jarr(f, "features")) {
      std::string type = jstr(feat, "$type");
      if (type == "app.bsky.richtext.facet#link") it.links.push_back(jstr(feat, "uri"));
      else if (type == "app.bsky.richtext.facet#tag") it.tags.push_back(jstr(feat, "tag"));
      else if (type == "app.bsky.richtext.facet#mention") it.fields.emplace_back("mention", span.empty() ? jstr(feat, "did") : span);
    }
  }
}

// Embeds: the hydrated view ("#view" types, with CDN URLs) when present, else the record's own.
void apply_embed(const json& embed, Item& it) {
  if (embed.is_null()) return;
  std::string type = jstr(embed, "$type");
  if (type.rfind("app.bsky.embed.images", 0) == 0) {
    for (const auto& img : jarr(embed, "images")) {
      std::string url = jstr(img, "fullsize");
      if (url.empty()) url = jstr(img, "thumb");
      if (url.empty()) url = "at-blob:" + jstr(jobj(jobj(img, "image"), "ref"), "$link");
      add_media(it, url, "image", jstr(img, "alt"));
    }
  } else if (type.rfind("app.bsky.embed.video", 0) == 0) {
    std::string url = jstr(embed, "playlist");
    if (url.empty()) url = "at-blob:" + jstr(jobj(jobj(embed, "video"), "ref"), "$link");
    add_media(it, url, "video", jstr(embed, "alt"));
  } else if (type.rfind("app.bsky.embed.external", 0) == 0) {
    const json& ext = jobj(embed, "external");
    if (!jstr(ext, "uri").empty()) it.links.push_back(jstr(ext, "uri"));
    if (!jstr(ext, "title").empty()) it.fields.emplace_back("link.title", jstr(ext, "title"));
    if (!jstr(ext, "description").empty()) it.fields.emplace_back("link.description", jstr(ext, "description"));
  } else if (type.rfind("app.bsky.embed.recordWithMedia", 0) == 0) {
    apply_embed(jobj(embed, "media"), it);
    // `record` is an app.bsky.embed.record (#view) by reference, so without a $type of its own.
    if (std::string uri = jstr(jobj(jobj(embed, "record"), "record"), "uri"); !uri.empty()) it.fields.emplace_back("quotes", uri);
  } else if (type.rfind("app.bsky.embed.record", 0) == 0) {
    const json& rec = jobj(embed, "record");
    std::string uri = jstr(rec, "uri");
    if (!uri.empty()) it.fields.emplace_back("quotes", uri);
  }
}

Item post_item(const json& post, const Page& page, ParseOutput& out) {
  Item it = platform_item(page, out, "bluesky");
  it.kind = ItemKind::post;
  std::string uri = jstr(post, "uri");
  const json& author = jobj(post, "author");
  std::string handle = jstr(author, "handle");
  it.id = "bluesky:post:" + uri;
  it.url = bluesky_post_url(uri, profile_key(author));
  it.extractor = "bluesky-api";
  it.author = {handle.empty() || handle == "handle.invalid" ? std::string() : "@" + handle, jstr(author, "displayName"),
               profile_url(profile_key(author))};
  if (hides_from_logged_out(author)) it.visibility = Visibility::login_wall;
  const json& record = jobj(post, "record");
  it.text = jstr(record, "text");
  apply_facets(record, it);
  if (post.contains("embed") && post["embed"].is_object()) apply_embed(post["embed"], it);
  else apply_embed(jobj(record, "embed"), it);
  if (auto t = normalize_datetime(jstr(record, "createdAt"))) it.published_at = t;
  for (const auto& l : jarr(record, "langs"))
    if (l.is_string() && it.language.empty()) it.language = l.get<std::string>();
  for (const auto& t : jarr(record, "tags"))
    if (t.is_string()) it.tags.push_back(t.get<std::string>());
  if (const json& reply = jobj(record, "reply"); !reply.is_null()) {
    const std::string parent = jstr(jobj(reply, "parent"), "uri");
    it.parent_id = "bluesky:post:" + parent;
    // A reply to someone else is a comment; one continuing the author's own thread (the parent's
    // at://<did>/ is theirs) stays a post, as the Mastodon adapters count it.
    const std::string did = jstr(author, "did");
    if (did.empty() || parent.rfind("at://" + did + "/", 0) != 0) it.kind = ItemKind::comment;
  }
  add_labels(jarr(post, "labels"), it);
  add_labels(jarr(jobj(record, "labels"), "values"), it);
  for (const char* count : {"likeCount", "repostCount", "replyCount"})
    if (post.contains(count) && post[count].is_number()) it.fields.emplace_back(count, std::to_string(jint(post, count)));
  return it;
}

// app.bsky.feed.getPostThread: a #threadViewPost holds its post, its `parent` (a chain upwards) and
// its `replies` (a tree downwards). #notFoundPost / #blockedPost nodes carry no post and are skipped.
// Every post in the thread is an item (the author's own replies too); depth and count are capped
// because the API nests, and a hostile document could nest without end.
void thread_items(const json& root, const Page& page, ParseOutput& out) {
  constexpr int k_max_depth = 64;
  constexpr size_t k_max_posts = 2000;
  size_t seen = 0;
  const auto visit = [&](const auto& self, const json& node, int depth, bool up, bool down) -> void {
    if (!node.is_object() || depth > k_max_depth || seen >= k_max_posts) return;
    if (const json& post = jobj(node, "post"); !post.is_null()) {
      ++seen;
      out.items.push_back(post_item(post, page, out));
    }
    if (up) self(self, jobj(node, "parent"), depth + 1, true, false);
    if (down)
      for (const auto& reply : jarr(node, "replies")) self(self, reply, depth + 1, false, true);
  };
  visit(visit, root, 0, true, true);
  if (seen >= k_max_posts) out.errors.push_back("Bluesky thread cut off after " + std::to_string(k_max_posts) + " posts");
}

void user_intent(const json& value, Item& it) {
  for (auto f = value.begin(); f != value.end(); ++f) {
    if (!f->is_object() || !f->contains("allow") || !(*f)["allow"].is_boolean()) continue;
    it.fields.emplace_back("user_intent." + f.key(), (*f)["allow"].get<bool>() ? "allow" : "deny");
    if (!jstr(*f, "updatedAt").empty()) it.fields.emplace_back("user_intent." + f.key() + ".updatedAt", jstr(*f, "updatedAt"));
  }
}

}  // namespace

std::string bluesky_post_url(std::string_view at_uri, std::string_view handle) {
  // at://did:plc:xyz/app.bsky.feed.post/3kabc
  std::string_view rest = at_uri.substr(at_uri.rfind("at://", 0) == 0 ? 5 : 0);
  auto parts = split(rest, '/');
  if (parts.size() < 3) return std::string(at_uri);
  return k_app + "/profile/" + std::string(handle.empty() ? parts[0] : handle) + "/post/" + std::string(parts[2]);
}

ParseOutput parse_bluesky_json(const Page& page) {
  ParseOutput out;
  json doc = parse_json_page(page, out);
  if (doc.is_discarded() || !doc.is_object()) return out;
  std::string url = page.final_url.empty() ? page.url : page.final_url;
  if (doc.contains("did") && doc.contains("handle")) {
    out.items.push_back(profile_item(doc, page, out));
  } else if (doc.contains("feed") && doc["feed"].is_array()) {
    for (const auto& fv : doc["feed"]) {
      const json& post = jobj(fv, "post");
      if (post.is_null()) continue;
      Item it = post_item(post, page, out);
      const json& reason = jobj(fv, "reason");
      const std::string reason_type = jstr(reason, "$type");
      if (reason_type == "app.bsky.feed.defs#reasonRepost") {
        // A repost of someone else's post: what is exposed is the account's act of sharing it.
        it.kind = ItemKind::link;
        it.id += "#repost";
        it.fields.emplace_back("reposted_by", credit(jobj(reason, "by")));
        if (auto t = normalize_datetime(jstr(reason, "indexedAt"))) it.published_at = t;  // when it was reposted
      }
      // getAuthorFeed?includePins=true lists the pinned post first (reason #reasonPin, an object
      // without properties) and again at its own place; both have the post's id, and parse_page
      // merges items of one id, so the post is one item, marked pinned.
      if (reason_type == "app.bsky.feed.defs#reasonPin") it.fields.emplace_back("pinned", "true");
      out.items.push_back(std::move(it));
    }
    if (std::string cursor = jstr(doc, "cursor"); !cursor.empty())
      out.links.push_back({with_query_param(url, "cursor", cursor), "next", "next"});
  } else if (doc.contains("posts") && doc["posts"].is_array()) {
    for (const auto& post : doc["posts"]) out.items.push_back(post_item(post, page, out));
  } else if (doc.contains("thread") && doc["thread"].is_object()) {
    thread_items(doc["thread"], page, out);
  } else if (doc.contains("value") && doc.contains("uri")) {
    const json& value = doc["value"];
    std::string type = jstr(value, "$type");
    Item it = platform_item(page, out, "bluesky");
    it.kind = ItemKind::profile_field;
    std::string uri = jstr(doc, "uri");
    it.id = "bluesky:record:" + uri;
    it.url = url;
    it.extractor = "bluesky-api";
    it.title = type;
    if (type == "org.user-intents.declaration" || uri.find("/org.user-intents.declaration/") != std::string::npos) user_intent(value, it);
    else if (type == "app.bsky.feed.post") it = post_item(json{{"uri", uri}, {"record", value}}, page, out);
    out.items.push_back(std::move(it));
  } else if (doc.contains("error")) {
    out.errors.push_back("Bluesky API error from " + url + ": " + jstr(doc, "error") + " " + jstr(doc, "message"));
  }
  return out;
}

ParseOutput parse_bluesky_html(const Page& page) {
  // bsky.app is a client-side app: a logged-out visitor (and a crawler) sees OpenGraph only.
  HtmlAnalysis a = analyze_html(page);
  ParseOutput out = std::move(a.output);
  if (!a.document) return out;
  a.output.signals = out.signals;
  Item it = page_item(a, page);
  it.platform = "bluesky";
  auto u = Url::parse(a.page_url);
  std::string path = u ? u->path() : "";
  auto parts = split(path, '/');  // "", "profile", handle, "post", rkey
  if (parts.size() >= 3 && parts[1] == "profile") {
    std::string handle(parts[2]);
    // The page names the account's DID (twitter:value1); ids use it, as the API adapter does.
    std::string did;
    for (const auto& m : a.scan.metas)
      if (m.name == "twitter:value1" && m.content.rfind("did:", 0) == 0) did = m.content;
    if (handle.rfind("did:", 0) == 0) did = handle;
    if (parts.size() >= 5 && parts[3] == "post") {
      it.kind = ItemKind::post;
      it.id = did.empty() ? "bluesky:post:" + handle + "/" + std::string(parts[4])
                          : "bluesky:post:at://" + did + "/app.bsky.feed.post/" + std::string(parts[4]);
      it.text = a.og.description();
    } else {
      it.kind = ItemKind::profile;
      it.id = "bluesky:account:" + (did.empty() ? handle : did);
      it.text = a.og.description();
    }
    it.author.handle = "@" + handle;
    it.extractor = "bluesky-html";
  }
  out.items.push_back(std::move(it));
  return out;
}

}  // namespace exposcan
