#include <catch2/catch.hpp>

#include "parsers/html_document.h"
#include "parsers/html_text.h"

using namespace exposcan;

namespace {
std::string body_text(std::string_view html) {
  auto doc = HtmlDocument::parse(html);
  REQUIRE(doc);
  return visible_text(doc->body());
}
}  // namespace

TEST_CASE("visible text skips non-rendered elements", "[text]") {
  CHECK(body_text("<p>a<script>x()</script><style>p{}</style><template>t</template><noscript>n</noscript>b</p>") ==
        "ab");
  CHECK(body_text("<p>shown <span hidden>secret</span>too</p>") == "shown too");
}

TEST_CASE("block elements separate lines, inline ones do not", "[text]") {
  CHECK(body_text("<div>one</div><div>two</div>") == "one\ntwo");
  CHECK(body_text("<p>a <b>bold</b> <i>it</i>alic</p><h2>Head</h2><ul><li>x</li><li>y</li></ul>") ==
        "a bold italic\nHead\nx\ny");
  CHECK(body_text("<p>line1<br>line2<br/>line3</p>") == "line1\nline2\nline3");
}

TEST_CASE("whitespace collapses and entities are decoded", "[text]") {
  CHECK(body_text("<p>  a \n\t b&nbsp;&nbsp;c &amp; &lt;d&gt;  </p>") == "a b c & <d>");
  CHECK(body_text("") == "");
}

TEST_CASE("text_content concatenates every text node", "[text]") {
  auto doc = HtmlDocument::parse("<div>a<script>s</script><p> b </p></div>");
  REQUIRE(doc);
  CHECK(text_content(doc->find_first("div")) == "as b ");
}
