// Evidence bundles and letters made from a stored scan (`evidence SCAN -o DIR`, `letter SCAN`)
// through the binary, checked against what the same scan wrote live (`scan --evidence DIR`,
// `--format json -o FILE`).
#include <algorithm>
#include <set>
#include <tuple>

#include "tests/integration/history_fixture.h"

using namespace exposcan::test;
using nlohmann::json;

namespace {

// (target URI, digest of the body) of every record that backs a finding: the pages themselves.
std::set<std::pair<std::string, std::string>> page_records(const json& manifest) {
  std::set<std::string> backing_ids;
  for (const auto& f : manifest["findings"])
    if (!f["response_record"].is_null()) backing_ids.insert(f["response_record"].get<std::string>());
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& r : manifest["warc"]["records"])
    if (backing_ids.count(r["id"].get<std::string>()))
      out.insert({r["target_uri"].get<std::string>(),
                  (r["payload_digest"].is_null() ? r["block_digest"] : r["payload_digest"]).get<std::string>()});
  return out;
}

// (type, target URI, block digest) of every request, response and resource record: the exchanges
// as sent and received, and the site files (metadata records name record ids, which differ).
std::set<std::tuple<std::string, std::string, std::string>> wire_records(const json& manifest) {
  std::set<std::tuple<std::string, std::string, std::string>> out;
  for (const auto& r : manifest["warc"]["records"]) {
    std::string type = r["type"].get<std::string>();
    if (type == "request" || type == "response" || type == "resource")
      out.insert({type, r["target_uri"].get<std::string>(), r["block_digest"].get<std::string>()});
  }
  return out;
}

// fingerprint -> backed by a response record?
std::map<std::string, bool> backing(const json& manifest) {
  std::map<std::string, bool> out;
  for (const auto& f : manifest["findings"]) out[f["fingerprint"].get<std::string>()] = !f["response_record"].is_null();
  return out;
}

}  // namespace

TEST_CASE("evidence SCAN writes a bundle from a stored scan that verifies", "[history][evidence]") {
  HistoryFixture fx;
  const auto live_dir = fx.dir / "live-bundle", stored_dir = fx.dir / "stored-bundle";
  auto scan = fx.run(fx.scan_args({"https://jane.example/", "https://www.instagram.com/janeexample/", "--format", "json", "-o",
                                   (fx.dir / "live.json").string(), "--evidence", live_dir.string()}));
  INFO(scan.err);
  REQUIRE(scan.exit_code == 0);

  auto r = fx.exposcan({"evidence", "last", "-o", stored_dir.string(), "--state", fx.state});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("Evidence bundle for scan 1 written to " + stored_dir.string() + " (", 0) == 0);
  for (const char* f : {"scan.warc.gz", "manifest.json", "report.html", "report.json", "timestamp.tsq"})
    CHECK(std::filesystem::exists(stored_dir / f));

  auto v = fx.exposcan({"evidence", "verify", stored_dir.string()});
  INFO(v.out);
  CHECK(v.exit_code == 0);
  CHECK(v.out.find("verified: every hash and WARC digest matches") != std::string::npos);

  const json live = read_json(live_dir / "manifest.json"), stored = read_json(stored_dir / "manifest.json");
  CHECK(stored["scan"]["id"] == "1");
  CHECK(stored["scan"]["id"] == live["scan"]["id"]);
  CHECK(stored["scan"]["targets"] == live["scan"]["targets"]);
  CHECK(stored["rule_packs"] == live["rule_packs"]);
  // the same findings, backed by the same pages with the same bodies
  CHECK(backing(stored) == backing(live));
  size_t backed = 0;
  for (const auto& [_, b] : backing(stored)) backed += b;
  CHECK(backed >= 5);
  auto live_pages = page_records(live), stored_pages = page_records(stored);
  CHECK_FALSE(stored_pages.empty());
  CHECK(stored_pages == live_pages);
  // The store keeps the site files, the remote IP and the heads as sent (schema v4): the stored
  // bundle's request, response and site-file records are the live bundle's, byte for byte.
  const auto live_wire = wire_records(live), stored_wire = wire_records(stored);
  CHECK(stored_wire == live_wire);
  auto count = [](const auto& records, const std::string& type, const std::string& uri_end) {
    return std::count_if(records.begin(), records.end(), [&](const auto& r) {
      const std::string& uri = std::get<1>(r);
      return std::get<0>(r) == type && uri.size() >= uri_end.size() && uri.compare(uri.size() - uri_end.size(), uri_end.size(), uri_end) == 0;
    });
  };
  CHECK(count(stored_wire, "request", "") >= 2);
  CHECK(count(stored_wire, "resource", "/robots.txt") >= 1);
  // the bundle's report is the scan's report, values shown (as in the live bundle)
  CHECK(read_json(stored_dir / "report.json")["findings"] == read_json(live_dir / "report.json")["findings"]);
  CHECK(read_json(stored_dir / "report.json")["findings"] == read_json(fx.dir / "live.json")["findings"]);

  // a byte changed in the stored bundle's WARC is caught
  std::string warc = read_text(stored_dir / "scan.warc.gz");
  warc[warc.size() / 2] ^= 0x01;
  std::ofstream(stored_dir / "scan.warc.gz", std::ios::binary | std::ios::trunc) << warc;
  auto tampered = fx.exposcan({"evidence", "verify", stored_dir.string()});
  CHECK(tampered.exit_code == 1);
  CHECK(tampered.out.find("FAIL  scan.warc.gz: ") != std::string::npos);
}

