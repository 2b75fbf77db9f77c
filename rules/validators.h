// rules/validators.h — checksum and plausibility checks that turn a pattern hit into a finding.
//
// Rule packs name these in a `validators:` list; a pattern match is kept only when every named
// validator accepts its captured value. Each function is pure (no locale, no globals, no
// allocation beyond its result) and therefore safe to call from any thread. Inputs are UTF-8;
// malformed input is simply rejected. Every check follows a published standard, cited at the
// declaration, and says where it departs from it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace exposcan {

// ---- Payment cards (ISO/IEC 7812) ----------------------------------------------------------

// True for 13–19 digits passing the Luhn (mod 10) check. Spaces, U+00A0, '-' and '.' between
// digits are ignored (cards are printed "4111 1111 …", typed "4111-1111-…" or "4111.1111.…"); any other character, or a number made of one repeated digit, is rejected.
bool luhn_valid(std::string_view digits_with_separators);
// The card scheme from the IIN (leading digits) and length: "visa", "mastercard" (51–55,
// 2221–2720), "amex" (34, 37), "discover", "jcb", "diners", "unionpay", "maestro"; "" when none.
// Separators as in luhn_valid; the Luhn check itself is not applied here.
std::string card_brand(std::string_view digits_with_separators);
// luhn_valid and a known brand that issues numbers of this length (Visa 13/16/19, Mastercard 16,
// Amex 15, Discover/JCB/UnionPay 16/19, Diners 14/16, Maestro 12–19): the lengths issued in
// practice, since 17- and 18-digit Luhn-valid strings are mostly IDs.
bool card_number_valid(std::string_view digits_with_separators);

// ---- Bank accounts (ISO 13616) -------------------------------------------------------------

// Country code with the registered length (SWIFT IBAN registry), two check digits, alphanumeric
// BBAN and the mod-97 = 1 check (ISO 7064). Case-insensitive. Spaces are allowed only as the
// printed form uses them: one space (or U+00A0) after every group of four.
bool iban_valid(std::string_view iban);
// iban_valid for an IBAN as people write it: single separators (space, U+00A0, '-', '.') may
// stand between any two characters ("DE89-3704-0044-…", "DE 89 370400440532013000",
// "DE89 37040044 0532013000"), but not at either end, not twice in a row and not mixed.
bool iban_valid_any_grouping(std::string_view iban);
// The registered IBAN length for a country ("DE" → 22), or 0 when the country has no IBAN.
int iban_length_for_country(std::string_view country_code);

// ---- E-mail addresses (RFC 5321 §4.5.3.1, RFC 5322 §3.4.1 dot-atom) ------------------------

// A plausible address as written in text: dot-atom local part (≤ 64 bytes, atext characters or
// UTF-8, no leading/trailing/double dot), '@', a host name (≤ 253 bytes, ≥ 2 labels, labels
// ≤ 63 of letters/digits/hyphen, no hyphen at either end; UTF-8 labels allowed) whose last label
// is alphabetic with ≥ 2 characters or an A-label ("xn--"). Departures: quoted local parts and
// address literals ("[192.0.2.1]") are rejected, and so are last labels that are file
// extensions and not TLDs (png, jpg, gif, css, js, svg, webp, …) as in `logo@2x.png` srcsets.
bool email_plausible(std::string_view address);
// An address written to dodge scrapers that reads as email_plausible once its "at" and "dot"
// tokens are replaced: "jane [at] example [dot] org", "jane(at)example.org", "JANE AT EXAMPLE
// DOT ORG", "jane dot doe at example dot org", "jane @ example . org", and the words other
// languages use (ät, arobase, arroba, chiocciola, apenstaartje, klammeraffe; punkt, point, punto,
// punt). Tokens are bracketed ([at] (at) {at} <at>) or stand alone between spaces, optionally
// with '-' or '_' around them ("-at-"). Rejected: two plain words next to each other, brackets
// around anything else, and local parts that are pronouns or common words ("contact us at
// example.org", "look at example dot com").
bool email_obfuscated_plausible(std::string_view text);
// ---- Dates and URLs (context checks for numeric matches) -----------------------------------

