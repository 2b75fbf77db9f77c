// scanner/robots.cpp — see robots.h. Building (a RobotsParseHandler that collects groups, then
// merges them per agent token and compiles the patterns) and the const queries.
#include "scanner/robots.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "core/url.h"
#include "scanner/robots_parser.h"
#include "scanner/robots_pattern.h"

namespace exposcan {
namespace {

// RFC 9309's product token is [a-zA-Z_-]; digits are accepted too, because AI crawlers are named
// "AI2Bot", "Ai2Bot-Dolma", "Crawl4AI", "Channel3Bot" in the files that block them. Cutting at the
// first digit made all three Ai2 agents the one token "ai", so blocking one blocked the others.
constexpr bool is_token_char(char c) {
  return is_ascii_alnum(c) || c == '-' || c == '_';
}

std::string_view product_token_view(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && is_token_char(s[n])) ++n;
  return s.substr(0, n);
}

// "*" alone or followed by whitespace and anything (google/robotstxt) is the global group.
bool is_global_agent(std::string_view value) {
  return !value.empty() && value[0] == '*' && (value.size() == 1 || is_ascii_space(value[1]));
}

}  // namespace

// The parsed file's parts. Named outside the anonymous namespace because RobotsTxt::Data (a
// member of an exported class) holds them.
namespace robots_internal {

struct CompiledRule {
  RobotsPattern pattern;
  bool allow = false;
  int line = 0;
  std::string text;
};

struct CompiledUsage {
  RobotsPattern pattern;
  std::string path;
  std::string value;
  int line = 0;
  std::string text;
};

struct MergedGroup {
  std::string name;  // the token as first written, or "*"
  std::vector<CompiledRule> rules;
  std::vector<CompiledUsage> usages;
  std::vector<ContentSignal> signals;
};

}  // namespace robots_internal

using robots_internal::CompiledRule;
using robots_internal::CompiledUsage;
using robots_internal::MergedGroup;

namespace {

// The path to compare: fragment dropped, leading "/" ensured, canonical form (RFC 9309 §2.2.2).
// Returns a view into `path` or into `storage`.
std::string_view prepare_path(std::string_view path, std::string& storage) {
  if (const std::size_t hash = path.find('#'); hash != std::string_view::npos) path = path.substr(0, hash);
  if (path.empty() || path.front() != '/') {
    storage = "/";
    storage += path;
    path = storage;
  }
  if (is_canonical_robots_path(path)) return path;
  storage = canonical_robots_path(path);
  return storage;
}

bool is_robots_txt_path(std::string_view canonical) {
  return canonical.substr(0, canonical.find('?')) == "/robots.txt";
}

}  // namespace

struct RobotsTxt::Data {
  enum class Mode { rules, allow_all, disallow_all };
  Mode mode = Mode::rules;
  int http_status = 200;
  bool cut = false;
  bool retry = false;
  std::string note;
  std::vector<std::string> sitemaps;
  std::vector<std::pair<std::string, std::size_t>> by_token;  // lower-case token → merged, sorted
  std::optional<std::size_t> global;                          // merged "*" groups
  std::vector<MergedGroup> merged;
  std::vector<ContentSignal> global_signals;  // Content-Signal lines before the first group

  const MergedGroup* group_for(std::string_view agent, bool& named) const {
    const std::string_view token = product_token_view(agent);
    named = false;
    if (!token.empty()) {
      // Lower-case the token once (on the stack for any sane length), then binary-search.
      std::array<char, 128> buffer;  // NOLINT: filled below
      std::string lowered;
      std::string_view key;
      if (token.size() <= buffer.size()) {
        std::transform(token.begin(), token.end(), buffer.begin(), ascii_lower_char);
        key = std::string_view(buffer.data(), token.size());
      } else {
        lowered = ascii_lower(token);
        key = lowered;
      }
      const auto it = std::lower_bound(by_token.begin(), by_token.end(), key,
                                       [](const auto& entry, std::string_view k) { return entry.first < k; });
      if (it != by_token.end() && it->first == key) {
        named = true;
        return &merged[it->second];
      }
    }
    return global ? &merged[*global] : nullptr;
  }
};

