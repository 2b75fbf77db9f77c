// rules/fingerprint.h — content-based, position-free finding fingerprints (DESIGN §2).
//
// fingerprint = lower-case hex HMAC-SHA256(key, message) with the message laid out as
//
//   "exposcan-fp-1" 0xFF rule_id 0xFF item_id 0xFF field 0xFF normalised_value
//
// Every part is made valid UTF-8 first (invalid sequences become U+FFFD), and 0xFF never occurs in
// UTF-8, so the separator cannot occur inside a part and distinct part lists give distinct
// messages. Verdict findings use an empty field and value. The value is normalised so the same
// datum written differently fingerprints the same: case-folded, whitespace collapsed; phone
// numbers and card/IBAN/ID numbers reduced to their digits and letters. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace exposcan {

inline constexpr std::string_view k_fingerprint_version = "exposcan-fp-1";

std::string fingerprint_message(std::string_view rule_id, std::string_view item_id, std::string_view field,
                                std::string_view normalised_value);
std::string fingerprint(std::string_view key, std::string_view rule_id, std::string_view item_id,
                        std::string_view field = {}, std::string_view normalised_value = {});
// How a match value of `type` is normalised for fingerprints.
std::string normalise_value(std::string_view type, std::string_view value);

}  // namespace exposcan
