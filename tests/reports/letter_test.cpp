// GDPR letters (reports/letter.h) rendered from the fixture record: golden files for an Art. 21
// objection to Meta and an Art. 15 access request, the Meta form text, deadlines and errors.
#include <catch2/catch.hpp>

#include "reports/letter.h"
#include "tests/reports/fixture_record.h"
#include "tests/reports/golden.h"

using namespace exposcan;

namespace {

LetterParty jane() {
  LetterParty p;
  p.name = "Jane Example";
  p.email = "jane@example.org";
  p.handles = {"janeexample", "@janeexample@mastodon.social"};
  p.country = "DE";
  p.jurisdiction = "EU";
  return p;
}

LetterRequest request(LetterKind kind, const std::string& platform) {
  LetterRequest r;
  r.kind = kind;
  r.platform = platform;
  r.date = test::at("2026-11-26T10:00:00Z");
  r.evidence = "exposcan-evidence/ (attached)";
  r.evidence_manifest_sha256 = std::string(64, 'a');
  return r;
}

}  // namespace

TEST_CASE("letter: Art. 21 objection to Meta", "[letter]") {
  auto letter = render_letter(test::fixture_record(), jane(), request(LetterKind::objection, "meta"));
  REQUIRE(letter);
  CHECK(letter->controller == "Meta (Facebook, Instagram, Threads)");
  CHECK(letter->deadline == "2026-12-26");
  CHECK(letter->item_urls == std::vector<std::string>{"https://www.instagram.com/p/C0ffee123/"});
  CHECK(letter->markdown.find("legitimate interests (Article 6(1)(f) GDPR)") != std::string::npos);
  CHECK(letter->markdown.find("Article 12(3) GDPR") != std::string::npos);
  CHECK(letter->markdown.find("Springfield") == std::string::npos);  // categories, never values
  CHECK(letter->text.find("contains my handle, postal address") != std::string::npos);
  CHECK(letter->form_text.find("I object under Article 21(1) GDPR to Meta using my personal data") == 0);
  test::check_golden("letter-objection-meta.md", letter->markdown);
  test::check_golden("letter-objection-meta.txt", letter->text);
}

TEST_CASE("letter: the only platform is chosen without --platform", "[letter]") {
  auto letter = render_letter(test::fixture_record(), jane(), request(LetterKind::objection, ""));
  REQUIRE(letter);
  CHECK(letter->controller == "Meta (Facebook, Instagram, Threads)");
  auto by_platform = render_letter(test::fixture_record(), jane(), request(LetterKind::objection, "Instagram"));
  REQUIRE(by_platform);
  CHECK(by_platform->markdown == letter->markdown);
}

TEST_CASE("letter: Art. 15 access request to Instagram", "[letter]") {
  auto letter = render_letter(test::fixture_record(), jane(), request(LetterKind::access, "meta"));
  REQUIRE(letter);
  CHECK(letter->form_text.empty());
  CHECK(letter->markdown.find("Article 15(1)(g)") != std::string::npos);
  CHECK(letter->item_urls == std::vector<std::string>{"https://www.instagram.com/p/C0ffee123/", "https://www.instagram.com/p/Priv4te/"});
  test::check_golden("letter-access-meta.md", letter->markdown);
}

TEST_CASE("letter: errors name the platforms", "[letter]") {
  auto none = render_letter(test::fixture_record(), jane(), request(LetterKind::objection, "linkedin"));
  REQUIRE(!none);
  CHECK(none.error().message ==
        "no item of yours on 'linkedin' is trainable by a platform under its own AI-training policy (platforms in this scan: meta-ai-training)");
  auto several = render_letter(test::fixture_record(), jane(), request(LetterKind::access, ""));
  REQUIRE(!several);
  CHECK(several.error().message == "several platforms match (mastodon, meta-ai-training); choose one with --platform");
  ScanRecord empty;
  auto nothing = render_letter(empty, jane(), request(LetterKind::objection, ""));
  REQUIRE(!nothing);
  CHECK(nothing.error().message == "no item of yours in this scan is trainable by a platform under its own AI-training policy");
}

TEST_CASE("letter: UK GDPR for a UK resident", "[letter]") {
  LetterParty p = jane();
  p.jurisdiction = "UK";
  auto letter = render_letter(test::fixture_record(), p, request(LetterKind::objection, "meta"));
  REQUIRE(letter);
  CHECK(letter->subject == "Objection under Article 21(1) UK GDPR to the use of my personal data for AI training");
  CHECK(letter->text.find("legitimate interests (Article 6(1)(f) UK GDPR)") != std::string::npos);
}

