#include "parsers/platforms/stackexchange.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/html_fragment.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan {
namespace {

using nlohmann::json;

struct Site {
  std::string name;      // "stackoverflow", "superuser", "gardening"
  std::string origin;    // "https://stackoverflow.com"
  std::string platform;  // "stackoverflow" or "stackexchange"
};

// The API's `site` parameter: a short name ("stackoverflow", "gardening") or the site's domain.
Site site_of(std::string_view url) {
  std::string s = ascii_lower(trim(query_param(url, "site")));
  if (s.empty()) s = "stackoverflow";
  std::string origin;
  if (s.find('.') != std::string::npos) {
    origin = "https://" + s;
    if (s.ends_with(".stackexchange.com")) s = s.substr(0, s.size() - std::string_view(".stackexchange.com").size());
    else s = s.substr(0, s.find('.'));
  } else {
    origin = stackexchange_origin(s);
  }
  return {s, origin, s == "stackoverflow" ? "stackoverflow" : "stackexchange"};
}

// The API HTML-escapes display names and titles ("O&#39;Example"): their plain text.
std::string plain(const json& j, const char* key) { return html_to_text(jstr(j, key)); }

void fill_owner(Item& it, const json& owner) {
  if (!owner.is_object()) return;
  it.author.name = plain(owner, "display_name");
  it.author.url = jstr(owner, "link");
}

// The body's text, pictures and links. A filter that asks for body_markdown alone gives the
// Markdown source, HTML-escaped: its text is the unescaped source, its links the URLs in it.
void fill_body(Item& it, const json& post, const Site& site) {
  if (jstr(post, "body").empty() && !jstr(post, "body_markdown").empty()) {
    it.text = html_to_text(jstr(post, "body_markdown"));
    for (auto& l : urls_in_text(it.text))
      if (std::find(it.links.begin(), it.links.end(), l) == it.links.end()) it.links.push_back(std::move(l));
    return;
  }
  HtmlFragment body = parse_html_fragment(jstr(post, "body"), it.url.empty() ? site.origin : it.url);
  it.text = std::move(body.text);
  for (auto& m : body.images) add_media(it, std::move(m.url), m.type, std::move(m.alt));
  for (auto& l : body.links)
    if (std::find(it.links.begin(), it.links.end(), l) == it.links.end()) it.links.push_back(std::move(l));
}

void fill_common(Item& it, const json& post) {
  for (const json& tag : jarr(post, "tags"))
    if (tag.is_string()) it.tags.push_back(tag.get<std::string>());
  if (post.contains("creation_date")) it.published_at = from_epoch(post["creation_date"]);
  if (post.contains("last_edit_date")) it.updated_at = from_epoch(post["last_edit_date"]);
  if (std::string license = jstr(post, "content_license"); !license.empty()) it.fields.emplace_back("license", license);
}

// What every item of the API has: its id ("stackexchange:<site>:<what>:<native id>") and its
// address (the object's `link`, else the site's short form `path` + id).
Item api_item(const json& o, const Page& page, const ParseOutput& out, const Site& site, ItemKind kind, const char* what,
              const char* id_key, const char* path) {
  Item it = platform_item(page, out, site.platform);
  it.kind = kind;
  const std::string id = jid(o, id_key);
  it.id = "stackexchange:" + site.name + ":" + what + ":" + id;
  it.url = jstr(o, "link");
  if (it.url.empty()) it.url = site.origin + path + id;
  it.extractor = "stackexchange-json";
  return it;
}

Item user_item(const json& u, const Page& page, const ParseOutput& out, const Site& site) {
  Item it = api_item(u, page, out, site, ItemKind::profile, "user", "user_id", "/users/");
  it.title = plain(u, "display_name");
  it.author = {"", it.title, it.url};
  it.text = html_to_text(jstr(u, "about_me"));
  for (const std::string& l : urls_in_text(jstr(u, "about_me"))) it.links.push_back(l);
  if (std::string location = plain(u, "location"); !location.empty()) it.fields.emplace_back("location", location);
  if (std::string website = jstr(u, "website_url"); !website.empty()) {
    it.fields.emplace_back("website", website);
    if (std::find(it.links.begin(), it.links.end(), website) == it.links.end()) it.links.push_back(website);
  }
  if (u.contains("reputation") && u["reputation"].is_number()) it.fields.emplace_back("reputation", std::to_string(jint(u, "reputation")));
  add_media(it, jstr(u, "profile_image"), "image", "");
  if (u.contains("creation_date")) it.published_at = from_epoch(u["creation_date"]);
  return it;
}

Item question_item(const json& q, const Page& page, const ParseOutput& out, const Site& site) {
  Item it = api_item(q, page, out, site, ItemKind::post, "question", "question_id", "/q/");
  it.title = plain(q, "title");
  fill_owner(it, jobj(q, "owner"));
  fill_body(it, q, site);
  fill_common(it, q);
  return it;
}

Item answer_item(const json& a, const Page& page, const ParseOutput& out, const Site& site) {
  Item it = api_item(a, page, out, site, ItemKind::comment, "answer", "answer_id", "/a/");  // an answer answers its question
  it.title = plain(a, "title");  // present when the filter asks for it
  if (std::string q = jid(a, "question_id"); !q.empty()) it.parent_id = "stackexchange:" + site.name + ":question:" + q;
  fill_owner(it, jobj(a, "owner"));
  fill_body(it, a, site);
  fill_common(it, a);
  if (jbool(a, "is_accepted")) it.fields.emplace_back("accepted", "true");
  return it;
}

// A comment on a question or an answer (/users/{id}/comments): public text under the site's
// licence like the posts. Its parent is the post it is on; `reply_to_user` is who it answers.
Item comment_item(const json& c, const Page& page, const ParseOutput& out, const Site& site) {
  Item it = api_item(c, page, out, site, ItemKind::comment, "comment", "comment_id", "/posts/comments/");
  // Questions and answers share one id space: without post_type the parent is not known.
  if (std::string post = jid(c, "post_id"); !post.empty()) {
    if (const std::string type = jstr(c, "post_type"); type == "answer" || type == "question")
      it.parent_id = "stackexchange:" + site.name + ":" + type + ":" + post;
    else
      it.fields.emplace_back("post_id", post);
  }
  fill_owner(it, jobj(c, "owner"));
  fill_body(it, c, site);
  fill_common(it, c);
  if (std::string to = plain(jobj(c, "reply_to_user"), "display_name"); !to.empty()) it.fields.emplace_back("reply_to", to);
  return it;
}

}  // namespace

