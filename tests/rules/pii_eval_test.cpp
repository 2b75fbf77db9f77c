// Scores the full detector stack — RuleEngine::detect with every built-in pack loaded, as
// `exposcan detect` runs it — on the labelled corpora in bench/pii-eval/ and prints precision /
// recall / F2 per entity type.
//
// corpus.jsonl is the development set (misses may be inspected and the packs tuned on it);
// heldout.jsonl was written before the tuning and is only ever scored in aggregate (per type
// and per written form), never listed sentence by sentence. A prediction counts when it overlaps
// a labelled span of the same type (each label matched once), as ../shared/bench/score_rg.py
// does; "exact" counts identical spans. Detector types the corpora do not label (ip_address,
// geo, national_id, special_category) are not scored. EXPOSCAN_EVAL_VERBOSE=1 lists every miss
// and false hit of the development set.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "rules/engine.h"
#include "tests/support/test_support.h"

using namespace exposcan;

namespace {

const std::vector<std::string> k_types{"email", "phone", "iban", "payment_card", "postal_address", "birth_date"};

struct Span {
  std::string type;
  size_t start = 0;
  size_t end = 0;
  std::string form;
};

struct Tally {
  int gold = 0, tp = 0, fp = 0, fn = 0, exact = 0;
  double precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0; }
  double recall() const { return gold ? static_cast<double>(gold - fn) / gold : 1.0; }
  double f2() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 5 * p * r / (4 * p + r) : 0.0;
  }
};

struct Score {
  int sentences = 0;
  std::map<std::string, Tally> tally;
  std::map<std::string, std::pair<int, int>> by_form;  // "type/form" -> found, total
};

bool overlaps(const Span& a, const Span& b) { return a.start < b.end && b.start < a.end; }

const RuleEngine& shared_engine() {
  static const RuleEngine e = [] {
    auto loaded = RuleEngine::load(builtin_packs(), EngineOptions{});
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  return e;
}

Score score_file(const std::string& name, bool verbose) {
  const auto path = test::source_dir() / "bench" / "pii-eval" / name;
  std::ifstream in(path);
  REQUIRE(in.good());
  Score s;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++s.sentences;
    const nlohmann::json row = nlohmann::json::parse(line);
    const std::string text = row.at("text");
    std::vector<Span> gold;
    for (const auto& e : row.at("entities"))
      gold.push_back({e.at("type"), e.at("start"), e.at("end"), e.value("form", "")});
    std::vector<Span> pred;
    for (const Match& m : shared_engine().detect(text))
      if (std::find(k_types.begin(), k_types.end(), m.type) != k_types.end())
        pred.push_back({m.type, m.start, m.end, m.rule_id});

    std::vector<bool> used(gold.size(), false);
    for (const Span& p : pred) {
      Tally& t = s.tally[p.type];
      bool hit = false;
      for (size_t g = 0; g < gold.size(); ++g) {
        if (used[g] || gold[g].type != p.type || !overlaps(gold[g], p)) continue;
        used[g] = hit = true;
        ++t.tp;
        if (gold[g].start == p.start && gold[g].end == p.end) ++t.exact;
        break;
      }
      if (!hit) {
        ++t.fp;
        if (verbose)
          std::cout << "FALSE " << p.type << " (" << p.form << ") " << row.at("id").get<std::string>() << " '"
                    << text.substr(p.start, p.end - p.start) << "' in: " << text << "\n";
      }
    }
    for (size_t g = 0; g < gold.size(); ++g) {
      Tally& t = s.tally[gold[g].type];
      ++t.gold;
      auto& form = s.by_form[gold[g].type + "/" + gold[g].form];
      ++form.second;
      if (used[g]) {
        ++form.first;
      } else {
        ++t.fn;
        if (verbose)
          std::cout << "MISS  " << gold[g].type << "/" << gold[g].form << " " << row.at("id").get<std::string>()
                    << " '" << text.substr(gold[g].start, gold[g].end - gold[g].start) << "' in: " << text << "\n";
      }
    }
  }
  return s;
}

void print(const std::string& name, const Score& s) {
  std::ostringstream out;
  out << "PII eval, " << name << ": " << s.sentences << " sentences\n"
      << "| type | gold | TP | FP | FN | precision | recall | F2 | exact span |\n|---|---|---|---|---|---|---|---|---|\n";
  for (const std::string& type : k_types) {
    const Tally& t = s.tally.count(type) ? s.tally.at(type) : Tally{};
    out << "| " << type << " | " << t.gold << " | " << t.tp << " | " << t.fp << " | " << t.fn << " | " << std::fixed
        << std::setprecision(3) << t.precision() << " | " << t.recall() << " | " << t.f2() << " | " << t.exact
        << " |\n";
  }
  out << "recall by written form, where below 1:\n";
  for (const auto& [form, counts] : s.by_form)
    if (counts.first < counts.second) out << "  " << form << " " << counts.first << "/" << counts.second << "\n";
  std::cout << out.str() << std::flush;
}

// The targets: F2 >= 0.95 for e-mail, phone, IBAN and cards; >= 0.8 for postal addresses
// and birth dates.
void check_targets(const Score& s) {
  for (const char* type : {"email", "phone", "iban", "payment_card"}) {
    INFO(type);
    REQUIRE(s.tally.count(type) == 1);
    CHECK(s.tally.at(type).f2() >= 0.95);
  }
  for (const char* type : {"postal_address", "birth_date"}) {
    INFO(type);
    REQUIRE(s.tally.count(type) == 1);
    CHECK(s.tally.at(type).f2() >= 0.8);
  }
}

}  // namespace

TEST_CASE("PII evaluation corpus: precision recall and F2 per type", "[pii-eval]") {
  const Score s = score_file("corpus.jsonl", std::getenv("EXPOSCAN_EVAL_VERBOSE") != nullptr);
  REQUIRE(s.sentences >= 600);
  print("corpus.jsonl (development)", s);
  check_targets(s);
}

TEST_CASE("PII held-out set: precision recall and F2 per type", "[pii-eval]") {
  const Score s = score_file("heldout.jsonl", false);
  REQUIRE(s.sentences >= 200);
  print("heldout.jsonl (held out)", s);
  check_targets(s);
}
