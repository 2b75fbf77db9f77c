// The evidence bundle: written from a scan record and its pages, re-checked by
// `verify_evidence_bundle`, read back by an independent WARC reader (warcio.js), and a tampered
// byte in any file makes verification fail and name that file.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <cctype>
#include <fstream>
#include <sstream>
#include <map>
#include <set>

#include "core/fs.h"
#include "core/hash.h"
#include "reports/evidence_bundle.h"
#include "reports/evidence_verify.h"
#include "reports/timestamp_request.h"
#include "reports/warc_reader.h"
#include "tests/reports/evidence_fixture.h"
#include "tests/reports/warcio.h"

using namespace exposcan;
using nlohmann::json;
using exposcan::test::TempDir;

namespace {

EvidenceSummary write_fixture_bundle(const std::filesystem::path& dir) {
  auto pages = test::fixture_pages();
  EvidenceOptions o;
  o.make_record_id = test::counting_ids();
  o.created = test::at("2026-11-26T08:00:00Z");
  o.requests_sent = {{"objection", "meta", "2026-11-20"}};
  auto s = write_evidence_bundle(test::fixture_record(), pages, dir, o);
  REQUIRE(s);
  return *s;
}

std::string problems_text(const VerifyReport& r) { return format_verify_report(r, "bundle"); }

void flip_byte(const std::filesystem::path& file, size_t offset) {
  std::string bytes = test::read_text(file);
  REQUIRE(offset < bytes.size());
  bytes[offset] = static_cast<char>(bytes[offset] ^ 0x01);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

bool names(const VerifyReport& r, const std::string& file) {
  for (const auto& p : r.problems)
    if (p.file == file) return true;
  return false;
}

}  // namespace

TEST_CASE("evidence bundle: the folder holds the WARC, manifest, HTML report and time-stamp request, mode 0600", "[evidence]") {
  TempDir dir;
  auto summary = write_fixture_bundle(dir.path() / "bundle");
  for (const char* f : {"scan.warc.gz", "manifest.json", "report.html", "timestamp.tsq", "report.json"}) {
    struct stat st {};
    INFO(f);
    REQUIRE(stat((dir.path() / "bundle" / f).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
  }
  struct stat st {};
  REQUIRE(stat((dir.path() / "bundle").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  CHECK(summary.pages == 5);
  CHECK(summary.findings_backed == 5);    // every finding but the timeout
  CHECK(summary.findings_unbacked == 1);
}

TEST_CASE("evidence bundle: the manifest lists hashes, tool, packs, scan times and sent requests", "[evidence]") {
  TempDir dir;
  auto summary = write_fixture_bundle(dir.path());
  std::string text = test::read_text(dir / "manifest.json");
  CHECK(sha256_hex(text) == summary.manifest_sha256);
  json m = json::parse(text);
  CHECK(m["format"] == "exposcan-evidence-bundle");
  CHECK(m["version"] == 1);
  CHECK(m["tool"]["version"] == "0.1.0");
  CHECK(m["scan"]["started"] == "2026-11-26T07:14:38Z");
  CHECK(m["scan"]["finished"] == "2026-11-26T07:14:50Z");
  CHECK(m["rule_packs"].size() == 2);
  CHECK(m["rule_packs"][1]["sha256"] == sha256_hex("pii"));
  std::set<std::string> files;
  for (const auto& f : m["files"]) {
    files.insert(f["path"]);
    CHECK(f["sha256"] == sha256_hex(test::read_text(dir / f["path"].get<std::string>())));
  }
  CHECK(files == std::set<std::string>{"scan.warc.gz", "report.html", "report.json"});
  CHECK(m["requests_sent"][0]["sent"] == "2026-11-20");
  size_t backed = 0;
  for (const auto& f : m["findings"]) backed += f["response_record"].is_string();
  CHECK(backed == 5);
  CHECK(m["warc"]["records"].size() == summary.records);
}

TEST_CASE("evidence bundle: WARC records in order with links and SHA-256 digests", "[evidence]") {
  TempDir dir;
  write_fixture_bundle(dir.path());
  auto records = read_warc(test::read_text(dir / "scan.warc.gz"));
  REQUIRE(records);
  const auto& rs = *records;
  CHECK(rs[0].field("WARC-Type") == "warcinfo");
  CHECK(rs[0].member == 1);
  CHECK(!rs[0].has("WARC-Target-URI"));
  CHECK(rs[0].block.find("software: exposcan/0.1.0") != std::string::npos);
  std::map<std::string, const WarcRecordView*> by_id;
  std::map<std::string, size_t> types;
  for (const auto& r : rs) {
    by_id[r.field("WARC-Record-ID")] = &r;
    types[r.field("WARC-Type")]++;
    INFO(r.field("WARC-Record-ID"));
    CHECK(check_warc_record(r).empty());
    CHECK(r.version == "WARC/1.1");
    CHECK(r.field("WARC-Block-Digest") == "sha256:" + sha256_hex(r.block));
    if (r.field("WARC-Type") != "warcinfo") CHECK(r.field("WARC-Warcinfo-ID") == rs[0].field("WARC-Record-ID"));
  }
  CHECK(types["response"] == 5);
  CHECK(types["request"] == 3);  // the Latin-1 page and the page without a captured head have none
  CHECK(types["resource"] == 1);  // jane.example/robots.txt
  CHECK(types["metadata"] == 6);  // one per page + the jane.example site signals
  size_t h2 = 0;
  for (const auto& r : rs) {
    if (r.field("WARC-Type") == "response") {
      CHECK(r.field("Content-Type") == "application/http;msgtype=response");
      CHECK(r.block.rfind("HTTP/1.1 ", 0) == 0);
      CHECK(r.field("WARC-IP-Address") == "127.0.0.1");
      std::string req = r.field("WARC-Concurrent-To");
      if (!req.empty()) {
        REQUIRE(by_id.count(req));
        CHECK(by_id[req]->field("WARC-Type") == "request");
        CHECK(by_id[req]->field("WARC-Date") == r.field("WARC-Date"));
        CHECK(by_id[req]->field("WARC-Target-URI") == r.field("WARC-Target-URI"));
      }
      if (r.field("WARC-Protocol") == "h2") ++h2;
      size_t body = r.block.find("\r\n\r\n") + 4;
      CHECK(r.field("WARC-Payload-Digest") == "sha256:" + sha256_hex(r.block.substr(body)));
    }
    if (r.field("WARC-Type") == "metadata" && r.has("WARC-Refers-To")) {
      REQUIRE(by_id.count(r.field("WARC-Refers-To")));
      CHECK(by_id[r.field("WARC-Refers-To")]->field("WARC-Target-URI") == r.field("WARC-Target-URI"));
      json meta = json::parse(r.block);
      CHECK(meta["exposcan"] == "findings");
      REQUIRE(!meta["findings"].empty());
      for (const auto& f : meta["findings"]) {
        CHECK(f["url"].is_string());
        for (const auto& m : f["matches"]) CHECK(m["value"] != "jane@example.org");  // redacted in metadata
      }
    }
  }
  CHECK(h2 == 1);
}

TEST_CASE("evidence bundle: the decoded gzip response declares what changed", "[evidence]") {
  TempDir dir;
  write_fixture_bundle(dir.path());
  auto records = read_warc(test::read_text(dir / "scan.warc.gz"));
  REQUIRE(records);
  bool seen = false;
  for (const auto& r : *records) {
    if (r.field("WARC-Type") != "response" || r.field("WARC-Target-URI") != "https://jane.example/") continue;
    seen = true;
    CHECK(r.field("Exposcan-Transform").find("content-coding 'gzip' decoded by libcurl") != std::string::npos);
    CHECK(r.block.find("X-Exposcan-Orig-Content-Encoding: gzip\r\n") != std::string::npos);
  }
  CHECK(seen);
}

TEST_CASE("evidence verify: a fresh bundle passes", "[evidence]") {
  TempDir dir;
  auto summary = write_fixture_bundle(dir.path());
  VerifyReport r = verify_evidence_bundle(dir.path());
  INFO(problems_text(r));
  CHECK(r.ok());
  CHECK(r.records == summary.records);
  CHECK(r.notes.empty());
  CHECK(problems_text(r).find("evidence bundle bundle verified: every hash and WARC digest matches\n") != std::string::npos);
}

TEST_CASE("evidence verify: a tampered byte in any file fails and names the file", "[evidence]") {
  for (std::string file : {"scan.warc.gz", "report.html", "report.json", "manifest.json", "timestamp.tsq"}) {
    DYNAMIC_SECTION(file) {
      TempDir dir;
      write_fixture_bundle(dir.path());
      size_t size = test::read_text(dir / file).size();
      for (size_t offset : {size_t{5}, size / 2, size - 3}) {
        TempDir copy;
        for (const auto& e : std::filesystem::directory_iterator(dir.path())) std::filesystem::copy(e.path(), copy / e.path().filename().string());
        flip_byte(copy / file, offset);
        VerifyReport r = verify_evidence_bundle(copy.path());
        INFO(file << " byte " << offset << "\n" << problems_text(r));
        CHECK(!r.ok());
        CHECK(names(r, file));
      }
    }
  }
}

TEST_CASE("evidence verify: a corrupt gzip member is named with its position", "[evidence]") {
  TempDir dir;
  write_fixture_bundle(dir.path());
  std::string warc = test::read_text(dir / "scan.warc.gz");
  auto records = read_warc(warc);
  REQUIRE(records);
  size_t third = (*records)[2].offset;  // the third member
  std::string bad = warc;
  bad[third + 30] = static_cast<char>(bad[third + 30] ^ 0x55);
  auto again = read_warc(bad);
  REQUIRE(!again);
  CHECK(again.error().message.rfind("gzip member 3 at byte " + std::to_string(third) + ": ", 0) == 0);

  std::ofstream(dir / "scan.warc.gz", std::ios::binary | std::ios::trunc) << bad;
  VerifyReport r = verify_evidence_bundle(dir.path());
  CHECK(!r.ok());
  std::string text = problems_text(r);
  CHECK(text.find("FAIL  scan.warc.gz: gzip member 3 at byte " + std::to_string(third)) != std::string::npos);
  CHECK(text.find("FAIL  scan.warc.gz: SHA-256 differs from manifest.json\n") != std::string::npos);
}

TEST_CASE("evidence verify: a truncated WARC fails", "[evidence]") {
  TempDir dir;
  write_fixture_bundle(dir.path());
  std::string warc = test::read_text(dir / "scan.warc.gz");
  std::ofstream(dir / "scan.warc.gz", std::ios::binary | std::ios::trunc) << warc.substr(0, warc.size() - 10);
  VerifyReport r = verify_evidence_bundle(dir.path());
  CHECK(!r.ok());
  CHECK(problems_text(r).find("FAIL  scan.warc.gz: gzip member ") != std::string::npos);
}

TEST_CASE("evidence verify: missing files and an unreadable manifest are named", "[evidence]") {
  TempDir dir;
  write_fixture_bundle(dir.path());
  std::filesystem::remove(dir / "report.html");
  std::filesystem::remove(dir / "timestamp.tsq");
  VerifyReport r = verify_evidence_bundle(dir.path());
  std::string text = problems_text(r);
  CHECK(text.find("FAIL  report.html: is missing or cannot be read\n") != std::string::npos);
  CHECK(text.find("FAIL  timestamp.tsq: is missing or cannot be read\n") != std::string::npos);
  CHECK(text.find("FAILED verification: 2 problem(s)\n") != std::string::npos);

  TempDir empty;
  VerifyReport none = verify_evidence_bundle(empty.path());
  REQUIRE(none.problems.size() == 1);
  CHECK(none.problems[0].file == "manifest.json");
  CHECK(none.problems[0].message.rfind("cannot be read", 0) == 0);
}

TEST_CASE("evidence verify: files the manifest does not list are notes not failures", "[evidence]") {
  TempDir dir;
  write_fixture_bundle(dir.path());
  std::ofstream(dir / "reply.tsr") << "x";
  VerifyReport r = verify_evidence_bundle(dir.path());
  CHECK(r.ok());
  REQUIRE(r.notes.size() == 1);
  CHECK(problems_text(r).find("note  reply.tsr: is not listed in manifest.json") != std::string::npos);
}

TEST_CASE("evidence bundle: the time-stamp request is RFC 3161 over the manifest hash", "[evidence]") {
  TempDir dir;
  auto summary = write_fixture_bundle(dir.path());
  auto info = parse_timestamp_request(test::read_text(dir / "timestamp.tsq"));
  REQUIRE(info);
  CHECK(info->version == 1);
  CHECK(info->hash_algorithm == "SHA256");
  CHECK(info->imprint_hex == summary.manifest_sha256);
  CHECK(info->cert_req);
  CHECK(info->nonce_hex.size() == 16);

  std::string openssl = test::find_program("openssl");
  REQUIRE(!openssl.empty());
  auto r = test::run_process({openssl, "ts", "-query", "-in", (dir / "timestamp.tsq").string(), "-text"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Version: 1") != std::string::npos);
  CHECK(r.out.find("Hash Algorithm: sha256") != std::string::npos);
  CHECK(r.out.find("Certificate required: yes") != std::string::npos);
  // openssl prints the imprint as "xx xx xx ..." hex bytes over lines; compare digits only.
  size_t at = r.out.find("Message data:");
  REQUIRE(at != std::string::npos);
  size_t end = r.out.find("Policy OID", at);
  std::string hex;
  std::istringstream lines(r.out.substr(at, end - at));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    size_t dash = line.find(" - ");
    if (dash == std::string::npos) continue;
    std::string bytes = line.substr(dash + 3, 48);
    for (char c : bytes)
      if (std::isxdigit(static_cast<unsigned char>(c))) hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  CHECK(hex == summary.manifest_sha256);
}

TEST_CASE("evidence bundle: warcio.js reads every record and agrees with every digest", "[evidence][warcio]") {
  TempDir dir;
  auto summary = write_fixture_bundle(dir.path());
  json out = test::warcio_check(dir / "scan.warc.gz");
  REQUIRE(out["records"].size() == summary.records);
  std::map<std::string, size_t> types;
  for (const auto& r : out["records"]) {
    INFO(r.dump());
    types[r["type"]]++;
    CHECK(r["blockOk"] == true);
    if (r["type"] == "response") {
      CHECK(r["payloadOk"] == true);
      CHECK(r["status"] == 200);
    }
  }
  CHECK(types["warcinfo"] == 1);
  CHECK(types["response"] == 5);
  CHECK(types["request"] == 3);
  CHECK(out["records"][0]["type"] == "warcinfo");
}
