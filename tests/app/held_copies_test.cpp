#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>

#include "app/held_copies.h"
#include "reports/json_model.h"
#include "tests/reports/fixture_record.h"

using namespace exposcan;

namespace {

// Every item of the fixture record with its findings (values unredacted), by item id.
std::map<std::string, ItemFindings> fixture_copies() {
  const ScanRecord r = test::fixture_record();
  std::map<std::string, ItemFindings> out;
  for (const auto& item : r.items) out[item.id].item = item;
  for (const auto& f : r.findings) out[f.item_id].findings.push_back(f);
  return out;
}

nlohmann::json as_json(const ItemFindings& x) {
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : x.findings) findings.push_back(finding_to_json(f, true));
  return {{"item", item_to_json(x.item)}, {"findings", findings}};
}

std::vector<ItemFindings> read_back(HeldCopies& held) {
  std::vector<ItemFindings> out;
  auto s = held.each([&](ItemFindings& x) { out.push_back(std::move(x)); });
  REQUIRE(s);
  return out;
}

}  // namespace

TEST_CASE("held copies: each item's copy comes back whole, in item id order", "[held-copies]") {
  auto copies = fixture_copies();
  REQUIRE(copies.size() >= 3);
  HeldCopies held;
  for (auto it = copies.rbegin(); it != copies.rend(); ++it) held.offer(it->second);  // last id first
  CHECK(held.size() == copies.size());
  auto back = read_back(held);
  REQUIRE(back.size() == copies.size());
  auto expected = copies.begin();
  for (const auto& x : back) {
    CHECK(x.item.id == expected->first);
    CHECK(as_json(x) == as_json(expected->second));  // matches keep their values
    CHECK(x.suppressed.empty());
    ++expected;
  }
}

TEST_CASE("held copies: the preferred copy of an item wins whatever the order", "[held-copies]") {
  ItemFindings own = fixture_copies().begin()->second;
  own.item.url = "https://jane.example/posts/a/";
  own.item.source_url = "https://jane.example/posts/a/";  // its own page
  own.item.text = "short";
  ItemFindings listed = own;
  listed.item.source_url = "https://jane.example/";  // the home page's summary: richer, not its own page
  listed.item.text = "a much longer summary of the post than the post page shows";
  ItemFindings poorer = listed;
  poorer.item.source_url = "https://jane.example/posts/";
  poorer.item.text = "less";

  for (int order = 0; order < 3; ++order) {
    HeldCopies held;
    std::vector<const ItemFindings*> offers = {&listed, &own, &poorer};
    std::rotate(offers.begin(), offers.begin() + order, offers.end());
    for (const auto* x : offers) held.offer(*x);
    auto back = read_back(held);
    REQUIRE(back.size() == 1);
    CHECK(back[0].item.source_url == own.item.source_url);
    CHECK(back[0].item.text == "short");
  }

  HeldCopies others;  // neither on its own page: the richer one
  CHECK(others.wants(poorer.item));  // nothing held yet
  others.offer(poorer);
  CHECK(others.wants(listed.item));
  others.offer(listed);
  CHECK_FALSE(others.wants(poorer.item));  // beaten: the pipeline does not even encode it
  CHECK(others.wants(own.item));
  others.offer(HeldCopies::prepare(poorer));  // offered all the same: offer() checks again
  auto back = read_back(others);
  REQUIRE(back.size() == 1);
  CHECK(back[0].item.source_url == "https://jane.example/");
}

TEST_CASE("held copies: nothing offered reads back as nothing", "[held-copies]") {
  HeldCopies held;
  CHECK(held.size() == 0);
  CHECK(read_back(held).empty());
}

TEST_CASE("held copies: without a usable temporary file they are kept in memory, none lost", "[held-copies]") {
  auto copies = fixture_copies();
  SECTION("the file cannot be made") {
    HeldCopies held([]() -> Expected<std::FILE*> { return make_error("io", "no temporary folder"); });
    for (const auto& [id, x] : copies) held.offer(x);
    auto back = read_back(held);
    REQUIRE(back.size() == copies.size());
    CHECK(as_json(back.front()) == as_json(copies.begin()->second));
  }
  SECTION("every write fails, as on a full disk") {
    // A file open for reading only.
    HeldCopies held([]() -> Expected<std::FILE*> { return std::fopen("/dev/null", "rb"); });
    for (const auto& [id, x] : copies) held.offer(x);
    auto back = read_back(held);
    REQUIRE(back.size() == copies.size());
    auto expected = copies.begin();
    for (const auto& x : back) CHECK(as_json(x) == as_json((expected++)->second));
  }
}
