// scanner/charset: media type sniffing for mislabelled bodies and charset detection (BOM, header,
// <meta>, XML declaration, fallback) with conversion to UTF-8.
#include <catch2/catch.hpp>

#include "scanner/charset.h"

using namespace exposcan;

TEST_CASE("charset: Content-Type parts", "[charset]") {
  CHECK(media_type_of("Text/HTML; charset=UTF-8") == "text/html");
  CHECK(media_type_of("") == "");
  CHECK(charset_param("text/html; charset=\"Shift_JIS\"") == "shift_jis");
  CHECK(charset_param("text/html;charset=cp1251") == "windows-1251");
  CHECK(charset_param("text/html") == "");
  CHECK(is_text_media_type("application/rss+xml"));
  CHECK(is_text_media_type("application/ld+json"));
  CHECK_FALSE(is_text_media_type("image/jpeg"));
}

TEST_CASE("charset: mislabelled and unlabelled bodies are sniffed", "[charset][sniff]") {
  CHECK(sniff_media_type("text/plain", "  <!DOCTYPE html><html><body>x</body></html>") == "text/html");
  CHECK(sniff_media_type("application/octet-stream", "\xEF\xBB\xBF<html><head>") == "text/html");
  CHECK(sniff_media_type("", "<!-- hi --><html>") == "text/html");
  CHECK(sniff_media_type("", "<?xml version=\"1.0\"?><rss version=\"2.0\">") == "application/rss+xml");
  CHECK(sniff_media_type("text/plain", "<feed xmlns=\"http://www.w3.org/2005/Atom\">") == "application/atom+xml");
  CHECK(sniff_media_type("application/xml", "<rss version=\"2.0\"><channel>") == "application/rss+xml");
  CHECK(sniff_media_type("", "{\"a\": 1}") == "application/json");
  CHECK(sniff_media_type("", "\x89PNG\r\n") == "application/octet-stream");
  // A specific declared type is kept.
  CHECK(sniff_media_type("image/png", "<html>") == "image/png");
  CHECK(sniff_media_type("text/plain", "just words") == "text/plain");
}

TEST_CASE("charset: detection order is BOM then header then meta then UTF-8 validity", "[charset]") {
  // windows-1251 "Привет"
  const std::string cp1251 = "\xCF\xF0\xE8\xE2\xE5\xF2";
  auto header = decode_to_utf8("<p>" + cp1251, "text/html", "windows-1251");
  CHECK(header.charset == "windows-1251");
  CHECK(header.text == "<p>Привет");
  CHECK(header.converted);

  auto meta = decode_to_utf8("<meta charset=\"windows-1251\"><p>" + cp1251, "text/html", "");
  CHECK(meta.charset == "windows-1251");
  CHECK(meta.text.find("Привет") != std::string::npos);

  auto http_equiv = decode_to_utf8(
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>\x82\xb1\x82\xf1", "text/html", "");
  CHECK(http_equiv.charset == "shift_jis");
  CHECK(http_equiv.text.find("こん") != std::string::npos);

  // The header wins over <meta>.
  auto both = decode_to_utf8("<meta charset=\"shift_jis\"><p>" + cp1251, "text/html", "windows-1251");
  CHECK(both.charset == "windows-1251");

  // A BOM wins over everything.
  auto bom = decode_to_utf8("\xEF\xBB\xBF<p>caf\xC3\xA9", "text/html", "windows-1251");
  CHECK(bom.charset == "utf-8");
  CHECK(bom.text == "<p>café");

  auto utf16 = decode_to_utf8(std::string("\xFF\xFE<\0p\0>\0", 8), "text/html", "");
  CHECK(utf16.charset == "utf-16le");
  CHECK(utf16.text == "<p>");

  auto xml = decode_to_utf8("<?xml version=\"1.0\" encoding=\"windows-1251\"?><a>" + cp1251 + "</a>", "application/xml", "");
  CHECK(xml.charset == "windows-1251");
  CHECK(xml.text.find("Привет") != std::string::npos);

  // XML without a BOM in UTF-16 (XML 1.0 Appendix F), either byte order; the header still wins,
  // and HTML is not sniffed so (WHATWG).
  auto to_utf16 = [](std::string_view ascii, bool big_endian) {
    std::string out;
    for (char c : ascii) out += big_endian ? std::string{'\0', c} : std::string{c, '\0'};
    return out;
  };
  const std::string feed = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"/>";
  auto le = decode_to_utf8(to_utf16(feed, false), "application/rss+xml", "");
  CHECK(le.charset == "utf-16le");
  CHECK(le.text == feed);
  auto be = decode_to_utf8(to_utf16("<rss/>", true), "text/plain", "");
  CHECK(be.charset == "utf-16be");
  CHECK(be.text == "<rss/>");
  CHECK(decode_owned_to_utf8(to_utf16("<rss/>", true), "application/xml", "").text == "<rss/>");
  CHECK(decode_to_utf8(to_utf16("<rss/>", false), "application/xml", "utf-16be").charset == "utf-16be");
  CHECK(decode_to_utf8(to_utf16("<p>", false), "text/html", "").charset == "utf-8");  // NULs are valid UTF-8

  // No declaration: valid UTF-8 stays UTF-8; anything else is windows-1252 (WHATWG default).
  CHECK(decode_to_utf8("caf\xC3\xA9", "text/html", "").charset == "utf-8");
  auto latin = decode_to_utf8("caf\xE9", "text/html", "");
  CHECK(latin.charset == "windows-1252");
  CHECK(latin.text == "café");
}

TEST_CASE("charset: invalid bytes become U+FFFD and unknown charsets keep what is valid", "[charset]") {
  auto bad = decode_to_utf8("a\xFF" "b", "text/html", "utf-8");
  CHECK(bad.had_errors);
  CHECK(bad.text == "a\xEF\xBF\xBD" "b");
  auto unknown = decode_to_utf8("ok \xC3\xA9", "text/html", "x-no-such-charset");
  CHECK(unknown.text == "ok é");
}

TEST_CASE("charset: the moving overload gives the same result without copying UTF-8 bodies", "[charset]") {
  std::string body(100'000, 'a');
  body += "\xC3\xA9";
  const char* data = body.data();
  auto moved = decode_owned_to_utf8(std::move(body), "text/html", "");
  CHECK(moved.charset == "utf-8");
  CHECK(moved.text.data() == data);  // the same buffer
  for (std::string_view input : {std::string_view("\xEF\xBB\xBF<p>x"), std::string_view("caf\xE9"),
                                 std::string_view("<meta charset=windows-1251>\xCF")}) {
    auto a = decode_to_utf8(input, "text/html", "");
    auto b = decode_owned_to_utf8(std::string(input), "text/html", "");
    CHECK(a.text == b.text);
    CHECK(a.charset == b.charset);
  }
}
