// Validators: every accepted and rejected example below was computed independently (a short
// Python check of each algorithm), and all numbers are fictional or published specimens.
#include "rules/validators.h"
#include "rules/validator_binding.h"

#include <catch2/catch.hpp>
#include <string>

using namespace exposcan;

TEST_CASE("luhn_valid accepts 13-19 digit Luhn numbers with space dash or dot separators", "[validators]") {
  for (const char* n :
       {"4111 1111 1111 1111", "4111-1111-1111-1111", "4111.1111.1111.1111", "4111\u00a01111\u00a01111\u00a01111", "4111111111111111", "378282246310005",
        "6011111111111117", "5555555555554444", "2223003122003222", "3530111333300000", "30569309025904",
        "6200000000000005", "6759649826438453", "4000000000000002", "4222222222222"})
    CHECK(luhn_valid(n));
}

TEST_CASE("luhn_valid rejects bad checks, lengths, separators and repeated digits", "[validators]") {
  CHECK_FALSE(luhn_valid("4111 1111 1111 1112"));
  CHECK_FALSE(luhn_valid("0000 0000 0000 0000"));   // passes the Luhn sum but is one repeated digit
  CHECK_FALSE(luhn_valid("411111111111"));          // 12 digits
  CHECK_FALSE(luhn_valid("41111111111111111111"));  // 20 digits
  CHECK_FALSE(luhn_valid("4111_1111_1111_1111"));
  CHECK_FALSE(luhn_valid("4111 1111 1111 111a"));
  CHECK_FALSE(luhn_valid(""));
}

TEST_CASE("card_brand follows the IIN ranges", "[validators]") {
  CHECK(card_brand("4111 1111 1111 1111") == "visa");
  CHECK(card_brand("5555555555554444") == "mastercard");
  CHECK(card_brand("5105105105105100") == "mastercard");
  CHECK(card_brand("2223003122003222") == "mastercard");
  CHECK(card_brand("2720990000000007") == "mastercard");
  CHECK(card_brand("2721000000000004").empty());  // just past Mastercard's 2-series
  CHECK(card_brand("378282246310005") == "amex");
  CHECK(card_brand("3400 000000 00009") == "amex");
  CHECK(card_brand("6011111111111117") == "discover");
  CHECK(card_brand("6440000000000005") == "discover");
  CHECK(card_brand("6500000000000002") == "discover");
  CHECK(card_brand("3530111333300000") == "jcb");
  CHECK(card_brand("30569309025904") == "diners");
  CHECK(card_brand("36000000000008") == "diners");
  CHECK(card_brand("6200000000000005") == "unionpay");
  CHECK(card_brand("6759649826438453") == "maestro");
  CHECK(card_brand("9999999999999995").empty());
  CHECK(card_brand("4111_1111").empty());
}

TEST_CASE("card_number_valid needs Luhn, a brand and that brand's length", "[validators]") {
  CHECK(card_number_valid("4111 1111 1111 1111"));
  CHECK(card_number_valid("3714 496353 98431"));
  CHECK_FALSE(card_number_valid("3714496353984314"));  // Luhn-valid, but Amex numbers have 15 digits
  CHECK_FALSE(card_number_valid("9999999999999995"));  // Luhn-valid, no brand
  CHECK_FALSE(card_number_valid("4111 1111 1111 1112"));
}

TEST_CASE("iban_valid accepts registered lengths with a mod-97 check", "[validators]") {
  for (const char* iban :
       {"DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "de89370400440532013000",
        "DE21 1234 5678 0000 0123 45", "GB29 NWBK 6016 1331 9268 19", "GB76 EXMP 4005 1512 3456 78",
        "FR14 2004 1010 0505 0001 3M02 606", "FR76 3000 1007 9412 3456 7890 185",
        "ES48 0049 0001 5123 4567 8901", "NL74 EXMP 0123 4567 89", "IT24 X030 6909 6061 2345 6789 012",
        "CH93 0076 2011 6238 5295 7", "AT61 1904 3002 3457 3201", "BE68 5390 0754 7034", "NO93 8601 1117 947",
        "LC55 HEMM 0001 0001 0012 0012 0002 3015", "RU03 0445 2522 5408 1781 0538 0913 1041 9",
        "GB82 WEST 1234 5698 7654 32",
        "DE89\xC2\xA0"
        "3704\xC2\xA0"
        "0044\xC2\xA0"
        "0532\xC2\xA0"
        "0130\xC2\xA0"
        "00"})
    CHECK(iban_valid(iban));
}

