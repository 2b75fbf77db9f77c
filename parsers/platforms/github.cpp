#include "parsers/platforms/github.h"

#include "core/text.h"
#include "core/url.h"
#include "parsers/generic_html.h"
#include "parsers/html_dates.h"
#include "parsers/html_text.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan {
namespace {

using nlohmann::json;

const std::string k_web = "https://github.com";

Item user_item(const json& u, const Page& page, ParseOutput& out) {
  Item it = platform_item(page, out, "github");
  it.kind = ItemKind::profile;
  std::string login = jstr(u, "login");
  it.id = "github:account:" + login;
  it.url = jstr(u, "html_url").empty() ? k_web + "/" + login : jstr(u, "html_url");
  it.extractor = "github-api";
  it.title = jstr(u, "name");
  it.author = {login, it.title, it.url};
  it.text = jstr(u, "bio");
  for (const char* k : {"name", "company", "blog", "location", "email", "twitter_username", "pronouns"})
    if (std::string v = jstr(u, k); !v.empty()) it.fields.emplace_back(k, v);
  if (u.contains("hireable") && u["hireable"].is_boolean() && u["hireable"].get<bool>()) it.fields.emplace_back("hireable", "true");
  for (const char* k : {"public_repos", "public_gists", "followers", "following"})
    if (u.contains(k) && u[k].is_number()) it.fields.emplace_back(k, std::to_string(jint(u, k)));
  if (std::string blog = jstr(u, "blog"); !blog.empty()) it.links.push_back(blog);
  add_media(it, jstr(u, "avatar_url"), "image", "avatar");
  if (auto t = normalize_datetime(jstr(u, "created_at"))) it.published_at = t;
  return it;
}

Item event_item(const json& e, const Page& page, ParseOutput& out) {
  Item it = platform_item(page, out, "github");
  std::string type = jstr(e, "type");
  std::string repo = jstr(jobj(e, "repo"), "name");
  const json& payload = jobj(e, "payload");
  const json& actor = jobj(e, "actor");
  it.id = "github:event:" + jid(e, "id");
  it.kind = ItemKind::post;
  it.extractor = "github-api";
  it.author = {jstr(actor, "login"), "", k_web + "/" + jstr(actor, "login")};
  it.url = k_web + "/" + repo;
  it.title = type + " " + repo;
  it.fields.emplace_back("repo", repo);
  if (auto t = normalize_datetime(jstr(e, "created_at"))) it.published_at = t;
  if (!jbool(e, "public", true)) it.visibility = Visibility::followers;
  std::string text;
  auto add_text = [&](const std::string& s) {
    if (s.empty()) return;
    if (!text.empty()) text += "\n";
    text += s;
  };
  if (type == "PushEvent") {
    for (const auto& c : jarr(payload, "commits")) {
      add_text(jstr(c, "message"));
      const json& a = jobj(c, "author");
      if (!jstr(a, "email").empty()) it.fields.emplace_back("commit.author.email", jstr(a, "email"));
      if (!jstr(a, "name").empty()) it.fields.emplace_back("commit.author.name", jstr(a, "name"));
    }
    if (std::string ref = jstr(payload, "ref"); !ref.empty()) it.fields.emplace_back("ref", ref);
  } else {
    for (const char* key : {"issue", "pull_request", "comment", "release", "review"}) {
      const json& o = jobj(payload, key);
      if (o.is_null()) continue;
      if (!jstr(o, "title").empty() && std::string(key) != "comment") add_text(jstr(o, "title"));
      if (!jstr(o, "name").empty() && std::string(key) == "release") add_text(jstr(o, "name"));
      add_text(jstr(o, "body"));
      if (!jstr(o, "html_url").empty()) it.url = jstr(o, "html_url");
      if (std::string(key) == "comment") it.kind = ItemKind::comment;
    }
    if (type == "CreateEvent" || type == "PublicEvent" || type == "ForkEvent" || type == "WatchEvent") {
      it.kind = ItemKind::link;
      add_text(jstr(payload, "description"));
    }
  }
  it.text = text.empty() ? it.title : text;
  return it;
}

}  // namespace

