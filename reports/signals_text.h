// reports/signals_text.h — the AI signals behind a verdict, as lines a person can read: page
// directives (meta robots / X-Robots-Tag), TDMRep, aipref Content-Usage, Content-Signal,
// licences, and each agent's robots.txt line and use signal.
#pragma once

#include <string>
#include <vector>

#include "reports/scan_record.h"

namespace exposcan {

std::vector<std::string> page_signal_lines(const Item& item);
// "GPTBot (OpenAI): blocked — robots.txt line 12: Disallow: /" for every assessed agent.
std::vector<std::string> agent_signal_lines(const Finding& finding);

}  // namespace exposcan
