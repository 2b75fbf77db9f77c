#include "reports/letter.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"
#include "reports/item_credit.h"
#include "reports/report_text.h"

namespace exposcan {
namespace {

// The legal basis each first-party policy claims (KNOWLEDGE.md §C: Meta and LinkedIn rely on
// legitimate interests). Keyed by policy id prefix.
struct ClaimedBasis {
  const char* policy_prefix;
  const char* basis;
};
constexpr ClaimedBasis k_claimed_bases[] = {
    {"meta-", "legitimate interests (Article 6(1)(f) GDPR)"},
    {"linkedin-", "legitimate interests (Article 6(1)(f) GDPR)"},
};

struct Block {
  enum Kind { paragraph, heading, bullets, numbered, fields } kind;
  std::string text;
  std::vector<std::string> lines;
};

struct Controller {
  std::string key;   // policy id or platform
  std::string name;  // shown to the reader
  const PolicyRef* policy = nullptr;
  std::set<std::string> platforms;
  std::vector<const Finding*> findings;
};

// "a, b, c".
std::string comma_list(const std::vector<std::string>& parts) { return join(parts, ", "); }

// "a", "a and b", "a, b and c": lists inside a sentence.
std::string join_prose(const std::vector<std::string>& parts) {
  if (parts.size() < 2) return comma_list(parts);
  return comma_list(std::vector<std::string>(parts.begin(), parts.end() - 1)) + " and " + parts.back();
}

std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = ascii_upper_char(s[0]);
  return s;
}

std::string region_name(const std::string& r) {
  if (r == "EU") return "the EU/EEA";
  if (r == "UK") return "the UK";
  if (r == "US") return "the US";
  return r;
}

std::string platform_names(const std::set<std::string>& platforms) {
  std::vector<std::string> names;
  for (const auto& p : platforms) names.push_back(capitalised(p));
  return join_prose(names);
}

std::string my_label(std::string label) {
  if (label.rfind("your ", 0) == 0) return "my " + label.substr(5);
  return label;
}

bool relevant(const Finding& f, LetterKind kind) {
  if (kind == LetterKind::objection) return f.verdict == Verdict::trainable && f.policy.has_value();
  return f.policy.has_value() || (f.platform != "web" && f.verdict != Verdict::could_not_check);
}

bool matches_platform(const Controller& c, const std::string& wanted) {
  std::string w = ascii_lower(wanted);
  if (w.empty()) return true;
  if (ascii_lower(c.key) == w || ascii_lower(c.key).rfind(w + "-", 0) == 0) return true;
  if (c.platforms.count(w)) return true;
  return ascii_lower(c.name).find(w) != std::string::npos;
}

std::string md_escape_line(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string render_markdown(const std::vector<Block>& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    switch (b.kind) {
      case Block::heading: out += "## " + md_escape_line(b.text) + "\n\n"; break;
      case Block::paragraph: out += md_escape_line(b.text) + "\n\n"; break;
      case Block::fields:
        for (const auto& l : b.lines) {
          size_t colon = l.find(": ");
          out += colon == std::string::npos ? md_escape_line(l) + "  \n"
                                            : "**" + md_escape_line(l.substr(0, colon)) + ":** " + md_escape_line(l.substr(colon + 2)) + "  \n";
        }
        out += "\n";
        break;
      case Block::bullets:
        if (!b.text.empty()) out += md_escape_line(b.text) + "\n\n";
        for (const auto& l : b.lines) out += "- " + md_escape_line(l) + "\n";
        out += "\n";
        break;
      case Block::numbered:
        if (!b.text.empty()) out += md_escape_line(b.text) + "\n\n";
        for (size_t i = 0; i < b.lines.size(); ++i) out += fmt::format("{}. {}\n", i + 1, md_escape_line(b.lines[i]));
        out += "\n";
        break;
    }
  }
  while (out.size() > 1 && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

std::string render_text(const std::vector<Block>& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    switch (b.kind) {
      case Block::heading: out += b.text + "\n" + std::string(b.text.size(), '-') + "\n\n"; break;
      case Block::paragraph: out += b.text + "\n\n"; break;
      case Block::fields:
        for (const auto& l : b.lines) out += l + "\n";
        out += "\n";
        break;
      case Block::bullets:
        if (!b.text.empty()) out += b.text + "\n\n";
        for (const auto& l : b.lines) out += "  - " + l + "\n";
        out += "\n";
        break;
      case Block::numbered:
        if (!b.text.empty()) out += b.text + "\n\n";
        for (size_t i = 0; i < b.lines.size(); ++i) out += fmt::format("  {}. {}\n", i + 1, b.lines[i]);
        out += "\n";
        break;
    }
  }
  while (out.size() > 1 && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace

std::optional<LetterKind> letter_kind_from_string(std::string_view s) {
  if (s == "objection") return LetterKind::objection;
  if (s == "access") return LetterKind::access;
  return std::nullopt;
}

std::string_view to_string(LetterKind kind) { return kind == LetterKind::objection ? "objection" : "access"; }

std::string one_month_after(TimePoint date) {
  std::string d = format_date(date);
  int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  if (++m == 13) {
    m = 1;
    ++y;
  }
  static const int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int last = k_days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02}", y, m, std::min(day, last));
}

Expected<Letter> render_letter(const ScanRecord& record, const LetterParty& party, const LetterRequest& request) {
  // Controllers the findings point at.
  std::map<std::string, Controller> controllers;
  for (const auto& f : record.findings) {
    if (!relevant(f, request.kind)) continue;
    std::string key = f.policy ? f.policy->id : f.platform;
    Controller& c = controllers[key];
    c.key = key;
    c.name = f.policy ? f.policy->platform : capitalised(f.platform);
    if (f.policy && !c.policy) c.policy = &*f.policy;
    c.platforms.insert(ascii_lower(f.platform));
    c.findings.push_back(&f);
  }
  // A platform's findings without a policy (e.g. a login-walled Instagram post in an access
  // request) belong to the controller whose policy covers that platform.
  for (auto it = controllers.begin(); it != controllers.end();) {
    Controller* owner = nullptr;
    if (!it->second.policy)
      for (auto& [key, other] : controllers)
        if (other.policy && key != it->first && other.platforms.count(it->first)) owner = &other;
    if (!owner) {
      ++it;
      continue;
    }
    owner->findings.insert(owner->findings.end(), it->second.findings.begin(), it->second.findings.end());
    it = controllers.erase(it);
  }
  std::vector<Controller*> chosen;
  for (auto& [_, c] : controllers)
    if (matches_platform(c, request.platform)) chosen.push_back(&c);
  std::string what = request.kind == LetterKind::objection ? "is trainable by a platform under its own AI-training policy"
                                                           : "was found public on a platform";
  if (chosen.empty()) {
    if (request.platform.empty()) return make_error("letter", "no item of yours in this scan " + what);
    std::vector<std::string> names;
    for (const auto& [_, c] : controllers) names.push_back(c.key);
    return make_error("letter", "no item of yours on '" + request.platform + "' " + what +
                                    (names.empty() ? "" : " (platforms in this scan: " + comma_list(names) + ")"));
  }
  if (chosen.size() > 1) {
    std::vector<std::string> names;
    for (const Controller* c : chosen) names.push_back(c->key);
    return make_error("letter", "several platforms match (" + comma_list(names) + "); choose one with --platform");
  }
  const Controller& c = *chosen.front();

  // The person's items on that platform, oldest first, with the personal-data categories found.
  std::map<std::string, const Item*> items;
  for (const auto& i : record.items) items[i.id] = &i;
  std::map<std::string, std::vector<std::string>> categories_of;
  for (const auto& f : record.findings)
    for (const auto& cat : match_categories(f.matches)) {
      auto& v = categories_of[f.item_id];
      if (std::find(v.begin(), v.end(), my_label(cat)) == v.end()) v.push_back(my_label(cat));
    }
  std::vector<std::string> item_ids;
  for (const Finding* f : c.findings)
    if (std::find(item_ids.begin(), item_ids.end(), f->item_id) == item_ids.end()) item_ids.push_back(f->item_id);
  std::stable_sort(item_ids.begin(), item_ids.end(), [&](const std::string& a, const std::string& b) {
    auto ta = items.count(a) && items[a]->published_at ? *items[a]->published_at : TimePoint::max();
    auto tb = items.count(b) && items[b]->published_at ? *items[b]->published_at : TimePoint::max();
    return ta < tb;
  });

  // Whose each item is (reports/item_credit.h): someone else's comment or reply is listed only when
  // it names the person (then it carries their data, as the headline's "by others" items may), and
  // as theirs, not the person's. Where the identity recognises the person as the author of nothing
  // on a platform, exposcan cannot tell and every item there counts as the person's.
  std::map<std::string, std::vector<const Finding*>> findings_of;
  for (const auto& f : record.findings) findings_of[f.item_id].push_back(&f);
  std::set<std::string> person_seen;  // platforms with an item credited to the person
  for (const auto& i : record.items)
    if (item_credit(i, findings_of[i.id]) == ItemCredit::person) person_seen.insert(i.platform);
  auto by_other = [&](const Item& i) {
    return person_seen.count(i.platform) && item_credit(i, findings_of[i.id]) == ItemCredit::other;
  };
  std::erase_if(item_ids, [&](const std::string& id) {
    return items.count(id) && by_other(*items[id]) && !names_person(findings_of[id]);
  });
  if (item_ids.empty())
    return make_error("letter", "no item of yours on '" + (request.platform.empty() ? c.key : request.platform) + "' " + what +
                                    " (the items found there are other people's and do not name you)");

  Letter letter;
  letter.controller = c.name;
  letter.deadline = one_month_after(request.date);
  std::vector<std::string> item_lines, all_categories;
  std::set<std::string> shared_urls;  // someone else's post that the person shared
  std::set<std::string> naming_urls;  // someone else's item that names the person
  for (const auto& id : item_ids) {
    const Item* item = items.count(id) ? items[id] : nullptr;
    std::string url = item ? item->url : id;
    letter.item_urls.push_back(url);
    if (item && is_shared(*item)) shared_urls.insert(url);
    if (item && by_other(*item)) naming_urls.insert(url);
    std::string line = url;
    if (item) {
      line += " — " + std::string(to_string(item->kind));
      if (naming_urls.count(url)) {
        const std::string who = !item->author.handle.empty() ? item->author.handle : item->author.name;
        line += " by " + who + " (not mine; it names me)";
      }
      // A shared post (Threads/Bluesky repost, Mastodon boost) is someone's post: say who shared it.
      for (const auto& [name, value] : item->fields)
        if (is_share_field(name))
          line += (item->author.handle.empty() ? "" : " by " + item->author.handle) + ", shared by " + value;
      line += item->published_at ? ", published " + format_date(*item->published_at) : ", date not shown";
      if (item->visibility != Visibility::public_ && item->visibility != Visibility::unlisted)
        line += ", not public (" + std::string(to_string(item->visibility)) + ")";
    }
    if (categories_of.count(id)) {
      line += "; contains " + comma_list(categories_of[id]);
      for (const auto& cat : categories_of[id])
        if (std::find(all_categories.begin(), all_categories.end(), cat) == all_categories.end()) all_categories.push_back(cat);
    }
    item_lines.push_back(line);
  }

  const bool uk = party.jurisdiction == "UK";
  const std::string law = uk ? "UK GDPR" : "GDPR";
  const std::string date = format_date(request.date);
  std::string basis = "not stated to me (please state it, Articles 13(1)(c) and 14(1)(c) " + law + ")";
  if (c.policy)
    for (const auto& b : k_claimed_bases)
      if (c.policy->id.rfind(b.policy_prefix, 0) == 0) basis = b.basis;
  if (uk) {
    size_t at = basis.find(" GDPR");
    if (at != std::string::npos) basis.replace(at, 5, " UK GDPR");
  }
  std::vector<std::string> accounts;
  for (const auto& h : party.handles) accounts.push_back(h);

  std::vector<Block> b;
  letter.subject = request.kind == LetterKind::objection
                       ? "Objection under Article 21(1) " + law + " to the use of my personal data for AI training"
                       : "Access request under Article 15 " + law + ", including use of my data for AI training";
  std::vector<std::string> head = {"To: " + c.name + " — Data Protection Officer",
                                   "From: " + party.name + (party.email.empty() ? "" : " <" + party.email + ">"),
                                   "Date: " + date, "Subject: " + letter.subject};
  if (!party.address.empty()) head.insert(head.begin() + 2, "Address: " + party.address);
  if (!accounts.empty()) head.push_back("My accounts: " + comma_list(accounts));
  b.push_back({Block::fields, "", head});
  b.push_back({Block::paragraph, "Dear Data Protection Officer,", {}});

  if (request.kind == LetterKind::objection) {
    b.push_back({Block::paragraph,
                 "I object, under Article 21(1) " + law +
                     ", to the processing of my personal data to develop, train and improve artificial intelligence "
                     "models, including the content of mine listed below.",
                 {}});
    std::string policy_line;
    if (c.policy) {
      policy_line = "Your policy (\"" + c.policy->title + "\")";
      if (!c.policy->jurisdiction.empty())
        policy_line += " applies to people in " + region_name(c.policy->jurisdiction) +
                       (c.policy->since.empty() ? "" : " since " + c.policy->since);
      policy_line += ". ";
    }
    b.push_back({Block::paragraph,
                 policy_line + "The legal basis you rely on for this processing is " + basis +
                     ". Under Article 21(1) you must stop unless you demonstrate compelling legitimate grounds that "
                     "override my interests, rights and freedoms. I know of no such grounds.",
                 {}});
  } else {
    b.push_back({Block::paragraph,
                 "Under Article 15 " + law +
                     ", please confirm whether you process personal data about me and, if you do, give me the "
                     "following.",
                 {}});
    b.push_back({Block::numbered,
                 "",
                 {"A copy of my personal data (Article 15(3)), including the items listed below and any data derived "
                  "from them.",
                  "The purposes of the processing (Article 15(1)(a)), in particular whether you have used or will use "
                  "my data to develop or train AI models, which models, and since when.",
                  "The legal basis for each purpose; for AI training you appear to rely on " + basis + ".",
                  "The categories of personal data concerned (Article 15(1)(b)).",
                  "The recipients or categories of recipients, including AI partners or licensees (Article 15(1)(c)).",
                  "How long you will keep the data (Article 15(1)(d)).",
                  "Where the data was not collected from me, all available information about its source (Article "
                  "15(1)(g)).",
                  "Whether automated decision-making, including profiling, applies to me (Article 15(1)(h))."}});
  }

  const bool objection = request.kind == LetterKind::objection;
  b.push_back({Block::heading, (objection ? "My public items on " : "My items on ") + platform_names(c.platforms), {}});
  std::string intro = objection ? (item_lines.size() == 1 ? "exposcan found this item publicly visible without logging in on " + date + ":"
                                                          : fmt::format("exposcan found these {} items publicly visible without logging in on {}:",
                                                                        item_lines.size(), date))
                                : fmt::format("exposcan checked {} without logging in on {}:",
                                              item_lines.size() == 1 ? std::string("this item") : fmt::format("these {} items", item_lines.size()),
                                              date);
  b.push_back({Block::numbered, intro, item_lines});
  if (!all_categories.empty())
    b.push_back({Block::paragraph, "Personal data in these items: " + comma_list(all_categories) + ".", {}});

  if (request.kind == LetterKind::objection) {
    b.push_back({Block::heading, "What I ask", {}});
    b.push_back({Block::numbered,
                 "",
                 {"Stop processing my personal data, including the items above, to develop, train or improve AI "
                  "models, from the day you receive this objection.",
                  "Erase the personal data you hold about me for that purpose (Article 17(1)(c) " + law + ").",
                  "Confirm in writing that you have done so and the date from which my objection takes effect; "
                  "objections act forward only, so that date matters."}});
  }
  b.push_back({Block::heading, "Deadline", {}});
  b.push_back({Block::paragraph,
               "Please answer without undue delay and within one month of receipt (Article 12(3) " + law + "): by " +
                   letter.deadline +
                   " if you receive this letter today. You may extend this by two further months only where necessary, "
                   "and must tell me so, with reasons, within the first month.",
               {}});
  if (!request.evidence.empty()) {
    std::string ev = "The evidence bundle (" + request.evidence +
                     ") holds the pages as exposcan fetched them (WARC 1.1 archive), the report, a manifest with the "
                     "SHA-256 of every file and an RFC 3161 time-stamp request";
    if (!request.evidence_manifest_sha256.empty()) ev += "; the manifest's SHA-256 is " + request.evidence_manifest_sha256;
    b.push_back({Block::heading, "Evidence", {}});
    b.push_back({Block::paragraph, ev + ".", {}});
  }
  b.push_back({Block::paragraph, "Kind regards,", {}});
  std::vector<std::string> sig = {party.name};
  if (!party.email.empty()) sig.push_back(party.email);
  b.push_back({Block::fields, "", sig});

  letter.markdown = "# " + md_escape_line(letter.subject) + "\n\n" + render_markdown(b);
  letter.text = render_text(b);

  if (request.kind == LetterKind::objection && c.policy && c.policy->id.rfind("meta-", 0) == 0) {
    // The form asks which content is the person's: their own items first, then the posts of others
    // they shared (those carry their account, but are not theirs to claim), then others' items that
    // name them (their data, not their content), five URLs in all.
    std::vector<std::string> own, shared, naming;
    for (const auto& url : letter.item_urls)
      (shared_urls.count(url) ? shared : naming_urls.count(url) ? naming : own).push_back(url);
    auto listed = [](const std::vector<std::string>& urls, size_t room) {
      std::vector<std::string> shown(urls.begin(), urls.begin() + std::min(room, urls.size()));
      return urls.size() > shown.size() ? comma_list(shown) + fmt::format(" and {} more", urls.size() - shown.size()) : join_prose(shown);
    };
    // Each group in turn takes what is left of the five, keeping one for every later non-empty group.
    size_t left = 5;
    auto room = [&left](const std::vector<std::string>& group, size_t later) {
      const size_t r = std::min(group.size(), std::max<size_t>(1, left > later ? left - later : 0));
      left -= std::min(left, r);
      return r;
    };
    const size_t own_room = room(own, !shared.empty() + !naming.empty());
    const size_t shared_room = room(shared, !naming.empty());
    const size_t naming_room = room(naming, 0);
    std::string items_text;
    if (!own.empty()) items_text += "These items are mine: " + listed(own, own_room) + ". ";
    if (!shared.empty())
      items_text += std::string(own.empty() ? "These are" : "These are also") +
                    " posts by others that I shared from my account: " + listed(shared, shared_room) + ". ";
    if (!naming.empty()) items_text += "These items by others name me: " + listed(naming, naming_room) + ". ";
    letter.form_text =
        "I object under Article 21(1) " + law + " to Meta using my personal data, including my public posts, photos and comments on " +
        platform_names(c.platforms) + ", to develop and improve AI at Meta. " + items_text +
        (all_categories.empty() ? "" : "They contain " + join_prose(all_categories) + ". ") +
        "I know of no compelling legitimate grounds that override my interests, rights and freedoms. Please stop this "
        "processing from today (" + date + "), erase my data used for it, and confirm the date my objection took effect.";
    letter.markdown += "\n## Text for Meta's objection form\n\nPaste this into the objection form in Meta's Privacy Center:\n\n> " +
                       md_escape_line(letter.form_text) + "\n";
    letter.text += "\nText for Meta's objection form\n------------------------------\n\n" + letter.form_text + "\n";
  }
  return letter;
}

}  // namespace exposcan
