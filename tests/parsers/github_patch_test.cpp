// GitHub commit patches (github.com/OWNER/REPO/commit/SHA.patch) and the events list's links to
// them: since 2025-10-07 a PushEvent names only its head commit, and the patch is where the
// commit's author is still public.
#include <catch2/catch.hpp>

#include <algorithm>

#include "parsers/platforms/github.h"
#include "parsers/registry.h"
#include "tests/parsers/sample_pages.h"

using namespace exposcan;
using test::find_item;
using test::has_field;
using test::parse_as;
using test::parse_body;

namespace {

const std::string k_head = "4f6c1b2d9e8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b";
const std::string k_patch_url = "https://github.com/janeexample/seed-planner/commit/" + k_head + ".patch";

std::string sample_patch() { return test::read_text(test::source_dir() / "samples/sites/github.com/_patches" / (k_head + ".patch")); }

Page patch_page(std::string body, std::string content_type, int status = 200, bool user_directed = false) {
  test::SampleSpec s;
  s.url = k_patch_url;
  s.body = std::move(body);
  s.content_type = std::move(content_type);
  s.status = status;
  s.user_directed = user_directed;  // a discovered link, not a target
  return test::sample_page(s);
}

bool links_to(const ParseOutput& out, std::string_view url) {
  return std::any_of(out.links.begin(), out.links.end(), [&](const DiscoveredLink& l) { return l.url == url; });
}

}  // namespace

TEST_CASE("github patch: a push event links its head commit's patch once / other events link none", "[github][patch]") {
  auto out = parse_body("https://api.github.com/users/janeexample/events/public", R"([
    {"id": "21", "type": "PushEvent", "actor": {"id": 1, "login": "janeexample"}, "repo": {"id": 3, "name": "garden/seeds"},
     "payload": {"repository_id": 3, "push_id": 6080608029, "ref": "refs/heads/main",
                 "head": "eb1a60c03544dcea290f2d57bb66ae188ce25778", "before": "9b2afb3a8e03fb30cc09e5efb64823bde802cf59"},
     "public": true, "created_at": "2025-11-23T19:54:09Z"},
    {"id": "22", "type": "PushEvent", "actor": {"id": 1, "login": "janeexample"}, "repo": {"id": 3, "name": "garden/seeds"},
     "payload": {"ref": "refs/heads/frost-dates", "head": "eb1a60c03544dcea290f2d57bb66ae188ce25778"},
     "public": true, "created_at": "2025-11-23T19:55:09Z"},
    {"id": "23", "type": "PushEvent", "actor": {"id": 1, "login": "janeexample"}, "repo": {"id": 3, "name": "garden/seeds"},
     "payload": {"ref": "refs/heads/main"}, "public": true, "created_at": "2025-11-23T19:56:09Z"},
    {"id": "24", "type": "CreateEvent", "actor": {"id": 1, "login": "janeexample"}, "repo": {"id": 3, "name": "garden/seeds"},
     "payload": {"ref": "main", "ref_type": "branch", "head": "eb1a60c03544dcea290f2d57bb66ae188ce25779"},
     "public": true, "created_at": "2025-11-23T19:57:09Z"}])");
  REQUIRE(out.items.size() == 4);
  REQUIRE(out.links.size() == 1);
  CHECK(out.links[0].url == "https://github.com/garden/seeds/commit/eb1a60c03544dcea290f2d57bb66ae188ce25778.patch");
  CHECK(out.links[0].kind == "anchor");  // discovered: fetched only where robots.txt allows it
}

TEST_CASE("github patch: the sample events link the sample patch", "[github][patch]") {
  auto out = parse_as("https://api.github.com/users/janeexample/events/public", "application/json",
                      test::read_text(test::source_dir() / "samples/sites/api.github.com/_api/events.json"));
  CHECK(links_to(out, k_patch_url));
}

