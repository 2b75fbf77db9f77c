#include "parsers/jsonld.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/text.h"

namespace exposcan {
namespace {

using nlohmann::json;

constexpr size_t k_max_nesting = 128;  // deeper blocks are refused (hostile input)

std::string normalize_type(std::string_view t) {
  t = trim(t);
  for (std::string_view p : {"http://schema.org/", "https://schema.org/", "schema:"})
    if (t.substr(0, p.size()) == p) return std::string(t.substr(p.size()));
  return std::string(t);
}

// Removes <!-- --> and CDATA wrappers some CMSs put around the JSON.
std::string_view strip_wrappers(std::string_view s) {
  s = trim(s);
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::string_view open : {"<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["}) {
      if (s.substr(0, open.size()) == open) {
        s = trim(s.substr(open.size()));
        changed = true;
      }
    }
    for (std::string_view close : {"-->", "//]]>", "/*]]>*/", "]]>"}) {
      if (s.size() >= close.size() && s.substr(s.size() - close.size()) == close) {
        s = trim(s.substr(0, s.size() - close.size()));
        changed = true;
      }
    }
  }
  return s;
}

size_t nesting_depth(std::string_view s) {
  size_t depth = 0, max = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      max = std::max(max, ++depth);
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return max;
}

// A readable string from a JSON-LD value: strings, numbers, {"@value"}, {"name"}, first of arrays.
std::string str(const json& j) {
  if (j.is_string()) return std::string(trim(j.get<std::string>()));
  if (j.is_number()) return j.dump();
  if (j.is_array()) {
    for (const auto& x : j)
      if (auto s = str(x); !s.empty()) return s;
    return {};
  }
  if (j.is_object()) {
    for (const char* k : {"@value", "name", "@id", "url"})
      if (j.contains(k)) return str(j[k]);
  }
  return {};
}

std::string field(const json& o, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (o.contains(k)) {
      if (auto s = str(o[k]); !s.empty()) return s;
    }
  return {};
}

std::vector<std::string> types_of(const json& o) {
  std::vector<std::string> out;
  if (!o.contains("@type")) return out;
  const json& t = o["@type"];
  if (t.is_string()) out.push_back(normalize_type(t.get<std::string>()));
  else if (t.is_array())
    for (const auto& x : t)
      if (x.is_string()) out.push_back(normalize_type(x.get<std::string>()));
  return out;
}

void add_images(const json& v, std::vector<JsonLdImage>& out) {
  if (v.is_string()) {
    out.push_back({std::string(trim(v.get<std::string>())), {}});
  } else if (v.is_array()) {
    for (const auto& x : v) add_images(x, out);
  } else if (v.is_object()) {
    std::string url = field(v, {"url", "contentUrl", "@id"});
    if (!url.empty()) out.push_back({url, field(v, {"caption", "name", "description"})});
  }
}

void add_refs(const json& v, std::vector<JsonLdRef>& out) {
  if (v.is_string()) {
    out.push_back({{}, {}, std::string(trim(v.get<std::string>())), {}, {}});
  } else if (v.is_array()) {
    for (const auto& x : v) add_refs(x, out);
  } else if (v.is_object()) {
    auto types = types_of(v);
    out.push_back({v.contains("@id") ? str(v["@id"]) : std::string(), types.empty() ? std::string() : types[0],
                   field(v, {"name"}), field(v, {"url"}), field(v, {"alternateName"})});
  }
}

std::optional<JsonLdAddress> address_of(const json& v) {
  if (v.is_string()) {
    JsonLdAddress a;
    a.text = std::string(trim(v.get<std::string>()));
    return a.text.empty() ? std::nullopt : std::optional<JsonLdAddress>(a);
  }
  if (v.is_array()) {
    for (const auto& x : v)
      if (auto a = address_of(x)) return a;
    return std::nullopt;
  }
  if (!v.is_object()) return std::nullopt;
  JsonLdAddress a;
  a.street = field(v, {"streetAddress"});
  a.locality = field(v, {"addressLocality"});
  a.region = field(v, {"addressRegion"});
  a.postal_code = field(v, {"postalCode"});
  a.country = field(v, {"addressCountry"});
  if (a.to_string().empty()) return std::nullopt;
  return a;
}

void add_stats(const json& v, std::vector<JsonLdStat>& out) {
  if (v.is_array()) {
    for (const auto& x : v) add_stats(x, out);
    return;
  }
  if (!v.is_object()) return;
  JsonLdStat s;
  if (v.contains("interactionType")) {
    const json& t = v["interactionType"];
    s.type = normalize_type(t.is_object() ? field(t, {"@type", "@id"}) : str(t));
  }
  if (v.contains("userInteractionCount")) {
    const json& c = v["userInteractionCount"];
    if (c.is_number_integer()) s.count = c.get<long long>();
    else if (c.is_string()) s.count = std::atoll(c.get<std::string>().c_str());
  }
  out.push_back(std::move(s));
}

