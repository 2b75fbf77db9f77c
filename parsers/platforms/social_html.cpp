#include "parsers/platforms/social_html.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/generic_html.h"
#include "parsers/html_dates.h"
#include "parsers/html_text.h"
#include "parsers/platforms/platform_common.h"
#include "parsers/platforms/x_articles.h"
#include "parsers/platforms/youtube_data.h"

namespace exposcan {
namespace {

struct Parsed {
  HtmlAnalysis a;
  ParseOutput out;
  std::string path;
  std::vector<std::string> segments;  // non-empty path segments
};

Parsed start(const Page& page) {
  Parsed p;
  p.a = analyze_html(page);
  p.out = std::move(p.a.output);
  p.a.output.signals = p.out.signals;
  std::string og_url = p.a.og.first("og:url");
  auto u = Url::parse(og_url.empty() ? p.a.page_url : og_url);
  if (!u) u = Url::parse(p.a.page_url);
  p.path = u ? u->path() : "/";
  for (auto s : split(p.path, '/'))
    if (!s.empty()) p.segments.emplace_back(s);
  return p;
}

std::string canonical(const Parsed& p) {
  std::string og = p.a.og.first("og:url");
  if (!og.empty()) return og;
  if (p.a.output.signals && !p.a.output.signals->canonical_url.empty()) return p.a.output.signals->canonical_url;
  return p.a.page_url;
}

void og_media(const Parsed& p, Item& it) {
  for (const auto& img : p.a.og.images()) add_media(it, img.url, "image", img.alt);
  for (const auto& v : p.a.og.all("og:video")) add_media(it, v, "video", "");
}

// Text before a separator: "Jane Example (@janeexample) / X" -> "Jane Example".
std::string before(std::string_view s, std::string_view sep) {
  size_t pos = s.find(sep);
  return std::string(trim(pos == std::string_view::npos ? s : s.substr(0, pos)));
}

// The profile slug of a LinkedIn address ("https://uk.linkedin.com/in/jane-example" -> "jane-example").
std::string linkedin_slug_in(std::string_view u) {
  auto pu = Url::parse(u);
  if (!pu) return std::string();
  std::vector<std::string> segs;
  for (auto s : split(pu->path(), '/'))
    if (!s.empty()) segs.emplace_back(s);
  return segs.size() >= 2 && segs[0] == "in" ? segs[1] : std::string();
}

// The post a LinkedIn post address names. The number of its activity when the address gives one
// (/posts/<slug>-activity-<n>-<code>, /feed/update/urn:li:activity:<n>/, also in the canonical
// address), so both addresses of a post are one item: "urn:li:activity:<n>". Otherwise the slug
// of /posts/<slug> and /pulse/<slug>, or the URN of /feed/update/<urn>.
std::string linkedin_post_id(const std::vector<std::string>& segments, std::string_view canonical_url) {
  auto activity_in = [](std::string_view s) -> std::string {
    for (std::string_view marker : {"-activity-", "urn:li:activity:"}) {
      size_t at = s.find(marker);
      if (at == std::string_view::npos) continue;
      size_t begin = at + marker.size(), end = begin;
      while (end < s.size() && is_ascii_digit(s[end])) ++end;
      if (end > begin) return "urn:li:activity:" + std::string(s.substr(begin, end - begin));
    }
    return {};
  };
  const bool post = segments.size() >= 2 && (segments[0] == "posts" || segments[0] == "pulse");
  const bool update = segments.size() >= 3 && segments[0] == "feed" && segments[1] == "update";
  if (!post && !update) return {};
  if (std::string id = activity_in(segments[post ? 1 : 2]); !id.empty()) return id;
  if (std::string id = activity_in(canonical_url); !id.empty()) return id;
  return segments[post ? 1 : 2];
}

}  // namespace

ParseOutput parse_facebook_html(const Page& page) {
  Parsed p = start(page);
  if (!p.a.document) return std::move(p.out);
  const std::string url = canonical(p);
  const bool video = p.path.find("/videos/") != std::string::npos || p.path.rfind("/watch", 0) == 0 ||
                     p.path.rfind("/reel/", 0) == 0;
  const bool group = !p.segments.empty() && p.segments[0] == "groups";
  bool post = video || p.path.find("/posts/") != std::string::npos || p.path.rfind("/permalink.php", 0) == 0 ||
              p.path.rfind("/story.php", 0) == 0 || p.path.find("/photos/") != std::string::npos ||
              p.path.rfind("/photo", 0) == 0 || (group && p.segments.size() >= 3 && p.segments[2] == "permalink");
  Item it = platform_item(page, p.out, "facebook");
  it.url = url;
  it.extractor = "facebook-html";
  it.title = p.a.og.title();
  og_media(p, it);
  if (post) {
    it.kind = video ? ItemKind::video : ItemKind::post;
    std::string id = query_param(url, "story_fbid");
    if (id.empty()) id = query_param(url, "fbid");
    if (id.empty()) id = query_param(url, "v");  // /watch/?v=ID
    if (id.empty()) id = last_path_segment(url);
    it.id = "facebook:post:" + id;
    it.text = p.a.og.description();
    std::string author_path;  // the story header's first link (m.facebook.com)
    // m.facebook.com: the story body is in the markup (the <header> holds author and date).
    walk_tree(p.a.document->root(), [&](HtmlNode n) {
      if (!n.is_element()) return true;
      if (n.has_class("story_body_container") || n.attr_or("data-ad-preview") == "message") {
        std::string t;
        for (HtmlNode c : n.element_children())
          if (!c.is("header")) t += (t.empty() ? "" : "\n") + collapse_whitespace(visible_text(c));
        if (t.size() > it.text.size() || it.text == p.a.og.description()) it.text = t;
      }
      if (n.is("abbr") && !it.published_at) {
        if (auto ts = normalize_datetime(std::string(n.attr_or("title")))) it.published_at = ts;
        // m.facebook.com: <abbr data-store='{"time": 1712345678, ...}'> and no title.
        else if (auto store = nlohmann::json::parse(n.attr_or("data-store"), nullptr, false); store.is_object() && store.contains("time"))
          it.published_at = from_epoch(store["time"]);
      }
      // m.facebook.com: the story's <header> links its author first.
      if (n.is("header") && author_path.empty() && n.parent() && n.parent().has_class("story_body_container"))
        walk_tree(n, [&](HtmlNode c) {
          if (author_path.empty() && c.is("a")) author_path = std::string(c.attr_or("href"));
          return author_path.empty();
        });
      return true;
    });
    // The author: the first path segment (/jane.example/posts/1), else the story's id= (a numeric
    // profile id) or its header link. A group post's path names the group, not the author.
    std::string author;
    if (!p.segments.empty() && !group && p.segments[0] != "permalink.php" && p.segments[0] != "story.php" &&
        p.segments[0] != "watch" && p.segments[0] != "reel" && p.segments[0] != "photo" && p.segments[0] != "photo.php")
      author = p.segments[0];
    std::string author_url = author.empty() ? "" : "https://www.facebook.com/" + author;
    if (author.empty() && !group) {
      // "/jane.example.77?refid=52", or "/profile.php?id=1000…" for people without a vanity name.
      auto header = Url::parse(author_path.rfind('/', 0) == 0 ? "https://www.facebook.com" + author_path : "");
      const std::string header_path = header ? header->path() : "";
      if (header_path == "/profile.php" && !query_param(header->str(), "id").empty()) {
        author = query_param(header->str(), "id");
        author_url = "https://www.facebook.com/profile.php?id=" + author;
      } else if (header_path.size() > 1 && header_path.find('/', 1) == std::string::npos &&
                 !(header_path.size() > 4 && header_path.compare(header_path.size() - 4, 4, ".php") == 0)) {
        author = header_path.substr(1);
        author_url = "https://www.facebook.com/" + author;
      } else if (std::string id = query_param(url, "id"); !id.empty()) {
        author = id;
        author_url = "https://www.facebook.com/profile.php?id=" + id;
      }
    }
    if (group && p.segments.size() >= 2) it.fields.emplace_back("group", p.segments[1]);
    it.author = {author, group ? std::string() : before(it.title, " - "), author_url};
    if (const JsonLdNode* n = p.a.ld.first_of("SocialMediaPosting")) {
      if (!n->body.empty()) it.text = n->body;
      if (auto ts = normalize_datetime(n->date_published)) it.published_at = ts;
      if (!n->authors.empty()) it.author.name = n->authors[0].name;
    }
  } else {
    it.kind = ItemKind::profile;
    std::string handle = p.segments.empty() ? "" : p.segments[0] == "profile.php" ? query_param(url, "id") : p.segments[0];
    // /people/<Name>/<id>/: a profile without a user name; the id (numeric or pfbid) names it.
    if (handle == "people" && p.segments.size() >= 3) handle = p.segments[2];
    it.id = "facebook:account:" + handle;
    it.author = {handle, it.title, url};
    it.text = p.a.og.description();
    if (const JsonLdNode* n = p.a.ld.first_of("Person")) {
      if (!n->description.empty()) it.text = n->description;
      if (n->address) it.fields.emplace_back("location", n->address->to_string());
    }
    for (const auto& prop : p.a.og.properties)
      if (prop.first == "og:locality" || prop.first == "place:location:latitude" || prop.first == "business:contact_data:locality")
        it.fields.emplace_back(prop.first, prop.second);
  }
  p.out.items.push_back(std::move(it));
  for (Item& post_it : post_items(p.a, page)) {
    post_it.platform = "facebook";
    p.out.items.push_back(std::move(post_it));
  }
  return std::move(p.out);
}

ParseOutput parse_x_html(const Page& page) {
  Parsed p = start(page);
  if (!p.a.document) return std::move(p.out);
  const std::string url = canonical(p);
  Item it = platform_item(page, p.out, "x");
  it.url = url;
  it.extractor = "x-html";
  std::string title = p.a.og.title();
  if (title.empty()) title = p.a.scan.title;
  og_media(p, it);
  std::string handle = p.segments.empty() ? "" : p.segments[0];
  if (p.segments.size() >= 3 && p.segments[1] == "status") {
    it.kind = ItemKind::post;
    it.id = "x:post:" + p.segments[2];
    std::string d = p.a.og.description();
    if (d.empty()) d = p.a.og.first("twitter:description");
    // og:description of a post is the post text, sometimes wrapped in curly quotes.
    if (d.size() >= 6 && d.rfind("\xE2\x80\x9C", 0) == 0 && d.compare(d.size() - 3, 3, "\xE2\x80\x9D") == 0) d = d.substr(3, d.size() - 6);
    it.text = d;
    it.author = {"@" + handle, before(title, " on X"), "https://x.com/" + handle};
    if (const JsonLdNode* n = p.a.ld.first_of("SocialMediaPosting")) {
      if (!n->body.empty()) it.text = n->body;
      if (auto ts = normalize_datetime(n->date_published)) it.published_at = ts;
    }
    if (auto ts = normalize_datetime(p.a.og.first("article:published_time"))) it.published_at = ts;
  } else {
    it.kind = ItemKind::profile;
    it.id = "x:account:" + handle;
    std::string name = before(title, " (@");
    it.title = title;
    it.author = {"@" + handle, name, url};
    it.text = p.a.og.description();
    if (const JsonLdNode* n = p.a.ld.first_of("Person")) {
      if (!n->description.empty()) it.text = n->description;
      if (n->address) it.fields.emplace_back("location", n->address->to_string());
      if (n->raw.contains("homeLocation") && n->raw["homeLocation"].is_object() && n->raw["homeLocation"].contains("name") &&
          n->raw["homeLocation"]["name"].is_string())
        it.fields.emplace_back("location", n->raw["homeLocation"]["name"].get<std::string>());
      for (const auto& s : n->same_as) it.links.push_back(s);
    }
  }
  // A page saved from a browser holds the rendered posts (x_articles.h); the page's own post, when
  // among them, is completed from its rendering rather than listed twice.
  Item base = platform_item(page, p.out, "x");
  base.extractor = "x-html";
  std::vector<Item> rendered = x_rendered_posts(*p.a.document, base, it.kind == ItemKind::post ? p.segments[2] : "");
  for (auto r = rendered.begin(); r != rendered.end();) {
    if (r->id != it.id) {
      ++r;
      continue;
    }
    if (it.text.empty()) it.text = r->text;
    if (!it.published_at) it.published_at = r->published_at;
    if (it.author.name.empty()) it.author.name = r->author.name;
    for (Media& m : r->media) add_media(it, m.url, m.type, m.alt);
    r = rendered.erase(r);
  }
  p.out.items.push_back(std::move(it));
  for (Item& r : rendered) p.out.items.push_back(std::move(r));
  return std::move(p.out);
}

ParseOutput parse_linkedin_html(const Page& page) {
  Parsed p = start(page);
  if (!p.a.document) return std::move(p.out);
  const std::string url = canonical(p);
  bool post_page = !p.segments.empty() && (p.segments[0] == "posts" || p.segments[0] == "pulse" || p.segments[0] == "feed");
  std::vector<Item> profiles = post_page ? std::vector<Item>{} : profile_items(p.a, page);
  for (Item& it : profiles) {
    it.platform = "linkedin";
    if (it.extractor != "jsonld") continue;
    std::string slug = p.segments.size() >= 2 && p.segments[0] == "in" ? p.segments[1] : last_path_segment(url);
    it.id = "linkedin:account:" + slug;
    it.url = url;
    it.author.handle = slug;
    if (const JsonLdNode* n = p.a.ld.first_of("Person")) {
      for (const char* key : {"worksFor", "alumniOf", "memberOf"}) {
        if (!n->raw.contains(key)) continue;
        const auto& v = n->raw[key];
        auto add = [&](const nlohmann::json& o) {
          if (o.is_object() && o.contains("name") && o["name"].is_string()) it.fields.emplace_back(key, o["name"].get<std::string>());
        };
        if (v.is_array())
          for (const auto& o : v) add(o);
        else add(v);
      }
    }
    if (it.text.empty()) it.text = p.a.og.description();
    it.extractor = "linkedin-html";
  }
  // A public profile without JSON-LD: the account from its OpenGraph tags (og:type profile,
  // profile:first_name / last_name, title "Jane Example - Gardener - Example Co | LinkedIn").
  const bool has_account = std::any_of(profiles.begin(), profiles.end(), [](const Item& i) { return i.kind == ItemKind::profile && i.extractor == "linkedin-html"; });
  const bool og_profile = p.a.og.first("og:type") == "profile" || !p.a.og.first("profile:first_name").empty();
  if (!has_account && og_profile && p.segments.size() >= 2 && p.segments[0] == "in") {
    Item it = platform_item(page, p.out, "linkedin");
    it.kind = ItemKind::profile;
    it.id = "linkedin:account:" + p.segments[1];
    it.url = url;
    it.extractor = "linkedin-html";
    it.title = p.a.og.title();
    std::string name = std::string(trim(p.a.og.first("profile:first_name") + " " + p.a.og.first("profile:last_name")));
    if (name.empty()) name = before(before(it.title, " | LinkedIn"), " - ");
    it.author = {p.segments[1], name, url};
    it.text = p.a.og.description();
    og_media(p, it);
    profiles.insert(profiles.begin(), std::move(it));
  }
  if (!profiles.empty()) {
    for (Item& it : profiles) p.out.items.push_back(std::move(it));
  } else {
    Item it = page_item(p.a, page);
    it.platform = "linkedin";
    const std::string post_id = linkedin_post_id(p.segments, url);
    if (!post_id.empty()) {
      it.kind = ItemKind::post;
      it.id = "linkedin:post:" + post_id;
      for (std::string_view t : {"SocialMediaPosting", "DiscussionForumPosting", "Article"})
        if (const JsonLdNode* n = p.a.ld.first_of(t)) {
          if (!n->body.empty()) it.text = n->body;
          if (!n->authors.empty()) {
            const JsonLdRef& a = n->authors[0];
            // Public post pages give the author no alternateName, only the profile address, which
            // may be on a country host (https://il.linkedin.com/in/<slug>): the slug is the handle.
            std::string handle = a.alternate_name.empty() ? linkedin_slug_in(a.url) : a.alternate_name;
            it.author = {handle, a.name, a.url};
          }
          if (auto ts = normalize_datetime(n->date_published)) it.published_at = ts;
          break;
        }
      it.extractor = "linkedin-html";
      std::vector<Item> comments = jsonld_comment_items(p.a.ld, page, p.out, it, [](const JsonLdRef& a) {
        return Person{a.alternate_name.empty() ? linkedin_slug_in(a.url) : a.alternate_name, a.name, a.url};
      });
      p.out.items.push_back(std::move(it));
      for (Item& c : comments) p.out.items.push_back(std::move(c));
      return std::move(p.out);
    }
    p.out.items.push_back(std::move(it));
  }
  return std::move(p.out);
}

ParseOutput parse_youtube_html(const Page& page) {
  Parsed p = start(page);
  if (!p.a.document) return std::move(p.out);
  const std::string url = canonical(p);
  Item it = platform_item(page, p.out, "youtube");
  it.url = url;
  it.extractor = "youtube-html";
  it.title = p.a.og.title();
  it.text = p.a.og.description();
  og_media(p, it);
  std::string channel_id;
  for (const auto& m : p.a.scan.metas)
    if ((m.itemprop == "identifier" || m.itemprop == "channelId") && channel_id.empty()) channel_id = m.content;
  std::string video_id = query_param(p.a.page_url, "v");
  if (video_id.empty()) video_id = query_param(url, "v");
  if (!video_id.empty()) {
    it.kind = ItemKind::video;
    it.id = "youtube:video:" + video_id;
    for (const auto& m : p.a.scan.metas)
      if (m.itemprop == "datePublished" || m.itemprop == "uploadDate")
        if (auto ts = normalize_datetime(m.content)) it.published_at = ts;
    if (const JsonLdNode* n = p.a.ld.first_of("VideoObject")) {
      if (!n->description.empty()) it.text = n->description;
      if (auto ts = normalize_datetime(n->date_published)) it.published_at = ts;
    }
    // The uploader: <span itemprop="author"> holds <link itemprop="url" href=".../@handle"> and
    // <link itemprop="name" content="Name">.
    walk_tree(p.a.document->root(), [&](HtmlNode n) {
      if (!n.is_element() || n.attr_or("itemprop") != "author") return true;
      for (HtmlNode c : n.element_children()) {
        if (c.attr_or("itemprop") == "url" && it.author.url.empty()) it.author.url = std::string(c.attr_or("href"));
        if (c.attr_or("itemprop") == "name" && it.author.name.empty()) it.author.name = std::string(c.attr_or("content"));
      }
      return false;
    });
    for (const auto& m : p.a.scan.metas)
      if (m.itemprop == "unlisted" && iequals(m.content, "true")) it.visibility = Visibility::unlisted;
    // The player's answer in the page: the whole description (og:description stops after about 160
    // characters), the uploader, and whether the video is unlisted.
    const nlohmann::json player = youtube_script_object(page.body, "ytInitialPlayerResponse");
    const nlohmann::json& details = jobj(player, "videoDetails");
    const nlohmann::json& micro = jobj(jobj(player, "microformat"), "playerMicroformatRenderer");
    if (std::string d = jstr(details, "shortDescription"); !d.empty()) it.text = d;
    if (it.author.name.empty()) it.author.name = jstr(details, "author");
    if (it.author.url.empty()) it.author.url = jstr(micro, "ownerProfileUrl");
    if (jbool(micro, "isUnlisted")) it.visibility = Visibility::unlisted;
    if (!it.published_at)
      if (auto ts = normalize_datetime(jstr(micro, "publishDate"))) it.published_at = ts;
    for (const auto& kw : jarr(details, "keywords"))
      if (kw.is_string()) it.tags.push_back(kw.get<std::string>());
    it.author.handle = youtube_handle_in(it.author.url);
    if (channel_id.empty()) channel_id = jstr(details, "channelId");
    if (!channel_id.empty()) it.fields.emplace_back("channel_id", channel_id);
  } else {
    it.kind = ItemKind::profile;
    // The channel id ("UC" + 22 characters) is in the canonical /channel/ URL and in the channel's
    // RSS alternate link when no itemprop carries it.
    for (size_t i = 0; channel_id.empty() && i + 1 < p.segments.size(); ++i)
      if (p.segments[i] == "channel" && p.segments[i + 1].rfind("UC", 0) == 0) channel_id = p.segments[i + 1];
    for (const auto& l : p.a.scan.links)
      if (channel_id.empty() && l.href.find("/feeds/videos.xml") != std::string::npos) channel_id = query_param(l.href, "channel_id");
    // The @handle: in the address, else in the page's links to itself (<link itemprop="url">).
    std::string handle = youtube_handle_in(p.a.page_url);
    for (const auto& l : p.a.scan.links)
      if (handle.empty() && l.href.find("youtube.com/@") != std::string::npos) handle = youtube_handle_in(l.href);
    // The page's own data: the channel id, the whole description, the handle, and what the tab lists.
    const nlohmann::json data = youtube_script_object(page.body, "ytInitialData");
    const nlohmann::json& metadata = jobj(jobj(data, "metadata"), "channelMetadataRenderer");
    if (channel_id.empty()) channel_id = jstr(metadata, "externalId");
    it.id = "youtube:channel:" + (channel_id.empty() ? (handle.empty() ? url : handle) : channel_id);
    it.author = {handle, it.title, url};
    if (!channel_id.empty()) {
      it.fields.emplace_back("channel_id", channel_id);
      std::string feed = "https://www.youtube.com/feeds/videos.xml?channel_id=" + channel_id;
      bool known = false;
      for (const auto& l : p.out.links) known = known || l.url == feed;
      if (!known) p.out.links.push_back({feed, "feed", "alternate"});
    }
    for (const auto& kw : p.a.og.all("og:video:tag")) it.tags.push_back(kw);
    Item base = platform_item(page, p.out, "youtube");
    base.extractor = "youtube-html";
    std::vector<Item> listed = read_youtube_initial_data(data, it, base);
    p.out.items.push_back(std::move(it));
    for (Item& v : listed) p.out.items.push_back(std::move(v));
    return std::move(p.out);
  }
  p.out.items.push_back(std::move(it));
  return std::move(p.out);
}

}  // namespace exposcan
