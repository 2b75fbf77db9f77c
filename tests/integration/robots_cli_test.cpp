// `exposcan robots FILE|URL --agent A [--agent B…] URL…` end to end: RFC 9309's examples and the
// data-driven cases of tests/scanner/robots_cases/ through the binary, a site's /robots.txt fetched
// from the sample server (status codes, redirects), and the command line's contract.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "core/text.h"
#include "samples/sample_server.h"
#include "tests/support/test_support.h"

using exposcan::test::run_process;
using exposcan::test::TempDir;
using json = nlohmann::json;

namespace {

std::vector<json> lines_of(const std::string& out) {
  std::vector<json> v;
  for (auto line : exposcan::split(out, '\n'))
    if (!line.empty()) v.push_back(json::parse(line));
  return v;
}

struct Expect {
  std::string path;
  bool allowed;
  json line;  // number or null
  json rule;  // string or null
};

// Runs the binary once for `agent` over every path and checks each JSON line.
void check_agent(const std::vector<std::string>& source_args, const std::string& agent, const std::vector<Expect>& cases) {
  std::vector<std::string> argv = {EXPOSCAN_BIN, "robots"};
  argv.insert(argv.end(), source_args.begin(), source_args.end());
  argv.insert(argv.end(), {"--agent", agent});
  for (const auto& c : cases) argv.push_back(c.path);
  auto r = run_process(argv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto out = lines_of(r.out);
  REQUIRE(out.size() == cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    INFO(agent << " " << cases[i].path);
    CHECK(out[i]["agent"] == agent);
    CHECK(out[i]["url"] == cases[i].path);
    CHECK(out[i]["allowed"] == cases[i].allowed);
    CHECK(out[i]["line"] == cases[i].line);
    CHECK(out[i]["rule"] == cases[i].rule);
  }
}

json L(int n) { return json(n); }
const json k_null = nullptr;

struct Server {
  exposcan::samples::SampleServer server;
  TempDir dir;
  std::string ca;
  Server() {
    REQUIRE(server.start());
    ca = dir.write("ca.pem", server.ca_pem()).string();
  }
  std::vector<std::string> args(const std::string& site) const {
    std::vector<std::string> a = {site, "--cacert", ca};
    for (const auto& h : server.hostnames())
      a.insert(a.end(), {"--connect-to", fmt::format("{}:443:127.0.0.1:{}", h, server.port())});
    return a;
  }
};

}  // namespace

TEST_CASE("robots cli: every case in tests/scanner/robots_cases through the binary", "[robots-cli]") {
  const auto dir = exposcan::test::source_dir() / "tests" / "scanner" / "robots_cases";
  size_t files = 0, cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".cases") continue;
    ++files;
    auto txt = entry.path();
    txt.replace_extension(".txt");
    std::map<std::string, std::vector<Expect>> by_agent;
    std::vector<std::string> order;
    const std::string listing = exposcan::test::read_text(entry.path());
    for (auto line : exposcan::split(listing, '\n')) {
      if (line.empty() || line.front() == '#') continue;
      auto f = exposcan::split(line, '\t');
      REQUIRE(f.size() == 5);
      std::string agent(f[0]);
      if (!by_agent.count(agent)) order.push_back(agent);
      by_agent[agent].push_back({std::string(f[1]), f[2] == "allowed", f[3] == "-" ? k_null : L(std::stoi(std::string(f[3]))),
                                 f[4] == "-" ? k_null : json(std::string(f[4]))});
      ++cases;
    }
    INFO(entry.path().filename().string());
    for (const auto& agent : order) check_agent({txt.string()}, agent, by_agent[agent]);
  }
  CHECK(files >= 4);
  CHECK(cases >= 40);
}

