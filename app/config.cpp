#include "app/config.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <functional>

#include "core/fs.h"
#include "core/text.h"

namespace exposcan {
namespace {

using Setter = std::function<std::optional<std::string>(Config&, const std::string&)>;  // error text

struct ConfigKey {
  const char* key;
  const char* env;
  Setter set;
};

template <class T>
std::optional<T> parse_number(const std::string& s) {
  T v{};
  auto t = trim(s);
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
  return v;
}

std::optional<double> parse_double(const std::string& s) {
  char* end = nullptr;
  std::string t(trim(s));
  double v = std::strtod(t.c_str(), &end);
  if (t.empty() || end != t.c_str() + t.size()) return std::nullopt;
  return v;
}

std::optional<bool> parse_bool(const std::string& s) {
  std::string t = ascii_lower(trim(s));
  if (t == "true" || t == "yes" || t == "1" || t == "on") return true;
  if (t == "false" || t == "no" || t == "0" || t == "off") return false;
  return std::nullopt;
}

template <class T>
Setter positive(T Config::*field) {
  return [field](Config& c, const std::string& v) -> std::optional<std::string> {
    auto n = parse_number<long long>(v);
    if (!n || *n <= 0) return "expected a positive integer";
    c.*field = static_cast<T>(*n);
    return std::nullopt;
  };
}

template <class T>
Setter non_negative(T Config::*field) {
  return [field](Config& c, const std::string& v) -> std::optional<std::string> {
    auto n = parse_number<long long>(v);
    if (!n || *n < 0) return "expected a non-negative integer";
    c.*field = static_cast<T>(*n);
    return std::nullopt;
  };
}

Setter text(std::string Config::*field) {
  return [field](Config& c, const std::string& v) -> std::optional<std::string> {
    c.*field = v;
    return std::nullopt;
  };
}

Setter flag(bool Config::*field) {
  return [field](Config& c, const std::string& v) -> std::optional<std::string> {
    auto b = parse_bool(v);
    if (!b) return "expected true or false";
    c.*field = *b;
    return std::nullopt;
  };
}

const ConfigKey k_keys[] = {
    {"crawl.concurrency", "EXPOSCAN_CONCURRENCY", positive(&Config::concurrency)},
    {"crawl.per_host_rate", "EXPOSCAN_PER_HOST_RATE",
     [](Config& c, const std::string& v) -> std::optional<std::string> {
       auto d = parse_double(v);
       if (!d || *d < 0) return "expected a number of requests per second (0 = no limit)";
       c.per_host_rate = *d;
       return std::nullopt;
     }},
    {"crawl.burst", "EXPOSCAN_BURST", positive(&Config::burst)},
    {"crawl.per_host_connections", "EXPOSCAN_PER_HOST_CONNECTIONS", positive(&Config::per_host_connections)},
    {"crawl.max_pages", "EXPOSCAN_MAX_PAGES", positive(&Config::max_pages)},
    {"crawl.max_depth", "EXPOSCAN_MAX_DEPTH", non_negative(&Config::max_depth)},
    {"crawl.max_bytes", "EXPOSCAN_MAX_BYTES", positive(&Config::max_bytes)},
    {"crawl.max_body_bytes", "EXPOSCAN_MAX_BODY_BYTES", positive(&Config::max_body_bytes)},
    {"crawl.timeout", "EXPOSCAN_TIMEOUT", positive(&Config::timeout_s)},
    {"crawl.connect_timeout", "EXPOSCAN_CONNECT_TIMEOUT", positive(&Config::connect_timeout_s)},
    {"crawl.max_retries", "EXPOSCAN_MAX_RETRIES", non_negative(&Config::max_retries)},
    {"crawl.max_retry_after", "EXPOSCAN_MAX_RETRY_AFTER", non_negative(&Config::max_retry_after_s)},
    {"crawl.low_speed_time", "EXPOSCAN_LOW_SPEED_TIME", positive(&Config::low_speed_time_s)},
    {"crawl.follow_sitemaps", "EXPOSCAN_FOLLOW_SITEMAPS", flag(&Config::follow_sitemaps)},
    {"crawl.http2", "EXPOSCAN_HTTP2", flag(&Config::http2)},
    {"crawl.robots", "EXPOSCAN_ROBOTS",
     [](Config& c, const std::string& v) -> std::optional<std::string> {
       auto m = robots_mode_from_string(trim(v));
       if (!m) return "expected obey, obey-all or ignore";
       c.robots = *m;
       return std::nullopt;
     }},
    {"crawl.cacert", "EXPOSCAN_CACERT", text(&Config::cacert)},
    {"crawl.proxy", "EXPOSCAN_PROXY", text(&Config::proxy)},
    {"identity", "EXPOSCAN_IDENTITY", text(&Config::identity_file)},
    {"output.format", "EXPOSCAN_FORMAT", text(&Config::format)},
    {"output.file", "EXPOSCAN_OUTPUT", text(&Config::output)},
    {"output.show_values", "EXPOSCAN_SHOW_VALUES", flag(&Config::show_values)},
    {"output.fail_on", "EXPOSCAN_FAIL_ON", text(&Config::fail_on)},
    {"state", "EXPOSCAN_STATE", text(&Config::state)},
    {"history", "EXPOSCAN_HISTORY", flag(&Config::history)},
};

const ConfigKey* find_key(const std::string& key) {
  for (const auto& k : k_keys)
    if (key == k.key) return &k;
  return nullptr;
}

struct FileError {
  std::string path;
  std::string message(const YAML::Node& node, const std::string& key, const std::string& what) const {
    return path + ":" + std::to_string(node.Mark().line + 1) + ": " + key + ": " + what;
  }
};

Expected<std::vector<std::string>> string_list(const YAML::Node& node, const std::string& key, const FileError& fe) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) return make_error("config", fe.message(node, key, "expected a list"));
  for (const auto& n : node) {
    if (!n.IsScalar()) return make_error("config", fe.message(n, key, "expected a list of strings"));
    out.push_back(n.Scalar());
  }
  return out;
}

