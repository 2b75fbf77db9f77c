#include "reports/evidence_bundle.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "core/fs.h"
#include "core/hash.h"
#include "reports/match_value.h"
#include "core/version.h"
#include "reports/html_report.h"
#include "reports/http_wire.h"
#include "reports/json_model.h"
#include "reports/json_report.h"
#include "reports/timestamp_request.h"
#include "reports/warc_writer.h"

namespace exposcan {
namespace {

using json = nlohmann::json;

std::string page_uri(const Page& p) { return p.final_url.empty() ? p.url : p.final_url; }

std::string origin_of(const Page& p) {
  if (p.site && !p.site->origin.empty()) return p.site->origin;
  return {};
}

json finding_summary(const Finding& f) {
  json matches = json::array();
  for (const auto& m : f.matches)
    matches.push_back({{"type", m.type}, {"subtype", m.subtype}, {"field", m.field}, {"start", m.start}, {"end", m.end},
                       {"value", shown_value(m, false)}});
  return {{"rule_id", f.rule_id},   {"pack", f.pack},         {"pack_version", f.pack_version},
          {"verdict", std::string(to_string(f.verdict))}, {"severity", std::string(to_string(f.severity))},
          {"title", f.title},       {"item_id", f.item_id},   {"url", f.url},
          {"reasons", f.reasons},   {"matches", matches},     {"fingerprint", f.fingerprint}};
}

json site_file_json(const SiteFile& f) {
  return {{"url", f.url},
          {"status", f.status},
          {"fetched", f.fetched},
          {"fetched_at", f.fetched_at == TimePoint{} ? json(nullptr) : json(format_rfc3339(f.fetched_at))},
          {"sha256", f.body.empty() ? json(nullptr) : json(sha256_hex(f.body))},
          {"error", f.error ? json(f.error->code + ": " + f.error->message) : json(nullptr)}};
}

struct BundleState {
  WarcWriter writer;
  std::string warcinfo_id;
  json records = json::array();
  explicit BundleState(std::function<std::string()> make_id) : writer(std::move(make_id)) {}

