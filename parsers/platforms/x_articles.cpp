#include "parsers/platforms/x_articles.h"

#include <algorithm>
#include <optional>
#include <set>

#include "core/text.h"
#include "core/url.h"
#include "parsers/html_dates.h"
#include "parsers/html_text.h"
#include "parsers/platforms/platform_common.h"

namespace exposcan {
namespace {

constexpr std::string_view k_x_site = "https://x.com";
constexpr size_t k_max_rendered_posts = 1000;

bool test_id(HtmlNode n, std::string_view id) { return n.is_element() && n.attr_or("data-testid") == id; }

HtmlNode find_test_id(HtmlNode root, std::string_view id);

// The card of a quoted post inside a post: a <div role="link"> holding its own User-Name (the
// post's own name links are <a role="link">). What is in it is the quoted post's, not the post's.
bool is_quote_card(HtmlNode n) {
  return n.is("div") && n.attr_or("role") == "link" && find_test_id(n, "User-Name");
}

// The first element of `root`'s subtree (root included) with data-testid `id`.
HtmlNode find_test_id(HtmlNode root, std::string_view id) {
  HtmlNode found;
  walk_tree(root, [&](HtmlNode n) {
    if (found) return false;
    if (test_id(n, id)) found = n;
    return !found && (n.is_element() || n.is_document());
  });
  return found;
}

// The same within the post itself, leaving out a quoted post's card.
HtmlNode find_own(HtmlNode article, std::string_view id) {
  HtmlNode found;
  walk_tree(article, [&](HtmlNode n) {
    if (found || (n != article && is_quote_card(n))) return false;
    if (test_id(n, id)) found = n;
    return !found && n.is_element();
  });
  return found;
}

// The path segments of a link on x.com, whether the saved page kept it relative ("/jane/status/1")
// or made it absolute ("https://x.com/jane/status/1", "https://twitter.com/…").
std::vector<std::string> x_path(std::string_view href) {
  std::vector<std::string> segs;
  auto base = Url::parse(k_x_site);
  if (!base) return segs;
  auto u = base->resolve(href);
  if (!u) return segs;
  const std::string host = u->host();
  if (host != "x.com" && host != "twitter.com" && host != "www.x.com" && host != "mobile.twitter.com" && host != "www.twitter.com")
    return segs;
  for (auto s : split(u->path(), '/'))
    if (!s.empty()) segs.emplace_back(s);
  return segs;
}

bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_ascii_digit); }

struct StatusLink {
  std::string handle, id, datetime;
};

// The post's own link: the anchor around its <time> (the first one: a quoted post's card has
// none), else the first /HANDLE/status/ID link.
std::optional<StatusLink> status_link(HtmlNode article) {
  std::optional<StatusLink> with_time, first;
  walk_tree(article, [&](HtmlNode n) {
    if (with_time || (n != article && is_quote_card(n))) return false;
    if (n.is("a")) {
      const auto segs = x_path(n.attr_or("href"));
      if (segs.size() >= 3 && segs[1] == "status" && all_digits(segs[2])) {
        StatusLink l{segs[0], segs[2], {}};
        walk_tree(n, [&](HtmlNode t) {
          if (t.is("time") && l.datetime.empty()) l.datetime = std::string(t.attr_or("datetime"));
          return l.datetime.empty();
        });
        if (!l.datetime.empty()) with_time = l;
        else if (!first) first = l;
      }
    }
    return n.is_element() || n.is_document();
  });
  if (with_time || !first) return with_time;
  // Saved with the link and the time apart: the article's first <time>.
  walk_tree(article, [&](HtmlNode t) {
    if (t.is("time") && first->datetime.empty()) first->datetime = std::string(t.attr_or("datetime"));
    return first->datetime.empty();
  });
  return first;
}

// The display name in the User-Name block: the text of its first link (the second is the @handle).
std::string display_name(HtmlNode article) {
  HtmlNode user = find_test_id(article, "User-Name");
  if (!user) return {};
  // The first link's text, else the first span's that is not the @handle.
  std::string name, span;
  walk_tree(user, [&](HtmlNode n) {
    if (!name.empty()) return false;
    if (n.is("a")) {
      name = std::string(trim(visible_text(n)));
      return false;
    }
    if (n.is("span") && span.empty())
      if (std::string t(trim(visible_text(n))); !t.empty() && t[0] != '@') span = t;
    return n.is_element();
  });
  if (name.empty() || name[0] == '@') name = span;
  return name;
}

