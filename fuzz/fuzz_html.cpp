// Fuzzes the whole HTML extraction: parse_page on an HTML body (generic and platform adapters,
// wall detection, OpenGraph, JSON-LD, mf2, links, signals). The first byte picks the host.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parsers/registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* k_urls[] = {"https://jane.example/posts/x/", "https://mastodon.social/@janeexample", "https://www.instagram.com/janeexample/",
                                 "https://www.facebook.com/janeexample/posts/1", "https://x.com/janeexample/status/1", "https://www.linkedin.com/in/janeexample",
                                 "https://github.com/janeexample", "https://www.youtube.com/@janeexample", "https://bsky.app/profile/a.example",
                                 "https://www.threads.com/@janeexample/post/DKq3sEedSw1", "https://x.com/janeexample",
                                 "https://www.linkedin.com/posts/janeexample_seeds-activity-7458000000000000000-AbCd"};
  if (size == 0) return 0;
  exposcan::Page page;
  page.url = page.final_url = k_urls[data[0] % (sizeof k_urls / sizeof k_urls[0])];
  page.status = 200;
  page.content_type = "text/html";
  page.user_directed = true;
  page.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  auto out = exposcan::parse_page(page);
  return out.items.size() > 1000000 ? 1 : 0;
}