// license: a URL, a CreativeWork naming one, or text; arrays of those.
void add_licenses(const json& v, std::vector<std::string>& out) {
  if (v.is_array()) {
    for (const auto& x : v) add_licenses(x, out);
    return;
  }
  std::string s = v.is_object() ? field(v, {"url", "@id", "name"}) : str(v);
  if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
}

std::optional<double> coordinate(const json& v, double limit) {
  double d = 0;
  if (v.is_number()) d = v.get<double>();
  else if (v.is_string()) {
    const std::string s(trim(v.get<std::string>()));
    char* end = nullptr;
    d = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size()) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (!std::isfinite(d) || d < -limit || d > limit) return std::nullopt;
  return d;
}

// A Place (name, address, geo: GeoCoordinates), or a place name as text.
std::optional<JsonLdPlace> place_of(const json& v) {
  if (v.is_array()) {
    for (const auto& x : v)
      if (auto p = place_of(x)) return p;
    return std::nullopt;
  }
  JsonLdPlace p;
  if (v.is_string()) {
    p.name = str(v);
  } else if (v.is_object()) {
    p.name = field(v, {"name"});
    if (p.name.empty() && v.contains("address"))
      if (auto a = address_of(v["address"])) p.name = a->to_string();
    const json& g = v.contains("geo") && v["geo"].is_object() ? v["geo"] : v;
    if (g.contains("latitude") && g.contains("longitude")) {
      p.lat = coordinate(g["latitude"], 90);
      p.lon = coordinate(g["longitude"], 180);
      if (!p.lat || !p.lon) p.lat = p.lon = std::nullopt;
    }
  }
  if (p.name.empty() && !p.lat) return std::nullopt;
  return p;
}

class Flattener {
 public:
  explicit Flattener(JsonLdResult& r) : m_r(r) {}

  // Returns the index of the node made from `o` (or -1). `nested`: `v` is a property's value.
  int visit(const json& v, size_t depth, bool nested = false) {
    if (depth > k_max_nesting) return -1;
    if (v.is_array()) {
      for (const auto& x : v) visit(x, depth + 1, nested);
      return -1;
    }
    if (!v.is_object()) return -1;
    if (nested && v.contains("@id"))
      if (std::string id = str(v["@id"]); !id.empty()) m_r.referenced.push_back(std::move(id));
    int self = -1;
    auto types = types_of(v);
    bool exposed = std::any_of(types.begin(), types.end(), [](const auto& t) { return is_exposed_jsonld_type(t); });
    if (exposed) {
      self = static_cast<int>(m_r.nodes.size());
      m_r.nodes.push_back(make_node(v, std::move(types)));
      m_r.nodes.back().nested = nested;
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (it.key() == "@context") continue;
      int child = visit(it.value(), depth + 1, it.key() != "@graph");
      if (self >= 0 && it.key() == "mainEntity" && child >= 0 && m_r.nodes[self].main_entity < 0)
        m_r.nodes[self].main_entity = child;
    }
    return self;
  }

 private:
  static JsonLdNode make_node(const json& o, std::vector<std::string> types) {
    JsonLdNode n;
    n.types = std::move(types);
    n.id = o.contains("@id") ? str(o["@id"]) : std::string();
    n.name = field(o, {"name"});
    n.alternate_name = field(o, {"alternateName"});
    n.email = field(o, {"email"});
    n.telephone = field(o, {"telephone"});
    n.birth_date = field(o, {"birthDate"});
    n.url = field(o, {"url", "contentUrl"});
    n.description = field(o, {"description"});
    n.job_title = field(o, {"jobTitle"});
    n.headline = field(o, {"headline"});
    n.body = field(o, {"articleBody", "text"});
    n.date_published = field(o, {"datePublished", "dateCreated", "uploadDate"});
    n.date_modified = field(o, {"dateModified"});
    n.caption = field(o, {"caption"});
    n.content_url = field(o, {"contentUrl", "embedUrl"});
    if (o.contains("license")) add_licenses(o["license"], n.licenses);
    for (const char* k : {"contentLocation", "locationCreated"})
      if (!n.location && o.contains(k)) n.location = place_of(o[k]);
    if (o.contains("address")) n.address = address_of(o["address"]);
    if (o.contains("sameAs")) {
      const json& s = o["sameAs"];
      if (s.is_string()) n.same_as.push_back(str(s));
      else if (s.is_array())
        for (const auto& x : s)
          if (auto u = str(x); !u.empty()) n.same_as.push_back(u);
    }
    for (const char* k : {"image", "photo", "thumbnailUrl", "associatedMedia"})
      if (o.contains(k)) add_images(o[k], n.images);
    if (n.is("ImageObject") && n.images.empty())  // the image itself: its file, else its url
      if (std::string u = field(o, {"contentUrl", "url"}); !u.empty())
        n.images.push_back({std::move(u), field(o, {"caption", "name", "description"})});
    for (const char* k : {"author", "creator"})
      if (o.contains(k)) add_refs(o[k], n.authors);
    if (o.contains("interactionStatistic")) add_stats(o["interactionStatistic"], n.interaction);
    n.raw = o;
    return n;
  }

