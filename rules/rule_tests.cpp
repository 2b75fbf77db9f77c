// rules/rule_tests.cpp — RuleEngine::run_rule_tests(): every rule's own examples.
//
// Pattern rules run alone on each example (no other rule can shadow them); identity rules run
// with their pack's test_identity; condition rules are evaluated on the example's field values,
// and a fallback rule's positive examples must leave every other rule of its pack silent.
#include "core/text.h"
#include "rules/engine_impl.h"

namespace exposcan {
namespace {

std::string quote(std::string_view text) {
  std::string s(utf8_prefix(text, 80));
  if (s.size() < text.size()) s += "...";
  return "\"" + s + "\"";
}

std::string where(const char* which, size_t i, int line) {
  return std::string("tests.") + which + "[" + std::to_string(i) + "] (line " + std::to_string(line) + ")";
}

template <class Scan>
void check_text_rule(const std::string& id, const std::vector<TextExample>& positive,
                     const std::vector<TextExample>& negative, Scan scan,
                     std::vector<RuleEngine::TestFailure>& out) {
  for (size_t i = 0; i < positive.size(); ++i) {
    const auto& ex = positive[i];
    std::vector<Match> found = scan(ex.text);
    if (found.empty()) {
      out.push_back({id, where("positive", i, ex.line) + ": no match in " + quote(ex.text)});
      continue;
    }
    if (!ex.value.empty() &&
        std::none_of(found.begin(), found.end(), [&](const Match& m) { return m.value == ex.value; })) {
      std::string got;
      for (const auto& m : found) got += (got.empty() ? "" : ", ") + quote(m.value);
      out.push_back({id, where("positive", i, ex.line) + ": expected the value " + quote(ex.value) + ", found " + got});
    }
  }
  for (size_t i = 0; i < negative.size(); ++i) {
    const auto& ex = negative[i];
    std::vector<Match> found = scan(ex.text);
    if (!found.empty())
      out.push_back({id, where("negative", i, ex.line) + ": unexpected match " + quote(found.front().value) + " in " +
                             quote(ex.text)});
  }
}

}  // namespace

std::vector<RuleEngine::TestFailure> RuleEngine::run_rule_tests() const {
  const Impl& impl = *m_impl;
  std::vector<TestFailure> out;
  const auto& detectors = impl.set.detectors.rules();
  for (size_t r = 0; r < detectors.size(); ++r)
    check_text_rule(detectors[r].meta.id, detectors[r].positive, detectors[r].negative,
                    [&](std::string_view text) { return impl.set.detectors.scan_rule(r, text); }, out);
  for (size_t p = 0; p < impl.set.packs.size(); ++p) {
    const auto& pack = impl.set.packs[p];
    for (size_t k = 0; k < pack.identity_rules.size(); ++k) {
      const IdentityRule& rule = impl.set.identity_rules[pack.identity_rules[k]];
      check_text_rule(rule.meta.id, rule.positive, rule.negative,
                      [&](std::string_view text) { return impl.test_identity[p].scan_rule(k, text); }, out);
    }
  }
  const TimePoint now = impl.options.now;
  for (const auto& rule : impl.set.conditions) {
    auto fires = [&](const FieldView& view) {
      if (!rule.fallback) return rule.fires(view, now);
      for (const auto& other : impl.set.conditions)
        if (other.meta.pack == rule.meta.pack && !other.fallback && other.fires(view, now)) return false;
      return true;
    };
    for (size_t i = 0; i < rule.positive.size(); ++i)
      if (!fires(rule.positive[i].view))
        out.push_back({rule.meta.id, where("positive", i, rule.positive[i].line) + ": the rule did not fire"});
    for (size_t i = 0; i < rule.negative.size(); ++i)
      if (fires(rule.negative[i].view))
        out.push_back({rule.meta.id, where("negative", i, rule.negative[i].line) + ": the rule fired"});
  }
  return out;
}

}  // namespace exposcan
