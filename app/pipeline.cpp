#include "app/pipeline.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>

#include "app/exit_codes.h"
#include "app/held_copies.h"
#include "app/progress.h"
#include "app/scan_history.h"
#include "app/signals.h"
#include "app/stage_times.h"
#include "app/targets.h"
#include "core/fs.h"
#include "core/hash.h"
#include "core/log.h"
#include "core/version.h"
#include "parsers/registry.h"
#include "reports/evidence_bundle.h"
#include "rules/engine.h"
#include "scanner/politeness.h"
#include "scanner/crawler.h"
#include "scanner/offline_source.h"

namespace exposcan {
namespace {

// The code of the scan error that says items could not be read back for the report.
constexpr std::string_view k_lost_items_code = "report";

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
  for (auto& p : o.host_policies) p.host_pattern = ascii_host_pattern(p.host_pattern);
  o.max_pages = c.max_pages;
  o.max_depth = c.max_depth;
  o.max_bytes = c.max_bytes;
  o.max_body_bytes = c.max_body_bytes;
  o.timeout_ms = c.timeout_s * 1000;
  o.connect_timeout_ms = c.connect_timeout_s * 1000;
  o.max_retries = c.max_retries;
  o.max_retry_after_s = c.max_retry_after_s;
  o.low_speed_time_s = c.low_speed_time_s;
  o.robots_mode = c.robots;
  // Request heads as sent, for the WARC: for --evidence, and whenever a history is kept (every scan
  // but --fetch-only and --no-history), so a bundle made later (`evidence SCAN`) has the request
  // records a live one has.
  o.capture_wire = !c.evidence_dir.empty() || (!c.fetch_only && c.history);
  o.follow_sitemaps = c.follow_sitemaps;
  o.http.http2 = c.http2;
  for (const auto& h : c.allow_hosts) o.allow_hosts.push_back(ascii_host_pattern(h));
  return o;
}

void apply_scope_patterns(const Config& c, std::vector<CrawlTarget>& targets) {
  for (auto& t : targets) {
    t.scope.include.insert(t.scope.include.end(), c.include.begin(), c.include.end());
    t.scope.exclude.insert(t.scope.exclude.end(), c.exclude.begin(), c.exclude.end());
  }
}

// What the exit code and the closing line need from the findings the report showed.
struct FindingTally {
  const ExitPolicy& policy;
  bool over_threshold = false;
  std::map<std::string, size_t> diff;

  void add(const Finding& f) {
    ++diff[f.diff];
    over_threshold = over_threshold || counts_for_exit(f, policy);
  }
};

}  // namespace

Expected<std::shared_ptr<const RuleEngine>> load_rule_engine(const Config& config, const std::string& key) {
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
  options.fingerprint_key = key.empty() ? fingerprint_key() : key;
  options.now = std::chrono::system_clock::now();
  auto engine = RuleEngine::load(packs, std::move(options));
  if (!engine) return engine.error();
  return std::make_shared<const RuleEngine>(std::move(*engine));
}

bool counts_for_exit(const Finding& f, const ExitPolicy& policy) {
  auto threshold = policy.fail_on.empty() ? std::nullopt : severity_from_string(policy.fail_on);
  if (!threshold) return false;
  if (f.diff == "resolved" || f.diff == "unchecked") return false;  // not found this time
  if (policy.new_only && f.diff != "new" && !(f.diff == "changed" && policy.worsened && policy.worsened(f))) return false;
  return f.severity >= *threshold && f.verdict != Verdict::not_trainable;
}

int scan_exit_code(const ScanInfo& scan, bool findings_over_threshold) {
  if (scan.status == "interrupted") return exit_code::k_interrupted;
  if (scan.status == "incomplete") return exit_code::k_incomplete;
  return findings_over_threshold ? exit_code::k_findings : exit_code::k_ok;
}

int scan_exit_code(const ScanRecord& record, const ExitPolicy& policy) {
  FindingTally tally{policy, false, {}};
  for (const auto& f : record.findings) tally.add(f);
  return scan_exit_code(record.scan, tally.over_threshold);
}