  JsonLdResult& m_r;
};

}  // namespace

std::string JsonLdAddress::to_string() const {
  if (!text.empty()) return text;
  std::string out;
  for (const std::string* p : {&street, &postal_code, &locality, &region, &country}) {
    if (p->empty()) continue;
    if (!out.empty()) out += ", ";
    out += *p;
  }
  return out;
}

bool JsonLdNode::is(std::string_view type) const {
  return std::find(types.begin(), types.end(), type) != types.end();
}

bool is_exposed_jsonld_type(std::string_view t) {
  for (std::string_view x : {"Person", "ProfilePage", "SocialMediaPosting", "DiscussionForumPosting", "BlogPosting",
                             "Article", "NewsArticle", "ImageObject", "Photograph", "WebPage", "ItemPage", "VideoObject", "Organization",
                             "Comment", "TechArticle", "ScholarlyArticle", "LiveBlogPosting", "Report"})
    if (t == x) return true;
  return false;
}

const JsonLdNode* JsonLdResult::first_of(std::string_view type) const {
  for (const auto& n : nodes)
    if (n.is(type)) return &n;
  return nullptr;
}

bool JsonLdResult::is_referenced(std::string_view id) const {
  return !id.empty() && std::find(referenced.begin(), referenced.end(), id) != referenced.end();
}

const JsonLdNode* JsonLdResult::by_id(std::string_view id) const {
  if (id.empty()) return nullptr;
  for (const auto& n : nodes)
    if (n.id == id) return &n;
  return nullptr;
}

JsonLdResult extract_jsonld(const std::vector<std::string>& scripts) {
  JsonLdResult r;
  Flattener f(r);
  for (const auto& script : scripts) {
    ++r.blocks;
    std::string_view text = strip_wrappers(script);
    if (text.empty()) continue;
    if (nesting_depth(text) > k_max_nesting) {
      r.errors.push_back("jsonld: block " + std::to_string(r.blocks) + ": nesting deeper than " +
                         std::to_string(k_max_nesting));
      continue;
    }
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) {
      r.errors.push_back("jsonld: block " + std::to_string(r.blocks) + ": invalid JSON");
      continue;
    }
    f.visit(j, 0);
  }
  // mainEntity given by reference.
  for (auto& n : r.nodes) {
    if (n.main_entity >= 0 || !n.raw.contains("mainEntity")) continue;
    const json& m = n.raw["mainEntity"];
    std::string id = m.is_object() && m.contains("@id") ? str(m["@id"]) : m.is_string() ? str(m) : std::string();
    for (size_t i = 0; i < r.nodes.size() && !id.empty(); ++i)
      if (r.nodes[i].id == id && &r.nodes[i] != &n) {
        n.main_entity = static_cast<int>(i);
        break;
      }
  }
  // Authors given by reference ({"@id": ...}, often with the name alone, as Yoast writes them)
  // take what the referenced node says of them.
  for (auto& n : r.nodes)
    for (auto& a : n.authors)
      if (a.name.empty() || a.url.empty())
        if (const JsonLdNode* ref = r.by_id(a.id); ref && ref != &n) {
          if (a.name.empty()) a.name = ref->name;
          if (a.url.empty()) a.url = ref->url;
          if (a.type.empty() && !ref->types.empty()) a.type = ref->types[0];
          if (a.alternate_name.empty()) a.alternate_name = ref->alternate_name;
        }
  // Images given by reference ({"@id": "…#primaryimage"}): the ImageObject's own URL and caption,
  // not the reference.
  for (auto& n : r.nodes)
    for (auto& img : n.images)
      if (const JsonLdNode* ref = r.by_id(img.url); ref && ref != &n && !ref->images.empty() && ref->images[0].url != img.url) {
        if (img.caption.empty()) img.caption = ref->images[0].caption;
        img.url = ref->images[0].url;
      }
  for (auto& n : r.nodes) {  // a reference and the image it names may both be listed: keep one
    std::vector<JsonLdImage> unique;
    for (auto& img : n.images) {
      auto same = std::find_if(unique.begin(), unique.end(), [&](const JsonLdImage& u) { return u.url == img.url; });
      if (same == unique.end()) unique.push_back(std::move(img));
      else if (same->caption.empty()) same->caption = img.caption;
    }
    n.images = std::move(unique);
  }
  return r;
}

}  // namespace exposcan
