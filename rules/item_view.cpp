// rules/item_view.cpp — build_field_view(): an item, its page, its exposure and its personal data
// flattened into the fields condition rules read (the table is in rules/field_view.cpp).
#include <algorithm>
#include <map>
#include <set>

#include "core/url.h"
#include "rules/engine_impl.h"

namespace exposcan {
namespace {

bool directive(const Exposure& e, std::string_view name) {
  return std::find(e.directives.begin(), e.directives.end(), name) != e.directives.end();
}

}  // namespace

FieldView build_field_view(const RuleEngine::Impl& impl, const Item& item, const Page& page, const Exposure& e,
                           const RuleEngine::PersonalData& data) {
  FieldView v(*impl.set.schema);
  v.set_string("item.id", item.id);
  v.set_string("item.platform", item.platform);
  v.set_string("item.kind", std::string(to_string(item.kind)));
  v.set_string("item.visibility", std::string(to_string(item.visibility)));
  v.set_string("item.url", item.url);
  v.set_string("item.host", host_of(item.url));
  v.set_string("item.title", item.title);
  v.set_string("item.text", item.text);
  v.set_string("item.language", item.language);
  if (item.published_at) v.set_date("item.published_at", *item.published_at);
  if (item.updated_at) v.set_date("item.updated_at", *item.updated_at);
  v.set_string("item.extractor", item.extractor);
  v.set_string("item.provenance", item.provenance);
  v.set_list("item.tags", item.tags);
  v.set_list("item.links", item.links);
  v.set_number("item.media.count", static_cast<double>(item.media.size()));
  std::vector<std::string> media_types;
  for (const auto& m : item.media)
    if (!m.type.empty() && std::find(media_types.begin(), media_types.end(), m.type) == media_types.end())
      media_types.push_back(m.type);
  v.set_bool("item.has_images", std::find(media_types.begin(), media_types.end(), "image") != media_types.end());
  v.set_list("item.media.types", std::move(media_types));
  v.set_bool("item.has_geo", item.geo.has_value());
  v.set_string("item.author.handle", item.author.handle);
  v.set_string("item.author.name", item.author.name);
  std::vector<std::string> fields;
  for (const auto& f : item.fields) fields.push_back(f.first);
  v.set_list("item.fields", std::move(fields));
  v.set_string("item.parent_id", item.parent_id);

  v.set_string("page.url", page.url);
  v.set_string("page.final_url", page.final_url.empty() ? page.url : page.final_url);
  v.set_string("page.host", host_of(page.final_url.empty() ? page.url : page.final_url));
  v.set_number("page.status", page.status);
  v.set_bool("page.ok", e.page_ok);
  v.set_string("page.origin", std::string(to_string(page.origin)));
  if (page.error) {
    v.set_string("page.error", page.error->code);
    v.set_string("page.error_message", page.error->message);
  } else if (!e.page_ok) {
    v.set_string("page.error", "http_status");
    v.set_string("page.error_message", "the server answered HTTP " + std::to_string(page.status));
  }
  v.set_string("page.content_type", page.content_type);
  v.set_bool("page.user_directed", page.user_directed);
  v.set_bool("page.truncated", page.truncated);
  v.set_number("page.depth", page.depth);
  if (page.fetched_at != TimePoint{}) v.set_date("page.fetched_at", page.fetched_at);

  v.set_list("signals.robots", e.directives);
  for (const char* d : {"noai", "noimageai", "noarchive", "nocache"})
    v.set_bool(std::string("signals.") + d, directive(e, d));
  v.set_bool("signals.noindex", directive(e, "noindex") || directive(e, "none"));  // none = noindex, nofollow
  if (e.tdm_reservation) {
    v.set_number("signals.tdm_reservation", *e.tdm_reservation);
    v.set_string("signals.tdm_policy", e.tdm_policy);
    v.set_string("signals.tdm_source", e.tdm_source);
  }
  v.set_string("signals.content_usage.train_ai", e.content_usage_train_ai);
  v.set_string("signals.content_usage.search", e.content_usage_search);
  v.set_string("signals.content_signal.ai_train", e.content_signal_ai_train);
  v.set_string("signals.content_signal.ai_input", e.content_signal_ai_input);
  v.set_string("signals.content_signal.search", e.content_signal_search);
  v.set_string("signals.ai_txt", e.ai_txt);
  if (item.signals) v.set_list("signals.licenses", item.signals->licenses);

  v.set_bool("exposure.reachable", e.reachable);
  v.set_string("exposure.robots", e.robots_state);
  v.set_string("exposure.robots_note", e.robots_note);
  v.set_list("exposure.agents_allowed", e.agents_allowed);
  v.set_list("exposure.training_agents_allowed", e.training_allowed);
  v.set_list("exposure.training_agents_blocked", e.training_blocked);
  v.set_list("exposure.training_agents_unknown", e.training_unknown);
  v.set_list("exposure.noncompliant_agents", e.noncompliant);
  v.set_list("exposure.search_agents_allowed", e.search_allowed);
  v.set_list("exposure.optout_signals", e.optout_signals);
  v.set_list("exposure.optout_ignored_by", e.optout_ignored_by);
  v.set_list("exposure.optout_honoured_by", e.optout_honoured_by);
  v.set_string("exposure.first_party_status", e.policy.status);
  if (e.policy.policy) {
    const PlatformPolicy& p = *e.policy.policy;
    if (e.policy.status == "in_scope") v.set_string("exposure.first_party_policy", p.id);
    v.set_string("exposure.policy.platform", p.platform);
    v.set_string("exposure.policy.title", p.title);
    v.set_string("exposure.policy.trainer", p.trainer);
    v.set_string("exposure.policy.trains_on", p.content);
    v.set_string("exposure.policy.note", e.policy.note);
    if (auto ref = e.policy.ref()) {
      v.set_string("exposure.policy.jurisdiction", ref->jurisdiction);
      v.set_string("exposure.policy.since", ref->since);
      v.set_string("exposure.policy.user_control", ref->user_control);
      v.set_string("exposure.policy.source", ref->source);
    }
  }

  const Identity& id = impl.options.identity;
  v.set_bool("identity.configured", !id.empty());
  if (auto adult = id.is_adult(impl.options.now)) v.set_bool("identity.adult", *adult);
  v.set_string("identity.jurisdiction", impl.set.policies.jurisdiction_for(id));
  v.set_string("identity.country", id.country);

  v.set_number("matches.count", static_cast<double>(data.matches.size()));
  std::vector<std::string> types, categories, subtypes;
  std::map<std::string, std::vector<std::string>> values;
  for (const auto& m : data.matches) {
    if (std::find(types.begin(), types.end(), m.type) == types.end()) types.push_back(m.type);
    auto cat = impl.set.type_category.find(m.type);
    std::string category = cat != impl.set.type_category.end() ? cat->second : default_category(m.type);
    if (!category.empty() && std::find(categories.begin(), categories.end(), category) == categories.end())
      categories.push_back(category);
    if (m.type == "identity" && std::find(subtypes.begin(), subtypes.end(), m.subtype) == subtypes.end())
      subtypes.push_back(m.subtype);
    values[m.type].push_back(m.value);
  }
  v.set_list("matches.types", std::move(types));
  v.set_list("matches.categories", std::move(categories));
  v.set_list("matches.identity_subtypes", std::move(subtypes));
  v.set_bool("matches.truncated", data.truncated);
  for (const auto& d : impl.set.schema->defs())
    if (d.name.rfind("matches.", 0) == 0 && d.type == FieldType::list && d.name != "matches.types" &&
        d.name != "matches.categories" && d.name != "matches.identity_subtypes") {
      auto it = values.find(d.name.substr(8));
      v.set_list(d.name, it == values.end() ? std::vector<std::string>{} : it->second);
    }
  return v;
}

}  // namespace exposcan
