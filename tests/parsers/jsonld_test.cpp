#include <catch2/catch.hpp>

#include "parsers/jsonld.h"

using namespace exposcan;

TEST_CASE("JSON-LD: Person fields are normalised", "[jsonld]") {
  auto r = extract_jsonld({R"({"@context":"https://schema.org","@type":"Person","name":"Jane Example",
    "alternateName":"janeexample","email":"mailto:jane@example.org","telephone":"+1-202-555-0142",
    "address":{"@type":"PostalAddress","streetAddress":"1 Main St","addressLocality":"Springfield","addressCountry":{"@type":"Country","name":"US"}},
    "birthDate":"1990-04-01","url":"https://jane.example.org/","sameAs":["https://social.example/@jane","https://code.example/jane"],
    "image":{"@type":"ImageObject","url":"https://jane.example.org/me.jpg","caption":"Jane on a bike"}})"});
  REQUIRE(r.errors.empty());
  REQUIRE(r.nodes.size() == 2);  // the Person and its ImageObject
  const JsonLdNode& p = r.nodes[0];
  CHECK(p.is("Person"));
  CHECK(p.name == "Jane Example");
  CHECK(p.alternate_name == "janeexample");
  CHECK(p.email == "mailto:jane@example.org");
  CHECK(p.telephone == "+1-202-555-0142");
  REQUIRE(p.address);
  CHECK(p.address->locality == "Springfield");
  CHECK(p.address->country == "US");
  CHECK(p.address->to_string() == "1 Main St, Springfield, US");
  CHECK(p.birth_date == "1990-04-01");
  CHECK(p.same_as.size() == 2);
  REQUIRE(p.images.size() == 1);
  CHECK(p.images[0].caption == "Jane on a bike");
  CHECK(r.nodes[1].is("ImageObject"));
}

TEST_CASE("JSON-LD: @graph, ProfilePage mainEntity and author references", "[jsonld]") {
  auto r = extract_jsonld({R"(<!--{"@context":"http://schema.org","@graph":[
      {"@type":"ProfilePage","@id":"https://jane.example.org/#page","mainEntity":{"@id":"https://jane.example.org/#me"}},
      {"@type":"schema:Person","@id":"https://jane.example.org/#me","name":"Jane Example","url":"https://jane.example.org/"},
      {"@type":["BlogPosting"],"headline":"Hello","articleBody":"Body text","datePublished":"2024-05-01",
       "dateModified":"2024-05-02T08:00:00Z","author":{"@id":"https://jane.example.org/#me"},
       "interactionStatistic":[{"@type":"InteractionCounter","interactionType":"https://schema.org/LikeAction","userInteractionCount":12},
                               {"interactionType":{"@type":"CommentAction"},"userInteractionCount":"3"}]}]}-->)"});
  REQUIRE(r.errors.empty());
  const JsonLdNode* page = r.first_of("ProfilePage");
  REQUIRE(page);
  REQUIRE(page->main_entity >= 0);
  CHECK(r.nodes[static_cast<size_t>(page->main_entity)].name == "Jane Example");
  const JsonLdNode* post = r.first_of("BlogPosting");
  REQUIRE(post);
  CHECK(post->headline == "Hello");
  CHECK(post->body == "Body text");
  CHECK(post->date_published == "2024-05-01");
  CHECK(post->date_modified == "2024-05-02T08:00:00Z");
  REQUIRE(post->authors.size() == 1);
  CHECK(post->authors[0].name == "Jane Example");
  CHECK(post->authors[0].url == "https://jane.example.org/");
  REQUIRE(post->interaction.size() == 2);
  CHECK(post->interaction[0].type == "LikeAction");
  CHECK(post->interaction[0].count == 12);
  CHECK(post->interaction[1].type == "CommentAction");
  CHECK(post->interaction[1].count == 3);
}

TEST_CASE("JSON-LD: invalid blocks are recorded and skipped", "[jsonld]") {
  auto r = extract_jsonld({"{not json", R"(//<![CDATA[
      [{"@type":"NewsArticle","headline":"N","author":["Ann Example",{"@type":"Person","name":"Bob Example"}]},
       {"@type":"Recipe","name":"ignored"}]
    //]]>)",
                           std::string(200, '[') + std::string(200, ']')});
  CHECK(r.blocks == 3);
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0] == "jsonld: block 1: invalid JSON");
  CHECK(r.errors[1] == "jsonld: block 3: nesting deeper than 128");
  REQUIRE(r.nodes.size() == 2);  // the article and its Person author; Recipe is not exposed
  CHECK(r.nodes[0].authors.size() == 2);
  CHECK(r.nodes[0].authors[0].name == "Ann Example");
  CHECK(r.nodes[0].authors[1].name == "Bob Example");
}

TEST_CASE("JSON-LD: Yoast-style graphs reference images and authors by @id", "[jsonld]") {
  // WordPress + Yoast SEO: "image": {"@id": "…#primaryimage"}, "author": {"name": …, "@id": …}.
  auto r = extract_jsonld({R"({"@context":"https://schema.org","@graph":[
    {"@type":"Article","@id":"https://jane.example/trip/#article","headline":"Our trip",
     "author":{"name":"Jane Example","@id":"https://jane.example/#/schema/person/abc"},
     "image":{"@id":"https://jane.example/trip/#primaryimage"},"thumbnailUrl":"https://jane.example/up/tram.jpg"},
    {"@type":"ImageObject","@id":"https://jane.example/trip/#primaryimage","url":"https://jane.example/up/tram.jpg",
     "contentUrl":"https://jane.example/up/tram.jpg","caption":"Kids on tram 28"},
    {"@type":"Person","@id":"https://jane.example/#/schema/person/abc","name":"Jane Example","url":"https://jane.example/author/jane/"}]})"});
  const JsonLdNode* article = r.first_of("Article");
  REQUIRE(article != nullptr);
  REQUIRE(article->images.size() == 1);
  CHECK(article->images[0].url == "https://jane.example/up/tram.jpg");
  CHECK(article->images[0].caption == "Kids on tram 28");
  REQUIRE(article->authors.size() == 1);
  CHECK(article->authors[0].url == "https://jane.example/author/jane/");
}
