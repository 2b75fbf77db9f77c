// Fuzzes the personal-data detectors (rules/): RuleEngine::detect over any bytes, and
// RuleEngine::personal_data over an item whose title, text and author credit are those bytes, with
// every built-in pack and an identity loaded. A hostile page's text reaches both. Beyond crashes and
// sanitizer reports, it checks that every match spans bytes of its own field and that its value is
// exactly those bytes (the spans of text read with character references decoded are mapped back).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "rules/engine.h"

namespace {

const exposcan::RuleEngine& engine() {
  static const exposcan::RuleEngine e = [] {
    exposcan::EngineOptions o;
    o.identity.names = {"Jane Example"};
    o.identity.handles = {"@janeexample"};
    o.identity.emails = {"jane@example.org"};
    o.identity.phones = {"+1 202-555-0147"};
    o.identity.birth_date = "1990-04-12";
    o.now = *exposcan::parse_date("2026-11-01");
    auto r = exposcan::RuleEngine::load(exposcan::builtin_packs(), o);
    if (!r) std::abort();
    return std::move(*r);
  }();
  return e;
}

void check_span(std::string_view field_text, const exposcan::Match& m) {
  if (m.start > m.end || m.end > field_text.size() || m.value != field_text.substr(m.start, m.end - m.start))
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& m : engine().detect(text)) check_span(text, m);

  exposcan::Item item;
  item.title = std::string(text.substr(0, 200));
  item.text = std::string(text);
  item.author.name = std::string(text.substr(0, 64));
  const auto data_found = engine().personal_data(item);
  for (const auto& m : data_found.matches) {
    const std::string_view field = m.field == "title" ? std::string_view(item.title)
                                   : m.field == "text" ? std::string_view(item.text)
                                   : m.field == "author.name" ? std::string_view(item.author.name)
                                                              : std::string_view();
    if (field.data() == nullptr) std::abort();  // a match in a field the item does not have
    // personal_data() searches a UTF-8-safe prefix of each field: the span lies in the field.
    check_span(field, m);
  }
  return 0;
}
