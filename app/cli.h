// app/cli.h — the command line (CLI11). Parses argv, dispatches to commands, maps errors to exit codes.
#pragma once

namespace exposcan {
int run_cli(int argc, char** argv);
}
