// Unit tests for each mf2 parsing rule, on our own snippets (the public suite runs separately in
// mf2_suite_test.cpp when EXPOSCAN_MF2_SUITE is set).
#include <catch2/catch.hpp>

#include "parsers/microformats.h"

using namespace exposcan;
using nlohmann::json;

namespace {
json mf2(std::string_view html, std::string_view url = "https://example.org/dir/page") {
  return json::parse(mf2_json(html, url));
}
json props(std::string_view html) {
  json j = mf2(html);
  REQUIRE(j["items"].size() >= 1);
  return j["items"][0]["properties"];
}
}  // namespace

TEST_CASE("mf2: output has exactly items, rels and rel-urls", "[mf2]") {
  json j = mf2("<p>nothing</p>");
  CHECK(j == json{{"items", json::array()}, {"rels", json::object()}, {"rel-urls", json::object()}});
}

TEST_CASE("mf2: root class names are validated and sorted", "[mf2]") {
  CHECK(mf2_is_root_class("h-card"));
  CHECK(mf2_is_root_class("h-x-card"));
  CHECK(mf2_is_root_class("h-x2-entry"));
  CHECK_FALSE(mf2_is_root_class("h-"));
  CHECK_FALSE(mf2_is_root_class("h-Card"));
  CHECK_FALSE(mf2_is_root_class("h-card-"));
  CHECK_FALSE(mf2_is_root_class("h-2020"));
  CHECK(mf2_is_property_class("dt-published"));
  CHECK_FALSE(mf2_is_property_class("x-name"));
  json j = mf2(R"(<div class="h-org h-card h-card" id="me">Acme</div>)");
  CHECK(j["items"][0]["type"] == json::array({"h-card", "h-org"}));
  CHECK(j["items"][0]["id"] == "me");
}

TEST_CASE("mf2: p-* parsing rules", "[mf2]") {
  json p = props(R"(<div class="h-card">
      <abbr class="p-nickname" title="jane">J</abbr><data class="p-x-a" value="dv">shown</data>
      <img class="p-x-b" alt="alt text" src="i.png"><span class="p-note"> note <script>x</script><img src="/s.png"> end </span>
      <br class="p-x-c"><span class="p-tel"><span class="value">+1-202</span>-<span class="value">555-0142</span></span>
      <span class="p-x-d"><span class="value-title" title="titled"> </span>ignored</span></div>)");
  CHECK(p["nickname"] == json::array({"jane"}));
  CHECK(p["x-a"] == json::array({"dv"}));
  CHECK(p["x-b"] == json::array({"alt text"}));
  CHECK(p["note"] == json::array({"note  https://example.org/s.png  end"}));
  CHECK(p["x-c"] == json::array({""}));  // a <br>/<hr> p-* value is its empty textContent (tests PR #92)
  CHECK(p["tel"] == json::array({"+1-202555-0142"}));
  CHECK(p["x-d"] == json::array({"titled"}));
}

TEST_CASE("mf2: u-* parsing rules and img alt form", "[mf2]") {
  json p = props(R"(<div class="h-entry">
      <a class="u-url" href="/post/1">x</a><img class="u-photo" src="p.jpg" alt="A dog"><img class="u-featured" src="f.jpg">
      <video class="u-video" poster="poster.jpg"></video><object class="u-x-o" data="obj"></object>
      <abbr class="u-x-t" title="https://example.net/t">t</abbr><span class="u-x-s"> http://example.com/abs </span>
      <a class="u-syndication" href="https://social.example/@jane/1">s</a></div>)");
  CHECK(p["url"] == json::array({"https://example.org/post/1"}));
  CHECK(p["photo"] == json::array({json{{"value", "https://example.org/dir/p.jpg"}, {"alt", "A dog"}}}));
  CHECK(p["featured"] == json::array({"https://example.org/dir/f.jpg"}));
  CHECK(p["video"] == json::array({"https://example.org/dir/poster.jpg"}));
  CHECK(p["x-o"] == json::array({"https://example.org/dir/obj"}));
  CHECK(p["x-t"] == json::array({"https://example.net/t"}));
  CHECK(p["x-s"] == json::array({"http://example.com/abs"}));
  CHECK(p["syndication"] == json::array({"https://social.example/@jane/1"}));
}

