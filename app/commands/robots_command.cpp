// `exposcan robots FILE|URL --agent A [--agent B…] URL…`: the RFC 9309 verdict per (agent, URL) as
// JSON lines {"agent","url","allowed","rule","line"}. FILE is a local robots.txt; a site URL fetches
// its /robots.txt (up to five redirects) with RFC 9309's status-code semantics.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "app/commands/commands.h"
#include "app/commands/scan_flags.h"
#include "app/exit_codes.h"
#include "core/fs.h"
#include "core/url.h"
#include "core/version.h"
#include "scanner/http_client.h"
#include "scanner/robots.h"

namespace exposcan {
namespace {

struct RobotsArgs {
  std::string source;
  std::vector<std::string> agents;
  std::vector<std::string> urls;
  std::vector<std::string> connect_to;
  std::string cacert;
};

Expected<RobotsTxt> fetch_robots(const RobotsArgs& a, const Url& site) {
  HttpClientOptions options;
  options.user_agent = k_user_agent;
  options.connect_to = a.connect_to;
  options.ca_file = a.cacert;
  auto url = site.with_path_and_query("/robots.txt");
  if (!url) return url.error();
  std::string current = url->str();
  for (int hop = 0; hop <= 5; ++hop) {
    HttpRequest req;
    req.url = current;
    req.max_body_bytes = 512 * 1024 + 1;
    req.keep_prefix = true;  // a larger file is read up to the cap (RFC 9309 §2.5)
    req.allow_private_addresses = true;  // the user named this site
    HttpResponse r = HttpClient::fetch_sync(options, req);
    if (r.status >= 300 && r.status < 400 && !r.redirect_url.empty()) {
      if (hop == 5) return RobotsTxt::from_fetch(r.status, "", false);  // more than five redirects
      current = r.redirect_url;
      continue;
    }
    bool network_error = r.error && r.status == 0 && r.error->code != "too_large";
    return RobotsTxt::from_fetch(r.error && r.error->code == "too_large" ? 200 : r.status, r.body, network_error);
  }
  return make_error("robots", "unreachable");
}

// The path and query a checked argument names: a URL's, a path as given, or, for a URL written
// without a scheme ("example.com/a", "//example.com/a"), the part after its host, as google/robotstxt
// reads such arguments. A bare word is a host, so it checks "/".
std::string path_to_check(const std::string& u) {
  if (auto url = Url::parse(u)) return robots_path(*url);
  if (!u.empty() && u[0] == '/' && (u.size() < 2 || u[1] != '/')) return u;
  const std::string with_scheme = u.rfind("//", 0) == 0 ? "http:" + u : "http://" + u;
  if (auto url = Url::parse(with_scheme)) return robots_path(*url);
  return u.empty() || u[0] != '/' ? "/" + u : u;
}

int run_robots(const RobotsArgs& a) {
  if (a.agents.empty()) return usage_error("robots: at least one --agent is required");
  if (a.urls.empty()) return usage_error("robots: give at least one URL to check");
  Expected<RobotsTxt> robots = make_error("robots", "");
  auto site = Url::parse(a.source);
  if (site && site->is_http() && !std::filesystem::exists(a.source)) {
    robots = fetch_robots(a, *site);
  } else {
    auto text = read_file(a.source);
    if (!text) return usage_error("robots: cannot read " + a.source);
    robots = RobotsTxt::parse(*text);
  }
  if (!robots) return usage_error("robots: " + robots.error().message);
  for (const auto& agent : a.agents) {
    for (const auto& u : a.urls) {
      fmt::print("{}\n", robots_decision_json(agent, u, robots->check(agent, path_to_check(u))));
    }
  }
  return exit_code::k_ok;
}

}  // namespace

void register_robots(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("robots", "RFC 9309 verdicts: may AGENT fetch URL according to FILE or SITE's robots.txt");
  auto a = std::make_shared<RobotsArgs>();
  cmd->add_option("source", a->source, "A robots.txt file, or a site URL whose /robots.txt is fetched")->required();
  cmd->add_option("urls", a->urls, "URLs to check (a path such as /x, or host/path without a scheme, also works)");
  cmd->add_option("--agent", a->agents, "Product token to check (repeatable, one value each)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->expected(1)
      ->allow_extra_args(false)
      ->required();
  cmd->add_option("--connect-to", a->connect_to, "HOST:PORT:ADDR:PORT, like curl --connect-to")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->expected(1)
      ->allow_extra_args(false);
  cmd->add_option("--cacert", a->cacert, "Trust only this CA bundle (PEM)");
  cmd->callback([a, &action] { action = [a] { return run_robots(*a); }; });
}

}  // namespace exposcan
