#include "parsers/walls.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"

namespace exposcan {
namespace {

constexpr size_t k_scan_bytes = 256u << 10;

std::string title_of(const std::string& lower_body, std::string_view body) {
  size_t t = lower_body.find("<title");
  if (t == std::string::npos) return {};
  size_t gt = lower_body.find('>', t);
  size_t end = lower_body.find("</title", gt == std::string::npos ? t : gt);
  if (gt == std::string::npos || end == std::string::npos || end <= gt) return {};
  return collapse_whitespace(body.substr(gt + 1, std::min<size_t>(end - gt - 1, 300)));
}

bool has(const std::string& hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

WallVerdict verdict(Visibility v, const char* kind, std::string evidence) { return {v, kind, std::move(evidence)}; }

bool login_path(std::string_view path) {
  std::string p = ascii_lower(path);
  for (std::string_view s : {"/login", "/accounts/login", "/auth/sign_in", "/i/flow/login", "/signin", "/sign-in",
                             "/authwall", "/checkpoint", "/uas/login", "/account/login", "/users/sign_in", "/session"})
    if (p.rfind(s, 0) == 0) return true;
  return false;
}

}  // namespace

std::optional<WallVerdict> detect_wall(const Page& page) {
  std::string final_url = page.final_url.empty() ? page.url : page.final_url;
  auto fu = Url::parse(final_url);
  std::string host = fu ? fu->host() : std::string();
  std::string path = fu ? fu->path() : std::string();

  // Redirected to a sign-in or consent host/path.
  if (!page.redirects.empty() && login_path(path))
    return verdict(Visibility::login_wall, "login-wall", "redirected to the sign-in page " + final_url);
  if (host.rfind("consent.", 0) == 0 || host.rfind("guce.", 0) == 0)
    return verdict(Visibility::login_wall, "cookie-wall", "redirected to the consent page " + final_url);

  std::string mitigated = ascii_lower(page.header("cf-mitigated"));
  if (mitigated == "challenge") return verdict(Visibility::blocked, "waf-challenge", "Cloudflare challenge (cf-mitigated: challenge)");

  std::string_view body = std::string_view(page.body).substr(0, k_scan_bytes);
  std::string lower = ascii_lower(body);
  std::string title = title_of(lower, body);
  std::string ltitle = ascii_lower(title);

  if (page.status == 429) return verdict(Visibility::rate_limited, "rate-limited", "HTTP 429" + (title.empty() ? "" : " \"" + title + "\""));

  // Challenges and captchas.
  if (ltitle == "just a moment..." || has(lower, "/cdn-cgi/challenge-platform/") || has(lower, "window._cf_chl_opt"))
    return verdict(Visibility::blocked, "waf-challenge", "Cloudflare challenge page" + (title.empty() ? "" : " \"" + title + "\""));
  if (has(ltitle, "attention required! | cloudflare"))
    return verdict(Visibility::blocked, "captcha", "Cloudflare captcha page \"" + title + "\"");
  if (has(lower, "captcha-delivery.com")) return verdict(Visibility::blocked, "captcha", "DataDome captcha (captcha-delivery.com)");
  if (has(lower, "px-captcha")) return verdict(Visibility::blocked, "captcha", "PerimeterX captcha (px-captcha)");
  bool captcha_widget = has(lower, "g-recaptcha") || has(lower, "h-captcha") || has(lower, "cf-turnstile");
  if (captcha_widget && (page.status >= 400 || has(ltitle, "captcha") || has(ltitle, "robot") || has(ltitle, "human") ||
                         has(ltitle, "verify") || has(ltitle, "security check")))
    return verdict(Visibility::blocked, "captcha", "captcha page \"" + title + "\"");
  if (page.status == 403 && ltitle == "access denied" && has(lower, "reference"))
    return verdict(Visibility::blocked, "waf-challenge", "Akamai \"Access Denied\" page");
  if (has(lower, "blocked by network security") || has(lower, "you've been blocked by network security"))
    return verdict(Visibility::blocked, "blocked", "\"blocked by network security\" page");

  // Rate-limit pages served with 200 (or JSON bodies that say so).
  if (ltitle == "too many requests" || has(ltitle, "rate limit") || has(ltitle, "rate-limited"))
    return verdict(Visibility::rate_limited, "rate-limited", "rate-limit page \"" + title + "\"");
  if ((page.content_type.find("json") != std::string::npos) &&
      (has(lower, "\"rate limit exceeded\"") || has(lower, "\"too many requests\"") || has(lower, "\"ratelimited\"")))
    return verdict(Visibility::rate_limited, "rate-limited", "rate-limit message in the JSON body");

  if (page.content_type.find("html") == std::string::npos) return std::nullopt;

  // Cookie-consent walls.
  if (has(ltitle, "before you continue") || (has(lower, "action=\"https://consent.") && lower.size() < 64 * 1024))
    return verdict(Visibility::login_wall, "cookie-wall", "cookie-consent page \"" + title + "\"");

  // Sign-in interstitials: a sign-in title or a platform's known wall markers.
  bool password = has(lower, "type=\"password\"") || has(lower, "type='password'") || has(lower, "type=password");
  for (std::string_view t : {"log in", "login", "sign in", "sign up", "log into", "join linkedin", "anmelden"}) {
    if (!has(ltitle, t)) continue;
    if (password || has(lower, "id=\"login_form\"") || has(lower, "authwall") || has(lower, "loginform"))
      return verdict(Visibility::login_wall, "login-wall", "sign-in page \"" + title + "\"" + (password ? " with a password field" : ""));
  }
  if (has(lower, "you must log in to continue") || has(lower, "log in to continue") || has(lower, "sign in to continue"))
    return verdict(Visibility::login_wall, "login-wall", "\"log in to continue\" interstitial");
  if (has(lower, "d_checkpoint_lg_authwall") || has(lower, "authwall?trk"))
    return verdict(Visibility::login_wall, "login-wall", "LinkedIn authwall");
  if (has(lower, "javascript is not available") && has(lower, "x.com"))
    return verdict(Visibility::unknown, "javascript-required", "X's \"JavaScript is not available\" page");
  return std::nullopt;
}

}  // namespace exposcan
