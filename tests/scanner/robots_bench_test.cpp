// A hidden timing run (not part of ctest): `scanner_tests "[.bench]"`. Checks every agent of the
// ai-robots-txt list against many paths, as the scanner does for each page.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "core/text.h"
#include "scanner/robots.h"
#include "tests/support/test_support.h"

using namespace exposcan;

TEST_CASE("timing: all AI agents against many paths", "[.bench]") {
  const std::string list = test::read_text(test::shared_dir() / "data" / "ai-robots-txt" / "robots.txt");
  std::vector<std::string> agents;
  for (std::string_view line : split(list, '\n')) {
    if (istarts_with(line, "User-agent:")) agents.emplace_back(trim(line.substr(11)));
  }
  std::string body = list;
  body +=
      "\nUser-agent: *\nDisallow: /drafts/\nDisallow: /*?preview=\nAllow: /drafts/published$\n"
      "Disallow: /*.pdf$\nDisallow: /private/\nAllow: /private/press/\nDisallow: /search\n"
      "Content-Usage: / train-ai=n\nContent-Signal: search=yes, ai-train=no\n";
  agents.push_back("Googlebot");
  agents.push_back("SomeOtherBot");

  const auto t0 = std::chrono::steady_clock::now();
  const auto robots = RobotsTxt::parse(body);
  const auto t1 = std::chrono::steady_clock::now();

  std::vector<std::string> paths;
  for (int i = 0; i < 1000; ++i) {
    paths.push_back("/blog/2024/" + std::to_string(i) + "/post-title-number-" + std::to_string(i) +
                    (i % 3 == 0 ? "?preview=1" : "") + (i % 7 == 0 ? "/caf%C3%A9" : ""));
  }
  std::size_t disallowed = 0;
  double best_ns = 1e18;
  for (int round = 0; round < 10; ++round) {
    const auto r0 = std::chrono::steady_clock::now();
    for (const auto& path : paths) {
      for (const auto& agent : agents) disallowed += robots.check(agent, path).allowed ? 0 : 1;
    }
    best_ns = std::min(
        best_ns, std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - r0).count());
  }
  const auto checks = paths.size() * agents.size();
  const double parse_us = std::chrono::duration<double, std::micro>(t1 - t0).count();
  const double per_check_ns = best_ns / static_cast<double>(checks);
  std::cout << "agents=" << agents.size() << " parse=" << parse_us << "us checks=" << checks
            << " per_check=" << per_check_ns << "ns disallowed=" << disallowed << "\n";
  CHECK(disallowed > 0);
}
