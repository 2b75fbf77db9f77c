// The mf2 tree walk: items, properties, nested microformats, implied properties, rels.
#include "parsers/microformats.h"

#include <algorithm>

#include "core/text.h"
#include "parsers/microformats_internal.h"

namespace exposcan {
namespace {

using nlohmann::json;
using mf2::PropertyClass;
using mf2::Resolver;

// Nested microformats deeper than this are ignored (the DOM itself is bounded by HtmlLimits).
constexpr int k_max_depth = 300;

struct ItemState {
  bool has_p_or_e = false;  // explicit p-* / e-* properties (other than name)
  bool has_u = false;       // explicit u-* properties
  bool has_nested = false;  // nested microformats (property values or children)
  // Index in "name" of the first value from a p-name (or the implied name), in "url" of the first
  // value from a u-url (or the implied url): the value a p-* / u-* property takes from a nested
  // item ("use the first p-name", "use the first such u-url"); -1 when there is none.
  int p_name_index = -1;
  int u_url_index = -1;
  std::string date_context; // date of an earlier dt-* value, for the implied-date rule
};

class Mf2Parser {
 public:
  explicit Mf2Parser(Resolver r) : m_resolve(std::move(r)) {}

  json parse(const HtmlDocument& doc) {
    json items = json::array();
    walk_tree(doc.root(), [&](HtmlNode n) {
      if (n.is_document()) return true;
      if (!n.is_element() || n.is("template")) return false;
      if (!n.has_attr("class")) return true;
      const mf2::ClassList classes = mf2::class_list(n);
      auto types = mf2::root_types(classes);
      bool backcompat = false;
      if (types.empty()) {
        types = mf2::backcompat_root_types(classes);
        backcompat = !types.empty();
      }
      if (types.empty()) return true;
      items.push_back(parse_item(n, types, backcompat, 0));
      return false;
    });
    json out;
    out["items"] = std::move(items);
    parse_rels(doc, out);
    return out;
  }

 private:
  json parse_item(HtmlNode root, const std::vector<std::string>& types, bool backcompat, int depth,
                  ItemState* state_out = nullptr) {
    json item;
    item["type"] = types;
    json props = json::object();
    json children = json::array();
    ItemState local;
    ItemState& st = state_out ? *state_out : local;
    parse_children(root, types, backcompat, depth, props, children, st);
    if (!backcompat) imply(root, props, st);
    item["properties"] = std::move(props);
    if (!children.empty()) item["children"] = std::move(children);
    if (auto id = root.attr("id"); id && !id->empty()) item["id"] = std::string(*id);
    return item;
  }

  void parse_children(HtmlNode parent, const std::vector<std::string>& types, bool backcompat, int depth,
                      json& props, json& children, ItemState& st) {
    if (depth > k_max_depth) return;
    for (HtmlNode c = parent.first_child(); c; c = c.next_sibling()) {
      if (!c.is_element() || c.is("template")) continue;
      // Most elements carry no class (and, for backcompat, no rel): nothing to read on them.
      if (!c.has_attr("class") && !(backcompat && c.has_attr("rel"))) {
        parse_children(c, types, backcompat, depth + 1, props, children, st);
        continue;
      }
      const mf2::ClassList classes = mf2::class_list(c);
      auto c_types = mf2::root_types(classes);
      bool c_backcompat = false;
      if (c_types.empty()) {
        c_types = mf2::backcompat_root_types(classes);
        c_backcompat = !c_types.empty();
      }
      // A classic hreview's "item" without a root class of its own is an h-item (fn, url, photo).
      if (c_types.empty() && backcompat && mf2::is_classic_review_item(classes, types)) {
        c_types = {"h-item"};
        c_backcompat = true;
      }
      std::vector<PropertyClass> c_props =
          backcompat ? mf2::backcompat_property_classes(c, classes, types) : mf2::property_classes(classes);
      if (!c_types.empty()) {
        ItemState nested_state;
        json nested = parse_item(c, c_types, c_backcompat, depth + 1, &nested_state);
        st.has_nested = true;
        if (c_props.empty()) {
          children.push_back(std::move(nested));
          continue;
        }
        for (const auto& p : c_props) {
          json v = nested;
          add_nested_value(c, p, v, st, nested_state);
          note_prefix(p, st);
          note_index(p, props, st);
          props[p.name].push_back(std::move(v));
        }
        continue;
      }
      for (const auto& p : c_props) {
        note_prefix(p, st);
        note_index(p, props, st);
        props[p.name].push_back(parse_value(c, p, st, backcompat));
      }
      parse_children(c, types, backcompat, depth + 1, props, children, st);
    }
  }

