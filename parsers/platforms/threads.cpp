#include "parsers/platforms/threads.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>

#include "core/text.h"
#include "core/url.h"
#include "parsers/generic_html.h"
#include "parsers/html_dates.h"
#include "parsers/platforms/activitypub.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan {
namespace {

using nlohmann::json;

// Nesting the walk follows: the payloads nest ~30 deep; deeper is not Threads data.
constexpr int k_max_json_depth = 200;
const std::string k_bullet = " \u2022 ";  // " • ", Threads' separator in titles and descriptions

// Script payloads worth parsing: they name posts or an account.
bool may_hold_threads_data(std::string_view text) {
  return text.find("\"thread_items\"") != std::string_view::npos || text.find("\"follower_count\"") != std::string_view::npos ||
         text.find("\"biography\"") != std::string_view::npos;
}

// An account object (not a post's compact `user`): a username with profile data.
bool is_account(const json& j) {
  if (!j.contains("username") || !j["username"].is_string()) return false;
  return (j.contains("follower_count") && j["follower_count"].is_number()) || (j.contains("biography") && j["biography"].is_string()) ||
         (j.contains("bio_links") && j["bio_links"].is_array());
}

size_t account_richness(const json& j) {
  size_t r = 0;
  for (const char* key : {"full_name", "biography", "bio_links", "follower_count", "hd_profile_pic_versions"}) r += j.contains(key) ? 1 : 0;
  return r;
}

struct Embedded {
  std::vector<const json*> posts;               // thread_items[].post, in walk order
  std::map<std::string, const json*> accounts;  // username -> the richest account object
};

// Every post and account in one payload. Iterative, bounded in depth.
void collect(const json& root, Embedded& found) {
  std::vector<std::pair<const json*, int>> stack{{&root, 0}};
  while (!stack.empty()) {
    auto [j, depth] = stack.back();
    stack.pop_back();
    if (depth > k_max_json_depth) continue;
    std::vector<const json*> children;
    if (j->is_object()) {
      if (auto ti = j->find("thread_items"); ti != j->end() && ti->is_array())
        for (const json& entry : *ti)
          if (const json& post = jobj(entry, "post"); post.is_object()) found.posts.push_back(&post);
      if (is_account(*j)) {
        const json*& best = found.accounts[ascii_lower((*j)["username"].get<std::string>())];
        if (!best || account_richness(*j) > account_richness(*best)) best = j;
      }
      for (const auto& [key, value] : j->items())
        if (key != "thread_items" && (value.is_object() || value.is_array())) children.push_back(&value);
    } else if (j->is_array()) {
      for (const json& value : *j)
        if (value.is_object() || value.is_array()) children.push_back(&value);
    }
    for (auto c = children.rbegin(); c != children.rend(); ++c) stack.emplace_back(*c, depth + 1);
  }
}

void add_link(Item& it, std::string url) {
  if (!url.empty() && std::find(it.links.begin(), it.links.end(), url) == it.links.end()) it.links.push_back(std::move(url));
}

class Builder {
 public:
  Builder(const Page& page, ParseOutput& out, std::string origin) : m_page(page), m_out(out), m_origin(std::move(origin)) {}

  std::string account_url(const std::string& username) const { return m_origin + "/@" + username; }

  // The post; a repost is the post it shares, credited to its own author, with who shared it.
  // Items are found again by id (a post may come in several payloads).
  void post(const json& p, const std::string& main_id) {
    const json& info = jobj(p, "text_post_app_info");
    const json& share = jobj(info, "share_info");
    if (const json& shared = jobj(share, "reposted_post"); shared.is_object()) {
      if (Item* it = add_post(shared, main_id)) {
        std::string by = ascii_lower(jstr(jobj(p, "user"), "username"));
        if (!by.empty()) add_field_once(*it, "reposted_by", "@" + by);
      }
      return;
    }
    // A quoted post is someone else's: the quoting post links it.
    Item* it = add_post(p, main_id);
    if (const json& quoted = jobj(share, "quoted_post"); quoted.is_object() && it) add_link(*it, post_url(quoted));
  }

