// The identity file and identity matching: names in their variants, handles, e-mails, phones as
// E.164, addresses, birth dates in written forms, family names.
#include <catch2/catch.hpp>

#include "../support/test_support.h"
#include "rules/engine.h"

using namespace exposcan;

namespace {

Identity jane() {
  Identity id;
  id.names = {"Jane Quinn Example"};
  id.handles = {"janeexample", "@janeexample@mastodon.social"};
  id.emails = {"jane@example.org"};
  id.phones = {"+1 202-555-0147"};
  id.addresses = {"Musterstraße 12, 10115 Berlin"};
  id.birth_date = "1990-04-12";
  id.family = {"John Example"};
  id.country = "DE";
  return id;
}

RuleEngine engine_for(Identity id) {
  EngineOptions o;
  o.identity = std::move(id);
  o.now = *parse_date("2026-11-01");
  auto e = RuleEngine::load(builtin_packs(), o);
  if (!e) FAIL(e.error().message);
  return std::move(*e);
}

// Identity matches in `text` as "subtype:value" strings.
std::vector<std::string> identity_hits(const RuleEngine& e, const std::string& text) {
  Item item;
  item.id = "t";
  item.text = text;
  std::vector<std::string> out;
  for (const auto& m : e.personal_data(item).matches)
    if (m.type == "identity") {
      CHECK(text.substr(m.start, m.end - m.start) == m.value);
      CHECK(m.field == "text");
      out.push_back(m.subtype + ":" + m.value);
    }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("parse_identity reads flat and nested files, scalars and lists", "[identity]") {
  auto flat = parse_identity("names: Jane Example\nemails: [jane@example.org, j@example.net]\nbirth_date: 1990-04-12\n"
                             "country: de\njurisdiction: eu\nadult: true\nfamily: [John Example]\n",
                             "id.yaml");
  REQUIRE(flat);
  CHECK(flat->names == V{"Jane Example"});
  CHECK(flat->emails == V{"jane@example.org", "j@example.net"});
  CHECK(flat->birth_date == "1990-04-12");
  CHECK(flat->country == "DE");
  CHECK(flat->jurisdiction == "EU");
  CHECK(flat->adult == true);
  auto nested = parse_identity("identity:\n  name: Jane Example\n  handle: janeexample\n  phone: '+1 202-555-0147'\n", "x");
  REQUIRE(nested);
  CHECK(nested->names == V{"Jane Example"});
  CHECK(nested->handles == V{"janeexample"});
  CHECK(nested->phones == V{"+1 202-555-0147"});
  auto empty = parse_identity("", "x");
  REQUIRE(empty);
  CHECK(empty->empty());
}

TEST_CASE("parse_identity rejects unknown keys and bad values with file:line", "[identity]") {
  auto typo = parse_identity("names: [Jane]\nnmae: x\n", "id.yaml");
  REQUIRE_FALSE(typo);
  CHECK(typo.error().code == "identity");
  CHECK(typo.error().message == "id.yaml:2: unknown key 'nmae' (did you mean 'name'?)");
  auto date = parse_identity("birth_date: 12.04.1990\n", "id.yaml");
  REQUIRE_FALSE(date);
  CHECK(date.error().message == "id.yaml:1: birth_date must be a date as YYYY-MM-DD (got '12.04.1990')");
  auto feb = parse_identity("birth_date: 1990-02-30\n", "id.yaml");
  REQUIRE_FALSE(feb);
  auto country = parse_identity("\ncountry: Germany\n", "id.yaml");
  REQUIRE_FALSE(country);
  CHECK(country.error().message == "id.yaml:2: country must be an ISO 3166 alpha-2 code like DE (got 'Germany')");
  auto adult = parse_identity("adult: perhaps\n", "id.yaml");
  REQUIRE_FALSE(adult);
  CHECK(adult.error().message == "id.yaml:1: adult must be true or false");
  auto yaml = parse_identity("names: [Jane\n", "id.yaml");
  REQUIRE_FALSE(yaml);
  CHECK(yaml.error().message.rfind("id.yaml:2: invalid YAML: ", 0) == 0);
}

TEST_CASE("the samples' identity file parses", "[identity]") {
  auto text = test::read_text(test::source_dir() / "samples" / "identity.yaml");
  auto id = parse_identity(text, "samples/identity.yaml");
  REQUIRE(id);
  CHECK(id->names == V{"Jane Example", "Jane Q. Example"});
  CHECK(id->emails == V{"jane@example.org"});
  CHECK(id->phones == V{"+1 202-555-0147"});
  CHECK(id->family == V{"John Example", "Mary Example"});
  CHECK(id->jurisdiction == "EU");
  CHECK(id->profiles.size() == 3);
  CHECK(id->is_adult(*parse_date("2026-11-01")) == true);
}

TEST_CASE("adulthood comes from adult, else from the birth date at the scan date", "[identity]") {
  Identity id;
  CHECK_FALSE(id.is_adult(*parse_date("2026-01-01")));
  id.birth_date = "2008-04-12";
  CHECK(id.is_adult(*parse_date("2026-04-11")) == false);
  CHECK(id.is_adult(*parse_date("2026-04-12")) == true);
  id.adult = false;
  CHECK(id.is_adult(*parse_date("2030-01-01")) == false);
}

TEST_CASE("names match case- and diacritic-insensitively, with and without middle names", "[identity]") {
  Identity id = jane();
  id.names.push_back("Zoë Ærø-Müller");
  RuleEngine e = engine_for(id);
  CHECK(identity_hits(e, "by Jane Quinn Example") == V{"name:Jane Quinn Example"});
  CHECK(identity_hits(e, "by jane example.") == V{"name:jane example"});
  CHECK(identity_hits(e, "by JANE Q. EXAMPLE") == V{"name:JANE Q. EXAMPLE"});
  CHECK(identity_hits(e, "Example, Jane: Notes") == V{"name:Example, Jane"});
  CHECK(identity_hits(e, "Example, Jane Quinn (ed.)") == V{"name:Example, Jane Quinn"});
  CHECK(identity_hits(e, "J. Example wrote").empty());  // could be John Example (family) too
  Identity alone = jane();
  alone.family.clear();
  CHECK(identity_hits(engine_for(alone), "J. Example wrote") == V{"name:J. Example"});
  CHECK(identity_hits(e, "zoe aero muller") == V{"name:zoe aero muller"});
  CHECK(identity_hits(e, "Zoe Aero-Mueller") == V{"name:Zoe Aero-Mueller"});
  CHECK(identity_hits(e, "Zoë\u00a0Ærø Müller") == V{"name:Zoë\u00a0Ærø Müller"});
  CHECK(identity_hits(e, "Jane Examples").empty());
  CHECK(identity_hits(e, "Janet Example").empty());
}

TEST_CASE("handles, e-mails, family names and addresses match", "[identity]") {
  RuleEngine e = engine_for(jane());
  CHECK(identity_hits(e, "follow @janeexample!") == V{"handle:@janeexample"});
  CHECK(identity_hits(e, "instagram.com/JaneExample/") == V{"handle:JaneExample"});
  CHECK(identity_hits(e, "toot @janeexample@mastodon.social") == V{"handle:@janeexample@mastodon.social"});
  CHECK(identity_hits(e, "@janeexample@other.example").empty());
  CHECK(identity_hits(e, "mail Jane@Example.org") == V{"email:Jane@Example.org"});
  CHECK(identity_hits(e, "mail jane@example.org.uk").empty());
  CHECK(identity_hits(e, "with John Example") == V{"family:John Example"});
  CHECK(identity_hits(e, "Paket an Musterstr. 12 bitte") == V{"address:Musterstr. 12"});
  CHECK(identity_hits(e, "Musterstrasse 12, 10115 Berlin") == V{"address:Musterstrasse 12, 10115 Berlin"});
}

TEST_CASE("phone numbers are compared as E.164 whatever their format", "[identity]") {
  RuleEngine e = engine_for(jane());
  CHECK(identity_hits(e, "call (202) 555-0147") == V{"phone:(202) 555-0147"});
  CHECK(identity_hits(e, "call +1.202.555.0147") == V{"phone:+1.202.555.0147"});
  CHECK(identity_hits(e, "call 001 202 555 0147") == V{"phone:001 202 555 0147"});
  CHECK(identity_hits(e, "call +1 202 555 0148").empty());
}

TEST_CASE("the birth date matches in written forms", "[identity]") {
  RuleEngine e = engine_for(jane());
  for (const char* form : {"12 April 1990", "April 12, 1990", "12th April 1990", "12.04.1990", "1990-04-12",
                           "12. April 1990", "12 avril 1990", "12 Apr 1990"}) {
    INFO(form);
    CHECK(identity_hits(e, std::string("born ") + form) == V{std::string("birth_date:") + form});
  }
  CHECK(identity_hits(e, "on 13 April 1990").empty());
  CHECK(identity_hits(e, "12.04.19901").empty());
}

TEST_CASE("without an identity nothing is matched as identity", "[identity]") {
  RuleEngine e = engine_for(Identity{});
  CHECK(identity_hits(e, "Jane Example, jane@example.org").empty());
}