  static void note_prefix(const PropertyClass& p, ItemState& st) {
    if ((p.prefix == "p" || p.prefix == "e") && p.name != "name") st.has_p_or_e = true;
    if (p.prefix == "e" && p.name == "name") st.has_p_or_e = true;
    if (p.prefix == "u") st.has_u = true;
  }

  // Called before the value is appended to props[p.name].
  static void note_index(const PropertyClass& p, const json& props, ItemState& st) {
    int next = props.contains(p.name) ? static_cast<int>(props[p.name].size()) : 0;
    if (p.name == "name" && p.prefix == "p" && st.p_name_index < 0) st.p_name_index = next;
    if (p.name == "url" && p.prefix == "u" && st.u_url_index < 0) st.u_url_index = next;
  }

  static const json* value_at(const json& props, const char* name, int index) {
    if (index < 0 || !props.contains(name) || static_cast<size_t>(index) >= props[name].size()) return nullptr;
    return &props[name][static_cast<size_t>(index)];
  }

  // The "value" of a nested item that is a property value: a p-* property takes the item's first
  // p-name (a u-name, dt-name or e-name does not count), a u-* property its first u-url (kept as
  // parsed, so an img u-url gives {"value","alt"}); otherwise the element's own p-/u- value.
  void add_nested_value(HtmlNode c, const PropertyClass& p, json& nested, ItemState& st, const ItemState& nst) {
    const json& nprops = nested["properties"];
    if (p.prefix == "p") {
      const json* name = value_at(nprops, "name", nst.p_name_index);
      if (name && name->is_string() && !name->get_ref<const std::string&>().empty()) nested["value"] = *name;
      else nested["value"] = p_value(c);
    } else if (p.prefix == "u") {
      const json* url = value_at(nprops, "url", nst.u_url_index);
      if (url && url->is_object()) nested["value"] = *url;
      else if (url && url->is_string() && !url->get_ref<const std::string&>().empty()) nested["value"] = *url;
      else {
        json v = u_value(c);
        nested["value"] = v.is_object() ? v["value"] : v;
      }
    } else if (p.prefix == "dt") {
      nested["value"] = dt_value(c, st);
    } else {
      json e = e_value(c);
      nested["value"] = e["value"];
      nested["html"] = e["html"];
    }
  }

  // Classic (backcompat) items keep u-* img values as plain URLs (the {"value","alt"} form is mf2 only).
  json parse_value(HtmlNode c, const PropertyClass& p, ItemState& st, bool backcompat) {
    if (p.rel_tag) {
      std::string href = m_resolve(c.attr_or("href"));
      std::string_view path = href;
      if (auto q = path.find_first_of("?#"); q != std::string_view::npos) path = path.substr(0, q);
      while (!path.empty() && path.back() == '/') path.remove_suffix(1);
      auto slash = path.rfind('/');
      return percent_decode(slash == std::string_view::npos ? path : path.substr(slash + 1));
    }
    if (p.prefix == "p") return p_value(c);
    if (p.prefix == "u") return u_value(c, !backcompat);
    if (p.prefix == "dt") return dt_value(c, st);
    return e_value(c);
  }

  std::string p_value(HtmlNode c) const {
    if (auto v = mf2::value_class_text(c)) return *v;
    std::string_view t = c.tag();
    if ((t == "abbr" || t == "link") && c.has_attr("title")) return std::string(*c.attr("title"));
    if ((t == "data" || t == "input") && c.has_attr("value")) return std::string(*c.attr("value"));
    if ((t == "img" || t == "area") && c.has_attr("alt")) return std::string(*c.attr("alt"));
    return mf2::text_value(c, true, m_resolve);
  }

  json img_value(HtmlNode img, bool with_alt = true) const {
    std::string src = m_resolve(img.attr_or("src"));
    if (auto alt = img.attr("alt"); alt && with_alt) return json{{"value", src}, {"alt", std::string(*alt)}};
    return src;
  }

  json u_value(HtmlNode c, bool with_alt = true) const {
    std::string_view t = c.tag();
    if (one_of(t, {"a", "area", "link"}) && c.has_attr("href")) return m_resolve(*c.attr("href"));
    if (t == "img" && c.has_attr("src")) return img_value(c, with_alt);
    if (one_of(t, {"audio", "video", "source", "iframe"}) && c.has_attr("src")) return m_resolve(*c.attr("src"));
    if (t == "video" && c.has_attr("poster")) return m_resolve(*c.attr("poster"));
    if (t == "object" && c.has_attr("data")) return m_resolve(*c.attr("data"));
    if (auto v = mf2::value_class_text(c)) return m_resolve(*v);
    if (t == "abbr" && c.has_attr("title")) return m_resolve(*c.attr("title"));
    if ((t == "data" || t == "input") && c.has_attr("value")) return m_resolve(*c.attr("value"));
    return m_resolve(mf2::text_value(c, false, m_resolve));
  }

