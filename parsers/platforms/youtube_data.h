// parsers/platforms/youtube_data.h — what a YouTube page's embedded `ytInitialData` says.
//
// A channel page (/@handle, /channel/UC…, and its /videos, /shorts, /posts, /about tabs) is a shell
// whose content is the JSON object the page assigns to `ytInitialData`. That object holds the
// channel's metadata (`channelMetadataRenderer`: the whole description, the handle, keywords), the
// header (`pageHeaderViewModel`, older `c4TabbedHeaderRenderer`), the about panel
// (`aboutChannelViewModel`, older `channelAboutFullMetadataRenderer`: country, join date, the
// links the owner lists) and the tab's items: videos (`videoRenderer`, `gridVideoRenderer`,
// `channelVideoPlayerRenderer`, `lockupViewModel`), Shorts (`reelItemRenderer`,
// `shortsLockupViewModel`) and community posts (`backstagePostRenderer`). Renderers are found
// wherever they sit in the tree, as YouTube moves them between layouts.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "parsers/item.h"

namespace exposcan {

// The object a YouTube page assigns in a script: `var ytInitialData = {...};` or
// `window["ytInitialData"] = {...};` (null json when absent or not an object). Read from the raw
// page: the parsed document leaves out JavaScript's text. The object is cut out by matching
// braces outside strings, as the script goes on after it.
nlohmann::json youtube_script_object(std::string_view html, std::string_view name);

// The "@handle" segment of a YouTube address ("https://www.youtube.com/@jane/videos" -> "@jane"),
// or "".
std::string youtube_handle_in(std::string_view url);

// Fills `channel` (the channel's profile item: its id, url and author already set) from
// `data` — the whole description, handle, keywords, avatar, country, join date and listed links
// — and returns the channel's videos, Shorts and community posts the page lists. Those a
// renderer credits to another channel (featured channels' shelves) are left out. `base` is the
// Item every returned item starts from (platform, provenance, source, signals).
std::vector<Item> read_youtube_initial_data(const nlohmann::json& data, Item& channel, const Item& base);

}  // namespace exposcan
