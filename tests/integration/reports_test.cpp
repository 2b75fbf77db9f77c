// Every report format and the evidence bundle, end to end with the real binary: `exposcan demo`
// writes all of them (checked against the JSON schema, the SARIF 2.1.0 schema, headless Chromium
// and warcio.js, and against golden files with the scan's own times normalised); `scan` streams
// redacted formats to stdout; `evidence verify` passes and fails naming the file; `letter`
// writes the sample objection letter in samples/letters/.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/time.h"
#include "samples/sample_server.h"
#include "tests/reports/chromium.h"
#include "tests/reports/golden.h"
#include "tests/reports/png_image.h"
#include "tests/reports/warcio.h"
#include "tests/support/test_support.h"

using nlohmann::json;
using exposcan::test::run_process;
using exposcan::test::TempDir;

namespace {

const std::vector<std::string> k_files = {"report.json", "report.jsonl", "report.sarif", "report.html", "report.md", "report.csv"};

struct Demo {
  exposcan::test::RunResult result;
  std::filesystem::path dir;
  json report;
};

const Demo& demo() {
  static TempDir tmp;
  static Demo d = [] {
    Demo r;
    r.dir = tmp.path() / "out";
    r.result = run_process({EXPOSCAN_BIN, "demo", "--out", r.dir.string(), "--quiet", "--per-host-rate", "0"},
                           {"EXPOSCAN_FINGERPRINT_KEY=test-key", "NO_COLOR=1"});
    r.report = json::parse(exposcan::test::read_text(r.dir / "report.json"));
    return r;
  }();
  return d;
}

exposcan::test::RunResult validate(const std::filesystem::path& schema, const std::filesystem::path& doc) {
  std::string python = exposcan::test::find_program("python3");
  REQUIRE(!python.empty());
  return run_process({python, (exposcan::test::source_dir() / "tests/reports/validate_json.py").string(), schema.string(), doc.string()});
}

// The scan's own times (start, end, fetch times: within a minute of the run), its id and its
// duration vary from run to run; everything else in the demo's reports is deterministic.
std::string normalise(const std::string& text, const json& report) {
  auto started = exposcan::parse_datetime(report["scan"]["started"].get<std::string>());
  auto finished = exposcan::parse_datetime(report["scan"]["finished"].get<std::string>());
  REQUIRE(started);
  REQUIRE(finished);
  static const std::regex k_time(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)");
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), k_time);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    auto t = exposcan::parse_datetime(it->str());
    bool scan_time = t && *t >= *started - std::chrono::minutes(1) && *t <= *finished + std::chrono::minutes(1);
    out += text.substr(last, static_cast<size_t>(it->position()) - last);
    out += scan_time ? "<scan-time>" : it->str();
    last = static_cast<size_t>(it->position() + it->length());
  }
  out += text.substr(last);
  // The demo keeps its history in a fresh store, so its scan id is always the first one ("1"): it
  // is compared as it is (replacing "1" everywhere would also rewrite agent names and versions).
  out = std::regex_replace(out, std::regex(R"(fetched in \d+\.\d s)"), "fetched in <secs> s");
  std::string dir = demo().dir.string();
  for (size_t at = out.find(dir); at != std::string::npos; at = out.find(dir, at)) out.replace(at, dir.size(), "<out>");
  out = std::regex_replace(out, std::regex(R"(exposcan \d+\.\d+\.\d+)"), "exposcan <version>");
  out = std::regex_replace(out, std::regex(R"("version": "\d+\.\d+\.\d+")"), "\"version\": \"<version>\"");
  return out;
}

bool has_raw_values(const std::string& text) {
  return text.find("jane@example.org") != std::string::npos || text.find("202-555-0147") != std::string::npos;
}

