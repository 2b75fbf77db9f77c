// rules/pack_loader.cpp — load_rule_set(): YAML packs to a compiled RuleSet (see rules/rule_set.h).
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "core/hash.h"
#include "core/text.h"
#include "core/version.h"
#include "rules/identity_yaml.h"
#include "rules/rule_set.h"
#include "rules/semver.h"
#include "rules/text_fold.h"
#include "rules/yaml_util.h"

namespace exposcan {

const LoadedPack* RuleSet::pack(std::string_view id) const {
  for (const auto& p : packs)
    if (p.info.id == id) return &p;
  return nullptr;
}

std::string default_category(std::string_view type) {
  if (type == "identity") return "identity";
  if (type == "email" || type == "phone" || type == "postal_address") return "contact";
  if (type == "iban" || type == "payment_card") return "financial";
  if (type == "national_id") return "government_id";
  if (type == "special_category") return "special_category";
  if (type == "geo" || type == "ip_address") return "location";
  if (type == "birth_date") return "birth_date";
  return "";
}

namespace {

const std::vector<std::string_view> k_common_keys = {"id",   "kind",       "title",       "description", "severity",
                                                     "confidence", "tags", "references", "remediation", "tests"};
const std::vector<std::string_view> k_pattern_keys = {"type",       "subtype",  "category",   "patterns",
                                                      "detector",   "keywords", "validators", "context",
                                                      "allow",      "score",    "threshold",  "word_boundary", "shrink"};
const std::vector<std::string_view> k_identity_keys = {"match"};
const std::vector<std::string_view> k_condition_keys = {"if", "fallback", "verdict", "reasons",
                                                        "severity_by_personal_data"};

bool valid_id(std::string_view id) {
  if (id.empty() || !(is_ascii_digit(id[0]) || (id[0] >= 'a' && id[0] <= 'z'))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || c == '.' || c == '-' || c == '_';
  });
}

struct ParsedPack {
  const PackSource* source = nullptr;
  YAML::Node root;
  PackInfo info;
};

Expected<ParsedPack> parse_header(const PackSource& src) {
  const yaml::Where where{src.name, ""};
  auto doc = yaml::load(src.text, where);
  if (!doc) return doc.error();
  ParsedPack p;
  p.source = &src;
  p.root.reset(*doc);
  const YAML::Node& root = p.root;
  if (!root.IsMap()) return yaml::error_at(where, root, "a rule pack must be a YAML mapping");
  if (auto s = yaml::check_mapping(root, "pack",
                                   {"pack", "version", "min_exposcan_version", "title", "description", "source",
                                    "rules", "agents", "policies", "regions", "test_identity"},
                                   where);
      !s)
    return s.error();
  for (const char* k : {"pack", "version", "min_exposcan_version"})
    if (auto s = yaml::require(root, k, where); !s) return s.error();
  auto id = yaml::scalar(root["pack"], "pack", where);
  if (!id) return id.error();
  if (!valid_id(*id))
    return yaml::error_at(where, root["pack"],
                          "pack id must be lower-case letters, digits, '.', '-' or '_' (got '" + *id + "')");
  auto version = yaml::scalar(root["version"], "version", where);
  if (!version) return version.error();
  if (!SemVer::parse(*version))
    return yaml::error_at(where, root["version"], "version must be a semantic version like 1.2.3 (got '" + *version + "')");
  auto min = yaml::scalar(root["min_exposcan_version"], "min_exposcan_version", where);
  if (!min) return min.error();
  auto min_v = SemVer::parse(*min);
  if (!min_v)
    return yaml::error_at(where, root["min_exposcan_version"],
                          "min_exposcan_version must be a semantic version like 0.1.0 (got '" + *min + "')");
  if (compare(*min_v, *SemVer::parse(k_version)) > 0)
    return yaml::error_at(where, root["min_exposcan_version"],
                          "pack '" + *id + "' needs exposcan " + *min + " or newer (this is " + k_version + ")");
  if (!root["rules"].IsDefined() && !root["agents"].IsDefined() && !root["policies"].IsDefined())
    return yaml::error_at(where, root, "a pack needs rules, agents or policies");
  if (root["rules"].IsDefined() && !root["rules"].IsSequence())
    return yaml::error_at(where, root["rules"], "rules must be a list");
  p.info = PackInfo{*id, *version, sha256_hex(src.text), src.name};
  return p;
}

struct Loader {
  RuleSet& set;
  std::map<std::string, std::string> rule_locations;  // id -> "file:line"

