// Tests for scanner/robots_parser.h: the callback parser on its own, named after RFC 9309 sections.
#include "scanner/robots_parser.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace exposcan;

namespace {

// Records every callback as one line of text: "<line> <kind> <value>".
class Recorder : public RobotsParseHandler {
 public:
  std::vector<std::string> events;
  std::vector<std::string> records;
  int starts = 0, ends = 0;
  std::size_t truncated_at = 0;
  std::vector<int> long_lines;

  void on_start() override { ++starts; }
  void on_end() override { ++ends; }
  void on_record(int line, std::string_view text) override {
    records.push_back(std::to_string(line) + " " + std::string(text));
  }
  void on_user_agent(int line, std::string_view v) override { add(line, "user-agent", v); }
  void on_allow(int line, std::string_view v) override { add(line, "allow", v); }
  void on_disallow(int line, std::string_view v) override { add(line, "disallow", v); }
  void on_sitemap(int line, std::string_view v) override { add(line, "sitemap", v); }
  void on_content_usage(int line, std::string_view v) override { add(line, "content-usage", v); }
  void on_content_signal(int line, std::string_view v, bool from_comment) override {
    add(line, from_comment ? "content-signal(comment)" : "content-signal", v);
  }
  void on_unknown(int line, std::string_view key, std::string_view v) override {
    add(line, "unknown[" + std::string(key) + "]", v);
  }
  void on_truncated(std::size_t parsed) override { truncated_at = parsed; }
  void on_line_too_long(int line) override { long_lines.push_back(line); }

 private:
  void add(int line, const std::string& kind, std::string_view v) {
    events.push_back(std::to_string(line) + " " + kind + " " + std::string(v));
  }
};

std::vector<std::string> parse(std::string_view body) {
  Recorder r;
  parse_robots_txt(body, r);
  return r.events;
}

}  // namespace

TEST_CASE("key-value lines with surrounding whitespace and case-insensitive keys", "[rfc9309-2.2]") {
  Recorder r;
  parse_robots_txt("  USER-AGENT :  FooBot  \n\tdIsAlLoW:/x\nallow:   /y/  \n", r);
  CHECK(r.starts == 1);
  CHECK(r.ends == 1);
  CHECK(r.events == std::vector<std::string>{"1 user-agent FooBot", "2 disallow /x", "3 allow /y/"});
  CHECK(r.records == std::vector<std::string>{"1 USER-AGENT :  FooBot", "2 dIsAlLoW:/x", "3 allow:   /y/"});
}

TEST_CASE("CR and LF and CRLF each end one line and no final newline is needed", "[rfc9309-2.2]") {
  const std::vector<std::string> want = {"1 user-agent foo", "2 allow /some/path", "3 user-agent bar",
                                         "6 disallow /"};
  CHECK(parse("User-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\nDisallow: /\n") == want);
  CHECK(parse("User-Agent: foo\r\nAllow: /some/path\r\nUser-Agent: bar\r\n\r\n\r\nDisallow: /\r\n") == want);
  CHECK(parse("User-Agent: foo\rAllow: /some/path\rUser-Agent: bar\r\r\rDisallow: /\r") == want);
  CHECK(parse("User-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\nDisallow: /") == want);
  CHECK(parse("User-Agent: foo\nAllow: /some/path\r\nUser-Agent: bar\n\r\n\nDisallow: /") == want);
}

TEST_CASE("comments on their own line or after a record are dropped", "[rfc9309-2.2.3]") {
  CHECK(parse("# Disallow: /\nUser-agent: a # the bot\nDisallow: /foo/quz#qux\n#\n") ==
        std::vector<std::string>{"2 user-agent a", "3 disallow /foo/quz"});
}

TEST_CASE("a UTF-8 byte order mark (whole or partial) is skipped at the start only", "[rfc9309-2.3]") {
  const std::vector<std::string> want = {"1 user-agent foo", "2 allow /AnyValue"};
  CHECK(parse("\xEF\xBB\xBFUser-Agent: foo\nAllow: /AnyValue\n") == want);
  CHECK(parse("\xEF\xBBUser-Agent: foo\nAllow: /AnyValue\n") == want);
  CHECK(parse("\xEFUser-Agent: foo\nAllow: /AnyValue\n") == want);
  // A broken BOM leaves garbage in the first key; a BOM in the middle spoils that line's key.
  CHECK(parse("\xEF\x11\xBFUser-Agent: foo\nAllow: /AnyValue\n") ==
        std::vector<std::string>{"1 unknown[\x11\xBFUser-Agent] foo", "2 allow /AnyValue"});
  CHECK(parse("User-Agent: foo\n\xEF\xBB\xBF"
              "Allow: /AnyValue\n") == std::vector<std::string>{"1 user-agent foo",
                                                                "2 unknown[\xEF\xBB\xBF"
                                                                "Allow] /AnyValue"});
}

