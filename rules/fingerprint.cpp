#include "rules/fingerprint.h"

#include "core/hash.h"
#include "core/text.h"
#include "rules/text_fold.h"

namespace exposcan {

std::string fingerprint_message(std::string_view rule_id, std::string_view item_id, std::string_view field,
                                std::string_view normalised_value) {
  constexpr char k_sep = static_cast<char>(0xFF);
  std::string m(k_fingerprint_version);
  for (std::string_view part : {rule_id, item_id, field, normalised_value}) {
    m += k_sep;
    m += sanitize_utf8(part);
  }
  return m;
}

std::string fingerprint(std::string_view key, std::string_view rule_id, std::string_view item_id,
                        std::string_view field, std::string_view normalised_value) {
  return hmac_sha256_hex(key, fingerprint_message(rule_id, item_id, field, normalised_value));
}

std::string normalise_value(std::string_view type, std::string_view value) {
  if (type == "phone" || type == "payment_card" || type == "iban" || type == "national_id") {
    std::string out;
    for (char c : value)
      if (is_ascii_alnum(c)) out += ascii_lower_char(c);
    if (!out.empty()) return out;
  }
  return fold::fold(value, fold::Options{false, true});
}

}  // namespace exposcan
