// reports/evidence_bundle.h — the evidence bundle a person attaches to a GDPR Art. 15/21 request
// or a platform's objection form (DESIGN §5).
//
// A folder holding, at its top level:
//   scan.warc.gz    WARC 1.1, one gzip member per record: warcinfo first; for every page that
//                   supports a finding a request record (when captured) and a response record
//                   (HTTP/1.1 form, see reports/http_wire.h for what differs from the wire and how
//                   it is declared), and a metadata record (application/json, WARC-Refers-To the
//                   response) naming the findings it supports; per origin a metadata record with
//                   the site files (robots.txt, /.well-known/tdmrep.json, /ai.txt: URL, status,
//                   SHA-256) and a resource record for each one that had a body.
//   report.html     the HTML report (reports/html_report.h), personal values behind reveal buttons
//   report.json     the canonical JSON report (schema v1), with values
//   manifest.json   format, tool version, scan id/targets/start/end, rule packs and their
//                   hashes, SHA-256 and size of every file above, the SHA-256 of every WARC record,
//                   which response record backs each finding, and the requests the person sent
//   timestamp.tsq   an RFC 3161 request over the SHA-256 of manifest.json (reports/timestamp_request.h)
// Every file is written with mode 0600 in a 0700 folder.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/expected.h"
#include "reports/scan_record.h"
#include "scanner/page.h"

namespace exposcan {

inline constexpr const char* k_bundle_format = "exposcan-evidence-bundle";
inline constexpr int k_bundle_version = 1;

// A request the person sent (`letter ... --sent DATE`): objections act forward only, so the
// date belongs in the evidence.
struct SentRequest {
  std::string kind;      // "objection", "access"
  std::string platform;  // as given to `letter --platform`
  std::string sent;      // YYYY-MM-DD
};

struct EvidenceOptions {
  std::vector<SentRequest> requests_sent;
  std::function<std::string()> make_record_id;  // empty: random v4 UUIDs (tests pass a counter)
  std::optional<TimePoint> created;             // manifest "created"; empty: now
};

struct EvidenceSummary {
  size_t pages = 0;      // pages recorded (response or resource)
  size_t records = 0;    // WARC records in all
  size_t findings_backed = 0;    // findings whose page is in the WARC
  size_t findings_unbacked = 0;  // findings without a recorded page (fetch failed, not kept)
  std::string manifest_sha256;
};

// Writes the bundle into `dir` (created when missing). `pages` are the fetched pages that
// support the record's findings (EvidenceCollector), bodies included.
Expected<EvidenceSummary> write_evidence_bundle(const ScanRecord& record, std::span<const Page> pages,
                                                const std::filesystem::path& dir, const EvidenceOptions& options = {});

// The pipeline's page sink for a bundle: keeps a copy of every page a finding cites (by
// evidence URL). add() is thread-safe; memory grows with the kept bodies (capped per page by
// the crawler's body cap).
class EvidenceCollector {
 public:
  void add(const Page& page, std::span<const Finding> findings);
  std::vector<Page> pages() const;  // ordered by final URL

 private:
  mutable std::mutex m_mutex;
  std::map<std::string, Page> m_pages;
};

}  // namespace exposcan
