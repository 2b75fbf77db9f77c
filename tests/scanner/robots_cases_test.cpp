// Data-driven robots.txt verdicts from tests/scanner/robots_cases/ (format in its README.md).
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "core/text.h"
#include "scanner/robots.h"
#include "tests/support/test_support.h"

using namespace exposcan;

TEST_CASE("robots_cases fixtures give the listed verdicts", "[rfc9309][robots-cases]") {
  const auto dir = test::source_dir() / "tests" / "scanner" / "robots_cases";
  int files = 0, cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".cases") continue;
    ++files;
    auto body_path = entry.path();
    body_path.replace_extension(".txt");
    const auto robots = RobotsTxt::parse(test::read_text(body_path));
    const std::string listing = test::read_text(entry.path());
    int number = 0;
    for (std::string_view line : split(listing, '\n')) {
      ++number;
      if (line.empty() || line.front() == '#') continue;
      const auto fields = split(line, '\t');
      INFO(entry.path().filename().string() << ":" << number << ": " << line);
      REQUIRE(fields.size() == 5);
      const RobotsDecision d = robots.check(fields[0], fields[1]);
      CHECK(d.allowed == (fields[2] == "allowed"));
      CHECK(d.line ==
            (fields[3] == "-" ? std::nullopt : std::optional<int>(std::stoi(std::string(fields[3])))));
      CHECK(d.rule == (fields[4] == "-" ? std::nullopt : std::optional<std::string>(fields[4])));
      ++cases;
    }
  }
  CHECK(files >= 4);
  CHECK(cases >= 40);
}
