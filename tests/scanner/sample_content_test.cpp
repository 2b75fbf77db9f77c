// The sample content matches samples/README.md: where Jane Example's personal data is planted,
// which pages carry AI signals, and each host's robots.txt stance. Other modules' tests rely on
// these facts, so a content edit that breaks one fails here first.
#include <catch2/catch.hpp>

#include "samples/sample_files.h"
#include "tests/scanner/sample_client.h"

using namespace exposcan;
using namespace exposcan::test;

namespace {

struct Planted {
  const char* url;
  std::vector<std::string> present;
};

// The README's "Personal data planted" table.
const std::vector<Planted> k_planted = {
    {"https://jane.example/",
     {"jane@example.org", "\"email\": \"mailto:jane@example.org\"", "+1 202-555-0147", "\"telephone\": \"+1-202-555-0147\"",
      "<span class=\"p-locality\">Springfield</span>"}},
    {"https://jane.example/posts/hello-springfield/", {"jane@example.org", "Springfield"}},
    {"https://jane.example/posts/garden-notes/", {"(202) 555-0147"}},
    {"https://jane.example/posts/birthday-hike/", {"12 April 1990", "John Example"}},
    {"https://jane.example/posts/", {"Springfield"}},
    {"https://jane.example/feed.xml",
     {"jane@example.org", "Springfield", "(202) 555-0147", "12 April 1990", "John Example"}},
    {"https://mastodon.social/@janeexample", {"+1 202 555 0147", "Springfield", "jane@example.org"}},
    {"https://mastodon.social/@janeexample/115202077976969650", {"Springfield"}},
    {"https://mastodon.social/@janeexample/116273834235464830", {"jane@example.org", "Springfield"}},
    {"https://mastodon.social/@janeexample.rss", {"jane@example.org", "Springfield"}},
    {"https://mastodon.social/api/v1/accounts/lookup?acct=janeexample", {"+1 202 555 0147", "Springfield"}},
    {"https://mastodon.social/api/v1/accounts/110236031393675807/statuses",
     {"jane@example.org", "Springfield", "+1 202 555 0147"}},
    {"https://www.instagram.com/janeexample/", {"Springfield"}},
    {"https://www.instagram.com/p/DQjxLoPliTn/", {"Springfield Farmers Market", "#springfield"}},
    {"https://www.instagram.com/p/DYb2LPfliYG/", {"jane@example.org"}},
    {"https://www.instagram.com/p/DdhMGRPliRN/", {"Springfield Riverside Park"}},
    {"https://www.instagram.com/api/v1/users/web_profile_info/?username=janeexample",
     {"Springfield", "jane@example.org", "Springfield Farmers Market", "Springfield Riverside Park"}},
};

// Pages the table lists as carrying no personal data.
const std::vector<std::string> k_clean = {
    "https://jane.example/posts/reading-list/",
    "https://jane.example/posts/inktober-sketches/",
    "https://mastodon.social/@janeexample/117186046494678275",
    "https://mastodon.social/@janeexample/117387362648795050",
};

const std::vector<std::string> k_personal = {"jane@example.org", "555-0147", "555 0147", "1990", "Springfield",
                                             "springfield", "John Example", "Mary Example"};

}  // namespace

TEST_CASE("sample content: personal data is planted where the README says", "[samples][content]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  for (const auto& p : k_planted) {
    auto r = client.fetch(p.url);
    INFO(p.url);
    REQUIRE(r.status == 200);
    for (const auto& s : p.present) {
      INFO(s);
      CHECK(r.body.find(s) != std::string::npos);
    }
  }
  for (const auto& url : k_clean) {
    auto r = client.fetch(url);
    INFO(url);
    REQUIRE(r.status == 200);
    for (const auto& s : k_personal) {
      INFO(s);
      CHECK(r.body.find(s) == std::string::npos);
    }
  }
}

TEST_CASE("sample content: AI signals on pages", "[samples][content]") {
  auto server = start_sample_server();
  SampleClient client(*server);
  auto noai = client.fetch("https://jane.example/posts/garden-notes/");
  CHECK(noai.body.find("<meta name=\"robots\" content=\"noai, noimageai\">") != std::string::npos);
  CHECK(client.fetch("https://jane.example/posts/reading-list/").header("content-usage") == "train-ai=n");
  size_t noai_pages = 0;
  for (const auto& f : samples::files()) {
    const std::string_view path = f.path;
    const bool html = path.size() > 5 && path.substr(path.size() - 5) == ".html";
    if (path.substr(0, 6) == "sites/" && html && f.data.find("noai") != std::string_view::npos) ++noai_pages;
  }
  CHECK(noai_pages == 1);
}

TEST_CASE("sample content: each host's robots.txt stance", "[samples][content]") {
  const std::string jane(*samples::file("sites/jane.example/robots.txt"));
  CHECK(jane.find("User-agent: GPTBot\nDisallow: /\n") != std::string::npos);
  CHECK(jane.find("User-agent: *\nAllow: /\n") != std::string::npos);
  size_t groups = 0;
  for (size_t p = jane.find("User-agent:"); p != std::string::npos; p = jane.find("User-agent:", p + 1)) ++groups;
  CHECK(groups == 2);

  const std::string mastodon(*samples::file("sites/mastodon.social/robots.txt"));
  const auto ai_group = mastodon.find("# AI crawlers");
  const auto ai_end = mastodon.find("Disallow: /\n", ai_group);
  REQUIRE(ai_group != std::string::npos);
  for (const char* agent : {"GPTBot", "ClaudeBot", "CCBot", "Google-Extended", "Meta-ExternalAgent", "Applebot-Extended",
                            "Bytespider", "cohere-training-data-crawler", "FacebookBot", "anthropic-ai"}) {
    INFO(agent);
    const auto at = mastodon.find(std::string("User-agent: ") + agent + "\n", ai_group);
    CHECK(at < ai_end);
  }
  CHECK(mastodon.find("User-agent: *\nDisallow: /media_proxy/\nDisallow: /interact/\n") != std::string::npos);
  CHECK(mastodon.find("exposcan") == std::string::npos);

  const std::string instagram(*samples::file("sites/www.instagram.com/robots.txt"));
  const std::string tail = "User-agent: *\nDisallow: /\n";
  CHECK(instagram.substr(instagram.size() - tail.size()) == tail);
  CHECK(instagram.find("User-agent: Googlebot\n") != std::string::npos);
}

TEST_CASE("sample content: identity.yaml names the planted values", "[samples][content]") {
  const std::string id(*samples::file("identity.yaml"));
  for (const char* s : {"Jane Example", "Jane Q. Example", "janeexample", "@janeexample@mastodon.social", "jane@example.org",
                        "+1 202-555-0147", "birth_date: 1990-04-12", "city: Springfield", "country: DE",
                        "jurisdiction: EU", "adult: true", "John Example"}) {
    INFO(s);
    CHECK(id.find(s) != std::string::npos);
  }
}
