#include "rules/identity.h"

#include <chrono>

#include "core/text.h"
#include "rules/identity_yaml.h"

namespace exposcan {

bool Identity::empty() const {
  return names.empty() && handles.empty() && emails.empty() && phones.empty() && addresses.empty() &&
         family.empty() && !birth_date;
}

std::optional<bool> Identity::is_adult(TimePoint at) const {
  if (adult) return adult;
  if (!birth_date) return std::nullopt;
  auto born = parse_date(*birth_date);
  if (!born) return std::nullopt;
  auto to_ymd = [](TimePoint t) { return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(t)}; };
  auto b = to_ymd(*born), n = to_ymd(at);
  int age = static_cast<int>(n.year()) - static_cast<int>(b.year());
  if (std::chrono::month_day{n.month(), n.day()} < std::chrono::month_day{b.month(), b.day()}) --age;
  return age >= 18;
}

namespace {

bool valid_ymd(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return false;
  std::chrono::year_month_day d{std::chrono::year{std::stoi(s.substr(0, 4))},
                                std::chrono::month{static_cast<unsigned>(std::stoi(s.substr(5, 2)))},
                                std::chrono::day{static_cast<unsigned>(std::stoi(s.substr(8, 2)))}};
  return d.ok();
}

bool valid_country(const std::string& s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

}  // namespace

Expected<Identity> parse_identity(std::string_view yaml_text, std::string_view source_name) {
  const yaml::Where where{std::string(source_name), ""};
  auto doc = yaml::load(yaml_text, where);
  if (!doc) return make_error("identity", doc.error().message);
  return identity_from_yaml(*doc, where);
}

Expected<Identity> identity_from_yaml(const YAML::Node& node, const yaml::Where& where) {
  YAML::Node root = node;
  if (!root.IsDefined() || root.IsNull()) return Identity{};
  if (root.IsMap() && root.size() == 1 && root["identity"].IsDefined()) root.reset(node["identity"]);
  if (root.IsNull()) return Identity{};
  auto fail = [](const Error& e) { return make_error("identity", e.message); };
  if (auto s = yaml::check_mapping(root, "identity",
                                   {"names", "name", "handles", "handle", "emails", "email", "phones", "phone",
                                    "addresses", "address", "family", "family_names", "birth_date", "city",
                                    "country", "jurisdiction", "adult", "profiles"},
                                   where);
      !s)
    return fail(s.error());
  Identity id;
  struct ListKey {
    const char* key;
    std::vector<std::string>* out;
  };
  for (auto [key, out] :
       {ListKey{"names", &id.names}, ListKey{"name", &id.names}, ListKey{"handles", &id.handles},
        ListKey{"handle", &id.handles}, ListKey{"emails", &id.emails}, ListKey{"email", &id.emails},
        ListKey{"phones", &id.phones}, ListKey{"phone", &id.phones}, ListKey{"addresses", &id.addresses},
        ListKey{"address", &id.addresses}, ListKey{"family", &id.family}, ListKey{"family_names", &id.family},
        ListKey{"profiles", &id.profiles}}) {
    auto v = yaml::string_list(root[key], key, where, true);
    if (!v) return fail(v.error());
    for (auto& s : *v)
      if (!s.empty()) out->push_back(std::move(s));
  }
  for (auto [key, out] : {std::pair<const char*, std::string*>{"city", &id.city}, {"country", &id.country},
                          {"jurisdiction", &id.jurisdiction}}) {
    if (!root[key].IsDefined() || root[key].IsNull()) continue;
    auto v = yaml::scalar(root[key], key, where);
    if (!v) return fail(v.error());
    *out = *v;
  }
  if (!id.country.empty()) {
    for (auto& c : id.country) c = ascii_upper_char(c);
    if (!valid_country(id.country))
      return make_error("identity", yaml::error_at(where, root["country"],
                                                   "country must be an ISO 3166 alpha-2 code like DE (got '" +
                                                       root["country"].Scalar() + "')")
                                        .message);
  }
  for (auto& c : id.jurisdiction) c = ascii_upper_char(c);
  if (root["birth_date"].IsDefined() && !root["birth_date"].IsNull()) {
    auto v = yaml::scalar(root["birth_date"], "birth_date", where);
    if (!v) return fail(v.error());
    if (!valid_ymd(*v))
      return make_error("identity", yaml::error_at(where, root["birth_date"],
                                                   "birth_date must be a date as YYYY-MM-DD (got '" + *v + "')")
                                        .message);
    id.birth_date = *v;
  }
  if (root["adult"].IsDefined() && !root["adult"].IsNull()) {
    auto v = yaml::boolean(root["adult"], "adult", where);
    if (!v) return fail(v.error());
    id.adult = *v;
  }
  return id;
}

}  // namespace exposcan