TEST_CASE("github patch: one item with the author / date / message and never the diff", "[github][patch]") {
  auto out = parse_page(patch_page(sample_patch(), "text/plain"));
  CHECK(out.errors.empty());
  REQUIRE(out.items.size() == 1);
  const Item& c = out.items[0];
  CHECK(c.id == "github:commit:janeexample/seed-planner@" + k_head);
  CHECK(c.url == "https://github.com/janeexample/seed-planner/commit/" + k_head);
  CHECK(c.kind == ItemKind::post);
  CHECK(c.platform == "github");
  CHECK(c.author.name == "Jane Example");
  CHECK(has_field(c, "commit.author.email", "jane@example.org"));
  CHECK(has_field(c, "commit.author.name", "Jane Example"));
  CHECK(has_field(c, "repo", "janeexample/seed-planner"));
  REQUIRE(c.published_at);
  CHECK(format_rfc3339(*c.published_at) == "2026-10-01T17:31:04Z");
  CHECK(c.text.starts_with("Add frost dates for Springfield\n\nLast spring frost"));
  CHECK(c.text.ends_with("at Elm Street."));
  // The diff adds an address to a data file: code, not what the person wrote about themselves.
  CHECK_FALSE(test::any_text_contains(c, "jane.diff@example.net"));
}

TEST_CASE("github patch: records of an mbox / encoded words / noreply address / quoted names", "[github][patch]") {
  auto out = parse_as("https://github.com/example-org/plant-db/commit/9e4f60b8.patch", "text/plain",
                      test::read_text(test::source_dir() / "samples/sites/github.com/_patches/series.patch"));
  CHECK(out.errors.empty());
  REQUIRE(out.items.size() == 2);
  const Item* first = find_item(out, "github:commit:example-org/plant-db@8d3e5f7a9b1c2d4e6f8a0b2c4d6e8f0a1b3c5d7e");
  REQUIRE(first);
  CHECK(first->author.name == "Jörg Beispiel");
  CHECK(first->author.handle == "joergbeispiel");
  CHECK(first->author.url == "https://github.com/joergbeispiel");
  CHECK(has_field(*first, "commit.author.noreply", "131072099+joergbeispiel@users.noreply.github.com"));
  CHECK_FALSE(test::any_text_contains(*first, "users.noreply.github.com"));  // not scanned as an e-mail
  CHECK(first->text.starts_with("Gießplan: add basil germination times\n\nGenovese"));
  // The co-author trailer is moved to fields: Jane's address stays personal data, out of the text.
  CHECK_FALSE(first->text.find("Co-authored-by") != std::string::npos);
  CHECK(has_field(*first, "commit.coauthor.email", "jane@example.org"));
  CHECK(has_field(*first, "commit.coauthor.name", "Jane Example"));
  CHECK(test::any_text_contains(*first, "jane@example.org"));
  const Item* second = find_item(out, "github:commit:example-org/plant-db@9e4f60b8ac2d3e5f7091c3d5e7f9a1b2c4d6e8f0");
  REQUIRE(second);
  CHECK(second->author.name == "Example, John");
  CHECK(second->author.handle.empty());
  CHECK(has_field(*second, "commit.author.email", "john@example.net"));
  CHECK(second->text == "ReadMe: link the plant list\n\nSee https://plants.example.org/basil for the full list.");
  CHECK(second->links == std::vector<std::string>{"https://plants.example.org/basil"});
  REQUIRE(second->published_at);
  CHECK(format_rfc3339(*second->published_at) == "2026-10-01T01:02:10Z");
}

TEST_CASE("github patch: a noreply commit address is its own field in old-shape push events too", "[github][patch]") {
  // Before 2025-10-07 a push listed its commits with the author's name and e-mail.
  auto out = parse_body("https://api.github.com/users/janeexample/events/public", R"([
    {"id": "25", "type": "PushEvent", "actor": {"id": 1, "login": "janeexample"}, "repo": {"id": 3, "name": "garden/seeds"},
     "payload": {"ref": "refs/heads/main", "head": "eb1a60c03544dcea290f2d57bb66ae188ce25778",
                 "commits": [{"sha": "eb1a60c03544dcea290f2d57bb66ae188ce25778", "message": "Sow basil",
                              "author": {"email": "131072042+janeexample@users.noreply.github.com", "name": "Jane Example"}},
                             {"sha": "eb1a60c03544dcea290f2d57bb66ae188ce25779", "message": "Sow thyme\n\nCo-authored-by: Sam Sample <4242+samsample@users.noreply.github.com>\nco-authored-by: Bo <bo@example.net>",
                              "author": {"email": "janeexample@users.noreply.github.com", "name": "Jane Example"}}]},
     "public": true, "created_at": "2016-11-23T19:54:09Z"}])");
  REQUIRE(out.items.size() == 1);
  CHECK(has_field(out.items[0], "commit.author.noreply", "131072042+janeexample@users.noreply.github.com"));
  CHECK(has_field(out.items[0], "commit.author.noreply", "janeexample@users.noreply.github.com"));
  CHECK_FALSE(test::any_text_contains(out.items[0], "noreply"));
  // Co-authors: a noreply address is an alias (not scanned), a real one is a field that is.
  CHECK(has_field(out.items[0], "commit.coauthor.noreply", "4242+samsample@users.noreply.github.com"));
  CHECK(has_field(out.items[0], "commit.coauthor.email", "bo@example.net"));
  CHECK(has_field(out.items[0], "commit.coauthor.name", "Sam Sample"));
  CHECK(out.items[0].text == "Sow basil\nSow thyme");
  CHECK(github_noreply_login("131072042+janeexample@users.noreply.github.com") == "janeexample");
  CHECK(github_noreply_login("janeexample@Users.NoReply.GitHub.com") == "janeexample");
  CHECK(github_noreply_login("jane@example.org") == "");
  CHECK(github_noreply_login("@users.noreply.github.com") == "");
}