  void account(const json& u) {
    const std::string username = ascii_lower(jstr(u, "username"));  // user names are case-insensitive
    const std::string id = "threads:account:" + username;
    if (has(id)) return;
    m_index[id] = m_out.items.size();
    Item it = platform_item(m_page, m_out, "threads");
    it.kind = ItemKind::profile;
    it.id = id;
    it.url = account_url(username);
    it.extractor = "threads-json";
    it.author = {"@" + username, jstr(u, "full_name"), it.url};
    it.title = jstr(u, "full_name");
    it.text = jstr(u, "biography");
    for (const json& link : jarr(u, "bio_links")) add_link(it, jstr(link, "url"));
    add_link(it, jstr(u, "external_url"));
    for (const std::string& url : urls_in_text(it.text)) add_link(it, url);
    if (u.contains("follower_count") && u["follower_count"].is_number())
      it.fields.emplace_back("followers", std::to_string(jint(u, "follower_count")));
    for (const json& pronoun : jarr(u, "pronouns"))
      if (pronoun.is_string()) it.fields.emplace_back("pronouns", pronoun.get<std::string>());
    // A private account still shows its profile to everyone; only its threads need an accepted follow.
    if (jbool(u, "text_post_app_is_private") || jbool(u, "is_private")) it.fields.emplace_back("is_private", "true");
    std::string picture = largest_candidate(jarr(u, "hd_profile_pic_versions"));
    if (picture.empty()) picture = jstr(u, "profile_pic_url");
    add_media(it, picture, "image", "");
    m_out.items.push_back(std::move(it));
  }

  bool has(const std::string& id) const { return m_index.count(id) > 0; }

  // Posts by `username` that name no author: the display name the page gives for the account.
  void name_author(const std::string& username, const std::string& name) {
    if (username.empty() || name.empty()) return;
    for (auto& [id, index] : m_index)
      if (Item& it = m_out.items[index]; it.author.handle == "@" + username && it.author.name.empty()) it.author.name = name;
  }

 private:
  std::string post_url(const json& p) const {
    std::string code = jstr(p, "code"), username = ascii_lower(jstr(jobj(p, "user"), "username"));
    return code.empty() || username.empty() ? std::string() : account_url(username) + "/post/" + code;
  }

  Item* add_post(const json& p, const std::string& main_id) {
    std::string code = jstr(p, "code");
    if (code.empty()) code = jid(p, "pk");
    if (code.empty()) return nullptr;
    const std::string id = "threads:post:" + code;
    if (auto seen = m_index.find(id); seen != m_index.end()) return &m_out.items[seen->second];
    m_index[id] = m_out.items.size();
    const json& user = jobj(p, "user");
    const std::string username = ascii_lower(jstr(user, "username"));
    const json& info = jobj(p, "text_post_app_info");
    Item it = platform_item(m_page, m_out, "threads");
    it.id = id;
    it.url = post_url(p);
    if (it.url.empty()) it.url = m_origin + "/t/" + code;
    it.extractor = "threads-json";
    if (!username.empty()) it.author = {"@" + username, jstr(user, "full_name"), account_url(username)};
    it.text = jstr(jobj(p, "caption"), "text");
    if (p.contains("taken_at")) it.published_at = from_epoch(p["taken_at"]);
    const json& carousel = jarr(p, "carousel_media");
    for (const json& part : carousel) add_meta_media(it, part);
    if (carousel.empty()) add_meta_media(it, p);
    it.kind = jint(p, "media_type") == 2 ? ItemKind::video : ItemKind::post;
    const json& reply_to = jobj(info, "reply_to_author");
    if (jbool(info, "is_reply") || reply_to.is_object()) {
      it.kind = ItemKind::comment;
      if (std::string to = jstr(reply_to, "username"); !to.empty()) it.fields.emplace_back("reply_to", "@" + to);
      if (!main_id.empty() && main_id != id) it.parent_id = main_id;
    }
    for (const json& f : jarr(jobj(info, "text_fragments"), "fragments")) add_link(it, jstr(jobj(f, "link_fragment"), "uri"));
    add_link(it, jstr(jobj(info, "link_preview_attachment"), "url"));
    for (const std::string& url : urls_in_text(it.text)) add_link(it, url);
    for (const json& tag : jarr(jobj(p, "usertags"), "in"))
      if (std::string who = jstr(jobj(tag, "user"), "username"); !who.empty()) it.fields.emplace_back("tagged_user", who);
    if (const json& loc = jobj(p, "location"); loc.is_object()) {
      it.geo = Geo{jcoordinate(loc, "lat"), jcoordinate(loc, "lng"), jstr(loc, "name")};
      if (!it.geo->lat || !it.geo->lon) it.geo->lat = it.geo->lon = std::nullopt;
      if (it.geo->name.empty() && !it.geo->lat) it.geo.reset();
    }
    if (jbool(user, "text_post_app_is_private") || jbool(user, "is_private")) it.visibility = Visibility::followers;
    m_out.items.push_back(std::move(it));
    return &m_out.items.back();
  }

