// PhoneDetector: formats per country, extensions, exclusions, context, regions, byte offsets,
// thread safety and to_e164. Numbers are fictional (NANP 555-01xx, Ofcom drama ranges,
// placeholder digit runs).
#include "rules/phone_detector.h"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

using namespace exposcan;

namespace {

// The single match of `number` when it is embedded in `before` + number + `after`; checks that
// the span is exactly the number's bytes.
PhoneMatch only_match(const PhoneDetector& d, const std::string& before, const std::string& number,
                      const std::string& after = "") {
  const std::string text = before + number + after;
  const std::vector<PhoneMatch> found = d.find(text);
  INFO(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].start == before.size());
  CHECK(found[0].end == before.size() + number.size());
  CHECK(found[0].raw == number);
  return found[0];
}

}  // namespace

TEST_CASE("international formats are found with their E.164 form", "[phone]") {
  const PhoneDetector d;
  struct Case {
    const char* number;
    const char* e164;
    const char* region;
  };
  for (const Case& c :
       {Case{"+1 202-555-0147", "+12025550147", "US"}, Case{"+1 (202) 555-0147", "+12025550147", "US"},
        Case{"+1.202.555.0147", "+12025550147", "US"}, Case{"+12025550147", "+12025550147", "US"},
        Case{"+44 20 7946 0958", "+442079460958", "GB"}, Case{"+44 (0)20 7946 0958", "+442079460958", "GB"},
        Case{"+44 7700 900123", "+447700900123", "GB"}, Case{"+49 (0)30 1234 5678", "+493012345678", "DE"},
        Case{"+49-30-1234567", "+49301234567", "DE"}, Case{"+33 6 12 34 56 78", "+33612345678", "FR"},
        Case{"+33 (0)1 23 45 67 89", "+33123456789", "FR"}, Case{"+91 98765 43210", "+919876543210", "IN"},
        Case{"+34 612 34 56 78", "+34612345678", "ES"}, Case{"(+34) 912 345 678", "+34912345678", "ES"},
        Case{"0049 30 1234567", "+49301234567", "DE"}, Case{"011 44 20 7946 0958", "+442079460958", "GB"},
        Case{"+81 3-1234-5678", "+81312345678", "JP"}, Case{"+55 11 91234-5678", "+5511912345678", "BR"},
        Case{"+61 2 9876 5432", "+61298765432", "AU"}}) {
    const PhoneMatch m = only_match(d, "Reach me on ", c.number, " today.");
    CHECK(m.e164 == c.e164);
    CHECK(m.region == c.region);
    CHECK(m.score >= 0.8);
  }
}

TEST_CASE("national formats are found without any region configured", "[phone]") {
  const PhoneDetector d;
  struct Case {
    const char* number;
    const char* e164;
  };
  for (const Case& c : {Case{"(202) 555-0147", "+12025550147"}, Case{"202-555-0147", "+12025550147"},
                        Case{"202.555.0147", "+12025550147"}, Case{"1-800-555-0199", "+18005550199"},
                        Case{"020 7946 0958", "+442079460958"}, Case{"07700 900123", "+447700900123"},
                        Case{"0113 496 0123", "+441134960123"}, Case{"030 1234567", "+49301234567"},
                        Case{"030/12345678", "+493012345678"}, Case{"(030) 1234567", "+49301234567"},
                        Case{"0171 2345678", "+491712345678"}, Case{"06 12 34 56 78", "+33612345678"},
                        Case{"06.12.34.56.78", "+33612345678"}, Case{"01-23-45-67-89", "+33123456789"},
                        Case{"612 34 56 78", "+34612345678"}, Case{"98765 43210", "+919876543210"},
                        Case{"03-1234-5678", "+81312345678"}, Case{"(02) 9876 5432", "+61298765432"}}) {
    const PhoneMatch m = only_match(d, "Jane Doe, ", c.number, ", Springfield");
    CHECK(m.e164 == c.e164);
    CHECK(m.score >= 0.5);
  }
}

