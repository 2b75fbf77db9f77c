#include "parsers/platforms/github.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/generic_html.h"
#include "parsers/html_dates.h"
#include "parsers/html_text.h"
#include "parsers/link_resolver.h"
#include "parsers/mime_words.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan {
namespace {

using nlohmann::json;

const std::string k_web = "https://github.com";

// Apps act as "name[bot]" and have their page at github.com/apps/name.
std::string github_account_url(const std::string& login) {
  constexpr std::string_view bot = "[bot]";
  if (login.size() > bot.size() && login.ends_with(bot)) return k_web + "/apps/" + login.substr(0, login.size() - bot.size());
  return k_web + "/" + login;
}

// A push's page is its head commit: the compare view of before...head is what GitHub's own feed
// links, but github.com/robots.txt disallows /*/*/compare and allows /*/*/commit/.
std::string push_url(const std::string& repo, const json& payload) {
  const std::string head = jstr(payload, "head");
  return repo.empty() || head.empty() ? std::string() : k_web + "/" + repo + "/commit/" + head;
}

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
  // "blog" is as the user typed it, often without a scheme ("jane.example").
  if (std::string blog = jstr(u, "blog"); !blog.empty())
    it.links.push_back(blog.find("://") == std::string::npos ? "https://" + blog : blog);
  if (std::string x = jstr(u, "twitter_username"); !x.empty()) it.links.push_back("https://x.com/" + x);
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
  it.author = {jstr(actor, "login"), "", github_account_url(jstr(actor, "login"))};
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
    // Since 2025-10-07 the payload has no "commits" (nor size, distinct_size): head and before remain.
    if (std::string url = push_url(repo, payload); !url.empty()) it.url = url;
    for (const auto& c : jarr(payload, "commits")) {
      add_text(take_coauthor_trailers(jstr(c, "message"), it));
      const json& a = jobj(c, "author");
      add_commit_author_fields(it, jstr(a, "name"), jstr(a, "email"));
    }
    if (std::string ref = jstr(payload, "ref"); !ref.empty()) it.fields.emplace_back("ref", ref);
  } else {
    // What the actor wrote: the comment, review or release of the event, and the issue or pull
    // request itself only when its author is the actor (a comment's issue, or an issue someone
    // else closed, is context: a field, never the actor's text). GitHub's event types:
    // docs.github.com/en/rest/using-the-rest-api/github-event-types
    const std::string login = jstr(actor, "login");
    auto written_by_actor = [&](const json& o) {
      std::string by = jstr(jobj(o, "user"), "login");
      if (by.empty()) by = jstr(jobj(o, "author"), "login");
      return by.empty() || by == login;
    };
    // DiscussionEvent (events since 2025) carries the discussion as an issue is carried.
    for (const char* key : {"issue", "pull_request", "discussion"}) {
      const json& o = jobj(payload, key);
      if (o.is_null()) continue;
      std::string html_url = jstr(o, "html_url");
      // Since 2025-10-07 a PullRequestEvent's pull_request is a stub (url, id, number, head, base).
      if (html_url.empty() && std::string_view(key) == "pull_request" && !repo.empty() && jint(o, "number") > 0)
        html_url = k_web + "/" + repo + "/pull/" + std::to_string(jint(o, "number"));
      if (!html_url.empty()) it.url = html_url;
      const bool own = written_by_actor(o) && (type == "IssuesEvent" || type == "PullRequestEvent" || type == "DiscussionEvent");
      if (own) {
        add_text(jstr(o, "title"));
        add_text(jstr(o, "body"));
      } else if (!jstr(o, "title").empty()) {
        it.fields.emplace_back(std::string(key) + ".title", jstr(o, "title"));
      }
    }
    for (const char* key : {"comment", "review", "release"}) {
      const json& o = jobj(payload, key);
      if (o.is_null() || !written_by_actor(o)) continue;
      if (std::string(key) == "release") add_text(jstr(o, "name").empty() ? jstr(o, "tag_name") : jstr(o, "name"));
      add_text(jstr(o, "body"));
      if (!jstr(o, "html_url").empty()) it.url = jstr(o, "html_url");
      if (std::string(key) != "release") it.kind = ItemKind::comment;
    }
    if (std::string action = jstr(payload, "action"); !action.empty()) it.fields.emplace_back("action", action);
    if (type == "CreateEvent" || type == "DeleteEvent") {
      for (const char* key : {"ref_type", "ref"})
        if (std::string v = jstr(payload, key); !v.empty()) it.fields.emplace_back(key, v);
    }
    if (type == "ForkEvent") {
      const json& fork = jobj(payload, "forkee");
      if (std::string name = jstr(fork, "full_name"); !name.empty()) it.fields.emplace_back("fork", name);
      if (std::string url = jstr(fork, "html_url"); !url.empty()) {
        it.url = url;
        it.links.push_back(url);
      }
    }
    if (type == "GollumEvent") {  // wiki pages created or edited
      for (const auto& pg : jarr(payload, "pages")) {
        add_text(jstr(pg, "title"));
        if (std::string url = jstr(pg, "html_url"); !url.empty()) {
          if (it.links.empty()) it.url = url;
          it.links.push_back(url);
        }
      }
    }
    if (type == "MemberEvent") {  // the collaborator added is someone else: context, not the actor's
      if (std::string member = jstr(jobj(payload, "member"), "login"); !member.empty()) it.fields.emplace_back("member", member);
    }
    if (type == "CreateEvent" || type == "PublicEvent" || type == "ForkEvent" || type == "WatchEvent") {
      it.kind = ItemKind::link;
      add_text(jstr(payload, "description"));
    }
  }
  for (std::string& link : urls_in_text(text))
    if (std::find(it.links.begin(), it.links.end(), link) == it.links.end()) it.links.push_back(std::move(link));
  it.text = text.empty() ? it.title : text;
  return it;
}

