#include "parsers/walls.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "core/text.h"
#include "core/url.h"
#include "parsers/registry.h"
#include "parsers/xml_reader.h"

namespace exposcan {
namespace {

constexpr size_t k_scan_bytes = 256u << 10;
// A challenge, block or interstitial page is small; vendor markers are looked for on pages with
// a success status only below this size, so an article about Incapsula or PerimeterX is no wall.
constexpr size_t k_small_page = 32u << 10;
// An ordinary page that says "log in to continue" is usually bigger than this; an interstitial not.
constexpr size_t k_interstitial_page = 16u << 10;

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
  return decode_xml_entities(collapse_whitespace(head.substr(gt + 1, std::min<size_t>(end - gt - 1, 300))));
}

// memmem, not string_view::find: find steps to each occurrence of the needle's first character and
// compares from there, which on a page's lower-cased markup ("l", "s", "<") is most positions.
bool has(std::string_view hay, std::string_view needle) {
  return ::memmem(hay.data(), hay.size(), needle.data(), needle.size()) != nullptr;
}

WallVerdict verdict(Visibility v, const char* kind, std::string evidence) { return {v, kind, std::move(evidence)}; }

std::string quoted_title(const std::string& title) { return title.empty() ? std::string() : " \"" + title + "\""; }

// A path that is a sign-in (or consent, or age) gate: one of the known ones as whole segments
// ("/login", "/login/…", "/login.php"), so "/login-page-design-tips" or "/sessions-2024" is not.
const char* gate_path(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, const char*>, 26> k_gates{{
      {"/login", "login-wall"},          {"/accounts/login", "login-wall"},   {"/auth/sign_in", "login-wall"},
      {"/i/flow/login", "login-wall"},   {"/signin", "login-wall"},           {"/sign-in", "login-wall"},
      {"/authwall", "login-wall"},       {"/checkpoint", "login-wall"},       {"/uas/login", "login-wall"},
      {"/account/login", "login-wall"},  {"/users/sign_in", "login-wall"},    {"/session", "login-wall"},
      {"/session/new", "login-wall"},    {"/v3/signin", "login-wall"},        {"/u/login", "login-wall"},
      {"/m/signin", "login-wall"},       {"/account/sign-in", "login-wall"},  {"/user/login", "login-wall"},
      {"/cdn-cgi/access/login", "login-wall"}, {"/common/oauth2/v2.0/authorize", "login-wall"},
      {"/oauth2/authorize", "login-wall"}, {"/oauth/authorize", "login-wall"}, {"/ap/signin", "login-wall"},
      {"/privacy/consent", "cookie-wall"},  // Tumblr's GDPR gate
      {"/over18", "age-gate"},              // Reddit's over-18 interstitial
      {"/verify_age", "age-gate"},
  }};
  const std::string p = ascii_lower(path);
  for (const auto& [gate, kind] : k_gates) {
    if (p.rfind(gate, 0) != 0) continue;
    if (p.size() == gate.size() || p[gate.size()] == '/' || p[gate.size()] == '.') return kind;
    // "/login/identifier", "/signin/v2" are covered by '/'; "/authwall?trk" has no path after.
  }
  return nullptr;
}

// Identity providers' own hosts: a redirect that ends there is a sign-in.
bool sign_in_host(std::string_view host) {
  for (std::string_view known : {"appleid.apple.com", "id.atlassian.com"})
    if (host == known) return true;
  for (std::string_view suffix : {".auth0.com", ".okta.com", ".onelogin.com"})
    if (host.size() > suffix.size() && host.substr(host.size() - suffix.size()) == suffix) return true;
  // Hosts named for signing in (not "id." or "auth.": id.loc.gov and friends are content).
  for (std::string_view prefix : {"accounts.", "login.", "signin.", "sso."})
    if (host.rfind(prefix, 0) == 0) return true;
  return false;
}

// A title's parts: "Reddit - Prove your humanity" -> {"reddit", "prove your humanity"}.
std::vector<std::string_view> title_parts(std::string_view ltitle) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t end = ltitle.size(), sep_size = 0;
    for (std::string_view sep : {" | ", " \xE2\x80\xA2 ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", ", "}) {
      size_t p = ltitle.find(sep, start);
      if (p != std::string_view::npos && p < end) end = p, sep_size = sep.size();
    }
    parts.push_back(trim(ltitle.substr(start, end - start)));
    if (end == ltitle.size()) break;
    start = end + sep_size;
  }
  return parts;
}

