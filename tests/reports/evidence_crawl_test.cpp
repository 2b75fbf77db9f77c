// The evidence bundle from a real crawl: libcurl against the loopback sample server with wire
// capture on (gzip-encoded bodies, keep-alive), pages kept by EvidenceCollector, then checked by
// `verify_evidence_bundle` and by warcio.js.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/hash.h"
#include "core/url.h"
#include "reports/evidence_bundle.h"
#include "reports/evidence_verify.h"
#include "reports/warc_reader.h"
#include "tests/reports/warcio.h"
#include "tests/scanner/crawl_fixture.h"

using namespace exposcan;
using nlohmann::json;

namespace {

struct CrawledScan {
  ScanRecord record;
  std::vector<Page> pages;
  size_t delivered = 0;
};

// Crawls jane.example and cites every delivered page in one finding, as the pipeline would.
CrawledScan crawl_jane(bool capture) {
  static test::CrawlFixture fx;
  CrawlOptions o = fx.options();
  o.capture_wire = capture;
  o.max_pages = 8;
  EvidenceCollector collector;
  CrawledScan out;
  std::mutex mutex;
  test::PageLog log;
  auto follow = log.handler();
  Crawler crawler(o, [&](const Page& p) {
    auto links = follow(p);
    Finding f;
    f.rule_id = "test.page";
    f.item_id = p.final_url;
    f.url = p.final_url;
    f.verdict = Verdict::trainable;
    f.evidence = {p.final_url, p.status, p.fetched_at, p.sha256};
    f.fingerprint = sha256_hex(p.final_url);
    collector.add(p, std::span<const Finding>(&f, 1));
    std::lock_guard lock(mutex);
    if (p.ok()) {
      out.record.findings.push_back(f);
      ++out.delivered;
    }
    return links;
  });
  CrawlStats stats = crawler.run({CrawlTarget{"https://jane.example/", "https://jane.example/", {}, {}}});
  out.record.scan.id = "crawl";
  out.record.scan.tool_version = "0.1.0";
  out.record.scan.targets = {"https://jane.example/"};
  out.record.scan.pages_fetched = stats.pages_fetched;
  out.record.scan.status = "complete";
  out.pages = collector.pages();
  return out;
}

}  // namespace

TEST_CASE("evidence from a crawl: captured requests and decoded gzip responses verify", "[evidence][crawl]") {
  CrawledScan scan = crawl_jane(true);
  REQUIRE(scan.delivered >= 3);
  test::TempDir dir;
  auto summary = write_evidence_bundle(scan.record, scan.pages, dir.path());
  REQUIRE(summary);
  CHECK(summary->findings_unbacked == 0);
  VerifyReport r = verify_evidence_bundle(dir.path());
  INFO(format_verify_report(r, "bundle"));
  CHECK(r.ok());

  auto records = read_warc(test::read_text(dir / "scan.warc.gz"));
  REQUIRE(records);
  size_t requests = 0, gzip = 0, robots = 0;
  for (const auto& rec : *records) {
    std::string type = rec.field("WARC-Type");
    if (type == "request") {
      ++requests;
      CHECK(rec.block.rfind("GET /", 0) == 0);
      CHECK(rec.block.find("\r\nHost: jane.example\r\n") != std::string::npos);
      CHECK(rec.block.find("User-Agent: exposcan-test/1\r\n") != std::string::npos);
      CHECK(rec.block.substr(rec.block.size() - 4) == "\r\n\r\n");
    }
    if (type == "response" && rec.block.find("X-Exposcan-Orig-Content-Encoding: gzip") != std::string::npos) ++gzip;
    if (type == "resource" && rec.field("WARC-Target-URI") == "https://jane.example/robots.txt") {
      ++robots;
      CHECK(rec.block.find("GPTBot") != std::string::npos);
    }
  }
  CHECK(requests == summary->pages);
  CHECK(gzip >= 1);  // the sample server gzips bodies over 1 KiB
  CHECK(robots == 1);

  json out = test::warcio_check(dir / "scan.warc.gz");
  REQUIRE(out["records"].size() == records->size());
  for (const auto& rec : out["records"]) {
    INFO(rec.dump());
    CHECK(rec["blockOk"] == true);
    if (rec["type"] == "response") CHECK(rec["payloadOk"] == true);
  }
}

TEST_CASE("evidence from a crawl without wire capture: heads are rebuilt and declared", "[evidence][crawl]") {
  CrawledScan scan = crawl_jane(false);
  REQUIRE(scan.delivered >= 1);
  test::TempDir dir;
  auto summary = write_evidence_bundle(scan.record, scan.pages, dir.path());
  REQUIRE(summary);
  CHECK(verify_evidence_bundle(dir.path()).ok());
  auto records = read_warc(test::read_text(dir / "scan.warc.gz"));
  REQUIRE(records);
  for (const auto& rec : *records) CHECK(rec.field("WARC-Type") != "request");
}
