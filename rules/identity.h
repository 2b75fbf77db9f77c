// rules/identity.h — who the scan is about: the person's names, handles, contact data and the
// facts that decide which first-party AI-training policies apply to them (jurisdiction, age).
//
// Read from a small YAML file (samples/identity.yaml) or the `identity:` block of exposcan.yaml.
// Accepted shapes: a top-level `identity:` mapping or a flat mapping; names/handles/emails/phones/
// addresses/family/profiles as a scalar or a list of scalars, each also under its singular key
// (`name`, `handle`, `email`, `phone`, `address`) and `family_names` for `family`. Unknown keys are
// errors. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "core/time.h"

namespace exposcan {

struct Identity {
  std::vector<std::string> names, handles, emails, phones, addresses, family;
  std::optional<std::string> birth_date;  // YYYY-MM-DD
  std::string city, country /*ISO 3166 alpha-2*/, jurisdiction /*"EU","UK","US","BR",...*/;
  std::optional<bool> adult;
  std::vector<std::string> profiles;  // the person's own profile and site URLs

  bool empty() const;
  // `adult` when given, else derived from birth_date at `at` (18 or older); nullopt when unknown.
  std::optional<bool> is_adult(TimePoint at) const;
};

// Parses identity YAML. Errors (code "identity"): "file:line: message", e.g.
// "identity.yaml:4: unknown key 'nmae'".
Expected<Identity> parse_identity(std::string_view yaml_text, std::string_view source_name);

}  // namespace exposcan