// The title names a sign-in page: one of its (at most three) parts is a sign-in phrase ("Login •
// Instagram", "Sign in – Google Accounts", "Threads • Log in", "LinkedIn Login, Sign in | LinkedIn")
// or one followed by "to"/"into" and a short name ("Log into Facebook", "Sign in to GitHub"). A
// title that merely starts with or contains one ("Log in problems - phpBB", "Sign In With Google in
// React - YouTube", "Can't log in after upgrading") is not.
bool sign_in_title(std::string_view ltitle) {
  static constexpr std::string_view k_phrases[] = {"log in", "login", "sign in", "sign up", "log into", "join linkedin",
                                                   "anmelden", "connexion", "se connecter", "iniciar sesión", "accedi", "inloggen"};
  const std::vector<std::string_view> parts = title_parts(ltitle);
  if (parts.size() > 3) return false;
  for (std::string_view part : parts)
    for (std::string_view phrase : k_phrases) {
      if (part == phrase) return true;
      if (part.rfind(phrase, 0) != 0 || part.size() <= phrase.size() || part[phrase.size()] != ' ') continue;
      std::string_view rest = part.substr(phrase.size() + 1);
      const bool to_name = phrase == "log into" || rest.rfind("to ", 0) == 0 || rest.rfind("into ", 0) == 0;
      if (to_name && std::count(rest.begin(), rest.end(), ' ') <= 3) return true;
    }
  return false;
}

// A real <input type=password> (not one quoted in a code sample, where the '<' is escaped).
bool has_password_input(std::string_view lower_body) {
  for (std::string_view marker : {"type=\"password\"", "type='password'", "type=password"}) {
    for (size_t p = lower_body.find(marker); p != std::string_view::npos; p = lower_body.find(marker, p + 1)) {
      size_t open = lower_body.rfind('<', p);
      if (open == std::string_view::npos) continue;
      if (lower_body.substr(open, 6) == "<input" && lower_body.find('>', open) > p) return true;
    }
  }
  return false;
}

// Challenge, block and rate-limit pages by vendor (their own markers: scripts, element ids).
// Markers that normal pages carry too (Cloudflare's JavaScript detections under
// /cdn-cgi/challenge-platform/h/…/jsd/, PerimeterX's window._pxAppId, Imperva's injected
// _Incapsula_Resource script, AWS WAF's challenge.js integration) count only on an error answer.
std::optional<WallVerdict> vendor_page(std::string_view l, const std::string& title, bool error_status) {
  if (has(l, "window._cf_chl_opt") || has(l, "cf-challenge-running") || (has(l, "/cdn-cgi/challenge-platform/") && has(l, "orchestrate")))
    return verdict(Visibility::blocked, "waf-challenge", "Cloudflare challenge page" + quoted_title(title));
  if (has(l, "cf-error-details") && has(l, "cloudflare"))
    return verdict(Visibility::blocked, "blocked", "Cloudflare block page" + quoted_title(title));
  if (has(l, "captcha-delivery.com")) return verdict(Visibility::blocked, "captcha", "DataDome captcha (captcha-delivery.com)");
  if (has(l, "px-captcha") || (error_status && has(l, "_pxappid")))
    return verdict(Visibility::blocked, "captcha", "PerimeterX/HUMAN challenge (px-captcha)");
  if (has(l, "incapsula incident id") || (error_status && has(l, "_incapsula_resource")))
    return verdict(Visibility::blocked, "waf-challenge", "Imperva/Incapsula page (_Incapsula_Resource)");
  if (error_status && (has(l, "awswafcookiedomainlist") || has(l, "token.awswaf.com")))
    return verdict(Visibility::blocked, "waf-challenge", "AWS WAF challenge (awswaf)");
  if (has(l, "anubis_challenge") || has(l, "/.within.website/"))
    return verdict(Visibility::blocked, "waf-challenge", "Anubis proof-of-work challenge" + quoted_title(title));
  for (std::string_view phrase : {"blocked by network security", "blocked due to a network policy", "whoa there, pardner"})
    if (has(l, phrase)) return verdict(Visibility::blocked, "blocked", "\"" + std::string(phrase) + "\" page");
  if (has(l, "request rate threshold exceeded"))
    return verdict(Visibility::rate_limited, "rate-limited", "\"Request Rate Threshold Exceeded\" page");
  return std::nullopt;
}

