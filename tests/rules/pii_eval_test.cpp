// Scores the detectors on the labelled corpus bench/pii-eval/corpus.jsonl and prints
// precision / recall / F2 per entity type. Phones come from PhoneDetector; e-mail, IBAN and card
// use small scanners plus the validators (the rule pack will replace those later). A prediction
// counts when it overlaps a labelled span of the same type (each label matched once), as in
// bench/README.md §5; "exact" counts identical spans. EXPOSCAN_EVAL_VERBOSE=1 lists every miss
// and false hit.
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

#include "core/text.h"
#include "rules/phone_detector.h"
#include "rules/text_normalize.h"
#include "rules/validators.h"
#include "tests/support/test_support.h"

using namespace exposcan;

namespace {

struct Span {
  std::string type;
  size_t start = 0;
  size_t end = 0;
  std::string form;
};

bool is_atext_byte(char c) {
  return is_ascii_alnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
}

std::vector<Span> find_emails(std::string_view text) {
  std::vector<Span> out;
  for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    size_t s = at;
    while (s > 0) {
      const CodePoint cp = decode_utf8_before(text, s);
      if (!(cp.value < 0x80 ? is_atext_byte(static_cast<char>(cp.value)) : is_word_char(cp.value))) break;
      s -= cp.length;
    }
    while (s < at && text[s] == '.') ++s;
    size_t e = at + 1;
    while (e < text.size()) {
      const CodePoint cp = decode_utf8(text, e);
      if (!(cp.value < 0x80
                ? (is_ascii_alnum(static_cast<char>(cp.value)) || cp.value == '-' || cp.value == '.')
                : is_word_char(cp.value)))
        break;
      e += cp.length;
    }
    while (e > at + 1 && (text[e - 1] == '.' || text[e - 1] == '-')) --e;
    if (s < at && email_plausible(text.substr(s, e - s))) out.push_back({"email", s, e, ""});
  }
  return out;
}

std::vector<Span> find_ibans(std::string_view text) {
  std::vector<Span> out;
  for (size_t p = 0; p + 4 <= text.size(); ++p) {
    if (!(ascii_upper_char(text[p]) == text[p] && is_ascii_alpha(text[p]) &&
          ascii_upper_char(text[p + 1]) == text[p + 1] && is_ascii_alpha(text[p + 1]) &&
          is_ascii_digit(text[p + 2]) && is_ascii_digit(text[p + 3])))
      continue;
    if (p > 0 && is_ascii_alnum(text[p - 1])) continue;
    std::vector<size_t> ends;
    size_t q = p, chars = 0;
    while (q < text.size() && chars < 34) {
      if (is_ascii_alnum(text[q])) {
        ++q, ++chars;
        ends.push_back(q);
      } else if (text[q] == ' ' && q + 1 < text.size() && is_ascii_alnum(text[q + 1])) {
        ++q;
      } else {
        break;
      }
    }
    for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
      if (*it < text.size() && is_ascii_alnum(text[*it])) continue;
      if (iban_valid(text.substr(p, *it - p))) {
        out.push_back({"iban", p, *it, ""});
        p = *it;
        break;
      }
    }
  }
  return out;
}

std::vector<Span> find_cards(std::string_view text) {
  std::vector<Span> out;
  for (size_t p = 0; p < text.size(); ++p) {
    if (!is_ascii_digit(text[p]) ||
        (p > 0 && (is_ascii_alnum(text[p - 1]) || text[p - 1] == '-' || text[p - 1] == '+')))
      continue;
    size_t q = p, digits = 0, end = p;
    while (q < text.size() && digits <= 19) {
      if (is_ascii_digit(text[q])) {
        ++q, ++digits;
        end = q;
      } else if ((text[q] == ' ' || text[q] == '-') && q + 1 < text.size() && is_ascii_digit(text[q + 1])) {
        ++q;
      } else {
        break;
      }
    }
    const bool glued = end < text.size() && is_ascii_alnum(text[end]);
    if (!glued && card_number_valid(text.substr(p, end - p))) out.push_back({"payment_card", p, end, ""});
    p = end;
  }
  return out;
}

struct Tally {
  int gold = 0, pred = 0, tp = 0, fp = 0, fn = 0, exact = 0;
  double precision() const { return pred ? static_cast<double>(tp) / (tp + fp) : 0.0; }
  double recall() const { return gold ? static_cast<double>(gold - fn) / gold : 0.0; }
  double f2() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 5 * p * r / (4 * p + r) : 0.0;
  }
};

