#include "parsers/platforms/x_graphql.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/text.h"
#include "parsers/html_dates.h"
#include "parsers/platforms/platform_common.h"
#include "parsers/platforms/x_common.h"

namespace exposcan {
namespace {

using nlohmann::json;

constexpr std::string_view k_graphql_origin = "https://x.com";
constexpr size_t k_graphql_max_items = 2000;

// A tweet result, unwrapped: TweetWithVisibilityResults holds the post in `tweet`.
const json& unwrap(const json& r) {
  if (jstr(r, "__typename") == "TweetWithVisibilityResults") return jobj(r, "tweet");
  return r;
}

struct Account {
  std::string id, handle, name;
  bool is_protected = false;
};

// A user result (2025 moved screen_name and name from `legacy` to `core`).
Account account_of(const json& user) {
  Account a;
  a.id = jid(user, "rest_id");
  const json& core = jobj(user, "core");
  const json& legacy = jobj(user, "legacy");
  a.handle = jstr(core, "screen_name");
  if (a.handle.empty()) a.handle = jstr(legacy, "screen_name");
  a.name = jstr(core, "name");
  if (a.name.empty()) a.name = jstr(legacy, "name");
  a.is_protected = jbool(legacy, "protected") || jbool(jobj(user, "privacy"), "protected");
  return a;
}

class GraphqlReader {
 public:
  GraphqlReader(const Page& page, ParseOutput& out) : m_page(page), m_out(out) {}

  // The account a UserBy* answer is about.
  void account(const json& user) {
    const Account a = account_of(user);
    if (a.handle.empty()) return;
    const json& legacy = jobj(user, "legacy");
    Item it = platform_item(m_page, m_out, "x");
    it.kind = ItemKind::profile;
    it.id = "x:account:" + a.handle;
    it.url = std::string(k_graphql_origin) + "/" + a.handle;
    it.extractor = "x-graphql";
    it.title = a.name;
    it.author = {"@" + a.handle, a.name, it.url};
    it.text = x_written_text(jstr(legacy, "description"), jobj(jobj(legacy, "entities"), "description"), json(), it);
    std::string location = jstr(jobj(user, "location"), "location");
    if (location.empty()) location = jstr(legacy, "location");
    add_field_once(it, "location", location);
    for (const json& u : jarr(jobj(jobj(legacy, "entities"), "url"), "urls"))
      if (std::string w = jstr(u, "expanded_url"); !w.empty()) {
        add_field_once(it, "website", w);
        if (std::find(it.links.begin(), it.links.end(), w) == it.links.end()) it.links.push_back(w);
      }
    std::string joined = jstr(jobj(user, "core"), "created_at");
    if (joined.empty()) joined = jstr(legacy, "created_at");
    if (auto t = normalize_datetime(joined)) add_field_once(it, "joined", format_rfc3339(*t));
    std::string avatar = jstr(jobj(user, "avatar"), "image_url");
    if (avatar.empty()) avatar = jstr(legacy, "profile_image_url_https");
    add_media(it, avatar, "image", "avatar");
    it.visibility = a.is_protected ? Visibility::followers : Visibility::public_;
    push(std::move(it));
  }

  // One post, with the post it reposts or quotes; returns its item id ("" when not read). A
  // repost is the original post, credited to its author, shared by this account.
  std::string post(const json& result) {
    const json& t = unwrap(result);
    const std::string type = jstr(t, "__typename");
    if (!type.empty() && type != "Tweet") return {};  // TweetTombstone, TweetUnavailable
    const json& legacy = jobj(t, "legacy");
    std::string id = jid(t, "rest_id");
    if (id.empty()) id = jid(legacy, "id_str");
    if (!is_numeric_id(id)) return {};
    const Account author = account_of(jobj(jobj(jobj(t, "core"), "user_results"), "result"));
    if (const json& original = jobj(jobj(legacy, "retweeted_status_result"), "result"); original.is_object()) {
      const std::string original_id = post(original);
      if (Item* it = read_item(original_id); it && !author.handle.empty()) add_field_once(*it, "reposted_by", "@" + author.handle);
      return original_id;
    }
    return post_item(t, legacy, id, author);
  }

