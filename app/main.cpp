// The exposcan binary: forwards to the CLI (app/cli.h).
#include "app/cli.h"

int main(int argc, char** argv) { return exposcan::run_cli(argc, argv); }
