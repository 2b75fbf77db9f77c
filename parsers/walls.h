// parsers/walls.h — recognising pages that stand in for content a logged-out visitor cannot see.
//
// A login wall (a redirect to a sign-in page, a sign-in interstitial), a cookie-consent wall, a
// captcha or WAF challenge (Cloudflare, DataDome, PerimeterX, Akamai), a block page or a "rate
// limited" page is not an empty result: it becomes one Item whose visibility says why the content
// could not be seen (login-wall / blocked / rate-limited, or unknown for pages that need
// JavaScript), with the marker that gave it away as evidence. Markers are deliberately specific
// (page titles, vendor scripts, challenge headers, sign-in forms on platform hosts) so an ordinary
// page that merely mentions "log in" or embeds a contact-form captcha is not mistaken for a wall.
// Pure and thread-safe.
#pragma once

#include <optional>
#include <string>

#include "parsers/item.h"
#include "scanner/page.h"

namespace exposcan {

struct WallVerdict {
  Visibility visibility = Visibility::unknown;
  std::string kind;      // "login-wall", "cookie-wall", "captcha", "waf-challenge", "blocked",
                         // "rate-limited", "javascript-required"
  std::string evidence;  // what was matched, e.g. "title \"Log in • Instagram\" with a password field"
};

// Looks at status, final URL, headers and the first 256 KiB of the body.
std::optional<WallVerdict> detect_wall(const Page& page);

}  // namespace exposcan
