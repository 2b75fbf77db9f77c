#include "rules/validator_binding.h"

#include <arpa/inet.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "core/text.h"
#include "rules/validators.h"

namespace exposcan {
namespace {

std::string_view span(std::string_view text, size_t start, size_t end) {
  if (start > text.size()) return {};
  return text.substr(start, std::min(end, text.size()) - start);
}

template <bool (*F)(std::string_view)>
bool on_value(std::string_view text, size_t start, size_t end) {
  return F(span(text, start, end));
}

bool not_inside_url_check(std::string_view text, size_t start, size_t end) { return !inside_url(text, start, end); }

// IPv4 dotted quad or IPv6 text form, as inet_pton(3) accepts it.
bool ip_address_check(std::string_view text, size_t start, size_t end) {
  std::string v(span(text, start, end));
  unsigned char buf[16];
  return inet_pton(AF_INET, v.c_str(), buf) == 1 || inet_pton(AF_INET6, v.c_str(), buf) == 1;
}

// "lat, lon" with |lat| <= 90, |lon| <= 180, not 0,0.
bool geo_range_check(std::string_view text, size_t start, size_t end) {
  std::string v(span(text, start, end));
  const char* p = v.c_str();
  char* e = nullptr;
  double lat = std::strtod(p, &e);
  if (e == p) return false;
  while (*e == ' ' || *e == ',' || *e == ';') ++e;
  const char* q = e;
  double lon = std::strtod(q, &e);
  if (e == q) return false;
  return std::fabs(lat) <= 90 && std::fabs(lon) <= 180 && !(lat == 0 && lon == 0);
}

const ValidatorInfo k_validators[] = {
    {"email", on_value<email_plausible>, "RFC 5321/5322 dot-atom address with a plausible host and TLD"},
    {"luhn", on_value<luhn_valid>, "13-19 digits passing the Luhn (mod 10) check"},
    {"card", on_value<card_number_valid>, "Luhn and a known card brand (ISO/IEC 7812 IIN) for its length"},
    {"iban", on_value<iban_valid>, "ISO 13616 IBAN: registered length per country and mod-97 = 1"},
    {"iban_any_grouping", on_value<iban_valid_any_grouping>,
     "iban, written with single spaces, dashes or dots anywhere between characters"},
    {"email_obfuscated", on_value<email_obfuscated_plausible>,
     "an address written with at/dot words or brackets that reads as a plausible e-mail address"},
    {"not_a_date", on_value<not_a_date>, "not a calendar date (numeric or written)"},
    {"not_inside_url", not_inside_url_check, "not inside a URL, e-mail address or handle"},
    {"us_ssn", on_value<us_ssn_valid>, "US Social Security number area/group/serial rules"},
    {"uk_nino", on_value<uk_nino_valid>, "UK National Insurance number (HMRC NIM39110)"},
    {"de_steuer_id", on_value<de_steuer_id_valid>, "German tax id (Steuer-IdNr., ISO 7064 MOD 11,10)"},
    {"fr_nir", on_value<fr_nir_valid>, "French NIR with its 97-modulus key"},
    {"es_dni", on_value<es_dni_valid>, "Spanish DNI/NIE check letter"},
    {"it_codice_fiscale", on_value<it_codice_fiscale_valid>, "Italian codice fiscale check letter"},
    {"nl_bsn", on_value<nl_bsn_valid>, "Dutch BSN eleven-proof"},
    {"ip_address", ip_address_check, "a valid IPv4 or IPv6 address (inet_pton)"},
    {"geo_range", geo_range_check, "latitude within ±90 and longitude within ±180, not 0,0"},
};

}  // namespace

const ValidatorInfo* find_pack_validator(std::string_view name) {
  for (const auto& v : k_validators)
    if (v.name == name) return &v;
  return nullptr;
}

std::vector<std::string_view> pack_validator_names() {
  std::vector<std::string_view> out;
  for (const auto& v : k_validators) out.push_back(v.name);
  return out;
}

}  // namespace exposcan
