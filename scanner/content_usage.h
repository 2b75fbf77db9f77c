// scanner/content_usage.h — AI usage preference values (IETF aipref, draft-ietf-aipref-vocab).
//
// A preference expression such as "train-ai=n, search=y" is an RFC 9651 structured-field
// Dictionary. It arrives in the `Content-Usage` HTTP header and in robots.txt `Content-Usage` rules
// (draft-ietf-aipref-attach). Processing (vocab §6.5): parse the Dictionary; for each known label
// take its value, ignoring parameters: Token `y` → allowed, Token `n` → disallowed, anything else
// (absent, another type, another token) → unknown. Unknown labels are ignored. A parse failure
// (including an upper-case key) makes every label unknown. Duplicate keys: the last one wins.
// Combining statements (vocab §7.1): any `n` → disallowed; else any `y` → allowed; else unknown —
// never a default permission. Pure functions; thread-safe.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace exposcan {

// The labels of the current vocabulary (draft-ietf-aipref-vocab-08). Older drafts' labels
// (train-genai, ai-use, ...) are unknown labels now and ignored.
inline constexpr std::array<std::string_view, 2> k_usage_labels = {"train-ai", "search"};

// y = the usage is allowed, n = it is disallowed (the vocabulary's own tokens).
enum class UsagePreference { unknown, y, n };
std::string_view to_string(UsagePreference p);  // "unknown", "y", "n"

struct UsagePreferences {
  bool parsed = false;  // false: not a valid RFC 9651 Dictionary, so every label is unknown
  std::map<std::string, UsagePreference, std::less<>> labels;  // every k_usage_labels entry

  UsagePreference get(std::string_view label) const;  // unknown for labels not in the vocabulary
};

UsagePreferences parse_usage_preferences(std::string_view value);

// vocab §7.1 for one label across several statements.
UsagePreference combine(const std::vector<UsagePreference>& statements);
// vocab §7.1 label by label.
UsagePreferences combine(const std::vector<UsagePreferences>& statements);

// RFC 9651 §4.2.2 Dictionary syntax check, exposed for tests: true when `value` parses.
bool is_structured_dictionary(std::string_view value);

}  // namespace exposcan
