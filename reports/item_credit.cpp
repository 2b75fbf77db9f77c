#include "reports/item_credit.h"

#include <algorithm>

#include "core/text.h"

namespace exposcan {

bool is_shared(const Item& item) {
  auto bare = [](std::string_view h) { return ascii_lower(h.starts_with('@') ? h.substr(1) : h); };
  return std::any_of(item.fields.begin(), item.fields.end(), [&](const auto& f) {
    return is_share_field(f.first) && (item.author.handle.empty() || bare(f.second) != bare(item.author.handle));
  });
}

ItemCredit item_credit(const Item& item, std::span<const Finding* const> findings) {
  if (is_shared(item)) return ItemCredit::shared;
  if (item.author.name.empty() && item.author.handle.empty()) return ItemCredit::uncredited;
  for (const Finding* f : findings)
    for (const auto& m : f->matches)
      if (m.type == "identity" && is_author_credit_field(m.field) &&
          (m.subtype == "name" || m.subtype == "handle" || m.subtype == "email"))
        return ItemCredit::person;
  return ItemCredit::other;
}

bool names_person(std::span<const Finding* const> findings) {
  for (const Finding* f : findings)
    for (const auto& m : f->matches)
      if (m.type == "identity" && m.subtype != "family" && !is_author_credit_field(m.field)) return true;
  return false;
}

}  // namespace exposcan