namespace {

// Collects the groups while the parser runs, then merges and compiles them.
class RobotsBuilder final : public RobotsParseHandler {
 public:
  void on_record(int, std::string_view text) override { m_text = text; }

  void on_user_agent(int, std::string_view value) override {
    if (m_groups.empty() || !m_in_agent_lines) m_groups.emplace_back();
    m_in_agent_lines = true;
    RawGroup& g = m_groups.back();
    if (is_global_agent(value)) {
      g.global = true;
    } else if (const std::string_view token = product_token_view(value); !token.empty()) {
      g.tokens.emplace_back(token);
    }
  }
  void on_allow(int line, std::string_view value) override { add_rule(line, value, true); }
  void on_disallow(int line, std::string_view value) override { add_rule(line, value, false); }
  // Sitemap, Crawl-delay, Content-Signal and other records outside the protocol do not end a run of
  // user-agent lines: RFC 9309 §2.2.4 says other records must not interfere with the parsing of the
  // defined ones (google/robotstxt ID_LineSyntax_Groups_OtherRules, and its issue #51 for
  // Crawl-delay); a Content-Signal line between two user-agent lines applies to the group they
  // start. Group members do end it: rules, and Content-Usage, which the IETF aipref attachment
  // draft adds to RFC 9309's group grammar.
  void on_sitemap(int, std::string_view value) override {
    if (!value.empty()) m_sitemaps.emplace_back(value);
  }
  void on_content_usage(int line, std::string_view value) override {
    m_in_agent_lines = false;
    if (m_groups.empty()) return;  // outside any group
    CompiledUsage usage;
    std::string_view preference = value;
    std::string_view path = "/";
    if (!value.empty() && value.front() == '/') {
      const std::size_t ws = value.find_first_of(" \t");
      path = value.substr(0, ws);
      preference = ws == std::string_view::npos ? std::string_view{} : trim(value.substr(ws));
    }
    usage.pattern = RobotsPattern(path);
    usage.path = std::string(path);
    usage.value = std::string(preference);
    usage.line = line;
    usage.text = std::string(m_text);
    m_groups.back().usages.push_back(std::move(usage));
  }
  void on_content_signal(int line, std::string_view value, bool from_comment) override {
    ContentSignal signal{std::string(value), line, from_comment, parse_content_signal(value)};
    if (m_groups.empty()) {
      m_global_signals.push_back(std::move(signal));
    } else {
      m_groups.back().signals.push_back(std::move(signal));
    }
  }
  void on_truncated(std::size_t parsed_bytes) override {
    m_cut = true;
    m_parsed_bytes = parsed_bytes;
  }

  std::shared_ptr<RobotsTxt::Data> build() {
    auto data = std::make_shared<RobotsTxt::Data>();
    data->cut = m_cut;
    if (m_cut) {
      data->note = "robots.txt is larger than 500 KiB: only the first " + std::to_string(m_parsed_bytes) +
                   " bytes were parsed (RFC 9309 §2.5)";
    }
    data->sitemaps = std::move(m_sitemaps);
    data->global_signals = std::move(m_global_signals);

    std::vector<std::pair<std::string, std::size_t>> first_index;  // lower token → merged index
    for (const RawGroup& g : m_groups) {
      std::vector<std::size_t> targets;  // merged groups this group feeds, each once
      auto target = [&targets](std::size_t index) {
        if (std::find(targets.begin(), targets.end(), index) == targets.end()) targets.push_back(index);
      };
      for (const std::string& token : g.tokens) {
        const std::string lower = ascii_lower(token);
        auto it = std::find_if(first_index.begin(), first_index.end(),
                               [&](const auto& e) { return e.first == lower; });
        if (it == first_index.end()) {
          data->merged.push_back(MergedGroup{token, {}, {}, {}});
          first_index.emplace_back(lower, data->merged.size() - 1);
          it = first_index.end() - 1;
        }
        target(it->second);
      }
      if (g.global) {
        if (!data->global) {
          data->merged.push_back(MergedGroup{"*", {}, {}, {}});
          data->global = data->merged.size() - 1;
        }
        target(*data->global);
      }
      for (std::size_t index : targets) append(data->merged[index], g);
    }
    data->by_token = std::move(first_index);
    std::sort(data->by_token.begin(), data->by_token.end());
    return data;
  }

