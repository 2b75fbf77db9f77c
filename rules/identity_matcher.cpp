#include "rules/identity_matcher.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/text.h"
#include "rules/phone_detector.h"
#include "rules/text_fold.h"
#include "rules/yaml_util.h"

namespace exposcan {
namespace {

struct SubjectName {
  const char* name;
  IdentitySubject subject;
  const char* subtype;
};
constexpr SubjectName k_subjects[] = {
    {"names", IdentitySubject::names, "name"},          {"family", IdentitySubject::family, "family"},
    {"handles", IdentitySubject::handles, "handle"},    {"emails", IdentitySubject::emails, "email"},
    {"phones", IdentitySubject::phones, "phone"},
    {"addresses", IdentitySubject::addresses, "address"}, {"birth_date", IdentitySubject::birth_date, "birth_date"},
};

constexpr const char* k_months_en[] = {"january", "february", "march",     "april",   "may",      "june",
                                       "july",    "august",   "september", "october", "november", "december"};
constexpr const char* k_months_en_short[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                             "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr const char* k_months_de[] = {"januar", "februar", "märz",      "april",   "mai",      "juni",
                                       "juli",   "august",  "september", "oktober", "november", "dezember"};
constexpr const char* k_months_fr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                       "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

std::vector<std::string> tokens(std::string_view folded) {
  std::vector<std::string> out;
  for (auto t : split(folded, ' '))
    if (!t.empty()) out.emplace_back(t);
  return out;
}

std::string join(const std::vector<std::string>& parts, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to; ++i) s += (s.empty() ? "" : " ") + parts[i];
  return s;
}

std::string initial(const std::string& token) { return token.substr(0, fold::decode(token, 0).length); }

std::string strip_dot(std::string s) {
  while (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string transliterate_umlauts(std::string_view s) {
  std::string out(s);
  for (auto [from, to] : {std::pair<const char*, const char*>{"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"Ä", "Ae"},
                          {"Ö", "Oe"}, {"Ü", "Ue"}}) {
    for (size_t p = out.find(from); p != std::string::npos; p = out.find(from, p + 2)) out.replace(p, 2, to);
  }
  return out;
}

// "J. Example" for "Jane Example": the initial form, or "" when the name has no such form.
std::string initial_form(std::string_view name) {
  auto t = tokens(fold::fold(name, fold::Options{true, false}));
  if (t.size() < 2 || strip_dot(t.front()).size() <= 1) return "";
  std::string last = t.back();
  if (last.back() == ',') last.pop_back();
  return initial(t.front()) + ". " + last;
}

void name_variants(std::string_view name, std::vector<std::pair<std::string, double>>& out) {
  const fold::Options opt{true, false};
  auto t = tokens(fold::fold(name, opt));
  if (t.empty()) return;
  if (t.size() == 1) {
    if (t[0].size() >= 3) out.emplace_back(t[0], 0.5);
    return;
  }
  for (auto& x : t)
    if (x.back() == ',') x.pop_back();
  const std::string& first = t.front();
  const std::string& last = t.back();
  out.emplace_back(join(t, 0, t.size()), 1.0);
  out.emplace_back(last + ", " + join(t, 0, t.size() - 1), 0.9);
  if (t.size() >= 3) {
    out.emplace_back(first + " " + last, 0.95);
    out.emplace_back(last + ", " + first, 0.9);
    std::string dotted = first, bare = first;
    for (size_t i = 1; i + 1 < t.size(); ++i) {
      std::string ini = initial(strip_dot(t[i]));
      dotted += " " + ini + ".";
      bare += " " + ini;
    }
    out.emplace_back(dotted + " " + last, 0.95);
    out.emplace_back(bare + " " + last, 0.9);
  }
  if (strip_dot(first).size() > 1) out.emplace_back(initial(first) + ". " + last, 0.6);
}

std::vector<std::pair<std::string, double>> date_variants(const std::string& ymd) {
  std::vector<std::pair<std::string, double>> out;
  auto tp = parse_date(ymd);
  if (!tp) return out;
  int y = std::stoi(ymd.substr(0, 4)), m = std::stoi(ymd.substr(5, 2)), d = std::stoi(ymd.substr(8, 2));
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  const std::string Y = std::to_string(y), M = two(m), D = two(d), m1 = std::to_string(m), d1 = std::to_string(d);
  for (const std::string& s : {Y + "-" + M + "-" + D, Y + "/" + M + "/" + D}) out.emplace_back(s, 0.9);
  for (const std::string& s : {D + "." + M + "." + Y, d1 + "." + m1 + "." + Y, D + "/" + M + "/" + Y,
                               M + "/" + D + "/" + Y, d1 + "/" + m1 + "/" + Y, m1 + "/" + d1 + "/" + Y,
                               D + "-" + M + "-" + Y})
    out.emplace_back(s, 0.8);
  const std::string en = k_months_en[m - 1], en3 = k_months_en_short[m - 1];
  const std::string suffix = (d % 10 == 1 && d != 11) ? "st" : (d % 10 == 2 && d != 12) ? "nd" : (d % 10 == 3 && d != 13) ? "rd" : "th";
  for (const std::string& s :
       {d1 + " " + en + " " + Y, en + " " + d1 + ", " + Y, en + " " + d1 + " " + Y, d1 + suffix + " " + en + " " + Y,
        d1 + suffix + " of " + en + " " + Y, en + " " + d1 + suffix + ", " + Y, d1 + " " + en3 + " " + Y,
        d1 + " " + en3 + ". " + Y, en3 + " " + d1 + ", " + Y, en3 + ". " + d1 + ", " + Y})
    out.emplace_back(fold::fold(s), 0.9);
  const std::string de = k_months_de[m - 1];
  for (const std::string& s : {d1 + ". " + de + " " + Y, D + ". " + de + " " + Y, d1 + "." + de + " " + Y})
    out.emplace_back(fold::fold(s), 0.9);
  const std::string fr = k_months_fr[m - 1];
  out.emplace_back(fold::fold((d == 1 ? std::string("1er") : d1) + " " + fr + " " + Y), 0.9);
  if (d == 1) out.emplace_back(fold::fold("1 " + fr + " " + Y), 0.9);
  return out;
}

void address_variants(std::string_view address, std::vector<std::pair<std::string, double>>& out) {
  const fold::Options opt{true, false};
  std::string full = fold::fold(address, opt);
  if (full.empty()) return;
  std::vector<std::string> forms{full};
  for (auto part : split(full, ',')) {
    std::string p(trim(part));
    bool digit = std::any_of(p.begin(), p.end(), [](char c) { return is_ascii_digit(c); });
    bool alpha = std::any_of(p.begin(), p.end(), [](char c) { return is_ascii_alpha(c); });
    if (digit && alpha && p.size() >= 6 && p != full) {
      forms.push_back(p);
      break;  // the street line: the first part with a number and a name
    }
  }
  const std::pair<const char*, const char*> abbreviations[] = {
      {"street", "st"}, {"street", "st."}, {"road", "rd"}, {"road", "rd."}, {"avenue", "ave"}, {"avenue", "ave."},
      {"strasse", "str."}, {"strasse", "str"}, {"boulevard", "bd"}, {"boulevard", "blvd"}, {"rue", "r."}};
  for (size_t i = 0; i < forms.size(); ++i) {
    const double score = i == 0 ? 1.0 : 0.8;
    out.emplace_back(forms[i], score);
    auto t = tokens(forms[i]);
    // German compounds: "Musterstrasse" ~ "Musterstr." ~ "Musterstr"
    for (size_t k = 0; k < t.size(); ++k) {
      std::string token = t[k];
      const bool comma = !token.empty() && token.back() == ',';
      if (comma) token.pop_back();
      std::string stem;
      if (token.size() > 7 && token.ends_with("strasse")) stem = token.substr(0, token.size() - 7);
      else if (token.size() > 4 && token.ends_with("str.")) stem = token.substr(0, token.size() - 4);
      if (stem.empty()) continue;
      for (const char* suffix : {"strasse", "str.", "str"}) {
        auto copy = t;
        copy[k] = stem + suffix + (comma ? "," : "");
        if (copy[k] != t[k]) out.emplace_back(join(copy, 0, copy.size()), score);
      }
    }
    for (auto [longf, shortf] : abbreviations)
      for (size_t k = 0; k < t.size(); ++k) {
        std::string token = t[k];
        if (!token.empty() && token.back() == ',') token.pop_back();
        if (token == longf || token == shortf) {
          auto copy = t;
          copy[k] = (token == longf ? std::string(shortf) : std::string(longf)) + (t[k].back() == ',' ? "," : "");
          out.emplace_back(join(copy, 0, copy.size()), score);
        }
      }
  }
}

}  // namespace

Expected<IdentityRule> IdentityRule::parse(const YAML::Node& node, RuleMeta meta, const yaml::Where& where) {
  IdentityRule r;
  r.meta = std::move(meta);
  if (auto s = yaml::require(node, "match", where); !s) return s.error();
  auto m = yaml::scalar(node["match"], "match", where);
  if (!m) return m.error();
  const SubjectName* found = nullptr;
  for (const auto& s : k_subjects)
    if (*m == s.name) found = &s;
  if (!found) {
    std::string list;
    for (const auto& s : k_subjects) list += (list.empty() ? "" : ", ") + std::string(s.name);
    return yaml::error_at(where, node["match"], "match must be one of " + list + " (got '" + *m + "')");
  }
  r.subject = found->subject;
  r.subtype = found->subtype;
  return r;
}

IdentityMatcher::IdentityMatcher(const std::vector<IdentityRule>& rules, const Identity& identity,
                                 std::shared_ptr<const PhoneDetector> phones, std::string_view default_region)
    : m_phones(std::move(phones)) {
  const std::string region = identity.country.empty() ? std::string(default_region) : identity.country;
  // "J. Example" is dropped when it could be you or a family member.
  std::set<std::string> ambiguous;
  std::map<std::string, std::set<std::string>> owners;
  for (const auto& n : identity.names)
    if (auto f = initial_form(n); !f.empty()) owners[f].insert("names");
  for (const auto& n : identity.family)
    if (auto f = initial_form(n); !f.empty()) owners[f].insert("family");
  for (const auto& [form, people] : owners)
    if (people.size() > 1) ambiguous.insert(form);
  for (const auto& rule : rules) {
    Compiled c;
    c.rule_id = rule.meta.id;
    c.subtype = rule.subtype;
    std::vector<std::pair<std::string, double>> forms;
    std::vector<Needle> special;
    switch (rule.subject) {
      case IdentitySubject::names:
      case IdentitySubject::family: {
        c.hyphen_as_space = true;
        const auto& list = rule.subject == IdentitySubject::names ? identity.names : identity.family;
        for (const auto& n : list) {
          name_variants(n, forms);
          if (transliterate_umlauts(n) != n) name_variants(transliterate_umlauts(n), forms);
        }
        break;
      }
      case IdentitySubject::handles:
        for (const auto& h : identity.handles) {
          std::string f = fold::fold(trim(h));
          while (!f.empty() && f.front() == '@') f.erase(0, 1);
          if (f.empty()) continue;
          if (auto at = f.find('@'); at != std::string::npos) {
            forms.emplace_back("@" + f, 1.0);  // @user@host
            if (at >= 2) special.push_back({"@" + f.substr(0, at), 0.7, true});
          } else if (f.size() >= 3) {
            forms.emplace_back(f, 0.9);
          }
        }
        break;
      case IdentitySubject::emails:
        for (const auto& e : identity.emails) forms.emplace_back(fold::fold(trim(e)), 1.0);
        break;
      case IdentitySubject::addresses:
        c.hyphen_as_space = true;
        for (const auto& a : identity.addresses) address_variants(a, forms);
        break;
      case IdentitySubject::birth_date:
        if (identity.birth_date) forms = date_variants(*identity.birth_date);
        break;
      case IdentitySubject::phones:
        c.phones = true;
        for (const auto& p : identity.phones)
          if (auto e164 = to_e164(p, region)) forms.emplace_back(*e164, 1.0);
        break;
    }
    std::set<std::string> seen;
    for (auto& [text, score] : forms)
      if (!text.empty() && !ambiguous.count(text) && seen.insert(text).second) c.needles.push_back({text, score, false});
    for (auto& n : special)
      if (seen.insert(n.folded).second) c.needles.push_back(n);
    std::stable_sort(c.needles.begin(), c.needles.end(),
                     [](const Needle& a, const Needle& b) { return a.folded.size() > b.folded.size(); });
    m_rules.push_back(std::move(c));
  }
}

bool IdentityMatcher::empty() const {
  return std::all_of(m_rules.begin(), m_rules.end(), [](const Compiled& c) { return c.needles.empty(); });
}

std::vector<std::string> IdentityMatcher::needles(size_t rule_index) const {
  std::vector<std::string> out;
  for (const auto& n : m_rules.at(rule_index).needles) out.push_back(n.folded);
  return out;
}

struct IdentityMatcher::Folded {
  std::optional<fold::FoldedText> plain, hyphen_as_space;
  const fold::FoldedText& get(std::string_view text, bool hyphens) {
    auto& slot = hyphens ? hyphen_as_space : plain;
    if (!slot) slot = fold::fold_text(text, fold::Options{hyphens, false});
    return *slot;
  }
};

void IdentityMatcher::scan_one(const Compiled& c, std::string_view text, Folded& folded,
                               const std::vector<PhoneMatch>* phones, std::vector<Match>& out) const {
  if (c.needles.empty()) return;
  if (c.phones) {
    std::vector<PhoneMatch> own;
    if (!phones) {
      if (!m_phones) return;
      own = m_phones->find(text);
      phones = &own;
    }
    for (const auto& p : *phones)
      for (const auto& n : c.needles)
        if (p.e164 == n.folded) {
          out.push_back(Match{"identity", c.subtype, "", p.start, p.end, p.raw, n.score, c.rule_id});
          break;
        }
    return;
  }
  const fold::FoldedText& ft = folded.get(text, c.hyphen_as_space);
  const std::string& f = ft.text;
  std::vector<std::pair<size_t, size_t>> taken;  // folded spans already matched (longer needles first)
  for (const auto& n : c.needles) {
    for (size_t p = f.find(n.folded); p != std::string::npos; p = f.find(n.folded, p + 1)) {
      size_t e = p + n.folded.size();
      bool inner_start = fold::is_word_char(fold::decode(n.folded, 0).value);
      bool inner_end = fold::is_word_char(fold::decode_before(n.folded, n.folded.size()).value);
      if (inner_start && fold::word_char_before(f, p)) continue;
      if (inner_end && fold::word_char_after(f, e)) continue;
      if ((n.reject_at_after || c.subtype == "handle") && e < f.size() && f[e] == '@') continue;
      if (c.subtype == "email" && e < f.size() &&
          (f[e] == '@' || f[e] == '-' || (f[e] == '.' && fold::word_char_after(f, e + 1))))
        continue;  // a longer address ("jane@example.org.uk")
      if (std::any_of(taken.begin(), taken.end(), [&](auto s) { return p < s.second && s.first < e; })) continue;
      taken.emplace_back(p, e);
      size_t mp = p;
      if (c.subtype == "handle" && mp > 0 && f[mp - 1] == '@' && n.folded.front() != '@') --mp;  // include the '@'
      auto [s, t] = ft.source_span(mp, e);
      out.push_back(Match{"identity", c.subtype, "", s, t, std::string(text.substr(s, t - s)), n.score, c.rule_id});
    }
  }
}

std::vector<Match> IdentityMatcher::scan(std::string_view text, const std::vector<PhoneMatch>* phones) const {
  std::vector<Match> out;
  Folded folded;
  for (const auto& c : m_rules) scan_one(c, text, folded, phones, out);
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.start < b.start; });
  return out;
}

std::vector<Match> IdentityMatcher::scan_rule(size_t rule_index, std::string_view text) const {
  std::vector<Match> out;
  Folded folded;
  scan_one(m_rules.at(rule_index), text, folded, nullptr, out);
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.start < b.start; });
  return out;
}

}  // namespace exposcan
