#include "parsers/html_scan.h"

#include "core/text.h"
#include "parsers/html_text.h"
#include "parsers/microformats.h"

namespace exposcan {
namespace {

bool is_root_element(HtmlNode n) {
  std::string_view cls = n.attr_or("class");
  // Cheap filter before splitting: every root class contains "h-", "adr", "geo" or starts with
  // "v"/"h" followed by a classic name.
  if (cls.find("h-") == std::string_view::npos && cls.find("vcard") == std::string_view::npos &&
      cls.find("hentry") == std::string_view::npos && cls.find("hfeed") == std::string_view::npos &&
      cls.find("vevent") == std::string_view::npos && cls.find("hre") == std::string_view::npos &&
      cls.find("hproduct") == std::string_view::npos && cls.find("adr") == std::string_view::npos &&
      cls.find("geo") == std::string_view::npos && cls.find("hnews") == std::string_view::npos)
    return false;
  for (auto c : n.classes()) {
    if (mf2_is_root_class(c)) return true;
    if (c == "vcard" || c == "hentry" || c == "hfeed" || c == "vevent" || c == "hreview" || c == "hproduct" ||
        c == "hrecipe" || c == "hresume" || c == "adr" || c == "geo" || c == "hnews" || c == "hreview-aggregate")
      return true;
  }
  return false;
}

// First URL of a srcset ("a.jpg 1x, b.jpg 2x" -> "a.jpg").
std::string first_srcset_candidate(std::string_view srcset) {
  std::string_view s = trim(srcset);
  size_t end = 0;
  while (end < s.size() && !is_ascii_space(s[end])) ++end;
  std::string_view url = s.substr(0, end);
  if (!url.empty() && url.back() == ',') url.remove_suffix(1);
  return std::string(url);
}

bool is_jsonld_type(std::string_view type) {
  std::string t = ascii_lower(trim(type));
  if (auto semi = t.find(';'); semi != std::string::npos) t = std::string(trim(t.substr(0, semi)));
  return t == "application/ld+json";
}

}  // namespace

HtmlScan scan_html(const HtmlDocument& doc, const HtmlScanLimits& limits) {
  HtmlScan s;
  VisibleTextBuilder body_text(limits.max_text_bytes);
  VisibleTextBuilder main_text(limits.max_text_bytes);
  HtmlNode body = doc.body();
  HtmlNode main_node;
  bool in_body = false, in_main = false, main_done = false;
  int hidden = 0;              // depth inside non-rendered containers
  std::vector<size_t> anchors; // indices of <a> elements being filled
  HtmlNode picture;
  bool h1_open = false;
  HtmlNode h1_node;
  std::string* raw_text_target = nullptr;  // <title> / ld+json script being read
  HtmlNode raw_text_node;

  auto cap = [&](auto& v) { return v.size() < limits.max_items; };

  walk_tree(
      doc.root(),
      [&](HtmlNode n) {
        if (n.is_text()) {
          std::string_view t = n.text();
          if (raw_text_target) {
            if (raw_text_target->size() < limits.max_text_bytes) *raw_text_target += t;
            return false;
          }
          if (hidden > 0) return false;
          if (in_body) body_text.add_text(t);
          if (in_main) main_text.add_text(t);
          if (h1_open && s.h1.size() < 1000) s.h1 += t;
          for (size_t i : anchors)
            if (s.anchors[i].text.size() < limits.max_anchor_text_bytes) s.anchors[i].text += t;
          return false;
        }
        if (n.is_document()) return true;
        if (!n.is_element()) return false;
        std::string_view tag = n.tag();
        if (tag == "template") return false;
        if (s.mf2_roots < limits.max_items && n.has_attr("class") && is_root_element(n)) ++s.mf2_roots;
        if (n == body) {
          in_body = true;
          s.body_class = std::string(n.attr_or("class"));
        }
        if (tag == "html" && s.html_lang.empty()) s.html_lang = std::string(trim(n.attr_or("lang")));
        else if (tag == "meta" && cap(s.metas)) {
          HtmlMeta m;
          m.name = ascii_lower(trim(n.attr_or("name")));
          m.property = ascii_lower(trim(n.attr_or("property")));
          m.http_equiv = ascii_lower(trim(n.attr_or("http-equiv")));
          m.itemprop = std::string(trim(n.attr_or("itemprop")));
          m.content = std::string(n.attr_or("content"));
          if (!m.name.empty() || !m.property.empty() || !m.http_equiv.empty() || !m.itemprop.empty())
            s.metas.push_back(std::move(m));
        } else if (tag == "link" && n.has_attr("href") && cap(s.links)) {
          s.links.push_back({collapse_whitespace(ascii_lower(n.attr_or("rel"))), std::string(*n.attr("href")),
                             std::string(n.attr_or("type")), std::string(n.attr_or("title")),
                             std::string(n.attr_or("hreflang")), std::string(n.attr_or("media")), in_body});
        } else if (tag == "base" && s.base_href.empty() && n.has_attr("href")) {
          s.base_href = std::string(*n.attr("href"));
        } else if (tag == "title" && s.title.empty() && !raw_text_target) {
          raw_text_target = &s.title;
          raw_text_node = n;
        } else if (tag == "script") {
          if (is_jsonld_type(n.attr_or("type")) && cap(s.jsonld)) {
            s.jsonld.emplace_back();
            raw_text_target = &s.jsonld.back();
            raw_text_node = n;
          }
        } else if ((tag == "a" || tag == "area") && n.has_attr("href") && cap(s.anchors)) {
          s.anchors.push_back({std::string(*n.attr("href")), collapse_whitespace(ascii_lower(n.attr_or("rel"))), {},
                               std::string(n.attr_or("title")), std::string(n.attr_or("type")),
                               std::string(n.attr_or("hreflang"))});
          if (tag == "a") anchors.push_back(s.anchors.size() - 1);
        } else if (tag == "picture") {
          picture = n;
        } else if (tag == "img" && cap(s.images)) {
          HtmlImage img;
          img.src = std::string(trim(n.attr_or("src")));
          if (img.src.empty()) img.src = first_srcset_candidate(n.attr_or("srcset"));
          if (img.src.empty() && picture) {
            for (HtmlNode c = picture.first_child(); c && img.src.empty(); c = c.next_sibling())
              if (c.is("source")) img.src = first_srcset_candidate(c.attr_or("srcset"));
          }
          if (img.src.empty()) img.src = std::string(trim(n.attr_or("data-src")));
          if (auto alt = n.attr("alt")) {
            img.alt = std::string(*alt);
            img.has_alt = true;
          }
          img.title = std::string(n.attr_or("title"));
          img.in_picture = static_cast<bool>(picture);
          if (!img.src.empty()) s.images.push_back(std::move(img));
        } else if (tag == "h1" && s.h1.empty() && !h1_node) {
          h1_open = true;
          h1_node = n;
        }
        if (!main_done && !main_node && in_body &&
            (tag == "main" || tag == "article" || n.attr_or("role") == "main")) {
          main_node = n;
          in_main = true;
        }
        if (is_hidden_text_container(n)) {
          ++hidden;
          return true;
        }
        if (hidden == 0) {
          if (in_body) body_text.open(n);
          if (in_main) main_text.open(n);
        }
        return true;
      },
      [&](HtmlNode n) {
        if (!n.is_element()) return;
        if (n == raw_text_node) {
          raw_text_target = nullptr;
          raw_text_node = {};
        }
        if (n.is("template")) return;
        if (is_hidden_text_container(n)) {
          --hidden;
          return;
        }
        if (hidden == 0) {
          if (in_body) body_text.close(n);
          if (in_main) main_text.close(n);
        }
        if (n == main_node) {
          in_main = false;
          main_done = true;
        }
        if (n == h1_node) h1_open = false;
        if (n == picture) picture = {};
        if ((n.is("a")) && !anchors.empty() && n.has_attr("href")) anchors.pop_back();
        if (n == body) in_body = false;
      });
  s.title = collapse_whitespace(s.title);
  s.h1 = collapse_whitespace(s.h1);
  for (auto& a : s.anchors) a.text = collapse_whitespace(a.text);
  s.body_text = doc.degraded() ? doc.degraded_text() : body_text.take();
  s.main_text = main_text.take();
  return s;
}

}  // namespace exposcan
