// The HTML report: self-contained (no network, CSP by hash), escaped, and rendered in headless
// Chromium — screenshots (desktop and phone width) saved to build/test-output/reports/ and checked
// non-blank; the page's own self-check and filters read back from the DOM and compared with the
// JSON of the same record.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>

#include "core/hash.h"
#include "reports/html_report.h"
#include "reports/json_model.h"
#include "reports/report_text.h"
#include "tests/reports/chromium.h"
#include "tests/reports/fixture_record.h"
#include "tests/reports/golden.h"
#include "tests/reports/png_image.h"

using namespace exposcan;
using exposcan::test::TempDir;

namespace {

std::string block(const std::string& html, const std::string& tag) {
  size_t open = html.find("<" + tag + ">");
  size_t close = html.find("</" + tag + ">", open);
  REQUIRE(open != std::string::npos);
  REQUIRE(close != std::string::npos);
  return html.substr(open + tag.size() + 2, close - open - tag.size() - 2);
}

std::filesystem::path write_fixture_html(const TempDir& dir, bool show_values = true) {
  auto path = dir / "report.html";
  std::ofstream(path, std::ios::binary) << render_html(test::fixture_record(), show_values);
  return path;
}

}  // namespace

TEST_CASE("html: no external resource and a CSP that allows exactly the inline blocks", "[html]") {
  std::string html = render_html(test::fixture_record(), true);
  CHECK(html.find("<script src") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(std::regex_search(html, std::regex(R"(\s(src|srcset|poster|data)=)")) == false);
  std::string css = block(html, "style"), js = block(html, "script");
  std::string csp = "default-src 'none'; style-src 'sha256-" + base64_encode(sha256_raw(css)) + "'; script-src 'sha256-" +
                    base64_encode(sha256_raw(js)) + "'; img-src data:; base-uri 'none'; form-action 'none'";
  CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">") != std::string::npos);
}

TEST_CASE("html: page text is escaped and personal values sit behind reveal buttons", "[html]") {
  std::string html = render_html(test::fixture_record(), true);
  CHECK(html.find("<b>more</b>") == std::string::npos);
  CHECK(html.find("&lt;b&gt;more&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("gardener, &lt;coder&gt; &amp; cyclist") != std::string::npos);
  CHECK(html.find("data-redacted=\"j***@example.org\" data-value=\"jane@example.org\">j***@example.org</button>") !=
        std::string::npos);

  std::string redacted = render_html(test::fixture_record(), false);
  CHECK(redacted.find("jane@example.org") == std::string::npos);
  CHECK(redacted.find("202-555-0147") == std::string::npos);
  CHECK(redacted.find("class=\"reveal\"") == std::string::npos);
  CHECK(redacted.find("Personal values are redacted in this file") != std::string::npos);
}

TEST_CASE("html: the summary sentence counts public, trainable and personal items", "[html]") {
  std::string html = render_html(test::fixture_record(), true);
  CHECK(html.find("<p class=\"summary\" id=\"summary\">3 of your 5 public items can be used to train AI; 3 carry your personal data.</p>") !=
        std::string::npos);
  CHECK(html.find("id=\"chart-platforms\"") != std::string::npos);
  CHECK(html.find("id=\"chart-agents\"") != std::string::npos);
  CHECK(html.find("id=\"chart-timeline\"") != std::string::npos);
  CHECK(html.find("Object with the objection form in Meta&#39;s Privacy Center (GDPR Art. 21)") != std::string::npos);
}

TEST_CASE("html in Chromium: the self-check matches the JSON and filters work", "[html][chromium]") {
  TempDir dir;
  auto path = write_fixture_html(dir);
  auto json = record_to_json(test::fixture_record(), true);
  size_t findings = json["findings"].size(), trainable = 0, instagram_pd = 0;
  for (const auto& f : json["findings"]) {
    trainable += f["verdict"] == "trainable";
    instagram_pd += f["platform"] == "instagram" && !f["matches"].empty();
  }
  std::string dom = test::dump_dom(path);
  CHECK(test::html_attribute(dom, "data-selfcheck") == "ok");
  CHECK(test::html_attribute(dom, "data-dom-findings") == std::to_string(findings));
  CHECK(test::html_attribute(dom, "data-visible-findings") == std::to_string(findings));
  CHECK(dom.find(std::to_string(findings) + " of " + std::to_string(findings) + " findings shown") != std::string::npos);

  std::string filtered = test::dump_dom(path, "#verdict=trainable");
  CHECK(test::html_attribute(filtered, "data-visible-findings") == std::to_string(trainable));
  std::string pd = test::dump_dom(path, "#platform=instagram&pd=1");
  CHECK(test::html_attribute(pd, "data-visible-findings") == std::to_string(instagram_pd));
  CHECK(filtered.find("<b>more</b>") == std::string::npos);
}

TEST_CASE("html in Chromium: the self-check catches a page that disagrees with itself", "[html][chromium]") {
  TempDir dir;
  std::string html = render_html(test::fixture_record(), true);
  size_t at = html.find("data-findings=\"6\"");
  REQUIRE(at != std::string::npos);
  html.replace(at, 17, "data-findings=\"7\"");
  std::ofstream(dir / "report.html", std::ios::binary) << html;
  std::string dom = test::dump_dom(dir / "report.html");
  CHECK(test::html_attribute(dom, "data-selfcheck").rfind("mismatch: table rows 6 != 7", 0) == 0);
}

TEST_CASE("html in Chromium: screenshots at desktop and phone width are not blank", "[html][chromium]") {
  TempDir dir;
  auto path = write_fixture_html(dir);
  for (auto [name, w, h] : {std::tuple{"fixture-report-desktop.png", 1280, 1600}, std::tuple{"fixture-report-phone.png", 390, 1600}}) {
    auto png = test::test_output_dir() / name;
    test::screenshot(path, png, w, h);
    auto img = test::decode_png(test::read_text(png));
    REQUIRE(img);
    INFO(png.string());
    CHECK(img->width == static_cast<uint32_t>(w));
    CHECK(img->height == static_cast<uint32_t>(h));
    CHECK(img->ink() > 0.05);      // text, charts and badges cover the background
    CHECK(img->colours() > 50);   // not a flat error page
  }
}

TEST_CASE("html in Chromium: the report prints to PDF", "[html][chromium]") {
  TempDir dir;
  auto path = write_fixture_html(dir);
  auto pdf = test::test_output_dir() / "fixture-report.pdf";
  std::filesystem::remove(pdf);
  auto r = test::run_chromium({"--no-pdf-header-footer", "--print-to-pdf=" + pdf.string()}, test::file_url(path));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string bytes = test::read_text(pdf);
  CHECK(bytes.rfind("%PDF-", 0) == 0);
  std::smatch m;
  REQUIRE(std::regex_search(bytes, m, std::regex(R"(/Count (\d+))")));
  CHECK(std::stoi(m[1]) >= 2);
}
