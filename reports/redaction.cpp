#include "reports/redaction.h"

#include <algorithm>
#include <map>

#include "core/redact.h"
#include "core/text.h"
#include "reports/match_value.h"

namespace exposcan {
namespace {

std::string* field_text(Item& item, const std::string& field) {
  if (field == "title") return &item.title;
  if (field == "text") return &item.text;
  if (field == "author.name") return &item.author.name;
  if (field == "author.handle") return &item.author.handle;
  if (field == "geo.name") return item.geo ? &item.geo->name : nullptr;
  if (field.rfind("fields.", 0) == 0) {
    for (auto& [k, v] : item.fields)
      if (k == field.substr(7)) return &v;
    return nullptr;
  }
  if (field.rfind("media[", 0) == 0 && field.size() > 11 && field.substr(field.size() - 5) == "].alt") {
    size_t idx = 0;
    for (size_t i = 6; i < field.size() - 5; ++i) {
      if (field[i] < '0' || field[i] > '9') return nullptr;
      idx = idx * 10 + static_cast<size_t>(field[i] - '0');
    }
    return idx < item.media.size() ? &item.media[idx].alt : nullptr;
  }
  return nullptr;
}

}  // namespace

void redact_item(Item& item, std::vector<Finding>& findings) {
  // Links: mailto:/tel:/sms: addresses always, and any matched value inside another link.
  for (auto& link : item.links) {
    if (istarts_with(link, "mailto:")) {
      link = "mailto:" + redact_email(std::string_view(link).substr(7));
      continue;
    }
    if (istarts_with(link, "tel:") || istarts_with(link, "sms:")) {
      link = link.substr(0, 4) + redact_phone(std::string_view(link).substr(4));
      continue;
    }
    for (const auto& f : findings)
      for (const auto& m : f.matches)
        if (m.value.size() >= 5)
          for (size_t at = link.find(m.value); at != std::string::npos; at = link.find(m.value, at + 1))
            link.replace(at, m.value.size(), shown_value(m, false));
  }
  std::map<std::string, std::vector<Match*>> by_field;
  for (auto& f : findings)
    for (auto& m : f.matches) by_field[m.field].push_back(&m);
  for (auto& [field, matches] : by_field) {
    std::string* text = field_text(item, field);
    std::vector<Match*> spans;
    for (Match* m : matches) {
      if (text && m->start < m->end && m->end <= text->size()) {
        spans.push_back(m);
      } else {
        m->value = shown_value(*m, false);  // no span to rewrite
      }
    }
    if (!text) continue;
    std::sort(spans.begin(), spans.end(), [](const Match* a, const Match* b) {
      return a->start != b->start ? a->start < b->start : a->end > b->end;
    });
    std::string out;
    size_t pos = 0;
    for (size_t i = 0; i < spans.size();) {
      size_t s = spans[i]->start, e = spans[i]->end, j = i;
      const Match* widest = spans[i];
      while (j < spans.size() && spans[j]->start < e) {
        if (spans[j]->end > e) e = spans[j]->end;
        if (spans[j]->end - spans[j]->start > widest->end - widest->start) widest = spans[j];
        ++j;
      }
      out.append(*text, pos, s - pos);
      size_t new_start = out.size();
      Match whole = *widest;
      whole.value = text->substr(s, e - s);
      out += shown_value(whole, false);
      for (size_t k = i; k < j; ++k) {
        spans[k]->value = shown_value(*spans[k], false);
        spans[k]->start = new_start;
        spans[k]->end = out.size();
      }
      pos = e;
      i = j;
    }
    out.append(*text, pos, std::string::npos);
    *text = std::move(out);
  }
}

ScanRecord redacted_record(const ScanRecord& record) {
  ScanRecord out;
  out.scan = record.scan;
  std::map<std::string, std::vector<size_t>> by_item;
  for (size_t i = 0; i < record.findings.size(); ++i) by_item[record.findings[i].item_id].push_back(i);
  out.findings = record.findings;
  std::vector<bool> done(record.findings.size(), false);
  for (const auto& source : record.items) {
    Item item = source;
    auto it = by_item.find(item.id);
    if (it != by_item.end()) {
      std::vector<Finding> fs;
      for (size_t i : it->second) fs.push_back(out.findings[i]);
      redact_item(item, fs);
      for (size_t k = 0; k < it->second.size(); ++k) {
        out.findings[it->second[k]] = std::move(fs[k]);
        done[it->second[k]] = true;
      }
    }
    out.items.push_back(std::move(item));
  }
  for (size_t i = 0; i < out.findings.size(); ++i)
    if (!done[i])
      for (auto& m : out.findings[i].matches) m.value = shown_value(m, false);
  return out;
}

}  // namespace exposcan