TEST_CASE("iban_valid rejects wrong checks, lengths, countries and spacing", "[validators]") {
  CHECK_FALSE(iban_valid("DE88 3704 0044 0532 0130 00"));  // check digits
  CHECK_FALSE(iban_valid("DE89 3704 0044 0532 0130 01"));  // one BBAN digit
  CHECK_FALSE(iban_valid("DE89 3704 0044 0532 0130 0"));   // length
  CHECK_FALSE(iban_valid("XX89 3704 0044 0532 0130 00"));  // no such country
  CHECK_FALSE(iban_valid("US64 SVBK US6S 3300 9673 86"));  // the US has no IBAN
  CHECK_FALSE(iban_valid("DE89 37040044 0532 0130 00"));   // groups of four or none
  CHECK_FALSE(iban_valid("DE 89 3704 0044 0532 0130 00"));
  CHECK_FALSE(iban_valid("DE89  3704 0044 0532 0130 00"));
  CHECK_FALSE(iban_valid("DE89-3704-0044-0532-0130-00"));
  CHECK_FALSE(iban_valid("DEAB 3704 0044 0532 0130 00"));
  CHECK_FALSE(iban_valid(""));
  CHECK(iban_length_for_country("de") == 22);
  CHECK(iban_length_for_country("GB") == 22);
  CHECK(iban_length_for_country("LC") == 32);
  CHECK(iban_length_for_country("US") == 0);
  CHECK(iban_length_for_country("DEU") == 0);
}

TEST_CASE("iban_valid_any_grouping accepts IBANs as people type them", "[validators]") {
  for (const char* iban : {"DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "DE89-3704-0044-0532-0130-00",
                           "DE 89 3704 0044 0532 0130 00", "DE89 37040044 0532013000", "de89.3704.0044.0532.0130.00",
                           "GB29 NWBK 6016 1331 9268 19", "DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000"}) {
    INFO(iban);
    CHECK(iban_valid_any_grouping(iban));
  }
  CHECK_FALSE(iban_valid_any_grouping("DE89 3704 0044 0532 0130 01"));   // check
  CHECK_FALSE(iban_valid_any_grouping("DE89-3704 0044-0532 0130-00"));   // mixed separators
  CHECK_FALSE(iban_valid_any_grouping("DE89  3704 0044 0532 0130 00"));  // two in a row
  CHECK_FALSE(iban_valid_any_grouping(" DE89370400440532013000"));
  CHECK_FALSE(iban_valid_any_grouping("DE89370400440532013000-"));
  CHECK_FALSE(iban_valid_any_grouping("DE89_3704_0044_0532_0130_00"));
  CHECK_FALSE(iban_valid_any_grouping(""));
}

TEST_CASE("email_obfuscated_plausible reads at and dot words and brackets", "[validators]") {
  for (const char* s : {"jane [at] example [dot] org", "jane(at)example.org", "JANE AT EXAMPLE DOT ORG",
                        "jane dot doe at example dot org", "jane @ example . org", "jane {at} example {dot} co {dot} uk",
                        "jane (ät) example (punkt) de", "jane arobase example point fr", "jane arroba example punto es",
                        "jane chiocciola example punto it", "jane apenstaartje example punt nl",
                        "jane.doe -at- example -dot- org", "jane<at>example<dot>org", "jane [@] example [.] org"}) {
    INFO(s);
    CHECK(email_obfuscated_plausible(s));
  }
  CHECK_FALSE(email_obfuscated_plausible("jane@example.org"));             // nothing obfuscated
  CHECK_FALSE(email_obfuscated_plausible("us at example dot com"));        // a pronoun, not a mailbox
  CHECK_FALSE(email_obfuscated_plausible("look at example dot com"));
  CHECK_FALSE(email_obfuscated_plausible("jane doe at example dot org"));  // two words side by side
  CHECK_FALSE(email_obfuscated_plausible("jane [at] example [here] org"));
  CHECK_FALSE(email_obfuscated_plausible("jane [at] example"));            // one label
  CHECK_FALSE(email_obfuscated_plausible("jane at logo dot png"));
  CHECK_FALSE(email_obfuscated_plausible("jane [at] example [dot] org [dot]"));
  CHECK_FALSE(email_obfuscated_plausible(""));
}