  std::string dt_value(HtmlNode c, ItemState& st) const {
    std::string v;
    bool from_vcp = false;
    std::string_view t = c.tag();
    if (auto vcp = mf2::value_class_datetime(c)) {
      v = *vcp;
      from_vcp = true;
    } else if (one_of(t, {"time", "ins", "del"}) && c.has_attr("datetime")) {
      v = std::string(*c.attr("datetime"));
    } else if (t == "abbr" && c.has_attr("title")) {
      v = std::string(*c.attr("title"));
    } else if ((t == "data" || t == "input") && c.has_attr("value")) {
      v = std::string(*c.attr("value"));
    } else {
      v = mf2::text_value(c, false, m_resolve);
    }
    if (mf2::has_date_part(v)) {
      st.date_context = mf2::date_part(v);
    } else if (!st.date_context.empty() && mf2::is_time_only(v)) {
      // Implied date: a time-only value takes the date of an earlier dt-* property.
      v = st.date_context + " " + (from_vcp ? v : mf2::normalize_time(v));
    }
    return v;
  }

  json e_value(HtmlNode c) const {
    std::function<std::string(std::string_view)> resolve = [this](std::string_view ref) { return m_resolve(ref); };
    std::string html = inner_html(c, &resolve);
    std::string_view h = html;
    auto sp = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f'; };
    while (!h.empty() && sp(h.front())) h.remove_prefix(1);
    while (!h.empty() && sp(h.back())) h.remove_suffix(1);
    return json{{"html", std::string(h)}, {"value", mf2::text_value(c, true, m_resolve)}};
  }

  // --- implied properties ------------------------------------------------------------------

  static bool is_root(HtmlNode e) {
    if (!e.has_attr("class")) return false;
    const mf2::ClassList classes = mf2::class_list(e);
    return !mf2::root_types(classes).empty() || !mf2::backcompat_root_types(classes).empty();
  }

  static HtmlNode only_child_element(HtmlNode e) {
    HtmlNode found;
    for (HtmlNode c = e.first_child(); c; c = c.next_sibling()) {
      if (!c.is_element()) continue;
      if (found) return {};
      found = c;
    }
    return found;
  }

  // The only child element of type `tag` (":only-of-type"), or null.
  static HtmlNode only_of_type(HtmlNode e, std::string_view tag) {
    HtmlNode found;
    for (HtmlNode c = e.first_child(); c; c = c.next_sibling()) {
      if (!c.is(tag)) continue;
      if (found) return {};
      found = c;
    }
    return found;
  }

  static std::optional<std::string> name_from(HtmlNode e) {
    if ((e.is("img") || e.is("area")) && e.has_attr("alt") && !e.attr("alt")->empty()) return std::string(*e.attr("alt"));
    if (e.is("abbr") && e.has_attr("title") && !e.attr("title")->empty()) return std::string(*e.attr("title"));
    return std::nullopt;
  }