// True when the trimmed string is NOT plausibly a calendar date. Dates are: Y-M-D with '-', '/'
// or '.' ("2024-05-01"), D/M/Y and M/D/Y with '/', '.' or '-' and 2- or 4-digit years
// ("01/05/2024", "1.5.2024"), 8-digit YYYYMMDD and DDMMYYYY, optionally followed by a time
// ("2024-05-01T10:30"), and written dates in English, German, French and Spanish
// ("12 April 1990", "April 12, 1990", "12. April 1990", "12 avril 1990"). Day/month ranges are
// checked (with leap years); 4-digit years must lie in 1800–2199.
bool not_a_date(std::string_view s);

// True when bytes [start, end) of `text` lie inside a URL, e-mail address or handle: the token
// around the span (delimited by whitespace, quotes or angle brackets, so attribute values in raw
// HTML are tokens) has "://" or "www." before it, a path ('/'),
// query ('?', '=', '&') or '@' before it, or continues after it with '@', '/', '?', '#', '=',
// '&' or '.' plus a letter (a host or file name). Labels such as "Tel/Fax:" directly before the
// span do not count as a path. Spans past the end of the text are clamped.
bool inside_url(std::string_view text, size_t start, size_t end);

// ---- National identifiers ------------------------------------------------------------------

// US Social Security number "AAA-GG-SSSS" (also with spaces or no separators): area not 000,
// 666 or 900–999, group not 00, serial not 0000, and not a publicly misused number
// (078-05-1120, 219-09-9999).
bool us_ssn_valid(std::string_view s);
// UK National Insurance number (HMRC NIM39110): two prefix letters (first not D F I Q U V,
// second not D F I O Q U V; not BG GB KN NK NT TN ZZ), six digits, suffix A–D. Spaces between
// the pairs are allowed ("AB 12 34 56 C"). Case-insensitive.
bool uk_nino_valid(std::string_view s);
// German tax identification number (Steuer-IdNr., §139b AO): 11 digits, first not 0; among the
// first ten exactly one digit repeats (twice, or three times but not three in a row) and the
// last is the ISO 7064 MOD 11,10 check digit. Spaces and '/' between digits are ignored.
bool de_steuer_id_valid(std::string_view s);
// French NIR (numéro de sécurité sociale): sex 1/2 (3/4/7/8 for provisional numbers), year,
// month (01–12, 20–42, 50–99), department (2 digits, or 2A/2B for Corsica), commune, order,
// and key = 97 − (N mod 97) where N is the first 13 characters with 2A → 19, 2B → 18.
// Spaces are ignored.
bool fr_nir_valid(std::string_view s);
// Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter); the letter is
// "TRWAGMYFPDXBNJZSQVHLCKE"[n mod 23] with X/Y/Z read as 0/1/2. Case-insensitive; one space or
// '-' before the letter is allowed.
bool es_dni_valid(std::string_view s);
// Italian codice fiscale (DM 23/12/1976): 6 letters, year, month letter (ABCDEHLMPRST), day
// (01–31, 41–71 for women), municipality code, check letter from the odd/even tables. Digits
// replaced for omocodia (LMNPQRSTUV) are accepted. Case-insensitive.
bool it_codice_fiscale_valid(std::string_view s);
// Dutch BSN: 9 digits (8-digit numbers are read with a leading 0) passing the "11-proof"
// 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), not all zero. Spaces and '.' are ignored.
bool nl_bsn_valid(std::string_view s);

// ---- Normalisation and lookup --------------------------------------------------------------

// The decimal digits of `s` as ASCII, in order, everything else dropped. Unicode decimal digits
// of the common scripts are mapped: fullwidth (U+FF10–FF19), Arabic-Indic (U+0660–0669),
// Extended Arabic-Indic (U+06F0–06F9), Devanagari (U+0966–096F), Bengali (U+09E6–09EF).
std::string normalize_digits(std::string_view s);

}  // namespace exposcan
