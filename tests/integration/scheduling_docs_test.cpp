// docs/scheduling.md and docs/scheduling/*: the cron line, the systemd units and the GitHub Actions
// workflow are checked as far as they can be offline: schedules are valid, the units pass
// `systemd-analyze verify`, the workflow is well-formed YAML with the cache and SARIF steps wired
// to the same paths as its scan command, and every exposcan command line parses with the real
// binary (it gets as far as looking for its config file).
#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "tests/support/test_support.h"

using namespace exposcan::test;

namespace {

const std::filesystem::path k_docs = source_dir() / "docs";

std::string bin_dir() { return std::filesystem::path(EXPOSCAN_BIN).parent_path().string(); }

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// One cron field: '*', numbers, ranges, lists and steps within [lo, hi].
bool cron_field_ok(const std::string& field, int lo, int hi) {
  static const std::regex k_part(R"((\*|(\d+)(-(\d+))?)(/(\d+))?)");
  std::stringstream ss(field);
  std::string part;
  while (std::getline(ss, part, ',')) {
    std::smatch m;
    if (!std::regex_match(part, m, k_part)) return false;
    if (m[2].matched) {
      int a = std::stoi(m[2]);
      int b = m[4].matched ? std::stoi(m[4]) : a;
      if (a < lo || b > hi || a > b) return false;
    }
    if (m[6].matched && std::stoi(m[6]) == 0) return false;
  }
  return !field.empty();
}

bool cron_schedule_ok(const std::vector<std::string>& f) {
  return f.size() == 5 && cron_field_ok(f[0], 0, 59) && cron_field_ok(f[1], 0, 23) && cron_field_ok(f[2], 1, 31) &&
         cron_field_ok(f[3], 1, 12) && cron_field_ok(f[4], 0, 7);
}

std::vector<std::string> words(const std::string& s, size_t n) {
  std::stringstream ss(s);
  std::vector<std::string> out;
  std::string w;
  while (out.size() < n && ss >> w) out.push_back(w);
  return out;
}

// Runs a shell command line as cron or a CI runner would, with the built exposcan first on PATH.
RunResult shell(const std::string& command, const std::filesystem::path& home, const std::filesystem::path& cwd) {
  return run_process({"/bin/sh", "-c", "cd '" + cwd.string() + "' && " + command},
                     {"PATH=" + bin_dir() + ":/usr/bin:/bin", "HOME=" + home.string(), "XDG_DATA_HOME=",
                      "EXPOSCAN_STATE="});
}

// The config file the command line names is missing, so exposcan stops right after parsing its
// flags: this error (and no other) proves every flag and value was accepted.
void check_parses(const RunResult& r, const std::string& config_path) {
  INFO(r.err);
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("exposcan: error: config file not found: " + config_path + "\n") != std::string::npos);
}

std::string fenced_block(const std::string& markdown, const std::string& lang) {
  auto start = markdown.find("```" + lang + "\n");
  REQUIRE(start != std::string::npos);
  start += 4 + lang.size();
  auto end = markdown.find("```", start);
  REQUIRE(end != std::string::npos);
  return markdown.substr(start, end - start);
}

std::string flag_value(const std::string& command, const std::string& flag) {
  std::smatch m;
  REQUIRE(std::regex_search(command, m, std::regex(" " + flag + " ([^ ]+)")));
  return m[1];
}

}  // namespace

TEST_CASE("docs: the cron line has a valid schedule and its command parses", "[docs][scheduling]") {
  std::string block = fenced_block(read_text(k_docs / "scheduling.md"), "crontab");
  REQUIRE(std::count(block.begin(), block.end(), '\n') == 1);
  std::string line = block.substr(0, block.size() - 1);
  CHECK(line.find('%') == std::string::npos);  // cron turns % into newlines
  auto schedule = words(line, 5);
  CHECK(cron_schedule_ok(schedule));
  std::string command = line;
  for (int i = 0; i < 5; ++i) command = command.substr(command.find_first_not_of(' ', command.find(' ')));
  REQUIRE(command.rfind("exposcan scan ", 0) == 0);
  TempDir home;
  check_parses(shell(command, home.path(), home.path()), (home.path() / ".config/exposcan/exposcan.yaml").string());
}

