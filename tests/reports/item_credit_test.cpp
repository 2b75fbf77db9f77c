// Whose an item is (reports/item_credit.h) and what the headline counts as the person's: others'
// comments on the person's pages and posts the person shared are not "your items".
#include <catch2/catch.hpp>

#include <algorithm>

#include "reports/html_report.h"
#include "reports/item_credit.h"
#include "reports/markdown_report.h"
#include "reports/summary.h"
#include "reports/terminal_report.h"
#include "tests/reports/fixture_record.h"

using namespace exposcan;

namespace {

Match author_match(const char* field, const char* subtype, const std::string& value) {
  Match m;
  m.type = "identity";
  m.subtype = subtype;
  m.field = field;
  m.end = value.size();
  m.value = value;
  m.rule_id = std::string("identity.") + subtype;
  return m;
}

ItemCredit credit_with(const Item& item, std::vector<Match> matches) {
  Finding f;
  f.item_id = item.id;
  f.matches = std::move(matches);
  const Finding* findings[] = {&f};
  return item_credit(item, findings);
}

Item credited_item(std::string handle, std::string name) {
  Item i;
  i.id = "instagram:comment:1";
  i.platform = "instagram";
  i.kind = ItemKind::comment;
  i.author.handle = std::move(handle);
  i.author.name = std::move(name);
  return i;
}

}  // namespace

TEST_CASE("item credit: the identity rules' finds in the author credit make an item the person's", "[credit]") {
  Item jane = credited_item("janeexample", "Jane Example");
  CHECK(credit_with(jane, {author_match("author.handle", "handle", "janeexample")}) == ItemCredit::person);
  CHECK(credit_with(jane, {author_match("author.name", "name", "Jane Example")}) == ItemCredit::person);

  Item bob = credited_item("bob.example", "Bob Example");
  CHECK(credit_with(bob, {}) == ItemCredit::other);
  // Her handle in the comment's text is her personal data in Bob's comment, not her comment.
  Match in_text = author_match("text", "handle", "@janeexample");
  CHECK(credit_with(bob, {in_text}) == ItemCredit::other);
  // A family member's name in the author credit is someone else.
  Item brother = credited_item("", "John Example");
  CHECK(credit_with(brother, {author_match("author.name", "family", "John Example")}) == ItemCredit::other);

  Item page;
  page.id = "https://jane.example/";
  page.platform = "web";
  CHECK(credit_with(page, {}) == ItemCredit::uncredited);
}

TEST_CASE("item credit: a post the person shared is its author's, a self-repost stays theirs", "[credit]") {
  Item repost = credited_item("@gardenclub.example", "Garden Club");
  repost.kind = ItemKind::link;
  repost.fields.emplace_back("reposted_by", "@janeexample.bsky.social");
  CHECK(is_shared(repost));
  CHECK(credit_with(repost, {author_match("text", "handle", "@janeexample")}) == ItemCredit::shared);

  Item own = credited_item("@janeexample", "Jane Example");
  own.fields.emplace_back("reblogged_by", "janeexample");
  CHECK_FALSE(is_shared(own));
  CHECK(credit_with(own, {author_match("author.handle", "handle", "@janeexample")}) == ItemCredit::person);
}

TEST_CASE("summary: others' comments on the person's pages are not counted as theirs", "[summary][credit]") {
  // Regression: the headline counted every item on the scanned pages as "your" items, others'
  // comments under the person's posts included.
  const ScanRecord record = test::fixture_record_with_others_comment();
  const ReportSummary s = summarize(record);
  CHECK(s.public_items == 6);  // every item, as before
  CHECK(s.trainable_items == 4);
  CHECK(s.by_others.items == 1);
  CHECK(s.by_others.public_items == 1);
  CHECK(s.by_others.trainable_items == 1);
  CHECK(s.by_others.trainable_with_personal_data == 1);
  CHECK(s.yours().public_items == 5);
  CHECK(s.yours().trainable_items == 3);
  CHECK(s.yours().trainable_with_personal_data == 3);

  ScanRecord reversed = record;  // streamed in any order, the same counts
  std::reverse(reversed.items.begin(), reversed.items.end());
  std::reverse(reversed.findings.begin(), reversed.findings.end());
  CHECK(summarize(reversed).by_others.public_items == 1);

  const std::string terminal = render_terminal(record, ReportOptions{});
  CHECK(terminal.find("  3 of your 5 public items can be used to train AI; 3 of them carry your personal data.\n"
                      "  Also on your pages: 1 public item(s) by others, 1 of them trainable; they are not counted as yours.\n") !=
        std::string::npos);
  const std::string md = render_markdown(record, false);
  CHECK(md.find("**3 of your 5 public items can be used to train AI; 3 carry your personal data.**\n\n"
                "Also on your pages: 1 public item(s) by others, 1 of them trainable; they are not counted as yours.\n") !=
        std::string::npos);
  const std::string html = render_html(record, false);
  CHECK(html.find("<p class=\"summary\" id=\"summary\">3 of your 5 public items can be used to train AI; 3 carry your "
                  "personal data.</p>\n<p class=\"meta\" id=\"others\">Also on your pages: 1 public item(s) by others, 1 of "
                  "them trainable; they are not counted as yours.</p>") != std::string::npos);
  CHECK(html.find("data-public=\"5\"") != std::string::npos);
  CHECK(html.find("data-others-public=\"1\"") != std::string::npos);
}

TEST_CASE("summary: where the identity recognises no author, every item counts as the person's", "[summary][credit]") {
  // The fixture's findings hold no identity match in an author credit (as with no identity
  // given): exposcan cannot tell the person's items from others', and says nothing about others.
  ScanRecord record = test::fixture_record_with_others_comment();
  for (auto& f : record.findings)
    std::erase_if(f.matches, [](const Match& m) { return m.field == "author.handle"; });
  const ReportSummary s = summarize(record);
  CHECK(s.by_others.items == 0);
  CHECK(s.yours().public_items == 6);
  CHECK(render_terminal(record, ReportOptions{}).find("Also on your pages") == std::string::npos);

  // Recognised on Instagram only: a comment by someone else on Mastodon is not known to be theirs.
  ScanRecord other_platform = test::fixture_record_with_others_comment();
  for (auto& i : other_platform.items)
    if (i.id == "instagram:comment:17900000000000001") i.platform = "mastodon";
  for (auto& f : other_platform.findings)
    if (f.item_id == "instagram:comment:17900000000000001") f.platform = "mastodon";
  CHECK(summarize(other_platform).by_others.items == 0);
}
