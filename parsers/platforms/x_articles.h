// parsers/platforms/x_articles.h — posts as X's web app renders them, for pages saved from a browser.
//
// A crawler fetching x.com gets the app's script shell (the profile's metadata at most); a page a
// logged-out or logged-in visitor saves from the browser holds the rendered timeline: one
// `<article data-testid="tweet">` per post, with the author's name and @handle
// (`data-testid="User-Name"`), the post's link and time (`<a href="/HANDLE/status/ID"><time
// datetime=…>`), its text (`data-testid="tweetText"`), its pictures with their alt text
// (`data-testid="tweetPhoto"`) and, for a repost, who reposted it (`data-testid="socialContext"`).
// A quoted post's card inside a post (a <div role="link"> with its own User-Name) is left out of
// the post's text, pictures and link. On a post's own page (/HANDLE/status/ID) the posts after it
// are replies, comments answering it (replies to replies too), up to the heading a logged-in page
// puts before other accounts' posts ("Discover more"). Pictures a browser saved beside the page
// keep their local path, and only when they have alt text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parsers/html_document.h"
#include "parsers/item.h"

namespace exposcan {

// The rendered posts of `doc`, each starting from `base` (platform, provenance, source, signals).
// `focal_id`: the id of the post whose page this is ("" on other pages).
std::vector<Item> x_rendered_posts(const HtmlDocument& doc, const Item& base, std::string_view focal_id);

}  // namespace exposcan
