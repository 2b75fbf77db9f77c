#include "parsers/page_signals.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "parsers/links.h"

namespace exposcan {
namespace {

// Directives that carry a value after ':' (so "max-snippet:-1" is not an agent named max-snippet).
bool is_valued_directive(std::string_view name) {
  return one_of(name, {"unavailable_after", "max-snippet", "max-image-preview", "max-video-preview"});
}

bool is_known_directive(std::string_view token) {
  std::string_view name = token.substr(0, token.find(':'));
  return is_valued_directive(trim(name)) ||
         one_of(name, {"all", "index", "follow", "noindex", "nofollow", "none", "noarchive", "nosnippet",
                       "noimageindex", "notranslate", "nocache", "noodp", "noydir", "noyaca", "noai", "noimageai",
                       "indexifembedded", "nositelinkssearchbox", "noml"});
}

// Crawlers whose name may appear as <meta name="..."> with robots directives.
bool is_known_agent(std::string_view name) {
  return one_of(name, {"googlebot", "googlebot-news", "googlebot-image", "google-extended", "bingbot", "msnbot",
                       "gptbot", "chatgpt-user", "oai-searchbot", "ccbot", "claudebot", "claude-web", "anthropic-ai",
                       "perplexitybot", "bytespider", "applebot", "applebot-extended", "amazonbot", "facebookbot",
                       "meta-externalagent", "cohere-ai", "diffbot", "omgilibot", "img2dataset", "yandex",
                       "slurp", "duckduckbot", "baiduspider", "teoma", "ia_archiver", "otherbot"});
}

// Metadata names the HTML Standard (§4.2.5.1) and common practice define: never a crawler's name,
// whatever their content says.
bool is_standard_meta_name(std::string_view name) {
  return one_of(name, {"application-name", "author", "description", "generator", "keywords", "referrer", "theme-color",
                       "color-scheme", "viewport", "creator", "publisher", "copyright", "rating", "subject", "title",
                       "language", "abstract", "summary", "classification", "category", "format-detection"});
}

bool is_token_like(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!(is_ascii_alnum(c) || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

std::string squeeze_directive(std::string_view token) {
  std::string out;
  for (char c : trim(token)) out += ascii_lower_char(c);
  // "max-snippet : 20" -> "max-snippet:20"
  size_t colon = out.find(':');
  if (colon != std::string::npos)
    out = std::string(trim(std::string_view(out).substr(0, colon))) + ":" +
          std::string(trim(std::string_view(out).substr(colon + 1)));
  return out;
}

void add_directives(std::vector<RobotsDirective>& out, std::string_view value, std::string agent,
                    std::string_view source, bool agent_switch) {
  std::vector<std::string_view> tokens = split(value, ',');
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view tok = trim(tokens[i]);
    if (tok.empty()) continue;
    size_t colon = tok.find(':');
    if (agent_switch && colon != std::string_view::npos) {
      std::string before = ascii_lower(trim(tok.substr(0, colon)));
      if (!is_valued_directive(before) && is_token_like(before)) {
        agent = before;
        tok = trim(tok.substr(colon + 1));
        if (tok.empty()) continue;
      }
    }
    // "noai noimageai" or "noindex;noai": not the comma list the spec asks for, but when every
    // piece is a known directive the intent is plain, and each piece counts.
    if (tok.find_first_of(" \t;") != std::string_view::npos && tok.find(':') == std::string_view::npos) {
      std::vector<std::string> pieces;
      size_t at = 0;
      while (at < tok.size()) {
        size_t end = tok.find_first_of(" \t;", at);
        if (end == std::string_view::npos) end = tok.size();
        if (end > at) pieces.push_back(ascii_lower(tok.substr(at, end - at)));
        at = end + 1;
      }
      if (pieces.size() > 1 && std::all_of(pieces.begin(), pieces.end(), [](const std::string& p) { return is_known_directive(p); })) {
        for (auto& p : pieces) out.push_back({agent, std::move(p), std::string(source)});
        continue;
      }
    }
    std::string d = squeeze_directive(tok);
    // unavailable_after's date contains commas: glue the pieces back.
    if (d.rfind("unavailable_after", 0) == 0) {
      std::string date(trim(tok.substr(std::min(tok.size(), tok.find(':') + 1))));
      while (i + 1 < tokens.size() && !is_known_directive(ascii_lower(trim(tokens[i + 1])))) {
        date += ',';
        date += tokens[i + 1];
        ++i;
      }
      d = "unavailable_after:" + ascii_lower(trim(date));
    }
    out.push_back({agent, d, std::string(source)});
  }
}

// A TDMRep tdm-reservation value: 0 or 1, anything else a protocol error (unset).
std::optional<int> tdm_value(std::string_view v, std::string_view source, std::vector<std::string>* errors) {
  std::string_view t = trim(v);
  if (t == "1") return 1;
  if (t == "0") return 0;
  if (errors) errors->push_back("tdmrep: invalid tdm-reservation value '" + std::string(t.substr(0, 40)) + "' in " +
                                std::string(source) + " (treated as unset)");
  return std::nullopt;
}

std::string resolve(std::string_view base, std::string_view ref) {
  std::string r(trim(ref));
  if (has_scheme(r)) return r;
  auto b = Url::parse(base);
  if (!b) return r;
  auto u = b->resolve(r);
  return u ? u->str() : r;
}

// `u` when it is an http(s) address ("javascript:…" or "data:…" canonicals name no page), else "".
std::string web_address(std::string u) {
  return istarts_with(u, "http://") || istarts_with(u, "https://") ? u : std::string();
}

}  // namespace

std::vector<RobotsDirective> parse_robots_directives(std::string_view value, std::string_view agent,
                                                     std::string_view source) {
  std::vector<RobotsDirective> out;
  add_directives(out, value, ascii_lower(trim(agent)), source, false);
  return out;
}

std::vector<RobotsDirective> parse_x_robots_tag(std::string_view value) {
  std::vector<RobotsDirective> out;
  add_directives(out, value, "", "header", true);
  return out;
}

std::vector<std::string> link_header_targets(const std::vector<HttpHeader>& headers, std::string_view rel) {
  std::vector<std::string> out;
  const std::string want = ascii_lower(rel);
  for (const auto& h : headers) {
    if (!iequals(h.name, "link")) continue;
    const std::string& value = h.value;
    size_t pos = 0;
    while (pos < value.size()) {
      size_t lt = value.find('<', pos);
      if (lt == std::string::npos) break;
      size_t gt = value.find('>', lt);
      if (gt == std::string::npos) break;
      size_t next = value.find('<', gt);
      std::string params = ascii_lower(value.substr(gt + 1, next == std::string::npos ? std::string::npos : next - gt - 1));
      pos = next == std::string::npos ? value.size() : next;
      size_t r = params.find("rel=");
      if (r == std::string::npos) continue;
      std::string_view rels = std::string_view(params).substr(r + 4);
      if (!rels.empty() && rels[0] == '"') {
        size_t close = rels.find('"', 1);
        rels = rels.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1);
      } else {
        rels = rels.substr(0, rels.find_first_of(";,"));
      }
      for (auto t : split(rels, ' '))
        if (trim(t) == want) {
          out.push_back(value.substr(lt + 1, gt - lt - 1));
          break;
        }
    }
  }
  return out;
}

PageSignals extract_page_signals(const HtmlScan& scan, const std::vector<HttpHeader>& headers,
                                 std::string_view base_url, std::vector<std::string>* errors) {
  PageSignals s;
  std::optional<int> meta_res, header_res;
  std::string meta_policy, header_policy;
  for (const auto& m : scan.metas) {
    if (m.name.empty()) continue;
    if (m.name == "tdm-reservation") {
      if (!meta_res) meta_res = tdm_value(m.content, "meta", errors);
      continue;
    }
    if (m.name == "tdm-policy") {
      if (meta_policy.empty()) meta_policy = std::string(trim(m.content));
      continue;
    }
    if (m.name == "robots") {
      add_directives(s.robots, m.content, "", "meta", false);
      continue;
    }
    // <meta name="GPTBot" content="noindex">: an agent when known, or when every token is a
    // robots directive (so <meta name="description"> never counts).
    std::vector<std::string_view> toks = split(m.content, ',');
    bool all_directives = !trim(m.content).empty() &&
                          std::all_of(toks.begin(), toks.end(), [](std::string_view t) {
                            return is_known_directive(ascii_lower(trim(t)));
                          });
    if ((is_known_agent(m.name) && !trim(m.content).empty()) ||
        (all_directives && is_token_like(m.name) && !is_standard_meta_name(m.name)))
      add_directives(s.robots, m.content, m.name, "meta", false);
  }
  std::string content_language;
  for (const auto& h : headers) {
    if (iequals(h.name, "x-robots-tag")) {
      add_directives(s.robots, h.value, "", "header", true);
    } else if (iequals(h.name, "tdm-reservation")) {
      if (!header_res) header_res = tdm_value(h.value, "header", errors);
    } else if (iequals(h.name, "tdm-policy")) {
      if (header_policy.empty()) header_policy = std::string(trim(h.value));
    } else if (iequals(h.name, "content-usage")) {
      s.content_usage.push_back(std::string(trim(h.value)));
    } else if (iequals(h.name, "content-signal")) {
      s.content_signal.push_back(std::string(trim(h.value)));
    } else if (iequals(h.name, "content-language") && content_language.empty()) {
      content_language = std::string(trim(split(h.value, ',').front()));
    }
  }
  // TDMRep processing priority: HTML metadata supersedes the HTTP header field.
  if (meta_res) {
    s.tdm_reservation = meta_res;
    s.tdm_source = "meta";
  } else if (header_res) {
    s.tdm_reservation = header_res;
    s.tdm_source = "header";
  }
  s.tdm_policy = !meta_policy.empty() ? meta_policy : header_policy;
  // TDMRep wants an absolute policy URL; a relative one is read against the page, as links are.
  if (!s.tdm_policy.empty() && !has_scheme(s.tdm_policy)) {
    if (std::string u = resolve(base_url, s.tdm_policy); !u.empty()) s.tdm_policy = u;
  }
  if (s.tdm_source.empty() && !s.tdm_policy.empty()) s.tdm_source = !meta_policy.empty() ? "meta" : "header";

  // <link rel=license>, Link: rel="license" and <a rel=license>, resolved, each once, in that order.
  const auto add_license = [&](std::string_view href) {
    std::string u = resolve(base_url, href);
    if (std::find(s.licenses.begin(), s.licenses.end(), u) == s.licenses.end()) s.licenses.push_back(std::move(u));
  };
  for (const auto& l : scan.links) {
    // canonical is not body-ok (HTML Standard); search engines ignore it outside <head>, and a
    // link that a template or a comment put in the body must not move the page to another address.
    if (s.canonical_url.empty() && !l.in_body && has_rel(l.rel, "canonical") && !trim(l.href).empty())
      s.canonical_url = web_address(resolve(base_url, l.href));
    if (has_rel(l.rel, "license")) add_license(l.href);
  }
  // RFC 6596 §3: the canonical may come as a Link header field (PDFs, images); the head's wins.
  if (s.canonical_url.empty())
    for (const auto& target : link_header_targets(headers, "canonical"))
      if (!trim(target).empty()) {
        s.canonical_url = web_address(resolve(base_url, target));
        break;
      }
  for (const auto& target : link_header_targets(headers, "license")) add_license(target);
  for (const auto& a : scan.anchors)
    if (has_rel(a.rel, "license")) add_license(a.href);
  // <html lang>, else the Content-Language pragma (<meta http-equiv>), else the header.
  std::string pragma_language;
  for (const auto& m : scan.metas)
    if (m.http_equiv == "content-language" && pragma_language.empty()) pragma_language = std::string(trim(split(m.content, ',').front()));
  s.language = !scan.html_lang.empty() ? scan.html_lang : !pragma_language.empty() ? pragma_language : content_language;
  return s;
}

}  // namespace exposcan
