// reports/letter.h — GDPR request letters from a scan: an Art. 21 objection to AI training or an
// Art. 15 access request, addressed to one platform (controller), in Markdown and plain text.
//
// Built only from the scan record, the person (LetterParty, from the identity) and the policy
// facts the findings carry (Finding.policy: platform, title, jurisdiction, since, user control,
// source). A letter lists the person's public items on that platform with URLs and dates, the
// personal-data categories exposcan found in them (categories only, never values), the legal
// basis the platform claims, the Art. 12(3) deadline (one month from receipt, extendable by two),
// and a pointer to the evidence bundle. For Meta, Letter::form_text is the text to paste into
// Meta's objection form. Facts from KNOWLEDGE.md §B–§C; the legal-basis table
// (k_claimed_bases in letter.cpp) belongs in the platform-policies pack once it has a field for
// it. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "core/time.h"
#include "reports/scan_record.h"

namespace exposcan {

enum class LetterKind { objection, access };
std::optional<LetterKind> letter_kind_from_string(std::string_view s);
std::string_view to_string(LetterKind kind);

// The person the letter is from.
struct LetterParty {
  std::string name;
  std::string email;
  std::string address;  // postal address; optional
  std::vector<std::string> handles;
  std::string country;       // ISO 3166 alpha-2
  std::string jurisdiction;  // "EU", "UK", ...
};

struct LetterRequest {
  LetterKind kind = LetterKind::objection;
  std::string platform;  // --platform: a platform ("instagram") or controller ("meta"); empty: the only one
  TimePoint date{};      // date of the letter
  std::string evidence;  // where the evidence bundle is (path or "attached"); empty: not mentioned
  std::string evidence_manifest_sha256;  // optional: pins the bundle
};

struct Letter {
  std::string controller;  // "Meta (Facebook, Instagram, Threads)"
  std::string subject;
  std::string deadline;    // YYYY-MM-DD, one month after the letter date
  std::vector<std::string> item_urls;
  std::string markdown;
  std::string text;
  std::string form_text;  // Meta's objection form: paste-ready; empty for other platforms
};

// Errors (code "letter"): no matching platform, several platforms and no --platform (the message
// lists them), or nothing to write about ("no item of yours on <P> is trainable ...").
Expected<Letter> render_letter(const ScanRecord& record, const LetterParty& party, const LetterRequest& request);

// "YYYY-MM-DD" one calendar month after `date` (clamped to the month's last day), Art. 12(3).
std::string one_month_after(TimePoint date);

}  // namespace exposcan
