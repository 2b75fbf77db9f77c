#include "parsers/platforms/youtube_data.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "core/text.h"
#include "core/url.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan {

using nlohmann::json;

json youtube_script_object(std::string_view html, std::string_view name) {
  // A page assigns the object once or twice; the name written many times with no balanced object
  // after it must not cost a scan to the end of the page each time.
  constexpr int k_max_tries = 8;
  int tries = 0;
  for (size_t at = html.find(name); at != std::string_view::npos && tries < k_max_tries; at = html.find(name, at + 1)) {
    // `var ytInitialData = {` and `window["ytInitialData"] = {`
    size_t open = html.find_first_not_of(" \t\r\n=\"']", at + name.size());
    if (open == std::string_view::npos || html[open] != '{') continue;
    ++tries;
    int depth = 0;
    bool in_string = false, escaped = false;
    for (size_t i = open; i < html.size(); ++i) {
      const char ch = html[i];
      if (in_string) {
        if (escaped) escaped = false;
        else if (ch == '\\') escaped = true;
        else if (ch == '"') in_string = false;
      } else if (ch == '"') {
        in_string = true;
      } else if (ch == '{') {
        ++depth;
      } else if (ch == '}' && --depth == 0) {
        json j = json::parse(html.substr(open, i - open + 1), nullptr, false);
        if (j.is_object()) return j;
        break;
      }
    }
  }
  return json();
}

std::string youtube_handle_in(std::string_view url) {
  if (auto u = Url::parse(url))
    for (auto s : split(u->path(), '/'))
      if (s.size() > 1 && s[0] == '@') return std::string(s);
  return std::string();
}

namespace {

constexpr std::string_view k_site = "https://www.youtube.com";
constexpr size_t k_max_items = 500;         // per page

// The text of a YouTube text object: a plain string, {"simpleText": …}, {"runs": [{"text": …}]}
// or a view model's {"content": …}.
std::string yt_text(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (!j.is_object()) return {};
  if (auto s = jstr(j, "simpleText"); !s.empty()) return s;
  if (auto s = jstr(j, "content"); !s.empty()) return s;
  std::string out;
  for (const json& run : jarr(j, "runs")) out += jstr(run, "text");
  return out;
}

// The member `key` of an object whatever its type (null json when absent or `j` is no object).
const json& member(const json& j, std::string_view key) {
  static const json null;
  if (!j.is_object()) return null;
  auto it = j.find(key);
  return it == j.end() ? null : *it;
}

// Absolute URL: YouTube writes site paths ("/@jane") and protocol-relative images ("//yt3…").
std::string absolute(std::string url) {
  if (url.rfind("//", 0) == 0) return "https:" + url;
  if (url.rfind("/", 0) == 0) return std::string(k_site) + url;
  return url;
}

// The destination of a link YouTube wraps in its redirector (/redirect?…&q=<target>).
std::string link_target(std::string url) {
  url = absolute(std::move(url));
  if (auto u = Url::parse(url); u && u->path() == "/redirect")
    if (std::string q = query_param(url, "q"); !q.empty()) return q;
  return url;
}

// The largest picture of a thumbnail list ({url, width, height} objects; view models call the
// list `sources`).
std::string largest_thumbnail(const json& j) {
  const json& list = j.is_array() ? j : !jarr(j, "thumbnails").empty() ? jarr(j, "thumbnails") : jarr(j, "sources");
  std::string url = largest_candidate(list);
  return url.empty() ? url : absolute(url);
}

bool valid_video_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 &&
         std::all_of(id.begin(), id.end(), [](char c) { return is_ascii_alnum(c) || c == '-' || c == '_'; });
}

// The object at a path of member names (null json when any step is missing or no object).
const json& at_path(const json& j, std::initializer_list<std::string_view> keys) {
  const json* at = &j;
  for (std::string_view k : keys) at = &jobj(*at, k);
  return *at;
}

// The channel a renderer names as its owner (ownerText / shortBylineText / authorText runs with a
// browse endpoint): its id and @handle, empty when it names none.
struct Owner {
  std::string channel_id;
  std::string handle;
};