TEST_CASE("robots cli: RFC 9309 rules on grouping and matching", "[robots-cli][rfc9309]") {
  TempDir dir;
  // Line numbers matter: the expected `line` values below point into this text.
  auto file = dir.write("robots.txt",
                    "# RFC 9309 cases written for exposcan\n"                     // 1
                    "User-agent: ExampleBot\n"                                    // 2
                    "Disallow: /private\n"                                        // 3
                    "Allow: /private/open\n"                                      // 4
                    "Sitemap: https://example.com/sitemap.xml\n"                  // 5  (does not end the group)
                    "Disallow: /after-sitemap\n"                                  // 6
                    "\n"                                                          // 7
                    "User-agent: *\n"                                             // 8
                    "Disallow: /fish\n"                                           // 9
                    "Allow: /fish/salmon$\n"                                      // 10
                    "Disallow: /*.php$\n"                                         // 11
                    "Disallow: /folder\n"                                         // 12
                    "Allow: /folder\n"                                            // 13 (tie: allow wins)
                    "Disallow: /p\n"                                              // 14
                    "Allow: /page\n"                                              // 15 (longer wins)
                    "\n"                                                          // 16
                    "user-agent: examplebot\n"                                    // 17 (merged with line 2)
                    "Disallow: /merged\n"                                         // 18
                    "\n"                                                          // 19
                    "User-agent: EmptyBot\n"                                      // 20
                    "Disallow:\n");                                               // 21
  const std::vector<std::string> src = {file.string()};
  // The agent's own groups, merged; product tokens case-insensitive; no inheritance from "*".
  for (std::string agent : {"ExampleBot", "examplebot", "EXAMPLEBOT"}) {
    check_agent(src, agent,
                {{"/private/x", false, L(3), "Disallow: /private"},
                 {"/private/open/x", true, L(4), "Allow: /private/open"},
                 {"/after-sitemap", false, L(6), "Disallow: /after-sitemap"},
                 {"/merged/x", false, L(18), "Disallow: /merged"},
                 {"/fish", true, k_null, k_null},
                 {"/robots.txt", true, k_null, k_null}});
  }
  // Everyone else: the "*" group. '$' anchors, '*' matches any run, longest match, ties allow.
  check_agent(src, "OtherBot",
              {{"/fish", false, L(9), "Disallow: /fish"},
               {"/fish.html", false, L(9), "Disallow: /fish"},
               {"/fish/salmon", true, L(10), "Allow: /fish/salmon$"},
               {"/fish/salmon/", false, L(9), "Disallow: /fish"},
               {"/Fish", true, k_null, k_null},  // paths are case-sensitive
               {"/index.php", false, L(11), "Disallow: /*.php$"},
               {"/a/b/c.php", false, L(11), "Disallow: /*.php$"},
               {"/index.php?x=1", true, k_null, k_null},
               {"/folder/page", true, L(13), "Allow: /folder"},
               {"/page", true, L(15), "Allow: /page"},
               {"/pa", false, L(14), "Disallow: /p"},
               {"/q/private/x", true, k_null, k_null},
               {"/robots.txt", true, k_null, k_null}});
  // An empty Disallow matches nothing.
  check_agent(src, "EmptyBot", {{"/anything", true, k_null, k_null}});
  // The agent is reduced to its product token.
  check_agent(src, "ExampleBot/2.1", {{"/private/x", false, L(3), "Disallow: /private"}});
}

TEST_CASE("robots cli: the RFC 9309 section 5.1 example with full URLs", "[robots-cli][rfc9309]") {
  const auto txt = exposcan::test::source_dir() / "tests" / "scanner" / "robots_cases" / "rfc9309_5_1.txt";
  check_agent({txt.string()}, "foobot",
              {{"https://www.example.com/", false, L(7), "Disallow:/"},
               {"https://www.example.com/example/page.html", true, L(8), "Allow:/example/page.html"},
               {"https://www.example.com/example/allowed.gif", true, L(9), "Allow:/example/allowed.gif"}});
  check_agent({txt.string()}, "otherbot",
              {{"https://www.example.com/images/logo.gif", false, L(2), "Disallow: *.gif$"},
               {"https://www.example.com/images/logo.gif?v=2", true, k_null, k_null},
               {"https://www.example.com/example/x#frag", false, L(3), "Disallow: /example/"}});
}

