// parsers/page_signals.h — page-level opt-out and usage signals (PageSignals, parsers/item.h).
//
// Sources: <meta name="robots"> and agent-specific <meta name="<agent>"> (GPTBot, CCBot, ...),
// X-Robots-Tag headers (several headers, comma lists, and the "agent: directives" form),
// W3C TDMRep (tdm-reservation / tdm-policy) from HTTP headers and <meta>, aipref Content-Usage and
// Cloudflare Content-Signal headers (kept raw), rel=license, the canonical URL and the language.
// TDMRep precedence follows the TDMRep final report §"Processing priority": values in the HTML
// content supersede the HTTP header, which supersedes /.well-known/tdmrep.json (read elsewhere).
// A tdm-reservation other than 0 or 1 is a protocol error: that source counts as unset and the
// error is recorded. Directives are lower-cased; an agent-specific meta or header gives `agent`
// in lower case, "robots"/no agent gives "".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parsers/html_scan.h"
#include "parsers/item.h"
#include "scanner/page.h"

namespace exposcan {

// Directives of one robots meta content / X-Robots-Tag value ("noindex, max-snippet:-1").
std::vector<RobotsDirective> parse_robots_directives(std::string_view value, std::string_view agent,
                                                     std::string_view source);
// One X-Robots-Tag header value, with an optional leading "agent:".
std::vector<RobotsDirective> parse_x_robots_tag(std::string_view value);

// The targets of the RFC 8288 Link header fields in `headers` whose rel (a space-separated list,
// case-insensitive) includes `rel`, as written (not resolved), in order.
std::vector<std::string> link_header_targets(const std::vector<HttpHeader>& headers, std::string_view rel);

// `base_url`: the document URL after <base href> (for canonical and license URLs). Licences come
// from <link rel=license>, <a rel=license> and Link header fields with rel="license".
PageSignals extract_page_signals(const HtmlScan& scan, const std::vector<HttpHeader>& headers,
                                 std::string_view base_url, std::vector<std::string>* errors = nullptr);

}  // namespace exposcan
