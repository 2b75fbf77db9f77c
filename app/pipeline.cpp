#include "app/pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>

#include "app/exit_codes.h"
#include "app/progress.h"
#include "app/signals.h"
#include "app/targets.h"
#include "core/fs.h"
#include "core/hash.h"
#include "core/log.h"
#include "core/version.h"
#include "parsers/registry.h"
#include "rules/engine.h"
#include "scanner/crawler.h"
#include "scanner/offline_source.h"

namespace exposcan {
namespace {

Expected<Identity> load_identity(const Config& config) {
  if (!config.identity_inline.empty()) return parse_identity(config.identity_inline, config.source.empty() ? "identity" : config.source);
  if (config.identity_file.empty()) return Identity{};
  auto text = read_file(config.identity_file);
  if (!text) return make_error("config", "cannot read identity file " + config.identity_file);
  return parse_identity(*text, config.identity_file);
}

std::string fingerprint_key() {
  if (const char* k = std::getenv("EXPOSCAN_FINGERPRINT_KEY"); k && *k) return k;
  return to_hex(random_bytes(32));  // without a state store fingerprints hold for this run only
}

CrawlOptions crawl_options(const Config& c) {
  CrawlOptions o;
  o.http.user_agent = k_user_agent;
  o.http.connect_to = c.connect_to;
  o.http.ca_file = c.cacert;
  o.http.proxy = c.proxy;
  o.http.max_total_connections = static_cast<long>(c.concurrency);
  o.http.max_host_connections = c.per_host_connections;
  o.concurrency = c.concurrency;
  o.default_policy = HostPolicy{"*", c.per_host_rate, c.burst, c.per_host_connections};
  o.host_policies = c.host_policies;
  o.max_pages = c.max_pages;
  o.max_depth = c.max_depth;
  o.max_bytes = c.max_bytes;
  o.max_body_bytes = c.max_body_bytes;
  o.timeout_ms = c.timeout_s * 1000;
  o.connect_timeout_ms = c.connect_timeout_s * 1000;
  o.max_retries = c.max_retries;
  o.robots_mode = c.robots;
  return o;
}

struct Evaluated {
  Item item;
  std::vector<Finding> findings;
};

size_t richness(const Item& i) {
  size_t n = i.text.size() + i.title.size();
  for (const auto& m : i.media) n += m.alt.size();
  for (const auto& [k, v] : i.fields) n += v.size();
  if (i.geo) n += i.geo->name.size() + 1;
  if (i.published_at) n += 1;
  return n;
}

// Several pages can show the same item (a post on the profile and on its permalink page). Keep
// one copy, chosen without regard to arrival order: the one from the item's own page, else the
// richest, else the one from the smallest source URL.
bool preferred(const Evaluated& a, const Evaluated& b) {
  auto own = [](const Item& i) {
    std::string url = i.url.substr(0, i.url.find('#'));
    return i.source_url == url;
  };
  if (own(a.item) != own(b.item)) return own(a.item);
  if (richness(a.item) != richness(b.item)) return richness(a.item) > richness(b.item);
  return a.item.source_url < b.item.source_url;
}

}  // namespace

Expected<std::shared_ptr<const RuleEngine>> load_rule_engine(const Config& config) {
  auto identity = load_identity(config);
  if (!identity) return identity.error();
  std::vector<PackSource> packs = builtin_packs();
  for (const auto& f : config.rule_files) {
    auto text = read_file(f);
    if (!text) return make_error("config", "cannot read rule pack " + f);
    packs.push_back({f, std::move(*text)});
  }
  EngineOptions options;
  options.identity = std::move(*identity);
  options.regions = config.regions;
  options.fingerprint_key = fingerprint_key();
  options.now = std::chrono::system_clock::now();
  auto engine = RuleEngine::load(packs, std::move(options));
  if (!engine) return engine.error();
  return std::make_shared<const RuleEngine>(std::move(*engine));
}

int scan_exit_code(const ScanRecord& record, const std::string& fail_on) {
  if (record.scan.status == "interrupted") return exit_code::k_interrupted;
  if (record.scan.status == "incomplete") return exit_code::k_incomplete;
  if (!fail_on.empty()) {
    auto threshold = severity_from_string(fail_on);
    for (const auto& f : record.findings)
      if (threshold && f.severity >= *threshold && f.verdict != Verdict::not_trainable) return exit_code::k_findings;
  }
  return exit_code::k_ok;
}

void report_outcome(const ScanOutcome& outcome) {
  const ScanInfo& s = outcome.record.scan;
  switch (outcome.exit_code) {
    case exit_code::k_incomplete: {
      size_t n = 0;
      for (const auto& t : s.target_status) n += t.reachable ? 0 : 1;
      log::error("scan incomplete: {} of {} target(s) could not be fetched (see Errors)", n, s.target_status.size());
      break;
    }
    case exit_code::k_interrupted: log::error("scan interrupted; the report covers what was fetched"); break;
    case exit_code::k_findings: log::error("findings at or above the --fail-on severity"); break;
    default: break;
  }
}

Expected<ScanOutcome> run_scan(const Config& config, std::vector<std::unique_ptr<Reporter>>& reporters) {
  if (!config.fail_on.empty() && !severity_from_string(config.fail_on))
    return make_error("usage", "--fail-on: expected one of info, low, medium, high, critical (got '" + config.fail_on + "')");
  if (config.targets.empty()) return make_error("usage", "no targets: list URLs on the command line or under `targets:` in the config");
  // Saved pages, folders, HAR and WARC files are read, not crawled (scanner/offline_source.h).
  std::vector<std::string> url_targets, offline_targets;
  for (const auto& t : config.targets) (is_offline_target(t) ? offline_targets : url_targets).push_back(t);
  auto targets = expand_targets(url_targets);
  if (!targets) return targets.error();
  auto engine_or = load_rule_engine(config);
  if (!engine_or) return engine_or.error();
  std::shared_ptr<const RuleEngine> engine = *engine_or;

  ScanOutcome outcome;
  ScanRecord& record = outcome.record;
  record.scan.id = to_hex(random_bytes(8));
  record.scan.tool_version = k_version;
  record.scan.targets = config.targets;
  record.scan.started = std::chrono::system_clock::now();
  record.scan.robots_mode = std::string(to_string(config.robots));
  record.scan.packs = engine->packs();
  for (auto& r : reporters) r->begin(record.scan);

  std::mutex mutex;
  std::map<std::string, Evaluated> chosen;  // item id -> the best copy seen so far
  PageHandler handler = [&](const Page& page) -> std::vector<LinkCandidate> {
    ParseOutput parsed = parse_page(page);
    std::vector<Evaluated> evaluated;
    for (auto& item : parsed.items) {
      auto findings = engine->evaluate(item, page);
      evaluated.push_back({std::move(item), std::move(findings)});
    }
    std::lock_guard lock(mutex);
    if (page.error && page.error->code != "robots_disallowed")
      record.scan.errors.push_back({page.final_url.empty() ? page.url : page.final_url, page.error->code,
                                    page.error->message, page.target});
    for (const auto& e : parsed.errors) record.scan.errors.push_back({page.url, "parse", e, page.target});
    for (auto& e : evaluated) {
      auto [it, fresh] = chosen.try_emplace(e.item.id, std::move(e));
      if (!fresh && preferred(e, it->second)) it->second = std::move(e);
    }
    std::vector<LinkCandidate> links;
    for (const auto& l : parsed.links) links.push_back({l.url, l.kind});
    return links;
  };

  bool unreachable = false;
  size_t offline_pages = 0;
  for (const auto& path : offline_targets) {
    auto load = load_offline(path);
    size_t pages = load ? load->pages.size() : 0;
    if (!load) record.scan.errors.push_back({path, load.error().code, load.error().message, path});
    else
      for (const auto& e : load->errors) record.scan.errors.push_back({path, "offline", e, path});
    if (load)
      for (const auto& page : load->pages) handler(page);
    record.scan.target_status.push_back({path, path, pages > 0, pages});
    unreachable = unreachable || pages == 0;
    offline_pages += pages;
  }

  std::unique_ptr<ProgressLine> progress;
  if (!config.quiet && isatty(STDERR_FILENO)) progress = std::make_unique<ProgressLine>();
  Crawler crawler(crawl_options(config), handler,
                  progress ? ProgressHandler([&](const CrawlProgress& p) { progress->update(p); }) : ProgressHandler{});
  InterruptGuard interrupts(crawler);
  CrawlStats stats = targets->empty() ? CrawlStats{} : crawler.run(*targets);
  if (progress) progress->finish();

  record.scan.finished = std::chrono::system_clock::now();
  record.scan.pages_fetched = stats.pages_fetched + offline_pages;
  record.scan.bytes_fetched = stats.bytes;
  for (size_t i = 0; i < stats.targets.size(); ++i) {
    const auto& t = stats.targets[i];
    record.scan.target_status.push_back({t.name, t.url, t.reachable(), t.pages_ok});
    if (!t.reachable()) unreachable = true;
  }
  record.scan.status = stats.interrupted ? "interrupted" : unreachable ? "incomplete" : "complete";
  std::sort(record.scan.errors.begin(), record.scan.errors.end(),
            [](const ScanError& a, const ScanError& b) { return std::tie(a.url, a.code) < std::tie(b.url, b.code); });
  for (auto& [id, e] : chosen) {
    for (auto& r : reporters) r->item(e.item, e.findings);
    record.findings.insert(record.findings.end(), e.findings.begin(), e.findings.end());
    record.items.push_back(std::move(e.item));
  }
  for (auto& r : reporters)
    if (auto s = r->end(record.scan); !s) log::error("{}", s.error().message);
  outcome.exit_code = scan_exit_code(record, config.fail_on);
  return outcome;
}

}  // namespace exposcan