TEST_CASE("extensions are part of the match and reported apart from the E.164 form", "[phone]") {
  const PhoneDetector d;
  PhoneMatch m = only_match(d, "Call ", "(202) 555-0147 ext. 123", " now");
  CHECK(m.extension == "123");
  CHECK(m.e164 == "+12025550147");
  CHECK(only_match(d, "Call ", "+1 202 555 0147 x9").extension == "9");
  CHECK(only_match(d, "Tel.: ", "030/12345678 Durchwahl 12").extension == "12");
  CHECK(only_match(d, "<a href=\"tel:", "+1-202-555-0147;ext=77", "\">").extension == "77");
  CHECK(only_match(d, "Phone ", "202-555-0147 #4", ".").extension == "4");
  CHECK(only_match(d, "Phone ", "202-555-0147").extension.empty());
}

TEST_CASE("fictional NANP 555-01xx and Ofcom drama numbers count as valid", "[phone]") {
  const PhoneDetector d;
  // libphonenumber 8.12 rejects 07700 900xxx as unallocated; without the fiction rule this would
  // score as "possible" only.
  CHECK(only_match(d, "", "07700 900461").score >= 0.8);
  CHECK(only_match(d, "", "(415) 555-0132").score >= 0.8);
  CHECK(only_match(d, "", "555-555-0123").score >= 0.6);  // 555-01xx with any area code
  // Possible but invalid numbers need a phone-like format or a phone word.
  CHECK(d.find("(555) 123-4567").size() == 1);
  CHECK(d.find("ref 555-123-4567").empty());
  CHECK(d.find("Phone: 555-123-4567").size() == 1);
  CHECK(d.find("Call me at 555-0123").size() == 1);  // NANP local number
}

TEST_CASE("dates, times, IDs, prices, versions and addresses are not phone numbers", "[phone]") {
  const PhoneDetector d;
  for (const char* text : {"The meeting is on 2024-05-01 at 10:30.",
                           "Termin am 12.04.2024 um 14:30 Uhr.",
                           "Rendez-vous le 12/04/2024.",
                           "Released 20240501, build 20240501.3",
                           "Open 2019-2024 and 1990 - 1995",
                           "ISBN 978-3-16-148410-0",
                           "ISBN 0-306-40615-2",
                           "ISBN 9783161484100",
                           "id 123e4567-e89b-12d3-a456-426614174000",
                           "See https://example.org/users/2025550147 now",
                           "Open example.com/track?id=4155550123&x=1",
                           "https://wa.me/12025550147",
                           "Mail 2025550147@example.org",
                           "Follow @jane2025550147",
                           "Version 10.0.19041.1234",
                           "Chrome 124.0.6367.91",
                           "v2.14.1",
                           "IP 192.168.100.200",
                           "10.20.30.40",
                           "Coordinates: 48.856613, 2.352222",
                           "Total: $1,299.00",
                           "Preis: 1.234,56 €",
                           "1 234 567 €",
                           "€ 1234567",
                           "We shipped 1 234 567 units",
                           "Population 3.677.472",
                           "Tweet 1790123456789012345",
                           "Unix time 1714567890",
                           "Card 4111 1111 1111 1111",
                           "Gift code 1234-5678-9012-3456",
                           "Amex 3782 822463 10005",
                           "IBAN GB29 NWBK 6016 1331 9268 19",
                           "IBAN DE89 3704 0044 0532 0130 00",
                           "BE85 0279 1621 4061",
                           "Order #2024-0517-88",
                           "Order number 2025550147",
                           "Invoice 2023-11-0042",
                           "Tracking 9400 1000 0000 0000 0000 00",
                           "Bestellnummer 0301234567",
                           "Kundennummer: 0301234567",
                           "Référence commande 0612345678",
                           "SKU 4006381333931",
                           "Springfield, IL 62704-1234",
                           "SSN 123-45-6789",
                           "Scores 1234.5678",
                           "Seite 1234567",
                           "Build 1.2.3.4567",
                           "12:30-14:45",
                           "Order #202-555-0147",
                           "$ 2025550147",
                           "2025550147%",
                           "Room 101, Building 7",
                           "{\"created_at\":1600126906,\"id\":\"64262381451213454\"}",
                           "UPS 1Z 999 AA1 01 2345 6784",
                           "FedEx 7489 2384 2374",
                           "ID12 345 6789",
                           "www.example.org:+12025550147"}) {
    INFO(text);
    CHECK(d.find(text).empty());
  }
}

