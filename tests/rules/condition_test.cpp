// The condition language: every op, absent fields, nesting, and type checks at compile time.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include "rules/condition.h"
#include "rules/yaml_util.h"

using namespace exposcan;

namespace {

const yaml::Where k_where{"c.yaml", "r"};

Condition compile(const std::string& text, const FieldSchema& schema) {
  auto c = Condition::compile(YAML::Load(text), schema, k_where);
  if (!c) FAIL(c.error().message);
  return std::move(*c);
}

std::string compile_error(const std::string& text, const FieldSchema& schema) {
  auto c = Condition::compile(YAML::Load(text), schema, k_where);
  return c ? "" : c.error().message;
}

FieldView view(const std::string& fields, const FieldSchema& schema) {
  auto v = field_view_from_yaml(YAML::Load(fields), schema, k_where);
  if (!v) FAIL(v.error().message);
  return std::move(*v);
}

struct Fixture {
  FieldSchema schema;
  TimePoint now = *parse_date("2026-11-01");
  bool eval(const std::string& cond, const std::string& fields) {
    return compile(cond, schema).evaluate(view(fields, schema), now);
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "eq and ne compare by the field's type, strings ignoring ASCII case", "[condition]") {
  CHECK(eval("{field: item.kind, op: eq, value: post}", "{item.kind: post}"));
  CHECK(eval("{field: item.kind, op: eq, value: POST}", "{item.kind: post}"));
  CHECK_FALSE(eval("{field: item.kind, op: eq, value: photo}", "{item.kind: post}"));
  CHECK(eval("{field: item.kind, op: ne, value: photo}", "{item.kind: post}"));
  CHECK(eval("{field: page.status, op: eq, value: 200}", "{page.status: 200}"));
  CHECK(eval("{field: identity.adult, op: eq, value: true}", "{identity.adult: true}"));
  CHECK_FALSE(eval("{field: identity.adult, op: eq, value: true}", "{identity.adult: false}"));
  CHECK(eval("{field: item.published_at, op: eq, value: 2025-05-27}", "{item.published_at: 2025-05-27}"));
}

TEST_CASE_METHOD(Fixture, "in matches one of a list of strings or numbers", "[condition]") {
  CHECK(eval("{field: item.visibility, op: in, value: [login-wall, followers]}", "{item.visibility: followers}"));
  CHECK_FALSE(eval("{field: item.visibility, op: in, value: [login-wall, followers]}", "{item.visibility: public}"));
  CHECK(eval("{field: page.status, op: in, value: [401, 403]}", "{page.status: 403}"));
  CHECK_FALSE(eval("{field: page.status, op: in, value: [401, 403]}", "{page.status: 200}"));
}

TEST_CASE_METHOD(Fixture, "exists tests presence; absent fields make every other op false", "[condition]") {
  CHECK(eval("{field: page.error, op: exists}", "{page.error: timeout}"));
  CHECK_FALSE(eval("{field: page.error, op: exists}", "{}"));
  CHECK(eval("{field: page.error, op: exists, value: false}", "{}"));
  CHECK_FALSE(eval("{field: item.kind, op: eq, value: post}", "{}"));
  CHECK_FALSE(eval("{field: item.kind, op: ne, value: post}", "{}"));  // absent is not "not equal"
  CHECK(eval("{not: {field: item.kind, op: eq, value: post}}", "{}"));
  // an empty list is present
  CHECK(eval("{field: exposure.training_agents_allowed, op: exists}", "{exposure.training_agents_allowed: []}"));
}

TEST_CASE_METHOD(Fixture, "matches is an RE2 partial match, on strings and list elements", "[condition]") {
  CHECK(eval("{field: item.url, op: matches, value: '^https://[^/]*instagram\\.com/p/'}",
             "{item.url: 'https://www.instagram.com/p/DQjxLoPliTn/'}"));
  CHECK_FALSE(eval("{field: item.url, op: matches, value: '^https://[^/]*instagram\\.com/p/'}",
                   "{item.url: 'https://www.instagram.com/janeexample/'}"));
  CHECK(eval("{field: item.tags, op: matches, value: '^spring'}", "{item.tags: [garden, springfield]}"));
  CHECK(compile_error("{field: item.url, op: matches, value: '(unclosed'}", schema) ==
        "c.yaml:1: r: invalid regular expression for 'item.url': missing ): (unclosed");
}

TEST_CASE_METHOD(Fixture, "contains_any: list elements or substrings, ignoring case", "[condition]") {
  CHECK(eval("{field: exposure.training_agents_allowed, op: contains_any, value: [GPTBot, ccbot]}",
             "{exposure.training_agents_allowed: [CCBot, ClaudeBot]}"));
  CHECK_FALSE(eval("{field: exposure.training_agents_allowed, op: contains_any, value: [GPTBot]}",
                   "{exposure.training_agents_allowed: [CCBot, ClaudeBot]}"));
  CHECK(eval("{field: item.text, op: contains_any, value: [Springfield]}", "{item.text: 'hello from springfield'}"));
  CHECK(eval("{field: item.text, op: contains_any, value: spring}", "{item.text: 'Spring!'}"));
}

TEST_CASE_METHOD(Fixture, "gt and lt on numbers", "[condition]") {
  CHECK(eval("{field: page.status, op: gt, value: 399}", "{page.status: 404}"));
  CHECK_FALSE(eval("{field: page.status, op: gt, value: 404}", "{page.status: 404}"));
  CHECK(eval("{field: matches.count, op: lt, value: 1}", "{matches.count: 0}"));
}

TEST_CASE_METHOD(Fixture, "before and after on dates, also against the scan date", "[condition]") {
  CHECK(eval("{field: item.published_at, op: before, value: 2025-05-27}", "{item.published_at: 2024-01-01}"));
  CHECK_FALSE(eval("{field: item.published_at, op: before, value: 2025-05-27}", "{item.published_at: 2025-05-27}"));
  CHECK(eval("{field: item.published_at, op: after, value: 2025-05-27}", "{item.published_at: 2025-06-01}"));
  CHECK(eval("{field: item.published_at, op: before, value: now}", "{item.published_at: 2026-10-31}"));
  CHECK_FALSE(eval("{field: item.published_at, op: after, value: now}", "{item.published_at: 2026-10-31}"));
  CHECK(compile_error("{field: item.published_at, op: before, value: 27.05.2025}", schema) ==
        "c.yaml:1: r: value for 'item.published_at' must be a date as YYYY-MM-DD (got '27.05.2025')");
}

TEST_CASE_METHOD(Fixture, "count_gte counts list elements or compares numbers", "[condition]") {
  CHECK(eval("{field: matches.email, op: count_gte, value: 1}", "{matches.email: [jane@example.org]}"));
  CHECK_FALSE(eval("{field: matches.email, op: count_gte, value: 2}", "{matches.email: [jane@example.org]}"));
  CHECK(eval("{field: matches.email, op: count_gte, value: 0}", "{matches.email: []}"));
  CHECK(eval("{field: matches.count, op: count_gte, value: 3}", "{matches.count: 3}"));
}

TEST_CASE_METHOD(Fixture, "all, any and not nest explicitly", "[condition]") {
  const std::string c = R"({all: [{field: exposure.reachable, op: eq, value: true},
                                  {any: [{field: signals.noai, op: eq, value: true},
                                         {field: signals.noimageai, op: eq, value: true}]},
                                  {not: {field: exposure.first_party_status, op: eq, value: in_scope}}]})";
  CHECK(eval(c, "{exposure.reachable: true, signals.noai: false, signals.noimageai: true, exposure.first_party_status: none}"));
  CHECK_FALSE(eval(c, "{exposure.reachable: true, signals.noai: false, signals.noimageai: false, exposure.first_party_status: none}"));
  CHECK_FALSE(eval(c, "{exposure.reachable: true, signals.noai: true, exposure.first_party_status: in_scope}"));
  CHECK_FALSE(eval(c, "{exposure.reachable: false, signals.noai: true, exposure.first_party_status: none}"));
}

