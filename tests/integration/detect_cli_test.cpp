// `exposcan detect` run as a process: JSON Lines with byte offsets into the input, redaction,
// the exact type names, --region narrowing and validation, no per-item caps.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "tests/support/test_support.h"

using exposcan::test::run_process;
using exposcan::test::TempDir;

namespace {

std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> rows;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);) rows.push_back(nlohmann::json::parse(l));
  return rows;
}

// One line per type the pii and special-category packs report (the "ë" shifts byte offsets).
const std::string k_text =
    "Zoë Example, born on 12 April 1990, lives at 42 Elm Street, Springfield, IL 62704.\n"
    "Mail zoe@example.org or call +1 202-555-0147. IBAN DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111.\n"
    "Server 203.0.113.42, GPS: 48.85837, 2.294481. SSN: 123-45-6789. I was diagnosed with diabetes.\n";

}  // namespace

TEST_CASE("detect --format json prints one object per match with byte offsets and redacted values", "[detect-cli]") {
  auto r = run_process({EXPOSCAN_BIN, "detect", "--format", "json"}, {}, k_text);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const auto rows = json_lines(r.out);
  REQUIRE(rows.size() == 11);
  struct Expect {
    std::string type, subtype, value, redacted;
  };
  const std::vector<Expect> expected{
      {"birth_date", "", "12 April 1990", "1* A**** 1***"},
      {"postal_address", "us", "42 Elm Street, Springfield, IL 62704", "4* E** S*****, S**********, I* 6****"},
      {"email", "", "zoe@example.org", "z***@example.org"},
      {"phone", "", "+1 202-555-0147", "+1 ***-***-**47"},
      {"iban", "", "DE89 3704 0044 0532 0130 00", "DE** **** **** **** **30 00"},
      {"payment_card", "", "4111 1111 1111 1111", "**** **** **** 1111"},
      {"ip_address", "", "203.0.113.42", "***.*.***.**"},
      {"geo", "", "48.85837, 2.294481", "**.*****, *.******"},
      {"national_id", "us_ssn", "123-45-6789", "***-**-6789"},
      {"special_category", "health", "diagnosed", "d********"},
      {"special_category", "health", "diabetes", "d*******"},
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& row = rows[i];
    const auto& e = expected[i];
    INFO(row.dump());
    const size_t start = k_text.find(e.value);
    REQUIRE(start != std::string::npos);
    CHECK(row.at("type") == e.type);
    CHECK(row.at("start").get<size_t>() == start);
    CHECK(row.at("end").get<size_t>() == start + e.value.size());
    CHECK(row.at("value") == e.redacted);
    CHECK(row.at("score").get<double>() > 0.0);
    CHECK(row.at("score").get<double>() <= 1.0);
    if (e.subtype.empty()) {
      CHECK_FALSE(row.contains("subtype"));
      CHECK(row.size() == 5);
    } else {
      CHECK(row.at("subtype") == e.subtype);
      CHECK(row.size() == 6);
    }
  }
}

TEST_CASE("detect --show-values prints the raw value at the byte span", "[detect-cli]") {
  TempDir dir;
  const std::string file = dir.write("input.txt", k_text);
  auto r = run_process({EXPOSCAN_BIN, "detect", file, "--format", "json", "--show-values"});
  REQUIRE(r.exit_code == 0);
  const auto rows = json_lines(r.out);
  REQUIRE(rows.size() == 11);
  std::set<std::string> types;
  for (const auto& row : rows) {
    const size_t start = row.at("start"), end = row.at("end");
    REQUIRE(end <= k_text.size());
    CHECK(k_text.substr(start, end - start) == row.at("value").get<std::string>());
    types.insert(row.at("type"));
  }
  CHECK(types == std::set<std::string>{"email", "phone", "postal_address", "birth_date", "iban", "payment_card",
                                       "ip_address", "geo", "national_id", "special_category"});
}

TEST_CASE("detect reads a file or standard input alike", "[detect-cli]") {
  TempDir dir;
  const std::string file = dir.write("input.txt", k_text);
  auto from_file = run_process({EXPOSCAN_BIN, "detect", "--format", "json", file});
  auto from_dash = run_process({EXPOSCAN_BIN, "detect", "--format", "json", "-"}, {}, k_text);
  auto from_stdin = run_process({EXPOSCAN_BIN, "detect", "--format", "json"}, {}, k_text);
  REQUIRE(from_file.exit_code == 0);
  CHECK_FALSE(from_file.out.empty());
  CHECK(from_dash.out == from_file.out);
  CHECK(from_stdin.out == from_file.out);
}

TEST_CASE("detect with several inputs names each in a path field", "[detect-cli]") {
  TempDir dir;
  const std::string a = dir.write("a.txt", "Mail zoe@example.org\n");
  const std::string b = dir.write("b.txt", "nothing here\n");
  const std::string c = dir.write("c.txt", "IBAN DE89 3704 0044 0532 0130 00\n");
  auto r = run_process({EXPOSCAN_BIN, "detect", "--format", "json", a, b, c});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "{\"path\":\"" + a + "\",\"type\":\"email\",\"start\":5,\"end\":20,\"score\":0.9,\"value\":\"z***@example.org\"}\n" +
                     "{\"path\":\"" + c + "\",\"type\":\"iban\",\"start\":5,\"end\":32,\"score\":0.95,\"value\":\"DE** **** **** **** **30 00\"}\n");
}