TEST_CASE("github patch: a truncated patch is a recorded error and keeps what it could read", "[github][patch][robust]") {
  const std::string patch = sample_patch();
  // Cut inside the headers: no item.
  auto in_headers = parse_page(patch_page(patch.substr(0, patch.find("Subject:") + 12), "text/plain"));
  CHECK(in_headers.items.empty());
  REQUIRE(in_headers.errors.size() == 1);
  CHECK(in_headers.errors[0] == "commit " + k_head + ": the patch ends inside its headers in " + k_patch_url);
  // Cut inside the message: the item, and a note that the message may be short.
  auto in_message = parse_page(patch_page(patch.substr(0, patch.find("(2019")), "text/plain"));
  REQUIRE(in_message.items.size() == 1);
  CHECK(in_message.items[0].text == "Add frost dates for Springfield\n\nLast spring frost and first autumn frost from my own garden log");
  REQUIRE(in_message.errors.size() == 1);
  CHECK(in_message.errors[0] == "commit " + k_head + ": the patch ends before its diff (truncated?) in " + k_patch_url);
  // Every prefix and some garbage: no crash.
  for (size_t n = 0; n < patch.size(); n += 7) (void)parse_page(patch_page(patch.substr(0, n), "text/plain"));
  for (const char* garbage : {"From ", "From \n\n---", "\xff\xfe garbage", "From 4f6c1b2d9e8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b Mon Sep 17 00:00:00 2001",
                              "From 4f6c1b2d9e8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b Mon Sep 17 00:00:00 2001\nFrom: =?UTF-8?q?=C3?= <\nSubject: =?x?b?@@@?=\n\n"}) {
    auto out = parse_page(patch_page(garbage, "text/plain"));
    CHECK(out.items.size() <= 1);
    CHECK_FALSE(out.errors.empty());
  }
}

TEST_CASE("github patch: a sign-in or error page at the patch URL is not read as a patch", "[github][patch][robust]") {
  auto no_commit = [](const ParseOutput& out) {
    return std::none_of(out.items.begin(), out.items.end(), [](const Item& it) { return it.id.starts_with("github:commit:"); });
  };
  // A sign-in page: the wall detector may describe it; no commit comes of it.
  auto login = parse_page(patch_page("<!DOCTYPE html><html><head><title>Sign in to GitHub · GitHub</title></head><body>"
                                     "<form action=\"/session\"><input name=\"login\"></form></body></html>",
                                     "text/html"));
  CHECK(no_commit(login));
  // The commit's HTML page served at the patch URL: not a patch, and said so.
  auto html = parse_page(patch_page("<!DOCTYPE html><html><head><title>Add frost dates for Springfield · janeexample/seed-planner@4f6c1b2 · GitHub"
                                    "</title></head><body><div class=\"commit-title\">Add frost dates for Springfield</div></body></html>",
                                    "text/html"));
  CHECK(html.items.empty());
  CHECK(html.errors == std::vector<std::string>{"not a git patch (text/html): " + k_patch_url});
  // A 404 of a discovered link is no item at all (a failed fetch, recorded by the crawler).
  auto missing = parse_page(patch_page("<!DOCTYPE html><title>Page not found · GitHub</title>", "text/html", 404));
  CHECK(missing.items.empty());
  // Plain text that is no patch.
  auto text = parse_page(patch_page("Not Found", "text/plain"));
  CHECK(text.items.empty());
  CHECK(text.errors == std::vector<std::string>{"not a git patch (text/plain): " + k_patch_url});
}