TEST_CASE("email_plausible accepts dot-atom addresses with a real-looking TLD", "[validators]") {
  for (const char* e : {"jane.doe@example.org", "j+tag@mail.example.com", "o'brien@example.ie", "a@b.co",
                        "user_1@sub-domain.example.net", "user@example.xn--p1ai", "jos\xC3\xA9@example.org",
                        "info@m\xC3\xBCnchen.example", "x@example.museum"})
    CHECK(email_plausible(e));
}

TEST_CASE("email_plausible rejects srcset images, versions and RFC violations", "[validators]") {
  for (const char* e : {"image@2x.png",           "logo@3x.webp",         "icon@2x.svg",
                        "photo@1.5x.jpg",         "bundle@2x.js",         "style@print.css",
                        "react@18.2.0",           ".jane@example.org",    "jane.@example.org",
                        "ja..ne@example.org",     "jane@-example.org",    "jane@example-.org",
                        "jane@example",           "jane@example.c",       "jane@example.123",
                        "jane@example.c0m",       "a@b@example.org",      "jane@[192.0.2.1]",
                        "\"quoted\"@example.org", "jane doe@example.org", "jane@exa mple.org",
                        "jane@example..org",      "@example.org",         "jane@"})
    CHECK_FALSE(email_plausible(e));
  CHECK_FALSE(email_plausible(std::string(65, 'a') + "@example.org"));
  CHECK(email_plausible(std::string(64, 'a') + "@example.org"));
  CHECK_FALSE(email_plausible("jane@" + std::string(64, 'a') + ".org"));
  CHECK(email_plausible("jane@" + std::string(63, 'a') + ".org"));
  std::string long_domain;
  for (int i = 0; i < 63; ++i) long_domain += "abc.";
  CHECK_FALSE(email_plausible("jane@" + long_domain + "org"));  // 255 bytes of domain
}

TEST_CASE("not_a_date is false for numeric and written dates", "[validators]") {
  for (const char* d : {"2024-05-01",
                        "2024/05/01",
                        "2024.05.01",
                        "01/05/2024",
                        "1.5.2024",
                        "05/31/2024",
                        "31.12.99",
                        "31-12-1999",
                        "20240501",
                        "01052024",
                        "2024-05-01T10:30:00Z",
                        "2024-05-01 10:30",
                        "29.02.2024",
                        "12 April 1990",
                        "April 12, 1990",
                        "12. April 1990",
                        "12 avril 1990",
                        "12 de abril de 1990",
                        "1er mai 2020",
                        "3rd March 2001",
                        "Apr 12 1990",
                        "12 M\xC3\x84RZ 1990",
                        "  2024-05-01  "})
    CHECK_FALSE(not_a_date(d));
}

TEST_CASE("not_a_date is true for impossible dates and other numbers", "[validators]") {
  for (const char* s :
       {"2024-13-01", "2023-02-29", "32.01.2024", "202-555-0147", "1234567", "20241301", "12345678",
        "2024-05-01-7788", "12 Apples 1990", "", "hello", "1.2.3", "2024-5", "1700-01-01", "12 April 90"})
    CHECK(not_a_date(s));
}

namespace {
bool url_around(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return inside_url(text, at, at + needle.size());
}
}  // namespace

TEST_CASE("inside_url finds spans in URLs, e-mail addresses and handles", "[validators]") {
  CHECK(url_around("See https://example.org/users/2025550147 now", "2025550147"));
  CHECK(url_around("visit www.example.org/2025550147", "2025550147"));
  CHECK(url_around("open example.org/p?id=4155550123&x=1", "4155550123"));
  CHECK(url_around("mail 2025550147@example.org today", "2025550147"));
  CHECK(url_around("follow @jane2025550147 there", "2025550147"));
  CHECK(url_around("example.org/files/report-2024.pdf", "2024"));
  CHECK(url_around("<a href=\"/u/2025550147\">", "2025550147"));
  CHECK(url_around("2025550147.example.org", "2025550147"));
  CHECK(url_around("/archive/2025550147/", "2025550147"));
}

