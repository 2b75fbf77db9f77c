#include "parsers/generic_html.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/html_dates.h"
#include "parsers/html_document.h"
#include "parsers/html_scan.h"
#include "parsers/jsonld.h"
#include "parsers/links.h"
#include "parsers/microformats.h"
#include "parsers/opengraph.h"
#include "parsers/page_signals.h"

namespace exposcan {
namespace {

using nlohmann::json;

constexpr size_t k_max_item_links = 500;
constexpr size_t k_max_text = 256u << 10;

std::string cap_text(std::string s) {
  if (s.size() > k_max_text) s = std::string(utf8_prefix(s, k_max_text));
  return s;
}

std::string first_nonempty(std::initializer_list<std::string> values) {
  for (const auto& v : values)
    if (!trim(v).empty()) return std::string(trim(v));
  return {};
}

void add_media(std::vector<Media>& media, std::string url, std::string alt, const char* type = "image") {
  if (url.empty()) return;
  for (auto& m : media)
    if (m.url == url) {
      if (m.alt.empty()) m.alt = std::move(alt);
      return;
    }
  media.push_back({std::move(url), type, std::move(alt)});
}

// --- mf2 helpers -----------------------------------------------------------------------------

bool has_type(const json& item, std::string_view type) {
  if (!item.is_object() || !item.contains("type")) return false;
  for (const auto& t : item["type"])
    if (t.is_string() && t.get<std::string>() == type) return true;
  return false;
}

// First value of a property as text: strings, {"value"}, nested items' "value" or name.
std::string mf2_text(const json& item, const char* prop) {
  if (!item.contains("properties") || !item["properties"].contains(prop)) return {};
  for (const auto& v : item["properties"][prop]) {
    if (v.is_string() && !v.get<std::string>().empty()) return v.get<std::string>();
    if (v.is_object()) {
      if (v.contains("value") && v["value"].is_string()) return v["value"].get<std::string>();
      if (v.contains("properties")) return mf2_text(v, "name");
    }
  }
  return {};
}

std::vector<std::string> mf2_texts(const json& item, const char* prop) {
  std::vector<std::string> out;
  if (!item.contains("properties") || !item["properties"].contains(prop)) return out;
  for (const auto& v : item["properties"][prop]) {
    if (v.is_string()) out.push_back(v.get<std::string>());
    else if (v.is_object() && v.contains("value") && v["value"].is_string()) out.push_back(v["value"].get<std::string>());
  }
  return out;
}

void collect_entries(const json& items, std::vector<const json*>& out, int depth = 0) {
  if (depth > 8 || !items.is_array()) return;
  for (const auto& it : items) {
    if (has_type(it, "h-entry")) out.push_back(&it);
    if (it.contains("children")) collect_entries(it["children"], out, depth + 1);
  }
}

std::string strip_prefix(std::string v, std::string_view prefix) {
  if (istarts_with(v, prefix)) v = v.substr(prefix.size());
  return v;
}

Person mf2_author(const json& item) {
  Person p;
  if (!item.contains("properties") || !item["properties"].contains("author")) return p;
  const json& a = item["properties"]["author"][0];
  if (a.is_string()) p.name = a.get<std::string>();
  else if (a.is_object()) {
    p.name = mf2_text(a, "name");
    p.url = mf2_text(a, "url");
    if (p.name.empty() && a.contains("value") && a["value"].is_string()) p.name = a["value"].get<std::string>();
  }
  return p;
}

Item base_item(const Page& page, const std::string& page_url, std::shared_ptr<const PageSignals> signals) {
  Item it;
  it.platform = "web";
  it.source_url = page_url;
  it.source_sha256 = page.sha256;
  it.provenance = std::string(to_string(page.origin));
  it.visibility = page.status >= 200 && page.status < 300 ? Visibility::public_ : Visibility::unknown;
  it.signals = std::move(signals);
  it.language = it.signals ? it.signals->language : std::string();
  return it;
}

// A JSON-LD IRI (url, @id) resolved against the document base (JSON-LD 1.1: relative IRIs are
// relative to it); "" when empty or not a web address.
std::string jsonld_iri(const std::string& base, const std::string& iri) {
  if (trim(iri).empty()) return {};
  auto b = Url::parse(base);
  auto u = b ? b->resolve(trim(iri)) : Url::parse(trim(iri));
  if (!u || (u->scheme() != "http" && u->scheme() != "https")) return {};
  return u->str();  // fragments kept: "#me" names a node of this page
}

Item jsonld_profile(const JsonLdNode& p, Item it, const std::string& page_url, const std::string& base) {
  it.kind = ItemKind::profile;
  it.extractor = "jsonld";
  const std::string url = jsonld_iri(base, p.url);
  const std::string id = jsonld_iri(base, p.id);
  it.url = first_nonempty({url, page_url});
  it.id = first_nonempty({url, id, page_url + "#person"});
  it.title = p.name;
  it.author = {p.alternate_name, p.name, it.url};
  it.text = p.description;
  auto add = [&](const char* k, const std::string& v) {
    if (!v.empty()) it.fields.emplace_back(k, v);
  };
  add("name", p.name);
  add("alternateName", p.alternate_name);
  add("email", strip_prefix(p.email, "mailto:"));
  add("telephone", strip_prefix(p.telephone, "tel:"));
  if (p.address) {
    add("address", p.address->to_string());
    add("addressLocality", p.address->locality);
  }
  add("birthDate", p.birth_date);
  add("jobTitle", p.job_title);
  add("bio", p.description);
  for (const auto& s : p.same_as) it.links.push_back(s);
  for (const auto& img : p.images) add_media(it.media, img.url, img.caption);
  return it;
}

Item hcard_profile(const json& card, Item it, const std::string& page_url) {
  it.kind = ItemKind::profile;
  it.extractor = "mf2";
  std::string url = mf2_text(card, "url");
  it.url = first_nonempty({url, page_url});
  it.id = first_nonempty({url, page_url + "#h-card"});
  it.title = mf2_text(card, "name");
  it.author = {mf2_text(card, "nickname"), it.title, it.url};
  it.text = mf2_text(card, "note");
  for (const char* k : {"name", "nickname", "email", "tel", "adr", "street-address", "locality", "region",
                        "postal-code", "country-name", "bday", "note", "org", "job-title", "role", "gender-identity"}) {
    for (std::string v : mf2_texts(card, k)) {
      if (std::string_view(k) == "email") v = strip_prefix(v, "mailto:");
      if (std::string_view(k) == "tel") v = strip_prefix(v, "tel:");
      if (!v.empty()) it.fields.emplace_back(k, v);
    }
  }
  // A nested h-adr carries the locality.
  if (card["properties"].contains("adr"))
    for (const auto& a : card["properties"]["adr"])
      if (a.is_object() && a.contains("properties"))
        for (const char* k : {"locality", "region", "country-name"})
          if (auto v = mf2_text(a, k); !v.empty()) it.fields.emplace_back(k, v);
  if (card["properties"].contains("photo"))
    for (const auto& ph : card["properties"]["photo"]) {
      if (ph.is_string()) add_media(it.media, ph.get<std::string>(), {});
      else if (ph.is_object()) add_media(it.media, ph.value("value", ""), ph.value("alt", ""));
    }
  for (const auto& u : mf2_texts(card, "url")) it.links.push_back(u);
  return it;
}

// The entry's own URL: the first plain u-url value. An embedded microformat (e.g. Mastodon's
// `u-url p-author h-card` on the author link) is the author's URL, not the entry's.
std::string entry_url(const json& entry) {
  if (!entry.contains("properties") || !entry["properties"].contains("url")) return {};
  for (const auto& v : entry["properties"]["url"])
    if (v.is_string()) return v.get<std::string>();
  return mf2_text(entry, "url");
}

Item hentry_post(const json& entry, size_t index, Item it, const std::string& page_url) {
  it.kind = ItemKind::post;
  it.extractor = "mf2";
  std::string url = entry_url(entry);
  it.url = first_nonempty({url, page_url});
  it.id = !url.empty() ? url : page_url + "#" + std::to_string(index);
  std::string content = mf2_text(entry, "content");
  std::string name = mf2_text(entry, "name");
  it.text = cap_text(first_nonempty({content, mf2_text(entry, "summary"), name}));
  // An implied name repeats the whole text; keep a name only when it is a real title.
  if (!name.empty() && collapse_whitespace(name) != collapse_whitespace(it.text) &&
      collapse_whitespace(it.text).find(collapse_whitespace(name)) != 0)
    it.title = name;
  if (auto t = normalize_datetime(mf2_text(entry, "published"))) it.published_at = t;
  if (auto t = normalize_datetime(mf2_text(entry, "updated"))) it.updated_at = t;
  it.author = mf2_author(entry);
  for (const auto& c : mf2_texts(entry, "category")) it.tags.push_back(c);
  if (entry["properties"].contains("photo"))
    for (const auto& ph : entry["properties"]["photo"]) {
      if (ph.is_string()) add_media(it.media, ph.get<std::string>(), {});
      else if (ph.is_object()) add_media(it.media, ph.value("value", ""), ph.value("alt", ""));
    }
  if (entry["properties"].contains("in-reply-to")) it.parent_id = mf2_text(entry, "in-reply-to");
  return it;
}

// schema.org types of what a person writes on a page: the main one becomes the page's item, the
// others (a thread's replies, a feed page's posts, comments) items of their own.
constexpr std::string_view k_posting_types[] = {"BlogPosting", "NewsArticle", "Article", "SocialMediaPosting",
                                                "DiscussionForumPosting", "TechArticle", "ScholarlyArticle",
                                                "LiveBlogPosting", "Report"};

bool is_posting(const JsonLdNode& n) {
  return std::any_of(std::begin(k_posting_types), std::end(k_posting_types), [&](std::string_view t) { return n.is(t); });
}

// A posting on a social or forum site is a post; any other a post in the article sense.
ItemKind posting_kind(const JsonLdNode& n) {
  if (n.is("Comment")) return ItemKind::comment;
  return n.is("SocialMediaPosting") || n.is("DiscussionForumPosting") ? ItemKind::post : ItemKind::article;
}

const JsonLdNode* main_article(const JsonLdResult& ld) {
  for (std::string_view t : k_posting_types)
    if (const JsonLdNode* n = ld.first_of(t)) return n;
  return nullptr;
}

bool is_media_object(const JsonLdNode& n) { return n.is("ImageObject") || n.is("Photograph") || n.is("VideoObject"); }

// The photo or video a page is about, when no posting is: a WebPage's mainEntity, else a node
// written at the top level that nothing else on the page refers to (Yoast's "#primaryimage" and a
// publisher's logo are referred to, so they are not).
const JsonLdNode* main_media(const JsonLdResult& ld) {
  for (const auto& n : ld.nodes)
    if ((n.is("WebPage") || n.is("ItemPage")) && n.main_entity >= 0 &&
        is_media_object(ld.nodes[static_cast<size_t>(n.main_entity)]))
      return &ld.nodes[static_cast<size_t>(n.main_entity)];
  for (const auto& n : ld.nodes)
    if (is_media_object(n) && !n.nested && !ld.is_referenced(n.id)) return &n;
  return nullptr;
}

const JsonLdNode* main_person(const JsonLdResult& ld) {
  if (const JsonLdNode* page = ld.first_of("ProfilePage"); page && page->main_entity >= 0) {
    const JsonLdNode& m = ld.nodes[static_cast<size_t>(page->main_entity)];
    if (m.is("Person")) return &m;
  }
  return ld.first_of("Person");
}

}  // namespace

std::string meta_named(const HtmlScan& scan, std::string_view name) {
  for (const auto& m : scan.metas)
    if (m.name == name && !trim(m.content).empty()) return std::string(trim(m.content));
  return {};
}

HtmlAnalysis analyze_html(const Page& page) {
  HtmlAnalysis a;
  ParseOutput& out = a.output;
  a.page_url = page.final_url.empty() ? page.url : page.final_url;
  HtmlLimits limits;
  limits.drop_unread_markup = true;  // the items never carry an e-* property's html
  auto doc = HtmlDocument::parse(page.body, limits);
  if (!doc) {
    out.errors.push_back(doc.error().message);
    out.signals = std::make_shared<PageSignals>(extract_page_signals(HtmlScan{}, page.headers, a.page_url, &out.errors));
    return a;
  }
  out.errors = doc->errors();
  a.base = doc->base_url(a.page_url);
  a.scan = scan_html(*doc);
  a.og = extract_opengraph(a.scan);
  a.ld = extract_jsonld(a.scan.jsonld);
  out.errors.insert(out.errors.end(), a.ld.errors.begin(), a.ld.errors.end());
  auto signals = std::make_shared<PageSignals>(extract_page_signals(a.scan, page.headers, a.base, &out.errors));
  // schema.org `license` of what the page is (its posting or media object, its WebPage) is a
  // licence of the page as rel=license is; a text that names no URL is not kept here.
  const auto index_of = [&](const JsonLdNode* n) { return n ? static_cast<int>(n - a.ld.nodes.data()) : -1; };
  a.main_posting = index_of(main_article(a.ld));
  if (a.main_posting < 0) a.main_media = index_of(main_media(a.ld));
  const int main_index = a.main_posting >= 0 ? a.main_posting : a.main_media;
  const JsonLdNode* main = main_index >= 0 ? &a.ld.nodes[static_cast<size_t>(main_index)] : nullptr;
  for (const auto& n : a.ld.nodes)
    if (&n == main || ((n.is("WebPage") || n.is("ItemPage")) && !n.nested))
      for (const auto& l : n.licenses) {
        const bool iri = istarts_with(l, "http://") || istarts_with(l, "https://") || (!l.empty() && l[0] == '/');
        std::string u = iri ? jsonld_iri(a.base, l) : std::string();
        if (!u.empty() && std::find(signals->licenses.begin(), signals->licenses.end(), u) == signals->licenses.end())
          signals->licenses.push_back(std::move(u));
      }
  out.signals = std::move(signals);

  a.links = extract_links(a.scan, a.base);
  auto add_links = [&](const std::vector<PageLink>& list, const char* kind) {
    for (const auto& l : list) out.links.push_back({l.url, kind, l.rel});
  };
  add_links(a.links.anchors, "anchor");
  add_links(a.links.feeds, "feed");
  add_links(a.links.rel_me, "rel_me");
  add_links(a.links.next, "next");
  add_links(a.links.sitemaps, "sitemap");

  a.mf2 = a.scan.mf2_roots > 0 ? mf2_parse(*doc, a.page_url) : json{{"items", json::array()}};
  a.document = std::make_shared<HtmlDocument>(std::move(*doc));
  return a;
}

Item page_item(const HtmlAnalysis& a, const Page& page) {
  const HtmlScan& scan = a.scan;
  const OpenGraph& og = a.og;
  const JsonLdResult& ld = a.ld;
  const std::string& base = a.base;
  const std::string& page_url = a.page_url;
  const auto& signals = a.output.signals;
  Item pg = base_item(page, page_url, signals);
  const JsonLdNode* article = a.main_posting >= 0 ? &ld.nodes[static_cast<size_t>(a.main_posting)] : nullptr;
  const JsonLdNode* media = a.main_media >= 0 ? &ld.nodes[static_cast<size_t>(a.main_media)] : nullptr;
  std::string og_type = ascii_lower(og.first("og:type"));
  // og:type=profile stays a page: the page's text is an item of its own beside the profile that its
  // h-card or JSON-LD Person makes (one id would merge them).
  pg.kind = article ? posting_kind(*article)
            : media ? (media->is("VideoObject") ? ItemKind::video : ItemKind::photo)
            : og_type == "article" ? ItemKind::article
                                   : ItemKind::page;
  if (media) article = media;  // its name, text, dates and creator are read as a posting's
  pg.extractor = article ? "jsonld" : !og.empty() ? "opengraph" : "html";
  std::string og_url = og.first("og:url");
  pg.url = first_nonempty({signals->canonical_url, og_url.empty() ? og_url : resolve_link(base, og_url), page_url});
  pg.id = pg.url;
  pg.title = first_nonempty({og.title(), article ? article->headline : std::string(), article ? article->name : std::string(),
                              scan.title, scan.h1});
  // A photo's or video's own words are its caption or description, not the page around it.
  pg.text = cap_text(first_nonempty({article ? article->body : std::string(), media ? media->caption : std::string(),
                                     media ? media->description : std::string(), scan.main_text, scan.body_text}));
  if (pg.text.empty())
    pg.text = first_nonempty({og.description(), article ? article->description : std::string(), meta_named(scan, "description")});
  // schema.org inLanguage (a BCP 47 tag, or a Language with a name) when the page names none.
  if (pg.language.empty() && article && article->raw.contains("inLanguage")) {
    const auto& lang = article->raw["inLanguage"];
    if (lang.is_string()) pg.language = std::string(trim(lang.get<std::string>()));
    else if (lang.is_object() && lang.contains("alternateName") && lang["alternateName"].is_string())
      pg.language = lang["alternateName"].get<std::string>();
  }
  std::string published = first_nonempty({article ? article->date_published : std::string(),
                                          og.first("article:published_time"), meta_named(scan, "date")});
  std::string updated = first_nonempty({article ? article->date_modified : std::string(),
                                        og.first("article:modified_time"), og.first("og:updated_time")});
  if (auto t = normalize_datetime(published)) pg.published_at = t;
  if (auto t = normalize_datetime(updated)) pg.updated_at = t;
  if (article && !article->authors.empty()) {
    pg.author = {article->authors[0].alternate_name, article->authors[0].name, jsonld_iri(base, article->authors[0].url)};
    for (size_t i = 1; i < article->authors.size(); ++i)  // Google's Article example has two
      if (const auto& more = article->authors[i]; !more.name.empty() || !more.url.empty())
        pg.fields.emplace_back("co_author", first_nonempty({more.name, jsonld_iri(base, more.url)}));
  } else {
    // article:author is a profile (ogp.me), in practice its URL; a plain name is kept as a name.
    std::string og_author = og.first("article:author");
    const bool author_is_url = istarts_with(og_author, "http://") || istarts_with(og_author, "https://") ||
                               (!og_author.empty() && og_author[0] == '/');
    pg.author.name = first_nonempty({meta_named(scan, "author"), author_is_url ? std::string() : og_author});
    if (author_is_url) pg.author.url = resolve_link(base, og_author);
    std::string handle = first_nonempty({og.first("profile:username"), og.first("twitter:creator")});
    if (trim(handle).size() > 1 || (handle.size() == 1 && handle != "@")) pg.author.handle = std::string(trim(handle));
  }
  // og:video (and its :url / :secure_url): the page's video, as a video.
  if (media && media->location && !pg.geo) pg.geo = Geo{media->location->lat, media->location->lon, media->location->name};
  for (const char* k : {"og:video", "og:video:url", "og:video:secure_url"})
    if (std::string v = og.first(k); !trim(v).empty()) {
      add_media(pg.media, resolve_link(base, v), "", "video");
      break;
    }
  for (const auto& img : og.images())
    if (!trim(img.url).empty()) add_media(pg.media, resolve_link(base, img.url), img.alt);
  if (article && !media)
    for (const auto& img : article->images) add_media(pg.media, resolve_link(base, img.url), img.caption);
  for (const auto& img : a.links.images) add_media(pg.media, img.url, img.alt);
  // The photo or video itself, after the page's <img> so that an alt text written there wins over
  // the caption; a video's thumbnails are its images.
  if (media && !media->content_url.empty())
    add_media(pg.media, jsonld_iri(base, media->content_url), first_nonempty({media->caption, media->name}),
              media->is("VideoObject") ? "video" : "image");
  if (media)
    for (const auto& img : media->images) add_media(pg.media, resolve_link(base, img.url), img.caption);
  for (const auto& t : og.all("article:tag")) pg.tags.push_back(t);
  for (const auto& l : a.links.anchors) {
    if (pg.links.size() >= k_max_item_links) break;
    pg.links.push_back(l.url);
  }
  return pg;
}

std::vector<Item> profile_items(const HtmlAnalysis& a, const Page& page) {
  std::vector<Item> out;
  if (const JsonLdNode* person = main_person(a.ld))
    out.push_back(jsonld_profile(*person, base_item(page, a.page_url, a.output.signals), a.page_url, a.base));
  for (const auto& it : a.mf2["items"]) {
    if (!has_type(it, "h-card")) continue;
    out.push_back(hcard_profile(it, base_item(page, a.page_url, a.output.signals), a.page_url));
    break;
  }
  return out;
}

// The postings and comments of the page's JSON-LD other than the main one.
std::vector<Item> jsonld_posts(const HtmlAnalysis& a, const Page& page) {
  std::vector<Item> out;
  const JsonLdNode* main = a.main_posting >= 0 ? &a.ld.nodes[static_cast<size_t>(a.main_posting)] : nullptr;
  constexpr size_t k_max = 500;
  for (size_t i = 0; i < a.ld.nodes.size() && out.size() < k_max; ++i) {
    const JsonLdNode& n = a.ld.nodes[i];
    if (&n == main || !(is_posting(n) || n.is("Comment"))) continue;
    std::string title = first_nonempty({n.headline, n.name});
    std::string text = cap_text(first_nonempty({n.body, n.description}));
    if (title.empty() && text.empty()) continue;
    Item it = base_item(page, a.page_url, a.output.signals);
    it.kind = posting_kind(n);
    it.extractor = "jsonld";
    const std::string url = jsonld_iri(a.base, n.url), id = jsonld_iri(a.base, n.id);
    it.url = first_nonempty({url, a.page_url});
    it.id = first_nonempty({url, id, a.page_url + "#ld-" + std::to_string(i)});
    it.title = title;
    it.text = text;
    if (!n.authors.empty()) it.author = {n.authors[0].alternate_name, n.authors[0].name, jsonld_iri(a.base, n.authors[0].url)};
    if (auto t = normalize_datetime(n.date_published)) it.published_at = t;
    if (auto t = normalize_datetime(n.date_modified)) it.updated_at = t;
    for (const auto& img : n.images) add_media(it.media, resolve_link(a.base, img.url), img.caption);
    out.push_back(std::move(it));
  }
  return out;
}

std::vector<Item> post_items(const HtmlAnalysis& a, const Page& page) {
  std::vector<Item> out;
  std::vector<const json*> entries;
  collect_entries(a.mf2["items"], entries);
  for (size_t i = 0; i < entries.size(); ++i)
    out.push_back(hentry_post(*entries[i], i, base_item(page, a.page_url, a.output.signals), a.page_url));
  return out;
}

std::string wordpress_post_id(const HtmlAnalysis& a) {
  // WordPress themes print body_class(): "single single-post postid-212" on a post's own page.
  bool single = false;
  std::string id;
  for (std::string_view token : split(a.scan.body_class, ' ')) {
    token = trim(token);
    if (token == "single") single = true;
    if (token.size() > 7 && token.size() < 28 && token.substr(0, 7) == "postid-" &&
        token.find_first_not_of("0123456789", 7) == std::string_view::npos)
      id = std::string(token.substr(7));
  }
  if (!single || id.empty()) return {};
  auto u = Url::parse(a.page_url);  // only on a WordPress post page: curl_url is not free per page
  return u ? "wordpress:" + u->host() + ":post:" + id : std::string();
}

ParseOutput parse_generic_html(const Page& page) {
  HtmlAnalysis a = analyze_html(page);
  ParseOutput out = std::move(a.output);
  if (!a.document) return out;
  a.output.signals = out.signals;
  Item pg = page_item(a, page);
  std::vector<Item> posts = post_items(a, page);
  // A permalink page whose one entry has no URL of its own: the entry is the page's article, one
  // item (merged by id), not two.
  if (posts.size() == 1 && posts[0].id == a.page_url + "#0" && pg.kind == ItemKind::article) posts[0].id = pg.id;
  // A WordPress post's page is the same item as the post in its feed and REST API.
  if (std::string wp = pg.kind == ItemKind::article ? wordpress_post_id(a) : std::string(); !wp.empty()) {
    for (auto& p : posts)
      if (p.id == pg.id) p.id = wp;
    pg.id = wp;
  }
  out.items.push_back(std::move(pg));
  for (auto& it : profile_items(a, page)) out.items.push_back(std::move(it));
  for (auto& it : posts) out.items.push_back(std::move(it));
  for (auto& it : jsonld_posts(a, page)) {
    const bool seen = std::any_of(out.items.begin(), out.items.end(), [&](const Item& o) { return o.id == it.id; });
    if (!seen) out.items.push_back(std::move(it));
  }
  return out;
}

}  // namespace exposcan
