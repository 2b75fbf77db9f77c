// tests/reports/chromium.h — headless Chromium (Debian `chromium`) for the HTML report tests:
// a screenshot and the DOM after scripts ran. Flags keep it off the network and independent of
// the machine: --no-sandbox (CI runs as root), --disable-background-networking,
// --disable-component-update, --no-first-run, a fresh --user-data-dir per run.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/reports/warcio.h"
#include "tests/support/test_support.h"

namespace exposcan::test {

inline std::string chromium_binary() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
    if (std::string p = find_program(name); !p.empty()) return p;
  return {};
}

inline RunResult run_chromium(const std::vector<std::string>& extra, const std::string& url) {
  std::string bin = chromium_binary();
  INFO("chromium is not installed (scripts/install-deps.sh --test installs it)");
  REQUIRE(!bin.empty());
  TempDir profile;
  std::vector<std::string> args = {bin,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--disable-default-apps",
                                   "--disable-extensions",
                                   "--no-first-run",
                                   "--no-default-browser-check",
                                   "--hide-scrollbars",
                                   "--user-data-dir=" + profile.path().string()};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(url);
  return run_process(args, {"HOME=" + profile.path().string()});
}

inline std::string file_url(const std::filesystem::path& p) { return "file://" + std::filesystem::absolute(p).string(); }

// The DOM after the page's scripts ran (virtual time lets them finish).
inline std::string dump_dom(const std::filesystem::path& html, const std::string& fragment = "") {
  RunResult r = run_chromium({"--virtual-time-budget=3000", "--dump-dom"}, file_url(html) + fragment);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

inline void screenshot(const std::filesystem::path& html, const std::filesystem::path& png, int width, int height) {
  std::filesystem::remove(png);
  RunResult r = run_chromium({"--virtual-time-budget=3000", "--window-size=" + std::to_string(width) + "," + std::to_string(height),
                              "--screenshot=" + png.string()},
                             file_url(html));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(std::filesystem::exists(png));
}

// The value of attribute `name` on the <html> element of a dumped DOM, or "".
inline std::string html_attribute(const std::string& dom, const std::string& name) {
  size_t start = dom.find("<html");
  size_t end = dom.find('>', start);
  if (start == std::string::npos || end == std::string::npos) return {};
  std::string tag = dom.substr(start, end - start);
  size_t at = tag.find(" " + name + "=\"");
  if (at == std::string::npos) return {};
  at += name.size() + 3;
  return tag.substr(at, tag.find('"', at) - at);
}

}  // namespace exposcan::test