TEST_CASE("a scan without --evidence still keeps what a later bundle needs", "[history][evidence]") {
  // Scheduled scans rarely ask for a bundle; the one made later from the store must still have
  // the requests as sent and the site files.
  HistoryFixture fx;
  auto scan = fx.run(fx.scan_args({"https://jane.example/", "--format", "json", "-o", (fx.dir / "r.json").string()}));
  INFO(scan.err);
  REQUIRE(scan.exit_code == 0);
  const auto bundle = fx.dir / "later";
  auto r = fx.exposcan({"evidence", "last", "-o", bundle.string(), "--state", fx.state});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto records = wire_records(read_json(bundle / "manifest.json"));
  size_t requests = 0, responses = 0, robots = 0;
  for (const auto& [type, uri, digest] : records) {
    requests += type == "request";
    responses += type == "response";
    robots += type == "resource" && uri == "https://jane.example/robots.txt";
  }
  CHECK(requests >= 1);
  CHECK(requests == responses);
  CHECK(robots == 1);
  CHECK(fx.exposcan({"evidence", "verify", bundle.string()}).exit_code == 0);
}

TEST_CASE("evidence SCAN: unknown scans and missing stores are usage errors", "[history][evidence][cli]") {
  HistoryFixture fx;
  const auto out = (fx.dir / "b").string();
  auto missing = fx.exposcan({"evidence", "1", "-o", out, "--state", fx.state});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "exposcan: error: no history at " + fx.state + " (run a scan first, or pass --state FILE)\n");
  REQUIRE(fx.run(fx.scan_args({"https://jane.example/"})).exit_code == 0);
  auto unknown = fx.exposcan({"evidence", "9", "-o", out, "--state", fx.state});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "exposcan: error: no scan '9' in " + fx.state + "\n");
  auto no_dir = fx.exposcan({"evidence", "1", "--state", fx.state});
  CHECK(no_dir.exit_code == 2);
  CHECK(no_dir.err == "exposcan: error: evidence: -o DIR is required\n");
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("letter SCAN reads a stored scan as it reads the JSON report", "[history][letter]") {
  HistoryFixture fx;
  auto demo = fx.exposcan({"demo", "--out", (fx.dir / "demo").string(), "--quiet", "--per-host-rate", "0", "--state", fx.state});
  INFO(demo.err);
  REQUIRE(demo.exit_code == 0);
  const std::string identity = (source_dir() / "samples" / "identity.yaml").string();
  auto from_file = fx.exposcan({"letter", (fx.dir / "demo" / "report.json").string(), "--kind", "objection", "--platform", "meta",
                                "--identity", identity, "--date", "2026-11-26"});
  INFO(from_file.err);
  REQUIRE(from_file.exit_code == 0);
  CHECK(from_file.out.find("# Objection under Article 21(1) GDPR") == 0);
  auto from_store = fx.exposcan({"letter", "last", "--state", fx.state, "--kind", "objection", "--platform", "meta",
                                 "--identity", identity, "--date", "2026-11-26"});
  INFO(from_store.err);
  REQUIRE(from_store.exit_code == 0);
  CHECK(from_store.out == from_file.out);
  auto unknown = fx.exposcan({"letter", "7", "--state", fx.state, "--kind", "access", "--identity", identity});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "exposcan: error: no scan '7' in " + fx.state + "\n");
  auto not_a_file = fx.exposcan({"letter", (fx.dir / "nope.json").string(), "--kind", "access", "--identity", identity});
  CHECK(not_a_file.exit_code == 2);
  CHECK(not_a_file.err == "exposcan: error: letter: cannot read " + (fx.dir / "nope.json").string() +
                              " (a JSON report file, or a stored scan: an id, last or previous)\n");
}
