// Fuzzes the YouTube channel reader (parsers/platforms/youtube_data.h) through the registry: the
// input is what a channel page assigns to ytInitialData (any bytes; the HTML and JSON samples as
// seeds), placed in a channel page's script as YouTube writes it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parsers/registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  exposcan::Page page;
  page.url = page.final_url = "https://www.youtube.com/@janeexample";
  page.status = 200;
  page.content_type = "text/html; charset=utf-8";
  page.user_directed = true;
  page.body = R"(<html><head><meta property="og:title" content="Jane"><meta itemprop="identifier" content="UCj4n3Ex4mpl3Spr1ngf1eld0">)"
              R"(</head><body><script nonce="n">var ytInitialData = )";
  page.body.append(reinterpret_cast<const char*>(data), size);
  page.body += ";</script></body></html>";
  auto out = exposcan::parse_page(page);
  return out.items.size() > 100000000 ? 1 : 0;
}
