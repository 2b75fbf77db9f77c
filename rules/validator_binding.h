// rules/validator_binding.h — the names a rule pack's `validators:` list may use, bound to checks.
//
// A check sees the whole scanned text and the capture span, so context checks (not inside a URL)
// and value checks (Luhn, IBAN mod-97, ...) share one shape. The checks themselves live in
// rules/validators.h (checksums and plausibility, each citing its standard); this table only
// names them for packs. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace exposcan {

using CandidateCheck = bool (*)(std::string_view text, size_t start, size_t end);

struct ValidatorInfo {
  std::string_view name;
  CandidateCheck check;
  std::string_view description;
};

const ValidatorInfo* find_pack_validator(std::string_view name);  // nullptr when unknown
std::vector<std::string_view> pack_validator_names();

}  // namespace exposcan