// Titles only challenge, block and rate-limit pages have. On an error answer a title part is
// enough ("Reddit - Prove your humanity"); on a success answer the generic ones ("Just a moment",
// "Access denied", "Security check") must be the whole title, the distinctive ones may be a part.
std::optional<WallVerdict> challenge_title(const std::string& ltitle, const std::string& title, bool success_page) {
  struct Phrase {
    std::string_view text;
    bool distinctive;
  };
  static constexpr Phrase k_challenges[] = {
      {"just a moment...", false},       {"just a moment", false},         {"attention required! | cloudflare", true},
      {"making sure you're not a bot!", true}, {"making sure you\xE2\x80\x99re not a bot!", true},
      {"vercel security checkpoint", true},    {"prove your humanity", true}, {"are you a robot?", false},
      {"are you a human?", false},       {"human verification", false},    {"security check", false},
      {"one more step", false},          {"checking your browser", true},  {"pardon our interruption", true},
      {"access denied", false},          {"blocked", false},
      {"access to this page has been denied.", true}, {"access to this page has been denied", true}};  // PerimeterX
  const std::vector<std::string_view> parts = title_parts(ltitle);
  for (const Phrase& p : k_challenges) {
    const bool whole = ltitle == p.text;
    const bool part = p.text != "blocked" && std::find(parts.begin(), parts.end(), p.text) != parts.end();
    if (!(whole || (part && (!success_page || p.distinctive)))) continue;
    const bool captcha = has(ltitle, "cloudflare") || has(ltitle, "robot") || has(ltitle, "human");
    const bool block = ltitle == "access denied" || ltitle == "blocked";
    return verdict(Visibility::blocked, block ? "blocked" : captcha ? "captcha" : "waf-challenge", "challenge page \"" + title + "\"");
  }
  for (std::string_view t : {"too many requests", "rate limited", "rate limit exceeded", "you are being rate limited",
                             "you have been rate limited", "request rate threshold exceeded"})
    if (ltitle == t) return verdict(Visibility::rate_limited, "rate-limited", "rate-limit page \"" + title + "\"");
  return std::nullopt;
}

}  // namespace

