// Golden files for every reporter on the fixed scan record (tests/reports/fixture_record.h).
// UPDATE_GOLDEN=1 rewrites tests/reports/golden/fixture.*; review the diff before committing.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include "reports/reporters.h"
#include "reports/terminal_report.h"
#include "tests/reports/fixture_record.h"
#include "tests/reports/golden.h"

using namespace exposcan;
using exposcan::test::TempDir;

namespace {

std::string render_to_file(const std::string& format, const std::string& file_name, bool show_values = false) {
  TempDir dir;
  ReportOptions o;
  o.output_path = (dir / file_name).string();
  o.show_values = show_values;
  auto reporter = make_reporter(format, o);
  REQUIRE(reporter);
  auto status = render(test::fixture_record(), **reporter);
  REQUIRE(status);
  struct stat st {};
  REQUIRE(stat(o.output_path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  return test::read_text(o.output_path);
}

}  // namespace

TEST_CASE("golden: JSON report of the fixture record", "[golden]") {
  test::check_golden("fixture.json", render_to_file("json", "report.json"));
}

TEST_CASE("golden: JSON Lines report of the fixture record", "[golden]") {
  test::check_golden("fixture.jsonl", render_to_file("jsonl", "report.jsonl"));
}

TEST_CASE("golden: SARIF report of the fixture record", "[golden]") {
  test::check_golden("fixture.sarif", render_to_file("sarif", "report.sarif"));
}

TEST_CASE("golden: HTML report of the fixture record", "[golden]") {
  test::check_golden("fixture.html", render_to_file("html", "report.html"));
}

TEST_CASE("golden: Markdown report of the fixture record", "[golden]") {
  test::check_golden("fixture.md", render_to_file("md", "report.md"));
}

TEST_CASE("golden: CSV report of the fixture record", "[golden]") {
  test::check_golden("fixture.csv", render_to_file("csv", "report.csv"));
}

TEST_CASE("golden: terminal summary of the fixture record", "[golden]") {
  test::check_golden("fixture.txt", render_to_file("table", "report.txt"));
}

TEST_CASE("golden: terminal summary with colours", "[golden]") {
  ReportOptions o;
  o.color = true;
  test::check_golden("fixture.color.txt", render_terminal(test::fixture_record(), o));
}

// Regression: others' comments on the person's pages were counted as "your" items.
TEST_CASE("golden: terminal summary with someone else's comment under the person's post", "[golden]") {
  test::check_golden("fixture-others.txt", render_terminal(test::fixture_record_with_others_comment(), ReportOptions{}));
}