TEST_CASE("robots cli: --agent takes one value per occurrence and URLs may follow it", "[robots-cli]") {
  TempDir dir;
  auto file = dir.write("robots.txt", "User-agent: FooBot\nDisallow: /x\n");
  auto r = run_process({EXPOSCAN_BIN, "robots", file.string(), "--agent", "FooBot", "https://example.com/x"});
  REQUIRE(r.exit_code == 0);
  auto out = lines_of(r.out);
  REQUIRE(out.size() == 1);
  CHECK(out[0] == json::parse(R"({"agent":"FooBot","url":"https://example.com/x","allowed":false,"rule":"Disallow: /x","line":2})"));

  auto two = run_process({EXPOSCAN_BIN, "robots", file.string(), "--agent", "FooBot", "/x", "--agent", "BarBot", "/y"});
  REQUIRE(two.exit_code == 0);
  auto lines = lines_of(two.out);
  REQUIRE(lines.size() == 4);  // agent-major: FooBot /x, FooBot /y, BarBot /x, BarBot /y
  CHECK(lines[0]["agent"] == "FooBot");
  CHECK(lines[0]["url"] == "/x");
  CHECK(lines[0]["allowed"] == false);
  CHECK(lines[1]["url"] == "/y");
  CHECK(lines[2]["agent"] == "BarBot");
  CHECK(lines[2]["allowed"] == true);
  CHECK(lines[3]["agent"] == "BarBot");
}

TEST_CASE("robots cli: paths and URLs written without a scheme are checked by their path", "[robots-cli]") {
  TempDir dir;
  auto file = dir.write("robots.txt", "User-agent: FooBot\nDisallow: /a\n");
  auto r = run_process({EXPOSCAN_BIN, "robots", file.string(), "--agent", "FooBot", "/a", "example.com/a",
                        "//example.com/a?q", "example.com", "example.com/b;c#d", "a/b"});
  REQUIRE(r.exit_code == 0);
  auto out = lines_of(r.out);
  REQUIRE(out.size() == 6);
  CHECK(out[0]["allowed"] == false);  // a path as given
  CHECK(out[1]["allowed"] == false);  // host and path: /a
  CHECK(out[1]["url"] == "example.com/a");
  CHECK(out[2]["allowed"] == false);  // network-path reference: /a?q
  CHECK(out[3]["allowed"] == true);   // a bare host checks "/"
  CHECK(out[4]["allowed"] == true);   // /b;c
  CHECK(out[5]["allowed"] == true);   // host "a", path /b
}

TEST_CASE("robots cli: usage errors exit 2", "[robots-cli]") {
  TempDir dir;
  auto file = dir.write("robots.txt", "User-agent: *\nDisallow: /\n");
  auto no_agent = run_process({EXPOSCAN_BIN, "robots", file.string(), "/x"});
  CHECK(no_agent.exit_code == 2);
  auto no_url = run_process({EXPOSCAN_BIN, "robots", file.string(), "--agent", "A"});
  CHECK(no_url.exit_code == 2);
  CHECK(no_url.err == "exposcan: error: robots: give at least one URL to check\n");
  auto missing = (dir / "nope.txt").string();
  auto unreadable = run_process({EXPOSCAN_BIN, "robots", missing, "--agent", "A", "/x"});
  CHECK(unreadable.exit_code == 2);
  CHECK(unreadable.err == "exposcan: error: robots: cannot read " + missing + "\n");
}

TEST_CASE("robots cli: a site URL fetches its robots.txt from the sample server", "[robots-cli][site]") {
  Server s;
  // jane.example turns GPTBot away and welcomes everyone else.
  auto args = s.args("https://jane.example/");
  check_agent(args, "GPTBot", {{"https://jane.example/posts/", false, L(3), "Disallow: /"}});
  check_agent(args, "FooBot", {{"https://jane.example/posts/", true, L(6), "Allow: /"}});
  // www.jane.example/robots.txt redirects (301) to jane.example's, whose rules then apply.
  check_agent(s.args("https://www.jane.example/"), "GPTBot", {{"/posts/", false, L(3), "Disallow: /"}});
  size_t fetched = 0;
  for (const auto& r : s.server.requests()) fetched += r.target == "/robots.txt";
  CHECK(fetched == 4);
}

TEST_CASE("robots cli: status semantics 404 500 429 and the 500 KiB limit", "[robots-cli][site]") {
  Server s;
  // 404: unavailable, everything allowed.
  check_agent(s.args("https://robots404.faults.example/"), "AnyBot", {{"/x", true, k_null, k_null}});
  // 500: unreachable, everything disallowed.
  check_agent(s.args("https://robots500.faults.example/"), "AnyBot", {{"/x", false, k_null, k_null}});
  // 429: treated as unreachable for now.
  check_agent(s.args("https://robots429.faults.example/"), "AnyBot", {{"/x", false, k_null, k_null}});
  // Over 500 KiB: the rules up to the limit count, the final "Disallow: /" beyond it does not.
  // Compressed on the wire, or sent as is with a Content-Length over the limit.
  for (const char* site : {"https://robotsbig.faults.example/", "https://robotsbigplain.faults.example/"}) {
    INFO(site);
    auto big = s.args(site);
    check_agent(big, "AnyBot", {{"/x", true, k_null, k_null}, {"/archive/000003/a", false, L(7), "Disallow: /archive/000003/"}});
  }
}

TEST_CASE("robots cli: an unreachable site means disallow all", "[robots-cli][site]") {
  // Port 9 on loopback: nothing listens.
  check_agent({"http://127.0.0.1:9/"}, "AnyBot", {{"/x", false, k_null, k_null}});
}
