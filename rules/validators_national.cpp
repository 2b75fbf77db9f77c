// National identifier validators declared in rules/validators.h (US, UK, DE, FR, ES, IT, NL).
#include <array>
#include <cstdint>
#include <string>

#include "core/text.h"
#include "rules/validators.h"

namespace exposcan {

namespace {

// `s` with every byte in `drop` removed, upper-cased; empty when `s` holds other non-alnum bytes.
std::string compact(std::string_view s, std::string_view drop) {
  std::string out;
  for (char c : s) {
    if (drop.find(c) != std::string_view::npos) continue;
    if (!is_ascii_alnum(c)) return {};
    out.push_back(ascii_upper_char(c));
  }
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_ascii_digit(c)) return false;
  return true;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool us_ssn_valid(std::string_view s) {
  std::string digits;
  if (s.size() == 11) {
    const char sep = s[3];
    if ((sep != '-' && sep != ' ') || s[6] != sep) return false;
    digits = std::string(s.substr(0, 3)) + std::string(s.substr(4, 2)) + std::string(s.substr(7, 4));
  } else if (s.size() == 9) {
    digits = std::string(s);
  } else {
    return false;
  }
  if (!all_digits(digits)) return false;
  const int area = to_int(digits.substr(0, 3));
  const int group = to_int(digits.substr(3, 2));
  const int serial = to_int(digits.substr(5, 4));
  if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) return false;
  return digits != "078051120" && digits != "219099999";
}

bool uk_nino_valid(std::string_view s) {
  const std::string n = compact(s, " ");
  if (n.size() != 9) return false;
  const char a = n[0], b = n[1];
  if (!is_ascii_alpha(a) || !is_ascii_alpha(b)) return false;
  if (std::string_view("DFIQUV").find(a) != std::string_view::npos) return false;
  if (std::string_view("DFIOQUV").find(b) != std::string_view::npos) return false;
  for (std::string_view bad : {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
    if (n.compare(0, 2, bad) == 0) return false;
  return all_digits(std::string_view(n).substr(2, 6)) && n[8] >= 'A' && n[8] <= 'D';
}

bool de_steuer_id_valid(std::string_view s) {
  const std::string d = compact(s, " /");
  if (d.size() != 11 || !all_digits(d) || d[0] == '0') return false;
  std::array<int, 10> count{};
  for (size_t i = 0; i < 10; ++i) ++count[static_cast<size_t>(d[i] - '0')];
  int repeated = 0;
  for (int c : count) {
    if (c > 3) return false;
    if (c > 1) ++repeated;
  }
  if (repeated != 1) return false;
  for (size_t i = 0; i + 2 < 10; ++i)
    if (d[i] == d[i + 1] && d[i] == d[i + 2]) return false;
  // ISO 7064 MOD 11,10.
  int product = 10;
  for (size_t i = 0; i < 10; ++i) {
    int sum = (d[i] - '0' + product) % 10;
    if (sum == 0) sum = 10;
    product = (sum * 2) % 11;
  }
  int check = 11 - product;
  if (check == 10) check = 0;
  return check == d[10] - '0';
}

bool fr_nir_valid(std::string_view s) {
  const std::string n = compact(s, " ");
  if (n.size() != 15) return false;
  std::string number = n.substr(0, 13);
  const std::string dept = number.substr(5, 2);
  if (dept == "2A") {
    number.replace(5, 2, "19");
  } else if (dept == "2B") {
    number.replace(5, 2, "18");
  }
  if (!all_digits(number) || !all_digits(std::string_view(n).substr(13))) return false;
  if (std::string_view("123478").find(n[0]) == std::string_view::npos) return false;
  const int month = to_int(number.substr(3, 2));
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  if (dept == "00") return false;
  uint64_t value = 0;
  for (char c : number) value = value * 10 + static_cast<uint64_t>(c - '0');
  const int key = to_int(std::string_view(n).substr(13));
  return key >= 1 && key <= 97 && key == 97 - static_cast<int>(value % 97);
}

bool es_dni_valid(std::string_view s) {
  std::string n = compact(s, " -");
  if (n.size() != 9) return false;
  if (n[0] == 'X' || n[0] == 'Y' || n[0] == 'Z') n[0] = static_cast<char>('0' + (n[0] - 'X'));
  const std::string_view number = std::string_view(n).substr(0, 8);
  if (!all_digits(number)) return false;
  static constexpr std::string_view k_letters = "TRWAGMYFPDXBNJZSQVHLCKE";
  return n[8] == k_letters[static_cast<size_t>(to_int(number) % 23)];
}

bool it_codice_fiscale_valid(std::string_view s) {
  const std::string cf = compact(s, "");
  if (cf.size() != 16) return false;
  // Positions that hold digits, which omocodia may replace by L M N P Q R S T U V.
  static constexpr std::string_view k_omocodia = "LMNPQRSTUV";
  static constexpr std::array<size_t, 7> k_digit_positions{6, 7, 9, 10, 12, 13, 14};
  std::string plain = cf;
  for (size_t pos : k_digit_positions) {
    const char c = cf[pos];
    if (is_ascii_digit(c)) continue;
    const size_t k = k_omocodia.find(c);
    if (k == std::string_view::npos) return false;
    plain[pos] = static_cast<char>('0' + k);
  }
  for (size_t i : {0u, 1u, 2u, 3u, 4u, 5u, 8u, 11u, 15u})
    if (!is_ascii_alpha(cf[i])) return false;
  if (std::string_view("ABCDEHLMPRST").find(cf[8]) == std::string_view::npos) return false;
  const int day = to_int(std::string_view(plain).substr(9, 2));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  // Check character: odd positions (1st, 3rd, …) through the odd table, even ones by value.
  static constexpr std::array<int, 26> k_odd{1,  0,  5, 7, 9, 13, 15, 17, 19, 21, 2,  4,  18,
                                             20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
  int sum = 0;
  for (size_t i = 0; i < 15; ++i) {
    const char c = cf[i];
    const int v = is_ascii_digit(c) ? c - '0' : c - 'A';
    sum += (i % 2 == 0) ? k_odd[static_cast<size_t>(v)] : v;
  }
  return cf[15] == static_cast<char>('A' + sum % 26);
}

bool nl_bsn_valid(std::string_view s) {
  std::string d = compact(s, " .");
  if (d.size() == 8) d.insert(d.begin(), '0');
  if (d.size() != 9 || !all_digits(d) || d == "000000000") return false;
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) sum += static_cast<int>(9 - i) * (d[i] - '0');
  sum -= d[8] - '0';
  return sum % 11 == 0;
}

}  // namespace exposcan
