// TDMRep tdmrep.json lookups and Spawning ai.txt recognition and matching.
#include <catch2/catch.hpp>

#include "rules/site_files.h"

using namespace exposcan;

TEST_CASE("tdmrep.json: robots-style locations, first match wins", "[tdmrep]") {
  const std::string json = R"([
    {"location": "/images/*.png$", "tdm-reservation": 0},
    {"location": "/images/", "tdm-reservation": 1, "tdm-policy": "https://example.org/policy.json"},
    {"location": "/*", "tdm-reservation": "0"}
  ])";
  auto png = tdmrep_lookup(json, "/images/cat.png");
  CHECK(png.found);
  CHECK(png.reservation == 0);
  CHECK(png.location == "/images/*.png$");
  auto jpg = tdmrep_lookup(json, "/images/cat.jpg");
  CHECK(jpg.reservation == 1);
  CHECK(jpg.policy == "https://example.org/policy.json");
  auto page = tdmrep_lookup(json, "/about");
  CHECK(page.reservation == 0);
  CHECK(tdmrep_lookup(json, "/images/%63at.jpg").reservation == 1);  // percent-encoding equivalence
  auto none = tdmrep_lookup(R"([{"location": "/a/", "tdm-reservation": 1}])", "/b");
  CHECK_FALSE(none.found);
  CHECK_FALSE(none.reservation);
  auto broken = tdmrep_lookup("{\"location\": 1}", "/");
  CHECK_FALSE(broken.file_valid);
  auto odd = tdmrep_lookup(R"([{"location": "/", "tdm-reservation": 2}])", "/");
  CHECK(odd.found);
  CHECK_FALSE(odd.reservation);  // not 0 or 1: no value
}

TEST_CASE("ai.txt: Spawning's robots-style format is recognised, other formats are not", "[ai.txt]") {
  CHECK(ai_txt_recognised("# Spawning AI\n/\nUser-Agent: *\n/\nDisallow: *.txt\nAllow: /\n"));
  CHECK_FALSE(ai_txt_recognised("---\ntitle: Acme\n---\n# About Acme\nAcme makes widgets.\n"));
  CHECK_FALSE(ai_txt_recognised("Training: deny\nLicense: CC-BY-4.0\n"));
  CHECK_FALSE(ai_txt_recognised("User-agent: *\n"));  // no rules
  const std::string body = "User-Agent: *\nDisallow: *.jpg\nDisallow: *.png\nAllow: /\n\nUser-Agent: FriendlyBot\nDisallow: /\n";
  auto jpg = ai_txt_lookup(body, "SomeBot", "/gallery/cat.jpg");
  CHECK(jpg.recognised);
  CHECK(jpg.matched);
  CHECK_FALSE(jpg.allowed);
  CHECK(jpg.rule == "Disallow: *.jpg");
  CHECK(jpg.line == 2);
  auto html = ai_txt_lookup(body, "SomeBot", "/index.html");
  CHECK(html.allowed);
  CHECK(html.rule == "Allow: /");
  CHECK_FALSE(ai_txt_lookup(body, "friendlybot", "/index.html").allowed);
}