  const Page& m_page;
  ParseOutput& m_out;
  std::string m_origin;
  std::map<std::string, size_t> m_index;  // item id -> position in m_out.items
};

// A count as Threads writes one: a number ("1,234", "12.5K") and one word ("Followers").
bool is_count(std::string_view part) {
  size_t space = part.find(' ');
  if (space == 0 || space == std::string_view::npos || part.find(' ', space + 1) != std::string_view::npos) return false;
  if (!is_ascii_digit(part[0])) return false;
  return std::all_of(part.begin(), part.begin() + static_cast<std::ptrdiff_t>(space),
                     [](char c) { return is_ascii_digit(c) || c == ',' || c == '.' || c == 'K' || c == 'M' || c == 'B'; });
}

// "1,234 Followers • 56 Threads • Bio. See the latest conversations with @jane." ->
// {"1,234 Followers • 56 Threads", "Bio."}: at most three leading counts; a bio that starts with a
// number ("202-555-0147 text me", "3x marathoner") stays the bio.
std::pair<std::string, std::string> counts_and_bio(std::string_view d) {
  std::string counts;
  for (int n = 0; n < 3; ++n) {
    size_t sep = d.find(k_bullet);
    std::string_view part = trim(d.substr(0, sep));
    if (!is_count(part)) break;
    counts += (counts.empty() ? "" : k_bullet) + std::string(part);
    if (sep == std::string_view::npos) {
      d = {};
      break;
    }
    d.remove_prefix(sep + k_bullet.size());
  }
  if (size_t see = d.find("See the latest conversations with @"); see != std::string_view::npos) d = d.substr(0, see);
  return {counts, std::string(trim(d))};
}

// The account a Threads title names: "Jane Example (@janeexample) on Threads" (a post, in any
// language), "Jane Example (@janeexample) • Threads, Say more" (the profile). Nothing for a title
// that names no account ("Threads" on an app shell, an error or a deleted post), or another one
// than the address.
std::optional<Person> titled_account(std::string_view title, const std::string& handle) {
  size_t open = title.find(" (@");
  if (open == std::string_view::npos) return std::nullopt;
  size_t close = title.find(')', open);
  if (close == std::string_view::npos) return std::nullopt;
  std::string who(title.substr(open + 3, close - open - 3));
  if (who.empty() || who.find(' ') != std::string::npos || (!handle.empty() && ascii_lower(who) != handle)) return std::nullopt;
  return Person{"@" + ascii_lower(who), std::string(trim(title.substr(0, open))), ""};
}

// Without the embedded data: the account or the post from the OpenGraph tags, when the title
// names the account.
void from_opengraph(const HtmlAnalysis& a, const Page& page, ParseOutput& out, const std::string& origin, const std::string& handle,
                    const std::string& code) {
  const std::string title = a.og.title().empty() ? a.scan.title : a.og.title();
  std::optional<Person> who = titled_account(title, handle);
  if (!who) return;
  const std::string username = who->handle.substr(1);
  Item it = platform_item(page, out, "threads");
  it.extractor = "threads-html";
  it.author = {who->handle, who->name, origin + "/@" + username};
  for (const auto& img : a.og.images()) add_media(it, img.url, "image", img.alt);
  if (!code.empty()) {
    it.id = "threads:post:" + code;
    it.kind = ItemKind::post;
    it.url = origin + "/@" + username + "/post/" + code;
    it.text = a.og.description();  // the post's text
    if (auto ts = normalize_datetime(a.og.first("article:published_time"))) it.published_at = ts;
  } else {
    it.id = "threads:account:" + username;
    it.kind = ItemKind::profile;
    it.url = it.author.url;
    it.title = who->name;
    auto [counts, bio] = counts_and_bio(a.og.description());
    it.text = bio;
    if (!counts.empty()) it.fields.emplace_back("counts", counts);
    for (const std::string& url : urls_in_text(it.text)) add_link(it, url);
  }
  out.items.push_back(std::move(it));
}

}  // namespace