TEST_CASE("docs: the systemd units pass systemd-analyze verify and ExecStart parses", "[docs][scheduling]") {
  TempDir dir;
  std::string service = read_text(k_docs / "scheduling/exposcan.service");
  std::string timer = read_text(k_docs / "scheduling/exposcan.timer");
  std::smatch m;
  REQUIRE(std::regex_search(service, m, std::regex("\nExecStart=([^\n]+)\n")));
  std::string exec = m[1];
  REQUIRE(exec.rfind("/usr/local/bin/exposcan scan ", 0) == 0);
  REQUIRE(std::regex_search(timer, m, std::regex("\nOnCalendar=([^\n]+)\n")));
  const std::string calendar = m[1];

  TempDir home;
  std::string command = replace_all(replace_all(exec, "/usr/local/bin/exposcan", EXPOSCAN_BIN), "%h", home.path().string());
  std::vector<std::string> argv;
  for (const auto& w : words(command, 100)) argv.push_back(w);
  auto r = run_process(argv, {"HOME=" + home.path().string()});
  check_parses(r, (home.path() / ".config/exposcan/exposcan.yaml").string());

  if (run_process({"/bin/sh", "-c", "command -v systemd-analyze"}).exit_code != 0) {
    WARN("systemd-analyze is not installed: unit verification skipped");
    return;
  }
  // verify needs ExecStart= to exist: point it at the built binary
  std::ofstream(dir / "exposcan.service") << replace_all(service, "/usr/local/bin/exposcan", EXPOSCAN_BIN);
  std::ofstream(dir / "exposcan.timer") << timer;
  auto verify = run_process({"/bin/sh", "-c",
                             "systemd-analyze verify --man=no '" + (dir / "exposcan.service").string() + "' '" +
                                 (dir / "exposcan.timer").string() + "' 2>&1"});
  INFO(verify.out);
  CHECK(verify.exit_code == 0);
  CHECK(verify.out.find("exposcan.") == std::string::npos);  // no complaint about our units
  auto cal = run_process({"/bin/sh", "-c", "systemd-analyze calendar '" + calendar + "'"});
  INFO(cal.out << cal.err);
  CHECK(cal.exit_code == 0);
}

TEST_CASE("docs: the GitHub Actions workflow caches the state file and uploads the SARIF it writes", "[docs][scheduling]") {
  YAML::Node wf = YAML::LoadFile((k_docs / "scheduling/exposcan-scan.yml").string());
  REQUIRE(wf["jobs"]["scan"]);
  const std::string cron = wf["on"]["schedule"][0]["cron"].as<std::string>();
  CHECK(cron_schedule_ok(words(cron, 6)));
  CHECK(wf["permissions"]["security-events"].as<std::string>() == "write");
  CHECK(wf["on"]["workflow_dispatch"]);

  YAML::Node steps = wf["jobs"]["scan"]["steps"];
  std::string scan_command, restore_path, save_path, sarif, save_if, upload_if;
  for (const auto& step : steps) {
    const std::string uses = step["uses"] ? step["uses"].as<std::string>() : "";
    if (step["id"] && step["id"].as<std::string>() == "scan") scan_command = step["run"].as<std::string>();
    if (uses.rfind("actions/cache/restore@", 0) == 0) restore_path = step["with"]["path"].as<std::string>();
    if (uses.rfind("actions/cache/save@", 0) == 0) {
      save_path = step["with"]["path"].as<std::string>();
      save_if = step["if"].as<std::string>();
    }
    if (uses.rfind("github/codeql-action/upload-sarif@", 0) == 0) {
      sarif = step["with"]["sarif_file"].as<std::string>();
      upload_if = step["if"].as<std::string>();
    }
  }
  REQUIRE_FALSE(scan_command.empty());
  CHECK(restore_path == save_path);
  const std::string state = flag_value(scan_command, "--state");
  CHECK(state.rfind(restore_path + "/", 0) == 0);  // the state file (and its -wal) live in the cached folder
  CHECK(save_if.rfind("always()", 0) == 0);         // the history is kept when the scan exits 1
  CHECK(upload_if.rfind("always()", 0) == 0);
  CHECK(flag_value(scan_command, "-o") == sarif);
  CHECK(flag_value(scan_command, "--since") == "last");

  TempDir repo;
  check_parses(shell(scan_command, repo.path(), repo.path()), "exposcan.yaml");
  auto help = run_process({EXPOSCAN_BIN, "scan", "--help"});
  const std::string format = flag_value(scan_command, "--format");
  if (help.out.find(format) == std::string::npos)
    WARN("this exposcan has no '" << format << "' reporter yet; the workflow needs it");
}
