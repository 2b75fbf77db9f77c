// Mastodon REST API entities (docs.joinmastodon.org/entities: Account, Status, MediaAttachment,
// Tag) and WebFinger as Items. Declared in parsers/platforms/mastodon.h.
#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/html_dates.h"
#include "parsers/html_fragment.h"
#include "parsers/platforms/activitypub.h"
#include "parsers/platforms/mastodon.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan {
namespace {

using nlohmann::json;

// "@user@host" for an account (acct is "user" on its home server, "user@other" for remote ones).
std::string handle_of(const json& account, const std::string& page_host) {
  std::string acct = jstr(account, "acct");
  if (acct.empty()) return {};
  if (acct.find('@') == std::string::npos) {
    std::string host = host_of(jstr(account, "url"));
    acct += "@" + (host.empty() ? page_host : host);
  }
  return "@" + acct;
}

Visibility status_visibility(std::string_view v) {
  if (v == "public") return Visibility::public_;
  if (v == "unlisted") return Visibility::unlisted;
  if (v == "private" || v == "direct") return Visibility::followers;
  return Visibility::unknown;
}

}  // namespace

// Mastodon's stand-in images for an account that set none (".../avatars/original/missing.png",
// ".../headers/original/missing.png"; suspended accounts always show them): not the person's photo.
bool is_mastodon_placeholder_image(std::string_view url) {
  auto u = Url::parse(url);
  std::string_view path = u ? std::string_view(u->path()) : url;
  return path.size() >= 12 && path.substr(path.size() - 12) == "/missing.png";
}

namespace {

Item account_item(const json& a, const Page& page, ParseOutput& out, const std::string& host) {
  Item p = platform_item(page, out, "mastodon");
  p.kind = ItemKind::profile;
  std::string home = host_of(jstr(a, "url"));
  p.id = "mastodon:" + (home.empty() ? host : home) + ":account:" + jstr(a, "username");
  p.url = jstr(a, "url");
  p.extractor = "mastodon-api";
  p.title = jstr(a, "display_name");
  p.author = {handle_of(a, host), p.title, p.url};
  HtmlFragment note = parse_html_fragment(jstr(a, "note"), p.url);
  p.text = note.text;
  p.links = note.links;
  for (const auto& f : jarr(a, "fields")) {
    HtmlFragment v = parse_html_fragment(jstr(f, "value"), p.url);
    p.fields.emplace_back(jstr(f, "name"), v.text);
    for (const auto& l : v.links)
      if (std::find(p.links.begin(), p.links.end(), l) == p.links.end()) p.links.push_back(l);
    if (std::string at = jstr(f, "verified_at"); !at.empty()) {
      auto t = normalize_datetime(at);  // "2024-01-08T12:04:51.000+00:00" as the other dates: UTC, "Z"
      p.fields.emplace_back(jstr(f, "name") + ".verified_at", t ? format_rfc3339(*t) : at);
    }
  }
  for (const char* image : {"avatar", "header"})
    if (std::string url = jstr(a, image); !is_mastodon_placeholder_image(url)) add_media(p, url, "image", image);
  if (auto t = normalize_datetime(jstr(a, "created_at"))) p.published_at = t;
  for (const char* flag : {"discoverable", "indexable", "noindex", "locked", "bot", "group", "limited", "suspended", "memorial"})
    if (a.contains(flag) && a[flag].is_boolean()) p.fields.emplace_back(flag, a[flag].get<bool>() ? "true" : "false");
  // A count the account hides is -1 (followers/following, "hide_collections").
  for (const char* count : {"statuses_count", "followers_count", "following_count"})
    if (a.contains(count) && a[count].is_number() && jint(a, count) >= 0) p.fields.emplace_back(count, std::to_string(jint(a, count)));
  // A locked account's profile is public; its posts need an approved follow (each status says so).
  // A suspended one shows nothing of the person: no profile to a visitor.
  if (jbool(a, "suspended")) p.visibility = Visibility::blocked;
  // Moved: the account now lives elsewhere (an Account with the new acct).
  if (const json& moved = jobj(a, "moved"); !moved.is_null()) {
    if (std::string handle = handle_of(moved, host); !handle.empty()) p.fields.emplace_back("moved_to", handle);
    if (std::string url = jstr(moved, "url"); !url.empty() && std::find(p.links.begin(), p.links.end(), url) == p.links.end())
      p.links.push_back(url);
  }
  return p;
}

Item status_item(const json& s, const Page& page, ParseOutput& out, const std::string& host) {
  const json& shown = s.contains("reblog") && s["reblog"].is_object() ? s["reblog"] : s;
  Item it = platform_item(page, out, "mastodon");
  it.kind = ItemKind::post;
  it.id = "mastodon:" + host + ":status:" + jid(s, "id");
  it.url = jstr(shown, "url").empty() ? jstr(shown, "uri") : jstr(shown, "url");
  it.extractor = "mastodon-api";
  const json& account = jobj(shown, "account");
  it.author = {handle_of(account, host), jstr(account, "display_name"), jstr(account, "url")};
  HtmlFragment f = parse_html_fragment(jstr(shown, "content"), it.url);
  it.text = f.text;
  it.links = f.links;
  for (auto& m : f.images) add_media(it, m.url, m.type, m.alt);
  if (std::string cw = jstr(shown, "spoiler_text"); !cw.empty()) it.fields.emplace_back("content_warning", cw);
  for (const auto& m : jarr(shown, "media_attachments")) {
    std::string type = jstr(m, "type");
    // url is null while the server still processes the file; remote_url / preview_url then.
    std::string url = jstr(m, "url");
    for (const char* fallback : {"remote_url", "preview_url"})
      if (url.empty()) url = jstr(m, fallback);
    add_media(it, url, type == "gifv" ? "video" : type.empty() || type == "unknown" ? "image" : type, jstr(m, "description"));
  }
  for (const auto& t : jarr(shown, "tags"))
    if (!jstr(t, "name").empty()) it.tags.push_back(jstr(t, "name"));
  for (const auto& m : jarr(shown, "mentions"))
    if (!jstr(m, "acct").empty()) it.fields.emplace_back("mention", "@" + jstr(m, "acct"));
  if (const json& card = jobj(shown, "card"); !card.is_null()) {
    if (std::string url = jstr(card, "url"); !url.empty() && std::find(it.links.begin(), it.links.end(), url) == it.links.end())
      it.links.push_back(url);
    if (!jstr(card, "title").empty()) it.fields.emplace_back("card.title", jstr(card, "title"));
  }
  if (const json& poll = jobj(shown, "poll"); !poll.is_null())
    for (const auto& o : jarr(poll, "options")) it.fields.emplace_back("poll.option", jstr(o, "title"));
  if (auto t = normalize_datetime(jstr(s, "created_at"))) it.published_at = t;
  if (auto t = normalize_datetime(jstr(shown, "edited_at"))) it.updated_at = t;
  if (it.visibility == Visibility::public_) it.visibility = status_visibility(jstr(s, "visibility"));
  it.language = jstr(shown, "language");
  if (!jid(shown, "in_reply_to_id").empty()) {
    it.parent_id = "mastodon:" + host + ":status:" + jid(shown, "in_reply_to_id");
    // A reply to someone else is a comment; one to the author's own status continues a thread.
    if (jid(shown, "in_reply_to_account_id") != jid(account, "id")) it.kind = ItemKind::comment;
  }
  if (&shown != &s) {
    it.kind = ItemKind::link;  // a boost of someone else's status
    it.fields.emplace_back("reblog_of", jstr(shown, "url"));
    if (std::string by = handle_of(jobj(s, "account"), host); !by.empty()) it.fields.emplace_back("reblogged_by", by);
  }
  // Mastodon 4.5 quote posts: `quote` is a Quote (the quoted Status embedded) or a ShallowQuote
  // (its id only); `state` says whether the quoted author approved.
  if (const json& quote = jobj(shown, "quote"); !quote.is_null()) {
    const json& quoted = jobj(quote, "quoted_status");
    std::string target = jstr(quoted, "url").empty() ? jstr(quoted, "uri") : jstr(quoted, "url");
    if (target.empty() && !jid(quote, "quoted_status_id").empty())
      target = "https://" + host + "/api/v1/statuses/" + jid(quote, "quoted_status_id");
    if (!target.empty()) it.fields.emplace_back("quotes", target);
    if (std::string state = jstr(quote, "state"); !state.empty() && state != "accepted") it.fields.emplace_back("quote.state", state);
  }
  if (jbool(shown, "sensitive")) it.fields.emplace_back("sensitive", "true");
  return it;
}

}  // namespace