ParseOutput parse_threads_html(const Page& page) {
  HtmlAnalysis a = analyze_html(page);
  ParseOutput out = std::move(a.output);
  if (!a.document) return out;
  // Which page this is: /@NAME, /@NAME/post/CODE or /t/CODE (og:url first: it survives redirects).
  std::string og_url = a.og.first("og:url");
  auto u = Url::parse(og_url.empty() ? a.page_url : og_url);
  if (!u) u = Url::parse(a.page_url);
  std::string origin = "https://www.threads.com";
  std::vector<std::string> segments;
  if (u) {
    const std::string& host = u->host();
    if (host == "threads.net" || host == "threads.com" || host.ends_with(".threads.net") || host.ends_with(".threads.com"))
      origin = u->origin();
    for (auto s : split(u->path(), '/'))
      if (!s.empty()) segments.emplace_back(s);
  }
  std::string handle, code;
  // Threads user names are lower-case; addresses are matched without regard to case.
  if (!segments.empty() && segments[0].size() > 1 && segments[0][0] == '@') handle = ascii_lower(percent_decode(segments[0].substr(1)));
  if (segments.size() >= 3 && !handle.empty() && segments[1] == "post") code = segments[2];
  if (segments.size() >= 2 && segments[0] == "t") code = segments[1];
  const std::string main_id = code.empty() ? std::string() : "threads:post:" + code;

  std::vector<json> payloads;
  Embedded found;
  for (HtmlNode script : a.document->find_all("script")) {
    if (ascii_lower(script.attr_or("type")) != "application/json") continue;
    std::string text;
    for (HtmlNode c = script.first_child(); c; c = c.next_sibling())
      if (c.is_text()) text += c.text();
    if (!may_hold_threads_data(text)) continue;
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) {
      out.errors.push_back("threads: an embedded data script is not valid JSON (" + std::to_string(text.size()) + " bytes)");
      continue;
    }
    payloads.push_back(std::move(doc));
  }
  for (const json& doc : payloads) collect(doc, found);

  Builder build(page, out, origin);
  // The page's own account first (other accounts a page embeds, e.g. suggestions, are not the
  // person's), then every post: the main post before its replies.
  if (auto own = found.accounts.find(handle); own != found.accounts.end()) build.account(*own->second);
  if (!main_id.empty())
    for (const json* p : found.posts)
      if ("threads:post:" + jstr(*p, "code") == main_id) build.post(*p, main_id);
  for (const json* p : found.posts) build.post(*p, main_id);

  // Posts carry a compact user (no display name): the page names its own account.
  if (auto own = found.accounts.find(handle); own != found.accounts.end()) build.name_author(handle, jstr(*own->second, "full_name"));
  if (auto who = titled_account(a.og.title().empty() ? a.scan.title : a.og.title(), handle)) build.name_author(who->handle.substr(1), who->name);
  const bool have_page_item = code.empty() ? build.has("threads:account:" + handle) : build.has(main_id);
  if (!have_page_item && (!code.empty() || !handle.empty())) from_opengraph(a, page, out, origin, handle, code);
  return out;
}

ParseOutput parse_threads_json(const Page& page) {
  // Threads' fediverse actors and outboxes (threads.net/ap/...) are ActivityStreams.
  if (page.body.find("www.w3.org/ns/activitystreams") != std::string::npos) return parse_activitypub_json(page);
  ParseOutput out;
  json doc = parse_json_page(page, out);
  if (doc.is_discarded()) return out;
  Embedded found;
  collect(doc, found);
  auto u = Url::parse(page.final_url.empty() ? page.url : page.final_url);
  std::string origin = "https://www.threads.com";
  if (u && (u->host() == "www.threads.net" || u->host() == "threads.net" || u->host() == "threads.com")) origin = u->origin();
  // An answer is about what was asked for: every account it holds in full, every post.
  Builder build(page, out, origin);
  for (const auto& [username, account] : found.accounts) build.account(*account);
  for (const json* p : found.posts) build.post(*p, "");
  for (const auto& [username, account] : found.accounts) build.name_author(username, jstr(*account, "full_name"));
  return out;
}

}  // namespace exposcan
