// reports/evidence_verify.h — `exposcan evidence verify DIR`: re-checks an evidence bundle
// (reports/evidence_bundle.h) and names every file that differs or cannot be read.
//
// Checks: manifest.json parses and is an exposcan bundle; every file it lists exists with the
// listed size and SHA-256; scan.warc.gz inflates member by member (a corrupt member is named with
// its byte offset), each record has the mandatory fields and matching WARC-Block-Digest and
// WARC-Payload-Digest, record ids are unique, WARC-Concurrent-To / WARC-Refers-To /
// WARC-Warcinfo-ID point at records in the file, warcinfo comes first, and the manifest's
// per-record digests match; timestamp.tsq is an RFC 3161 request whose SHA-256 imprint is the
// hash of manifest.json and whose bytes are exactly what exposcan makes for it. Files in the
// folder that the manifest does not list are reported as notes (they are not covered), not
// failures. Reads only; thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace exposcan {

struct VerifyLine {
  std::string file;
  std::string message;
};

struct VerifyReport {
  std::vector<VerifyLine> checked;   // "scan.warc.gz", "42 records, digests match"
  std::vector<VerifyLine> problems;  // "scan.warc.gz", "gzip member 3 at byte 1234: incorrect data check"
  std::vector<VerifyLine> notes;
  size_t records = 0;
  bool ok() const { return problems.empty(); }
};

VerifyReport verify_evidence_bundle(const std::filesystem::path& dir);

// The text `evidence verify` prints: one line per file ("ok    scan.warc.gz: ..." /
// "FAIL  scan.warc.gz: ..."), notes, and a closing line.
std::string format_verify_report(const VerifyReport& report, const std::string& dir);

}  // namespace exposcan