Owner owner_of(const json& r) {
  Owner o;
  // A lockup names its channel through the avatar beside it (a stack of avatars, for several
  // channels, names none here).
  const json& avatar = at_path(r, {"metadata", "lockupMetadataViewModel", "image", "decoratedAvatarViewModel", "rendererContext",
                                   "commandContext", "onTap", "innertubeCommand", "browseEndpoint"});
  if (avatar.is_object()) {
    o.channel_id = jstr(avatar, "browseId");
    if (std::string base = jstr(avatar, "canonicalBaseUrl"); base.rfind("/@", 0) == 0) o.handle = base.substr(1);
    return o;
  }
  for (const char* key : {"ownerText", "longBylineText", "shortBylineText", "authorText"}) {
    const json& runs = jarr(jobj(r, key), "runs");
    if (runs.empty()) continue;
    const json& browse = jobj(jobj(runs[0], "navigationEndpoint"), "browseEndpoint");
    const json& b = browse.is_object() ? browse : jobj(jobj(r, "authorEndpoint"), "browseEndpoint");
    o.channel_id = jstr(b, "browseId");
    if (std::string base = jstr(b, "canonicalBaseUrl"); base.rfind("/@", 0) == 0) o.handle = base.substr(1);
    break;
  }
  return o;
}

// Calls `f(key, object)` for every object member of `root` that is an object (walk_json's order);
// renderers inside renderers are visited too (the videos of a shelf, a post's attached video).
template <typename F>
void walk_objects(const json& root, F&& f) {
  walk_json(root, [&](std::string_view key, const json& v) {
    if (!key.empty() && v.is_object()) f(key, v);
    return true;
  });
}

class Reader {
 public:
  Reader(Item& channel, const Item& base, std::string channel_id)
      : m_channel(channel), m_base(base), m_channel_id(std::move(channel_id)) {}

  // First pass: what the page says about the channel.
  void visit_channel(std::string_view key, const json& r) {
    if (key == "channelMetadataRenderer") return channel_metadata(r);
    if (key == "aboutChannelViewModel" || key == "channelAboutFullMetadataRenderer") return about(r);
    if (key == "pageHeaderViewModel" || key == "c4TabbedHeaderRenderer") return header(r);
    if (key == "channelExternalLinkViewModel") return external_link(r);
  }

  // Second pass: the videos, Shorts and posts it lists (credited with the channel known).
  void visit_items(std::string_view key, const json& r) {
    if (key == "videoRenderer" || key == "gridVideoRenderer" || key == "channelVideoPlayerRenderer" ||
        key == "compactVideoRenderer")
      return video(r);
    if (key == "reelItemRenderer") return video_item(jstr(r, "videoId"), true, yt_text(jobj(r, "headline")), "",
                                                     largest_thumbnail(jobj(r, "thumbnail")), r);
    if (key == "shortsLockupViewModel") return shorts_lockup(r);
    if (key == "lockupViewModel") return lockup(r);
    if (key == "backstagePostRenderer") return community_post(r);
  }

  std::vector<Item> take() { return std::move(m_items); }

 private:
  void channel_metadata(const json& r) {
    if (std::string d = jstr(r, "description"); !d.empty()) m_channel.text = d;
    if (m_channel.author.name.empty()) m_channel.author.name = jstr(r, "title");
    if (m_channel.title.empty()) m_channel.title = jstr(r, "title");
    handle_from(jstr(r, "vanityChannelUrl"));
    for (const json& u : jarr(r, "ownerUrls"))
      if (u.is_string()) handle_from(u.get<std::string>());
    add_media(m_channel, largest_thumbnail(jobj(r, "avatar")), "image", "");
    add_keywords(jstr(r, "keywords"));
  }