// /users/NAME/social_accounts: [{"provider": "linkedin", "url": "https://www.linkedin.com/in/…"}]
// — the accounts elsewhere the user lists on their profile, one item naming them all.
Item social_accounts_item(const json& list, const std::string& login, const Page& page, ParseOutput& out) {
  Item it = platform_item(page, out, "github");
  it.kind = ItemKind::profile_field;
  it.id = "github:social_accounts:" + login;
  it.url = k_web + "/" + login;
  it.extractor = "github-api";
  it.title = "Social accounts";
  it.author = {login, "", it.url};
  for (const auto& a : list) {
    std::string url = jstr(a, "url");
    if (url.empty()) continue;
    it.fields.emplace_back("social." + (jstr(a, "provider").empty() ? std::string("generic") : jstr(a, "provider")), url);
    if (std::find(it.links.begin(), it.links.end(), url) == it.links.end()) it.links.push_back(url);
  }
  return it;
}

bool is_social_account_list(const json& doc) {
  if (!doc.is_array() || doc.empty()) return false;
  return std::all_of(doc.begin(), doc.end(), [](const json& a) { return a.is_object() && a.contains("provider") && a.contains("url"); });
}

}  // namespace

std::string github_noreply_login(std::string_view email) {
  constexpr std::string_view domain = "@users.noreply.github.com";
  if (email.size() <= domain.size() || !iends_with(email, domain)) return {};
  std::string_view local = email.substr(0, email.size() - domain.size());
  if (size_t plus = local.find('+'); plus != std::string_view::npos) local.remove_prefix(plus + 1);
  return std::string(local);
}

void add_commit_author_fields(Item& item, const std::string& name, const std::string& email) {
  if (!email.empty()) item.fields.emplace_back(github_noreply_login(email).empty() ? "commit.author.email" : "commit.author.noreply", email);
  if (!name.empty()) item.fields.emplace_back("commit.author.name", name);
}

std::string take_coauthor_trailers(std::string_view message, Item& item) {
  constexpr std::string_view key = "co-authored-by:";
  std::string out;
  for (std::string_view line : split(message, '\n')) {
    std::string_view t = trim(line);
    const size_t lt = t.rfind('<'), gt = t.rfind('>');
    if (t.size() > key.size() && iequals(t.substr(0, key.size()), key) && lt != std::string_view::npos &&
        gt != std::string_view::npos && lt < gt) {
      const Mailbox m = parse_mailbox(t.substr(key.size()));
      add_field_once(item, github_noreply_login(m.address).empty() ? "commit.coauthor.email" : "commit.coauthor.noreply", m.address);
      add_field_once(item, "commit.coauthor.name", m.name);
      continue;
    }
    out.append(line);
    out += '\n';
  }
  return std::string(trim(out));
}