std::optional<WallVerdict> detect_wall(const Page& page) {
  std::string final_url = page.final_url.empty() ? page.url : page.final_url;
  auto fu = Url::parse(final_url);
  std::string host = fu ? fu->host() : std::string();
  std::string path = fu ? fu->path() : std::string();
  const std::string platform = platform_for_host(host);

  // Redirected to a sign-in, consent or age gate (by path or by the identity provider's host).
  if (!page.redirects.empty()) {
    if (const char* kind = gate_path(path)) {
      const std::string what = std::string(kind) == "cookie-wall" ? "consent" : std::string(kind) == "age-gate" ? "age check" : "sign-in";
      return verdict(Visibility::login_wall, kind, "redirected to the " + what + " page " + final_url);
    }
    if (sign_in_host(host)) return verdict(Visibility::login_wall, "login-wall", "redirected to the sign-in host " + final_url);
  }
  if (host.rfind("consent.", 0) == 0 || host.rfind("guce.", 0) == 0)
    return verdict(Visibility::login_wall, "cookie-wall", "redirected to the consent page " + final_url);

  // Challenge headers of CDNs and WAFs.
  if (ascii_lower(page.header("cf-mitigated")) == "challenge")
    return verdict(Visibility::blocked, "waf-challenge", "Cloudflare challenge (cf-mitigated: challenge)");
  if (std::string v = ascii_lower(page.header("x-vercel-mitigated")); v == "challenge" || v == "deny")
    return verdict(Visibility::blocked, "waf-challenge", "Vercel security checkpoint (x-vercel-mitigated: " + v + ")");
  if (std::string v = ascii_lower(page.header("x-amzn-waf-action")); v == "challenge" || v == "captcha")
    return verdict(Visibility::blocked, v == "captcha" ? "captcha" : "waf-challenge", "AWS WAF " + v + " (x-amzn-waf-action)");
  if (!page.header("x-kpsdk-ct").empty() && (page.status == 429 || page.status == 403))
    return verdict(Visibility::blocked, "waf-challenge", "Kasada challenge (x-kpsdk-ct)");

  // Cost matters: this runs on every page. The title comes from the first 32 KiB; the body is
  // lowered and searched only where a wall is plausible (an error status, a challenge or sign-in
  // title, a platform host whose interstitials are known, a small page).
  std::string_view body = std::string_view(page.body).substr(0, k_scan_bytes);
  std::string title = title_of(body.substr(0, 32u << 10));
  std::string ltitle = ascii_lower(title);
  const bool error_status = page.status >= 400 || page.status == 202;
  const bool small = body.size() < k_small_page;
  const bool json = page.content_type.find("json") != std::string::npos;
  const bool html = page.content_type.find("html") != std::string::npos;
  std::string lower_storage;
  auto lower = [&]() -> const std::string& {
    if (lower_storage.empty()) lower_storage = ascii_lower(body);
    return lower_storage;
  };
  // Content (an article, an h-entry, a README) is what a wall stands in for, not a wall.
  auto has_content_markup = [&] {
    const std::string& l = lower();
    return has(l, "<article") || has(l, "h-entry") || has(l, "hentry") || has(l, "markdown-body");
  };

  // Rate limits: 429; a 403 or 503 that says so (GitHub: x-ratelimit-remaining 0, "API rate limit
  // exceeded"); a JSON error body.
  if (page.status == 429) return verdict(Visibility::rate_limited, "rate-limited", "HTTP 429" + quoted_title(title));
  if ((page.status == 403 || page.status == 503) && page.header("x-ratelimit-remaining") == "0")
    return verdict(Visibility::rate_limited, "rate-limited", "HTTP " + std::to_string(page.status) + ", x-ratelimit-remaining: 0");
  if (json && body.size() < 4096) {
    const std::string& l = lower();
    if ((error_status && has(l, "rate limit")) || has(l, "\"rate limit exceeded\"") || has(l, "\"too many requests\"") ||
        has(l, "\"ratelimited\"") || has(l, "ratelimitexceeded") || has(l, "\"throttle_violation\""))
      return verdict(Visibility::rate_limited, "rate-limited", "rate-limit message in the JSON body");
  }

  // 401: the server wants credentials (Mastodon's authorized fetch, a closed API, HTTP auth).
  if (page.status == 401) {
    std::string scheme = page.header("www-authenticate");
    scheme = scheme.substr(0, scheme.find(' '));
    return verdict(Visibility::login_wall, "login-wall", "HTTP 401" + (scheme.empty() ? std::string() : " (WWW-Authenticate: " + scheme + ")"));
  }

  if (page.status == 403 && ltitle == "access denied" &&
      (has(lower(), "reference #") || has(lower(), "reference&#32;&#35;") || has(lower(), "edgesuite.net")))
    return verdict(Visibility::blocked, "waf-challenge", "Akamai \"Access Denied\" page");
  // The vendor's own markers first (the most specific evidence), then the title.
  if (error_status || small)
    if (auto v = vendor_page(lower(), title, error_status)) return v;
  auto captcha_widget = [&] { return has(lower(), "g-recaptcha") || has(lower(), "h-captcha") || has(lower(), "cf-turnstile"); };
  const bool success = !error_status && page.ok();
  if (auto t = challenge_title(ltitle, title, success)) {
    // On a success answer: a small HTML page with no article in it ("Just a Moment - Poem by X" and
    // a feed titled "Access Denied | a security blog" are content).
    if (!success || (html && small && !has_content_markup())) {
      if (t->visibility == Visibility::blocked && t->kind != "blocked" && captcha_widget())
        return verdict(Visibility::blocked, "captcha", "captcha page" + quoted_title(title));
      return t;
    }
  }
  if (error_status || small) {
    if (error_status && captcha_widget())
      return verdict(Visibility::blocked, "captcha", "captcha page" + quoted_title(title) + " (HTTP " + std::to_string(page.status) + ")");
    if (page.status == 503 && (has(lower(), "rate limit") || has(lower(), "rate-limit")) && !page.header("retry-after").empty())
      return verdict(Visibility::rate_limited, "rate-limited", "HTTP 503 with Retry-After and a rate-limit message");
  }

  if (platform == "youtube") {
    // A watch page the player will not play to a logged-out visitor: a bot check or an age gate.
    std::string_view whole = page.body;
    if (size_t p = whole.find("\"playabilityStatus\":{\"status\":\"LOGIN_REQUIRED\""); p != std::string_view::npos) {
      std::string_view rest = whole.substr(p, 400);
      const bool bot = has(rest, "not a bot");
      return verdict(bot ? Visibility::blocked : Visibility::login_wall, bot ? "bot-check" : "login-wall",
                     bot ? "YouTube \"Sign in to confirm you're not a bot\"" : "YouTube playabilityStatus LOGIN_REQUIRED (age or sign-in gate)");
    }
  }

  if (!html) return std::nullopt;

  // Cookie-consent walls: Google's "Before you continue to …", a consent form posting to a
  // consent host (localised versions included).
  if (ltitle.rfind("before you continue to ", 0) == 0 && (platform == "youtube" || has(host, "google.") || has(lower(), "consent.")))
    return verdict(Visibility::login_wall, "cookie-wall", "cookie-consent page \"" + title + "\"");
  if (has(body, "//consent.") && has(lower(), "action=\"https://consent.") && (small || platform != "web" || has(ltitle, "consent") || !has(lower(), "<article")))
    return verdict(Visibility::login_wall, "cookie-wall", "cookie-consent page" + quoted_title(title) + " (a form posting to a consent host)");

  // Sign-in pages served in place of the content: a sign-in title with a real password field or a
  // platform's sign-in form; on a platform host the title alone ("Login • Instagram").
  if (sign_in_title(ltitle)) {
    const bool password = has_password_input(lower());
    if (password || has(lower(), "id=\"login_form\"") || platform != "web")
      return verdict(Visibility::login_wall, "login-wall", "sign-in page \"" + title + "\"" + (password ? " with a password field" : ""));
  }
  // Facebook's refusal: "right now" or "at the moment", the apostrophe straight, typographic, or
  // JSON-escaped in the page's scripts.
  if (platform == "facebook")
    for (std::string_view apostrophe : {"'", "\u2019", "\\u2019"})
      for (std::string_view when : {" right now", " at the moment"})
        if (has(lower(), "this content isn" + std::string(apostrophe) + "t available" + std::string(when)))
          return verdict(Visibility::login_wall, "content-unavailable", "Facebook \"This content isn't available" + std::string(when) + "\"");
  if (platform == "linkedin" && (has(lower(), "d_checkpoint_lg_authwall") || has(lower(), "\"pagekey\" content=\"d_authwall")))
    return verdict(Visibility::login_wall, "login-wall", "LinkedIn authwall");
  // Interstitials: the platforms' own wording, or a small page that says nothing else.
  const bool interstitial_sized = body.size() < k_interstitial_page;
  if (platform != "web" || interstitial_sized) {
    const std::string& l = lower();
    const bool content = has_content_markup();  // quoting the phrase
    for (std::string_view phrase : {"you must log in to continue", "log in to continue", "sign in to continue"}) {
      if (!has(l, phrase)) continue;
      const bool facebooks_own = phrase == "you must log in to continue" && platform == "facebook";
      // An interstitial leads to the sign-in: a link or form for it, not only the words.
      const bool leads_to_sign_in = has(l, "login") || has(l, "log_in") || has(l, "sign_in") || has(l, "signin") || has_password_input(l);
      if (!facebooks_own && (!interstitial_sized || content || !leads_to_sign_in)) continue;
      return verdict(Visibility::login_wall, "login-wall", "\"" + std::string(phrase) + "\" interstitial");
    }
    if (platform == "x" && has(l, "javascript is not available"))
      return verdict(Visibility::unknown, "javascript-required", "X's \"JavaScript is not available\" page");
  }
  return std::nullopt;
}

}  // namespace exposcan
