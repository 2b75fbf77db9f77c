#include "store/suppressions.h"

#include <yaml-cpp/yaml.h>

#include <chrono>

#include "core/fs.h"
#include "core/log.h"

namespace exposcan {
namespace {

int line_of(const YAML::Node& n) { return n.Mark().line >= 0 ? n.Mark().line + 1 : 0; }

Error at(const std::string& file, int line, const std::string& message) {
  return make_error("config", file + ":" + std::to_string(line) + ": " + message);
}

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

Expected<Suppression> parse_entry(const YAML::Node& n, const std::string& file) {
  const int line = line_of(n);
  if (!n.IsMap()) return at(file, line, "a suppression must be a mapping (fingerprint or rule, url, reason, expires)");
  Suppression s;
  s.line = line;
  for (const auto& kv : n) {
    const std::string key = kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    if (key != "fingerprint" && key != "rule" && key != "url" && key != "reason" && key != "expires")
      return at(file, line_of(kv.first), "unknown key '" + key + "' (expected fingerprint, rule, url, reason, expires)");
    if (!v.IsScalar()) return at(file, line_of(v), key + " must be a string");
    std::string text = v.Scalar();
    if (key == "fingerprint") s.fingerprint = text;
    if (key == "rule") s.rule = text;
    if (key == "url") s.url = text;
    if (key == "reason") s.reason = text;
    if (key == "expires") {
      auto day = is_date(text) ? parse_date(text) : std::nullopt;
      if (!day) return at(file, line_of(v), "expires: expected a date YYYY-MM-DD (got '" + text + "')");
      s.expires = *day + std::chrono::hours(24);
      s.expires_text = text;
    }
  }
  if (s.reason.find_first_not_of(" \t") == std::string::npos)
    return at(file, line, "a suppression needs a reason (why this finding is accepted)");
  if (s.fingerprint.empty() && s.rule.empty()) return at(file, line, "a suppression needs a fingerprint or a rule");
  if (!s.fingerprint.empty() && (!s.rule.empty() || !s.url.empty()))
    return at(file, line, "give either a fingerprint or a rule with a url pattern, not both");
  if (s.fingerprint.empty() && s.url.empty()) s.url = "*";
  return s;
}

}  // namespace

bool wildcard_match(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Expected<Suppressions> Suppressions::parse(std::string_view yaml, const std::string& file_name) {
  Suppressions out;
  out.m_file = file_name;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return at(file_name, e.mark.line >= 0 ? e.mark.line + 1 : 0, "invalid YAML: " + e.msg);
  }
  if (!root || root.IsNull()) return out;  // an empty file suppresses nothing
  if (!root.IsMap()) return at(file_name, line_of(root), "expected a mapping with a 'suppressions' list");
  for (const auto& kv : root) {
    const std::string key = kv.first.as<std::string>();
    if (key != "suppressions") return at(file_name, line_of(kv.first), "unknown key '" + key + "' (expected suppressions)");
    const YAML::Node& list = kv.second;
    if (list.IsNull()) continue;
    if (!list.IsSequence()) return at(file_name, line_of(list), "suppressions must be a list");
    for (const auto& entry : list) {
      auto s = parse_entry(entry, file_name);
      if (!s) return s.error();
      out.m_entries.push_back(std::move(*s));
    }
  }
  return out;
}

Expected<Suppressions> Suppressions::load(const std::filesystem::path& path) {
  auto text = read_file(path);
  if (!text) return make_error("config", "cannot read suppressions file " + path.string());
  return parse(*text, path.string());
}

std::optional<std::string> Suppressions::match(const Finding& f, TimePoint now) const {
  for (const auto& s : m_entries) {
    if (s.expires && now >= *s.expires) continue;
    bool hit = !s.fingerprint.empty()
                   ? s.fingerprint == f.fingerprint
                   : wildcard_match(s.rule, f.rule_id) &&
                         (wildcard_match(s.url, f.url) || (!f.evidence.url.empty() && wildcard_match(s.url, f.evidence.url)));
    if (hit) return s.reason;
  }
  return std::nullopt;
}

std::vector<std::string> Suppressions::reasons(const std::vector<Finding>& findings, TimePoint now) const {
  std::vector<std::string> out;
  out.reserve(findings.size());
  for (const auto& f : findings) out.push_back(match(f, now).value_or(std::string()));
  return out;
}

std::vector<Suppression> Suppressions::expired(TimePoint now) const {
  std::vector<Suppression> out;
  for (const auto& s : m_entries)
    if (s.expires && now >= *s.expires) out.push_back(s);
  return out;
}

void Suppressions::warn_expired(TimePoint now) const {
  for (const auto& s : expired(now))
    log::warn("{}:{}: suppression expired on {} ({}); its findings are reported again", m_file, s.line, s.expires_text,
              s.reason);
}

}  // namespace exposcan
