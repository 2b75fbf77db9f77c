// parsers/platforms/social_html.h — logged-out HTML of platforms that expose little more than
// metadata to a crawler: Facebook (www and m.), X/Twitter, LinkedIn, YouTube.
//
// Each reads the single HtmlAnalysis (OpenGraph, Twitter cards, JSON-LD) and names things the
// platform's way:
// - Facebook: a profile or page (og:type profile / "is on Facebook" descriptions, JSON-LD Person/
//   Organization), a post permalink (/posts/, /permalink.php, /photo, story.php: og:description
//   is the post text, og:image its photo); m.facebook.com's story markup (div.story_body_container
//   text, <abbr> date, data-ft) when present.
// - X: profile pages ("Name (@handle) / X" titles, og:description bio) and post pages
//   (/<handle>/status/<id>: the quoted post text in og:description or twitter:description).
// - LinkedIn: public profiles (/in/<slug>: JSON-LD Person — jobTitle, worksFor, address,
//   alumniOf, sameAs — and OpenGraph), posts (/posts/<slug>: JSON-LD SocialMediaPosting /
//   DiscussionForumPosting with articleBody; the author's handle is the /in/<slug> of its url).
// - YouTube: channel pages (/@handle, /channel/UC…: og tags, itemprop identifier, the channel's
//   feeds/videos.xml link as a "feed" link) and watch pages (the itemprop="author" block, and
//   ytInitialPlayerResponse: whole description, keywords, channel id, isUnlisted).
// X's embed JSON (tweet-result, oEmbed) is read by parsers/platforms/x_syndication.h.
// Login walls, consent and challenge pages never reach these (parsers/walls.h runs first).
#pragma once

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

ParseOutput parse_facebook_html(const Page& page);
ParseOutput parse_x_html(const Page& page);
ParseOutput parse_linkedin_html(const Page& page);
ParseOutput parse_youtube_html(const Page& page);

}  // namespace exposcan
