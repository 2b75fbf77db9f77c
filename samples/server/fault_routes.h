// samples/server/fault_routes.h — the misbehaving host `faults.example` and its robots sub-hosts
// (internal). The endpoint table is in fault_routes.cpp.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samples/server/http_message.h"
#include "samples/server/site_router.h"

namespace exposcan::samples::server {

inline constexpr std::string_view k_fault_host = "faults.example";

class FaultRoutes {
 public:
  // `sites` provides the private pages some faults serve (e.g. the charset samples); it must outlive
  // this object.
  explicit FaultRoutes(const SiteRouter& sites) : m_sites(sites) {}

  // faults.example and its robots sub-hosts.
  static std::vector<std::string> hosts();
  static bool is_fault_host(std::string_view host);

  // The fault reply for a request to a fault host, or nullopt when the path is not a fault (the
  // caller then serves sites/faults.example/). Thread-safe.
  std::optional<Reply> handle(const Request& request);

 private:
  std::shared_ptr<const std::string> gzip_bomb(long mebibytes);
  std::shared_ptr<const std::string> big_robots();

  const SiteRouter& m_sites;
  std::mutex m_mutex;
  std::map<std::string, long> m_flaky_counts;                         // id -> requests seen
  std::map<long, std::shared_ptr<const std::string>> m_gzip_bombs;   // MiB -> gzip bytes
  std::shared_ptr<const std::string> m_big_robots;
};

}  // namespace exposcan::samples::server
