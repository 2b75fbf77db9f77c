#include "rules/exposure.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"
#include "rules/site_files.h"
#include "scanner/content_usage.h"
#include "scanner/robots.h"

namespace exposcan {
namespace {

// One machine-readable use statement that applies to an agent.
struct UseSignal {
  std::string id;     // the catalogue's signal name: noai, tdmrep, content-usage, ...
  std::string label;  // how it is listed in exposure.optout_signals
  std::string text;   // the deciding signal in words
  bool deny = true;
};

bool has_images(const Item& item) {
  return std::any_of(item.media.begin(), item.media.end(), [](const Media& m) { return m.type == "image"; });
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

std::string signal_value(const std::vector<std::pair<std::string, std::string>>& entries, std::string_view key) {
  std::string out;
  for (const auto& [k, v] : entries)
    if (iequals(k, key)) {
      std::string val = ascii_lower(v);
      if (val == "no" || val == "n") return "no";  // most restrictive wins
      if (val == "yes" || val == "y") out = "yes";
    }
  return out;
}

struct PageContext {
  const Item& item;
  const Page& page;
  std::string path;              // path and query the robots-style files are matched against
  bool same_origin = false;      // the item lives on the page's origin (its site files apply)
  const RobotsTxt* robots = nullptr;
  bool images = false;
  UsagePreferences header_usage;
  bool header_usage_present = false;
  std::vector<std::pair<std::string, std::string>> header_signal;
  std::optional<AiTxt> ai_txt;  // parsed once per item
};

std::vector<UseSignal> use_signals(const PageContext& ctx, const Exposure& e, const AgentInfo& agent) {
  std::vector<UseSignal> out;
  const bool training = agent.purpose == "training" || agent.purpose == "other";
  const std::string_view usage_label = agent.purpose == "search" ? "search" : "train-ai";
  const std::string_view signal_key =
      agent.purpose == "search" ? "search" : agent.purpose == "user-triggered" ? "ai-input" : "ai-train";
  if (ctx.item.signals)
    for (const auto& d : ctx.item.signals->robots) {
      if (!d.agent.empty() && !iequals(d.agent, agent.token)) continue;
      const std::string where = d.source == "header" ? "X-Robots-Tag" : "<meta name=\"robots\">";
      if (training && d.name == "noai") out.push_back({"noai", "noai", where + " noai", true});
      if (training && d.name == "noimageai" && ctx.images)
        out.push_back({"noimageai", "noimageai", where + " noimageai (for the item's images)", true});
      if ((d.name == "noarchive" || d.name == "nocache") && agent.honours_signal(d.name))
        out.push_back({d.name, d.name, where + " " + d.name, true});
    }
  if (training && e.tdm_reservation)
    out.push_back({"tdmrep", "TDMRep tdm-reservation=" + std::to_string(*e.tdm_reservation), "TDMRep tdm-reservation: " + std::to_string(*e.tdm_reservation) + " (" +
                                                    e.tdm_source + ")",
                   *e.tdm_reservation == 1});
  // aipref: the header statement and the robots.txt Content-Usage rule, most restrictive wins.
  std::vector<UsagePreference> usage;
  std::string usage_text;
  if (ctx.header_usage_present) {
    usage.push_back(ctx.header_usage.get(usage_label));
    usage_text = "Content-Usage header";
  }
  std::optional<ContentUsage> robots_usage;
  if (ctx.robots && ctx.same_origin) robots_usage = ctx.robots->content_usage(agent.token, ctx.path);
  if (robots_usage) {
    usage.push_back(robots_usage->preferences().get(usage_label));
    if (usage.back() != UsagePreference::unknown || usage_text.empty())
      usage_text = "robots.txt line " + std::to_string(robots_usage->line) + ": " + robots_usage->rule;
  }
  if (UsagePreference p = combine(usage); p != UsagePreference::unknown)
    out.push_back({"content-usage", "Content-Usage " + std::string(usage_label) + "=" + std::string(to_string(p)),
                   usage_text + " (" + std::string(usage_label) + "=" + std::string(to_string(p)) + ")",
                   p == UsagePreference::n});
  // Content-Signal: header and robots.txt lines, most restrictive wins.
  std::vector<std::pair<std::string, std::string>> entries = ctx.header_signal;
  std::string signal_where = ctx.header_signal.empty() ? "" : "Content-Signal header";
  if (ctx.robots && ctx.same_origin)
    for (const auto& s : ctx.robots->content_signals(agent.token)) {
      entries.insert(entries.end(), s.entries.begin(), s.entries.end());
      if (!signal_value(s.entries, signal_key).empty()) signal_where = "robots.txt line " + std::to_string(s.line);
    }
  if (std::string v = signal_value(entries, signal_key); !v.empty())
    out.push_back({"content-signal", "Content-Signal " + std::string(signal_key) + "=" + v,
                   "Content-Signal " + std::string(signal_key) + "=" + v + " (" + signal_where + ")", v == "no"});
  if (training && ctx.ai_txt && ctx.same_origin) {
    AiTxtVerdict v = ctx.ai_txt->lookup(agent.token, ctx.path);
    if (v.matched)
      out.push_back({"ai.txt", "ai.txt", "ai.txt line " + std::to_string(v.line) + ": " + v.rule, !v.allowed});
  }
  // Denials first: the most restrictive explicit signal decides.
  std::stable_partition(out.begin(), out.end(), [](const UseSignal& s) { return s.deny; });
  return out;
}

void resolve_tdmrep(const PageContext& ctx, Exposure& e) {
  const Page& page = ctx.page;
  if (ctx.same_origin && page.site && page.site->tdmrep_file.fetched && page.site->tdmrep_file.status >= 200 &&
      page.site->tdmrep_file.status < 300 && !page.site->tdmrep_file.body.empty()) {
    TdmRule r = tdmrep_lookup(page.site->tdmrep_file.body, ctx.path);
    if (r.found && r.reservation) {
      e.tdm_reservation = r.reservation;
      e.tdm_policy = r.policy;
      e.tdm_source = "tdmrep.json, location " + r.location;
    }
  }
  // Later carriers override earlier ones; a missing value never resets an earlier one.
  std::string header = std::string(trim(page.header("tdm-reservation")));
  if (header == "0" || header == "1") {
    e.tdm_reservation = header == "1" ? 1 : 0;
    e.tdm_policy = std::string(trim(page.header("tdm-policy")));
    e.tdm_source = "tdm-reservation header";
  }
  const PageSignals* s = ctx.item.signals.get();
  if (s && s->tdm_reservation && (s->tdm_source == "meta" || (s->tdm_source == "header" && header.empty()))) {
    e.tdm_reservation = *s->tdm_reservation;
    e.tdm_policy = s->tdm_policy;
    e.tdm_source = s->tdm_source == "meta" ? "<meta name=\"tdm-reservation\">" : "tdm-reservation header";
  }
}

}  // namespace

bool page_obtained(const Page& page) {
  if (page.error) return false;
  if (page.origin != PageOrigin::live) return true;
  return page.status >= 200 && page.status < 300;
}

const AgentAssessment* Exposure::agent(std::string_view token) const {
  for (const auto& a : agents)
    if (iequals(a.agent, token)) return &a;
  return nullptr;
}

Exposure assess_exposure(const Item& item, const Page& page, const AgentCatalog& catalog, const PolicyBase& policies,
                         const Identity& identity, TimePoint now) {
  Exposure e;
  e.page_ok = page_obtained(page);
  const Visibility v = item.visibility;
  e.reachable = e.page_ok && v != Visibility::login_wall && v != Visibility::followers && v != Visibility::blocked &&
                v != Visibility::rate_limited;

  PageContext ctx{item, page, "/", false, nullptr, has_images(item), {}, false, {}, std::nullopt};
  auto item_url = Url::parse(item.url.empty() ? page.final_url : item.url);
  auto page_url = Url::parse(page.final_url.empty() ? page.url : page.final_url);
  if (item_url) ctx.path = robots_path(*item_url);
  if (item_url && page_url) ctx.same_origin = item_url->origin() == page_url->origin();
  if (page.site && ctx.same_origin) {
    ctx.robots = page.site->robots.get();
    const SiteFile& ai = page.site->ai_txt_file;
    if (ai.fetched && ai.status >= 200 && ai.status < 300) ctx.ai_txt = AiTxt::parse(ai.body);
  }
  if (ctx.robots) {
    const int status = ctx.robots->http_status();
    e.robots_state = status >= 200 && status < 300 ? "rules" : ctx.robots->retry_later() ? "unreachable" : "unavailable";
    e.robots_note = ctx.robots->status_note();
    if (e.robots_note.empty()) e.robots_note = "robots.txt of " + page.site->origin;
  } else {
    e.robots_note = !page.site ? "robots.txt was not fetched (offline source)"
                    : !ctx.same_origin ? "robots.txt of the item's own site was not fetched"
                                       : "robots.txt was not fetched";
  }

  // Page-level signals.
  std::vector<std::string> usage_lines;
  if (item.signals) usage_lines = item.signals->content_usage;
  if (usage_lines.empty()) usage_lines = page.header_values("content-usage");
  if (!usage_lines.empty()) {
    std::string joined;
    for (const auto& l : usage_lines) joined += (joined.empty() ? "" : ", ") + l;
    ctx.header_usage = parse_usage_preferences(joined);
    ctx.header_usage_present = true;
    e.content_usage_train_ai = std::string(to_string(ctx.header_usage.get("train-ai")));
    e.content_usage_search = std::string(to_string(ctx.header_usage.get("search")));
  }
  std::vector<std::string> signal_lines;
  if (item.signals) signal_lines = item.signals->content_signal;
  if (signal_lines.empty()) signal_lines = page.header_values("content-signal");
  for (const auto& l : signal_lines)
    for (auto& kv : parse_content_signal(l)) ctx.header_signal.push_back(std::move(kv));
  e.content_signal_ai_train = signal_value(ctx.header_signal, "ai-train");
  e.content_signal_ai_input = signal_value(ctx.header_signal, "ai-input");
  e.content_signal_search = signal_value(ctx.header_signal, "search");
  if (item.signals)
    for (const auto& d : item.signals->robots)
      if (d.agent.empty()) add_unique(e.directives, d.name);
  resolve_tdmrep(ctx, e);
  if (ctx.ai_txt) {
    AiTxtVerdict v = ctx.ai_txt->lookup("*", ctx.path);
    if (v.matched) e.ai_txt = v.allowed ? "allowed" : "disallowed";
  }

  e.agents.reserve(catalog.agents().size());
  for (const auto& agent : catalog.agents()) {
    AgentAssessment a;
    a.agent = agent.token;
    a.operator_name = agent.operator_name;
    a.purpose = agent.purpose;
    a.robots_compliance = agent.honours_robots;
    a.honours_robots = agent.honours_robots == "yes";
    if (ctx.robots) {
      RobotsDecision d = ctx.robots->check(agent.token, ctx.path);
      a.fetch = d.allowed ? AgentState::allowed : AgentState::blocked;
      if (d.rule)
        a.fetch_signal = "robots.txt line " + std::to_string(d.line.value_or(0)) + ": " + *d.rule;
      else if (!ctx.robots->status_note().empty())
        a.fetch_signal = ctx.robots->status_note();
      else if (d.group.empty())
        a.fetch_signal = "robots.txt has no group for " + agent.token + " or *";
      else
        a.fetch_signal = "no robots.txt rule in group '" + d.group + "' matches this path";
    } else {
      a.fetch = AgentState::unknown;
      a.fetch_signal = e.robots_note;
    }
    std::vector<UseSignal> signals = use_signals(ctx, e, agent);
    bool honoured_deny = false;
    for (const auto& s : signals)
      if (s.deny && agent.honours_signal(s.id)) honoured_deny = true;
    if (!signals.empty()) {
      a.use = signals.front().deny ? AgentState::blocked : AgentState::allowed;
      a.use_signal = signals.front().text;
      for (const auto& s : signals)
        if (s.deny && agent.honours_signal(s.id)) {
          a.use_signal = s.text;  // name the reservation that actually stops it
          break;
        }
      a.use_signal_honoured = honoured_deny;
    } else {
      a.use_signal = "no machine-readable use signal";
    }

    if (a.fetch == AgentState::allowed) add_unique(e.agents_allowed, agent.token);
    if (agent.purpose == "search" && a.fetch == AgentState::allowed && !honoured_deny)
      add_unique(e.search_allowed, agent.token);
    if (agent.training()) {
      if (agent.honours_robots == "no") {
        if (e.reachable) add_unique(e.noncompliant, agent.token);
      } else if (a.fetch == AgentState::unknown) {
        add_unique(e.training_unknown, agent.token);
      } else if (a.fetch == AgentState::blocked || honoured_deny) {
        add_unique(e.training_blocked, agent.token);
        if (a.fetch == AgentState::allowed) add_unique(e.optout_honoured_by, agent.token);
      } else {
        add_unique(e.training_allowed, agent.token);
        if (a.use == AgentState::blocked) add_unique(e.optout_ignored_by, agent.token);
      }
      for (const auto& s : signals)
        if (s.deny) add_unique(e.optout_signals, s.label);
    }
    e.agents.push_back(std::move(a));
  }
  e.policy = policies.match(item, identity, now);
  return e;
}

}  // namespace exposcan
