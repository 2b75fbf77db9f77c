// core/redact.h — how personal values are shown when they must not be shown.
//
// Reports hold personal data; terminal, CI and log output show only redacted forms unless the
// user passes --show-values. Redaction keeps enough to recognise one's own data
// ("j***@example.org", "+1 ***-***-**23") and never the whole value. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace exposcan {

std::string redact_email(std::string_view email);
std::string redact_phone(std::string_view phone);  // keeps a leading '+country' and the last 2 digits
std::string redact_generic(std::string_view value);  // first character of each word, rest '*'
// Chooses by match type: "email", "phone", "payment_card", "iban", ... (unknown types: generic).
std::string redact(std::string_view type, std::string_view value);

}  // namespace exposcan