// "Jane Example reposted" above a post: the handle its link names.
std::string reposted_by(HtmlNode article) {
  HtmlNode context = find_test_id(article, "socialContext");
  if (!context) return {};
  const std::string said = ascii_lower(visible_text(context));
  if (said.find("repost") == std::string::npos && said.find("retweet") == std::string::npos) return {};
  for (HtmlNode n = context; n && !test_id(n, "tweet"); n = n.parent())
    if (n.is("a"))
      if (auto segs = x_path(n.attr_or("href")); segs.size() == 1) return "@" + segs[0];
  std::string handle;
  walk_tree(context, [&](HtmlNode n) {
    if (handle.empty() && n.is("a"))
      if (auto segs = x_path(n.attr_or("href")); segs.size() == 1) handle = "@" + segs[0];
    return handle.empty();
  });
  return handle;
}

// The post's pictures (not a quoted post's). A browser's "complete" save points `src` at its own
// copy ("./Jane_files/F1.jpg"): such a picture is kept, under that path, only for its alt text.
void add_photos(HtmlNode article, Item& it) {
  walk_tree(article, [&](HtmlNode n) {
    if (n != article && is_quote_card(n)) return false;
    if (!test_id(n, "tweetPhoto")) return n.is_element();
    walk_tree(n, [&](HtmlNode img) {
      if (img.is("img")) {
        std::string src(trim(img.attr_or("src")));
        if (src.rfind("//", 0) == 0) src = "https:" + src;
        std::string alt(trim(img.attr_or("alt")));
        if (alt == "Image") alt.clear();  // X's default when the poster wrote none
        const bool remote = src.rfind("https://", 0) == 0 || src.rfind("http://", 0) == 0;
        if (remote || !alt.empty()) add_media(it, std::move(src), "image", std::move(alt));
      }
      return img.is_element();
    });
    return false;
  });
}

}  // namespace

std::vector<Item> x_rendered_posts(const HtmlDocument& doc, const Item& base, std::string_view focal_id) {
  std::vector<Item> out;
  std::set<std::string> seen;
  size_t articles = 0;
  bool after_focal = false, replies_ended = false;
  walk_tree(doc.root(), [&](HtmlNode n) {
    if (articles >= k_max_rendered_posts) return false;
    // After the post and its replies, a logged-in page goes on under a heading ("Discover more"):
    // the posts there answer nothing.
    if (after_focal && (n.is("h2") || n.attr_or("role") == "heading")) replies_ended = true;
    if (!n.is("article") || !test_id(n, "tweet")) return n.is_element() || n.is_document();
    ++articles;
    auto link = status_link(n);
    if (!link) return false;
    const std::string id = "x:post:" + link->id;
    if (!seen.insert(id).second) return false;
    Item it = base;
    it.id = id;
    it.kind = ItemKind::post;
    it.url = std::string(k_x_site) + "/" + link->handle + "/status/" + link->id;
    it.visibility = Visibility::public_;
    it.author = {"@" + link->handle, display_name(n), std::string(k_x_site) + "/" + link->handle};
    if (HtmlNode text = find_own(n, "tweetText")) {
      it.text = std::string(trim(visible_text(text)));
      if (auto lang = text.attr("lang"); lang && *lang != "und") it.language = std::string(*lang);
    }
    if (auto ts = normalize_datetime(link->datetime)) it.published_at = ts;
    add_photos(n, it);
    add_field_once(it, "reposted_by", reposted_by(n));
    if (!focal_id.empty()) {
      if (link->id == focal_id) after_focal = true;
      else if (after_focal && !replies_ended) {
        it.kind = ItemKind::comment;
        it.parent_id = "x:post:" + std::string(focal_id);
      }
    }
    out.push_back(std::move(it));
    return false;
  });
  return out;
}

}  // namespace exposcan
