#include "parsers/platforms/x_syndication.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/html_dates.h"
#include "parsers/html_fragment.h"
#include "parsers/platforms/platform_common.h"
#include "parsers/platforms/x_common.h"
#include "parsers/platforms/x_graphql.h"

namespace exposcan {
namespace {

using nlohmann::json;

std::string x_post_id(const std::string& id) { return "x:post:" + id; }

// One post of a tweet-result answer (the post itself, its quoted post or its parent).
Item x_tweet_item(const json& t, const Page& page, ParseOutput& out) {
  Item it = platform_item(page, out, "x");
  const json& user = jobj(t, "user");
  const std::string handle = jstr(user, "screen_name");
  it.kind = ItemKind::post;
  it.id = x_post_id(jid(t, "id_str"));
  it.url = "https://x.com/" + handle + "/status/" + jid(t, "id_str");
  it.extractor = "x-syndication";
  it.author = {"@" + handle, jstr(user, "name"), "https://x.com/" + handle};
  it.language = jstr(t, "lang");
  if (auto ts = normalize_datetime(jstr(t, "created_at"))) it.published_at = ts;
  it.text = x_written_text(jstr(t, "text"), jobj(t, "entities"), jarr(t, "mediaDetails"), it);
  if (jarr(t, "mediaDetails").empty())
    for (const auto& ph : jarr(t, "photos")) add_media(it, jstr(ph, "url"), "image", "");
  if (jbool(t, "possibly_sensitive")) it.fields.emplace_back("possibly_sensitive", "true");
  return it;
}

void tweet_result(const json& t, const Page& page, ParseOutput& out) {
  Item it = x_tweet_item(t, page, out);
  if (const json& quoted = jobj(t, "quoted_tweet"); !quoted.is_null()) {
    Item q = x_tweet_item(quoted, page, out);
    it.fields.emplace_back("quotes", q.url);
    out.items.push_back(std::move(q));
  }
  std::string parent_id = jid(t, "in_reply_to_status_id_str");
  std::string parent_user = jid(t, "in_reply_to_user_id_str");
  if (const json& parent = jobj(t, "parent"); !parent.is_null()) {
    parent_id = jid(parent, "id_str");
    if (parent_user.empty()) parent_user = jid(jobj(parent, "user"), "id_str");
    out.items.push_back(x_tweet_item(parent, page, out));
  }
  if (!parent_id.empty()) {
    it.parent_id = x_post_id(parent_id);
    // A reply to someone else is a comment; one to the author's own post continues a thread.
    if (parent_user != jid(jobj(t, "user"), "id_str")) it.kind = ItemKind::comment;
  }
  out.items.insert(out.items.begin(), std::move(it));
}

// oEmbed: the post as the embed's blockquote: <p>text</p>&mdash; Name (@handle) <a href=…>date</a>.
void oembed(const json& o, const Page& page, ParseOutput& out) {
  Item it = platform_item(page, out, "x");
  const std::string url = jstr(o, "url");
  auto u = Url::parse(url);
  std::vector<std::string> segs;
  if (u)
    for (auto s : split(u->path(), '/'))
      if (!s.empty()) segs.emplace_back(s);
  it.kind = ItemKind::post;
  it.id = segs.size() >= 3 && segs[1] == "status" ? x_post_id(segs[2]) : url;
  it.url = url;
  it.extractor = "x-oembed";
  const std::string author_url = jstr(o, "author_url");
  it.author = {segs.empty() ? std::string() : "@" + segs[0], jstr(o, "author_name"), author_url};
  const std::string html = jstr(o, "html");
  const size_t p_open = html.find("<p"), p_close = html.find("</p>");
  if (p_open != std::string::npos && p_close != std::string::npos && p_close > p_open) {
    HtmlFragment f = parse_html_fragment(html.substr(p_open, p_close + 4 - p_open), url);
    it.text = f.text;
    it.links = f.links;
  }
  // The blockquote ends with the post's date as the last link's text ("April 8, 2024").
  if (size_t a = html.rfind("<a "); a != std::string::npos) {
    const size_t gt = html.find('>', a), end = html.find("</a>", a);
    if (gt != std::string::npos && end != std::string::npos && end > gt)
      if (auto ts = normalize_datetime(std::string(trim(html.substr(gt + 1, end - gt - 1))))) it.published_at = ts;
  }
  out.items.push_back(std::move(it));
}

}  // namespace

std::string x_written_text(std::string text, const json& entities, const json& media, Item& it) {
  // `text` writes links as t.co addresses: the written address is entities.urls[].expanded_url;
  // a picture's t.co link (media[].url) is not part of what was written.
  for (const auto& u : jarr(entities, "urls")) {
    const std::string short_url = jstr(u, "url"), expanded = jstr(u, "expanded_url");
    if (expanded.empty()) continue;
    if (std::find(it.links.begin(), it.links.end(), expanded) == it.links.end()) it.links.push_back(expanded);
    if (size_t at = short_url.empty() ? std::string::npos : text.find(short_url); at != std::string::npos)
      text.replace(at, short_url.size(), expanded);
  }
  if (media.is_array())
    for (const auto& m : media) {
      if (const std::string short_url = jstr(m, "url"); !short_url.empty())
        if (size_t at = text.find(short_url); at != std::string::npos) text.erase(at, short_url.size());
      const std::string type = jstr(m, "type");
      std::string url = jstr(m, "media_url_https");
      if (type == "video" || type == "animated_gif") {
        for (const auto& v : jarr(jobj(m, "video_info"), "variants"))
          if (jstr(v, "content_type") == "video/mp4" && !jstr(v, "url").empty()) url = jstr(v, "url");
        add_media(it, url, "video", jstr(m, "ext_alt_text"));
      } else {
        add_media(it, url, "image", jstr(m, "ext_alt_text"));
      }
    }
  for (const auto& h : jarr(entities, "hashtags"))
    if (!jstr(h, "text").empty()) it.tags.push_back(jstr(h, "text"));
  for (const auto& m : jarr(entities, "user_mentions"))
    if (!jstr(m, "screen_name").empty()) add_field_once(it, "mention", "@" + jstr(m, "screen_name"));
  return std::string(trim(text));
}

ParseOutput parse_x_json(const Page& page) {
  ParseOutput out;
  json doc = parse_json_page(page, out);
  if (doc.is_discarded() || !doc.is_object()) return out;
  if (read_x_graphql(doc, page, out)) return out;  // the web client's API (x_graphql.h)
  const std::string url = page.final_url.empty() ? page.url : page.final_url;
  const json& t = doc.contains("data") && doc["data"].is_object() ? doc["data"] : doc;  // react-tweet's {"data": …}
  const std::string type = jstr(t, "__typename");
  if (type == "TweetTombstone") {
    // Deleted, protected or withheld: X shows a notice instead of the post.
    Item it = platform_item(page, out, "x");
    it.kind = ItemKind::post;
    const std::string id = query_param(url, "id");
    it.id = id.empty() ? url : x_post_id(id);
    it.url = url;
    it.extractor = "x-syndication";
    it.visibility = Visibility::unknown;
    it.fields.emplace_back("tombstone", jstr(jobj(jobj(t, "tombstone"), "text"), "text"));
    out.items.push_back(std::move(it));
  } else if (type == "Tweet" || (t.contains("id_str") && t.contains("user") && t.contains("text"))) {
    tweet_result(t, page, out);
  } else if (jstr(doc, "type") == "rich" && doc.contains("html") && doc.contains("author_url")) {
    oembed(doc, page, out);
  }
  return out;
}

}  // namespace exposcan