TEST_CASE("detect has no per-item caps", "[detect-cli]") {
  // The scan pipeline caps an item at 256 KiB and 200 matches; detect reads everything.
  std::string text;
  for (int i = 0; i < 300; ++i) text += "contact person" + std::to_string(i) + "@example.org today\n";
  text += std::string(300 * 1024, 'x') + "\nlast: zoe@example.org\n";
  auto r = run_process({EXPOSCAN_BIN, "detect", "--format", "json"}, {}, text);
  REQUIRE(r.exit_code == 0);
  const auto rows = json_lines(r.out);
  REQUIRE(rows.size() == 301);
  CHECK(rows.back().at("start").get<size_t>() == text.find("zoe@example.org"));
}

TEST_CASE("detect table format is a list for people", "[detect-cli]") {
  auto r = run_process({EXPOSCAN_BIN, "detect"}, {}, "SSN: 123-45-6789 and mail zoe@example.org\n");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "    START     END  TYPE                           SCORE  VALUE\n"
        "        5      16  national_id (us_ssn)            0.85  ***-**-6789\n"
        "       26      41  email                           0.90  z***@example.org\n"
        "  2 matches\n");
  auto none = run_process({EXPOSCAN_BIN, "detect"}, {}, "nothing to see\n");
  CHECK(none.exit_code == 0);
  CHECK(none.out == "  0 matches\n");
  auto json_none = run_process({EXPOSCAN_BIN, "detect", "--format", "json"}, {}, "nothing to see\n");
  CHECK(json_none.out.empty());
}

TEST_CASE("detect --region narrows national-format phone numbers", "[detect-cli]") {
  const std::string text = "Tel. 030 901820 or +1 202-555-0147";
  auto any = json_lines(run_process({EXPOSCAN_BIN, "detect", "--format", "json"}, {}, text).out);
  auto de = json_lines(run_process({EXPOSCAN_BIN, "detect", "--format", "json", "--region", "DE"}, {}, text).out);
  auto us = json_lines(run_process({EXPOSCAN_BIN, "detect", "--format", "json", "--region", "us"}, {}, text).out);
  REQUIRE(any.size() == 2);
  CHECK(any[0].at("start") == 5);
  CHECK(de.size() == 2);
  // Read as US numbers, "030 901820" is no phone number; international ones are found anyway.
  REQUIRE(us.size() == 1);
  CHECK(us[0].at("start") == text.find("+1"));
}

TEST_CASE("detect rejects an unknown region", "[detect-cli]") {
  auto r = run_process({EXPOSCAN_BIN, "detect", "--region", "XX"}, {}, "x");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "exposcan: error: unknown phone region 'XX' (expected an ISO 3166-1 alpha-2 code such as US, GB or DE)\n");
  auto uk = run_process({EXPOSCAN_BIN, "detect", "--region", "UK"}, {}, "x");
  CHECK(uk.exit_code == 2);
  CHECK(uk.err ==
        "exposcan: error: unknown phone region 'UK' (expected an ISO 3166-1 alpha-2 code such as US, GB or DE; the "
        "United Kingdom is GB)\n");
}

TEST_CASE("detect errors: unreadable input and a bad format", "[detect-cli]") {
  TempDir dir;
  const std::string missing = (dir / "missing.txt").string();
  auto r = run_process({EXPOSCAN_BIN, "detect", missing});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "exposcan: error: cannot read " + missing + ": No such file or directory\n");
  auto f = run_process({EXPOSCAN_BIN, "detect", "--format", "sarif"}, {}, "x");
  CHECK(f.exit_code == 2);
}

TEST_CASE("detect runs the detectors of packs added with --rules", "[detect-cli]") {
  TempDir dir;
  const std::string pack = dir.write("ticket.yaml", R"(pack: custom
version: 1.0.0
min_exposcan_version: 0.1.0
rules:
  - id: custom.ticket
    kind: pattern
    title: Ticket number
    description: A support ticket number.
    severity: low
    confidence: high
    tags: []
    references: []
    remediation: Remove it.
    type: ticket
    keywords: [tkt-]
    patterns: ['(?i)(TKT-\d{6})']
    score: 0.7
    tests:
      positive: ["see TKT-123456"]
      negative: ["see TKT-12"]
)");
  auto r = run_process({EXPOSCAN_BIN, "detect", "--format", "json", "--show-values", "--rules", pack}, {},
                       "ticket TKT-123456 for zoe@example.org");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "{\"type\":\"ticket\",\"start\":7,\"end\":17,\"score\":0.7,\"value\":\"TKT-123456\"}\n"
        "{\"type\":\"email\",\"start\":22,\"end\":37,\"score\":0.9,\"value\":\"zoe@example.org\"}\n");
}