  void imply(HtmlNode root, json& props, ItemState& st) const {
    // Spec: "if no explicit name property, and no other p-* or e-* properties, and no nested
    // microformats" - any nested microformat, a property value (u-in-reply-to h-cite) included
    // (the older suite files h-entry/nestedvalue and impliedvalue-nested expect a name there).
    if (!props.contains("name") && !st.has_p_or_e && !st.has_nested) {
      std::optional<std::string> name;
      if ((root.is("img") || root.is("area")) && root.has_attr("alt")) name = std::string(*root.attr("alt"));
      else if (root.is("abbr") && root.has_attr("title")) name = std::string(*root.attr("title"));
      if (!name) {
        HtmlNode only = only_child_element(root);
        if (only && !is_root(only)) {
          name = name_from(only);
          if (!name) {
            HtmlNode inner = only_child_element(only);
            if (inner && !is_root(inner)) name = name_from(inner);
          }
        }
      }
      if (!name) name = mf2::text_value(root, true, m_resolve);
      // The spec's last step ("remove all leading/trailing spaces") applies to every source of
      // the implied name, an img/area alt or abbr title included.
      props["name"] = json::array({std::string(mf2::trim_space(*name))});
      st.p_name_index = 0;
    }
    if (!props.contains("photo") && !st.has_u && !st.has_nested) {
      json photo;
      auto photo_of = [&](HtmlNode e) -> json {
        if (e.is("img") && e.has_attr("src")) return img_value(e);
        if (e.is("object") && e.has_attr("data")) return m_resolve(*e.attr("data"));
        return nullptr;
      };
      photo = photo_of(root);
      if (photo.is_null()) {
        for (std::string_view tag : {"img", "object"}) {
          HtmlNode c = only_of_type(root, tag);
          if (c && !is_root(c) && !(photo = photo_of(c)).is_null()) break;
        }
      }
      if (photo.is_null()) {
        HtmlNode only = only_child_element(root);
        if (only && !is_root(only)) {
          for (std::string_view tag : {"img", "object"}) {
            HtmlNode c = only_of_type(only, tag);
            if (c && !is_root(c) && !(photo = photo_of(c)).is_null()) break;
          }
        }
      }
      if (!photo.is_null()) props["photo"] = json::array({photo});
    }
    if (!props.contains("url") && !st.has_u && !st.has_nested) {
      auto url_of = [&](HtmlNode e) -> std::optional<std::string> {
        if ((e.is("a") || e.is("area")) && e.has_attr("href")) return m_resolve(*e.attr("href"));
        return std::nullopt;
      };
      std::optional<std::string> url = url_of(root);
      for (std::string_view tag : {"a", "area"}) {
        if (url) break;
        HtmlNode c = only_of_type(root, tag);
        if (c && !is_root(c)) url = url_of(c);
      }
      if (!url) {
        HtmlNode only = only_child_element(root);
        if (only && !is_root(only)) {
          for (std::string_view tag : {"a", "area"}) {
            if (url) break;
            HtmlNode c = only_of_type(only, tag);
            if (c && !is_root(c)) url = url_of(c);
          }
        }
      }
      if (url) {
        props["url"] = json::array({*url});
        st.u_url_index = 0;
      }
    }
  }

  // --- rels --------------------------------------------------------------------------------

  void parse_rels(const HtmlDocument& doc, json& out) const {
    json rels = json::object();
    json rel_urls = json::object();
    walk_tree(doc.root(), [&](HtmlNode n) {
      if (n.is_document()) return true;
      if (!n.is_element() || n.is("template")) return false;
      if (!(n.is("a") || n.is("area") || n.is("link"))) return true;
      auto rel = n.attr("rel");
      auto href = n.attr("href");
      if (!rel || !href) return true;
      std::vector<std::string> values;
      for (std::string_view r : html_tokens(*rel))
        if (std::find(values.begin(), values.end(), r) == values.end()) values.emplace_back(r);
      if (values.empty()) return true;
      std::string url = m_resolve(*href);
      for (const auto& v : values) {
        json& list = rels[v];
        if (std::find(list.begin(), list.end(), url) == list.end()) list.push_back(url);
      }
      json& entry = rel_urls[url];
      json merged = entry.contains("rels") ? entry["rels"] : json::array();
      for (const auto& v : values)
        if (std::find(merged.begin(), merged.end(), v) == merged.end()) merged.push_back(v);
      std::vector<std::string> sorted = merged.get<std::vector<std::string>>();
      std::sort(sorted.begin(), sorted.end());
      entry["rels"] = sorted;
      for (const char* a : {"hreflang", "media", "title", "type"})
        if (!entry.contains(a) && n.has_attr(a)) entry[a] = std::string(*n.attr(a));
      if (!entry.contains("text")) {
        std::string text = mf2::text_value(n, false, m_resolve);
        if (!text.empty()) entry["text"] = text;
      }
      return true;
    });
    out["rels"] = std::move(rels);
    out["rel-urls"] = std::move(rel_urls);
  }

  Resolver m_resolve;
};

}  // namespace

nlohmann::json mf2_parse(const HtmlDocument& doc, std::string_view document_url) {
  return Mf2Parser(Resolver(doc.base_url(document_url))).parse(doc);
}

nlohmann::json mf2_parse(const HtmlDocument& doc, const Url& document_url) {
  return mf2_parse(doc, std::string_view(document_url.str()));
}

std::string mf2_json(std::string_view html, std::string_view base_url) {
  auto doc = HtmlDocument::parse(html);
  if (!doc) return nlohmann::json{{"items", nlohmann::json::array()}, {"rels", nlohmann::json::object()},
                                  {"rel-urls", nlohmann::json::object()}}.dump(2);
  return mf2_parse(*doc, base_url).dump(2);
}

}  // namespace exposcan
