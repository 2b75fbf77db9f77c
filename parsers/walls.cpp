#include "parsers/walls.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/registry.h"

namespace exposcan {
namespace {

constexpr size_t k_scan_bytes = 256u << 10;

// Position of `tag` ("<title", "</title": starts with '<', lower-case) in `html` from `from`,
// ASCII case-insensitively; npos when absent.
size_t find_tag(std::string_view html, std::string_view tag, size_t from) {
  for (size_t p = html.find('<', from); p != std::string_view::npos; p = html.find('<', p + 1))
    if (istarts_with(html.substr(p), tag)) return p;
  return std::string_view::npos;
}

std::string title_of(std::string_view head) {
  size_t t = find_tag(head, "<title", 0);
  if (t == std::string_view::npos) return {};
  size_t gt = head.find('>', t);
  size_t end = find_tag(head, "</title", gt == std::string_view::npos ? t : gt);
  if (gt == std::string_view::npos || end == std::string_view::npos || end <= gt) return {};
  return collapse_whitespace(head.substr(gt + 1, std::min<size_t>(end - gt - 1, 300)));
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

  // Cost matters: this runs on every page. The title comes from the first 32 KiB; the body is
  // searched only where a wall is plausible (an error status, a suspicious title, a platform
  // host whose interstitials are known, a short page).
  std::string_view body = std::string_view(page.body).substr(0, k_scan_bytes);
  std::string title = title_of(body.substr(0, 32u << 10));
  std::string ltitle = ascii_lower(title);
  bool error_status = page.status >= 400;
  bool platform = platform_for_host(host) != "web";
  bool json = page.content_type.find("json") != std::string::npos;
  std::string lower_storage;
  auto lower = [&]() -> const std::string& {
    if (lower_storage.empty()) lower_storage = ascii_lower(body);
    return lower_storage;
  };

  if (page.status == 429) return verdict(Visibility::rate_limited, "rate-limited", "HTTP 429" + (title.empty() ? "" : " \"" + title + "\""));

  // Challenges and captchas.
  if (ltitle == "just a moment...") return verdict(Visibility::blocked, "waf-challenge", "Cloudflare challenge page \"" + title + "\"");
  if (has(ltitle, "attention required! | cloudflare")) return verdict(Visibility::blocked, "captcha", "Cloudflare captcha page \"" + title + "\"");
  bool suspicious_title = has(ltitle, "captcha") || has(ltitle, "robot") || has(ltitle, "human") || has(ltitle, "verify") ||
                          has(ltitle, "security check") || ltitle == "access denied" || ltitle == "blocked";
  if (error_status || suspicious_title) {
    const std::string& l = lower();
    if (has(l, "/cdn-cgi/challenge-platform/") || has(l, "window._cf_chl_opt"))
      return verdict(Visibility::blocked, "waf-challenge", "Cloudflare challenge page" + (title.empty() ? "" : " \"" + title + "\""));
    if (has(l, "captcha-delivery.com")) return verdict(Visibility::blocked, "captcha", "DataDome captcha (captcha-delivery.com)");
    if (has(l, "px-captcha")) return verdict(Visibility::blocked, "captcha", "PerimeterX captcha (px-captcha)");
    if (has(l, "g-recaptcha") || has(l, "h-captcha") || has(l, "cf-turnstile"))
      return verdict(Visibility::blocked, "captcha", "captcha page \"" + title + "\"");
    if (page.status == 403 && ltitle == "access denied" && has(l, "reference"))
      return verdict(Visibility::blocked, "waf-challenge", "Akamai \"Access Denied\" page");
    if (has(l, "blocked by network security")) return verdict(Visibility::blocked, "blocked", "\"blocked by network security\" page");
  }

  // Rate-limit pages served with 200 (or JSON bodies that say so).
  if (ltitle == "too many requests" || has(ltitle, "rate limit") || has(ltitle, "rate-limited"))
    return verdict(Visibility::rate_limited, "rate-limited", "rate-limit page \"" + title + "\"");
  if (json && body.size() < 4096) {
    const std::string& l = lower();
    if (has(l, "\"rate limit exceeded\"") || has(l, "\"too many requests\"") || has(l, "\"ratelimited\""))
      return verdict(Visibility::rate_limited, "rate-limited", "rate-limit message in the JSON body");
  }

  if (page.content_type.find("html") == std::string::npos) return std::nullopt;

  // Cookie-consent walls.
  if (has(ltitle, "before you continue")) return verdict(Visibility::login_wall, "cookie-wall", "cookie-consent page \"" + title + "\"");
  if (body.size() < (64u << 10) && has(lower(), "action=\"https://consent."))
    return verdict(Visibility::login_wall, "cookie-wall", "cookie-consent page \"" + title + "\"");

  // Sign-in interstitials: a sign-in title with a sign-in form, or a platform's known markers.
  for (std::string_view t : {"log in", "login", "sign in", "sign up", "log into", "join linkedin", "anmelden"}) {
    if (!has(ltitle, t)) continue;
    const std::string& l = lower();
    bool password = has(l, "type=\"password\"") || has(l, "type='password'") || has(l, "type=password");
    if (password || has(l, "id=\"login_form\"") || has(l, "authwall") || has(l, "loginform"))
      return verdict(Visibility::login_wall, "login-wall", "sign-in page \"" + title + "\"" + (password ? " with a password field" : ""));
  }
  if (platform || body.size() < (16u << 10)) {
    const std::string& l = lower();
    if (has(l, "you must log in to continue") || has(l, "log in to continue") || has(l, "sign in to continue"))
      return verdict(Visibility::login_wall, "login-wall", "\"log in to continue\" interstitial");
    if (has(l, "d_checkpoint_lg_authwall") || has(l, "authwall?trk")) return verdict(Visibility::login_wall, "login-wall", "LinkedIn authwall");
    if (has(l, "javascript is not available") && has(l, "x.com"))
      return verdict(Visibility::unknown, "javascript-required", "X's \"JavaScript is not available\" page");
  }
  return std::nullopt;
}

}  // namespace exposcan
