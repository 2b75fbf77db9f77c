// Fuzzes the XML reader and the RSS / Atom / RDF / JSON Feed parsers.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parsers/feeds.h"
#include "parsers/xml_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  exposcan::Page page;
  page.url = page.final_url = "https://jane.example/feed.xml";
  page.status = 200;
  page.content_type = "application/rss+xml";
  page.body.assign(reinterpret_cast<const char*>(data), size);
  auto doc = exposcan::parse_xml(page.body);
  auto out = exposcan::parse_feed(page);
  return doc.errors.size() + out.items.size() > 100000000 ? 1 : 0;
}
