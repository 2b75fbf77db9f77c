// The state file itself: creation, permissions, refusal of foreign/damaged/newer files, migration,
// abandoned scans, scan references, forget.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <thread>
#include <vector>

#include "store/schema.h"
#include "store/sqlite_db.h"
#include "tests/store/store_fixture.h"

using namespace exposcan;
using namespace exposcan::test;

namespace {

mode_t mode_of(const std::filesystem::path& p) {
  struct stat st {};
  REQUIRE(stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

sql::Db raw(const std::filesystem::path& p) {
  auto db = sql::Db::open(p.string(), true);
  REQUIRE(db);
  return std::move(*db);
}


void write_bytes(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

// A pid that no longer names a process: a child that has exited and been reaped.
pid_t dead_pid() {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  int status = 0;
  waitpid(pid, &status, 0);
  return pid;
}

void record_one_scan(const std::shared_ptr<HistoryStore>& store, const std::string& body,
                     const std::vector<std::string>& targets = {"https://jane.example/"}) {
  auto rec = recorder(store);
  Item item = make_item("https://jane.example/posts/a/", "https://jane.example/posts/a/");
  std::vector<ItemFindings> items = {evaluated(item, {make_finding("ai-training.third-party", item)})};
  run_scan(*rec, {{make_page("https://jane.example/posts/a/", 200, body), items}}, "complete", targets);
}

}  // namespace

TEST_CASE("a new state file is 0600 in a 0700 folder in WAL mode at the current schema", "[store]") {
  TempDir dir;
  auto path = dir / "data" / "exposcan" / "history.db";
  std::string key;
  {
    auto store = open_store(path);
    key = store->fingerprint_key();
    CHECK(key.size() == 64);
    CHECK(store->schema_version() == k_schema_version);
  }
  CHECK(mode_of(path) == 0600);
  CHECK(mode_of(path.parent_path()) == 0700);
  CHECK(mode_of(path.parent_path().parent_path()) == 0700);
  auto db = raw(path);
  CHECK(*db.query_text("PRAGMA journal_mode") == "wal");
  CHECK(*db.query_int("PRAGMA user_version") == k_schema_version);
  CHECK(*db.query_int("PRAGMA application_id") == k_application_id);
  CHECK(*db.query_int("PRAGMA auto_vacuum") == 2);  // incremental
  SECTION("the fingerprint key is kept: the next open sees the same key") {
    CHECK(open_store(path)->fingerprint_key() == key);
  }
}

TEST_CASE("openers creating one new state file at the same moment all open it", "[store]") {
  // Each opener counts tables, reads the application id and reads the schema version; a creator's
  // commit falling between those reads once made a new file look like another application's.
  TempDir dir;
  for (int round = 0; round < 20; ++round) {
    const auto path = dir / ("race-" + std::to_string(round) + ".db");
    std::vector<std::string> errors(6);
    std::vector<std::thread> openers;
    for (size_t i = 0; i < errors.size(); ++i)
      openers.emplace_back([&, i] {
        auto store = HistoryStore::open(path, OpenMode::write);
        if (!store) errors[i] = store.error().message;
      });
    for (auto& t : openers) t.join();
    for (const auto& e : errors) CHECK(e.empty());
  }
}

TEST_CASE("the default state path follows XDG_DATA_HOME then HOME", "[store]") {
  setenv("XDG_DATA_HOME", "/srv/data", 1);
  CHECK(HistoryStore::default_path() == "/srv/data/exposcan/history.db");
  setenv("XDG_DATA_HOME", "relative/is/ignored", 1);  // the XDG spec: relative paths are invalid
  setenv("HOME", "/home/jane", 1);
  CHECK(HistoryStore::default_path() == "/home/jane/.local/share/exposcan/history.db");
  unsetenv("XDG_DATA_HOME");
  CHECK(HistoryStore::default_path() == "/home/jane/.local/share/exposcan/history.db");
}

TEST_CASE("reading a missing state file is an error and creates nothing", "[store]") {
  TempDir dir;
  auto path = dir / "none.db";
  auto store = HistoryStore::open(path, OpenMode::read);
  REQUIRE_FALSE(store);
  CHECK(store.error().code == "usage");
  CHECK(store.error().message == "no history at " + path.string() + " (run a scan first, or pass --state FILE)");
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a file that is not SQLite is refused with a clear message and left untouched", "[store]") {
  TempDir dir;
  auto path = dir / "history.db";
  const std::string text = std::string(2048, 'x') + "\nthis is a text file, not a database\n";
  write_bytes(path, text);
  auto store = HistoryStore::open(path, OpenMode::write);
  REQUIRE_FALSE(store);
  CHECK(store.error().message ==
        path.string() + " is not an exposcan state file (file is not a database); it was left untouched");
  CHECK(read_text(path) == text);
}

TEST_CASE("another application's SQLite database is refused and left untouched", "[store]") {
  TempDir dir;
  auto path = dir / "other.db";
  {
    auto db = raw(path);
    REQUIRE(db.exec("CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('Jane Example');"));
  }
  const std::string before = read_text(path);
  auto store = HistoryStore::open(path, OpenMode::write);
  REQUIRE_FALSE(store);
  CHECK(store.error().message == path.string() +
                                     " is not an exposcan state file (it is another application's SQLite database); "
                                     "it was left untouched");
  CHECK(read_text(path) == before);
  CHECK(row_count(path, "SELECT count(*) FROM contacts") == 1);
}

TEST_CASE("a damaged state file is refused with a clear message and left untouched", "[store]") {
  TempDir dir;
  auto path = dir / "history.db";
  { record_one_scan(open_store(path), "<p>body</p>"); }
  std::string bytes = read_text(path);
  REQUIRE(bytes.size() > 4096);
  for (size_t i = 100; i < 4096; ++i) bytes[i] = static_cast<char>(0xA5);  // page 1: the schema b-tree
  write_bytes(path, bytes);
  auto store = HistoryStore::open(path, OpenMode::write);
  REQUIRE_FALSE(store);
  CHECK(store.error().message == path.string() +
                                     " is damaged (database disk image is malformed); it was left untouched: move it "
                                     "away or restore a backup");
  CHECK(read_text(path) == bytes);
}

TEST_CASE("a state file from a newer exposcan is refused", "[store]") {
  TempDir dir;
  auto path = dir / "history.db";
  { open_store(path); }
  { REQUIRE(raw(path).exec("PRAGMA user_version = 99")); }
  auto store = HistoryStore::open(path, OpenMode::write);
  REQUIRE_FALSE(store);
  CHECK(store.error().message == path.string() + " was written by a newer exposcan (schema version 99; this one knows up to " +
                                     std::to_string(k_schema_version) + "); it was left untouched");
}

TEST_CASE("a version 1 state file is migrated and keeps its scans key and bodies", "[store][migration]") {
  TempDir dir;
  auto path = dir / "history.db";
  {
    auto db = raw(path);
    auto s = db.exec(read_text(source_dir() / "tests/store/fixtures/history-v1.sql"));
    INFO((s ? std::string() : s.error().message));
    REQUIRE(s);
    REQUIRE(*db.query_int("PRAGMA user_version") == 1);
  }
  auto store = open_store(path);
  CHECK(store->schema_version() == k_schema_version);
  CHECK(store->fingerprint_key() == "fixture-key-0123456789abcdef");
  auto scans = store->scans();
  REQUIRE(scans);
  REQUIRE(scans->size() == 1);
  CHECK((*scans)[0].status == "complete");
  CHECK((*scans)[0].findings == 1);
  auto record = store->load(1);
  REQUIRE(record);
  REQUIRE(record->items.size() == 1);
  CHECK(record->items[0].title == "Hello Springfield");
  CHECK(record->items[0].provenance == "live");
  REQUIRE(record->findings.size() == 1);
  CHECK(record->findings[0].rule_id == "ai-training.third-party");
  CHECK(record->findings[0].matches.at(0).value == "jane@example.org");
  CHECK(record->findings[0].evidence.fetched_at.has_value());
  // the new columns exist and the stored page serves conditional GETs
  CHECK(row_count(path, "SELECT count(*) FROM pragma_table_info('scans') WHERE name = 'key_id'") == 1);
  auto cache = store->make_cache();
  REQUIRE(cache);
  auto v = (*cache)->validators("https://jane.example/posts/hello-springfield/");
  REQUIRE(v);
  CHECK(v->etag == "\"v1-fixture\"");
  auto page = (*cache)->stored_page("https://jane.example/posts/hello-springfield/");
  REQUIRE(page);
  CHECK(page->body.find("jane@example.org") != std::string::npos);
  // pages recorded before v4 hold the headers array alone: no site files or heads as sent
  auto evidence = store->evidence_pages(1);
  REQUIRE(evidence);
  REQUIRE(evidence->size() == 1);
  CHECK(evidence->at(0).header("ETag") == "\"v1-fixture\"");
  CHECK(evidence->at(0).site == nullptr);
  CHECK(evidence->at(0).request_block.empty());
  CHECK(row_count(path, "SELECT count(*) FROM sqlite_master WHERE name = 'site_files'") == 1);
  // and a new scan can be recorded on top, compared with the migrated one
  auto rec = recorder(store, since("last"));
  Item item = make_item("https://jane.example/posts/hello-springfield/", "https://jane.example/posts/hello-springfield/");
  Finding f = make_finding("ai-training.third-party", item, Severity::high);
  f.fingerprint = "1f0c3b8f2f0c1d4b6a8e9f00112233445566778899aabbccddeeff0011223344";
  f.agents = {agent("CCBot")};
  f.matches = {Match{"email", "", "text", 33, 49, "jane@example.org", 1.0, "pii.email"}};
  auto result = run_scan(*rec, {{make_page(item.url), {evaluated(item, {f})}}});
  CHECK(result.recorded.at(0).findings.at(0).diff == "unchanged");
}

TEST_CASE("evidence pages come back with their site files remote IP and heads as sent", "[store][evidence]") {
  TempDir dir;
  auto path = dir / "history.db";
  auto store = open_store(path);
  auto site = std::make_shared<SiteSignals>();
  site->origin = "https://jane.example";
  site->robots_file = {"https://jane.example/robots.txt", 200, true, "User-agent: GPTBot\nDisallow: /\n", std::nullopt,
                       std::chrono::system_clock::now()};
  site->tdmrep_file = {"https://jane.example/.well-known/tdmrep.json", 404, true, "", std::nullopt, {}};
  site->ai_txt_file = {"https://jane.example/ai.txt", 0, false, "", FetchError{"timeout", "no answer in 10 s"}, {}};
  auto page_of = [&](const std::string& url) {
    Page p = make_page(url);
    p.site = site;
    p.remote_ip = "127.0.0.1";
    p.request_block = "GET " + url.substr(20) + " HTTP/1.1\r\nHost: jane.example\r\n\r\n";
    p.response_head = "HTTP/1.1 200 OK\r\nETag: \"v1\"\r\n\r\n";
    return p;
  };
  {
    auto rec = recorder(store);
    std::vector<std::pair<Page, std::vector<ItemFindings>>> pages;
    for (const char* url : {"https://jane.example/posts/a/", "https://jane.example/posts/b/"}) {
      Item item = make_item(url, url);
      pages.push_back({page_of(url), {evaluated(item, {make_finding("ai-training.third-party", item)})}});
    }
    run_scan(*rec, pages);
  }
  // one row per file and origin, not per page
  CHECK(row_count(path, "SELECT count(*) FROM site_files") == 3);
  auto pages = store->evidence_pages(1);
  REQUIRE(pages);
  REQUIRE(pages->size() == 2);
  for (const Page& p : *pages) {
    CHECK(p.remote_ip == "127.0.0.1");
    CHECK(p.request_block.rfind("GET /posts/", 0) == 0);
    CHECK(p.response_head == "HTTP/1.1 200 OK\r\nETag: \"v1\"\r\n\r\n");
    CHECK(p.header("ETag") == "\"v1\"");
    REQUIRE(p.site);
    CHECK(p.site->origin == "https://jane.example");
    CHECK(p.site->robots_file.body == site->robots_file.body);
    CHECK(p.site->robots_file.status == 200);
    CHECK(p.site->tdmrep_file.status == 404);
    CHECK(p.site->tdmrep_file.body.empty());
    REQUIRE(p.site->ai_txt_file.error);
    CHECK(p.site->ai_txt_file.error->code == "timeout");
    CHECK_FALSE(p.site->ai_txt_file.fetched);
  }
  // forgetting the scan drops the rows and the robots.txt body
  REQUIRE(store->forget({1}));
  CHECK(row_count(path, "SELECT count(*) FROM site_files") == 0);
  CHECK(row_count(path, "SELECT count(*) FROM blobs") == 0);
}

TEST_CASE("a scan left running by a process that is gone is marked interrupted at the next open", "[store]") {
  TempDir dir;
  auto path = dir / "history.db";
  int64_t dead_id = 0, live_id = 0;
  {
    auto store = open_store(path);
    ScanInfo a = scan_info(), b = scan_info();
    REQUIRE(store->begin_scan(a, "", "", ""));
    REQUIRE(store->begin_scan(b, "", "", ""));
    dead_id = std::stoll(a.id);
    live_id = std::stoll(b.id);
  }
  {
    auto db = raw(path);
    auto st = db.prepare("UPDATE scans SET pid = ? WHERE id = ?");
    REQUIRE(st);
    REQUIRE(st->bind(1, int64_t{dead_pid()}).bind(2, dead_id).run());
  }
  auto store = open_store(path);
  auto scans = store->scans();
  REQUIRE(scans);
  REQUIRE(scans->size() == 2);
  CHECK((*scans)[0].id == dead_id);
  CHECK((*scans)[0].status == "interrupted");
  CHECK((*scans)[1].id == live_id);
  CHECK((*scans)[1].status == "running");  // this process is alive
  auto forget = store->forget({live_id});
  REQUIRE_FALSE(forget);
  CHECK(forget.error().message.rfind("scan " + std::to_string(live_id) + " is still running (process ", 0) == 0);
}

TEST_CASE("scan references: last previous and ids", "[store]") {
  TempDir dir;
  auto store = open_store(dir / "history.db");
  CHECK(store->resolve("last").error().message == "no finished scan in " + (dir / "history.db").string());
  record_one_scan(store, "<p>1</p>");                                 // 1
  record_one_scan(store, "<p>2</p>", {"https://elsewhere.example/"});  // 2: other targets
  record_one_scan(store, "<p>3</p>");                                 // 3
  CHECK(*store->resolve("last") == 3);
  CHECK(*store->resolve("previous") == 1);  // the one before with the same targets
  CHECK(*store->resolve("2") == 2);
  CHECK(store->resolve("7").error().message == "no scan '7' in " + (dir / "history.db").string());
  CHECK(store->resolve("yesterday").error().message == "'yesterday' is not a scan: expected a scan id, last or previous");
  auto last = store->last_complete({"https://jane.example/"});
  REQUIRE(last);
  CHECK(*last == std::optional<int64_t>(3));
  CHECK(**store->last_complete({"https://jane.example/"}, 3) == 1);
  CHECK_FALSE(store->last_complete({"https://nobody.example/"})->has_value());
}

TEST_CASE("forget deletes scans and the bodies no remaining scan uses", "[store][forget]") {
  TempDir dir;
  auto path = dir / "history.db";
  auto store = open_store(path);
  record_one_scan(store, "<p>shared body</p>");
  record_one_scan(store, "<p>shared body</p>");
  const int64_t blobs = row_count(path, "SELECT count(*) FROM blobs");
  CHECK(blobs == 4);  // headers, body, item, finding: shared by both scans
  auto r1 = store->forget({1});
  REQUIRE(r1);
  CHECK(r1->scans == std::vector<int64_t>{1});
  CHECK(r1->pages == 1);
  CHECK(r1->blobs == 0);  // scan 2 still uses them
  CHECK(row_count(path, "SELECT count(*) FROM pages WHERE scan_id = 1") == 0);
  REQUIRE(store->load(2));
  auto r2 = store->forget_before(std::chrono::system_clock::now() + std::chrono::hours(1));
  REQUIRE(r2);
  CHECK(r2->scans == std::vector<int64_t>{2});
  CHECK(r2->blobs == 4);
  for (const char* table : {"scans", "pages", "items", "findings", "blobs"})
    CHECK(row_count(path, std::string("SELECT count(*) FROM ") + table) == 0);
  CHECK(*store->integrity_check() == "ok");
  CHECK(store->forget({9}).error().message == "no scan '9' in " + path.string());
}

TEST_CASE("invalid UTF-8 in an item or a response header is stored with U+FFFD and the scan goes on", "[store]") {
  TempDir dir;
  auto store = open_store(dir / "history.db");
  auto rec = recorder(store);
  Page page = make_page("https://jane.example/posts/a/");
  page.headers.push_back({"Content-Disposition", "attachment; filename=caf\xE9.html"});  // Latin-1 byte
  Item item = make_item("https://jane.example/posts/a/", "https://jane.example/posts/a/", "Gr\xC3 an Bob");
  run_scan(*rec, {{page, {evaluated(item, {make_finding("ai-training.third-party", item)})}}});
  auto id = store->resolve("last");
  REQUIRE(id);
  auto items = store->items(*id, {"https://jane.example/posts/a/"});
  REQUIRE(items);
  REQUIRE(items->size() == 1);
  CHECK(items->at(0).text == "Gr\xEF\xBF\xBD an Bob");
  auto pages = store->evidence_pages(*id);
  REQUIRE(pages);
  REQUIRE(pages->size() == 1);
  CHECK(std::any_of(pages->at(0).headers.begin(), pages->at(0).headers.end(),
                    [](const HttpHeader& h) { return h.value == "attachment; filename=caf\xEF\xBF\xBD.html"; }));
}
