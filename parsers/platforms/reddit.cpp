#include "parsers/platforms/reddit.h"

#include <algorithm>
#include <functional>

#include "core/text.h"
#include "core/url.h"
#include "parsers/html_fragment.h"
#include "parsers/platforms/platform_common.h"
#include "parsers/xml_reader.h"

namespace exposcan {
namespace {

using nlohmann::json;

const std::string k_reddit_origin = "https://www.reddit.com";

// Reddit's JSON replaces '<', '>' and '&' with entities in every string ("Fish &amp; chips",
// "S&amp;P", "?a=1&amp;b=2"), its *_html fields once more, unless the request asked raw_json=1
// (www.reddit.com/dev/api#response_body_encoding). The one decoding pass that undoes it.
struct Strings {
  bool escaped = true;
  std::string get(const json& j, std::string_view key) const {
    std::string s = jstr(j, key);
    return escaped && s.find('&') != std::string::npos ? decode_xml_entities(s) : s;
  }
};

// Reddit's stand-in avatars for an account that set none (www.redditstatic.com/avatars/…,
// "is_default_icon": true): the same picture for thousands of accounts, not the person's.
bool is_default_avatar(const json& d, const std::string& url) {
  if (jbool(jobj(d, "subreddit"), "is_default_icon")) return true;
  auto u = Url::parse(url);
  return u && u->host() == "www.redditstatic.com" && u->path().rfind("/avatars/", 0) == 0;
}

// A Snoo made in Reddit's avatar builder: snoovatar_img is the whole figure
// (i.redd.it/snoovatar/...), and icon_img then its headshot (".../profileIcon_snoo<uuid>-headshot.png").
bool is_snoovatar(const std::string& url) {
  auto u = Url::parse(url);
  if (!u) return false;
  const std::string path = u->path();
  return (u->host() == "i.redd.it" && path.rfind("/snoovatar/", 0) == 0) ||
         path.substr(path.rfind('/') + 1).rfind("profileIcon_snoo", 0) == 0;
}

Item account_item(const json& d, const Page& page, ParseOutput& out, const Strings& str) {
  Item it = platform_item(page, out, "reddit");
  it.kind = ItemKind::profile;
  std::string name = jstr(d, "name");
  it.id = "reddit:account:" + name;
  it.url = k_reddit_origin + "/user/" + name + "/";
  it.extractor = "reddit-json";
  const json& sub = jobj(d, "subreddit");
  it.title = str.get(sub, "title");
  it.author = {"u/" + name, it.title, it.url};
  it.text = str.get(sub, "public_description");
  // The avatar is icon_img (the profile subreddit's icon_img when the account's is empty). A Snoo is
  // a drawing put together from Reddit's stock parts, not a picture of or by the person: kept as
  // the field "snoovatar", not as media. The banner is the person's upload unless it is Reddit's.
  std::string icon = str.get(d, "icon_img");
  if (icon.empty()) icon = str.get(sub, "icon_img");
  if (std::string snoo = str.get(d, "snoovatar_img"); !snoo.empty()) it.fields.emplace_back("snoovatar", snoo);
  if (!is_default_avatar(d, icon) && !is_snoovatar(icon)) add_media(it, icon, "image", "avatar");
  if (!jbool(sub, "is_default_banner")) add_media(it, str.get(sub, "banner_img"), "image", "banner");
  if (auto t = from_epoch(d.contains("created_utc") ? d["created_utc"] : json())) it.published_at = t;
  for (const char* k : {"link_karma", "comment_karma", "total_karma"})
    if (d.contains(k) && d[k].is_number()) it.fields.emplace_back(k, std::to_string(jint(d, k)));
  if (jbool(sub, "over_18")) it.fields.emplace_back("over_18", "true");
  if (jbool(d, "is_suspended")) it.visibility = Visibility::blocked;
  // The profile setting "show up in search results" turned off.
  if (jbool(d, "hide_from_robots")) it.fields.emplace_back("hide_from_robots", "true");
  return it;
}

// Reddit's stand-ins for text and authors that are gone: not what anyone wrote.
bool is_placeholder(std::string_view s) { return s == "[deleted]" || s == "[removed]"; }

// A link as Reddit writes it: absolute, or a path on reddit.com ("/r/pics/comments/...").
std::string reddit_url(const std::string& s) { return s.rfind("/", 0) == 0 && s.rfind("//", 0) != 0 ? k_reddit_origin + s : s; }

// A gallery's pictures in gallery_data order, each with its caption as alt text: media_metadata
// maps media ids to {e: "Image"|"AnimatedImage", s: {u | gif | mp4}}; a gallery item may carry an
// outbound_url. Without gallery_data (inline images of a self post or comment), every entry but emotes.
void add_gallery(Item& it, const json& d, const Strings& str) {
  const json& meta = jobj(d, "media_metadata");
  auto add_entry = [&](const json& m, const std::string& caption) {
    const json& source = jobj(m, "s");
    if (std::string u = str.get(source, "u"); !u.empty()) add_media(it, u, "image", caption);
    else if (std::string gif = str.get(source, "gif"); !gif.empty()) add_media(it, gif, "image", caption);
    else if (std::string mp4 = str.get(source, "mp4"); !mp4.empty()) add_media(it, mp4, "video", caption);
  };
  const json& gallery = jarr(jobj(d, "gallery_data"), "items");
  for (const auto& g : gallery) {
    add_entry(jobj(meta, jstr(g, "media_id")), str.get(g, "caption"));
    if (std::string out = str.get(g, "outbound_url"); !out.empty()) it.links.push_back(out);
  }
  // Emotes ("emote|t5_…|2028", t "sticker") are the community's emoji drawn inline: not a picture
  // the person posted.
  if (gallery.empty())
    for (auto m = meta.begin(); m != meta.end(); ++m)
      if (m.key().rfind("emote|", 0) != 0 && jstr(*m, "t") != "sticker") add_entry(*m, "");
}

// The pictures and video Reddit hosts for a post: the preview's source (a full-size copy of the
// upload, or of a linked page's picture), else an upload on i.redd.it that only the post's url
// names (listings leave `preview` out at times); the gallery; a v.redd.it video
// (media.reddit_video, secure_media on older responses).
void add_hosted_media(Item& it, const json& d, const Strings& str) {
  const size_t before = it.media.size();
  for (const auto& img : jarr(jobj(d, "preview"), "images"))
    add_media(it, str.get(jobj(img, "source"), "url"), "image", "");
  if (it.media.size() == before) {
    std::string url = str.get(d, "url_overridden_by_dest");
    if (url.empty()) url = str.get(d, "url");
    if (auto u = Url::parse(url); u && u->host() == "i.redd.it") add_media(it, url, "image", "");
  }
  add_gallery(it, d, str);
  for (const char* key : {"media", "secure_media"})
    add_media(it, str.get(jobj(jobj(d, key), "reddit_video"), "fallback_url"), "video", "");
}

// A post's or comment's text: the HTML form for its links, else the Markdown source;
// "[deleted]"/"[removed]" is recorded as such, not as the text.
void read_body(Item& it, const json& d, const char* html_key, const char* text_key, const Strings& str) {
  if (std::string html = str.get(d, html_key); !html.empty()) {
    HtmlFragment f = parse_html_fragment(html, it.url);
    it.text = std::move(f.text);
    it.links = std::move(f.links);
  } else {
    it.text = str.get(d, text_key);
  }
  if (is_placeholder(trim(it.text))) {
    it.fields.emplace_back("body", std::string(trim(it.text)));
    it.text.clear();
  }
}

Item thing_item(const std::string& kind, const json& d, const Page& page, ParseOutput& out, const Strings& str) {
  Item it = platform_item(page, out, "reddit");
  it.id = "reddit:" + kind + "_" + jstr(d, "id");
  it.extractor = "reddit-json";
  // A deleted account's posts and comments stay, authored by "[deleted]": no one to name.
  std::string author = jstr(d, "author");
  if (!author.empty() && !is_placeholder(author)) it.author = {"u/" + author, "", k_reddit_origin + "/user/" + author + "/"};
  it.url = k_reddit_origin + jstr(d, "permalink");
  if (auto t = from_epoch(d.contains("created_utc") ? d["created_utc"] : json())) it.published_at = t;
  // "edited" is false, or the edit time in epoch seconds.
  if (auto t = from_epoch(d.contains("edited") && d["edited"].is_number() ? d["edited"] : json())) it.updated_at = t;
  if (std::string sub = jstr(d, "subreddit_name_prefixed"); !sub.empty()) it.fields.emplace_back("subreddit", sub);
  if (kind == "t3") {
    it.kind = ItemKind::post;
    it.title = str.get(d, "title");
    read_body(it, d, "selftext_html", "selftext", str);
    if (it.text.empty()) it.text = it.title;
    if (!jbool(d, "is_self", true) && !jstr(d, "url").empty()) it.links.push_back(reddit_url(str.get(d, "url")));
    // A crosspost: the post it shares (someone else's, or the author's own elsewhere), whose media
    // it shows; its own media and secure_media are null.
    for (const auto& parent : jarr(d, "crosspost_parent_list")) {
      if (std::string link = jstr(parent, "permalink"); !link.empty()) it.links.push_back(k_reddit_origin + link);
      if (std::string by = jstr(parent, "author"); !by.empty() && !is_placeholder(by)) it.fields.emplace_back("crosspost_of", "u/" + by);
      add_hosted_media(it, parent, str);
    }
    add_hosted_media(it, d, str);
    // A poll's options (the post's author wrote them); an embedded video's title and channel.
    for (const auto& o : jarr(jobj(d, "poll_data"), "options"))
      if (std::string text = str.get(o, "text"); !text.empty()) it.fields.emplace_back("poll.option", text);
    for (const char* key : {"media", "secure_media"}) {
      const json& oembed = jobj(jobj(d, key), "oembed");
      if (oembed.is_null()) continue;
      if (std::string title = jstr(oembed, "title"); !title.empty()) it.fields.emplace_back("embed.title", html_to_text(title));
      if (std::string by = str.get(oembed, "author_name"); !by.empty()) it.fields.emplace_back("embed.author", by);
      break;
    }
    if (jbool(d, "over_18")) it.fields.emplace_back("over_18", "true");
    if (std::string by = jstr(d, "removed_by_category"); !by.empty()) it.fields.emplace_back("removed_by", by);
  } else {
    it.kind = ItemKind::comment;
    read_body(it, d, "body_html", "body", str);
    add_gallery(it, d, str);  // images posted in a comment
    it.parent_id = "reddit:" + jstr(d, "parent_id");
    if (std::string t = str.get(d, "link_title"); !t.empty()) it.fields.emplace_back("link_title", t);
    if (jbool(d, "over_18")) it.fields.emplace_back("over_18", "true");
  }
  std::vector<std::string> links;
  for (auto& l : it.links)
    if (std::find(links.begin(), links.end(), l) == links.end()) links.push_back(std::move(l));
  it.links = std::move(links);
  return it;
}

}  // namespace

ParseOutput parse_reddit_json(const Page& page) {
  ParseOutput out;
  json doc = parse_json_page(page, out);
  if (doc.is_discarded()) return out;
  std::string url = page.final_url.empty() ? page.url : page.final_url;
  const Strings str{query_param(url, "raw_json") != "1"};
  // A post page's JSON is an array of two Listings (the post, its comments).
  std::vector<const json*> things;
  // A comment's "replies" is "" or a Listing of the comments under it (any depth).
  std::function<void(const json&, int)> add_thing = [&](const json& c, int depth) {
    things.push_back(&c);
    const json& replies = jobj(jobj(c, "data"), "replies");
    if (depth < 64 && jstr(replies, "kind") == "Listing")
      for (const auto& r : jarr(jobj(replies, "data"), "children")) add_thing(r, depth + 1);
  };
  auto collect = [&](const json& listing) {
    if (jstr(listing, "kind") == "Listing") {
      for (const auto& c : jarr(jobj(listing, "data"), "children")) add_thing(c, 0);
      return true;
    }
    if (listing.is_object() && listing.contains("kind") && listing.contains("data")) things.push_back(&listing);
    return false;
  };
  if (doc.is_array()) {
    for (const auto& l : doc) collect(l);
  } else if (collect(doc)) {
    if (std::string after = jstr(jobj(doc, "data"), "after"); !after.empty())
      out.links.push_back({with_query_param(url, "after", after), "next", "next"});
  }
  for (const json* t : things) {
    std::string kind = jstr(*t, "kind");
    const json& d = jobj(*t, "data");
    if (kind == "t2") out.items.push_back(account_item(d, page, out, str));
    else if (kind == "t3" || kind == "t1") out.items.push_back(thing_item(kind, d, page, out, str));
  }
  if (doc.is_object() && doc.contains("error") && !doc.contains("kind"))
    out.errors.push_back("Reddit API error from " + url + ": " + jid(doc, "error") + " " + jstr(doc, "message"));
  return out;
}

}  // namespace exposcan
