// parsers/platforms/x_common.h — what X's JSON shapes share: a post's t.co links and media.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "parsers/item.h"

namespace exposcan {

// `text` as written: its t.co links replaced by entities.urls[].expanded_url (each also an item
// link), the t.co links of its pictures removed. Each of `media` (media_url_https, the mp4 of a
// video or GIF, ext_alt_text) becomes a media entry of `it`; hashtags become tags, mentions the
// field "mention".
std::string x_written_text(std::string text, const nlohmann::json& entities, const nlohmann::json& media, Item& it);

}  // namespace exposcan
