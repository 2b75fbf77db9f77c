// Unit tests for mf2 rules checked against the microformats-v2-unit series of the public suite:
// the element's own textContent, implied-name trimming, class-name splitting, empty references,
// nested property values, repeated property classes and value-class timezones. Own snippets only.
#include <catch2/catch.hpp>

#include "parsers/microformats.h"

using namespace exposcan;
using nlohmann::json;

namespace {
json items_of(std::string_view html, std::string_view url = "https://example.com/notes/page") {
  return json::parse(mf2_json(html, url))["items"];
}
}  // namespace

TEST_CASE("mf2 rules: an img property or root has no textContent of its own", "[mf2]") {
  json items = items_of(R"(
      <div class="h-card"><img class="p-name" src="/jo.png"></div>
      <img class="h-card" src="/jo.png">
      <div class="h-card"><span class="p-name">Jo <img src="/star.png"> Example</span></div>)");
  REQUIRE(items.size() == 3);
  CHECK(items[0]["properties"]["name"] == json::array({""}));
  CHECK(items[1]["properties"]["name"] == json::array({""}));
  CHECK(items[1]["properties"]["photo"] == json::array({"https://example.com/jo.png"}));
  // Nested images are still replaced by " src " (or their alt).
  CHECK(items[2]["properties"]["name"] == json::array({"Jo  https://example.com/star.png  Example"}));
}

TEST_CASE("mf2 rules: the implied name is trimmed whatever its source", "[mf2]") {
  json items = items_of(R"(
      <img class="h-card" alt="  Jo Example " src="/jo.png">
      <abbr class="h-card" title=" Jo ">J</abbr>
      <div class="h-card"><img alt=" Only Child "></div>)");
  REQUIRE(items.size() == 3);
  CHECK(items[0]["properties"]["name"] == json::array({"Jo Example"}));
  CHECK(items[0]["properties"]["photo"][0]["alt"] == "  Jo Example ");  // the photo's alt is kept
  CHECK(items[1]["properties"]["name"] == json::array({"Jo"}));
  CHECK(items[2]["properties"]["name"] == json::array({"Only Child"}));
}

TEST_CASE("mf2 rules: class names split on ASCII whitespace only", "[mf2]") {
  json items = items_of(
      "<div class=\"&#xC;h-card&#xD;\"><span class=\"&#x9;p-name&#xA;\">Jo</span></div>"
      "<div class=\"h-card&#xB;\">vertical tab</div>"
      "<div class=\"h-card&#xA0;\">no-break space</div>"
      "<div class=\"h-event\"><span class=\"p-name&#xB;\">not a property</span> "
      "<span class=\"dt-start\"><span class=\"value&#xB;\">2031-01-01</span> soon</span></div>");
  REQUIRE(items.size() == 2);
  CHECK(items[0]["type"] == json::array({"h-card"}));
  CHECK(items[0]["properties"]["name"] == json::array({"Jo"}));
  CHECK(items[1]["type"] == json::array({"h-event"}));
  // "value\v" is no value class: the dt-* text is used; "p-name\v" is no property, so the
  // name is implied.
  CHECK(items[1]["properties"]["start"] == json::array({"2031-01-01 soon"}));
  CHECK(items[1]["properties"]["name"] == json::array({"not a property 2031-01-01 soon"}));
}

TEST_CASE("mf2 rules: an empty reference is the base URL as written", "[mf2]") {
  json items = items_of(R"(<a class="h-card" href="">Jo</a>
      <div class="h-card"><span class="p-name">Jo</span><a class="u-url" href=" ">home</a>
        <img class="u-photo" src="" alt="Jo"></div>)",
                        "https://example.com");
  REQUIRE(items.size() == 2);
  CHECK(items[0]["properties"]["url"] == json::array({"https://example.com"}));
  CHECK(items[1]["properties"]["url"] == json::array({"https://example.com"}));
  CHECK(items[1]["properties"]["photo"][0] == json{{"value", "https://example.com"}, {"alt", "Jo"}});
  // Relative references still resolve normally, and the base's fragment is not kept.
  json more = items_of(R"(<a class="h-card" href="">Jo</a><a class="h-card" href="me">Me</a>)",
                       "https://example.com/dir/page#top");
  CHECK(more[0]["properties"]["url"] == json::array({"https://example.com/dir/page"}));
  CHECK(more[1]["properties"]["url"] == json::array({"https://example.com/dir/me"}));
}

TEST_CASE("mf2 rules: any nested microformat blocks the implied name", "[mf2]") {
  json items = items_of(R"(
      <div class="h-entry"><a class="u-in-reply-to h-cite" href="/orig">Original</a> My reply</div>
      <div class="h-entry"><span class="dt-published h-event">2031-01-01</span> Entry</div>
      <div class="h-entry"><a class="u-in-reply-to" href="/orig">Original</a> My reply</div>)");
  REQUIRE(items.size() == 3);
  CHECK_FALSE(items[0]["properties"].contains("name"));
  CHECK_FALSE(items[0]["properties"].contains("url"));
  CHECK(items[0]["properties"]["in-reply-to"][0]["value"] == "https://example.com/orig");
  CHECK_FALSE(items[1]["properties"].contains("name"));
  CHECK(items[2]["properties"]["name"] == json::array({"Original My reply"}));
}