  // "drawing \"urban sketching\" ink" -> drawing, urban sketching, ink.
  void add_keywords(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && s[i] == ' ') ++i;
      if (i >= s.size()) break;
      size_t end;
      std::string word;
      if (s[i] == '"') {
        end = s.find('"', i + 1);
        if (end == std::string_view::npos) end = s.size();
        word = std::string(trim(s.substr(i + 1, end - i - 1)));
        i = end + 1;
      } else {
        end = s.find(' ', i);
        if (end == std::string_view::npos) end = s.size();
        word = std::string(s.substr(i, end - i));
        i = end;
      }
      if (!word.empty() && std::find(m_channel.tags.begin(), m_channel.tags.end(), word) == m_channel.tags.end())
        m_channel.tags.push_back(std::move(word));
    }
  }

  void handle_from(std::string_view url_or_handle) {
    if (!m_channel.author.handle.empty()) return;
    if (url_or_handle.size() > 1 && url_or_handle[0] == '@' && url_or_handle.find(' ') == std::string_view::npos)
      m_channel.author.handle = std::string(url_or_handle);
    else
      m_channel.author.handle = youtube_handle_in(url_or_handle);
  }

  void about(const json& r) {
    if (std::string d = yt_text(member(r, "description")); d.size() > m_channel.text.size()) m_channel.text = d;
    add_field_once(m_channel, "country", yt_text(member(r, "country")));
    std::string joined = std::string(trim(yt_text(jobj(r, "joinedDateText"))));
    if (joined.rfind("Joined ", 0) == 0) joined = std::string(trim(joined.substr(7)));
    add_field_once(m_channel, "joined", joined);
    // Older about pages: primaryLinks with a title and a redirect endpoint.
    for (const json& l : jarr(r, "primaryLinks"))
      add_link(yt_text(jobj(l, "title")), jstr(jobj(jobj(l, "navigationEndpoint"), "urlEndpoint"), "url"));
  }

  void header(const json& r) {
    // pageHeaderViewModel: metadata rows of parts; the handle is the part that starts with '@'.
    for (const json& row : jarr(jobj(jobj(r, "metadata"), "contentMetadataViewModel"), "metadataRows"))
      for (const json& part : jarr(row, "metadataParts")) handle_from(yt_text(jobj(part, "text")));
    handle_from(yt_text(jobj(r, "channelHandleText")));
    if (m_channel.author.name.empty()) m_channel.author.name = yt_text(member(jobj(jobj(r, "title"), "dynamicTextViewModel"), "text"));
    if (std::string d = yt_text(member(jobj(jobj(r, "description"), "descriptionPreviewViewModel"), "description"));
        d.size() > m_channel.text.size())
      m_channel.text = d;
  }

  void external_link(const json& r) {
    const json& link = jobj(r, "link");
    std::string target;
    for (const json& run : jarr(link, "commandRuns"))
      if (target.empty())
        target = jstr(jobj(jobj(jobj(run, "onTap"), "innertubeCommand"), "urlEndpoint"), "url");
    std::string shown = yt_text(link);
    if (target.empty() && !shown.empty()) target = shown.find("://") == std::string::npos ? "https://" + shown : shown;
    add_link(yt_text(jobj(r, "title")), target);
  }

  void add_link(std::string title, std::string url) {
    if (url.empty()) return;
    url = link_target(std::move(url));
    if (std::find(m_channel.links.begin(), m_channel.links.end(), url) == m_channel.links.end()) m_channel.links.push_back(url);
    // "link: Instagram": the owner's title never takes the name of another field.
    add_field_once(m_channel, title.empty() ? "link" : "link: " + title, std::move(url));
  }

  void video(const json& r) {
    std::string text = yt_text(jobj(r, "descriptionSnippet"));
    if (text.empty()) text = yt_text(jobj(r, "description"));
    std::string title = yt_text(jobj(r, "title"));
    video_item(jstr(r, "videoId"), false, std::move(title), std::move(text), largest_thumbnail(jobj(r, "thumbnail")), r);
  }

  void shorts_lockup(const json& r) {
    std::string id = jstr(jobj(jobj(jobj(r, "onTap"), "innertubeCommand"), "reelWatchEndpoint"), "videoId");
    if (id.empty()) {
      // "shorts-shelf-item-<id>": the id itself may hold '-' and '_'.
      constexpr std::string_view prefix = "shorts-shelf-item-";
      if (std::string entity = jstr(r, "entityId"); entity.rfind(prefix, 0) == 0) id = entity.substr(prefix.size());
    }
    video_item(id, true, yt_text(jobj(jobj(r, "overlayMetadata"), "primaryText")), "",
               largest_thumbnail(jobj(r, "thumbnail")), r);
  }

  void lockup(const json& r) {
    const std::string type = jstr(r, "contentType");
    if (!type.empty() && type != "LOCKUP_CONTENT_TYPE_VIDEO") return;  // playlists, podcasts
    const json& meta = jobj(jobj(r, "metadata"), "lockupMetadataViewModel");
    const json& image = jobj(r, "contentImage");
    std::string thumb = largest_thumbnail(jobj(jobj(image, "thumbnailViewModel"), "image"));
    std::string published;
    for (const json& row : jarr(jobj(jobj(meta, "metadata"), "contentMetadataViewModel"), "metadataRows"))
      for (const json& part : jarr(row, "metadataParts"))
        if (std::string t = yt_text(jobj(part, "text")); iends_with(t, " ago")) published = t;
    video_item(jstr(r, "contentId"), false, yt_text(jobj(meta, "title")), "", thumb, r, published);
  }

  void video_item(const std::string& id, bool shorts, std::string title, std::string text, std::string thumb,
                  const json& r, std::string published = {}) {
    if (!valid_video_id(id) || names_another_owner(r)) return;
    Item* it = claim("youtube:video:" + id);
    if (!it) return;
    it->kind = ItemKind::video;
    it->url = std::string(k_site) + (shorts ? "/shorts/" : "/watch?v=") + id;
    if (it->title.empty()) it->title = std::move(title);
    if (text.size() > it->text.size()) it->text = std::move(text);
    add_media(*it, std::move(thumb), "image", "");
    if (published.empty()) published = yt_text(jobj(r, "publishedTimeText"));
    add_field_once(*it, "published_relative", published);
    credit(*it);
    if (members_only(r)) it->visibility = Visibility::followers;
  }

  void community_post(const json& r) {
    const std::string id = jstr(r, "postId");
    if (!valid_video_id(id) || names_another_owner(r)) return;
    Item* it = claim("youtube:post:" + id);
    if (!it) return;
    it->kind = ItemKind::post;
    it->url = std::string(k_site) + "/post/" + id;
    const json& content = jobj(r, "contentText");
    it->text = yt_text(content);
    for (const json& run : jarr(content, "runs")) {
      std::string u = jstr(jobj(jobj(run, "navigationEndpoint"), "urlEndpoint"), "url");
      if (!u.empty()) u = link_target(std::move(u));
      if (!u.empty() && std::find(it->links.begin(), it->links.end(), u) == it->links.end()) it->links.push_back(u);
      std::string t = jstr(run, "text");
      if (t.size() > 1 && t[0] == '#') it->tags.push_back(t.substr(1));
    }
    const json& attachment = jobj(r, "backstageAttachment");
    add_media(*it, largest_thumbnail(jobj(jobj(attachment, "backstageImageRenderer"), "image")), "image", "");
    for (const json& img : jarr(jobj(attachment, "postMultiImageRenderer"), "images"))
      add_media(*it, largest_thumbnail(jobj(jobj(img, "backstageImageRenderer"), "image")), "image", "");
    for (const json& choice : jarr(jobj(attachment, "pollRenderer"), "choices"))
      if (std::string t = yt_text(jobj(choice, "text")); !t.empty()) it->text += (it->text.empty() ? "" : "\n") + t;
    add_field_once(*it, "published_relative", yt_text(jobj(r, "publishedTimeText")));
    credit(*it);
    if (r.contains("sponsorsOnlyBadge")) it->visibility = Visibility::followers;
  }

  // The item with this id: a new one (nullptr past the cap) or the one already read, so a video
  // listed twice (featured and in a shelf) is one item.
  Item* claim(const std::string& id) {
    if (auto found = m_index.find(id); found != m_index.end()) return &m_items[found->second];
    if (m_items.size() >= k_max_items) return nullptr;
    m_index.emplace(id, m_items.size());
    Item& it = m_items.emplace_back(m_base);
    it.id = id;
    it.visibility = Visibility::public_;
    return &it;
  }

  // Videos and posts of other channels that a channel page shows (featured channels' shelves,
  // "channels I watch") are not the channel's: they are left out.
  bool names_another_owner(const json& r) const {
    const Owner o = owner_of(r);
    if (!o.channel_id.empty() && !m_channel_id.empty()) return o.channel_id != m_channel_id;
    return !o.handle.empty() && !m_channel.author.handle.empty() && !iequals(o.handle, m_channel.author.handle);
  }

  void credit(Item& it) {
    if (it.author.url.empty() && it.author.handle.empty()) it.author = m_channel.author;
  }

  // A members-only badge: metadataBadgeRenderer (older renderers) or badgeViewModel (lockups'
  // metadata rows, newer renderers), anywhere in the renderer.
  static bool members_only(const json& r) {
    bool found = false;
    walk_objects(r, [&](std::string_view key, const json& b) {
      found = found || (key == "metadataBadgeRenderer" && jstr(b, "style") == "BADGE_STYLE_TYPE_MEMBERS_ONLY") ||
              (key == "badgeViewModel" && jstr(b, "badgeStyle") == "BADGE_MEMBERS_ONLY");
    });
    return found;
  }

  Item& m_channel;
  const Item& m_base;
  std::string m_channel_id;
  std::vector<Item> m_items;
  std::map<std::string, size_t> m_index;
};

}  // namespace

std::vector<Item> read_youtube_initial_data(const json& data, Item& channel, const Item& base) {
  if (!data.is_object()) return {};
  std::string channel_id;
  for (const auto& [name, value] : channel.fields)
    if (name == "channel_id") channel_id = value;
  Reader reader(channel, base, channel_id);
  walk_objects(data, [&](std::string_view key, const json& r) { reader.visit_channel(key, r); });
  walk_objects(data, [&](std::string_view key, const json& r) { reader.visit_items(key, r); });
  return reader.take();
}

}  // namespace exposcan