 private:
  struct RawGroup {
    std::vector<std::string> tokens;
    bool global = false;
    std::vector<CompiledRule> rules;
    std::vector<CompiledUsage> usages;
    std::vector<ContentSignal> signals;
  };

  void add_rule(int line, std::string_view value, bool allow) {
    m_in_agent_lines = false;
    if (m_groups.empty()) return;  // RFC 9309 §2.2.2: rules outside any group are ignored
    m_groups.back().rules.push_back(CompiledRule{RobotsPattern(value), allow, line, std::string(m_text)});
  }

  static void append(MergedGroup& into, const RawGroup& g) {
    into.rules.insert(into.rules.end(), g.rules.begin(), g.rules.end());
    into.usages.insert(into.usages.end(), g.usages.begin(), g.usages.end());
    into.signals.insert(into.signals.end(), g.signals.begin(), g.signals.end());
  }

  std::vector<RawGroup> m_groups;
  bool m_in_agent_lines = false;
  std::string_view m_text;
  std::vector<std::string> m_sitemaps;
  std::vector<ContentSignal> m_global_signals;
  bool m_cut = false;
  std::size_t m_parsed_bytes = 0;
};

RobotsDecision decide(const MergedGroup& group, std::string_view path) {
  RobotsDecision d;
  d.group = group.name;
  if (is_robots_txt_path(path)) return d;  // RFC 9309 §2.2.2: implicitly allowed
  const CompiledRule* best_allow = nullptr;
  const CompiledRule* best_disallow = nullptr;
  for (const CompiledRule& r : group.rules) {
    const CompiledRule*& best = r.allow ? best_allow : best_disallow;
    if (best && best->pattern.length() >= r.pattern.length()) continue;
    if (r.pattern.matches(path)) best = &r;
  }
  const CompiledRule* winner = nullptr;
  if (best_allow && (!best_disallow || best_allow->pattern.length() >= best_disallow->pattern.length())) {
    winner = best_allow;  // longest match; Allow wins a tie
  } else {
    winner = best_disallow;
  }
  if (winner) {
    d.allowed = winner->allow;
    d.rule = winner->text;
    d.line = winner->line;
  }
  return d;
}

}  // namespace

RobotsTxt RobotsTxt::parse(std::string_view body) {
  RobotsBuilder builder;
  parse_robots_txt(body, builder);
  return RobotsTxt(builder.build());
}

RobotsTxt RobotsTxt::from_fetch(int http_status, std::string_view body, bool network_error) {
  std::shared_ptr<Data> data;
  const std::string code = std::to_string(http_status);
  if (!network_error && http_status >= 200 && http_status < 300) {
    RobotsBuilder builder;
    parse_robots_txt(body, builder);
    data = builder.build();
  } else {
    data = std::make_shared<Data>();
    if (network_error) {
      data->mode = Data::Mode::disallow_all;
      data->note = "robots.txt unreachable (network error): complete disallow (RFC 9309 §2.3.1.4)";
    } else if (http_status == 429) {
      data->mode = Data::Mode::disallow_all;
      data->note =
          "robots.txt answered 429: treated as unreachable, complete disallow until fetched again "
          "(RFC 9309 §2.3.1.4)";
    } else if (http_status >= 400 && http_status < 500) {
      data->mode = Data::Mode::allow_all;
      data->note = "robots.txt answered " + code + ": no restrictions (RFC 9309 §2.3.1.3)";
    } else if (http_status >= 300 && http_status < 400) {
      data->mode = Data::Mode::allow_all;
      data->note = "robots.txt answered " + code +
                   " after too many redirects: treated as unavailable, no restrictions (RFC 9309 §2.3.1.2)";
    } else if (http_status >= 500 && http_status < 600) {
      data->mode = Data::Mode::disallow_all;
      data->note = "robots.txt answered " + code + ": complete disallow (RFC 9309 §2.3.1.4)";
    } else {
      data->mode = Data::Mode::disallow_all;
      data->note = "robots.txt answered unexpected status " + code +
                   ": treated as unreachable, complete disallow (RFC 9309 §2.3.1.4)";
    }
    data->retry = data->mode == Data::Mode::disallow_all;
  }
  data->http_status = http_status;
  return RobotsTxt(std::move(data));
}