TEST_CASE("inside_url leaves plain text, labels and tel: numbers alone", "[validators]") {
  CHECK_FALSE(url_around("Call 202-555-0147 now", "202-555-0147"));
  CHECK_FALSE(url_around("Phone: 202-555-0147.", "202-555-0147"));
  CHECK_FALSE(url_around("Tel/Fax:+49 30 1234567", "+49"));
  CHECK_FALSE(url_around("<a href=\"tel:+12025550147\">", "+12025550147"));
  CHECK_FALSE(url_around("(202) 555-0147, or", "(202) 555-0147"));
  CHECK_FALSE(inside_url("202-555-0147", 0, 12));
  CHECK_FALSE(inside_url("202-555-0147", 5, 400));  // clamped, no crash
}

TEST_CASE("us_ssn_valid applies the SSA area, group and serial rules", "[validators]") {
  CHECK(us_ssn_valid("123-45-6789"));
  CHECK(us_ssn_valid("321 54 9876"));
  CHECK(us_ssn_valid("321549876"));
  for (const char* s : {"000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567",
                        "123-45-0000", "078-05-1120", "219-09-9999", "123-45-678", "123-456-789",
                        "123-45 6789", "12a-45-6789", "1234567890"})
    CHECK_FALSE(us_ssn_valid(s));
}

TEST_CASE("uk_nino_valid applies HMRC prefix and suffix rules", "[validators]") {
  CHECK(uk_nino_valid("AB123456C"));
  CHECK(uk_nino_valid("AB 12 34 56 C"));
  CHECK(uk_nino_valid("ab123456d"));
  CHECK(uk_nino_valid("OA123456A"));  // O is allowed first, not second
  for (const char* s :
       {"DA123456C", "AO123456C", "QQ123456C", "BG123456C", "GB123456A", "NK123456A", "KN123456A",
        "TN123456A", "NT123456A", "ZZ123456A", "AB123456E", "AB12345C", "A1123456C", "AB1234567C"})
    CHECK_FALSE(uk_nino_valid(s));
}

TEST_CASE("de_steuer_id_valid checks repetition and ISO 7064 MOD 11,10", "[validators]") {
  CHECK(de_steuer_id_valid("86095742719"));
  CHECK(de_steuer_id_valid("86 095 742 719"));
  CHECK(de_steuer_id_valid("12345678995"));
  CHECK(de_steuer_id_valid("47291038551"));
  CHECK(de_steuer_id_valid("11234567890"));
  CHECK(de_steuer_id_valid("11213456783"));        // one digit three times, not in a row
  CHECK_FALSE(de_steuer_id_valid("86095742718"));  // check digit
  CHECK_FALSE(de_steuer_id_valid("11123456786"));  // three in a row
  CHECK_FALSE(de_steuer_id_valid("11223456785"));  // two digits repeat
  CHECK_FALSE(de_steuer_id_valid("11112345678"));  // four times
  CHECK_FALSE(de_steuer_id_valid("12345678901"));  // no repeat
  CHECK_FALSE(de_steuer_id_valid("01234567899"));  // leading zero
  CHECK_FALSE(de_steuer_id_valid("8609574271"));
}

TEST_CASE("fr_nir_valid checks the key, with Corsica 2A/2B", "[validators]") {
  CHECK(fr_nir_valid("184127512345640"));
  CHECK(fr_nir_valid("1 84 12 75 123 456 40"));
  CHECK(fr_nir_valid("2 90 05 2A 004 123 52"));
  CHECK(fr_nir_valid("190052B004123 32"));
  CHECK(fr_nir_valid("290052000412325"));
  CHECK_FALSE(fr_nir_valid("184127512345641"));  // key
  CHECK_FALSE(fr_nir_valid("584127512345634"));  // sex digit 5, key right for the digits
  CHECK_FALSE(fr_nir_valid("184137512345656"));  // month 13, key right for the digits
  CHECK_FALSE(fr_nir_valid("290052A00412325"));  // 2A keyed as if it were 20
  CHECK_FALSE(fr_nir_valid("18412751234564"));
}