Status load_hosts(const YAML::Node& node, Config& c, const FileError& fe) {
  if (!node.IsSequence()) return make_error("config", fe.message(node, "crawl.hosts", "expected a list"));
  for (const auto& h : node) {
    if (!h.IsMap() || !h["pattern"])
      return make_error("config", fe.message(h, "crawl.hosts", "each entry needs a pattern"));
    HostPolicy p;
    p.host_pattern = h["pattern"].as<std::string>();
    p.rate = c.per_host_rate;
    p.burst = c.burst;
    p.max_connections = c.per_host_connections;
    for (const auto& kv : h) {
      std::string k = kv.first.as<std::string>();
      std::string v = kv.second.IsScalar() ? kv.second.Scalar() : "";
      if (k == "pattern") continue;
      if (k == "rate") {
        auto d = parse_double(v);
        if (!d || *d < 0) return make_error("config", fe.message(kv.second, "crawl.hosts.rate", "expected a number"));
        p.rate = *d;
      } else if (k == "burst" || k == "connections") {
        auto n = parse_number<int>(v);
        if (!n || *n <= 0)
          return make_error("config", fe.message(kv.second, "crawl.hosts." + k, "expected a positive integer"));
        (k == "burst" ? p.burst : p.max_connections) = *n;
      } else {
        return make_error("config", fe.message(kv.first, "crawl.hosts." + k, "unknown key"));
      }
    }
    c.host_policies.push_back(std::move(p));
  }
  return {};
}

Status apply_mapping(const YAML::Node& map, const std::string& prefix, Config& c, const FileError& fe,
                     const std::filesystem::path& base) {
  for (const auto& kv : map) {
    std::string name = kv.first.as<std::string>();
    std::string key = prefix.empty() ? name : prefix + "." + name;
    const YAML::Node& v = kv.second;
    if (key == "targets") {
      auto l = string_list(v, key, fe);
      if (!l) return l.error();
      c.targets.insert(c.targets.end(), l->begin(), l->end());
    } else if (key == "identity" && v.IsMap()) {
      YAML::Emitter e;
      e << v;
      c.identity_inline = e.c_str();
    } else if (key == "rules.packs") {
      auto l = string_list(v, key, fe);
      if (!l) return l.error();
      for (const auto& p : *l) c.rule_files.push_back((base / p).lexically_normal().string());
    } else if (key == "rules.regions") {
      auto l = string_list(v, key, fe);
      if (!l) return l.error();
      c.regions.insert(c.regions.end(), l->begin(), l->end());
    } else if (key == "crawl.connect_to") {
      auto l = string_list(v, key, fe);
      if (!l) return l.error();
      c.connect_to.insert(c.connect_to.end(), l->begin(), l->end());
    } else if (key == "crawl.allow_hosts") {
      auto l = string_list(v, key, fe);
      if (!l) return l.error();
      c.allow_hosts.insert(c.allow_hosts.end(), l->begin(), l->end());
    } else if (key == "crawl.include" || key == "crawl.exclude") {
      auto l = string_list(v, key, fe);
      if (!l) return l.error();
      auto& field = key == "crawl.include" ? c.include : c.exclude;
      field.insert(field.end(), l->begin(), l->end());
    } else if (key == "crawl.hosts") {
      if (auto s = load_hosts(v, c, fe); !s) return s;
    } else if (v.IsMap() && (key == "crawl" || key == "rules" || key == "output")) {
      if (auto s = apply_mapping(v, key, c, fe, base); !s) return s;
    } else if (const ConfigKey* k = find_key(key)) {
      if (!v.IsScalar()) return make_error("config", fe.message(v, key, "expected a single value"));
      if (auto err = k->set(c, v.Scalar())) return make_error("config", fe.message(v, key, *err));
      if (key == "identity" || key == "crawl.cacert") {
        std::string& field = key == "identity" ? c.identity_file : c.cacert;
        field = (base / field).lexically_normal().string();
      }
    } else {
      return make_error("config", fe.message(kv.first, key, "unknown key"));
    }
  }
  return {};
}

}  // namespace