TEST_CASE("context words raise and lower the score", "[phone]") {
  const PhoneDetector all({}, 0.0);
  auto score = [&](const std::string& text) {
    const std::vector<PhoneMatch> found = all.find(text);
    REQUIRE(found.size() == 1);
    return found[0].score;
  };
  CHECK(score("Call 2025550147") > score("2025550147"));
  CHECK(score("2025550147") > score("Order 2025550147"));
  CHECK(score("Telefon 0301234567") > score("Rechnung 0301234567"));
  CHECK(score("Portable : 0612345678") > score("Facture 0612345678"));
  CHECK(score("📞 2025550147") > score("2025550147"));
  CHECK(score("T: 2025550147") > score("2025550147"));
  CHECK(score("tel:2025550147") > score("2025550147"));
  const PhoneDetector d;
  CHECK(d.find("2025550147").empty());  // bare ten digits look like an ID
  CHECK(d.find("Call 2025550147").size() == 1);
  CHECK(d.find("2025550147 (mobile)").size() == 1);
  CHECK(d.find("Phone:\n2025550147").size() == 1);  // label on the line above
  CHECK(d.find("Phone:\r\n2025550147").size() == 1);
  CHECK(d.find("Phone:\n\n2025550147").empty());  // two lines up is too far
}

TEST_CASE("several numbers in one run are split", "[phone]") {
  const PhoneDetector d;
  const std::string text = "Tel 030 1234567 030 7654321 / 020 7946 0001";
  const std::vector<PhoneMatch> found = d.find(text);
  REQUIRE(found.size() == 3);
  CHECK(found[0].raw == "030 1234567");
  CHECK(found[1].raw == "030 7654321");
  CHECK(found[2].raw == "020 7946 0001");
  CHECK(found[2].e164 == "+442079460001");
  const std::vector<PhoneMatch> two = d.find("Cell (202) 555-0147, office 202-555-0148.");
  REQUIRE(two.size() == 2);
  CHECK(two[1].e164 == "+12025550148");
}

TEST_CASE("byte offsets are exact with non-ASCII text and separators", "[phone]") {
  const PhoneDetector d;
  const std::string before =
      "Gr\xC3\xBC\xC3\x9F"
      "e \xE2\x80\x94 M\xC3\xBCller, \xE2\x98\x8E Tel.: ";  // Grüße — Müller, ☎ Tel.:
  only_match(d, before, "+49 30 1234567", " und mehr");
  // No-break and narrow no-break spaces, en dash.
  only_match(d, before,
             "+49\xC2\xA0"
             "30\xE2\x80\xAF"
             "1234567");
  only_match(d, "Call ",
             "202\xE2\x80\x93"
             "555\xE2\x80\x93"
             "0147");
  // Raw HTML no-break spaces.
  only_match(d, "Phone: ", "+49&nbsp;151&nbsp;91157031", " Stor");
  only_match(d, "<p>Call ", "(710)&#160;692-2392", "</p>");
  // Fullwidth digits (3 bytes each).
  const PhoneMatch m =
      only_match(d, "\xE9\x9B\xBB\xE8\xA9\xB1\xEF\xBC\x9A",  // 電話：
                 "\xEF\xBC\x90\xEF\xBC\x93-\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94-"
                 "\xEF\xBC\x95\xEF\xBC\x96\xEF\xBC\x97\xEF\xBC\x98");  // ０３-１２３４-５６７８
  CHECK(m.e164 == "+81312345678");
}

