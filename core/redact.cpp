#include "core/redact.h"

#include "core/text.h"

namespace exposcan {
namespace {

// Number of bytes of the UTF-8 sequence starting with byte c.
size_t utf8_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 6) return 2;
  if ((c >> 4) == 14) return 3;
  if ((c >> 3) == 30) return 4;
  return 1;
}

std::string mask_keep_first(std::string_view s) {
  if (s.empty()) return {};
  size_t first = std::min(utf8_len(static_cast<unsigned char>(s[0])), s.size());
  return std::string(s.substr(0, first)) + "***";
}

std::string mask_digits_keep_last(std::string_view s, size_t keep) {
  size_t digits = 0;
  for (char c : s)
    if (is_ascii_digit(c)) ++digits;
  std::string out;
  size_t seen = 0;
  for (char c : s) {
    if (is_ascii_digit(c)) {
      ++seen;
      out += (seen + keep > digits) ? c : '*';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string redact_email(std::string_view email) {
  size_t at = email.rfind('@');
  if (at == std::string_view::npos) return redact_generic(email);
  return mask_keep_first(email.substr(0, at)) + std::string(email.substr(at));
}

std::string redact_phone(std::string_view phone) {
  std::string_view p = trim(phone);
  std::string prefix;
  if (!p.empty() && p[0] == '+') {
    size_t i = 1;
    while (i < p.size() && i <= 3 && is_ascii_digit(p[i])) ++i;
    // keep "+<cc>" only when followed by a separator, so the country stays visible
    if (i < p.size() && !is_ascii_digit(p[i])) {
      prefix = std::string(p.substr(0, i));
      p.remove_prefix(i);
    }
  }
  return prefix + mask_digits_keep_last(p, 2);
}

std::string redact_generic(std::string_view value) {
  std::string out;
  bool word_start = true;
  for (size_t i = 0; i < value.size();) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    size_t n = std::min(utf8_len(c), value.size() - i);
    if (is_ascii_space(value[i]) || value[i] == ',' || value[i] == '-') {
      out += value[i];
      word_start = true;
    } else if (word_start) {
      out.append(value.substr(i, n));
      word_start = false;
    } else {
      out += '*';
    }
    i += n;
  }
  return out;
}

std::string redact(std::string_view type, std::string_view value) {
  if (type == "email") return redact_email(value);
  if (type == "phone") return redact_phone(value);
  if (type == "payment_card" || type == "iban" || type == "national_id")
    return mask_digits_keep_last(value, 4).substr(0, value.size());
  if (type == "ip_address" || type == "geo") return mask_digits_keep_last(value, 0);
  return redact_generic(value);
}

}  // namespace exposcan
