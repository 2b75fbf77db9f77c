// tests/store/store_fixture.h — builders for pages, items and findings, and a store in a temp folder.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "core/hash.h"
#include "store/history_store.h"
#include "store/scan_recorder.h"
#include "store/sqlite_db.h"
#include "tests/support/test_support.h"

namespace exposcan::test {

// The single integer an SQL query on the history file at `p` returns (a row count, mostly).
inline int64_t row_count(const std::filesystem::path& p, const std::string& sql) {
  auto db = sql::Db::open(p.string(), false);
  REQUIRE(db);
  auto n = db->query_int(sql);
  REQUIRE(n);
  return *n;
}

inline Page make_page(const std::string& url, int status = 200, const std::string& body = "<p>hello</p>",
                      const std::string& etag = "\"v1\"") {
  Page p;
  p.url = url;
  p.final_url = url;
  p.status = status;
  p.body = body;
  p.content_type = "text/html";
  p.charset = "utf-8";
  p.sha256 = sha256_hex(body);
  p.fetched_at = std::chrono::system_clock::now();
  p.http_version = "1.1";
  p.target = "https://jane.example/";
  if (!etag.empty()) p.headers.push_back({"ETag", etag});
  p.headers.push_back({"Last-Modified", "Fri, 30 Oct 2026 09:00:00 GMT"});
  p.headers.push_back({"Content-Type", "text/html; charset=utf-8"});
  if (status >= 400) p.error = FetchError{"http_status", "HTTP " + std::to_string(status)};
  return p;
}

inline Page failed_page(const std::string& url, const std::string& code = "connect") {
  Page p;
  p.url = url;
  p.final_url = url;
  p.fetched_at = std::chrono::system_clock::now();
  p.error = FetchError{code, "could not connect"};
  return p;
}

inline Item make_item(const std::string& id, const std::string& url, const std::string& text = "post text") {
  Item i;
  i.id = id;
  i.platform = "web";
  i.kind = ItemKind::post;
  i.url = url;
  i.text = text;
  i.source_url = url;
  i.visibility = Visibility::public_;
  i.provenance = "live";
  return i;
}

inline Finding make_finding(const std::string& rule, const Item& item, Severity severity = Severity::medium,
                            Verdict verdict = Verdict::trainable) {
  Finding f;
  f.rule_id = rule;
  f.pack = rule.substr(0, rule.find('.'));
  f.pack_version = "1.0.0";
  f.title = rule;
  f.severity = severity;
  f.confidence = "high";
  f.verdict = verdict;
  f.reasons = {"because"};
  f.item_id = item.id;
  f.platform = item.platform;
  f.url = item.url;
  f.evidence.url = item.url;
  f.evidence.status = 200;
  f.evidence.fetched_at = std::chrono::system_clock::now();
  f.fingerprint = hmac_sha256_hex("test-key", rule + "\xff" + item.id);
  return f;
}

inline AgentAssessment agent(const std::string& name) {
  AgentAssessment a;
  a.agent = name;
  a.purpose = "training";
  a.fetch = AgentState::allowed;
  return a;
}

inline ItemFindings evaluated(Item item, std::vector<Finding> findings) {
  ItemFindings x;
  x.item = std::move(item);
  x.findings = std::move(findings);
  return x;
}

inline std::shared_ptr<HistoryStore> open_store(const std::filesystem::path& path) {
  auto store = HistoryStore::open(path, OpenMode::write);
  INFO((store ? std::string() : store.error().message));
  REQUIRE(store);
  return *store;
}

inline RecorderOptions since(const std::string& ref) {
  RecorderOptions o;
  o.since = ref;
  return o;
}

inline std::unique_ptr<ScanRecorder> recorder(std::shared_ptr<HistoryStore> store, RecorderOptions options = {}) {
  auto r = make_store_recorder(std::move(store), std::move(options));
  REQUIRE(r);
  return std::move(*r);
}

inline ScanInfo scan_info(std::vector<std::string> targets = {"https://jane.example/"}) {
  ScanInfo s;
  s.tool_version = "0.1.0";
  s.targets = std::move(targets);
  s.started = std::chrono::system_clock::now();
  s.status = "running";
  return s;
}

// Runs one whole scan through a recorder: begin, each page with its items, finish.
struct ScanResult {
  ScanInfo info;
  std::vector<ItemFindings> recorded;  // as shown in the report, labelled
  std::vector<ItemFindings> carried;
};

inline ScanResult run_scan(ScanRecorder& rec, std::vector<std::pair<Page, std::vector<ItemFindings>>> pages,
                           const std::string& status = "complete", std::vector<std::string> targets = {"https://jane.example/"}) {
  ScanResult r;
  r.info = scan_info(std::move(targets));
  auto s = rec.begin_scan(r.info);
  INFO((s ? std::string() : s.error().message));
  REQUIRE(s);
  for (auto& [page, items] : pages) {
    rec.record_page(page, items);
    for (auto& i : items) r.recorded.push_back(i);  // each item once: the report shows every copy
  }
  r.info.status = status;
  r.info.finished = std::chrono::system_clock::now();
  r.carried = rec.finish_scan(r.info, r.recorded);
  return r;
}

inline const Finding* find_rule(const std::vector<ItemFindings>& items, const std::string& item_id,
                                const std::string& rule) {
  for (const auto& i : items)
    for (const auto& f : i.findings)
      if (f.item_id == item_id && f.rule_id == rule) return &f;
  return nullptr;
}

}  // namespace exposcan::test