TEST_CASE("letter: the Art. 12(3) deadline is one calendar month later", "[letter]") {
  CHECK(one_month_after(test::at("2026-01-31T12:00:00Z")) == "2026-02-28");
  CHECK(one_month_after(test::at("2028-01-31T12:00:00Z")) == "2028-02-29");
  CHECK(one_month_after(test::at("2026-12-15T00:00:00Z")) == "2027-01-15");
  CHECK(letter_kind_from_string("access") == LetterKind::access);
  CHECK(!letter_kind_from_string("erasure"));
}

TEST_CASE("letter: a shared post names its author and who shared it", "[letter]") {
  ScanRecord record = test::fixture_record();
  bool changed = false;
  for (auto& item : record.items)
    if (item.url == "https://www.instagram.com/p/C0ffee123/") {
      item.author.handle = "@gardenclub";
      item.fields.emplace_back("reposted_by", "@janeexample");
      changed = true;
    }
  REQUIRE(changed);
  auto letter = render_letter(record, jane(), request(LetterKind::objection, "meta"));
  REQUIRE(letter);
  CHECK(letter->text.find("https://www.instagram.com/p/C0ffee123/ — photo by @gardenclub, shared by @janeexample, published") !=
        std::string::npos);
}

TEST_CASE("letter: Meta's form text claims only the person's own items as theirs", "[letter]") {
  ScanRecord record = test::fixture_record();
  auto plain = render_letter(record, jane(), request(LetterKind::objection, "meta"));
  REQUIRE(plain);
  CHECK(plain->form_text.find("These items are mine: https://www.instagram.com/p/C0ffee123/.") != std::string::npos);
  CHECK(plain->form_text.find("posts by others") == std::string::npos);

  for (auto& item : record.items)
    if (item.url == "https://www.instagram.com/p/C0ffee123/") {
      item.author.handle = "@gardenclub";
      item.fields.emplace_back("reposted_by", "@janeexample");
    }
  auto letter = render_letter(record, jane(), request(LetterKind::objection, "meta"));
  REQUIRE(letter);
  CHECK(letter->form_text.find("These items are mine") == std::string::npos);
  CHECK(letter->form_text.find("These are posts by others that I shared from my account: "
                               "https://www.instagram.com/p/C0ffee123/.") != std::string::npos);

  // Reposting one's own post leaves it one's own.
  for (auto& item : record.items)
    if (item.url == "https://www.instagram.com/p/C0ffee123/") item.author.handle = "@JaneExample";
  auto own = render_letter(record, jane(), request(LetterKind::objection, "meta"));
  REQUIRE(own);
  CHECK(own->form_text.find("These items are mine: https://www.instagram.com/p/C0ffee123/.") != std::string::npos);
  CHECK(own->form_text.find("posts by others") == std::string::npos);
}

TEST_CASE("letter: someone else's comment is listed only when it names the person, and as theirs", "[letter][credit]") {
  // Bob's comment under Jane's photo tags @janeexample: her data in his words, not her item.
  ScanRecord record = test::fixture_record_with_others_comment();
  auto letter = render_letter(record, jane(), request(LetterKind::objection, "meta"));
  REQUIRE(letter);
  const std::string comment = "https://www.instagram.com/p/C0ffee123/c/17900000000000001/";
  CHECK(letter->text.find(comment + " — comment by bob.example (not mine; it names me)") != std::string::npos);
  CHECK(letter->form_text.find("These items are mine: https://www.instagram.com/p/C0ffee123/.") != std::string::npos);
  CHECK(letter->form_text.find("These items by others name me: " + comment + ".") != std::string::npos);

  // A comment that does not name her is not in her letter at all.
  for (auto& f : record.findings)
    if (f.item_id == "instagram:comment:17900000000000001") f.matches.clear();
  auto without = render_letter(record, jane(), request(LetterKind::objection, "meta"));
  REQUIRE(without);
  CHECK(without->text.find(comment) == std::string::npos);
  CHECK(without->form_text.find("by others") == std::string::npos);

  // Where nothing is credited to her (no identity match in any author credit), exposcan cannot tell
  // whose the items are and lists them all as hers, as before.
  for (auto& f : record.findings)
    std::erase_if(f.matches, [](const Match& m) { return m.type == "identity"; });
  auto unknown = render_letter(record, jane(), request(LetterKind::objection, "meta"));
  REQUIRE(unknown);
  CHECK(unknown->text.find(comment + " — comment, published") != std::string::npos);
}
