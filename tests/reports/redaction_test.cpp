// reports/redaction.h: matched spans are redacted in the item text too, and spans follow.
#include <catch2/catch.hpp>

#include "reports/redaction.h"
#include "tests/reports/fixture_record.h"

using namespace exposcan;

TEST_CASE("redaction: matched spans in item text are redacted and match spans point at them", "[redaction]") {
  ScanRecord r = redacted_record(test::fixture_record());
  const Item& home = r.items[0];
  REQUIRE(home.id == "https://jane.example/");
  CHECK(home.text == "Hi, I'm J*** E******. Write to j***@example.org or call +1 ***-***-**47.");
  CHECK(home.fields[0].second == "+1 ***-***-**47");
  for (const auto& f : r.findings)
    for (const auto& m : f.matches) {
      INFO(m.field << " " << m.value);
      if (f.item_id != home.id) continue;
      const std::string& text = m.field == "text" ? home.text : home.fields[0].second;
      REQUIRE(m.end <= text.size());
      CHECK(text.substr(m.start, m.end - m.start) == m.value);
    }
  const Item& photo = r.items[2];
  CHECK(photo.text == "Sunset in S********** with @***********");
}

TEST_CASE("redaction: overlapping matches share one redacted span", "[redaction]") {
  Item item;
  item.id = "x";
  item.text = "mail jane.example@example.org now";
  std::vector<Finding> fs(1);
  fs[0].item_id = "x";
  Match email{"email", "", "text", 5, 29, "jane.example@example.org", 1.0, "pii.email"};
  Match handle{"identity", "handle", "text", 5, 17, "jane.example", 1.0, "identity.handle"};
  fs[0].matches = {handle, email};
  redact_item(item, fs);
  CHECK(item.text == "mail j***@example.org now");
  for (const auto& m : fs[0].matches) {
    CHECK(m.start == 5);
    CHECK(m.end == 21);
  }
  CHECK(fs[0].matches[1].value == "j***@example.org");
}

TEST_CASE("redaction: a match whose span does not fit its field still has its value redacted", "[redaction]") {
  Item item;
  item.id = "x";
  item.text = "short";
  std::vector<Finding> fs(1);
  fs[0].matches = {Match{"email", "", "text", 10, 26, "jane@example.org", 1.0, "pii.email"},
                   Match{"email", "", "fields.Missing", 0, 16, "jane@example.org", 1.0, "pii.email"}};
  redact_item(item, fs);
  CHECK(item.text == "short");
  CHECK(fs[0].matches[0].value == "j***@example.org");
  CHECK(fs[0].matches[1].value == "j***@example.org");
}
