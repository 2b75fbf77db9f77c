#include <catch2/catch.hpp>

#include "parsers/xml_reader.h"

using namespace exposcan;

TEST_CASE("xml reader: namespaces / CDATA / entities and attributes", "[xml]") {
  auto doc = parse_xml(R"(<?xml version="1.0"?><!DOCTYPE rss><rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
    <channel><item><title>A &amp; B &#x263A; &#8212; &nbsp;x</title><dc:creator><![CDATA[Jane <b>Example</b>]]></dc:creator>
    <enclosure url="https://e.example/a.jpg?x=1&amp;y=2" type="image/jpeg"/></item></channel></rss>)");
  CHECK(doc.errors.empty());
  const XmlElement* rss = doc.document_element();
  REQUIRE(rss);
  CHECK(rss->name == "rss");
  CHECK(rss->attr("version") == "2.0");
  const XmlElement* item = rss->child("", "channel")->child("", "item");
  REQUIRE(item);
  CHECK(item->child_text("", "title") == "A & B \u263A \u2014 \u00A0x");
  CHECK(item->child_text(xmlns::dc, "creator") == "Jane <b>Example</b>");
  CHECK(item->child("", "enclosure")->attr("url") == "https://e.example/a.jpg?x=1&y=2");
}

TEST_CASE("xml reader: default namespace and prefixed attributes", "[xml]") {
  auto doc = parse_xml(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><entry><title type="html">x</title></entry></feed>)");
  const XmlElement* feed = doc.document_element();
  REQUIRE(feed);
  CHECK(feed->is(xmlns::atom, "feed"));
  CHECK(feed->attr("lang") == "de");
  CHECK(feed->attr("lang", "http://www.w3.org/XML/1998/namespace") == "de");
  REQUIRE(feed->child(xmlns::atom, "entry"));
  CHECK(feed->child(xmlns::atom, "entry")->child(xmlns::atom, "title")->attr("type") == "html");
}

TEST_CASE("xml reader: recovers from mismatched and unclosed tags and records it", "[xml]") {
  auto doc = parse_xml("<rss><channel><item><title>one</item><item><title>two & three</title></item>");
  const XmlElement* channel = doc.document_element()->child("", "channel");
  REQUIRE(channel);
  auto items = channel->children_named("", "item");
  REQUIRE(items.size() == 2);
  CHECK(items[0]->child_text("", "title") == "one");
  CHECK(items[1]->child_text("", "title") == "two & three");
  CHECK_FALSE(doc.errors.empty());
  CHECK(std::find(doc.errors.begin(), doc.errors.end(), "XML: mismatched end tag </item>") != doc.errors.end());
  CHECK(std::find(doc.errors.begin(), doc.errors.end(), "XML: unclosed element <channel> at end of input") != doc.errors.end());
}

TEST_CASE("xml reader: deep nesting is bounded", "[xml]") {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<a>";
  deep += "x";
  XmlLimits limits;
  limits.max_depth = 100;
  auto doc = parse_xml(deep, limits);
  size_t depth = 0;
  for (const XmlElement* e = doc.document_element(); e && !e->children.empty(); e = &e->children.front()) ++depth;
  CHECK(depth < 101);
  CHECK(std::find(doc.errors.begin(), doc.errors.end(), "XML: nesting deeper than 100; deeper elements are flattened") != doc.errors.end());
}

TEST_CASE("xml reader: entities declared in the internal subset are expanded as text", "[xml]") {
  auto doc = parse_xml(R"(<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY company "Example &amp; Sons">
  <!ENTITY who 'Jane &#x2014; &company;'>
  <!ENTITY company "ignored: the first declaration binds">
  <!ENTITY % param "not a general entity">
  <!ENTITY ext SYSTEM "file:///etc/passwd">
  <!ENTITY bracket "a ] inside a value">
]>
<rss><title a="by &who;">Made by &company;, &bracket;, &ext;, &param;</title></rss>)");
  const XmlElement* rss = doc.document_element();
  REQUIRE(rss);
  REQUIRE(rss->children.size() == 1);
  CHECK(rss->children[0].text == "Made by Example & Sons, a ] inside a value, &ext;, &param;");
  CHECK(rss->children[0].attr("a") == "by Jane \u2014 Example & Sons");
  CHECK(doc.errors == std::vector<std::string>{"XML: external entity &ext; is not fetched"});
}

