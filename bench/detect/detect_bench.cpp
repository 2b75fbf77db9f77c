// Detector throughput with every built-in pack loaded (not part of the test suite).
//
//   detect_bench DIR [--rounds N] [--per-rule] [--identity FILE] [--stage raw|items|verdict]
//
// Reads every .html file under DIR (pages, parsed as the crawler's pages are) and every .txt
// file (plain text: one item each, e.g. bench/detect/make_dense.py's PII-dense text) and
// reports, in CPU time of this thread (so other load on the machine affects every row alike):
//   raw     RuleEngine::detect over each raw HTML page (what `exposcan detect` does; no caps)
//   items   parse_page → Items, then RuleEngine::personal_data per item (detectors + identity,
//           within the per-item caps) — the pipeline's personal-data stage
//   verdict RuleEngine::evaluate per item (personal data + AI-signal exposure + verdict rules)
// MB/s is over the HTML bytes for every row (the same text the ripgrep peer scans); items also
// shows MB/s over the item text it actually searched. --per-rule times each pattern rule alone
// (no prefilter) on the raw pages and on every item text field, and counts the distinct texts.
#include <ctime>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <string>
#include <vector>

#include "core/fs.h"
#include "parsers/registry.h"
#include "rules/engine.h"
#include "rules/phone_detector.h"
#include "rules/rule_set.h"

using namespace exposcan;

