// `exposcan inspect`: one page — from the sample server, a saved file, a HAR — and its mf2 JSON.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

#include "core/hash.h"
#include "samples/sample_server.h"
#include "tests/support/test_support.h"

using nlohmann::json;
using exposcan::test::run_process;
using exposcan::test::TempDir;

namespace {
std::string sample(const std::string& rel) { return (exposcan::test::source_dir() / "samples/sites" / rel).string(); }
}  // namespace

TEST_CASE("inspect --format mf2 prints only items / rels and rel-urls", "[inspect]") {
  TempDir dir;
  std::ofstream(dir / "card.html") << "<base href=\"/people/\"><div class=\"h-card\"><a class=\"p-name u-url\" href=\"jane\">Jane Example</a>"
                                      "<img class=\"u-photo\" src=\"http://cdn.example.com/j.jpg\" alt=\"Jane\"></div><a rel=\"me\" href=\"https://x.example/j\">x</a>";
  auto r = run_process({EXPOSCAN_BIN, "inspect", (dir / "card.html").string(), "--base-url", "http://example.com/", "--format", "mf2"});
  REQUIRE(r.exit_code == 0);
  json j = json::parse(r.out);
  REQUIRE(j.is_object());
  CHECK(j.size() == 3);
  CHECK(j.contains("items"));
  CHECK(j.contains("rels"));
  CHECK(j.contains("rel-urls"));
  CHECK(j["items"][0]["properties"]["url"][0] == "http://example.com/people/jane");
  CHECK(j["items"][0]["properties"]["photo"][0] == json({{"value", "http://cdn.example.com/j.jpg"}, {"alt", "Jane"}}));
  CHECK(j["rels"]["me"][0] == "https://x.example/j");
}

TEST_CASE("inspect FILE --platform: a saved API response with its items and signals", "[inspect]") {
  auto r = run_process({EXPOSCAN_BIN, "inspect", sample("public.api.bsky.app/_api/getAuthorFeed.json"), "--platform", "bluesky", "--base-url",
                        "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=janeexample.bsky.social"});
  REQUIRE(r.exit_code == 0);
  json j = json::parse(r.out);
  CHECK(j["provenance"] == "file");
  REQUIRE(j["items"].size() == 3);  // the pinned post, listed twice (includePins), is one item
  const json& pinned = j["items"][0];  // listed first, with #reasonPin
  CHECK(pinned["id"] == "bluesky:post:at://did:plc:x7jnexmpl4jane2sprngfdq/app.bsky.feed.post/3lbq2sprngmkt");
  CHECK(pinned["fields"].dump().find(R"({"name":"pinned","value":"true"})") != std::string::npos);
  CHECK(pinned["platform"] == "bluesky");
  CHECK(pinned["visibility"] == "public");
  REQUIRE_FALSE(pinned["media"].empty());
  CHECK(pinned["media"][0]["alt"] == "Jane Example holding a crate of tomatoes at the Springfield farmers market");
  CHECK(j.contains("signals"));
  CHECK(j["errors"].empty());
  bool next = false;
  for (const auto& l : j["links"]) next = next || l["kind"] == "next";
  CHECK(next);
}

TEST_CASE("inspect FILE: the source digest is of the file's bytes / not of its UTF-8 conversion", "[inspect]") {
  TempDir dir;
  const std::string raw = "<html><head><meta charset=\"windows-1251\"><title>\xC6\xE0\xED\xED\xE0</title></head><body>x</body></html>";
  std::ofstream(dir / "cp1251.html", std::ios::binary) << raw;
  auto r = run_process({EXPOSCAN_BIN, "inspect", (dir / "cp1251.html").string()});
  REQUIRE(r.exit_code == 0);
  json j = json::parse(r.out);
  REQUIRE_FALSE(j["items"].empty());
  CHECK(j["items"][0]["title"] == "\u0416\u0430\u043D\u043D\u0430");
  CHECK(j["items"][0]["source_sha256"] == exposcan::sha256_hex(raw));
}

TEST_CASE("inspect errors: unknown platform and format are usage errors", "[inspect]") {
  auto bad = run_process({EXPOSCAN_BIN, "inspect", sample("jane.example/index.html"), "--platform", "myspace"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("exposcan: error: inspect: unknown platform 'myspace' (known: web, instagram, mastodon,") != std::string::npos);
  auto fmt = run_process({EXPOSCAN_BIN, "inspect", sample("jane.example/index.html"), "--format", "xml"});
  CHECK(fmt.exit_code == 2);
  CHECK(fmt.err.find("exposcan: error: inspect: --format must be json or mf2 (got 'xml')") != std::string::npos);
  auto missing = run_process({EXPOSCAN_BIN, "inspect", "/nonexistent/page.html"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("exposcan: error: inspect: cannot read /nonexistent/page.html") != std::string::npos);
}

TEST_CASE("inspect URL: fetched from the sample server - a wall is an explained item", "[inspect]") {
  exposcan::samples::SampleServer server;
  REQUIRE(server.start());
  TempDir dir;
  std::ofstream(dir / "ca.pem") << server.ca_pem();
  std::string port = std::to_string(server.port());
  auto run = [&](const std::string& url) {
    return run_process({EXPOSCAN_BIN, "inspect", url, "--cacert", (dir / "ca.pem").string(), "--connect-to", "::127.0.0.1:" + port});
  };
  auto r = run("https://www.reddit.com/user/janeexample/submitted.json");
  REQUIRE(r.exit_code == 0);
  json j = json::parse(r.out);
  CHECK(j["status"] == 200);
  CHECK(j["items"].size() == 2);
  auto wall = run("https://www.linkedin.com/in/janeexample/recent-activity/all/");
  REQUIRE(wall.exit_code == 0);
  json w = json::parse(wall.out);
  REQUIRE(w["items"].size() == 1);
  CHECK(w["items"][0]["visibility"] == "login-wall");
  CHECK(w["final_url"].get<std::string>().rfind("https://www.linkedin.com/authwall?", 0) == 0);
}