  Expected<WarcWriter::Written> add(WarcRecord r) {
    if (!warcinfo_id.empty() && r.type != "warcinfo") r.fields.insert(r.fields.begin(), {"WARC-Warcinfo-ID", warcinfo_id});
    std::string type = r.type, uri = r.target_uri;
    auto w = writer.add(std::move(r));
    if (!w) return w.error();
    records.push_back({{"id", w->id},
                       {"type", type},
                       {"target_uri", uri.empty() ? json(nullptr) : json(uri)},
                       {"block_digest", w->block_digest},
                       {"payload_digest", w->payload_digest.empty() ? json(nullptr) : json(w->payload_digest)},
                       {"offset", w->offset},
                       {"length", w->length}});
    return w;
  }
};

// robots.txt, tdmrep.json and ai.txt of one origin: a resource record per file with a body and
// one metadata record listing all three. Returns the metadata record's id.
Expected<std::string> add_site_records(BundleState& st, const SiteSignals& site, TimePoint fallback_date) {
  json files = json::array();
  for (const SiteFile* f : {&site.robots_file, &site.tdmrep_file, &site.ai_txt_file}) {
    if (f->url.empty()) continue;
    json entry = site_file_json(*f);
    TimePoint date = f->fetched_at == TimePoint{} ? fallback_date : f->fetched_at;
    if (!f->body.empty()) {
      WarcRecord r;
      r.type = "resource";
      r.target_uri = f->url;
      r.date = date;
      r.content_type = f->url.ends_with(".json") ? "application/json" : "text/plain";
      r.fields.push_back({"Exposcan-Transform", "body only: the HTTP " + std::to_string(f->status) +
                                                    " response head of this site file is not kept by the scanner"});
      r.block = f->body;
      auto w = st.add(std::move(r));
      if (!w) return w.error();
      entry["record_id"] = w->id;
    }
    files.push_back(std::move(entry));
  }
  WarcRecord meta;
  meta.type = "metadata";
  meta.target_uri = site.origin + "/";
  meta.date = fallback_date;
  meta.content_type = "application/json";
  meta.block = json{{"exposcan", "site-signals"}, {"origin", site.origin}, {"files", files}}.dump(2) + "\n";
  auto w = st.add(std::move(meta));
  if (!w) return w.error();
  return w->id;
}

}  // namespace

void EvidenceCollector::add(const Page& page, std::span<const Finding> findings) {
  std::string uri = page_uri(page);
  bool cited = false;
  for (const auto& f : findings) cited |= f.evidence.url == uri || f.evidence.url == page.url;
  if (!cited) return;
  std::lock_guard lock(m_mutex);
  m_pages.emplace(uri, page);
}

std::vector<Page> EvidenceCollector::pages() const {
  std::lock_guard lock(m_mutex);
  std::vector<Page> out;
  for (const auto& [_, p] : m_pages) out.push_back(p);
  return out;
}

Expected<EvidenceSummary> write_evidence_bundle(const ScanRecord& unsorted, std::span<const Page> pages_in,
                                                const std::filesystem::path& dir, const EvidenceOptions& options) {
  // Report order (sort_record), whoever made the record: the pipeline, or the store reading it back.
  ScanRecord record = unsorted;
  sort_record(record);
  EvidenceSummary summary;
  TimePoint created = options.created.value_or(std::chrono::system_clock::now());
  BundleState st(options.make_record_id ? options.make_record_id : std::function<std::string()>(make_warc_record_id));

  std::vector<const Page*> pages;
  std::map<std::string, std::vector<const Finding*>> by_url;
  for (const auto& f : record.findings) by_url[f.evidence.url].push_back(&f);
  std::set<std::string> seen;
  for (const auto& p : pages_in)  // only pages a finding of the record cites, once each
    if (by_url.count(page_uri(p)) && seen.insert(page_uri(p)).second) pages.push_back(&p);
  std::sort(pages.begin(), pages.end(), [](const Page* a, const Page* b) { return page_uri(*a) < page_uri(*b); });

  // warcinfo
  std::string targets;
  for (const auto& t : record.scan.targets) targets += (targets.empty() ? "" : " ") + t;
  WarcRecord info;
  info.type = "warcinfo";
  info.date = created;
  info.content_type = "application/warc-fields";
  info.fields.push_back({"WARC-Filename", "scan.warc.gz"});
  info.block = std::string("software: exposcan/") + (record.scan.tool_version.empty() ? k_version : record.scan.tool_version) +
               " (+" + k_project_url + ")\r\n" + "format: WARC File Format 1.1\r\n" +
               "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n" +
               "isPartOf: exposcan scan " + record.scan.id + "\r\n" +
               "description: pages that support the findings of an exposcan scan of " + targets + "\r\n" +
               "robots: " + record.scan.robots_mode + "\r\n" + "http-header-user-agent: " + k_user_agent + "\r\n";
  auto wi = st.add(std::move(info));
  if (!wi) return wi.error();
  st.warcinfo_id = wi->id;

  std::map<std::string, std::string> site_record;  // origin -> metadata record id
  std::map<std::string, std::string> response_of;   // page URI -> response/resource record id
  std::map<std::string, std::string> metadata_of;
  for (const Page* p : pages) {
    std::string uri = page_uri(*p);
    std::string origin = origin_of(*p);
    if (p->site && !origin.empty() && !site_record.count(origin)) {
      auto id = add_site_records(st, *p->site, p->fetched_at);
      if (!id) return id.error();
      site_record[origin] = *id;
    }
    HttpWire wire = http_wire(*p);
    bool live = p->status > 0 && p->origin == PageOrigin::live;
    std::string request_id, main_id;
    std::vector<std::string> transformations = wire.transformations;
    if (live) {
      if (!wire.request.empty()) {
        WarcRecord rq;
        rq.type = "request";
        rq.target_uri = uri;
        rq.date = p->fetched_at;
        rq.content_type = "application/http;msgtype=request";
        if (!wire.protocol.empty()) rq.fields.push_back({"WARC-Protocol", wire.protocol});
        if (!p->remote_ip.empty()) rq.fields.push_back({"WARC-IP-Address", p->remote_ip});
        rq.block = wire.request;
        auto w = st.add(std::move(rq));
        if (!w) return w.error();
        request_id = w->id;
      }
      WarcRecord rs;
      rs.type = "response";
      rs.target_uri = uri;
      rs.date = p->fetched_at;
      rs.content_type = "application/http;msgtype=response";
      if (!request_id.empty()) rs.fields.push_back({"WARC-Concurrent-To", request_id});
      if (!p->remote_ip.empty()) rs.fields.push_back({"WARC-IP-Address", p->remote_ip});
      if (!wire.protocol.empty()) rs.fields.push_back({"WARC-Protocol", wire.protocol});
      if (p->truncated) rs.fields.push_back({"WARC-Truncated", "length"});
      if (!transformations.empty()) {
        std::string t;
        for (const auto& x : transformations) t += (t.empty() ? "" : "; ") + x;
        rs.fields.push_back({"Exposcan-Transform", t});
      }
      rs.block = wire.response;
      rs.payload_offset = wire.payload_offset;
      auto w = st.add(std::move(rs));
      if (!w) return w.error();
      main_id = w->id;
    } else if (!p->body.empty()) {
      WarcRecord rs;
      rs.type = "resource";
      rs.target_uri = uri;
      rs.date = p->fetched_at;
      rs.content_type = p->content_type.empty() ? "application/octet-stream" : p->content_type;
      transformations.push_back(p->origin == PageOrigin::not_modified
                                    ? "body from the conditional-GET cache (the server answered 304 Not Modified)"
                                    : "document read from " + std::string(to_string(p->origin)) + ", not fetched over HTTP");
      rs.fields.push_back({"Exposcan-Transform", transformations.back()});
      if (p->truncated) rs.fields.push_back({"WARC-Truncated", "length"});
      rs.block = p->body;
      auto w = st.add(std::move(rs));
      if (!w) return w.error();
      main_id = w->id;
    } else {
      continue;
    }
    ++summary.pages;
    response_of[uri] = main_id;

    json findings = json::array();
    for (const Finding* f : by_url[uri]) findings.push_back(finding_summary(*f));
    json block = {{"exposcan", "findings"},
                  {"requested_url", p->url},
                  {"final_url", uri},
                  {"redirects", p->redirects},
                  {"status", p->status},
                  {"http_version", p->http_version.empty() ? json(nullptr) : json(p->http_version)},
                  {"remote_ip", p->remote_ip.empty() ? json(nullptr) : json(p->remote_ip)},
                  {"fetched_at", format_rfc3339(p->fetched_at)},
                  {"body_sha256", p->sha256},
                  {"transformations", transformations},
                  {"site_signals_record", site_record.count(origin) ? json(site_record[origin]) : json(nullptr)},
                  {"findings", findings}};
    WarcRecord meta;
    meta.type = "metadata";
    meta.target_uri = uri;
    meta.date = p->fetched_at;
    meta.content_type = "application/json";
    meta.fields.push_back({"WARC-Refers-To", main_id});
    meta.block = block.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    auto w = st.add(std::move(meta));
    if (!w) return w.error();
    metadata_of[uri] = w->id;
  }

  json finding_links = json::array();
  for (const auto& f : record.findings) {
    bool backed = response_of.count(f.evidence.url) > 0;
    backed ? ++summary.findings_backed : ++summary.findings_unbacked;
    finding_links.push_back({{"fingerprint", f.fingerprint},
                             {"rule_id", f.rule_id},
                             {"item_id", f.item_id},
                             {"verdict", std::string(to_string(f.verdict))},
                             {"evidence_url", f.evidence.url},
                             {"evidence_sha256", f.evidence.sha256.empty() ? json(nullptr) : json(f.evidence.sha256)},
                             {"response_record", backed ? json(response_of[f.evidence.url]) : json(nullptr)},
                             {"metadata_record", backed ? json(metadata_of[f.evidence.url]) : json(nullptr)}});
  }
  summary.records = st.writer.records();

  std::vector<std::pair<std::string, std::string>> files = {
      {"scan.warc.gz", st.writer.bytes()},
      {"report.html", render_html(record, true)},
      {"report.json", record_to_json(record, true).dump(2, ' ', false, json::error_handler_t::replace) + "\n"}};
  json file_list = json::array();
  for (const auto& [name, bytes] : files) {
    if (auto s = write_private_file(dir / name, bytes); !s) return s.error();
    file_list.push_back({{"path", name}, {"sha256", sha256_hex(bytes)}, {"bytes", bytes.size()}});
  }
  json packs = json::array();
  for (const auto& p : record.scan.packs) packs.push_back({{"id", p.id}, {"version", p.version}, {"sha256", p.sha256}});
  json sent = json::array();
  for (const auto& r : options.requests_sent) sent.push_back({{"kind", r.kind}, {"platform", r.platform}, {"sent", r.sent}});
  json manifest = {
      {"format", k_bundle_format},
      {"version", k_bundle_version},
      {"created", format_rfc3339(created)},
      {"tool", {{"name", "exposcan"}, {"version", record.scan.tool_version.empty() ? k_version : record.scan.tool_version}}},
      {"scan",
       {{"id", record.scan.id},
        {"targets", record.scan.targets},
        {"started", format_rfc3339(record.scan.started)},
        {"finished", record.scan.finished ? json(format_rfc3339(*record.scan.finished)) : json(nullptr)},
        {"status", record.scan.status},
        {"robots_mode", record.scan.robots_mode}}},
      {"rule_packs", packs},
      {"files", file_list},
      {"warc", {{"path", "scan.warc.gz"}, {"records", st.records}}},
      {"findings", finding_links},
      {"requests_sent", sent},
      {"timestamp_request", {{"path", "timestamp.tsq"}, {"standard", "RFC 3161"}, {"hash_algorithm", "sha256"}, {"of", "manifest.json"}}}};
  std::string manifest_text = manifest.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  if (auto s = write_private_file(dir / "manifest.json", manifest_text); !s) return s.error();
  summary.manifest_sha256 = sha256_hex(manifest_text);
  auto tsq = make_timestamp_request(sha256_raw(manifest_text));
  if (!tsq) return tsq.error();
  if (auto s = write_private_file(dir / "timestamp.tsq", *tsq); !s) return s.error();
  return summary;
}

}  // namespace exposcan
