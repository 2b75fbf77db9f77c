// Throughput of the parse stage vs bare gumbo_parse (not part of the test suite): bare gumbo,
// parse_generic_html, and the full stage the pipeline runs (parse_page: wall detection, registry
// dispatch, adapter or generic extractors, feeds, id normalisation). Pages are given the URLs of
// their files below the corpus root on https://example.org, or, with a second corpus argument
// "samples", the sample sites' own URLs (so platform adapters run).
// Build and run (Release-ish flags, from the worktree root, after `ninja -C build`):
//   g++ -std=c++20 -O2 -I. -Ibuild tests/parsers/parse_bench.cpp build/parsers/libexposcan_parsers.a \
//       build/scanner/libexposcan_scanner.a build/core/libexposcan_core.a -lgumbo -lcurl -lfmt -lssl -lcrypto -lz \
//       -o /tmp/parse_bench
//   python3 ../shared/bench/gen_corpus.py --n 200 --out /tmp/corpus-small
//   /tmp/parse_bench /tmp/corpus-small/site 5
//   /tmp/parse_bench samples/sites 20
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
#include "parsers/registry.h"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  std::vector<std::string> pages;
  std::vector<std::string> urls;
  size_t bytes = 0;
  std::filesystem::path root(argv[1]);
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (e.path().extension() != ".html") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    pages.push_back(ss.str());
    std::string rel = std::filesystem::relative(e.path(), root).generic_string();
    // samples/sites/<host>/<path>: the page's own URL; otherwise a path on example.org.
    urls.push_back(root.filename() == "sites" ? "https://" + rel : "https://example.org/" + rel);
    bytes += pages.back().size();
  }
  // Interleaved per page and measured in thread CPU time, so other load on the machine
  // affects both sides alike.
  auto cpu_now = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
  };
  double bare = 0, generic = 0, full = 0;
  size_t sink = 0;
  for (int r = 0; r < rounds; ++r)
    for (size_t i = 0; i < pages.size(); ++i) {
      const std::string& p = pages[i];
      double t0 = cpu_now();
      GumboOptions o = kGumboDefaultOptions;
      o.max_errors = 16;
      GumboOutput* out = gumbo_parse_with_options(&o, p.data(), p.size());
      sink += out->root->v.element.children.length;
      gumbo_destroy_output(&o, out);
      double t1 = cpu_now();
      exposcan::Page page;
      page.url = page.final_url = urls[i];
      page.status = 200;
      page.content_type = "text/html";
      page.user_directed = true;
      page.body = p;
      auto res = exposcan::parse_generic_html(page);
      sink += res.items.size() + res.links.size();
      double t2 = cpu_now();
      auto all = exposcan::parse_page(page);
      sink += all.items.size() + all.links.size();
      double t3 = cpu_now();
      bare += t1 - t0;
      generic += t2 - t1;
      full += t3 - t2;
    }
  double mb = bytes * rounds / 1e6;
  std::printf("pages=%zu bytes=%zu rounds=%d\n", pages.size(), bytes, rounds);
  std::printf("bare gumbo_parse:        %.1f MB/s (CPU)\n", mb / bare);
  std::printf("parse_generic_html:      %.1f MB/s (CPU)\n", mb / generic);
  std::printf("parse_page (full stage): %.1f MB/s (CPU)\n", mb / full);
  std::printf("ratio (generic / bare):  %.2fx time\n", generic / bare);
  std::printf("ratio (full / bare):     %.2fx time\n", full / bare);
  return sink == 0 ? 1 : 0;
}