int scan_exit_code(const ScanRecord& record, const std::string& fail_on) {
  return scan_exit_code(record, ExitPolicy{fail_on, false, {}});
}

void report_outcome(const ScanOutcome& outcome) {
  const ScanInfo& s = outcome.record.scan;
  switch (outcome.exit_code) {
    case exit_code::k_incomplete: {
      size_t n = 0;
      for (const auto& t : s.target_status) n += t.reachable ? 0 : 1;
      const bool lost = std::any_of(s.errors.begin(), s.errors.end(), [](const ScanError& e) { return e.code == k_lost_items_code; });
      if (n > 0)
        log::error("scan incomplete: {} of {} target(s) could not be fetched (see Errors)", n, s.target_status.size());
      else if (lost)
        log::error("scan incomplete: items could not be read back for the report (see Errors)");
      else
        log::error("scan incomplete: {} page(s) could not be fetched, more than --max-errors allows (see Errors)",
                   s.errors.size());
      break;
    }
    case exit_code::k_interrupted: log::error("scan interrupted; the report covers what was fetched"); break;
    case exit_code::k_findings:
      log::error("{}findings at or above the --fail-on severity", outcome.new_only ? "new or worsened " : "");
      break;
    default: break;
  }
  if (!outcome.compared_with.empty()) {
    std::map<std::string, size_t> n = outcome.diff_counts;
    log::info("compared with {}: {} new, {} changed, {} resolved, {} unchecked, {} unchanged", outcome.compared_with,
              n["new"], n["changed"], n["resolved"], n["unchecked"], n["unchanged"]);
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
  apply_scope_patterns(config, *targets);
  // --fetch-only measures the crawler alone: no rules, no history. --no-history: rules, no history
  // (the report's copies are held below, HeldCopies, and the suppressions applied here).
  std::unique_ptr<ScanRecorder> recorder;
  std::shared_ptr<const RuleEngine> engine;
  Suppressions suppressions;
  if (!config.fetch_only) {
    std::string key;
    if (config.history) {
      auto recorder_or = open_scan_recorder(config);
      if (!recorder_or) return recorder_or.error();
      recorder = std::move(*recorder_or);
      key = recorder->fingerprint_key();
    } else {
      auto loaded = load_suppressions(config);
      if (!loaded) return loaded.error();
      suppressions = std::move(*loaded);
      suppressions.warn_expired(std::chrono::system_clock::now());
    }
    auto engine_or = load_rule_engine(config, key);
    if (!engine_or) return engine_or.error();
    engine = *engine_or;
  }
  std::unique_ptr<FetchedList> fetched;
  if (!config.fetched_list.empty()) {
    auto f = FetchedList::open(config.fetched_list);
    if (!f) return f.error();
    fetched = std::move(*f);
  }
  StageTimes times;
  auto wall_start = std::chrono::steady_clock::now();

  ScanOutcome outcome;
  ScanRecord& record = outcome.record;
  record.scan.tool_version = k_version;
  record.scan.targets = config.targets;
  record.scan.started = std::chrono::system_clock::now();
  record.scan.robots_mode = std::string(to_string(config.robots));
  if (engine) {
    record.scan.packs = engine->packs();
    std::vector<RuleDescriptor> rules;
    for (const auto& r : engine->rules()) rules.push_back({r.id, r.pack, r.title, r.severity, "", ""});
    for (auto& r : reporters) r->set_rules(rules);
  }
  if (recorder) {
    if (auto s = recorder->begin_scan(record.scan); !s) return s.error();
    outcome.compared_with = recorder->compared_with();
  }
  outcome.new_only = config.new_only;
  for (auto& r : reporters) r->begin(record.scan);
  // Pages that support findings, kept (with bodies) for the evidence bundle.
  std::unique_ptr<EvidenceCollector> evidence;
  if (!config.evidence_dir.empty()) evidence = std::make_unique<EvidenceCollector>();

  std::mutex mutex;
  // The history chooses each item's report copy among the recorded ones (ScanRecorder::finish_scan);
  // only copies whose page could not be recorded (every copy, without a history) are held here, the
  // best of each item, on disk.
  HeldCopies held;
  // A page that failed (robots.txt refusals are not failures) is a recorded error; caller holds `mutex`.
  auto note_fetch_error = [&](const Page& page) {
    if (page.error && page.error->code != "robots_disallowed")
      record.scan.errors.push_back({page.final_url.empty() ? page.url : page.final_url, page.error->code,
                                    page.error->message, page.target});
  };
  PageHandler handler = [&](const Page& page) -> std::vector<LinkCandidate> {
    ++times.pages;
    if (fetched) fetched->add(page);
    if (config.fetch_only) {
      {
        std::lock_guard lock(mutex);
        note_fetch_error(page);
      }
      return fetch_only_links(page);
    }
    double t0 = thread_cpu_seconds();
    ParseOutput parsed = parse_page(page);
    StageTimes::add(times.parse_ns, t0);
    double t1 = thread_cpu_seconds();
    std::vector<ItemFindings> evaluated;
    for (auto& item : parsed.items) {
      ++times.items;
      times.item_bytes += item.text.size() + item.title.size();
      auto findings = engine->evaluate(item, page);
      evaluated.push_back({std::move(item), std::move(findings), {}});
    }
    StageTimes::add(times.rules_ns, t1);
    double t2 = thread_cpu_seconds();
    // Every copy, in one transaction; without a history, each item's best copy is held below.
    std::optional<int64_t> page_id = recorder ? recorder->record_page(page, evaluated) : std::nullopt;
    // The copies no history holds are encoded outside the lock (HeldCopies::prepare), those that
    // could still be kept (wants(): asked under it, so a copy already beaten is not encoded at all).
    std::vector<HeldCopies::Offer> offers;
    if (!page_id) {
      std::vector<const ItemFindings*> wanted;
      {
        std::lock_guard lock(mutex);
        for (const auto& e : evaluated)
          if (held.wants(e.item)) wanted.push_back(&e);
      }
      for (const auto* e : wanted) offers.push_back(HeldCopies::prepare(*e));
    }
    if (evidence) {
      std::vector<Finding> cited;
      for (const auto& e : evaluated) cited.insert(cited.end(), e.findings.begin(), e.findings.end());
      evidence->add(page, cited);
    }
    StageTimes::add(times.store_ns, t2);
    std::lock_guard lock(mutex);
    note_fetch_error(page);
    for (const auto& e : parsed.errors) record.scan.errors.push_back({page.url, "parse", e, page.target});
    if (!offers.empty()) {  // held on disk: part of the store stage
      const double t3 = thread_cpu_seconds();
      for (auto& o : offers) held.offer(std::move(o));
      StageTimes::add(times.store_ns, t3);
    }
    std::vector<LinkCandidate> links;
    for (const auto& l : parsed.links) links.push_back({l.url, l.kind});
    return links;
  };

  bool unreachable = false;
  size_t offline_pages = 0;
  // Revisit records of one WARC may name payloads of an earlier one (Wget's --warc-dedup).
  const auto payloads = offline_targets.size() > 1 ? std::make_shared<WarcPayloads>() : nullptr;
  for (const auto& path : offline_targets) {
    OfflineOptions offline;
    offline.payloads = payloads;
    offline.max_pages = static_cast<size_t>(std::max(config.max_pages, 1));
    offline.max_body_bytes = config.max_body_bytes;
    auto load = load_offline(path, offline);
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
  CrawlOptions options = crawl_options(config);
  if (recorder) options.cache = recorder->cache();
  Crawler crawler(options, handler,
                  progress ? ProgressHandler([&](const CrawlProgress& p) { progress->update(p); }) : ProgressHandler{});
  InterruptGuard interrupts(crawler);
  CrawlStats stats = targets->empty() ? CrawlStats{} : crawler.run(*targets);
  if (progress) progress->finish();
  times.crawl_rss_mib = peak_rss_mib();

  record.scan.finished = std::chrono::system_clock::now();
  record.scan.pages_fetched = stats.pages_fetched + offline_pages;
  record.scan.bytes_fetched = stats.bytes;
  for (const auto& t : stats.targets) {
    record.scan.target_status.push_back({t.name, t.url, t.reachable(), t.pages_ok});
    if (!t.reachable()) unreachable = true;
  }
  size_t fetch_errors = 0;
  for (const auto& e : record.scan.errors) fetch_errors += e.code == "parse" ? 0 : 1;
  const bool beyond = config.max_errors >= 0 ? fetch_errors > static_cast<size_t>(config.max_errors) : unreachable;
  record.scan.status = stats.interrupted ? "interrupted" : beyond ? "incomplete" : "complete";
  std::sort(record.scan.errors.begin(), record.scan.errors.end(),
            [](const ScanError& a, const ScanError& b) { return std::tie(a.url, a.code) < std::tie(b.url, b.code); });
  double report_start = thread_cpu_seconds();
  // The diff step: the copies the report shows are labelled against the earlier scan, and earlier
  // findings now resolved or unchecked join the report. Copies stream from the history to the
  // reporters in item id order; the record keeps them only for an evidence bundle.
  const ExitPolicy policy{config.fail_on, config.new_only, [&](const Finding& f) { return recorder && recorder->worsened(f); }};
  FindingTally tally{policy, false, {}};
  auto sink = [&](ItemFindings& e, bool carried) {
    std::vector<Finding> findings = e.reported();
    if (findings.empty() && carried) return;
    for (auto& r : reporters) r->item(e.item, findings);
    for (const auto& f : findings) tally.add(f);
    if (evidence) {
      record.findings.insert(record.findings.end(), findings.begin(), findings.end());
      record.items.push_back(std::move(e.item));
    }
  };
  const TimePoint now = std::chrono::system_clock::now();
  std::map<std::string, ItemFindings> unrecorded;  // for the history (only pages it could not record)
  Status read_back = held.each([&](ItemFindings& x) {  // item id order, as the history hands them over
    if (recorder) {
      std::string id = x.item.id;
      unrecorded.emplace(std::move(id), std::move(x));
    } else {
      x.suppressed = suppressions.reasons(x.findings, now);
      sink(x, false);
    }
  });
  if (!read_back) {  // the report lacks those items: it is not complete
    log::error("{}; those items are missing from the report", read_back.error().message);
    record.scan.errors.push_back({"", std::string(k_lost_items_code), read_back.error().message, ""});
    if (record.scan.status == "complete") record.scan.status = "incomplete";
  }
  if (recorder) recorder->finish_scan(record.scan, std::move(unrecorded), sink);
  for (auto& r : reporters)
    if (auto s = r->end(record.scan); !s) log::error("{}", s.error().message);
  StageTimes::add(times.report_ns, report_start);
  fetched.reset();
  if (evidence) {
    auto pages = evidence->pages();
    auto bundle = write_evidence_bundle(record, pages, config.evidence_dir);
    if (!bundle) return make_error("io", "evidence bundle: " + bundle.error().message);
    if (!config.quiet)
      fmt::print(stderr, "Evidence bundle written to {} ({} pages, {} WARC records; check it with `exposcan evidence verify {}`)\n",
                 config.evidence_dir, bundle->pages, bundle->records, config.evidence_dir);
  }
  if (config.timings) {
    times.requests = stats.requests;
    times.connections = stats.connections;
    fmt::print(stderr, "exposcan: timings {}\n",
               times.json(std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count()));
  }
  outcome.diff_counts = std::move(tally.diff);
  outcome.exit_code = scan_exit_code(record.scan, tally.over_threshold);
  return outcome;
}

}  // namespace exposcan
