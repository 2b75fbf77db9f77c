#include "rules/pattern_rule.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "core/text.h"
#include "rules/phone_detector.h"
#include "rules/text_fold.h"
#include "rules/yaml_util.h"

namespace exposcan {
namespace {

constexpr int64_t k_regex_max_mem = 8 << 20;
constexpr int k_max_retries_per_region = 16;

bool word_at(std::string_view lowered, size_t pos, std::string_view word) {
  if (lowered.compare(pos, word.size(), word) != 0) return false;
  if (fold::is_word_char(fold::decode(word, 0).value) && fold::word_char_before(lowered, pos)) return false;
  if (fold::is_word_char(fold::decode_before(word, word.size()).value) &&
      fold::word_char_after(lowered, pos + word.size()))
    return false;
  return true;
}

bool window_has_word(std::string_view lowered, size_t from, size_t to, const std::vector<std::string>& words) {
  to = std::min(to, lowered.size());
  if (from >= to) return false;
  std::string_view window = lowered.substr(0, to);
  for (const auto& w : words) {
    for (size_t p = window.find(w, from); p != std::string_view::npos && p + w.size() <= to; p = window.find(w, p + 1))
      if (word_at(lowered, p, w)) return true;
  }
  return false;
}

// The end of the longest proper prefix of [start, end) that stops before a separator (space,
// dash, dot, no-break space), or `start` when there is none.
size_t shorter_end(std::string_view text, size_t start, size_t end) {
  for (size_t p = end; p-- > start + 1;) {
    const char c = text[p];
    const bool nbsp = c == '\xC2' && p + 1 < end && text[p + 1] == '\xA0';
    if ((c == ' ' || c == '-' || c == '.' || nbsp) && p < end - 1) {
      size_t cut = p;
      while (cut > start && (text[cut - 1] == ' ' || text[cut - 1] == '-' || text[cut - 1] == '.')) --cut;
      return cut;
    }
  }
  return start;
}

// True when the pattern is one capture group from its first character to its last (after an
// optional leading flag group such as "(?i)"), so every match's value starts where the match does.
bool capture_is_whole(std::string_view re) {
  size_t i = 0;
  if (re.substr(0, 2) == "(?") {
    size_t close = re.find(')');
    if (close == std::string_view::npos || re.find(':', 2) < close) return false;  // "(?i:" is a group
    i = close + 1;
  }
  if (i + 1 >= re.size() || re[i] != '(' || re[i + 1] == '?' || re.back() != ')') return false;
  int depth = 0;
  bool in_class = false;
  for (size_t k = i; k < re.size(); ++k) {
    const char c = re[k];
    if (c == '\\') {
      ++k;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
      if (k + 1 < re.size() && re[k + 1] == '^') ++k;
      if (k + 1 < re.size() && re[k + 1] == ']') ++k;  // "[]...]": a literal ']' first
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return k == re.size() - 1;
  }
  return false;
}

// The first position at or after `from` that no word character precedes (text end at the latest).
size_t next_word_start(std::string_view text, size_t from) {
  size_t q = from;
  while (q < text.size() && fold::word_char_before(text, q)) q += std::max<size_t>(fold::decode(text, q).length, 1);
  return std::min(q, text.size());
}

Expected<ContextClue> parse_clue(const YAML::Node& n, const yaml::Where& where) {
  if (auto s = yaml::check_mapping(n, "context entry", {"words", "where", "within", "score"}, where); !s)
    return s.error();
  for (const char* k : {"words", "score"})
    if (auto s = yaml::require(n, k, where); !s) return s.error();
  ContextClue c;
  auto words = yaml::string_list(n["words"], "context.words", where);
  if (!words) return words.error();
  if (words->empty()) return yaml::error_at(where, n["words"], "context.words must not be empty");
  for (const auto& w : *words) c.words.push_back(fold::lower_same_length(w));
  if (n["where"].IsDefined()) {
    auto side = yaml::scalar(n["where"], "context.where", where);
    if (!side) return side.error();
    if (*side == "before") c.side = ContextClue::Side::before;
    else if (*side == "after") c.side = ContextClue::Side::after;
    else if (*side == "around") c.side = ContextClue::Side::around;
    else return yaml::error_at(where, n["where"], "context.where must be before, after or around (got '" + *side + "')");
  }
  if (n["within"].IsDefined()) {
    auto within = yaml::number(n["within"], "context.within", where);
    if (!within) return within.error();
    if (*within < 1 || *within > 4096)
      return yaml::error_at(where, n["within"], "context.within must be between 1 and 4096 bytes");
    c.within = static_cast<size_t>(*within);
  }
  auto score = yaml::number(n["score"], "context.score", where);
  if (!score) return score.error();
  c.score = *score;
  return c;
}

}  // namespace

Expected<PatternRule> PatternRule::parse(const YAML::Node& node, RuleMeta meta, const yaml::Where& where) {
  PatternRule r;
  r.meta = std::move(meta);
  if (auto s = yaml::require(node, "type", where); !s) return s.error();
  if (node["detector"].IsDefined()) {
    auto d = yaml::scalar(node["detector"], "detector", where);
    if (!d) return d.error();
    if (*d != "phone") return yaml::error_at(where, node["detector"], "unknown detector '" + *d + "' (known: phone)");
    if (node["patterns"].IsDefined())
      return yaml::error_at(where, node["patterns"], "a rule takes either patterns or a detector, not both");
    r.detector = *d;
  } else if (auto s = yaml::require(node, "patterns", where); !s) {
    return s.error();
  }
  auto type = yaml::scalar(node["type"], "type", where);
  if (!type) return type.error();
  r.type = *type;
  if (node["subtype"].IsDefined()) {
    auto sub = yaml::scalar(node["subtype"], "subtype", where);
    if (!sub) return sub.error();
    r.subtype = *sub;
  }
  const YAML::Node pats = node["patterns"];
  auto texts = yaml::string_list(pats, "patterns", where);
  if (!texts) return texts.error();
  if (texts->empty() && r.detector.empty()) return yaml::error_at(where, pats, "patterns must not be empty");
  RE2::Options o;
  o.set_max_mem(k_regex_max_mem);
  o.set_log_errors(false);
  o.set_longest_match(true);  // leftmost-longest: "(?:é|ée)" takes "ée" whatever the order
  for (size_t i = 0; i < texts->size(); ++i) {
    const std::string label = "patterns[" + std::to_string(i) + "]";
    auto re = std::make_shared<const RE2>((*texts)[i], o);
    if (!re->ok()) return yaml::error_at(where, pats[i], "invalid regular expression in " + label + ": " + re->error());
    if (re->NumberOfCapturingGroups() != 1)
      return yaml::error_at(where, pats[i], label + " must have exactly one capture group (the value), found " +
                                                std::to_string(re->NumberOfCapturingGroups()));
    r.pattern_texts.push_back((*texts)[i]);
    r.patterns.push_back(std::move(re));
    r.capture_whole.push_back(capture_is_whole((*texts)[i]));
  }
  auto keywords = yaml::string_list(node["keywords"], "keywords", where);
  if (!keywords) return keywords.error();
  for (const auto& k : *keywords) {
    if (k.empty()) return yaml::error_at(where, node["keywords"], "keywords must not contain empty strings");
    r.keywords.push_back(fold::lower_same_length(k));
  }
  if (const YAML::Node vs = node["validators"]; vs.IsDefined() && !vs.IsNull()) {
    if (!vs.IsSequence()) return yaml::error_at(where, vs, "validators must be a list");
    for (const auto& v : vs) {
      ValidatorUse use;
      YAML::Node name_node = v;
      if (v.IsMap()) {
        if (auto s = yaml::check_mapping(v, "validator", {"name", "score"}, where); !s) return s.error();
        if (auto s = yaml::require(v, "name", where); !s) return s.error();
        name_node.reset(v["name"]);  // reset, not =: Node assignment writes through
        if (v["score"].IsDefined()) {
          auto sc = yaml::number(v["score"], "validators.score", where);
          if (!sc) return sc.error();
          use.score = *sc;
        }
      }
      auto name = yaml::scalar(name_node, "validator name", where);
      if (!name) return name.error();
      const ValidatorInfo* info = find_pack_validator(*name);
      if (!info) {
        std::string list;
        for (auto n : pack_validator_names()) list += (list.empty() ? "" : ", ") + std::string(n);
        return yaml::error_at(where, name_node, "unknown validator '" + *name + "' (known: " + list + ")");
      }
      use.name = *name;
      use.check = info->check;
      r.validators.push_back(std::move(use));
    }
  }
  if (const YAML::Node cs = node["context"]; cs.IsDefined() && !cs.IsNull()) {
    if (!cs.IsSequence()) return yaml::error_at(where, cs, "context must be a list");
    for (const auto& c : cs) {
      auto clue = parse_clue(c, where);
      if (!clue) return clue.error();
      r.context.push_back(std::move(*clue));
    }
  }
  auto allow = yaml::string_list(node["allow"], "allow", where);
  if (!allow) return allow.error();
  for (const auto& a : *allow) r.allow.push_back(fold::lower_same_length(trim(a)));
  for (auto [key, out] : {std::pair<const char*, double*>{"score", &r.base_score}, {"threshold", &r.threshold}}) {
    if (!node[key].IsDefined()) continue;
    auto v = yaml::number(node[key], key, where);
    if (!v) return v.error();
    if (*v < 0 || *v > 1) return yaml::error_at(where, node[key], std::string(key) + " must be between 0 and 1");
    *out = *v;
  }
  if (node["word_boundary"].IsDefined()) {
    auto b = yaml::boolean(node["word_boundary"], "word_boundary", where);
    if (!b) return b.error();
    r.word_boundary = *b;
  }
  if (node["shrink"].IsDefined()) {
    auto b = yaml::boolean(node["shrink"], "shrink", where);
    if (!b) return b.error();
    r.shrink = *b;
  }
  return r;
}

std::optional<double> PatternRule::judge(std::string_view text, std::string_view lowered, size_t start, size_t end,
                                         double base) const {
  if (start >= end || end > text.size()) return std::nullopt;
  if (word_boundary && (fold::word_char_before(text, start) || fold::word_char_after(text, end))) return std::nullopt;
  if (!allow.empty()) {
    std::string_view v = trim(lowered.substr(start, end - start));
    if (std::find(allow.begin(), allow.end(), v) != allow.end()) return std::nullopt;
  }
  double score = base;
  for (const auto& v : validators) {
    if (v.check(text, start, end)) continue;
    if (!v.score) return std::nullopt;
    score += *v.score;
  }
  for (const auto& c : context) {
    bool hit = false;
    if (c.side != ContextClue::Side::after)
      hit = window_has_word(lowered, start > c.within ? start - c.within : 0, start, c.words);
    if (!hit && c.side != ContextClue::Side::before) hit = window_has_word(lowered, end, end + c.within, c.words);
    if (hit) score += c.score;
  }
  score = std::clamp(score, 0.0, 1.0);
  if (score + 1e-9 < threshold) return std::nullopt;
  return score;
}

std::vector<std::string> PatternRule::required_context_words() const {
  if (!detector.empty()) return {};
  double best = base_score;
  for (const auto& v : validators)
    if (v.score && *v.score > 0) best += *v.score;
  if (std::min(best, 1.0) + 1e-9 >= threshold) return {};  // judge() clamps the same way
  std::vector<std::string> words;
  for (const auto& c : context) {
    if (c.score <= 0) continue;
    for (const auto& w : c.words) {
      if (w.empty()) return {};
      words.push_back(w);
    }
  }
  return words;
}

void PatternRule::find(std::string_view text, std::string_view lowered, const std::vector<PhoneMatch>* phones,
                       std::vector<Match>& out) const {
  if (detector == "phone") {
    if (!phones) return;
    for (const auto& p : *phones)
      if (auto score = judge(text, lowered, p.start, p.end, p.score))
        out.push_back(Match{type, subtype, "", p.start, p.end, p.raw, *score, meta.id});
    return;
  }
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[2];
  // When the capture group is the whole pattern its span is the match's: asking RE2 for the match
  // alone lets it stay in its DFAs instead of running a submatch engine on every candidate.
  // Two patterns of one rule may capture the same span; keep it once.
  std::set<std::pair<size_t, size_t>> spans;
  for (size_t p = 0; p < patterns.size(); ++p) {
    const RE2& re = *patterns[p];
    size_t pos = 0;
    size_t region_end = 0;  // end of the last rejected match; retries inside it are bounded
    int retries = 0;
    const int nsub = capture_whole[p] ? 1 : 2;
    while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, groups, nsub)) {
      if (nsub == 1) groups[1] = groups[0];
      size_t ms = static_cast<size_t>(groups[0].data() - text.data());
      size_t me = ms + groups[0].size();
      bool accepted = false;
      if (groups[1].data() != nullptr) {
        size_t cs = static_cast<size_t>(groups[1].data() - text.data());
        size_t ce = cs + groups[1].size();
        std::optional<double> score = judge(text, lowered, cs, ce, base_score);
        for (size_t cut = ce; !score && shrink && cut > cs + 1;) {
          cut = shorter_end(text, cs, cut);
          if (cut > cs) {
            score = judge(text, lowered, cs, cut, base_score);
            if (score) ce = me = cut;  // resume after the value: the cut-off part may start another
          }
        }
        if (score) {
          if (patterns.size() == 1 || spans.emplace(cs, ce).second)
            out.push_back(Match{type, subtype, "", cs, ce, std::string(text.substr(cs, ce - cs)), *score, meta.id});
          accepted = true;
        }
      }
      size_t step = std::max<size_t>(fold::decode(text, ms).length, 1);
      if (accepted || me == ms) {
        pos = std::max(me, ms + step);
        retries = 0;
      } else {
        // Rejected: a valid candidate may start inside this match (e.g. a longer digit run);
        // try the next code point, a bounded number of times per region.
        if (ms >= region_end) retries = 0, region_end = me;
        region_end = std::max(region_end, me);
        // With word boundaries required and the value starting where the match does, a match
        // starting inside a word is rejected whatever it is: skip to the next word start (a
        // 19-digit number is one retry for a 9-digit rule, not eleven).
        size_t next = ms + step;
        if (word_boundary && capture_whole[p]) next = next_word_start(text, next);
        pos = ++retries <= k_max_retries_per_region ? next : std::max(me, region_end);
        if (retries > k_max_retries_per_region) retries = 0, region_end = 0;
      }
    }
  }
}

}  // namespace exposcan