// A scan of jane.example against the sample server (user-directed, as the demo does).
struct SampleScan {
  exposcan::samples::SampleServer server;
  TempDir dir;
  std::vector<std::string> args;
  SampleScan() {
    REQUIRE(server.start());
    std::ofstream(dir / "ca.pem") << server.ca_pem();
    args = {EXPOSCAN_BIN, "scan", "https://jane.example/", "--quiet", "--max-pages", "6", "--per-host-rate", "0", "--cacert", (dir / "ca.pem").string(),
            "--identity", (exposcan::test::source_dir() / "samples" / "identity.yaml").string()};
    for (const auto& h : server.hostnames()) {
      args.push_back("--connect-to");
      args.push_back(h + ":443:127.0.0.1:" + std::to_string(server.port()));
    }
  }
  exposcan::test::RunResult run(std::vector<std::string> extra) {
    std::vector<std::string> a = args;
    a.insert(a.end(), extra.begin(), extra.end());
    return run_process(a, {"EXPOSCAN_FINGERPRINT_KEY=test-key", "NO_COLOR=1"});
  }
};

}  // namespace

TEST_CASE("demo writes every report format and the evidence bundle with mode 0600", "[reports][demo]") {
  const Demo& d = demo();
  INFO(d.result.err);
  REQUIRE(d.result.exit_code == 0);
  for (const auto& f : k_files) {
    struct stat st {};
    INFO(f);
    REQUIRE(stat((d.dir / f).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
  }
  for (const char* f : {"scan.warc.gz", "manifest.json", "report.html", "timestamp.tsq"})
    CHECK(std::filesystem::exists(d.dir / "evidence" / f));
  CHECK(d.result.out.find("Reports written to " + d.dir.string() + ": report.json, report.jsonl, report.sarif, report.html, report.md, report.csv") !=
        std::string::npos);
  CHECK(!has_raw_values(d.result.out));  // the terminal summary is redacted
}

TEST_CASE("demo: report.json validates against report.schema.json", "[reports][demo][schema]") {
  auto r = validate(exposcan::test::source_dir() / "reports" / "report.schema.json", demo().dir / "report.json");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
}

TEST_CASE("demo: report.sarif validates against the SARIF 2.1.0 schema", "[reports][demo][schema]") {
  auto r = validate(exposcan::test::shared_dir() / "data" / "sarif" / "sarif-schema-2.1.0.json", demo().dir / "report.sarif");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  json s = json::parse(exposcan::test::read_text(demo().dir / "report.sarif"));
  const json& run = s["runs"][0];
  CHECK(run["results"].size() == demo().report["findings"].size());
  CHECK(run["tool"]["driver"]["rules"].size() > run["results"].size() / 4);  // every rule the engine ran
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  for (const auto& r2 : run["results"]) {
    std::string uri = r2["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    CHECK(std::filesystem::exists(demo().dir / uri));
  }
  CHECK(!has_raw_values(exposcan::test::read_text(demo().dir / "report.sarif")));
}

TEST_CASE("demo: JSON Lines carries the same items and findings as the JSON report", "[reports][demo]") {
  std::istringstream in(exposcan::test::read_text(demo().dir / "report.jsonl"));
  std::map<std::string, size_t> types;
  json end;
  for (std::string line; std::getline(in, line);) {
    json j = json::parse(line);
    types[j["type"]]++;
    if (j["type"] == "end") end = j["data"];
  }
  CHECK(types["begin"] == 1);
  CHECK(types["end"] == 1);
  CHECK(types["item"] == demo().report["items"].size());
  CHECK(types["finding"] == demo().report["findings"].size());
  CHECK(end["summary"] == demo().report["summary"]);
}

TEST_CASE("demo: the HTML report renders in Chromium and its self-check matches the JSON", "[reports][demo][chromium]") {
  auto html = demo().dir / "report.html";
  std::string dom = exposcan::test::dump_dom(html);
  CHECK(exposcan::test::html_attribute(dom, "data-selfcheck") == "ok");
  CHECK(exposcan::test::html_attribute(dom, "data-dom-findings") == std::to_string(demo().report["findings"].size()));
  size_t trainable = 0;
  for (const auto& f : demo().report["findings"]) trainable += f["verdict"] == "trainable";
  std::string filtered = exposcan::test::dump_dom(html, "#verdict=trainable");
  CHECK(exposcan::test::html_attribute(filtered, "data-visible-findings") == std::to_string(trainable));
  // The headline counts the person's own items: the summary's counts less the items by others.
  const json& s = demo().report["summary"];
  auto yours = [&s](const char* count) { return std::to_string(s[count].get<int>() - s["by_others"][count].get<int>()); };
  std::string sentence = yours("trainable_items") + " of your " + yours("public_items") + " public items can be used to train AI; " +
                         yours("trainable_with_personal_data") + " carry your personal data.";
  CHECK(dom.find(sentence) != std::string::npos);
  CHECK(s["by_others"]["public_items"].get<int>() > 0);  // the reposts in the Threads and Bluesky feeds
  CHECK(dom.find("Also on your pages: " + std::to_string(s["by_others"]["public_items"].get<int>()) + " public item(s) by others") !=
        std::string::npos);

  auto png = exposcan::test::test_output_dir() / "demo-report.png";
  exposcan::test::screenshot(html, png, 1280, 2000);
  auto img = exposcan::test::decode_png(exposcan::test::read_text(png));
  REQUIRE(img);
  CHECK(img->ink() > 0.05);
  CHECK(img->colours() > 50);
}

TEST_CASE("demo: golden files for every format with the scan's times normalised", "[reports][demo][golden]") {
  for (const auto& f : k_files) {
    INFO(f);
    exposcan::test::check_golden("demo/" + f, normalise(exposcan::test::read_text(demo().dir / f), demo().report));
  }
  exposcan::test::check_golden("demo/terminal.txt", normalise(demo().result.out, demo().report));
}

TEST_CASE("demo: the evidence bundle verifies and warcio.js reads it", "[reports][demo][evidence]") {
  auto dir = demo().dir / "evidence";
  auto r = run_process({EXPOSCAN_BIN, "evidence", "verify", dir.string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("evidence bundle " + dir.string() + " verified: every hash and WARC digest matches\n") != std::string::npos);
  json manifest = json::parse(exposcan::test::read_text(dir / "manifest.json"));
  size_t backed = 0;
  for (const auto& f : manifest["findings"]) backed += f["response_record"].is_string();
  CHECK(backed == demo().report["findings"].size());  // every finding's page is in the WARC

  json out = exposcan::test::warcio_check(dir / "scan.warc.gz");
  size_t responses = 0, requests = 0;
  for (const auto& rec : out["records"]) {
    INFO(rec.dump());
    CHECK(rec["blockOk"] == true);
    if (rec["type"] == "response") {
      ++responses;
      CHECK(rec["payloadOk"] == true);
    }
    requests += rec["type"] == "request";
  }
  CHECK(responses > 0);
  CHECK(requests == responses);  // the demo captures request heads
}

TEST_CASE("evidence verify: a tampered byte exits 1 and names the file", "[reports][evidence]") {
  for (std::string file : {"scan.warc.gz", "report.html", "manifest.json", "timestamp.tsq"}) {
    TempDir copy;
    for (const auto& e : std::filesystem::directory_iterator(demo().dir / "evidence"))
      std::filesystem::copy(e.path(), copy / e.path().filename().string());
    std::string bytes = exposcan::test::read_text(copy / file);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
    std::ofstream(copy / file, std::ios::binary | std::ios::trunc) << bytes;
    auto r = run_process({EXPOSCAN_BIN, "evidence", "verify", copy.path().string()});
    INFO(file << "\n" << r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("FAIL  " + file + ": ") != std::string::npos);
    CHECK(r.out.find("FAILED verification") != std::string::npos);
  }
}

TEST_CASE("evidence: usage errors and the store-backed form", "[reports][evidence][cli]") {
  auto none = run_process({EXPOSCAN_BIN, "evidence", "verify"});
  CHECK(none.exit_code == 2);
  TempDir empty;
  auto missing = run_process({EXPOSCAN_BIN, "evidence", "verify", empty.path().string()});
  CHECK(missing.exit_code == 1);
  CHECK(missing.out.find("FAIL  manifest.json: cannot be read") != std::string::npos);
  // the store-backed form reads the history store (tests/integration/stored_evidence_test.cpp)
  const std::string state = (empty / "none.db").string();
  auto stored = run_process({EXPOSCAN_BIN, "evidence", "1234", "-o", (empty / "b").string(), "--state", state});
  CHECK(stored.exit_code == 2);
  CHECK(stored.err == "exposcan: error: no history at " + state + " (run a scan first, or pass --state FILE)\n");
}

TEST_CASE("scan: SARIF and JSON Lines on stdout are redacted unless --show-values", "[reports][scan]") {
  SampleScan s;
  auto sarif = s.run({"--format", "sarif"});
  INFO(sarif.err);
  REQUIRE(sarif.exit_code == 0);
  CHECK(json::parse(sarif.out)["version"] == "2.1.0");
  CHECK(!has_raw_values(sarif.out));
  auto jsonl = s.run({"--format", "jsonl"});
  REQUIRE(jsonl.exit_code == 0);
  CHECK(!has_raw_values(jsonl.out));
  auto shown = s.run({"--format", "jsonl", "--show-values"});
  REQUIRE(shown.exit_code == 0);
  CHECK(has_raw_values(shown.out));
  auto table = s.run({});
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("\x1b[") == std::string::npos);  // not a TTY
  CHECK(!has_raw_values(table.out));
}

TEST_CASE("scan: every --format writes its file and --evidence writes a bundle", "[reports][scan]") {
  SampleScan s;
  for (std::string format : {"json", "jsonl", "sarif", "html", "md", "csv"}) {
    auto out = s.dir / ("r." + format);
    auto r = s.run({"--format", format, "-o", out.string()});
    INFO(format << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(std::filesystem::file_size(out) > 500);
  }
  auto ev = s.dir / "ev";
  auto r = s.run({"--format", "json", "-o", (s.dir / "x.json").string(), "--evidence", ev.string()});
  REQUIRE(r.exit_code == 0);
  auto v = run_process({EXPOSCAN_BIN, "evidence", "verify", ev.string()});
  INFO(v.out);
  CHECK(v.exit_code == 0);
  auto bad = s.run({"--format", "xml"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--format: expected one of table, json, jsonl, sarif, html, md, csv (got 'xml')") != std::string::npos);
}

TEST_CASE("letter: the sample objection letter for the demo person", "[reports][letter]") {
  auto identity = exposcan::test::source_dir() / "samples" / "identity.yaml";
  auto r = run_process({EXPOSCAN_BIN, "letter", (demo().dir / "report.json").string(), "--kind", "objection", "--platform", "meta",
                        "--identity", identity.string(), "--date", "2026-11-26", "--evidence", "exposcan-demo/evidence/"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("# Objection under Article 21(1) GDPR") == 0);
  CHECK(r.out.find("https://www.instagram.com/p/") != std::string::npos);
  CHECK(r.out.find("Text for Meta's objection form") != std::string::npos);
  // The sample letter in samples/letters/ is this output (UPDATE_GOLDEN=1 rewrites it).
  auto sample = exposcan::test::source_dir() / "samples" / "letters" / "jane-example-objection-meta.md";
  if (const char* u = std::getenv("UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::filesystem::create_directories(sample.parent_path());
    std::ofstream(sample, std::ios::binary) << r.out;
  }
  CHECK(exposcan::test::read_text(sample) == r.out);

  auto text = run_process({EXPOSCAN_BIN, "letter", (demo().dir / "report.json").string(), "--kind", "access", "--platform", "instagram",
                           "--identity", identity.string(), "--format", "text", "--date", "2026-11-26"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("Access request under Article 15 GDPR") != std::string::npos);
  auto bad = run_process({EXPOSCAN_BIN, "letter", (demo().dir / "report.json").string(), "--kind", "objection", "--platform", "tiktok",
                          "--identity", identity.string()});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("exposcan: error: no item of yours on 'tiktok'") == 0);
}