TEST_CASE("xml reader: a comment in the internal subset opens no quote", "[xml]") {
  auto doc = parse_xml(R"(<!DOCTYPE rss [
  <!-- Jane's feed: the entity below is hers -->
  <!ENTITY who "Jane">
]><rss><title>&who;'s notes</title></rss>)");
  REQUIRE(doc.document_element());
  REQUIRE(doc.document_element()->children.size() == 1);
  CHECK(doc.document_element()->children[0].text == "Jane's notes");
}

TEST_CASE("xml reader: a billion laughs stops at the expansion budget", "[xml]") {
  std::string dtd = R"(<!DOCTYPE lolz [<!ENTITY lol0 "lollollollollollollollollollol">)";
  for (int i = 1; i <= 9; ++i)
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"" + [&] {
      std::string v;
      for (int k = 0; k < 10; ++k) v += "&lol" + std::to_string(i - 1) + ";";
      return v;
    }() + "\">";
  dtd += "]>";
  std::string body = "<r>";
  for (int k = 0; k < 100; ++k) body += "&lol3;&lol9;";
  body += "</r>";
  auto doc = parse_xml(dtd + body);
  REQUIRE(doc.document_element());
  CHECK(doc.document_element()->text.size() < (2u << 20));
  CHECK(doc.document_element()->text.find("&lol3;") != std::string::npos);  // past the budget: as written
  CHECK(std::find(doc.errors.begin(), doc.errors.end(), "XML: entity &lol4; is larger than 64 KiB; not expanded") != doc.errors.end());
  CHECK(std::find(doc.errors.begin(), doc.errors.end(), "XML: entity expansion over 1 MiB; further references left as written") != doc.errors.end());
}

TEST_CASE("xml reader: element cap stops reading", "[xml]") {
  std::string many = "<r>";
  for (int i = 0; i < 100; ++i) many += "<i/>";
  many += "</r>";
  XmlLimits limits;
  limits.max_elements = 10;
  auto doc = parse_xml(many, limits);
  CHECK(doc.document_element()->children.size() == 9);
  CHECK(std::find(doc.errors.begin(), doc.errors.end(), "XML: too many elements; the rest is ignored") != doc.errors.end());
}

TEST_CASE("xml reader: undeclared HTML named references decode as HTML does", "[xml]") {
  // Feeds write HTML's named references without declaring them: a name would keep "N&uacute;&ntilde;ez".
  CHECK(decode_xml_entities("Jos&eacute; N&uacute;&ntilde;ez &amp; Mar&iacute;a") == "Jos\u00e9 N\u00fa\u00f1ez & Mar\u00eda");
  CHECK(decode_xml_entities("&hearts; &CounterClockwiseContourIntegral;") == "\u2665 \u2233");
  CHECK(decode_xml_entities("&nosuchname; &a-b; &") == "&nosuchname; &a-b; &");
}

TEST_CASE("xml reader: references to code points XML does not allow become U+FFFD and are recorded", "[xml]") {
  auto doc = parse_xml("<r>a&#0;b&#1;c&#xD800;d&#x110000;e&#x9;f&#x1F600;</r>");
  REQUIRE(doc.document_element());
  CHECK(doc.document_element()->text == "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf\U0001F600");
  CHECK(doc.errors == std::vector<std::string>{"XML: character reference to a code point XML does not allow; read as U+FFFD"});
  CHECK(parse_xml("<r>&#x41;&#65;</r>").errors.empty());
}
