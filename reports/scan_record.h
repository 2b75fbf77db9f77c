// reports/scan_record.h — the canonical scan record every reporter renders (JSON report schema v1).
//
// The app fills it from the pipeline; the store persists and reloads it; reporters are sinks
// that receive it piecewise (begin / item / end).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "parsers/item.h"
#include "rules/finding.h"
#include "rules/pack_info.h"

namespace exposcan {

struct ScanError {
  std::string url;
  std::string code;  // FetchError code, "parse", ...
  std::string message;
  std::string target;
};

struct TargetStatus {
  std::string target;   // as the user wrote it
  std::string url;      // the URL it expanded to
  bool reachable = false;
  size_t pages = 0;
};

struct ScanInfo {
  std::string id;  // scan id (store) or a random id
  std::string tool = "exposcan";
  std::string tool_version;
  std::vector<std::string> targets;
  std::vector<TargetStatus> target_status;
  TimePoint started{};
  std::optional<TimePoint> finished;
  size_t pages_fetched = 0;
  size_t bytes_fetched = 0;
  std::vector<ScanError> errors;
  std::string status = "running";  // "complete", "incomplete", "interrupted"
  std::string robots_mode = "obey";
  std::vector<PackInfo> packs;
};

struct ScanRecord {
  ScanInfo scan;
  std::vector<Item> items;
  std::vector<Finding> findings;
};

}  // namespace exposcan
