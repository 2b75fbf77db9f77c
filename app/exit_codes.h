// app/exit_codes.h — the process exit codes (DESIGN §4). Documented in README "Exit codes".
#pragma once

namespace exposcan::exit_code {
inline constexpr int k_ok = 0;
inline constexpr int k_findings = 1;     // findings at or above --fail-on
inline constexpr int k_usage = 2;        // usage, config or rule error
inline constexpr int k_incomplete = 3;   // scan incomplete beyond tolerance
inline constexpr int k_interrupted = 130;
}  // namespace exposcan::exit_code
