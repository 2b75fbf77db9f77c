#include "parsers/platforms/blogs.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "core/text.h"
#include "core/url.h"
#include "parsers/html_dates.h"
#include "parsers/html_fragment.h"
#include "parsers/platforms/platform_common.h"
#include "parsers/registry.h"

namespace exposcan {
namespace {

using nlohmann::json;

std::string rendered(const json& o, const char* key) { return jstr(jobj(o, key), "rendered"); }

Item wp_post(const json& p, const Page& page, ParseOutput& out, const std::string& platform, const std::string& host) {
  Item it = platform_item(page, out, platform);
  it.kind = jstr(p, "type") == "page" ? ItemKind::article : ItemKind::post;
  it.id = platform + ":" + host + ":post:" + jid(p, "id");
  it.url = jstr(p, "link");
  it.extractor = "wordpress-api";
  it.title = html_to_text(rendered(p, "title"));
  HtmlFragment f = parse_html_fragment(rendered(p, "content"), it.url);
  it.text = f.text;
  it.links = f.links;
  for (auto& m : f.images) add_media(it, m.url, m.type, m.alt);
  if (std::string ex = html_to_text(rendered(p, "excerpt")); !ex.empty() && it.text.empty()) it.text = ex;
  if (jbool(jobj(p, "content"), "protected")) it.visibility = Visibility::login_wall;  // password-protected
  std::string status = jstr(p, "status");
  if (!status.empty() && status != "publish") it.visibility = Visibility::followers;
  // date_gmt has no zone designator: it is UTC by definition.
  if (auto t = normalize_datetime(jstr(p, "date_gmt"))) it.published_at = t;
  else if (auto t2 = normalize_datetime(jstr(p, "date"))) it.published_at = t2;
  if (auto t = normalize_datetime(jstr(p, "modified_gmt"))) it.updated_at = t;
  const json& emb = jobj(p, "_embedded");
  for (const auto& a : jarr(emb, "author")) {
    it.author = {jstr(a, "slug"), jstr(a, "name"), jstr(a, "link")};
    break;
  }
  if (it.author.name.empty() && p.contains("author")) it.author.handle = "user:" + jid(p, "author");
  // A featured media item is mostly a picture; a video or sound file may be one too (media_type
  // "file", mime_type "video/mp4"), and its alt_text is then empty.
  for (const auto& m : jarr(emb, "wp:featuredmedia")) {
    const std::string mime = jstr(m, "mime_type");
    const char* type = istarts_with(mime, "video/")   ? "video"
                       : istarts_with(mime, "audio/") ? "audio"
                       : jstr(m, "media_type") == "file" && !istarts_with(mime, "image/") ? "file"
                                                                                         : "image";
    // caption.rendered is the text shown under the picture: its description when alt_text is empty.
    std::string alt = jstr(m, "alt_text");
    const std::string caption = html_to_text(rendered(m, "caption"));
    if (alt.empty()) alt = caption;
    else if (!caption.empty() && caption != alt) it.fields.emplace_back("media_caption", caption);
    add_media(it, jstr(m, "source_url"), type, alt);
  }
  for (const auto& terms : jarr(emb, "wp:term"))
    for (const auto& t : terms)
      if (std::string name = html_to_text(jstr(t, "name")); !name.empty()) it.tags.push_back(std::move(name));  // stored escaped: "A &amp; B"
  return it;
}

// The largest picture of WordPress's avatar map ({"24": url, "48": url, "96": url}; the keys are
// pixel sizes, compared as numbers: "192" is larger than "96").
std::string largest_avatar(const json& avatars) {
  std::string best;
  long best_size = -1;
  if (!avatars.is_object()) return best;
  for (auto a = avatars.begin(); a != avatars.end(); ++a) {
    if (!a->is_string()) continue;
    const long size = std::strtol(a.key().c_str(), nullptr, 10);
    if (size > best_size) best_size = size, best = a->get<std::string>();
  }
  return best;
}

// /wp/v2/comments: a visitor's comment under a post (author_name / author_url, no title), with the
// commenter's avatar (Gravatar: a picture of the person, tied to their e-mail address).
Item wp_comment(const json& c, const Page& page, ParseOutput& out, const std::string& platform, const std::string& host) {
  Item it = platform_item(page, out, platform);
  it.kind = ItemKind::comment;
  it.id = platform + ":" + host + ":comment:" + jid(c, "id");
  it.url = jstr(c, "link");
  it.extractor = "wordpress-api";
  HtmlFragment f = parse_html_fragment(rendered(c, "content"), it.url);
  it.text = f.text;
  it.links = f.links;
  it.author = {jid(c, "author") == "0" || jid(c, "author").empty() ? std::string() : "user:" + jid(c, "author"), jstr(c, "author_name"),
               jstr(c, "author_url")};
  if (!jid(c, "post").empty()) it.parent_id = platform + ":" + host + ":post:" + jid(c, "post");
  if (jid(c, "parent") != "0" && !jid(c, "parent").empty()) it.parent_id = platform + ":" + host + ":comment:" + jid(c, "parent");
  if (std::string status = jstr(c, "status"); !status.empty() && status != "approved") it.visibility = Visibility::followers;
  if (auto t = normalize_datetime(jstr(c, "date_gmt"))) it.published_at = t;
  else if (auto t2 = normalize_datetime(jstr(c, "date"))) it.published_at = t2;
  add_media(it, largest_avatar(jobj(c, "author_avatar_urls")), "image", "avatar");
  return it;
}

Item wp_user(const json& u, const Page& page, ParseOutput& out, const std::string& platform, const std::string& host) {
  Item it = platform_item(page, out, platform);
  it.kind = ItemKind::profile;
  it.id = platform + ":" + host + ":user:" + jid(u, "id");
  it.url = jstr(u, "link");
  it.extractor = "wordpress-api";
  it.title = jstr(u, "name");
  it.author = {jstr(u, "slug"), it.title, it.url};
  it.text = jstr(u, "description");
  if (!jstr(u, "url").empty()) it.fields.emplace_back("url", jstr(u, "url"));
  add_media(it, largest_avatar(jobj(u, "avatar_urls")), "image", "avatar");
  return it;
}

// --- Tumblr ------------------------------------------------------------------------------------

void npf_blocks(const json& content, Item& it) {
  for (const auto& b : content) {
    std::string type = jstr(b, "type");
    if (type == "text") {
      if (!it.text.empty()) it.text += "\n";
      it.text += jstr(b, "text");
      // Inline links are formatting ranges over the text: {"type": "link", "url": ...}.
      for (const auto& f : jarr(b, "formatting"))
        if (jstr(f, "type") == "link" && !jstr(f, "url").empty()) it.links.push_back(jstr(f, "url"));
    } else if (type == "image") {
      const json& media = jarr(b, "media");
      std::string alt = jstr(b, "alt_text");
      if (alt.empty()) alt = jstr(b, "caption");
      add_media(it, media.empty() ? std::string() : jstr(media[0], "url"), "image", alt);
    } else if (type == "link") {
      it.links.push_back(jstr(b, "url"));
    } else if (type == "video" || type == "audio") {
      add_media(it, jstr(b, "url").empty() ? jstr(jobj(b, "media"), "url") : jstr(b, "url"), type, "");
    }
  }
}

void tumblr_html(const std::string& html, Item& it) {
  HtmlFragment f = parse_html_fragment(html, it.url);
  if (f.text.empty() && f.images.empty() && f.links.empty()) return;
  if (!it.text.empty() && !f.text.empty()) it.text += "\n";
  it.text += f.text;
  for (auto& m : f.images) add_media(it, m.url, m.type, m.alt);
  for (auto& l : f.links) it.links.push_back(l);
}

// The blocks an NPF `ask` layout gives to the asker; every other block is the answering blog's.
std::vector<size_t> npf_ask_blocks(const json& layout) {
  std::vector<size_t> ask;
  for (const auto& l : layout)
    if (jstr(l, "type") == "ask")
      for (const auto& b : jarr(l, "blocks"))
        if (b.is_number_unsigned()) ask.push_back(b.get<size_t>());
  return ask;
}

json npf_select(const json& content, const std::vector<size_t>& blocks, bool in) {
  json picked = json::array();
  for (size_t i = 0; i < content.size(); ++i)
    if ((std::find(blocks.begin(), blocks.end(), i) != blocks.end()) == in) picked.push_back(content[i]);
  return picked;
}

// Someone else's question on an answer post: a comment under it, credited to the asker
// ("Anonymous" when no blog is attributed).
Item tumblr_ask(const Item& post, Person asker, const Page& page, ParseOutput& out) {
  Item ask = platform_item(page, out, "tumblr");
  ask.kind = ItemKind::comment;
  ask.id = post.id + "#ask";
  ask.url = post.url;
  ask.extractor = "tumblr-api";
  ask.parent_id = post.id;
  ask.published_at = post.published_at;
  ask.visibility = post.visibility;
  ask.author = std::move(asker);
  if (ask.author.handle.empty() && ask.author.name.empty()) ask.author.name = "Anonymous";
  return ask;
}

// One earlier post of a reblog trail, credited to the blog that wrote it. NPF trail entries carry
// `content` blocks; legacy ones `content_raw` HTML. A "broken" entry (deleted post or blog) has
// only `broken_blog_name`.
Item tumblr_trail_item(const json& t, const json& p, const std::string& reblogger, const std::string& fallback_id,
                       const Page& page, ParseOutput& out) {
  Item it = platform_item(page, out, "tumblr");
  std::string name = jstr(jobj(t, "blog"), "name");
  if (name.empty()) name = jstr(t, "broken_blog_name");
  const std::string pid = jid(jobj(t, "post"), "id");
  it.kind = ItemKind::post;
  it.id = pid.empty() ? fallback_id : "tumblr:" + name + ":post:" + pid;
  if (!pid.empty() && pid == jid(p, "reblogged_root_id")) it.url = jstr(p, "reblogged_root_url");
  else if (!pid.empty() && pid == jid(p, "reblogged_from_id")) it.url = jstr(p, "reblogged_from_url");
  else if (!pid.empty() && !name.empty()) it.url = "https://" + name + ".tumblr.com/post/" + pid;
  it.extractor = "tumblr-api";
  if (!name.empty()) it.author = {name, "", "https://" + name + ".tumblr.com/"};
  if (t.contains("content") && t["content"].is_array()) npf_blocks(t["content"], it);
  else tumblr_html(jstr(t, "content_raw").empty() ? jstr(t, "content") : jstr(t, "content_raw"), it);
  if (const json& post = jobj(t, "post"); post.contains("timestamp"))
    if (auto ts = from_epoch(post["timestamp"])) it.published_at = ts;
  it.fields.emplace_back("reblogged_by", reblogger);
  return it;
}

// A post, and for a reblog the posts of its trail and for an answer the ask: each credited to
// the blog that wrote it. What a reblog shows of the earlier posts is theirs, not the reblogger's.
void tumblr_post(const json& p, const Page& page, ParseOutput& out) {
  Item it = platform_item(page, out, "tumblr");
  std::string blog = jstr(p, "blog_name");
  if (blog.empty()) blog = jstr(jobj(p, "blog"), "name");
  std::string id = jid(p, "id_string").empty() ? jid(p, "id") : jid(p, "id_string");
  it.kind = ItemKind::post;
  it.id = "tumblr:" + blog + ":post:" + id;
  it.url = jstr(p, "post_url").empty() ? jstr(p, "url") : jstr(p, "post_url");
  it.extractor = "tumblr-api";
  it.author = {blog, "", "https://" + blog + ".tumblr.com/"};
  // On a group blog the member who posted it, not the blog.
  if (std::string by = jstr(p, "post_author"); !by.empty() && by != blog) it.author = {by, "", "https://" + by + ".tumblr.com/"};
  if (auto t = from_epoch(p.contains("timestamp") ? p["timestamp"] : p.contains("unix-timestamp") ? p["unix-timestamp"] : json()))
    it.published_at = t;
  std::string state = jstr(p, "state");
  if (!state.empty() && state != "published") it.visibility = Visibility::followers;

  std::vector<Item> trail;
  for (const auto& t : jarr(p, "trail"))
    if (t.is_object() && !jbool(t, "is_current_item"))
      trail.push_back(tumblr_trail_item(t, p, it.author.handle, it.id + "#trail-" + std::to_string(trail.size()), page, out));
  const bool reblog = !trail.empty() || !jstr(p, "reblogged_from_name").empty();
  std::optional<Item> ask;

  if (p.contains("content") && p["content"].is_array()) {
    // NPF: `content` is only what this blog wrote (empty for a plain reblog).
    const std::vector<size_t> asked = npf_ask_blocks(jarr(p, "layout"));
    npf_blocks(npf_select(p["content"], asked, false), it);
    if (!asked.empty()) {
      const json* attribution = nullptr;
      for (const auto& l : jarr(p, "layout"))
        if (jstr(l, "type") == "ask" && l.contains("attribution")) attribution = &l["attribution"];
      std::string asker = attribution ? jstr(jobj(*attribution, "blog"), "name") : "";
      ask = tumblr_ask(it, {asker, "", attribution ? jstr(*attribution, "url") : ""}, page, out);
      npf_blocks(npf_select(p["content"], asked, true), *ask);
    }
    it.title = jstr(p, "title");
  } else {
    // Legacy: for a reblog, body / caption / answer hold the whole trail as nested blockquotes and
    // reblog.comment what this blog added; the title, photos and video are the root post's.
    const json& reblog_info = jobj(p, "reblog");
    const json& comment = reblog_info.contains("comment") ? reblog_info["comment"] : reblog_info;
    Item& owner = reblog && !trail.empty() ? trail.front() : it;
    if (reblog && comment.is_string()) {
      tumblr_html(comment.get<std::string>(), it);
    } else {
      for (const char* key : {"body", "caption", "description", "text", "quote", "answer", "regular-body", "photo-caption", "quote-text"})
        tumblr_html(jstr(p, key), it);
    }
    if (!jstr(p, "title").empty()) owner.title = jstr(p, "title");
    for (const auto& ph : jarr(p, "photos"))
      add_media(owner, jstr(jobj(ph, "original_size"), "url"), "image", jstr(ph, "caption"));
    // Legacy post types: link (url, link_image), video (video_url, thumbnail_url), answer (question).
    if (std::string link = jstr(p, "url"); !link.empty() && jstr(p, "type") == "link") owner.links.push_back(link);
    add_media(owner, jstr(p, "link_image"), "image", "");
    add_media(owner, jstr(p, "thumbnail_url"), "image", "");
    add_media(owner, jstr(p, "video_url"), "video", "");
    if (std::string asker = jstr(p, "asking_name"); !asker.empty()) it.fields.emplace_back("asking_name", asker);
    if (std::string question = jstr(p, "question"); !question.empty()) {
      std::string asker = jstr(p, "asking_name");
      if (asker == "Anonymous" && jstr(p, "asking_url").empty()) asker.clear();
      ask = tumblr_ask(it, {asker, "", jstr(p, "asking_url")}, page, out);
      tumblr_html(question, *ask);
    }
  }
  // summary is built from the post's first text, which for a reblog is the root post's.
  if (it.text.empty() && !reblog) it.text = jstr(p, "summary");
  for (const auto& t : jarr(p, "tags"))
    if (t.is_string()) it.tags.push_back(t.get<std::string>());
  if (reblog) {
    std::string parent = trail.empty() ? jstr(p, "reblogged_from_url") : trail.back().id;
    if (!parent.empty()) it.fields.emplace_back("reblog_of", parent);
    // Nothing added: what is exposed is the act of sharing someone else's post.
    if (it.text.empty() && it.media.empty()) it.kind = ItemKind::link;
  }
  out.items.push_back(std::move(it));
  if (ask) out.items.push_back(std::move(*ask));
  for (auto& t : trail) out.items.push_back(std::move(t));
}

}  // namespace

bool is_wordpress_api_url(std::string_view url) {
  return url.find("/wp-json/wp/v2/") != std::string_view::npos || url.find("rest_route=/wp/v2/") != std::string_view::npos ||
         url.find("rest_route=%2Fwp%2Fv2%2F") != std::string_view::npos;
}

ParseOutput parse_wordpress_json(const Page& page) {
  ParseOutput out;
  json doc = parse_json_page(page, out);
  if (doc.is_discarded()) return out;
  std::string url = page.final_url.empty() ? page.url : page.final_url;
  std::string host = host_of(url);
  std::string platform = platform_for_host(host);
  if (platform == "web") platform = "wordpress";
  std::vector<json> list = doc.is_array() ? std::vector<json>(doc.begin(), doc.end()) : std::vector<json>{doc};
  for (const auto& o : list) {
    if (!o.is_object()) continue;
    if (o.contains("content") && o.contains("title")) {
      out.items.push_back(wp_post(o, page, out, platform, host));
      // With _embed the post carries its author's public user object (bio, website): the same
      // profile /wp/v2/users/ID gives; authors of several posts are merged into one item.
      for (const auto& a : jarr(jobj(o, "_embedded"), "author"))
        if (a.is_object() && a.contains("id") && a.contains("name")) out.items.push_back(wp_user(a, page, out, platform, host));
      // ..._embed also embeds the post's approved comments ("replies": one list per link), in the
      // embed context that leaves out `post`: each is a comment credited to the visitor who wrote it.
      for (const auto& list : jarr(jobj(o, "_embedded"), "replies"))
        for (const auto& c : list)
          if (c.is_object() && c.contains("content") && c.contains("author_name")) {
            Item comment = wp_comment(c, page, out, platform, host);
            if (jid(c, "parent") == "0" || jid(c, "parent").empty()) comment.parent_id = platform + ":" + host + ":post:" + jid(o, "id");
            out.items.push_back(std::move(comment));
          }
    }
    else if (o.contains("content") && o.contains("author_name") && o.contains("post")) out.items.push_back(wp_comment(o, page, out, platform, host));
    else if (o.contains("slug") && o.contains("name") && !o.contains("taxonomy")) out.items.push_back(wp_user(o, page, out, platform, host));
    else if (o.contains("code") && o.contains("message")) {
      out.errors.push_back("WordPress API error from " + url + ": " + jstr(o, "message"));
      // rest_forbidden, rest_user_cannot_view, ... with data.status 401/403: not public, say so.
      const long long status = jint(jobj(o, "data"), "status");
      if (status == 401 || status == 403) {
        Item it = platform_item(page, out, platform);
        it.kind = ItemKind::page;
        it.id = url;
        it.url = url;
        it.extractor = "wordpress-api";
        it.visibility = Visibility::login_wall;
        it.title = jstr(o, "code");
        it.fields.emplace_back("wall", "login-wall");
        it.fields.emplace_back("evidence", "WordPress REST error " + jstr(o, "code") + " (status " + std::to_string(status) + ")");
        out.items.push_back(std::move(it));
      }
    }
  }
  if (std::string next = link_header_target(page, "next"); !next.empty()) out.links.push_back({next, "next", "next"});
  return out;
}

ParseOutput parse_tumblr_json(const Page& page) {
  Page copy;
  const Page* p = &page;
  // Legacy v1: "var tumblr_api_read = {...};"
  if (page.body.rfind("var tumblr_api_read", 0) == 0) {
    copy = page;
    size_t open = copy.body.find('{');
    size_t close = copy.body.rfind('}');
    copy.body = open != std::string::npos && close != std::string::npos && close > open ? copy.body.substr(open, close - open + 1) : "";
    p = &copy;
  }
  ParseOutput out;
  json doc = parse_json_page(*p, out);
  if (doc.is_discarded()) return out;
  std::string url = page.final_url.empty() ? page.url : page.final_url;
  const json& resp = doc.contains("response") ? jobj(doc, "response") : doc;
  const json& blog = jobj(resp, "blog").is_null() ? jobj(resp, "tumblelog") : jobj(resp, "blog");
  if (!blog.is_null()) {
    Item b = platform_item(page, out, "tumblr");
    b.kind = ItemKind::profile;
    std::string name = jstr(blog, "name");
    b.id = "tumblr:account:" + name;
    b.url = jstr(blog, "url").empty() ? "https://" + name + ".tumblr.com/" : jstr(blog, "url");
    b.extractor = "tumblr-api";
    b.title = jstr(blog, "title");
    b.author = {name, b.title, b.url};
    b.text = html_to_text(jstr(blog, "description"));
    out.items.push_back(std::move(b));
  }
  for (const auto& post : jarr(resp, "posts")) tumblr_post(post, page, out);
  const json& next = jobj(jobj(resp, "_links"), "next");
  if (std::string href = jstr(next, "href"); !href.empty()) {
    std::string abs = href.rfind("http", 0) == 0 ? href : "https://api.tumblr.com" + href;
    out.links.push_back({abs, "next", "next"});
  }
  const json& meta = jobj(doc, "meta");
  if (jint(meta, "status", 200) >= 400) out.errors.push_back("Tumblr API error from " + url + ": " + jstr(meta, "msg"));
  return out;
}

}  // namespace exposcan
