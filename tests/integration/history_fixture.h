// tests/integration/history_fixture.h — the binary against a sample server with an overlay folder,
// one state file per test, and processes that can be killed mid-scan.
#pragma once

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "samples/sample_server.h"
#include "tests/support/test_support.h"

namespace exposcan::test {

// The sample person's own site, the target most history tests scan.
inline const std::string k_site = "https://jane.example/";

struct HistoryFixture {
  TempDir dir;
  TempDir overlay;
  samples::SampleServer server;
  std::string ca;
  std::string state;

  HistoryFixture() : server(samples::SampleServerOptions{"127.0.0.1", 0, true, overlay.path(), 2}) {
    auto s = server.start();
    if (!s) throw std::runtime_error(s.error().message);
    ca = (dir / "ca.pem").string();
    std::ofstream(ca) << server.ca_pem();
    state = (dir / "history.db").string();
  }

  // Common arguments: the state file, the sample CA, every sample host on the loopback server.
  std::vector<std::string> scan_args(std::vector<std::string> extra) const {
    std::vector<std::string> args = {EXPOSCAN_BIN, "scan", "--state", state, "--cacert", ca, "--quiet",
                                     "--per-host-rate", "0", "--max-retries", "0"};
    for (const auto& h : server.hostnames())
      args.push_back("--connect-to"), args.push_back(fmt::format("{}:443:127.0.0.1:{}", h, server.port()));
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }

  std::vector<std::string> env() const {
    return {"NO_COLOR=1", "XDG_DATA_HOME=" + dir.path().string(), "HOME=" + dir.path().string()};
  }

  RunResult run(std::vector<std::string> args) const { return run_process(args, env()); }
  RunResult exposcan(std::vector<std::string> args) const {
    args.insert(args.begin(), EXPOSCAN_BIN);
    return run(args);
  }

  // `history --format json`, one object per scan.
  std::vector<nlohmann::json> history() const {
    auto r = exposcan({"history", "--state", state, "--format", "json"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::vector<nlohmann::json> out;
    size_t pos = 0;
    while (pos < r.out.size()) {
      size_t nl = r.out.find('\n', pos);
      out.push_back(nlohmann::json::parse(r.out.substr(pos, nl - pos)));
      pos = nl + 1;
    }
    return out;
  }

  void write_overlay(const std::string& rel, const std::string& text) const {
    auto p = overlay.path() / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }

  // The overlay's copy of a sample file (`sites/<host>/...`), else the bundled one.
  std::string site_file(const std::string& rel) const {
    auto p = overlay.path() / rel;
    return read_text(std::filesystem::exists(p) ? p : source_dir() / "samples" / rel);
  }

  // Deletes a jane.example post as its generator would: the page answers 404 (listed in `_deleted`)
  // and its entry leaves the home page, the post list and feed.xml (each shows the post as an
  // h-entry or feed item with the same id: while one does, the post is still published and its
  // findings stay). The sitemap is left stale, still listing the page, so a rescan fetches it and
  // sees it gone.
  void delete_post(const std::string& slug) const {
    std::string deleted = std::filesystem::exists(overlay.path() / "_deleted") ? read_text(overlay.path() / "_deleted") : "";
    write_overlay("_deleted", deleted + "sites/jane.example/posts/" + slug + "/index.html\n");
    remove_block("sites/jane.example/feed.xml", "<link>https://jane.example/posts/" + slug + "/</link>", "<item>", "</item>");
    for (const char* page : {"sites/jane.example/index.html", "sites/jane.example/posts/index.html"})
      remove_block(page, "href=\"/posts/" + slug + "/\"", "<article class=\"h-entry\">", "</article>");
  }

  // Removes from a site file the whole lines from the `open` before `marker` to the `close` after it.
  void remove_block(const std::string& rel, const std::string& marker, const std::string& open, const std::string& close) const {
    std::string text = site_file(rel);
    auto at = text.find(marker);
    REQUIRE(at != std::string::npos);
    auto begin = text.rfind(open, at), end = text.find(close, at);
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    begin = text.rfind('\n', begin) + 1;
    end = text.find('\n', end) + 1;
    write_overlay(rel, text.erase(begin, end - begin));
  }
};

inline nlohmann::json read_json(const std::filesystem::path& p) { return nlohmann::json::parse(read_text(p)); }

}  // namespace exposcan::test
