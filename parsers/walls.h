// parsers/walls.h — recognising pages that stand in for content a logged-out visitor cannot see.
//
// A login wall (a redirect to a sign-in page or an identity provider's host, a 401, a sign-in
// interstitial), a cookie-consent or age gate, a captcha or WAF challenge (Cloudflare, DataDome,
// PerimeterX/HUMAN, Akamai, Imperva, AWS WAF, Vercel, Kasada, Anubis; YouTube's bot check), a block
// page or a "rate limited" answer (429, GitHub's 403 with x-ratelimit-remaining 0) is not an empty
// result: it becomes one Item whose visibility says why the content could not be seen
// (login-wall / blocked / rate-limited, or unknown for pages that need JavaScript), with the
// marker that gave it away as evidence. Markers are deliberately specific (whole title parts,
// vendor scripts, challenge headers, real password inputs, sign-in paths as whole segments) so an
// ordinary page that mentions "log in", quotes an interstitial, links a LinkedIn authwall URL or
// embeds a contact-form captcha is not mistaken for a wall.
// Pure and thread-safe.
#pragma once

#include <optional>
#include <string>

#include "parsers/item.h"
#include "scanner/page.h"

namespace exposcan {

struct WallVerdict {
  Visibility visibility = Visibility::unknown;
  std::string kind;      // "login-wall", "cookie-wall", "age-gate", "content-unavailable", "captcha",
                         // "waf-challenge", "bot-check", "blocked", "rate-limited", "javascript-required"
  std::string evidence;  // what was matched, e.g. "title \"Log in • Instagram\" with a password field"
};

// Looks at status, final URL, headers and the first 256 KiB of the body.
std::optional<WallVerdict> detect_wall(const Page& page);

}  // namespace exposcan