TEST_CASE("mf2: dt-* keeps the written form; value-class date and time combine", "[mf2]") {
  json p = props(R"(<div class="h-event">
      <time class="dt-start" datetime="2024-05-01T19:00:00+02:00">May 1</time>
      <span class="dt-end"><span class="value">2024-05-01</span> at <span class="value">9:30pm</span><span class="value">+02:00</span></span>
      <span class="dt-x-implied"><span class="value">11pm</span></span>
      <abbr class="dt-x-abbr" title="2024-05">May</abbr><span class="dt-x-text"> 2024-06-01 </span></div>)");
  CHECK(p["start"] == json::array({"2024-05-01T19:00:00+02:00"}));
  CHECK(p["end"] == json::array({"2024-05-01 21:30+02:00"}));
  CHECK(p["x-implied"] == json::array({"2024-05-01 23:00"}));  // date implied from an earlier dt-*
  CHECK(p["x-abbr"] == json::array({"2024-05"}));
  CHECK(p["x-text"] == json::array({"2024-06-01"}));
}

TEST_CASE("mf2: e-* gives html (URLs resolved) and value", "[mf2]") {
  json p = props(R"(<div class="h-entry"><div class="e-content">
      <p>Hi <a href="/x">there</a> <img src="pic.png" alt="pic"> <a href="#frag">f</a></p> </div></div>)");
  REQUIRE(p["content"].size() == 1);
  CHECK(p["content"][0]["html"] ==
        R"(<p>Hi <a href="https://example.org/x">there</a> <img src="https://example.org/dir/pic.png" alt="pic"> <a href="#frag">f</a></p>)");
  CHECK(p["content"][0]["value"] == "Hi there pic f");
}

TEST_CASE("mf2: nested microformats with value, and children", "[mf2]") {
  json j = mf2(R"(<article class="h-entry"><span class="p-name">Post</span>
      <a class="p-author h-card" href="https://jane.example.org/">Jane Example</a>
      <div class="u-in-reply-to h-cite"><a class="u-url" href="https://example.net/orig">orig</a><span class="p-name">Orig</span></div>
      <div class="e-x-e h-card"><b>Inner</b></div>
      <div class="h-card">Child card</div></article>)");
  json it = j["items"][0];
  json author = it["properties"]["author"][0];
  CHECK(author["type"] == json::array({"h-card"}));
  CHECK(author["value"] == "Jane Example");
  CHECK(author["properties"]["url"] == json::array({"https://jane.example.org/"}));
  CHECK(it["properties"]["in-reply-to"][0]["value"] == "https://example.net/orig");
  CHECK(it["properties"]["x-e"][0]["html"] == "<b>Inner</b>");
  CHECK(it["properties"]["x-e"][0]["value"] == "Inner");
  REQUIRE(it["children"].size() == 1);
  CHECK(it["children"][0]["properties"]["name"] == json::array({"Child card"}));
  CHECK_FALSE(it["children"][0].contains("value"));
}

TEST_CASE("mf2: implied name, photo and url", "[mf2]") {
  json j = mf2(R"(
      <a class="h-card" href="/jane">Jane</a>
      <img class="h-card" src="jane.jpg" alt="Jane Photo">
      <div class="h-card"><img src="only.jpg" alt="Only child"></div>
      <div class="h-card"><span><a href="/deep">Deep Name</a></span></div>
      <div class="h-card"><abbr title="Abbr Name">AN</abbr></div>
      <div class="h-card"><p class="p-note">note only</p>text</div>
      <div class="h-card"><a class="u-url" href="/u">x</a><img src="no-implied.jpg"></div>
      <div class="h-card"><span class="h-card">nested</span>outer</div>
      <div class="h-card">Jane<br class="p-honorific-suffix"></div>)");
  json items = j["items"];
  REQUIRE(items.size() == 9);
  CHECK(items[0]["properties"] == json{{"name", {"Jane"}}, {"url", {"https://example.org/jane"}}});
  CHECK(items[1]["properties"]["name"] == json::array({"Jane Photo"}));
  CHECK(items[1]["properties"]["photo"][0]["alt"] == "Jane Photo");
  CHECK(items[2]["properties"]["name"] == json::array({"Only child"}));
  CHECK(items[2]["properties"]["photo"][0]["value"] == "https://example.org/dir/only.jpg");
  CHECK(items[3]["properties"]["name"] == json::array({"Deep Name"}));
  CHECK(items[3]["properties"]["url"] == json::array({"https://example.org/deep"}));
  CHECK(items[4]["properties"]["name"] == json::array({"Abbr Name"}));
  CHECK_FALSE(items[5]["properties"].contains("name"));  // another p-* property blocks it
  CHECK_FALSE(items[6]["properties"].contains("photo"));  // a u-* property blocks photo
  CHECK_FALSE(items[7]["properties"].contains("name"));   // nested microformats block it
  // an empty p-* value is still a p-* property
  CHECK(items[8]["properties"] == json{{"honorific-suffix", {""}}});
}

TEST_CASE("mf2: rels and rel-urls", "[mf2]") {
  json j = mf2(R"(<link rel="me authn" href="https://social.example/@jane" title="Social">
      <a rel="me" href="https://code.example/jane" hreflang="en" type="text/html">code <b>here</b></a>
      <a rel="tag me" href="https://social.example/@jane">dup</a><template><a rel="me" href="/hidden">t</a></template>)");
  CHECK(j["rels"]["me"] == json::array({"https://social.example/@jane", "https://code.example/jane"}));
  CHECK(j["rels"]["authn"] == json::array({"https://social.example/@jane"}));
  CHECK(j["rels"]["tag"] == json::array({"https://social.example/@jane"}));
  json ru = j["rel-urls"]["https://social.example/@jane"];
  CHECK(ru["rels"] == json::array({"authn", "me", "tag"}));
  CHECK(ru["title"] == "Social");
  CHECK(ru["text"] == "dup");
  json code = j["rel-urls"]["https://code.example/jane"];
  CHECK(code["text"] == "code here");
  CHECK(code["hreflang"] == "en");
  CHECK(code["type"] == "text/html");
  CHECK_FALSE(j["rel-urls"].contains("https://example.org/hidden"));
}

TEST_CASE("mf2: rel values are split on every HTML space character", "[mf2]") {
  // rel is a set of space-separated tokens (HTML: space, tab, LF, FF, CR), as class is.
  json j = mf2("<a rel=\"me\nauthor\" href=\"https://example.com/x\">x</a><a rel=\"ME\fhome\r\" href=\"https://example.com/z\">z</a>"
               "<div class=\"hentry\"><a rel=\"bookmark\ntag\" href=\"https://example.com/tags/cats\">c</a></div>");
  CHECK(j["rels"]["me"] == json::array({"https://example.com/x"}));
  CHECK(j["rels"]["author"] == json::array({"https://example.com/x"}));
  CHECK(j["rels"]["ME"] == json::array({"https://example.com/z"}));
  CHECK(j["rels"]["home"] == json::array({"https://example.com/z"}));
  CHECK(j["rel-urls"]["https://example.com/x"]["rels"] == json::array({"author", "me"}));
  json entry = j["items"][0]["properties"];
  CHECK(entry["url"] == json::array({"https://example.com/tags/cats"}));
  CHECK(entry["category"] == json::array({"cats"}));
}

TEST_CASE("mf2: <base href> applies and absolute URLs are kept as written", "[mf2]") {
  json j = mf2(R"(<base href="https://other.example/b/"><a class="h-card" href="x">X</a><a class="h-card" href="HTTP://Example.COM">Y</a>)");
  CHECK(j["items"][0]["properties"]["url"] == json::array({"https://other.example/b/x"}));
  CHECK(j["items"][1]["properties"]["url"] == json::array({"HTTP://Example.COM"}));
}

TEST_CASE("mf2: templates are ignored", "[mf2]") {
  CHECK(mf2(R"(<template><div class="h-card">T</div></template>)")["items"].empty());
}

TEST_CASE("mf2 backcompat: vcard, hentry, hfeed, rel=bookmark and rel=tag", "[mf2][backcompat]") {
  json j = mf2(R"(<div class="hfeed"><div class="hentry">
      <h1 class="entry-title">Classic post</h1>
      <span class="author vcard"><a class="fn url" href="/jane">Jane</a><span class="tel">+1-202-555-0142</span>
        <div class="adr"><span class="locality">Springfield</span></div></span>
      <abbr class="published" title="2024-05-01T10:00:00Z">May 1</abbr>
      <div class="entry-content"><p>Body</p></div>
      <a rel="bookmark" href="/posts/classic">link</a><a rel="tag" href="/tags/cats/">cats</a>
      <span class="p-name h-x-ignored">mf2 class inside classic root</span></div></div>)");
  REQUIRE(j["items"].size() == 1);
  json feed = j["items"][0];
  CHECK(feed["type"] == json::array({"h-feed"}));
  json entry = feed["children"][0];
  CHECK(entry["type"] == json::array({"h-entry"}));
  json p = entry["properties"];
  CHECK(p["name"] == json::array({"Classic post"}));
  CHECK(p["published"] == json::array({"2024-05-01T10:00:00Z"}));
  CHECK(p["content"][0]["html"] == "<p>Body</p>");
  CHECK(p["url"] == json::array({"https://example.org/posts/classic"}));
  CHECK(p["category"] == json::array({"cats"}));
  json author = p["author"][0];
  CHECK(author["type"] == json::array({"h-card"}));
  CHECK(author["properties"]["name"] == json::array({"Jane"}));
  CHECK(author["properties"]["tel"] == json::array({"+1-202-555-0142"}));
  CHECK(author["properties"]["adr"][0]["properties"]["locality"] == json::array({"Springfield"}));
  CHECK_FALSE(author["properties"].contains("photo"));  // no implied properties in backcompat
}

TEST_CASE("mf2 backcompat: img values stay plain URLs and vcard mailer and class are read", "[mf2][backcompat]") {
  json p = props(R"(<div class="vcard"><span class="fn">Jane</span>
      <img class="photo" src="/jane.png" alt="Photo of Jane"><span class="mailer">PigeonMail</span>
      <span class="class">Public</span></div>)");
  CHECK(p["photo"] == json::array({"https://example.org/jane.png"}));
  CHECK(p["mailer"] == json::array({"PigeonMail"}));
  CHECK(p["class"] == json::array({"Public"}));
  // The {"value","alt"} form stays for mf2 items.
  json q = props(R"(<div class="h-card"><img class="u-photo" src="/jane.png" alt="Photo of Jane"></div>)");
  CHECK(q["photo"][0] == json({{"value", "https://example.org/jane.png"}, {"alt", "Photo of Jane"}}));
}

TEST_CASE("mf2 backcompat: an hreview item without a root class is an h-item", "[mf2][backcompat]") {
  json p = props(R"(<div class="hreview"><span class="rating">5</span>
      <div class="item"><a class="fn url" href="/crepes">Crepes on Main</a><img class="photo" src="/c.png"></div>
      <div class="item vcard"><span class="fn org">Cafe Example</span></div></div>)");
  REQUIRE(p["item"].size() == 2);
  json item = p["item"][0];
  CHECK(item["type"] == json::array({"h-item"}));
  CHECK(item["value"] == "Crepes on Main");
  CHECK(item["properties"]["name"] == json::array({"Crepes on Main"}));
  CHECK(item["properties"]["url"] == json::array({"https://example.org/crepes"}));
  CHECK(item["properties"]["photo"] == json::array({"https://example.org/c.png"}));
  CHECK(p["item"][1]["type"] == json::array({"h-card"}));  // a classic root keeps its own type
  CHECK_FALSE(p.contains("url"));  // the item's url is not the review's
}

TEST_CASE("mf2: value-class dt parts that are not dates or times are ignored", "[mf2]") {
  // No value part is a valid date or time: the other dt-* rules apply (here the text).
  json p = props(R"(<div class="h-event">
    <span class="dt-start">On <span class="value">soon</span> maybe</span>
    <span class="dt-end">Until <span class="value">2031-13-02</span> then</span>
    <span class="dt-updated">At <span class="value">2031-04-05 24:10</span> ok</span>
    <time class="dt-published" datetime="2031-04-05">Day <span class="value">TBA</span></time>
    <span class="dt-deadline">x<img class="value" alt="">y</span>
  </div>)");
  CHECK(p["start"] == json::array({"On soon maybe"}));
  CHECK(p["end"] == json::array({"Until 2031-13-02 then"}));
  CHECK(p["updated"] == json::array({"At 2031-04-05 24:10 ok"}));
  CHECK(p["published"] == json::array({"2031-04-05"}));
  CHECK(p["deadline"] == json::array({"xy"}));
  // Invalid parts are skipped and the valid ones still combine.
  json q = props(R"(<div class="h-event"><span class="dt-start">
    <span class="value">someday</span> <span class="value">2031-04-05</span>
    <span class="value">25:00</span> <span class="value">09:30</span> <span class="value">2031-002</span></span></div>)");
  CHECK(q["start"] == json::array({"2031-04-05 09:30"}));
  json r = props(R"(<div class="h-event"><span class="dt-start"><span class="value">2031-366</span></span>
    <span class="dt-end"><span class="value">2031-367</span></span></div>)");
  CHECK(r["start"] == json::array({"2031-366"}));
  CHECK(r["end"] == json::array({"2031-367"}));
}
