#include "reports/evidence_verify.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "core/fs.h"
#include "core/hash.h"
#include "core/text.h"
#include "reports/evidence_bundle.h"
#include "reports/timestamp_request.h"
#include "reports/warc_reader.h"

namespace exposcan {
namespace {

using json = nlohmann::json;

std::string from_hex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    out += static_cast<char>(hex_value(hex[i]) * 16 + hex_value(hex[i + 1]));
  return out;
}

bool safe_name(const std::string& name) {
  return !name.empty() && name.find('/') == std::string::npos && name.find('\\') == std::string::npos && name != "." &&
         name != "..";
}

void check_warc(const std::string& name, const std::string& bytes, const json& manifest, VerifyReport& report) {
  auto records = read_warc(bytes);
  if (!records) {
    report.problems.push_back({name, records.error().message});
    return;
  }
  size_t before = report.problems.size();
  std::set<std::string> ids;
  std::map<std::string, const WarcRecordView*> by_id;
  for (size_t i = 0; i < records->size(); ++i) {
    const auto& r = (*records)[i];
    std::string id = r.field("WARC-Record-ID");
    std::string where = fmt::format("record {} ({})", i + 1, id.empty() ? "no id" : id);
    for (const auto& p : check_warc_record(r)) report.problems.push_back({name, where + ": " + p});
    if (!id.empty() && !ids.insert(id).second) report.problems.push_back({name, where + ": duplicate WARC-Record-ID"});
    by_id[id] = &r;
  }
  if ((*records)[0].field("WARC-Type") != "warcinfo")
    report.problems.push_back({name, "record 1: the first record is not a warcinfo record"});
  for (size_t i = 0; i < records->size(); ++i) {
    const auto& r = (*records)[i];
    for (const char* f : {"WARC-Concurrent-To", "WARC-Refers-To", "WARC-Warcinfo-ID"}) {
      std::string target = r.field(f);
      if (!target.empty() && !ids.count(target))
        report.problems.push_back({name, fmt::format("record {} ({}): {} {} is not in the file", i + 1,
                                                     r.field("WARC-Record-ID"), f, target)});
    }
  }
  if (manifest.contains("warc") && manifest["warc"].contains("records") && manifest["warc"]["records"].is_array()) {
    const auto& listed = manifest["warc"]["records"];
    if (listed.size() != records->size())
      report.problems.push_back({name, fmt::format("{} records, manifest.json lists {}", records->size(), listed.size())});
    for (const auto& e : listed) {
      std::string id = e.value("id", "");
      auto it = by_id.find(id);
      if (it == by_id.end()) {
        report.problems.push_back({name, "record " + id + " listed in manifest.json is missing"});
        continue;
      }
      if (it->second->field("WARC-Block-Digest") != e.value("block_digest", ""))
        report.problems.push_back({name, "record " + id + ": block digest differs from manifest.json"});
    }
  }
  report.records = records->size();
  if (report.problems.size() == before)
    report.checked.push_back({name, fmt::format("{} WARC records; block and payload digests match", records->size())});
}

}  // namespace

VerifyReport verify_evidence_bundle(const std::filesystem::path& dir) {
  VerifyReport report;
  auto manifest_text = read_file(dir / "manifest.json");
  if (!manifest_text) {
    report.problems.push_back({"manifest.json", "cannot be read (" + manifest_text.error().message + ")"});
    return report;
  }
  json manifest = json::parse(*manifest_text, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object()) {
    report.problems.push_back({"manifest.json", "is not valid JSON"});
    return report;
  }
  if (manifest.value("format", "") != k_bundle_format || manifest.value("version", 0) != k_bundle_version) {
    report.problems.push_back({"manifest.json", "is not an exposcan evidence bundle manifest (format/version)"});
    return report;
  }

  std::set<std::string> listed = {"manifest.json", "timestamp.tsq"};
  std::map<std::string, std::string> contents;
  if (!manifest.contains("files") || !manifest["files"].is_array()) {
    report.problems.push_back({"manifest.json", "has no file list"});
  } else {
    for (const auto& f : manifest["files"]) {
      std::string name = f.is_object() ? f.value("path", "") : "";
      if (!safe_name(name)) {
        report.problems.push_back({"manifest.json", "lists an invalid file name '" + name + "'"});
        continue;
      }
      listed.insert(name);
      auto bytes = read_file(dir / name);
      if (!bytes) {
        report.problems.push_back({name, "is missing or cannot be read"});
        continue;
      }
      bool ok = true;
      if (f.contains("bytes") && f["bytes"] != bytes->size()) {
        report.problems.push_back({name, fmt::format("has {} bytes, manifest.json says {}", bytes->size(), f["bytes"].dump())});
        ok = false;
      }
      if (sha256_hex(*bytes) != f.value("sha256", "")) {
        report.problems.push_back({name, "SHA-256 differs from manifest.json"});
        ok = false;
      }
      if (ok) report.checked.push_back({name, "SHA-256 matches manifest.json"});
      contents[name] = std::move(*bytes);
    }
  }
  for (const char* required : {"scan.warc.gz", "report.html"})
    if (!listed.count(required)) report.problems.push_back({required, "is not listed in manifest.json"});

  if (contents.count("scan.warc.gz")) check_warc("scan.warc.gz", contents["scan.warc.gz"], manifest, report);

  std::string manifest_hash = sha256_hex(*manifest_text);
  auto tsq = read_file(dir / "timestamp.tsq");
  if (!tsq) {
    report.problems.push_back({"timestamp.tsq", "is missing or cannot be read"});
  } else if (auto info = parse_timestamp_request(*tsq); !info) {
    report.problems.push_back({"timestamp.tsq", info.error().message});
  } else if (info->hash_algorithm != "SHA256") {
    report.problems.push_back({"timestamp.tsq", "message imprint is not SHA-256 (" + info->hash_algorithm + ")"});
  } else if (auto canonical = make_timestamp_request(from_hex(info->imprint_hex)); !canonical || *canonical != *tsq) {
    report.problems.push_back({"timestamp.tsq", "differs from the request exposcan makes for its own imprint (changed after the bundle was made)"});
  } else if (info->imprint_hex != manifest_hash) {
    report.problems.push_back({"manifest.json", "SHA-256 differs from the imprint in timestamp.tsq (changed after the bundle was made)"});
  } else {
    report.checked.push_back({"timestamp.tsq", "RFC 3161 request over the SHA-256 of manifest.json"});
    report.checked.push_back({"manifest.json", "SHA-256 " + manifest_hash});
  }

  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (!listed.count(name)) report.notes.push_back({name, "is not listed in manifest.json (not covered by the bundle's hashes)"});
  }
  return report;
}

std::string format_verify_report(const VerifyReport& report, const std::string& dir) {
  std::string out;
  for (const auto& l : report.checked) out += fmt::format("ok    {}: {}\n", l.file, l.message);
  for (const auto& l : report.problems) out += fmt::format("FAIL  {}: {}\n", l.file, l.message);
  for (const auto& l : report.notes) out += fmt::format("note  {}: {}\n", l.file, l.message);
  if (report.ok())
    out += fmt::format("evidence bundle {} verified: every hash and WARC digest matches\n", dir);
  else
    out += fmt::format("evidence bundle {} FAILED verification: {} problem(s)\n", dir, report.problems.size());
  return out;
}

}  // namespace exposcan
