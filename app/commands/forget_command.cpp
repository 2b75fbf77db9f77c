// `exposcan forget SCAN… | --before DATE`: deletes stored scans with their pages, items, findings
// and the bodies no other scan uses (the store holds personal data; the user owns it). Deleted
// content is overwritten (SQLite secure_delete) and the file shrinks.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

#include "app/commands/commands.h"
#include "app/commands/scan_flags.h"
#include "app/commands/state_option.h"
#include "app/exit_codes.h"

namespace exposcan {

void register_forget(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand("forget", "Delete stored scans and their bodies (SCAN… or --before DATE)");
  auto state = std::make_shared<std::string>();
  auto scans = std::make_shared<std::vector<std::string>>();
  auto before = std::make_shared<std::string>();
  cmd->add_option("SCAN", *scans, "Scans to delete: ids, last or previous");
  cmd->add_option("--before", *before, "Delete every finished scan started before DATE (YYYY-MM-DD or RFC 3339)");
  add_state_option(cmd, *state);
  cmd->callback([=, &action] {
    action = [=]() -> int {
      if (scans->empty() == before->empty()) return usage_error("forget: name the scans to delete or give --before DATE");
      std::optional<TimePoint> cutoff;
      if (!before->empty()) {
        cutoff = parse_cutoff(*before);
        if (!cutoff) return usage_error("--before: expected a date YYYY-MM-DD or an RFC 3339 time (got '" + *before + "')");
      }
      auto store = open_state(*state, OpenMode::read);
      if (!store) return usage_error(store.error().message);
      std::vector<int64_t> ids;
      for (const auto& ref : *scans) {
        auto id = (*store)->resolve(ref);
        if (!id) return usage_error(id.error().message);
        ids.push_back(*id);
      }
      auto result = cutoff ? (*store)->forget_before(*cutoff) : (*store)->forget(ids);
      if (!result) return usage_error(result.error().message);
      if (result->scans.empty()) {
        fmt::print("Nothing to forget: no finished scan started before {}.\n", *before);
        return exit_code::k_ok;
      }
      std::string list;
      for (int64_t id : result->scans) list += (list.empty() ? "" : ", ") + std::to_string(id);
      fmt::print("Forgot scan{} {} ({} pages); {} stored bodies and records no other scan uses were deleted.\n",
                 result->scans.size() == 1 ? "" : "s", list, result->pages, result->blobs);
      return exit_code::k_ok;
    };
  });
}

}  // namespace exposcan