ParseOutput parse_github_json(const Page& page) {
  ParseOutput out;
  json doc = parse_json_page(page, out);
  if (doc.is_discarded()) return out;
  std::string url = page.final_url.empty() ? page.url : page.final_url;
  if (doc.is_object() && doc.contains("login") && (doc.contains("type") || doc.contains("html_url"))) {
    out.items.push_back(user_item(doc, page, out));
    std::string login = jstr(doc, "login");
    out.links.push_back({"https://api.github.com/users/" + login + "/events/public", "api", ""});
  } else if (doc.is_array()) {
    for (const auto& e : doc)
      if (e.is_object() && e.contains("type") && e.contains("actor")) out.items.push_back(event_item(e, page, out));
  } else if (doc.is_object() && doc.contains("message")) {
    out.errors.push_back("GitHub API error from " + url + ": " + jstr(doc, "message"));
  }
  if (std::string next = link_header_target(page, "next"); !next.empty()) out.links.push_back({next, "next", "next"});
  return out;
}

ParseOutput parse_github_html(const Page& page) {
  HtmlAnalysis a = analyze_html(page);
  ParseOutput out = std::move(a.output);
  if (!a.document) return out;
  a.output.signals = out.signals;
  auto u = Url::parse(a.page_url);
  std::string path = u ? u->path() : "/";
  auto parts = split(path, '/');
  bool profile = parts.size() == 2 || (parts.size() == 3 && parts[2].empty());
  if (!profile || a.og.first("og:type") != "profile") {
    Item pg = page_item(a, page);
    pg.platform = "github";
    out.items.push_back(std::move(pg));
    return out;
  }
  std::string login = a.og.first("profile:username");
  if (login.empty()) login = std::string(parts[1]);
  Item p = platform_item(page, out, "github");
  p.kind = ItemKind::profile;
  p.id = "github:account:" + login;
  p.url = k_web + "/" + login;
  p.extractor = "github-html";
  HtmlNode readme;
  walk_tree(a.document->root(), [&](HtmlNode n) {
    if (!n.is_element()) return true;
    auto text = [&] { return collapse_whitespace(visible_text(n)); };
    if (n.has_class("p-name")) p.title = text();
    else if (n.has_class("p-nickname")) p.author.handle = text();
    else if (n.has_class("p-note")) p.text = text();
    else if (n.has_class("p-label")) p.fields.emplace_back("location", text());
    else if (n.has_class("p-org")) p.fields.emplace_back("company", text());
    else if (n.has_class("u-email")) p.fields.emplace_back("email", text());
    else if (n.is("a") && n.attr_or("itemprop") == "url") p.links.push_back(std::string(n.attr_or("href")));
    else if (n.is("article") && n.has_class("markdown-body") && !readme) readme = n;
    return true;
  });
  p.author = {login, p.title, p.url};
  for (const auto& img : a.og.images()) add_media(p, img.url, "image", img.alt);
  out.items.push_back(std::move(p));
  if (readme) {
    Item r = platform_item(page, out, "github");
    r.kind = ItemKind::article;
    r.id = "github:readme:" + login;
    r.url = k_web + "/" + login + "/" + login;
    r.title = login + "/README.md";
    r.extractor = "github-html";
    r.author = {login, "", k_web + "/" + login};
    r.text = visible_text(readme);
    walk_tree(readme, [&](HtmlNode n) {
      if (n.is("img") && n.has_attr("src")) add_media(r, std::string(n.attr_or("src")), "image", std::string(n.attr_or("alt")));
      if (n.is("a") && n.has_attr("href")) r.links.push_back(std::string(n.attr_or("href")));
      return true;
    });
    out.items.push_back(std::move(r));
  }
  return out;
}

}  // namespace exposcan