Status set_config_key(Config& config, const std::string& key, const std::string& value) {
  const ConfigKey* k = find_key(key);
  if (!k) return make_error("config", key + ": unknown key");
  if (auto err = k->set(config, value)) return make_error("config", key + ": " + *err);
  return {};
}

Status load_config_file(const std::string& path, Config& config) {
  auto text = read_file(path);
  if (!text) return make_error("config", "cannot read config file " + path + ": " + text.error().message.substr(text.error().message.rfind(": ") + 2));
  FileError fe{path};
  YAML::Node root;
  try {
    root = YAML::Load(*text);
  } catch (const YAML::Exception& e) {
    return make_error("config", path + ":" + std::to_string(e.mark.line + 1) + ": invalid YAML: " + e.msg);
  }
  if (root.IsNull()) return {};
  if (!root.IsMap()) return make_error("config", path + ":1: the config file must be a mapping of keys");
  config.source = path;
  try {
    return apply_mapping(root, "", config, fe, std::filesystem::path(path).parent_path());
  } catch (const YAML::Exception& e) {
    return make_error("config", path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

Status apply_environment(Config& config) {
  for (const auto& k : k_keys) {
    const char* v = std::getenv(k.env);
    if (v == nullptr || *v == '\0') continue;
    if (auto err = k.set(config, v)) return make_error("config", std::string(k.env) + ": " + *err);
  }
  return {};
}

std::string default_config_text() {
  return R"(# exposcan configuration. Precedence: defaults < this file < EXPOSCAN_* environment < flags.
# Run `exposcan scan -c exposcan.yaml`. Paths are relative to this file.

# Who you are: names, handles, emails, phones, birth date, city, jurisdiction. Matches of these
# in your public items say "this item is about you". Keep this file private.
identity: identity.yaml

# Your public profiles and sites. URLs; exposcan fetches them as a user-directed agent.
targets:
  - https://jane.example/
  # - https://mastodon.social/@janeexample
  # - https://www.instagram.com/janeexample/

crawl:
  concurrency: 8          # transfers in flight, all hosts
  per_host_rate: 1        # requests per second per host (0 = no limit; only for your own sites)
  burst: 2
  per_host_connections: 2
  max_pages: 500
  max_depth: 3
  timeout: 30             # seconds per request
  connect_timeout: 10
  max_retries: 2           # timeouts, resets, 5xx, 429/503 (exponential backoff with jitter)
  max_retry_after: 60     # seconds; a longer Retry-After is recorded, not waited for
  low_speed_time: 10      # seconds below 100 bytes/s before a transfer counts as stalled
  robots: obey            # obey (targets are user-directed) | obey-all | ignore (your own sites only)
  follow_sitemaps: true   # robots.txt Sitemap: lines of your own sites
  # include: ["/archive/*"]   # path patterns ('*' any run, '$' end) added to every target's scope
  # exclude: ["/tag/*"]       # ... and removed from it
  # allow_hosts: ["*.jane.example"]   # hosts rel=me links may lead to (besides your targets)
  # hosts:                # per-host politeness
  #   - pattern: "*.jane.example"
  #     rate: 5
  #     burst: 2
  #     connections: 2
  # connect_to: ["www.instagram.com:443:127.0.0.1:8443"]   # like curl --connect-to
  # cacert: ca.pem

rules:
  packs: []               # extra rule packs (YAML), on top of the built-in ones
  regions: []             # phone regions to prefer, e.g. [DE, US]

output:
  format: table           # table | json
  # file: report.json
  show_values: false      # print personal values unredacted
  # fail_on: high         # exit 1 when a finding reaches this severity

# state: /path/to/history.db   # the history (default: $XDG_DATA_HOME/exposcan/history.db)
# history: false          # keep none: pages, items and findings are not stored (no --since)
)";
}

}  // namespace exposcan