std::string stackexchange_origin(std::string_view site) {
  const std::string s(site);
  if (s == "stackoverflow" || s == "superuser" || s == "serverfault" || s == "askubuntu" || s == "stackapps") return "https://" + s + ".com";
  if (s == "mathoverflow") return "https://mathoverflow.net";
  return "https://" + s + ".stackexchange.com";
}

ParseOutput parse_stackexchange_json(const Page& page) {
  ParseOutput out;
  json doc = parse_json_page(page, out);
  if (doc.is_discarded() || !doc.is_object()) return out;
  const std::string url = page.final_url.empty() ? page.url : page.final_url;
  // An error wrapper: {"error_id": 502, "error_name": "throttle_violation", "error_message": "..."}.
  if (std::string error = jstr(doc, "error_name"); !error.empty()) {
    out.errors.push_back("Stack Exchange API error " + jid(doc, "error_id") + " (" + error + "): " + jstr(doc, "error_message"));
    return out;
  }
  const Site site = site_of(url);
  for (const json& entry : jarr(doc, "items")) {
    if (!entry.is_object()) continue;
    if (entry.contains("comment_id")) out.items.push_back(comment_item(entry, page, out, site));
    else if (entry.contains("answer_id")) out.items.push_back(answer_item(entry, page, out, site));
    else if (entry.contains("question_id")) out.items.push_back(question_item(entry, page, out, site));
    else if (entry.contains("user_id") && entry.contains("display_name")) out.items.push_back(user_item(entry, page, out, site));
  }
  if (jbool(doc, "has_more")) {
    long long current = 1;
    if (std::string p = query_param(url, "page"); !p.empty() && std::all_of(p.begin(), p.end(), is_ascii_digit) && p.size() < 9)
      current = std::stoll(p);
    out.links.push_back({with_query_param(url, "page", std::to_string(current + 1)), "next", "next"});
  }
  return out;
}

}  // namespace exposcan