TEST_CASE("common key typos are accepted as google/robotstxt does", "[rfc9309-2.2.4]") {
  CHECK(parse("useragent: a\nuser agent: b\nUser-Agent: c\n") ==
        std::vector<std::string>{"1 user-agent a", "2 user-agent b", "3 user-agent c"});
  CHECK(parse("disalow: /1\ndissallow: /2\ndissalow: /3\ndiasllow: /4\ndisallaw: /5\n") ==
        std::vector<std::string>{"1 disallow /1", "2 disallow /2", "3 disallow /3", "4 disallow /4",
                                 "5 disallow /5"});
  CHECK(
      parse("site-map: https://example.org/a.xml\nSITEMAP: https://example.org/b.xml\n") ==
      std::vector<std::string>{"1 sitemap https://example.org/a.xml", "2 sitemap https://example.org/b.xml"});
  CHECK(classify_robots_key("Crawl-delay") == RobotsKey::unknown);
  CHECK(classify_robots_key("Content-Usage") == RobotsKey::content_usage);
}

TEST_CASE("a missing colon is accepted only for exactly two words", "[rfc9309-2.3.1.5]") {
  CHECK(parse("user-agent FooBot\ndisallow /\n") ==
        std::vector<std::string>{"1 user-agent FooBot", "2 disallow /"});
  CHECK(parse("user-agent Foo Bot\nfoo\ndisallow / x\n").empty());
}

TEST_CASE("unknown keys and empty values and sitemaps are reported", "[rfc9309-2.2.4]") {
  CHECK(parse("Crawl-delay: 10\nDisallow:\nSitemap: https://example.org/s.xml # map\n:novalue\n") ==
        std::vector<std::string>{"1 unknown[Crawl-delay] 10", "2 disallow ",
                                 "3 sitemap https://example.org/s.xml"});
}

TEST_CASE("Content-Usage and Content-Signal (also inside a comment) are reported",
          "[aipref][content-signal]") {
  Recorder r;
  parse_robots_txt(
      "# Content-Signal: search=yes, ai-train=no\n"
      "#Content-signal:ai-input=no\n"
      "# content signals are described below\n"
      "User-Agent: *\n"
      "Content-Signal: search=yes,ai-train=no\n"
      "Content-Usage: /docs/ train-ai=n # comment\n"
      "Allow: /  # Content-Signal: ignored, not a whole-line comment\n",
      r);
  CHECK(r.events == std::vector<std::string>{"1 content-signal(comment) search=yes, ai-train=no",
                                             "2 content-signal(comment) ai-input=no", "4 user-agent *",
                                             "5 content-signal search=yes,ai-train=no",
                                             "6 content-usage /docs/ train-ai=n", "7 allow /"});
  CHECK(r.records.front() == "1 # Content-Signal: search=yes, ai-train=no");
}

TEST_CASE("lines are cut at 16663 bytes", "[google-line-length]") {
  const std::string value(k_robots_max_line_bytes + 100, 'a');
  Recorder r;
  parse_robots_txt("user-agent: a\ndisallow: /" + value + "\nallow: /b\n", r);
  REQUIRE(r.events.size() == 3);
  CHECK(r.events[1].size() == std::string("2 disallow ").size() + k_robots_max_line_bytes - 10);
  CHECK(r.events[2] == "3 allow /b");
  CHECK(r.long_lines == std::vector<int>{2});
}

TEST_CASE("only the first 500 KiB are parsed and the line the limit falls in is dropped", "[rfc9309-2.5]") {
  std::string body = "User-agent: *\n";
  while (body.size() < k_robots_parse_limit_bytes - 40) body += "# padding padding padding padding\n";
  body += std::string(k_robots_parse_limit_bytes - 13 - body.size() - 1, '#') + "\n";
  REQUIRE(body.size() == k_robots_parse_limit_bytes - 13);
  body += "Disallow: /p-long\nDisallow: /later\n";
  Recorder r;
  parse_robots_txt(body, r);
  CHECK(r.events == std::vector<std::string>{"1 user-agent *"});
  CHECK(r.truncated_at == k_robots_parse_limit_bytes - 13);

  Recorder exact;
  std::string fits(k_robots_parse_limit_bytes - 13, '#');
  fits += "\nDisallow: /\n";
  REQUIRE(fits.size() == k_robots_parse_limit_bytes);
  parse_robots_txt(fits, exact);
  CHECK(exact.truncated_at == 0);
  CHECK(exact.events == std::vector<std::string>{"2 disallow /"});
}
