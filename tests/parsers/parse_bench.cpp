// Throughput of the generic parse stage vs bare gumbo_parse (not part of the test suite).
// Build and run (Release-ish flags, from the worktree root, after `ninja -C build`):
//   g++ -std=c++20 -O2 -I. -Ibuild tests/parsers/parse_bench.cpp build/parsers/libexposcan_parsers.a \
//       build/scanner/libexposcan_scanner.a build/core/libexposcan_core.a -lgumbo -lcurl -lfmt -o /tmp/parse_bench
//   python3 ../shared/bench/gen_corpus.py --n 200 --out /tmp/corpus-small
//   /tmp/parse_bench /tmp/corpus-small/site 5
#include <gumbo.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parsers/generic_html.h"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  std::vector<std::string> pages;
  size_t bytes = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (e.path().extension() != ".html") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    pages.push_back(ss.str());
    bytes += pages.back().size();
  }
  // Interleaved per page and measured in thread CPU time, so other load on the machine
  // affects both sides alike.
  auto cpu_now = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
  };
  double bare = 0, generic = 0;
  size_t sink = 0;
  for (int r = 0; r < rounds; ++r)
    for (const auto& p : pages) {
      double t0 = cpu_now();
      GumboOptions o = kGumboDefaultOptions;
      o.max_errors = 16;
      GumboOutput* out = gumbo_parse_with_options(&o, p.data(), p.size());
      sink += out->root->v.element.children.length;
      gumbo_destroy_output(&o, out);
      double t1 = cpu_now();
      exposcan::Page page;
      page.url = page.final_url = "https://example.org/page";
      page.status = 200;
      page.body = p;
      auto res = exposcan::parse_generic_html(page);
      sink += res.items.size() + res.links.size();
      double t2 = cpu_now();
      bare += t1 - t0;
      generic += t2 - t1;
    }
  double mb = bytes * rounds / 1e6;
  std::printf("pages=%zu bytes=%zu rounds=%d\n", pages.size(), bytes, rounds);
  std::printf("bare gumbo_parse:        %.1f MB/s (CPU)\n", mb / bare);
  std::printf("parse_generic_html:      %.1f MB/s (CPU)\n", mb / generic);
  std::printf("ratio (generic / bare):  %.2fx time\n", generic / bare);
  return sink == 0 ? 1 : 0;
}
