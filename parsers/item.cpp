#include "parsers/item.h"

#include <string>

namespace exposcan {

std::string_view to_string(ItemKind kind) {
  switch (kind) {
    case ItemKind::profile: return "profile";
    case ItemKind::post: return "post";
    case ItemKind::comment: return "comment";
    case ItemKind::photo: return "photo";
    case ItemKind::video: return "video";
    case ItemKind::article: return "article";
    case ItemKind::link: return "link";
    case ItemKind::profile_field: return "profile-field";
    case ItemKind::page: return "page";
  }
  return "page";
}

std::string_view to_string(Visibility v) {
  switch (v) {
    case Visibility::public_: return "public";
    case Visibility::unlisted: return "unlisted";
    case Visibility::followers: return "followers";
    case Visibility::login_wall: return "login-wall";
    case Visibility::blocked: return "blocked";
    case Visibility::rate_limited: return "rate-limited";
    case Visibility::unknown: return "unknown";
  }
  return "unknown";
}

std::optional<ItemKind> item_kind_from_string(std::string_view s) {
  for (auto k : {ItemKind::profile, ItemKind::post, ItemKind::comment, ItemKind::photo, ItemKind::video,
                 ItemKind::article, ItemKind::link, ItemKind::profile_field, ItemKind::page})
    if (to_string(k) == s) return k;
  return std::nullopt;
}

std::optional<Visibility> visibility_from_string(std::string_view s) {
  for (auto v : {Visibility::public_, Visibility::unlisted, Visibility::followers, Visibility::login_wall,
                 Visibility::blocked, Visibility::rate_limited, Visibility::unknown})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

bool PageSignals::has_directive(std::string_view name) const {
  for (const auto& d : robots)
    if (d.name == name) return true;
  return false;
}

bool is_author_credit_field(std::string_view field) { return field == "author.name" || field == "author.handle"; }

bool is_share_field(std::string_view name) { return name == "reposted_by" || name == "reblogged_by"; }

void for_each_text_field(const Item& item,
                         const std::function<void(std::string_view field, std::string_view text)>& fn) {
  if (!item.title.empty()) fn("title", item.title);
  if (!item.text.empty()) fn("text", item.text);
  if (!item.author.name.empty()) fn("author.name", item.author.name);
  if (!item.author.handle.empty()) fn("author.handle", item.author.handle);
  for (size_t i = 0; i < item.media.size(); ++i)
    if (!item.media[i].alt.empty()) fn("media[" + std::to_string(i) + "].alt", item.media[i].alt);
  // Who shared a post or whom it answers is the platform's account graph, not what the item says:
  // a repost of someone's post is not the sharer's personal data, nor a reply the data of the
  // person answered (the letter would claim such items as theirs). GitHub's noreply commit address
  // is the account's alias (ID+login), reaches no mailbox and is what GitHub offers to keep the
  // e-mail private (for the author and for co-authors alike): reporting it as an exposed e-mail
  // address would be wrong.
  auto scanned = [](std::string_view name) {
    return !is_share_field(name) && name != "reply_to" && name != "commit.author.noreply" &&
           name != "commit.coauthor.noreply";
  };
  for (const auto& [name, value] : item.fields)
    if (!value.empty() && scanned(name)) fn("fields." + name, value);
  if (item.geo && !item.geo->name.empty()) fn("geo.name", item.geo->name);
}

std::optional<std::string_view> text_field(const Item& item, std::string_view field) {
  std::optional<std::string_view> out;
  for_each_text_field(item, [&](std::string_view f, std::string_view t) {
    if (!out && f == field) out = t;
  });
  return out;
}

}  // namespace exposcan
