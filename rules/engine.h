// rules/engine.h — the rules module's public API: load rule packs once, judge items many times.
//
// RuleEngine::load() compiles every pack (rules/rule_set.h) with the person's identity and the
// scan's options; evaluate() turns one Item (and the Page it came from) into Findings: it finds
// personal data (pattern rules and identity rules, within per-item byte and match caps), computes
// the AI-signal exposure (rules/exposure.h), flattens both into the condition fields and runs the
// condition (verdict) rules; each rule that fires yields one Finding with every field filled.
// Results depend only on the inputs (no clock, no time caps). An engine is immutable after load:
// evaluate(), detect(), rules() and run_rule_tests() are const and thread-safe; copies share state.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "core/time.h"
#include "parsers/item.h"
#include "rules/finding.h"
#include "rules/identity.h"
#include "rules/pack_info.h"
#include "rules/pack_source.h"
#include "scanner/page.h"

namespace exposcan {

struct Exposure;

// The packs compiled into the binary (rules/packs/*.yaml), as "builtin:<file>".
std::vector<PackSource> builtin_packs();

struct EngineOptions {
  Identity identity;
  std::vector<std::string> regions;  // ISO 3166 alpha-2 regions for national-format phone numbers
  std::string fingerprint_key;
  TimePoint now{};  // the scan date: decides which first-party policies are in force
  // Caps of personal_data() per item; the author credit (author.name, author.handle) is read
  // beyond them, up to 1 KiB and 8 matches each.
  size_t max_bytes_per_item = 256 * 1024;
  size_t max_matches_per_item = 200;
};

struct RuleInfo {
  std::string id, pack, severity, title, kind;
};

class RuleEngine {
 public:
  // Errors (code "rules"): "file:line: rule-id: message", or "file:line: message" for pack-level
  // problems; an unknown phone region in options.regions is an error too (code "usage").
  static Expected<RuleEngine> load(const std::vector<PackSource>& packs, EngineOptions options);

  std::vector<Finding> evaluate(const Item& item, const Page& page) const;
  // Every detector (pattern) rule over `text`, no per-item caps; Match::field is "input".
  std::vector<Match> detect(std::string_view text) const;

  const std::vector<PackInfo>& packs() const;
  std::vector<RuleInfo> rules() const;

  struct TestFailure {
    std::string rule_id;
    std::string message;  // "tests.positive[0]: no match in \"...\""
    std::string file;     // the pack the rule came from
    int line = 0;         // the example's line in it
  };
  // Runs every rule's tests.positive / tests.negative; empty when all pass. `examples_run`, when
  // given, receives how many examples ran.
  std::vector<TestFailure> run_rule_tests(size_t* examples_run = nullptr) const;

  // The pieces of evaluate(), for `inspect`-style output and tests.
  struct PersonalData {
    std::vector<Match> matches;  // detector and identity matches, field-relative offsets
    bool truncated = false;      // the byte or match cap was reached
    size_t bytes_scanned = 0;
    size_t bytes_total = 0;
  };
  PersonalData personal_data(const Item& item) const;
  Exposure exposure(const Item& item, const Page& page) const;
  const EngineOptions& options() const;

  struct Impl;

 private:
  explicit RuleEngine(std::shared_ptr<const Impl> impl) : m_impl(std::move(impl)) {}
  std::shared_ptr<const Impl> m_impl;
};

}  // namespace exposcan