bool overlaps(const Span& a, const Span& b) {
  return a.start < b.end && b.start < a.end;
}

}  // namespace

TEST_CASE("PII evaluation corpus: precision, recall and F2 per type", "[pii-eval]") {
  const auto path = test::source_dir() / "bench" / "pii-eval" / "corpus.jsonl";
  std::ifstream in(path);
  REQUIRE(in.good());
  const bool verbose = std::getenv("EXPOSCAN_EVAL_VERBOSE") != nullptr;
  const PhoneDetector phones;
  const std::vector<std::string> types{"email",        "phone",          "iban",
                                       "payment_card", "postal_address", "birth_date"};
  const std::map<std::string, bool> detected{
      {"email", true}, {"phone", true}, {"iban", true}, {"payment_card", true}};
  std::map<std::string, Tally> tally;
  std::map<std::string, std::pair<int, int>> by_form;  // "type/form" -> found, total
  int sentences = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++sentences;
    const nlohmann::json row = nlohmann::json::parse(line);
    const std::string text = row.at("text");
    std::vector<Span> gold;
    for (const auto& e : row.at("entities"))
      gold.push_back({e.at("type"), e.at("start"), e.at("end"), e.value("form", "")});
    std::vector<Span> pred = find_emails(text);
    for (const Span& s : find_ibans(text)) pred.push_back(s);
    for (const Span& s : find_cards(text)) pred.push_back(s);
    for (const PhoneMatch& m : phones.find(text)) pred.push_back({"phone", m.start, m.end, ""});

    std::vector<bool> used(gold.size(), false);
    for (const Span& p : pred) {
      Tally& t = tally[p.type];
      ++t.pred;
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
          std::cout << "FALSE " << p.type << " " << row.at("id").get<std::string>() << " '"
                    << text.substr(p.start, p.end - p.start) << "' in: " << text << "\n";
      }
    }
    for (size_t g = 0; g < gold.size(); ++g) {
      Tally& t = tally[gold[g].type];
      ++t.gold;
      auto& form = by_form[gold[g].type + "/" + gold[g].form];
      ++form.second;
      if (used[g]) {
        ++form.first;
      } else {
        ++t.fn;
        if (verbose && detected.count(gold[g].type))
          std::cout << "MISS  " << gold[g].type << "/" << gold[g].form << " "
                    << row.at("id").get<std::string>() << " '"
                    << text.substr(gold[g].start, gold[g].end - gold[g].start) << "' in: " << text << "\n";
      }
    }
  }
  REQUIRE(sentences >= 300);

  std::ostringstream table;
  table << "PII eval: " << sentences << " sentences (" << path.filename().string() << ")\n"
        << std::left << std::setw(16) << "type" << std::right << std::setw(6) << "gold" << std::setw(6)
        << "pred" << std::setw(6) << "TP" << std::setw(6) << "FP" << std::setw(6) << "FN" << std::setw(11)
        << "precision" << std::setw(8) << "recall" << std::setw(7) << "F2" << std::setw(7) << "exact"
        << "\n";
  for (const std::string& type : types) {
    const Tally& t = tally[type];
    table << std::left << std::setw(16) << type << std::right << std::setw(6) << t.gold;
    if (!detected.count(type)) {
      table << "   (no detector in this scorer yet)\n";
      continue;
    }
    table << std::setw(6) << t.pred << std::setw(6) << t.tp << std::setw(6) << t.fp << std::setw(6) << t.fn
          << std::fixed << std::setprecision(3) << std::setw(11) << t.precision() << std::setw(8)
          << t.recall() << std::setw(7) << t.f2() << std::setw(7) << t.exact << "\n";
  }
  table << "recall by form below 1.0:\n";
  for (const auto& [form, counts] : by_form) {
    const std::string type = form.substr(0, form.find('/'));
    if (detected.count(type) && counts.first < counts.second)
      table << "  " << form << " " << counts.first << "/" << counts.second << "\n";
  }
  std::cout << table.str() << std::flush;

  // Targets for what this scorer detects. Obfuscated e-mail ("jane [at] example [dot] org") is
  // labelled but out of the plain scanner's reach, so e-mail recall is checked on plain forms.
  CHECK(tally["phone"].f2() >= 0.95);
  CHECK(tally["iban"].f2() >= 0.95);
  CHECK(tally["payment_card"].f2() >= 0.95);
  CHECK(tally["email"].precision() >= 0.95);
  const auto plain = by_form["email/plain"];
  CHECK(plain.first == plain.second);
}
