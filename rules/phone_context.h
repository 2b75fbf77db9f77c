// rules/phone_context.h — words around a digit run that say "this is (not) a phone number".
//
// Internal to PhoneDetector. Looks at up to five words before the span (on its line, or on the
// line above when the number starts a line: "Phone:\n202 …") and three after it, not past
// another number, in English, German, French, Spanish, Italian,
// Dutch and Portuguese ("Tel.", "Handy", "portable", "móvil" … versus "order", "Rechnung",
// "facture", "ISBN", "tracking" …), plus phone emoji and a "tel:"/"callto:"/"sms:" URI scheme
// directly before the number. Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace exposcan::phone {

struct Context {
  bool positive = false;  // a phone word or emoji nearby
  bool negative = false;  // an order/ID/tracking/version/price/... word nearby
  bool tel_uri = false;   // "tel:", "callto:", "sms:" directly before
};

// The context of bytes [start, end) of `text`.
Context context_of(std::string_view text, size_t start, size_t end);

}  // namespace exposcan::phone
