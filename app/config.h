// app/config.h — everything a scan can be told, and where it comes from.
//
// Precedence, lowest first: built-in defaults < config file (exposcan.yaml) < environment
// (EXPOSCAN_*) < command-line flags. Scalar keys are one data table (config.cpp k_keys) shared by
// the file loader and the environment, so a key has one name, one parser and one error message.
// Errors name the file and line: "exposcan.yaml:12: crawl.concurrency: expected a positive integer".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/expected.h"
#include "scanner/crawl_types.h"

namespace exposcan {

struct Config {
  std::vector<std::string> targets;
  std::string identity_file;    // path; relative to the config file's folder
  std::string identity_inline;  // YAML text of an inline `identity:` mapping

  // crawl
  size_t concurrency = 8;
  double per_host_rate = 1.0;  // 0 = no limit
  int burst = 2;
  int per_host_connections = 2;
  int max_pages = 500;
  int max_depth = 3;
  uint64_t max_bytes = 256ull << 20;
  size_t max_body_bytes = 8u << 20;
  long timeout_s = 30;
  long connect_timeout_s = 10;
  int max_retries = 2;
  long max_retry_after_s = 60;  // longer Retry-After answers are recorded, not waited for
  long low_speed_time_s = 10;   // below 100 B/s for this long = stalled
  bool follow_sitemaps = true;
  bool http2 = true;  // negotiate HTTP/2 on https (ALPN) and multiplex; false = HTTP/1.1 only
  RobotsMode robots = RobotsMode::obey;
  std::vector<HostPolicy> host_policies;
  std::vector<std::string> allow_hosts;  // hosts rel=me links may lead to
  std::vector<std::string> include;      // path patterns added to every target's scope
  std::vector<std::string> exclude;      // path patterns removed from every target's scope
  std::vector<std::string> connect_to;   // curl --connect-to entries
  std::string cacert;
  std::string proxy;
  bool fetch_only = false;         // fetch and follow links only: no items, no rules
  std::string fetched_list;        // write the fetched URL paths here, one per line
  bool timings = false;            // print the time split by stage on stderr at the end

  // rules
  std::vector<std::string> rule_files;
  std::vector<std::string> regions;

  // output
  std::string format = "table";
  std::string output;
  bool show_values = false;
  std::string fail_on;  // severity; empty = findings never fail the run
  std::string state;    // history store path
  bool history = true;  // false (--no-history): no store is opened or written
  std::string evidence_dir;  // --evidence DIR: write an evidence bundle there (wire capture on)
  bool quiet = false;

  // history (store/): what the diff labels compare with, and what fails the run
  std::string since;        // "" (no labels), "last" or a scan id
  std::string baseline;     // an earlier JSON report to compare with
  bool new_only = false;    // --fail-on counts only new and worsened findings
  int max_errors = -1;      // fetch errors tolerated before exit 3; -1 = until a target is unreachable
  std::string ignore_file;  // suppressions; "" = ./.exposcan-ignore.yaml when present

  std::string source;  // where the file part came from ("" = defaults only)
};

// Reads and applies a YAML config file on top of `config`.
Status load_config_file(const std::string& path, Config& config);
// Applies EXPOSCAN_* environment variables.
Status apply_environment(Config& config);
// Sets one scalar key ("crawl.concurrency") from text; used by the file, env and tests.
Status set_config_key(Config& config, const std::string& key, const std::string& value);

// The commented exposcan.yaml that `exposcan init` writes.
std::string default_config_text();

}  // namespace exposcan