ParseOutput parse_github_json(const Page& page) {
  ParseOutput out;
  json doc = parse_json_page(page, out);
  if (doc.is_discarded()) return out;
  std::string url = page.final_url.empty() ? page.url : page.final_url;
  if (doc.is_object() && doc.contains("login") && (doc.contains("type") || doc.contains("html_url"))) {
    out.items.push_back(user_item(doc, page, out));
    std::string login = jstr(doc, "login");
    out.links.push_back({"https://api.github.com/users/" + login + "/events/public", "api", ""});
    out.links.push_back({"https://api.github.com/users/" + login + "/social_accounts", "api", ""});
  } else if (is_social_account_list(doc)) {
    auto u = Url::parse(url);
    const std::string path = u ? u->path() : std::string();
    auto parts = split(path, '/');  // "", "users", NAME, "social_accounts"
    if (parts.size() >= 4 && parts[1] == "users" && parts[3] == "social_accounts")
      out.items.push_back(social_accounts_item(doc, std::string(parts[2]), page, out));
  } else if (doc.is_array()) {
    for (const auto& e : doc) {
      if (!e.is_object() || !e.contains("type") || !e.contains("actor")) continue;
      out.items.push_back(event_item(e, page, out));
      // The head commit's patch names its author; this page lists at most 30 events, and the
      // scope lets in only commit patches (app/targets.cpp).
      if (std::string url = push_url(jstr(jobj(e, "repo"), "name"), jobj(e, "payload")); !url.empty() && jstr(e, "type") == "PushEvent") {
        url += ".patch";
        if (std::none_of(out.links.begin(), out.links.end(), [&](const DiscoveredLink& l) { return l.url == url; }))
          out.links.push_back({url, "anchor", ""});
      }
    }
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
  const LinkResolver resolver(a.base);
  walk_tree(a.document->root(), [&](HtmlNode n) {
    if (!n.is_element()) return true;
    auto text = [&] { return collapse_whitespace(visible_text(n)); };
    if (n.has_class("p-name")) p.title = text();
    else if (n.has_class("p-nickname")) p.author.handle = text();
    else if (n.has_class("p-note")) p.text = text();
    else if (n.has_class("p-label")) p.fields.emplace_back("location", text());
    else if (n.has_class("p-org")) p.fields.emplace_back("company", text());
    else if (n.has_class("u-email")) p.fields.emplace_back("email", text());
    else if (n.is("article") && n.has_class("markdown-body") && !readme) readme = n;
    else if (n.is("a") && n.has_attr("href")) {
      // The vcard list: itemprop on the <a> or (current pages) on its <li>: url (the website),
      // email (a mailto: link), social (other profiles).
      std::string_view prop = n.attr_or("itemprop");
      if (prop.empty() && n.parent().is("li")) prop = n.parent().attr_or("itemprop");
      std::string href = resolver.resolve(n.attr_or("href"));
      if (prop == "email" && href.rfind("mailto:", 0) == 0) {
        add_field_once(p, "email", href.substr(7));
      } else if ((prop == "url" || prop == "social") && !href.empty()) {
        if (std::find(p.links.begin(), p.links.end(), href) == p.links.end()) p.links.push_back(href);
      }
    }
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
      if (n.is("img") && n.has_attr("src")) add_media(r, resolver.resolve(n.attr_or("src")), "image", std::string(n.attr_or("alt")));
      if (n.is("a") && n.has_attr("href") && n.attr_or("href").substr(0, 1) != "#") {  // not in-page anchors
        std::string href = resolver.resolve(n.attr_or("href"));
        if (!href.empty() && std::find(r.links.begin(), r.links.end(), href) == r.links.end())
          r.links.push_back(std::move(href));
      }
      return true;
    });
    out.items.push_back(std::move(r));
  }
  return out;
}

}  // namespace exposcan
