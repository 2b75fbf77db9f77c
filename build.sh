#!/usr/bin/env bash
# The README's two commands:
#   ./build.sh demo [exposcan demo flags...]   install what is missing, build, run `exposcan demo`
#   ./build.sh test                            install what is missing, build, run the test suite
# BUILD_DIR (default: build) and JOBS (default: nproc) can be set.
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

cmake -S . -B "$build_dir" >/dev/null
cmake --build "$build_dir" -j "$jobs"

case "$mode" in
  demo) exec "$build_dir/exposcan" demo "$@" ;;
  test) cd "$build_dir" && exec ctest -j "$jobs" --output-on-failure --timeout 300 ;;
esac
