#include "rules/semver.h"

#include <algorithm>

#include "core/text.h"

namespace exposcan {
namespace {

bool numeric(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_ascii_digit(c); });
}

bool identifier(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_ascii_alnum(c) || c == '-'; });
}

std::optional<unsigned long> number(std::string_view s) {
  if (!numeric(s) || (s.size() > 1 && s[0] == '0') || s.size() > 9) return std::nullopt;
  return std::stoul(std::string(s));
}

}  // namespace

std::optional<SemVer> SemVer::parse(std::string_view text) {
  SemVer v;
  if (auto plus = text.find('+'); plus != std::string_view::npos) {
    v.build = std::string(text.substr(plus + 1));
    for (auto part : split(v.build, '.'))
      if (!identifier(part)) return std::nullopt;
    text = text.substr(0, plus);
  }
  if (auto dash = text.find('-'); dash != std::string_view::npos) {
    for (auto part : split(text.substr(dash + 1), '.')) {
      if (!identifier(part) || (numeric(part) && part.size() > 1 && part[0] == '0')) return std::nullopt;
      v.pre.emplace_back(part);
    }
    text = text.substr(0, dash);
  }
  auto core = split(text, '.');
  if (core.size() != 3) return std::nullopt;
  auto a = number(core[0]), b = number(core[1]), c = number(core[2]);
  if (!a || !b || !c) return std::nullopt;
  v.major = *a, v.minor = *b, v.patch = *c;
  return v;
}

std::string SemVer::str() const {
  std::string s = std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
  for (size_t i = 0; i < pre.size(); ++i) s += (i ? "." : "-") + pre[i];
  if (!build.empty()) s += "+" + build;
  return s;
}

int compare(const SemVer& a, const SemVer& b) {
  auto cmp = [](unsigned long x, unsigned long y) { return x < y ? -1 : x > y ? 1 : 0; };
  if (int c = cmp(a.major, b.major)) return c;
  if (int c = cmp(a.minor, b.minor)) return c;
  if (int c = cmp(a.patch, b.patch)) return c;
  if (a.pre.empty() || b.pre.empty()) return a.pre.empty() == b.pre.empty() ? 0 : a.pre.empty() ? 1 : -1;
  for (size_t i = 0; i < std::min(a.pre.size(), b.pre.size()); ++i) {
    const auto &x = a.pre[i], &y = b.pre[i];
    bool nx = numeric(x), ny = numeric(y);
    if (nx && ny) {
      if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
      if (x != y) return x < y ? -1 : 1;
    } else if (nx != ny) {
      return nx ? -1 : 1;
    } else if (x != y) {
      return x < y ? -1 : 1;
    }
  }
  return cmp(a.pre.size(), b.pre.size());
}

}  // namespace exposcan