 private:
  static bool is_numeric_id(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_ascii_digit); }

  // The item already read under this id (nullptr when none, or when it was over the cap).
  Item* read_item(const std::string& id) {
    auto at = m_index.find(id);
    return at == m_index.end() ? nullptr : &m_out.items[at->second];
  }

  std::string post_item(const json& t, const json& legacy, const std::string& id, const Account& author) {
    const std::string item_id = "x:post:" + id;
    if (!m_seen.insert(item_id).second) return item_id;
    Item it = platform_item(m_page, m_out, "x");
    it.kind = ItemKind::post;
    it.id = item_id;
    it.url = std::string(k_graphql_origin) + "/" + (author.handle.empty() ? "i/web" : author.handle) + "/status/" + id;
    it.extractor = "x-graphql";
    if (!author.handle.empty()) it.author = {"@" + author.handle, author.name, std::string(k_graphql_origin) + "/" + author.handle};
    it.language = jstr(legacy, "lang");
    if (auto ts = normalize_datetime(jstr(legacy, "created_at"))) it.published_at = ts;
    const json& extended = jarr(jobj(legacy, "extended_entities"), "media");
    const json& media = extended.empty() ? jarr(jobj(legacy, "entities"), "media") : extended;
    // A long post's whole text is the note; full_text stops after 280 characters.
    const json& note = jobj(jobj(jobj(t, "note_tweet"), "note_tweet_results"), "result");
    if (std::string text = jstr(note, "text"); !text.empty())
      it.text = x_written_text(std::move(text), jobj(note, "entity_set"), media, it);
    else
      it.text = x_written_text(jstr(legacy, "full_text"), jobj(legacy, "entities"), media, it);
    if (const std::string parent = jid(legacy, "in_reply_to_status_id_str"); !parent.empty()) {
      it.parent_id = "x:post:" + parent;
      // A reply to someone else is a comment; one to the author's own post continues a thread.
      if (jid(legacy, "in_reply_to_user_id_str") != author.id) it.kind = ItemKind::comment;
    }
    if (jbool(legacy, "possibly_sensitive")) add_field_once(it, "possibly_sensitive", "true");
    it.visibility = author.is_protected ? Visibility::followers : Visibility::public_;
    if (const json& quoted = jobj(jobj(t, "quoted_status_result"), "result"); quoted.is_object()) {
      if (const Item* q = read_item(post(quoted))) add_field_once(it, "quotes", q->url);
    }
    push(std::move(it));
    return item_id;
  }

  void push(Item it) {
    if (m_out.items.size() >= k_graphql_max_items) return;
    m_index.emplace(it.id, m_out.items.size());
    m_out.items.push_back(std::move(it));
  }

  const Page& m_page;
  ParseOutput& m_out;
  std::set<std::string> m_seen;              // posts read (or being read: a quote is read inside its post)
  std::map<std::string, size_t> m_index;     // item id -> place in m_out.items

};

}  // namespace

bool read_x_graphql(const json& doc, const Page& page, ParseOutput& out) {
  const json& data = jobj(doc, "data");
  if (!data.is_object() || data.empty()) return false;
  // What makes it X's: a user result, or tweet results anywhere below `data`.
  const json& user = jobj(jobj(data, "user"), "result");
  const bool user_answer = jstr(user, "__typename") == "User";
  // A post's own nested posts (quoted, reposted) are read with it, not found on their own.
  std::vector<const json*> results;
  walk_json(data, [&](std::string_view key, const json& v) {
    if (key != "tweet_results") return true;
    if (const json& r = jobj(v, "result"); r.is_object()) results.push_back(&r);
    return false;
  });
  const bool has_tweets = !results.empty();
  if (!user_answer && !has_tweets) return false;
  GraphqlReader reader(page, out);
  // A user answer's account (its `legacy` has the profile; a timeline's user result has none).
  if (user_answer && (user.contains("legacy") || user.contains("core")) && !user.contains("timeline") &&
      !user.contains("timeline_v2"))
    reader.account(user);
  for (const json* r : results) reader.post(*r);
  return true;
}

}  // namespace exposcan
