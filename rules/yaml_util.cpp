#include "rules/yaml_util.h"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace exposcan::yaml {

int line_of(const YAML::Node& node) {
  if (!node.IsDefined()) return 0;
  const YAML::Mark m = node.Mark();
  return m.line < 0 ? 0 : m.line + 1;
}

Error error_at(const Where& where, int line, std::string_view message) {
  std::string text = where.file;
  if (line > 0) text += ":" + std::to_string(line);
  text += ": ";
  if (!where.rule.empty()) text += where.rule + ": ";
  text += message;
  return make_error("rules", std::move(text));
}

Error error_at(const Where& where, const YAML::Node& node, std::string_view message) {
  return error_at(where, line_of(node), message);
}

Expected<YAML::Node> load(std::string_view text, const Where& where) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    int line = e.mark.line < 0 ? 0 : e.mark.line + 1;
    return error_at(Where{where.file, ""}, line, "invalid YAML: " + e.msg);
  }
}

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::optional<std::string_view> closest(std::string_view word, std::initializer_list<std::string_view> candidates) {
  std::optional<std::string_view> best;
  size_t best_d = 3;
  for (auto c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best_d) best_d = d, best = c;
  }
  return best;
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  size_t best_d = 3;
  for (const auto& c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best_d) best_d = d, best = c;
  }
  return best;
}

Status check_mapping(const YAML::Node& node, std::string_view what, std::initializer_list<std::string_view> allowed,
                     const Where& where) {
  return check_mapping(node, what, std::vector<std::string_view>(allowed), where);
}

Status check_mapping(const YAML::Node& node, std::string_view what, const std::vector<std::string_view>& allowed,
                     const Where& where) {
  if (!node.IsMap()) return error_at(where, node, std::string(what) + " must be a mapping");
  std::set<std::string> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node& key = it->first;
    if (!key.IsScalar()) return error_at(where, key, std::string(what) + ": keys must be strings");
    const std::string& k = key.Scalar();
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
      std::string msg = "unknown key '" + k + "'";
      std::vector<std::string> names(allowed.begin(), allowed.end());
      if (auto c = closest(k, names)) msg += " (did you mean '" + *c + "'?)";
      return error_at(where, key, msg);
    }
    if (!seen.insert(k).second) return error_at(where, key, "duplicate key '" + k + "'");
  }
  return {};
}

Status require(const YAML::Node& map, std::string_view key, const Where& where) {
  if (!map[std::string(key)].IsDefined() || map[std::string(key)].IsNull())
    return error_at(where, map, "missing required field '" + std::string(key) + "'");
  return {};
}

bool is_scalar(const YAML::Node& n) { return n.IsDefined() && n.IsScalar(); }

Expected<std::string> scalar(const YAML::Node& node, std::string_view name, const Where& where) {
  if (!is_scalar(node)) return error_at(where, node, std::string(name) + " must be a string");
  return node.Scalar();
}

Expected<std::vector<std::string>> string_list(const YAML::Node& node, std::string_view name, const Where& where,
                                               bool scalar_ok) {
  std::vector<std::string> out;
  if (!node.IsDefined() || node.IsNull()) return out;
  if (node.IsScalar() && scalar_ok) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence())
    return error_at(where, node, std::string(name) + (scalar_ok ? " must be a string or a list of strings"
                                                                : " must be a list of strings"));
  for (const auto& e : node) {
    if (!e.IsScalar()) return error_at(where, e, std::string(name) + " must be a list of strings");
    out.push_back(e.Scalar());
  }
  return out;
}

Expected<double> number(const YAML::Node& node, std::string_view name, const Where& where) {
  if (is_scalar(node)) {
    const std::string& s = node.Scalar();
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size()) return v;
  }
  return error_at(where, node, std::string(name) + " must be a number");
}

Expected<bool> boolean(const YAML::Node& node, std::string_view name, const Where& where) {
  if (is_scalar(node)) {
    const std::string& s = node.Scalar();
    if (s == "true" || s == "True" || s == "TRUE" || s == "yes" || s == "Yes") return true;
    if (s == "false" || s == "False" || s == "FALSE" || s == "no" || s == "No") return false;
  }
  return error_at(where, node, std::string(name) + " must be true or false");
}

}  // namespace exposcan::yaml