RobotsDecision RobotsTxt::check(std::string_view agent, std::string_view path_and_query) const {
  std::string storage;
  const std::string_view path = prepare_path(path_and_query, storage);
  RobotsDecision d;
  if (m_data->mode != Data::Mode::rules) {
    d.allowed = m_data->mode == Data::Mode::allow_all || is_robots_txt_path(path);
    return d;
  }
  bool named = false;
  const MergedGroup* group = m_data->group_for(agent, named);
  if (!group) return d;  // no group for the agent and no "*": no rules apply
  d = decide(*group, path);
  d.agent_named = named;
  return d;
}

bool RobotsTxt::names_agent(std::string_view agent) const {
  bool named = false;
  (void)m_data->group_for(agent, named);
  return named;
}

const std::vector<std::string>& RobotsTxt::sitemaps() const {
  return m_data->sitemaps;
}

std::optional<ContentUsage> RobotsTxt::content_usage(std::string_view agent,
                                                     std::string_view path_and_query) const {
  if (m_data->mode != Data::Mode::rules) return std::nullopt;
  std::string storage;
  const std::string_view path = prepare_path(path_and_query, storage);
  bool named = false;
  const MergedGroup* group = m_data->group_for(agent, named);
  if (!group || group->usages.empty() || !decide(*group, path).allowed) return std::nullopt;
  const CompiledUsage* best = nullptr;
  for (const CompiledUsage& u : group->usages) {
    if ((!best || u.pattern.length() > best->pattern.length()) && u.pattern.matches(path)) best = &u;
  }
  if (!best) return std::nullopt;
  ContentUsage out{best->path, best->value, best->line, best->text, {}};
  for (const CompiledUsage& u : group->usages) {
    if (u.pattern.text() == best->pattern.text()) out.values.push_back(u.value);
  }
  return out;
}

std::vector<ContentSignal> RobotsTxt::content_signals(std::string_view agent) const {
  std::vector<ContentSignal> out = m_data->global_signals;
  bool named = false;
  if (const MergedGroup* group = m_data->group_for(agent, named)) {
    out.insert(out.end(), group->signals.begin(), group->signals.end());
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
  return out;
}

bool RobotsTxt::cut_at_limit() const {
  return m_data->cut;
}
bool RobotsTxt::retry_later() const {
  return m_data->retry;
}
int RobotsTxt::http_status() const {
  return m_data->http_status;
}
const std::string& RobotsTxt::status_note() const {
  return m_data->note;
}

UsagePreferences ContentUsage::preferences() const {
  std::vector<UsagePreferences> parsed;
  for (const std::string& v : values.empty() ? std::vector<std::string>{value} : values) {
    parsed.push_back(parse_usage_preferences(v));
  }
  return combine(parsed);
}

std::string product_token(std::string_view user_agent) {
  return std::string(product_token_view(user_agent));
}

std::string robots_path(const Url& url) {
  return url.path_and_query();
}

std::vector<std::pair<std::string, std::string>> parse_content_signal(std::string_view value) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::string_view part : split(value, ',')) {
    part = trim(part);
    if (part.empty()) continue;
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      out.emplace_back(std::string(part), std::string());
    } else {
      out.emplace_back(std::string(trim(part.substr(0, eq))), std::string(trim(part.substr(eq + 1))));
    }
  }
  return out;
}

}  // namespace exposcan
