// The streamed JSON report: SpillList puts parts back in key order whatever order they came in,
// and the JSON reporter writes the same bytes as dumping the whole record, for items in id order
// and in any other order.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>
#include <sys/stat.h>

#include "core/fs.h"
#include "reports/json_model.h"
#include "reports/json_report.h"
#include "reports/spill_list.h"
#include "tests/reports/fixture_record.h"
#include "tests/support/test_support.h"

using namespace exposcan;
using exposcan::test::TempDir;

namespace {

std::vector<std::string> drain(SpillList& list) {
  std::vector<std::string> out;
  auto s = list.each_sorted([&](std::string_view part) { out.emplace_back(part); });
  REQUIRE(s);
  return out;
}

// What the report was before it was streamed: the whole record sorted and dumped at once.
std::string dumped(ScanRecord record) {
  sort_record(record);
  return record_to_json(record, true).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string streamed(const ScanRecord& record, const std::filesystem::path& path) {
  ReportOptions o;
  o.output_path = path.string();
  auto reporter = make_json_reporter(o);
  REQUIRE(render(record, *reporter));
  auto text = read_file(path);
  REQUIRE(text);
  return *text;
}

}  // namespace

TEST_CASE("spill list gives parts back in key order and keeps equal keys in arrival order", "[reports][spill]") {
  SpillList in_order;
  for (std::string k : {"a", "b", "b", "c"}) in_order.add(sort_key({k}), "part " + k + std::to_string(in_order.size()));
  CHECK(drain(in_order) == std::vector<std::string>{"part a0", "part b1", "part b2", "part c3"});

  SpillList shuffled;
  shuffled.add(sort_key({"item-2", "rule-b"}), "2b");
  shuffled.add(sort_key({"item-1", "rule-z"}), "1z");
  shuffled.add(sort_key({"item-2", "rule-a"}), "2a first");
  shuffled.add(sort_key({"item-2", "rule-a"}), "2a second");
  shuffled.add(sort_key({"item", "zzz"}), "prefix sorts first");  // ("item", …) < ("item-1", …)
  shuffled.add(sort_key({"item-1", "rule-a"}), std::string(100000, 'x'));
  auto out = drain(shuffled);
  REQUIRE(out.size() == 6);
  CHECK(out[0] == "prefix sorts first");
  CHECK(out[1] == std::string(100000, 'x'));
  CHECK(out[2] == "1z");
  CHECK(out[3] == "2a first");
  CHECK(out[4] == "2a second");
  CHECK(out[5] == "2b");

  SpillList empty;
  CHECK(drain(empty).empty());
}

TEST_CASE("streamed JSON report is byte for byte the dumped record in any arrival order", "[reports][json][spill]") {
  TempDir dir;
  ScanRecord record = test::fixture_record();
  REQUIRE(record.items.size() >= 2);
  const std::string want = dumped(record);

  ScanRecord by_id = record;
  sort_record(by_id);
  CHECK(streamed(by_id, dir / "by-id.json") == want);

  ScanRecord reversed = record;
  std::reverse(reversed.items.begin(), reversed.items.end());
  std::reverse(reversed.findings.begin(), reversed.findings.end());
  CHECK(streamed(reversed, dir / "reversed.json") == want);

  std::mt19937 rng(7);
  ScanRecord shuffled = record;
  std::shuffle(shuffled.items.begin(), shuffled.items.end(), rng);
  CHECK(streamed(shuffled, dir / "shuffled.json") == want);

  struct stat st {};
  REQUIRE(::stat((dir / "shuffled.json").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK_FALSE(std::filesystem::exists(dir / ("shuffled.json.tmp-" + std::to_string(::getpid()))));

  ScanRecord none = record;
  none.items.clear();
  none.findings.clear();
  CHECK(streamed(none, dir / "empty.json") == dumped(none));
}
