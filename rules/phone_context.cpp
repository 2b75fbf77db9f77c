#include "rules/phone_context.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "core/text.h"
#include "rules/text_normalize.h"

namespace exposcan::phone {

namespace {

constexpr size_t k_words_before = 5;
constexpr size_t k_negative_words_before = 3;
constexpr size_t k_words_after = 3;
constexpr size_t k_max_bytes = 80;

// Folded words. "Exact" entries must equal the word; "prefix" entries start it (German compounds:
// "Telefonnummer", "Bestellnummer").
constexpr std::string_view k_positive_exact[] = {
    "phone",     "phones",   "telephone", "tel",       "tél",         "tfno",     "tlf",        "telf",
    "téléphone", "telefono", "teléfono",  "telefone",  "telefoon",    "mobile",   "mob",        "mobiel",
    "móvil",     "movil",    "cell",      "cellphone", "cellular",    "celular",  "cellulare",  "cel",
    "handy",     "fax",      "telefax",   "call",      "calls",       "ring",     "text",       "texts",
    "sms",       "whatsapp", "signal",    "viber",     "contact",     "reach",    "dial",       "hotline",
    "helpline",  "landline", "ph",        "fon",       "ruf",         "anrufen",  "erreichbar", "erreichen",
    "durchwahl", "appelez",  "appeler",   "appelle",   "appelez-moi", "joindre",  "joignable",  "portable",
    "fixe",      "llámame",  "llamar",    "llama",     "llámenos",    "llámanos", "contacto",   "chiamare",
    "chiama",    "chiamami", "bellen",    "bel",       "ligue",       "ligar",    "numéro",     "número"};
constexpr std::string_view k_positive_prefix[] = {
    "telefon",  "téléphon", "telephon",  "teléfon",  "phone", "handy",     "mobil",
    "whatsapp", "hotline",  "rufnummer", "festnetz", "fax",   "cellphone", "smartphone"};
constexpr std::string_view k_negative_exact[] = {
    "order",       "orders",     "invoice",     "inv",          "ref",        "reference",    "isbn",
    "issn",        "id",         "ids",         "uid",          "uuid",       "serial",       "sn",
    "sku",         "ean",        "upc",         "gtin",         "asin",       "tracking",     "track",
    "shipment",    "parcel",     "version",     "ver",          "build",      "release",      "rev",
    "revision",    "patent",     "case",        "ticket",       "docket",     "account",      "acct",
    "iban",        "bic",        "swift",       "routing",      "aba",        "policy",       "claim",
    "member",      "customer",   "receipt",     "transaction",  "txn",        "confirmation", "booking",
    "reservation", "pnr",        "flight",      "zip",          "postcode",   "plz",          "postal",
    "lat",         "latitude",   "lon",         "lng",          "longitude",  "coordinates",  "ip",
    "port",        "pid",        "pin",         "otp",          "code",       "password",     "passcode",
    "ssn",         "tin",        "ein",         "vat",          "tax",        "ust",          "passport",
    "reisepass",   "license",    "licence",     "registration", "hrb",        "page",         "pages",
    "pp",          "doi",        "arxiv",       "pmid",         "commit",     "hash",         "sha",
    "checksum",    "timestamp",  "epoch",       "seed",         "price",      "total",        "amount",
    "cost",        "population", "inhabitants", "einwohner",    "habitants",  "views",        "followers",
    "likes",       "downloads",  "votes",       "auftrag",      "kunden",     "artikel",      "colis",
    "suivi",       "pedido",     "factura",     "fattura",      "ordine",     "siret",        "card",
    "karte",       "carte",      "tarjeta",     "visa",         "mastercard", "amex",         "credit",
    "debit",       "cvv",        "cvc"};
constexpr std::string_view k_negative_prefix[] = {
    "bestell",      "rechnung",    "auftrags",    "kundennummer", "vertrag",     "sendung",  "artikelnummer",
    "serien",       "referen",     "réf",         "invoice",      "order",       "tracking", "factur",
    "commande",     "transact",    "confirm",     "reserv",       "steuer",      "version",  "isbn",
    "aktenzeichen", "seguimiento", "kontonummer", "kreditkart",   "kartennummer"};
constexpr std::string_view k_negative_after[] = {"views", "followers", "likes", "downloads",
                                                 "votes", "users",     "times", "bytes"};
constexpr std::string_view k_positive_after[] = {
    "mobile", "cell", "home",  "work",     "office",   "fax",  "whatsapp", "landline",
    "privat", "büro", "handy", "festnetz", "portable", "fixe", "móvil",    "sms"};

template <size_t N>
bool in(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

template <size_t N>
bool starts_any(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view p : list)
    if (w.size() >= p.size() && w.substr(0, p.size()) == p) return true;
  return false;
}

bool is_phone_emoji(char32_t cp) {
  return cp == 0x260E || cp == 0x260F || cp == 0x2706 || cp == 0x1F4DE || cp == 0x1F4F1 || cp == 0x1F4F2 ||
         cp == 0x1F4E0;
}

struct Word {
  std::string folded;
  bool colon_after = false;  // "T:" / "M:" signature labels
};

// Words before `pos`, nearest first; stops at a line break, a digit or k_max_bytes. Sets
// `emoji` when a phone emoji is seen.
std::vector<Word> words_before(std::string_view text, size_t pos, size_t max_words, bool& emoji) {
  std::vector<Word> words;
  const size_t floor = pos > k_max_bytes ? pos - k_max_bytes : 0;
  size_t p = pos;
  bool colon = false;
  bool new_line = false;
  while (p > floor && words.size() < max_words) {
    const CodePoint cp = decode_utf8_before(text, p);
    if (unicode_digit_value(cp.value) >= 0) break;
    if (cp.value == U'\n' || cp.value == U'\r') {
      // A label on the line above ("Phone:\n202 …", table cells) counts; further lines do not.
      if (!words.empty() || (new_line && cp.value == U'\n')) break;
      new_line = true;
      p -= cp.length;
      continue;
    }
    if (is_phone_emoji(cp.value)) emoji = true;
    if (!is_word_char(cp.value)) {
      if (cp.value == U':') colon = true;
      p -= cp.length;
      continue;
    }
    size_t start = p;
    while (start > 0) {
      const CodePoint c = decode_utf8_before(text, start);
      if (!is_word_char(c.value) && !(c.value == U'\'' || c.value == 0x2019)) break;
      start -= c.length;
    }
    words.push_back({fold_case(text.substr(start, p - start)), colon});
    colon = false;
    p = start;
  }
  return words;
}

std::vector<std::string> words_after(std::string_view text, size_t pos, size_t max_words) {
  std::vector<std::string> words;
  const size_t limit = std::min(text.size(), pos + k_max_bytes);
  size_t p = pos;
  while (p < limit && words.size() < max_words) {
    const CodePoint cp = decode_utf8(text, p);
    if (cp.value == U'\n' || cp.value == U'\r' || unicode_digit_value(cp.value) >= 0) break;
    if (!is_word_char(cp.value)) {
      p += cp.length;
      continue;
    }
    size_t end = p;
    while (end < text.size()) {
      const CodePoint c = decode_utf8(text, end);
      if (!is_word_char(c.value)) break;
      end += c.length;
    }
    words.push_back(fold_case(text.substr(p, end - p)));
    p = end;
  }
  return words;
}

bool positive_word(const Word& w) {
  if (in(k_positive_exact, w.folded) || starts_any(k_positive_prefix, w.folded)) return true;
  // One-letter signature labels: "T: …", "M: …", "P: …", "F: …".
  return w.colon_after && w.folded.size() == 1 &&
         std::string_view("tmpfcwho").find(w.folded[0]) != std::string_view::npos;
}

bool negative_word(std::string_view w) {
  return in(k_negative_exact, w) || starts_any(k_negative_prefix, w);
}

}  // namespace

Context context_of(std::string_view text, size_t start, size_t end) {
  Context ctx;
  for (std::string_view scheme : {"tel:", "tel://", "callto:", "sms:", "facetime:"}) {
    if (start >= scheme.size() && iequals(text.substr(start - scheme.size(), scheme.size()), scheme)) {
      ctx.tel_uri = true;
      break;
    }
  }
  bool emoji = false;
  const std::vector<Word> before = words_before(text, start, k_words_before, emoji);
  for (size_t i = 0; i < before.size(); ++i) {
    if (positive_word(before[i])) ctx.positive = true;
    if (i < k_negative_words_before && negative_word(before[i].folded)) ctx.negative = true;
  }
  if (emoji) ctx.positive = true;
  const std::vector<std::string> after = words_after(text, end, k_words_after);
  if (!after.empty()) {
    if (in(k_positive_after, after[0])) ctx.positive = true;
    if (in(k_negative_after, after[0])) ctx.negative = true;
  }
  return ctx;
}

}  // namespace exposcan::phone