TEST_CASE_METHOD(Fixture, "ops that do not fit the field's type are rejected at compile time", "[condition]") {
  CHECK(compile_error("{field: item.kind, op: gt, value: 1}", schema) ==
        "c.yaml:1: r: op 'gt' does not apply to string field 'item.kind'");
  CHECK(compile_error("{field: item.tags, op: eq, value: x}", schema) ==
        "c.yaml:1: r: op 'eq' does not apply to list field 'item.tags'");
  CHECK(compile_error("{field: page.status, op: eq, value: ok}", schema) ==
        "c.yaml:1: r: value for 'page.status' must be a number");
  CHECK(compile_error("{field: identity.adult, op: eq, value: maybe}", schema) ==
        "c.yaml:1: r: value for 'identity.adult' must be true or false");
  CHECK(compile_error("{all: []}", schema) == "c.yaml:1: r: all must be a non-empty list of conditions");
  CHECK(compile_error("{all: [{field: item.kind, op: eq, value: post}], any: []}", schema) ==
        "c.yaml:1: r: a condition must have exactly one of all, any, not or field");
  CHECK(compile_error("{field: item.kind, op: eq, value: post, values: [x]}", schema) ==
        "c.yaml:1: r: unknown key 'values' (did you mean 'value'?)");
}

TEST_CASE("match types declared by pattern rules become matches.<type> fields", "[condition]") {
  FieldSchema schema;
  CHECK_FALSE(schema.index("matches.license_plate"));
  schema.add_match_type("license_plate");
  REQUIRE(schema.index("matches.license_plate"));
  CHECK(schema.def(*schema.index("matches.license_plate")).type == FieldType::list);
  CHECK(schema.index("matches.email"));
}

TEST_CASE("render_value writes values the way reasons read", "[condition]") {
  FieldValue list;
  list.present = true;
  list.l = {"GPTBot", "ClaudeBot", "CCBot"};
  CHECK(render_value(list, FieldType::list) == "GPTBot, ClaudeBot and CCBot");
  list.l = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
  CHECK(render_value(list, FieldType::list) == "a, b, c, d, e, f, g, h and 2 more");
  list.l = {};
  CHECK(render_value(list, FieldType::list) == "none");
  FieldValue n;
  n.present = true;
  n.n = 3;
  CHECK(render_value(n, FieldType::number) == "3");
  CHECK(render_value(FieldValue{}, FieldType::string) == "unknown");
}