namespace {

double cpu_now() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

Page page_of(const std::filesystem::path& root, const std::filesystem::path& file, std::string body) {
  Page p;
  std::string rel = std::filesystem::relative(file, root).generic_string();
  if (rel.ends_with("index.html")) rel.resize(rel.size() - std::strlen("index.html"));
  p.url = p.final_url = "http://127.0.0.1:18080/" + rel;
  p.status = 200;
  p.content_type = "text/html";
  p.charset = "utf-8";
  p.origin = PageOrigin::file;
  p.body = std::move(body);
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: detect_bench SITE_DIR [--rounds N] [--per-rule] [--identity FILE]\n");
    return 2;
  }
  int rounds = 3;
  bool per_rule = false;
  std::string only;  // --stage raw|items|verdict: run just that stage (for a profiler)
  std::string identity_file;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rounds" && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
    else if (a == "--per-rule") per_rule = true;
    else if (a == "--identity" && i + 1 < argc) identity_file = argv[++i];
    else if (a == "--stage" && i + 1 < argc) only = argv[++i];
  }
  const std::filesystem::path root = argv[1];
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root))
    if (e.path().extension() == ".html" || e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Page> pages;
  std::vector<bool> plain;  // parallel to pages: a .txt file
  size_t bytes = 0;
  for (const auto& f : files) {
    auto body = read_file(f);
    if (!body) continue;
    bytes += body->size();
    pages.push_back(page_of(root, f, std::move(*body)));
    plain.push_back(f.extension() == ".txt");
  }
  const double mb = static_cast<double>(bytes) / 1e6;

  EngineOptions options;
  if (!identity_file.empty()) {
    auto text = read_file(identity_file);
    auto id = text ? parse_identity(*text, identity_file) : Expected<Identity>(text.error());
    if (!id) {
      std::fprintf(stderr, "%s\n", id.error().message.c_str());
      return 2;
    }
    options.identity = std::move(*id);
  }
  double t0 = cpu_now();
  auto engine = RuleEngine::load(builtin_packs(), options);
  const double load_s = cpu_now() - t0;
  if (!engine) {
    std::fprintf(stderr, "%s\n", engine.error().message.c_str());
    return 2;
  }
  std::printf("%zu pages, %.1f MB of HTML; %zu packs, %zu rules loaded in %.3f s CPU; best of %d rounds\n",
              pages.size(), mb, engine->packs().size(), engine->rules().size(), load_s, rounds);

  std::vector<std::vector<Item>> items(pages.size());
  size_t item_count = 0, item_bytes = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (plain[i]) {
      Item item;
      item.id = item.url = pages[i].url;
      item.platform = "web";
      item.visibility = Visibility::public_;
      item.text = pages[i].body;
      items[i].push_back(std::move(item));
    } else {
      items[i] = parse_page(pages[i]).items;
    }
    item_count += items[i].size();
  }

  double raw = 1e9, pd = 1e9, verdict = 1e9;
  size_t raw_matches = 0, pd_matches = 0, findings = 0;
  for (int r = 0; r < rounds; ++r) {
    raw_matches = pd_matches = findings = item_bytes = 0;
    // A fresh engine per round and per stage: its caches (phone readings) start empty, as in a
    // new scan; only libphonenumber's process-wide regex cache stays warm after round one.
    engine = RuleEngine::load(builtin_packs(), options);
    double a = cpu_now();
    if (only.empty() || only == "raw")
      for (const auto& p : pages) raw_matches += engine->detect(p.body).size();
    const double b0 = cpu_now();
    engine = RuleEngine::load(builtin_packs(), options);
    const double b = cpu_now();
    if (only.empty() || only == "items")
      for (size_t i = 0; i < pages.size(); ++i)
        for (const auto& it : items[i]) {
          auto d = engine->personal_data(it);
          pd_matches += d.matches.size();
          item_bytes += d.bytes_scanned;
        }
    const double c0 = cpu_now();
    engine = RuleEngine::load(builtin_packs(), options);
    const double c = cpu_now();
    if (only.empty() || only == "verdict")
      for (size_t i = 0; i < pages.size(); ++i)
        for (const auto& it : items[i]) findings += engine->evaluate(it, pages[i]).size();
    double d = cpu_now();
    raw = std::min(raw, b0 - a);
    pd = std::min(pd, c0 - b);
    verdict = std::min(verdict, d - c);
  }
  std::printf("| stage | CPU s | MB/s (HTML) | notes |\n|---|---|---|---|\n");
  std::printf("| detect, raw HTML per page | %.3f | %.1f | %zu matches |\n", raw, mb / raw, raw_matches);
  std::printf("| personal data per item | %.3f | %.1f | %zu items, %.1f MB of item text (%.1f MB/s), %zu matches |\n",
              pd, mb / pd, item_count, static_cast<double>(item_bytes) / 1e6,
              static_cast<double>(item_bytes) / 1e6 / pd, pd_matches);
  std::printf("| evaluate per item (verdict) | %.3f | %.1f | %zu findings |\n", verdict, mb / verdict, findings);

  if (per_rule) {
    auto set = load_rule_set(builtin_packs());
    if (!set) return 2;
    set->detectors.set_phone_detector(std::make_shared<const PhoneDetector>(std::vector<std::string>{}, 0.0));
    std::vector<std::pair<double, std::string>> costs;
    for (size_t r = 0; r < set->detectors.rules().size(); ++r) {
      double a = cpu_now();
      size_t n = 0;
      for (const auto& p : pages) n += set->detectors.scan_rule(r, p.body).size();
      costs.push_back({cpu_now() - a, set->detectors.rules()[r].meta.id + " (" + std::to_string(n) + " matches)"});
    }
    std::sort(costs.rbegin(), costs.rend());
    std::printf("\nper rule, alone, no prefilter (CPU s over the raw pages):\n");
    for (const auto& [s, id] : costs) std::printf("  %7.3f  %s\n", s, id.c_str());
    // The same over the item texts the pipeline scans (every text field of every item).
    std::vector<std::string> texts;
    for (const auto& list : items)
      for (const auto& it : list) for_each_text_field(it, [&](std::string_view, std::string_view t) { texts.emplace_back(t); });
    {
      std::set<std::string> uniq(texts.begin(), texts.end());
      size_t ub = 0, tb = 0;
      for (const auto& t : uniq) ub += t.size();
      for (const auto& t : texts) tb += t.size();
      std::printf("item text fields: %zu (%zu bytes), distinct %zu (%zu bytes)\n", texts.size(), tb, uniq.size(), ub);
    }
    costs.clear();
    for (size_t r = 0; r < set->detectors.rules().size(); ++r) {
      double a = cpu_now();
      size_t n = 0;
      for (const auto& t : texts) n += set->detectors.scan_rule(r, t).size();
      costs.push_back({cpu_now() - a, set->detectors.rules()[r].meta.id + " (" + std::to_string(n) + " matches)"});
    }
    std::sort(costs.rbegin(), costs.rend());
    std::printf("\nper rule, alone, no prefilter (CPU s over %zu item text fields):\n", texts.size());
    for (const auto& [s, id] : costs) std::printf("  %7.3f  %s\n", s, id.c_str());
  }
  return 0;
}