  Expected<RuleMeta> meta(const YAML::Node& n, const ParsedPack& pack, size_t index, yaml::Where& where) {
    where.rule = "rules[" + std::to_string(index) + "]";
    if (!n.IsMap()) return yaml::error_at(where, n, "a rule must be a mapping");
    if (yaml::is_scalar(n["id"]) && !n["id"].Scalar().empty()) where.rule = n["id"].Scalar();
    if (auto s = yaml::require(n, "kind", where); !s) return s.error();
    auto kind = yaml::scalar(n["kind"], "kind", where);
    if (!kind) return kind.error();
    std::vector<std::string_view> keys = k_common_keys;
    const auto& extra = *kind == "pattern" ? k_pattern_keys : *kind == "identity" ? k_identity_keys
                        : *kind == "condition" ? k_condition_keys : std::vector<std::string_view>{};
    if (extra.empty())
      return yaml::error_at(where, n["kind"], "kind must be one of pattern, identity, condition (got '" + *kind + "')");
    keys.insert(keys.end(), extra.begin(), extra.end());
    if (auto s = yaml::check_mapping(n, "rule", keys, where); !s) return s.error();
    for (auto k : k_common_keys)
      if (auto s = yaml::require(n, k, where); !s) return s.error();
    RuleMeta m;
    m.kind = *kind;
    m.pack = pack.info.id;
    m.pack_version = pack.info.version;
    m.file = pack.source->name;
    m.line = yaml::line_of(n);
    auto id = yaml::scalar(n["id"], "id", where);
    if (!id) return id.error();
    if (!valid_id(*id))
      return yaml::error_at(where, n["id"], "rule id must be lower-case letters, digits, '.', '-' or '_'");
    m.id = *id;
    const std::string here = m.file + ":" + std::to_string(m.line);
    if (auto it = rule_locations.find(m.id); it != rule_locations.end())
      return yaml::error_at(where, n["id"], "duplicate rule id (first defined at " + it->second + ")");
    rule_locations.emplace(m.id, here);
    for (auto [key, out] : {std::pair<const char*, std::string*>{"title", &m.title}, {"description", &m.description},
                            {"confidence", &m.confidence}, {"remediation", &m.remediation}}) {
      auto v = yaml::scalar(n[key], key, where);
      if (!v) return v.error();
      *out = *v;
    }
    auto sev = yaml::scalar(n["severity"], "severity", where);
    if (!sev) return sev.error();
    auto level = severity_from_string(*sev);
    if (!level)
      return yaml::error_at(where, n["severity"],
                            "severity must be one of info, low, medium, high, critical (got '" + *sev + "')");
    m.severity = *level;
    if (m.confidence != "high" && m.confidence != "medium" && m.confidence != "low")
      return yaml::error_at(where, n["confidence"], "confidence must be one of high, medium, low (got '" + m.confidence + "')");
    auto tags = yaml::string_list(n["tags"], "tags", where);
    if (!tags) return tags.error();
    m.tags = *tags;
    auto refs = yaml::string_list(n["references"], "references", where);
    if (!refs) return refs.error();
    m.references = *refs;
    if (auto s = yaml::check_mapping(n["tests"], "tests", {"positive", "negative"}, where); !s) return s.error();
    return m;
  }

