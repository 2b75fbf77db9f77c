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

std::string where(const char* which, size_t i) {
  return std::string("tests.") + which + "[" + std::to_string(i) + "]";
}

template <class Scan>
void check_text_rule(const RuleMeta& meta, const std::vector<TextExample>& positive,
                     const std::vector<TextExample>& negative, Scan scan,
                     std::vector<RuleEngine::TestFailure>& out, size_t& examples) {
  auto fail = [&](int line, std::string message) { out.push_back({meta.id, std::move(message), meta.file, line}); };
  for (size_t i = 0; i < positive.size(); ++i) {
    const auto& ex = positive[i];
    ++examples;
    std::vector<Match> found = scan(ex.text);
    if (found.empty()) {
      fail(ex.line, where("positive", i) + ": no match in " + quote(ex.text));
      continue;
    }
    if (!ex.value.empty() &&
        std::none_of(found.begin(), found.end(), [&](const Match& m) { return m.value == ex.value; })) {
      std::string got;
      for (const auto& m : found) got += (got.empty() ? "" : ", ") + quote(m.value);
      fail(ex.line, where("positive", i) + ": expected the value " + quote(ex.value) + ", found " + got);
    }
  }
  for (size_t i = 0; i < negative.size(); ++i) {
    const auto& ex = negative[i];
    ++examples;
    std::vector<Match> found = scan(ex.text);
    if (!found.empty())
      fail(ex.line, where("negative", i) + ": unexpected match " + quote(found.front().value) + " in " + quote(ex.text));
  }
}

}  // namespace

std::vector<RuleEngine::TestFailure> RuleEngine::run_rule_tests(size_t* examples_run) const {
  const Impl& impl = *m_impl;
  std::vector<TestFailure> out;
  size_t examples = 0;
  const auto& detectors = impl.set.detectors.rules();
  for (size_t r = 0; r < detectors.size(); ++r)
    check_text_rule(detectors[r].meta, detectors[r].positive, detectors[r].negative,
                    [&](std::string_view text) { return impl.set.detectors.scan_rule(r, text); }, out, examples);
  for (size_t p = 0; p < impl.set.packs.size(); ++p) {
    const auto& pack = impl.set.packs[p];
    for (size_t k = 0; k < pack.identity_rules.size(); ++k) {
      const IdentityRule& rule = impl.set.identity_rules[pack.identity_rules[k]];
      check_text_rule(rule.meta, rule.positive, rule.negative,
                      [&](std::string_view text) { return impl.test_identity[p].scan_rule(k, text); }, out, examples);
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
    for (size_t i = 0; i < rule.positive.size(); ++i, ++examples)
      if (!fires(rule.positive[i].view))
        out.push_back({rule.meta.id, where("positive", i) + ": the rule did not fire", rule.meta.file,
                       rule.positive[i].line});
    for (size_t i = 0; i < rule.negative.size(); ++i, ++examples)
      if (fires(rule.negative[i].view))
        out.push_back({rule.meta.id, where("negative", i) + ": the rule fired", rule.meta.file, rule.negative[i].line});
  }
  if (examples_run) *examples_run = examples;
  return out;
}

}  // namespace exposcan