TEST_CASE("configured regions narrow national numbers, international ones stay", "[phone]") {
  const PhoneDetector nl({"nl"});
  REQUIRE(nl.regions() == std::vector<std::string>{"NL"});
  const std::vector<PhoneMatch> found = nl.find("Bel 06 12 34 56 78 of +1 202-555-0147");
  REQUIRE(found.size() == 2);
  CHECK(found[0].e164 == "+31612345678");  // read as Dutch, not French
  CHECK(found[1].e164 == "+12025550147");
  const PhoneDetector fr({"FR"});
  REQUIRE(fr.find("Bel 06 12 34 56 78").size() == 1);
  CHECK(fr.find("Bel 06 12 34 56 78")[0].e164 == "+33612345678");
  CHECK(fr.find("Jane 06 12 34 56 78")[0].score > PhoneDetector().find("Jane 06 12 34 56 78")[0].score);
  CHECK(fr.find("(202) 555-0147").empty());
  const PhoneDetector unknown({"XX", "us"});
  CHECK(unknown.regions() == std::vector<std::string>{"US"});
  CHECK(PhoneDetector().regions() == PhoneDetector::default_regions());
  CHECK(PhoneDetector::region_supported("de"));
  CHECK_FALSE(PhoneDetector::region_supported("XX"));
}

TEST_CASE("find is const and safe to share between threads", "[phone]") {
  const PhoneDetector d;
  const std::string text =
      "Call +1 202-555-0147 or (202) 555-0148; Handy 0171 2345678, portable 06 12 34 56 78, "
      "order 2024-0517-88, ISBN 978-3-16-148410-0.";
  const std::vector<PhoneMatch> expected = d.find(text);
  REQUIRE(expected.size() == 4);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const std::vector<PhoneMatch> got = d.find(text);
        if (got.size() != expected.size()) {
          ++mismatches[static_cast<size_t>(t)];
          continue;
        }
        for (size_t k = 0; k < got.size(); ++k)
          if (got[k].start != expected[k].start || got[k].e164 != expected[k].e164)
            ++mismatches[static_cast<size_t>(t)];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  CHECK(mismatches == std::vector<int>(4, 0));
}

TEST_CASE("to_e164 normalises one written number", "[phone]") {
  CHECK(to_e164("+49 (0)30 1234567", "") == "+49301234567");
  CHECK(to_e164("(202) 555-0147 ext. 9", "US") == "+12025550147");
  CHECK(to_e164("tel:+1-202-555-0147;ext=5", "") == "+12025550147");
  CHECK(to_e164("030 1234567", "de") == "+49301234567");
  CHECK(to_e164("0049 30 1234567", "FR") == "+49301234567");
  CHECK(to_e164("07700 900461", "GB") == "+447700900461");
  CHECK_FALSE(to_e164("12", "US").has_value());
  CHECK_FALSE(to_e164("not a number", "US").has_value());
  CHECK_FALSE(to_e164("030 1234567", "").has_value());  // national without a region
}

TEST_CASE("empty and digit-free input", "[phone]") {
  const PhoneDetector d;
  CHECK(d.find("").empty());
  CHECK(d.find("no digits here at all").empty());
  CHECK(d.find("+").empty());
  CHECK(d.find("(").empty());
  CHECK(d.find("\xFF\xFE\xFD 202").empty());
  std::string many(5000, '1');
  CHECK(d.find(many).empty());
}

TEST_CASE("national readings per text are bounded", "[phone]") {
  const PhoneDetector d;
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "0301234567, ";  // identical: cached after the first
  const size_t before = d.find(text).size();
  CHECK(before == 5000);
  // Past the budget a bare national number is no longer read; one with a phone word still is,
  // and international numbers always are.
  const std::vector<PhoneMatch> found = d.find(text + "030 7654321, Tel 089 1234567, +44 20 7946 0958");
  REQUIRE(found.size() == 5002);
  CHECK(found[5000].raw == "089 1234567");
  CHECK(found[5001].raw == "+44 20 7946 0958");
}