ParseOutput parse_mastodon_json(const Page& page) {
  std::string url = page.final_url.empty() ? page.url : page.final_url;
  if (page.content_type.find("activity+json") != std::string::npos || page.content_type.find("ld+json") != std::string::npos)
    return parse_activitypub_json(page);
  ParseOutput out;
  json doc = parse_json_page(page, out);
  if (doc.is_discarded()) return out;
  std::string host = host_of(url);
  if (doc.is_array()) {
    for (const auto& s : doc)
      if (s.is_object() && s.contains("content")) out.items.push_back(status_item(s, page, out, host));
      else if (s.is_object() && s.contains("acct")) out.items.push_back(account_item(s, page, out, host));
  } else if (doc.is_object() && doc.contains("acct")) {
    out.items.push_back(account_item(doc, page, out, host));
    // The account's statuses are the next thing a person's exposure consists of (none to read
    // from a suspended account).
    std::string id = jid(doc, "id");
    if (!id.empty() && !jbool(doc, "suspended")) out.links.push_back({"https://" + host + "/api/v1/accounts/" + id + "/statuses", "api", ""});
  } else if (doc.is_object() && doc.contains("content") && doc.contains("account")) {
    out.items.push_back(status_item(doc, page, out, host));
  } else if (doc.is_object() && (doc.contains("ancestors") || doc.contains("descendants"))) {
    // /api/v1/statuses/:id/context (a Context): the statuses above and below one status.
    for (const char* key : {"ancestors", "descendants"})
      for (const auto& s : jarr(doc, key))
        if (s.is_object() && s.contains("content")) out.items.push_back(status_item(s, page, out, host));
  } else if (doc.is_object() && doc.contains("subject") && doc.contains("links")) {
    for (const auto& l : jarr(doc, "links"))
      if (jstr(l, "rel") == "self" || jstr(l, "rel") == "http://webfinger.net/rel/profile-page")
        out.links.push_back({jstr(l, "href"), "api", jstr(l, "rel")});
  } else if (looks_like_activitypub(doc)) {
    return parse_activitypub_json(page);
  } else if (doc.is_object() && doc.contains("error")) {
    out.errors.push_back("Mastodon API error from " + url + ": " + jstr(doc, "error"));
  }
  // Paging: statuses lists carry RFC 8288 Link headers (rel="next" with max_id).
  if (std::string next = link_header_target(page, "next"); !next.empty()) out.links.push_back({next, "next", "next"});
  return out;
}

}  // namespace exposcan