  Status rule(const YAML::Node& n, const ParsedPack& pack, size_t index, LoadedPack& loaded) {
    yaml::Where where{pack.source->name, ""};
    auto m = meta(n, pack, index, where);
    if (!m) return m.error();
    if (m->kind == "pattern") {
      auto r = PatternRule::parse(n, *m, where);
      if (!r) return r.error();
      for (const char* which : {"positive", "negative"}) {
        auto ex = parse_text_examples(n["tests"][which], n["tests"], std::string("tests.") + which, where);
        if (!ex) return ex.error();
        (std::string_view(which) == "positive" ? r->positive : r->negative) = std::move(*ex);
      }
      if (!r->keywords.empty())
        for (size_t i = 0; i < r->positive.size(); ++i) {
          std::string lowered = fold::lower_same_length(r->positive[i].text);
          bool hit = std::any_of(r->keywords.begin(), r->keywords.end(),
                                 [&](const std::string& k) { return lowered.find(k) != std::string::npos; });
          if (!hit)
            return yaml::error_at(where, n["tests"]["positive"][i],
                                  "tests.positive[" + std::to_string(i) +
                                      "] contains none of the keywords, so the prefilter would skip it");
        }
      std::string category = default_category(r->type);
      if (n["category"].IsDefined()) {
        auto c = yaml::scalar(n["category"], "category", where);
        if (!c) return c.error();
        if (std::find_if(std::begin(k_data_categories), std::end(k_data_categories),
                         [&](const char* x) { return *c == x; }) == std::end(k_data_categories))
          return yaml::error_at(where, n["category"], "unknown personal-data category '" + *c + "'");
        category = *c;
      }
      if (!category.empty()) set.type_category[r->type] = category;
      set.detectors.add(std::move(*r));
    } else if (m->kind == "identity") {
      auto r = IdentityRule::parse(n, *m, where);
      if (!r) return r.error();
      for (const char* which : {"positive", "negative"}) {
        auto ex = parse_text_examples(n["tests"][which], n["tests"], std::string("tests.") + which, where);
        if (!ex) return ex.error();
        (std::string_view(which) == "positive" ? r->positive : r->negative) = std::move(*ex);
      }
      if (!loaded.test_identity)
        return yaml::error_at(where, n, "identity rules need a pack-level test_identity for their tests");
      loaded.identity_rules.push_back(set.identity_rules.size());
      set.identity_rules.push_back(std::move(*r));
    } else {
      auto r = ConditionRule::parse(n, *m, *set.schema, where);
      if (!r) return r.error();
      set.conditions.push_back(std::move(*r));
    }
    return {};
  }

  Status pack(const ParsedPack& p) {
    const yaml::Where where{p.source->name, ""};
    LoadedPack loaded;
    loaded.info = p.info;
    const YAML::Node& root = p.root;
    if (root["regions"].IsDefined())
      if (auto s = set.policies.add_regions(root["regions"], where); !s) return s;
    if (root["agents"].IsDefined())
      if (auto s = set.agents.add(root["agents"], where); !s) return s;
    if (root["policies"].IsDefined())
      if (auto s = set.policies.add_policies(root["policies"], where); !s) return s;
    if (root["test_identity"].IsDefined()) {
      auto id = identity_from_yaml(root["test_identity"], where);
      if (!id) return make_error("rules", id.error().message);
      loaded.test_identity = std::move(*id);
    }
    if (root["rules"].IsDefined())
      for (size_t i = 0; i < root["rules"].size(); ++i)
        if (auto s = rule(root["rules"][i], p, i, loaded); !s) return s;
    set.packs.push_back(std::move(loaded));
    return {};
  }
};

}  // namespace

Expected<RuleSet> load_rule_set(const std::vector<PackSource>& sources) {
  RuleSet set;
  std::vector<ParsedPack> parsed;
  std::map<std::string, std::string> pack_files;
  for (const auto& src : sources) {
    auto p = parse_header(src);
    if (!p) return p.error();
    if (auto it = pack_files.find(p->info.id); it != pack_files.end())
      return yaml::error_at(yaml::Where{src.name, ""}, p->root["pack"],
                            "duplicate pack id '" + p->info.id + "' (also in " + it->second + ")");
    pack_files.emplace(p->info.id, src.name);
    // Pass 1: match types declared by pattern rules become matches.<type> fields.
    if (p->root["rules"].IsDefined())
      for (const auto& r : p->root["rules"])
        if (r.IsMap() && yaml::is_scalar(r["kind"]) && r["kind"].Scalar() == "pattern" && yaml::is_scalar(r["type"]))
          set.schema->add_match_type(r["type"].Scalar());
    parsed.push_back(std::move(*p));
  }
  Loader loader{set, {}};
  for (const auto& p : parsed)
    if (auto s = loader.pack(p); !s) return s.error();
  set.detectors.compile();
  return set;
}

}  // namespace exposcan
