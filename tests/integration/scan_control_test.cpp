// `exposcan scan` under control: SIGINT stops fetching and writes the partial report marked
// interrupted (exit 130), a second SIGINT aborts transfers in flight; --fetch-only and
// --fetched-list. The binary runs against the sample server (--connect-to, --cacert).
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "core/text.h"
#include "samples/sample_server.h"
#include "tests/support/test_support.h"

using exposcan::test::read_text;
using exposcan::test::TempDir;
using json = nlohmann::json;
using SteadyClock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

struct FaultServer {
  exposcan::samples::SampleServer server;
  TempDir dir;
  std::string ca;
  FaultServer() {
    REQUIRE(server.start());
    ca = (dir / "ca.pem").string();
    std::ofstream(ca) << server.ca_pem();
  }
  std::vector<std::string> args() const {
    std::vector<std::string> a = {"--cacert", ca};
    for (const auto& h : server.hostnames())
      a.insert(a.end(), {"--connect-to", fmt::format("{}:443:127.0.0.1:{}", h, server.port())});
    return a;
  }
};

// The binary in the background with stdout and stderr in `dir`, so the test can signal it.
class ScanProcess : public exposcan::test::BackgroundProcess {
 public:
  ScanProcess(const std::vector<std::string>& argv, const TempDir& dir)
      : BackgroundProcess(argv, dir / "stdout.txt", dir / "stderr.txt"), m_err(dir / "stderr.txt") {}
  std::string err() const { return read_text(m_err); }

 private:
  std::filesystem::path m_err;
};

std::vector<std::string> scan_argv(const FaultServer& s, const TempDir& dir, std::vector<std::string> extra) {
  std::vector<std::string> argv = {EXPOSCAN_BIN, "scan", "--format", "json", "-o", (dir / "report.json").string(),
                                   "--per-host-rate", "0"};
  for (const auto& a : s.args()) argv.push_back(a);
  argv.insert(argv.end(), extra.begin(), extra.end());
  return argv;
}

// Waits until the server has seen a request for `target`.
bool wait_for_request(const FaultServer& s, std::string_view target, std::chrono::milliseconds limit) {
  auto end = SteadyClock::now() + limit;
  while (SteadyClock::now() < end) {
    for (const auto& r : s.server.requests())
      if (r.target == target) return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

}  // namespace

TEST_CASE("scan control: SIGINT finishes what is in flight and writes a partial report (exit 130)", "[scan-control][sigint]") {
  FaultServer s;
  TempDir dir;
  const std::string slow = "https://faults.example/slow?bytes=15&delay_ms=100";  // ~1.5 s
  const std::string queued = "https://faults.example/links?n=3";
  auto start = SteadyClock::now();
  ScanProcess child(scan_argv(s, dir, {"--concurrency", "1", slow, queued}), dir);
  REQUIRE(wait_for_request(s, "/slow?bytes=15&delay_ms=100", 10s));
  std::this_thread::sleep_for(300ms);
  child.signal(SIGINT);
  int code = child.wait(10s);
  INFO(child.err());
  CHECK(code == 130);
  CHECK(SteadyClock::now() - start < 8s);
  CHECK(child.err().find("interrupted") != std::string::npos);
  auto report = json::parse(read_text(dir / "report.json"));
  CHECK(report["scan"]["status"] == "interrupted");
  const auto& targets = report["scan"]["target_status"];
  REQUIRE(targets.size() == 2);
  CHECK(targets[0]["reachable"] == true);  // the transfer in flight finished
  CHECK(targets[1]["reachable"] == false);  // queued: never sent
  for (const auto& r : s.server.requests()) CHECK(r.target.rfind("/links", 0) != 0);
}

TEST_CASE("scan control: a second SIGINT aborts the transfer in flight", "[scan-control][sigint]") {
  FaultServer s;
  TempDir dir;
  auto start = SteadyClock::now();
  ScanProcess child(scan_argv(s, dir, {"https://faults.example/stall"}), dir);  // headers, then 60 s of silence
  REQUIRE(wait_for_request(s, "/stall", 10s));
  std::this_thread::sleep_for(200ms);
  child.signal(SIGINT);
  std::this_thread::sleep_for(300ms);
  child.signal(SIGINT);
  int code = child.wait(5s);
  INFO(child.err());
  CHECK(code == 130);
  CHECK(SteadyClock::now() - start < 8s);  // the low-speed limit alone would take 10 s
  auto report = json::parse(read_text(dir / "report.json"));
  CHECK(report["scan"]["status"] == "interrupted");
  bool recorded = false;
  for (const auto& e : report["scan"]["errors"]) recorded = recorded || e["code"] == "interrupted";
  CHECK(recorded);
}

TEST_CASE("scan control: --fetch-only follows links without items and --fetched-list names the pages", "[scan-control][fetch-only]") {
  FaultServer s;
  TempDir dir;
  auto list = (dir / "fetched.txt").string();
  auto argv = scan_argv(s, dir, {"--fetch-only", "--fetched-list", list, "--quiet", "--max-depth", "2", "--timings",
                                 "https://jane.example/"});
  auto r = exposcan::test::run_process(argv);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  auto report = json::parse(read_text(dir / "report.json"));
  CHECK(report["items"].empty());
  CHECK(report["findings"].empty());
  CHECK(report["scan"]["status"] == "complete");
  std::vector<std::string> paths;
  const std::string text = read_text(list);
  for (auto line : exposcan::split(text, '\n'))
    if (!line.empty()) paths.emplace_back(line);
  for (std::string p : {"/", "/posts/", "/posts/garden-notes/", "/feed.xml", "/sitemap.xml"})
    CHECK(std::find(paths.begin(), paths.end(), p) != paths.end());
  CHECK(std::find(paths.begin(), paths.end(), "/robots.txt") == paths.end());  // pages only
  // --timings: one JSON line with the stage split.
  auto at = r.err.find("exposcan: timings ");
  REQUIRE(at != std::string::npos);
  auto timings = json::parse(r.err.substr(at + 18, r.err.find('\n', at) - at - 18));
  CHECK(timings["pages"].get<int>() >= 8);
  CHECK(timings["parse_cpu_s"] == 0.0);
  CHECK(timings["rules_cpu_s"] == 0.0);
}