TEST_CASE("es_dni_valid checks the DNI/NIE letter", "[validators]") {
  for (const char* s :
       {"12345678Z", "12345678-Z", "12345678 z", "00000000T", "X1234567L", "Y7654321G", "Z0000001Y"})
    CHECK(es_dni_valid(s));
  for (const char* s : {"12345678A", "1234567Z", "W1234567L", "X1234567M", "123456789", "12345678ZZ"})
    CHECK_FALSE(es_dni_valid(s));
}

TEST_CASE("it_codice_fiscale_valid checks structure and check character", "[validators]") {
  CHECK(it_codice_fiscale_valid("RSSMRA85T10A562S"));
  CHECK(it_codice_fiscale_valid("rssmra85t10a562s"));
  CHECK(it_codice_fiscale_valid("RSSMRA85T10A56NH"));  // omocodia: last digit as N
  CHECK(it_codice_fiscale_valid("BNCLRA90A41H501F"));  // day 41: a woman born on the 1st
  CHECK_FALSE(it_codice_fiscale_valid("RSSMRA85T10A562T"));
  CHECK_FALSE(it_codice_fiscale_valid("RSSMRA85Z10A562B"));  // month Z, check right for the text
  CHECK_FALSE(it_codice_fiscale_valid("RSSMRA85T32A562Y"));  // day 32, check right for the text
  CHECK_FALSE(it_codice_fiscale_valid("RSSMRA85T10A562"));
}

TEST_CASE("nl_bsn_valid applies the 11-proof", "[validators]") {
  CHECK(nl_bsn_valid("111222333"));
  CHECK(nl_bsn_valid("123456782"));
  CHECK(nl_bsn_valid("12345672"));  // read as 012345672
  CHECK(nl_bsn_valid("111.222.333"));
  CHECK_FALSE(nl_bsn_valid("123456789"));
  CHECK_FALSE(nl_bsn_valid("000000000"));
  CHECK_FALSE(nl_bsn_valid("1234567890"));
}

TEST_CASE("normalize_digits maps Unicode decimal digits and drops the rest", "[validators]") {
  CHECK(normalize_digits("+49 (0)30 123-45") == "4903012345");
  CHECK(normalize_digits("\xEF\xBC\x90\xEF\xBC\x93\xEF\xBC\x90") == "030");  // fullwidth
  CHECK(normalize_digits("\xD9\xA0\xD9\xA1\xD9\xA2") == "012");              // Arabic-Indic
  CHECK(normalize_digits("\xDB\xB5") == "5");                                // Extended Arabic-Indic
  CHECK(normalize_digits("\xE0\xA5\xAF\xE0\xA5\xAE") == "98");               // Devanagari
  CHECK(normalize_digits("abc \xFF\xFE") == "");
}

TEST_CASE("find_pack_validator binds the names rule packs use to their checks", "[validators]") {
  auto check = [](std::string_view name, std::string_view text) {
    const ValidatorInfo* v = find_pack_validator(name);
    REQUIRE(v != nullptr);
    return v->check(text, 0, text.size());
  };
  CHECK(check("luhn", "4111111111111111"));
  CHECK_FALSE(check("luhn", "4111111111111112"));
  CHECK(check("iban", "DE89370400440532013000"));
  CHECK_FALSE(check("iban", "DE89370400440532013001"));
  CHECK(check("email", "jane@example.org"));
  CHECK_FALSE(check("not_a_date", "2024-03-01"));
  CHECK(check("de_steuer_id", "86095742719"));
  CHECK(find_pack_validator("nope") == nullptr);
  for (std::string_view name : pack_validator_names()) {
    INFO(name);
    const ValidatorInfo* v = find_pack_validator(name);
    REQUIRE(v != nullptr);
    CHECK_FALSE(v->description.empty());
  }
  CHECK(pack_validator_names().size() >= 16);
}