TEST_CASE("mf2 rules: a nested item's value comes from its first p-name or u-url only", "[mf2]") {
  json items = items_of(R"(
      <div class="h-entry"><span class="p-name">Post</span>
        <div class="p-author h-card">Jo <span class="u-name">/jo</span> Example</div>
        <div class="p-editor h-card"><span class="dt-name">2031</span><span class="p-name">Ed</span></div>
        <div class="u-syndication h-cite"><span class="p-url">elsewhere</span></div>
        <div class="u-in-reply-to h-cite"><img class="u-url" src="/orig.png" alt="Orig"></div>
        <div class="p-category h-card"><abbr title="Implied">I</abbr></div></div>)");
  REQUIRE(items.size() == 1);
  json p = items[0]["properties"];
  CHECK(p["author"][0]["value"] == "Jo /jo Example");  // u-name is not a p-name
  CHECK(p["author"][0]["properties"]["name"] == json::array({"https://example.com/jo"}));
  CHECK(p["editor"][0]["value"] == "Ed");  // the first p-name, after a dt-name
  CHECK(p["syndication"][0]["value"] == "https://example.com/notes/elsewhere");  // p-url is no u-url
  CHECK(p["syndication"][0]["properties"]["url"] == json::array({"elsewhere"}));
  CHECK(p["in-reply-to"][0]["value"] == json{{"value", "https://example.com/orig.png"}, {"alt", "Orig"}});
  CHECK(p["category"][0]["value"] == "Implied");  // an implied name counts as the p-name
}

TEST_CASE("mf2 rules: a repeated property class gives repeated values", "[mf2]") {
  json items = items_of(R"(<div class="h-card"><span class="p-nickname p-nickname">Jo</span>
      <span class="p-note dt-note">2031-01-01</span></div>)");
  REQUIRE(items.size() == 1);
  CHECK(items[0]["properties"]["nickname"] == json::array({"Jo", "Jo"}));
  CHECK(items[0]["properties"]["note"] == json::array({"2031-01-01", "2031-01-01"}));
  // Root types stay unique.
  CHECK(items_of(R"(<div class="h-card h-card">Jo</div>)")[0]["type"] == json::array({"h-card"}));
}

TEST_CASE("mf2 rules: a value-class time with its own timezone cannot replace a found timezone", "[mf2]") {
  json items = items_of(R"(<div class="h-event"><span class="p-name">Meet</span>
      <span class="dt-start"><span class="value">2031-04-05</span> <span class="value">+0100</span>
        <span class="value">10:30+0200</span> <span class="value">09:00</span></span>
      <span class="dt-end"><span class="value">2031-04-05</span> <span class="value">-0500</span>
        <span class="value">18:00-0400</span></span>
      <span class="dt-updated"><span class="value">2031-04-05</span> <span class="value">10:30+0200</span>
        <span class="value">-0500</span></span></div>)");
  REQUIRE(items.size() == 1);
  json p = items[0]["properties"];
  CHECK(p["start"] == json::array({"2031-04-05 09:00+0100"}));
  CHECK(p["end"] == json::array({"2031-04-05"}));
  CHECK(p["updated"] == json::array({"2031-04-05 10:30+0200"}));  // first timezone wins
}

TEST_CASE("mf2 rules: relative references are prepared like the WHATWG URL parser does", "[mf2]") {
  json items = items_of(
      "<div class=\"h-card\"><span class=\"p-name\">Jo</span>"
      "<a class=\"u-url\" href=\"&#xB;jo&#x9;ex\nample&#xB;\">a</a>"
      "<span class=\"u-photo\">my photo.png</span>"
      "<span class=\"u-logo\">caf\xC3\xA9.png</span>"
      "<span class=\"u-note\">A &#xC;B</span>"
      "<a class=\"u-uid\" href=\"https://example.com/a b\">abs</a></div>");
  REQUIRE(items.size() == 1);
  json p = items[0]["properties"];
  CHECK(p["url"] == json::array({"https://example.com/notes/joexample"}));    // tab/LF removed, VT trimmed
  CHECK(p["photo"] == json::array({"https://example.com/notes/my%20photo.png"}));
  CHECK(p["logo"] == json::array({"https://example.com/notes/caf%C3%A9.png"}));  // uppercase hex
  CHECK(p["note"] == json::array({"https://example.com/notes/A%20%0CB"}));
  CHECK(p["uid"] == json::array({"https://example.com/a b"}));  // absolute: kept as written
}
