#include "rules/field_view.h"

#include <cmath>

namespace exposcan {

std::string_view to_string(FieldType type) {
  switch (type) {
    case FieldType::boolean: return "boolean";
    case FieldType::number: return "number";
    case FieldType::string: return "string";
    case FieldType::list: return "list";
    case FieldType::date: return "date";
  }
  return "string";
}

namespace {

using T = FieldType;
struct StaticField {
  const char* name;
  FieldType type;
  const char* description;
};

const StaticField k_fields[] = {
    {"item.id", T::string, "stable item id"},
    {"item.platform", T::string, "platform name: instagram, mastodon, web, ..."},
    {"item.kind", T::string, "profile, post, comment, photo, video, article, link, profile-field, page"},
    {"item.visibility", T::string, "public, unlisted, followers, login-wall, blocked, rate-limited, unknown"},
    {"item.url", T::string, "the item's URL"},
    {"item.host", T::string, "lower-case host of the item's URL"},
    {"item.title", T::string, "title"},
    {"item.text", T::string, "plain text"},
    {"item.language", T::string, "language tag"},
    {"item.published_at", T::date, "publication date"},
    {"item.updated_at", T::date, "last update"},
    {"item.extractor", T::string, "extractor that produced the item"},
    {"item.provenance", T::string, "live, not_modified, file, har, warc"},
    {"item.tags", T::list, "hashtags and categories"},
    {"item.links", T::list, "outgoing links"},
    {"item.media.count", T::number, "number of media attachments"},
    {"item.media.types", T::list, "media types: image, video, audio"},
    {"item.has_images", T::boolean, "the item has at least one image"},
    {"item.has_geo", T::boolean, "the item carries a location"},
    {"item.author.handle", T::string, "author handle"},
    {"item.author.name", T::string, "author display name"},
    {"item.fields", T::list, "names of profile fields"},
    {"item.parent_id", T::string, "the item a comment answers"},
    {"page.url", T::string, "URL requested"},
    {"page.final_url", T::string, "URL after redirects"},
    {"page.host", T::string, "lower-case host of the final URL"},
    {"page.status", T::number, "HTTP status (0 when no response)"},
    {"page.ok", T::boolean, "the page was obtained: no fetch error and a 2xx status (or an offline/304 source)"},
    {"page.origin", T::string, "live, not_modified, file, har, warc"},
    {"page.error", T::string, "fetch error code when the fetch failed"},
    {"page.error_message", T::string, "fetch error message"},
    {"page.content_type", T::string, "media type"},
    {"page.user_directed", T::boolean, "the page is a listed target"},
    {"page.truncated", T::boolean, "the body hit the size cap"},
    {"page.depth", T::number, "link distance from the target"},
    {"page.fetched_at", T::date, "when the page was fetched"},
    {"signals.robots", T::list, "meta robots / X-Robots-Tag directives for all agents"},
    {"signals.noai", T::boolean, "a noai directive is present"},
    {"signals.noimageai", T::boolean, "a noimageai directive is present"},
    {"signals.noarchive", T::boolean, "a noarchive directive is present"},
    {"signals.nocache", T::boolean, "a nocache directive is present"},
    {"signals.noindex", T::boolean, "a noindex directive is present"},
    {"signals.tdm_reservation", T::number, "TDMRep reservation in effect: 1 reserved, 0 not reserved"},
    {"signals.tdm_policy", T::string, "TDMRep policy URL"},
    {"signals.tdm_source", T::string, "where the TDMRep value came from: tdmrep.json, header, meta"},
    {"signals.content_usage.train_ai", T::string, "aipref Content-Usage header, train-ai: y, n or unknown"},
    {"signals.content_usage.search", T::string, "aipref Content-Usage header, search: y, n or unknown"},
    {"signals.content_signal.ai_train", T::string, "Content-Signal ai-train: yes, no"},
    {"signals.content_signal.ai_input", T::string, "Content-Signal ai-input: yes, no"},
    {"signals.content_signal.search", T::string, "Content-Signal search: yes, no"},
    {"signals.ai_txt", T::string, "Spawning ai.txt for this item: allowed, disallowed"},
    {"signals.licenses", T::list, "rel=license URLs"},
    {"exposure.reachable", T::boolean, "reachable without logging in"},
    {"exposure.robots", T::string, "robots.txt state: rules, unavailable, unreachable, not_checked"},
    {"exposure.robots_note", T::string, "robots.txt state in words"},
    {"exposure.agents_allowed", T::list, "every listed AI agent robots.txt lets fetch the item"},
    {"exposure.training_agents_allowed", T::list,
     "training agents that honour robots.txt (or may), may fetch it and are not stopped by a reservation they honour"},
    {"exposure.training_agents_blocked", T::list, "training agents robots.txt or an honoured reservation keeps out"},
    {"exposure.training_agents_unknown", T::list, "training agents whose fetch permission is unknown"},
    {"exposure.noncompliant_agents", T::list,
     "training agents documented to ignore robots.txt that can reach the item anyway"},
    {"exposure.search_agents_allowed", T::list, "AI search agents robots.txt lets fetch the item"},
    {"exposure.optout_signals", T::list,
     "machine-readable use reservations present: noai, noimageai, TDMRep tdm-reservation=1, Content-Usage "
     "train-ai=n, Content-Signal ai-train=no, ai.txt"},
    {"exposure.optout_ignored_by", T::list, "allowed training agents not documented to honour those reservations"},
    {"exposure.optout_honoured_by", T::list, "training agents kept out by a reservation they honour"},
    {"exposure.first_party_status", T::string, "first-party training policy: in_scope, out_of_scope, unknown, none"},
    {"exposure.first_party_policy", T::string, "id of the first-party policy in scope"},
    {"exposure.policy.platform", T::string, "platform of the matched policy"},
    {"exposure.policy.title", T::string, "title of the matched policy"},
    {"exposure.policy.trainer", T::string, "who trains under the matched policy"},
    {"exposure.policy.trains_on", T::string, "what the policy covers, in words"},
    {"exposure.policy.jurisdiction", T::string, "jurisdiction the policy entry applies to"},
    {"exposure.policy.since", T::string, "date the policy started there"},
    {"exposure.policy.user_control", T::string, "setting or form to object with"},
    {"exposure.policy.source", T::string, "where the policy facts come from"},
    {"exposure.policy.note", T::string, "why the policy status is what it is"},
    {"identity.configured", T::boolean, "an identity was configured"},
    {"identity.adult", T::boolean, "the person is 18 or older (from adult or birth_date)"},
    {"identity.jurisdiction", T::string, "jurisdiction: EU, UK, US, BR, ..."},
    {"identity.country", T::string, "ISO 3166 alpha-2 country"},
    {"matches.count", T::number, "number of personal-data matches in the item"},
    {"matches.types", T::list, "distinct match types"},
    {"matches.categories", T::list,
     "identity, contact, financial, government_id, special_category, location, birth_date"},
    {"matches.identity_subtypes", T::list, "identity match subtypes: name, handle, email, ..."},
    {"matches.truncated", T::boolean, "the per-item byte or match cap was reached"},
};

}  // namespace

FieldSchema::FieldSchema() {
  for (const auto& f : k_fields) add({f.name, f.type, f.description});
  for (const char* t : {"identity", "email", "phone", "postal_address", "birth_date", "iban", "payment_card",
                        "ip_address", "geo", "national_id", "special_category"})
    add_match_type(t);
}

void FieldSchema::add_match_type(std::string_view type) {
  std::string name = "matches." + std::string(type);
  if (index(name)) return;
  add({name, FieldType::list, "values of " + std::string(type) + " matches"});
}

void FieldSchema::add(FieldDef def) {
  if (m_index.emplace(def.name, m_defs.size()).second) m_defs.push_back(std::move(def));
}

std::optional<size_t> FieldSchema::index(std::string_view name) const {
  auto it = m_index.find(name);
  if (it == m_index.end()) return std::nullopt;
  return it->second;
}

const FieldValue* FieldView::find(std::string_view name) const {
  auto i = m_schema->index(name);
  return i ? &m_values[*i] : nullptr;
}

FieldValue* FieldView::slot(std::string_view name) {
  auto i = m_schema->index(name);
  return i ? &m_values[*i] : nullptr;
}

void FieldView::set_bool(std::string_view name, bool v) {
  if (auto* s = slot(name)) s->present = true, s->b = v;
}
void FieldView::set_number(std::string_view name, double v) {
  if (auto* s = slot(name)) s->present = true, s->n = v;
}
void FieldView::set_string(std::string_view name, std::string v) {
  if (v.empty()) return;
  if (auto* s = slot(name)) s->present = true, s->s = std::move(v);
}
void FieldView::set_list(std::string_view name, std::vector<std::string> v) {
  if (auto* s = slot(name)) s->present = true, s->l = std::move(v);
}
void FieldView::set_date(std::string_view name, TimePoint v) {
  if (auto* s = slot(name)) s->present = true, s->d = v;
}

std::string render_value(const FieldValue& value, FieldType type) {
  if (!value.present) return "unknown";
  switch (type) {
    case FieldType::boolean: return value.b ? "yes" : "no";
    case FieldType::number: {
      if (std::floor(value.n) == value.n && std::fabs(value.n) < 1e15) return std::to_string(static_cast<long long>(value.n));
      std::string s = std::to_string(value.n);
      while (!s.empty() && s.back() == '0') s.pop_back();
      return s;
    }
    case FieldType::string: return value.s;
    case FieldType::date: return format_date(value.d);
    case FieldType::list: {
      const auto& l = value.l;
      if (l.empty()) return "none";
      constexpr size_t k_max = 8;
      size_t shown = l.size() > k_max ? k_max : l.size();
      std::string out;
      for (size_t i = 0; i < shown; ++i) {
        if (i) out += (i + 1 == shown && shown == l.size()) ? " and " : ", ";
        out += l[i];
      }
      if (shown < l.size()) out += " and " + std::to_string(l.size() - shown) + " more";
      return out;
    }
  }
  return "unknown";
}

}  // namespace exposcan
