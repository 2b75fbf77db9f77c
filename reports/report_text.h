// reports/report_text.h — the words the human-facing formats share (HTML, Markdown, CSV,
// terminal, SARIF messages, letters), so every report says the same thing the same way.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/match_value.h"
#include "reports/scan_record.h"
#include "reports/summary.h"

namespace exposcan {

// "Can be used to train AI", "Not used for AI training", "Not public", ...
std::string verdict_label(Verdict v);
// "your name", "your handle", "email", "phone number", "postal address", ...
std::string match_label(const Match& m);
// shown_value(m, show_values): reports/match_value.h.
// "email j***@example.org, your name J*** E******" — distinct (label, value) pairs, at most `max`;
// a detector hit on the same span as an identity match is shown once, as "your ...".
std::string match_summary(const std::vector<Match>& matches, bool show_values, size_t max = 6);
// Distinct personal-data categories in first-seen order: "email", "phone number", "your name"
// (a detector hit on an identity match's span counts once, as the identity category).
std::vector<std::string> match_categories(const std::vector<Match>& matches);
// The line after the headline about items by others on the person's pages (their comments and
// replies, posts the person shared): "Also on your pages: 2 public item(s) by others, 1 of them
// trainable; they are not counted as yours."
std::string others_sentence(const ItemCounts& by_others);
// Agents whose fetch is allowed, in order: "CCBot, ClaudeBot".
std::string allowed_agents(const Finding& f);
// RFC 3339 (seconds) or "" for nullopt; date-only "YYYY-MM-DD" or "".
std::string time_text(const std::optional<TimePoint>& t);
std::string date_text(const std::optional<TimePoint>& t);
// What the person can do about a finding, most direct first: the rule's remediation, the
// policy's user control (form or setting), and the generic routes for the verdict.
std::vector<std::string> what_to_do(const Finding& f);

}  // namespace exposcan
