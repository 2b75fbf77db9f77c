#!/usr/bin/env bash
# The README's two commands:
#   ./build.sh demo [exposcan demo flags...]   install what is missing, build, run `exposcan demo`
#   ./build.sh test                            install what is missing, build, run the test suite
# BUILD_DIR (default: build), BUILD_TYPE (default: Release) and JOBS (default: nproc) can be set.
set -euo pipefail
cd "$(dirname "$0")"
mode="${1:-}"
shift || true
build_dir="${BUILD_DIR:-build}"
jobs="${JOBS:-$(nproc)}"

case "$mode" in
  demo) scripts/install-deps.sh ;;
  test) scripts/install-deps.sh --test ;;
  *) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac

# Release (-O3, no debug info): the optimised binary the demo and benchmarks want, and about a
# third less compile time than the default RelWithDebInfo (measured: -g costs 30-50% per file).
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" >/dev/null
cmake --build "$build_dir" -j "$jobs"

case "$mode" in
  demo) exec "$build_dir/exposcan" demo "$@" ;;
  test) cd "$build_dir" && exec ctest -j "$jobs" --output-on-failure --timeout 300 ;;
esac
