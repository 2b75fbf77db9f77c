#include "app/scan_history.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

#include "core/fs.h"
#include "core/hash.h"
#include "reports/json_model.h"

namespace exposcan {

std::filesystem::path state_path(const Config& config) {
  return config.state.empty() ? HistoryStore::default_path() : std::filesystem::path(config.state);
}

Expected<Suppressions> load_suppressions(const Config& config) {
  std::filesystem::path ignore = config.ignore_file;
  if (ignore.empty() && std::filesystem::exists(k_ignore_file_name)) ignore = k_ignore_file_name;
  if (ignore.empty()) return Suppressions{};
  return Suppressions::load(ignore);
}

std::string config_hash(const Config& config) {
  nlohmann::json j = {{"robots", std::string(to_string(config.robots))},
                      {"rules", config.rule_files},
                      {"identity_file", config.identity_file},
                      {"identity_inline", sha256_hex(config.identity_inline)},
                      {"regions", config.regions},
                      {"max_pages", config.max_pages},
                      {"max_depth", config.max_depth}};
  return sha256_hex(j.dump()).substr(0, 16);
}

Expected<std::unique_ptr<ScanRecorder>> open_scan_recorder(const Config& config) {
  RecorderOptions options;
  options.since = config.since;
  options.config_hash = config_hash(config);
  if (const char* k = std::getenv("EXPOSCAN_FINGERPRINT_KEY"); k && *k) options.fingerprint_key = k;
  if (!config.baseline.empty()) {
    auto text = read_file(config.baseline);
    if (!text) return make_error("usage", "--baseline: cannot read " + config.baseline);
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded()) return make_error("usage", "--baseline: " + config.baseline + " is not JSON");
    auto record = record_from_json(j);
    if (!record) return make_error("usage", "--baseline: " + config.baseline + ": " + record.error().message);
    options.baseline = std::move(*record);
    options.baseline_name = config.baseline;
  }
  auto suppressions = load_suppressions(config);
  if (!suppressions) return suppressions.error();
  options.suppressions = std::move(*suppressions);
  auto store = HistoryStore::open(state_path(config), OpenMode::write);
  if (!store) return store.error();
  return make_store_recorder(std::move(*store), std::move(options));
}

}  // namespace exposcan
